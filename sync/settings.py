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


@dataclass(frozen=True)
class Settings:
    url: str
    username: str
    password: str = field(repr=False)
    timeout: float = 30.0
    verify_tls: bool | str = True


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def from_env(env: Mapping[str, str] | None = None, *, allow_http: bool = False,
             timeout: float = 30.0, ca_bundle: str | None = None) -> Settings:
    """Settings from KPSS_CALDAV_*; refuses plain http to anything but loopback."""
    env = os.environ if env is None else env
    url = env.get(ENV_URL, "").strip()
    missing = [name for name in (ENV_URL, ENV_USER) if not env.get(name, "").strip()]
    password = env.get(ENV_PASSWORD)
    if password is None and env.get(ENV_PASSWORD_FILE):
        try:
            password = Path(env[ENV_PASSWORD_FILE]).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{ENV_PASSWORD_FILE}: {exc.strerror}", name=ENV_PASSWORD_FILE) \
                from None
    if password is None:
        missing.append(f"{ENV_PASSWORD} / {ENV_PASSWORD_FILE}")
    if missing:
        raise ConfigError(", ".join(missing), name=", ".join(missing))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{ENV_URL}: {url}", name=ENV_URL)
    if parts.username or parts.password:
        raise ConfigError(f"{ENV_URL}: přihlašovací údaje nepatří do adresy", name=ENV_URL)
    if parts.scheme == "http" and not is_loopback(parts.hostname) and not allow_http:
        raise InsecureURL(parts.hostname, host=parts.hostname)
    if not url.endswith("/"):
        url += "/"
    assert password is not None  # noqa: S101 - checked above
    return Settings(url, env[ENV_USER].strip(), password, timeout, ca_bundle or True)
