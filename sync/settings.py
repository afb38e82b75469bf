"""Where and as whom to sync: read from the environment, checked before any request."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sync.errors import ConfigError, InsecureURL

ENV_RECORD_URL = "KPSS_RECORD_URL"
"""Prefix of the public link to each record, written into events (see sync/ics.py)."""

ENV_URL = "KPSS_CALDAV_URL"
ENV_USER = "KPSS_CALDAV_USERNAME"
ENV_PASSWORD = "KPSS_CALDAV_PASSWORD"  # noqa: S105 - the variable's name, not a password
ENV_PASSWORD_FILE = "KPSS_CALDAV_PASSWORD_FILE"  # noqa: S105 - the variable's name
_MAX_PASSWORD = 4096


@dataclass(frozen=True)
class Settings:
    url: str
    username: str
    password: str = field(repr=False)
    timeout: float = 30.0
    """Seconds for one request in total (sync/limits.py), not per socket read."""
    verify_tls: bool | str = True
    deadline: float = 600.0
    """Seconds for the whole run's requests and waits."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def from_env(env: Mapping[str, str] | None = None, *, allow_http: bool = False,
             timeout: float = 30.0, ca_bundle: str | None = None,
             deadline: float = 600.0) -> Settings:
    """Settings from KPSS_CALDAV_*; refuses plain http to anything but loopback."""
    env = os.environ if env is None else env
    url = env.get(ENV_URL, "").strip()
    missing = [name for name in (ENV_URL, ENV_USER) if not env.get(name, "").strip()]
    password = env.get(ENV_PASSWORD)
    if password is None and env.get(ENV_PASSWORD_FILE):
        password = _password_file(env[ENV_PASSWORD_FILE])
    if password is None:
        missing.append(f"{ENV_PASSWORD} / {ENV_PASSWORD_FILE}")
    if missing:
        raise ConfigError(", ".join(missing), name=", ".join(missing))
    _check_url(url, allow_http)
    user = env[ENV_USER].strip()
    if ":" in user:  # Basic auth cannot carry it (RFC 7617 §2)
        raise ConfigError(ENV_USER, name=ENV_USER)
    if not url.endswith("/"):
        url += "/"
    assert password is not None  # noqa: S101 - checked above
    return Settings(url, user, password, timeout, ca_bundle or True, deadline)


def _password_file(name: str) -> str:
    """The file's text, read no further than a password can be long (not /dev/zero whole)."""
    try:
        with Path(name).open("rb") as file:
            data = file.read(_MAX_PASSWORD + 1)
        if len(data) > _MAX_PASSWORD:
            raise ConfigError(f"{ENV_PASSWORD_FILE}: > {_MAX_PASSWORD} B", name=ENV_PASSWORD_FILE)
        return data.decode("utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"{ENV_PASSWORD_FILE}: {exc.strerror}", name=ENV_PASSWORD_FILE) \
            from None
    except UnicodeDecodeError:
        raise ConfigError(f"{ENV_PASSWORD_FILE}: UTF-8", name=ENV_PASSWORD_FILE) from None


def _check_url(url: str, allow_http: bool) -> None:
    """ConfigError for anything we could not connect to as written: a
    scheme other than http(s), no host, a port out of range, a broken IPv6 literal, spaces or
    control characters, credentials in the URL; InsecureURL for plain http off this machine."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port  # .port raises for one out of 0-65535
    except ValueError:
        host = port = None
        parts = urlsplit("")
    printable = url.isprintable() and not any(c.isspace() for c in url)
    if parts.scheme not in ("http", "https") or not host or not printable or port == 0:
        raise ConfigError(f"{ENV_URL}: {url}", name=ENV_URL)
    if parts.username or parts.password:
        raise ConfigError(f"{ENV_URL}: přihlašovací údaje nepatří do adresy", name=ENV_URL)
    if parts.scheme == "http" and not is_loopback(host) and not allow_http:
        raise InsecureURL(host, host=host)
