"""Reads over the standard library's `http.client`, for the look that may end the run.

A run with nothing to do makes two reads: the discovery PROPFIND and one sync-collection REPORT
per calendar. Importing caldav and its HTTP stack (niquests) takes 0.2 s, longer than those reads
and everything else such a run does together. So `Dav.plainly()` sends that look's reads here,
with the same settings: TLS verified against the same CA bundle, the same timeout, Basic auth
sent with the first request, redirects never followed.

This is a shortcut, never a second policy. Whenever it cannot carry a request exactly as caldav
would (a proxy in the environment, credentials that are not ASCII) or the request fails at all
(a network or TLS error, a timeout, a status worth retrying), it raises `Unsuitable` and the
request is sent again through caldav, which retries, reports and counts it like every other.
HTTP statuses and bodies are judged above (sync/transport.py, sync/protocol.py), the same for
both.
"""

from __future__ import annotations

import base64
import http.client
import math
import os
import ssl
from collections.abc import Mapping
from urllib.parse import urlsplit

from sync import limits
from sync.settings import Settings

USER_AGENT = "kpss-sync"
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy")
_TRUST_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")
"""Where caldav's HTTP library takes its trust anchors from when no --ca-bundle is given."""


class Unsuitable(Exception):
    """This request is for caldav to send: `kind` says why.

    "tls": caldav sends it at once (it may trust what the standard library does not); "network" or
    "timeout": the request failed as caldav's would have, so it counts as an attempt, and the
    retry after the usual wait goes through caldav.
    """

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail


class Plain:
    """One keep-alive connection to the configured server."""

    def __init__(self, settings: Settings) -> None:
        parts = urlsplit(settings.url)
        self.settings = settings
        self.https = parts.scheme == "https"
        self.host = parts.hostname or ""
        self.port = parts.port
        self.usable = _carries(settings, self.host, os.environ)
        credentials = f"{settings.username}:{settings.password}".encode("ascii", "replace")
        self._auth = "Basic " + base64.b64encode(credentials).decode("ascii")
        self._connection: http.client.HTTPConnection | None = None

    def request(self, method: str, url: str, body: bytes, headers: Mapping[str, str],
                until: float = math.inf) -> tuple[int, dict[str, str], bytes, str]:
        """Status, headers, body and reason phrase; Unsuitable for anything but a complete
        answer. The body is read as limits.read_body reads it: no further than
        limits.MAX_BODY, nor past `until` (the caller's deadline, which also interrupts the
        wait for the status line however many `100 Continue` come first). The caller sends
        only while `usable`."""
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        sent = {**headers, "Authorization": self._auth, "User-Agent": USER_AGENT}
        try:
            connection = self._connect()
            connection.request(method, target, body=body, headers=sent)
            response = connection.getresponse()
            data = limits.read_body(iter(lambda: response.read(limits.CHUNK), b""),
                                    response.getheader("Content-Encoding") or "", until=until)
            if response.length:  # read(amt) takes an early end of the body for its end
                raise http.client.IncompleteRead(data, response.length)
        except BaseException as exc:
            self.close()  # whatever was cut off, this connection's state is unknown
            raise _unsuitable(exc) from None
        if response.will_close:
            self.close()
        return response.status, dict(response.getheaders()), data, response.reason

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            timeout = self.settings.timeout
            if self.https:
                self._connection = http.client.HTTPSConnection(
                    self.host, self.port, timeout=timeout, context=_tls(self.settings, os.environ))
            else:
                self._connection = http.client.HTTPConnection(self.host, self.port,
                                                              timeout=timeout)
        return self._connection


def _unsuitable(exc: BaseException) -> BaseException:
    """What a failed request raises: Unsuitable where caldav is to try, else `exc` itself
    (the deadline, a limit, or a bug)."""
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return Unsuitable("tls", type(exc).__name__)
    if isinstance(exc, TimeoutError):
        return Unsuitable("timeout", type(exc).__name__)
    if isinstance(exc, OSError | http.client.HTTPException):  # reset, refused, cut short
        return Unsuitable("network", type(exc).__name__)
    return exc


def _tls(settings: Settings, env: Mapping[str, str]) -> ssl.SSLContext:
    """Verification as caldav's HTTP library does it: against --ca-bundle, else the bundle the
    environment names, else the system's authorities."""
    verify = settings.verify_tls
    if verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    named = next((env[name] for name in _TRUST_VARIABLES if env.get(name)), None)
    return ssl.create_default_context(cafile=verify if isinstance(verify, str) else named)


def _carries(settings: Settings, host: str, env: Mapping[str, str]) -> bool:
    """Whether a request could go exactly as caldav would send it: not through a proxy (which
    caldav's HTTP library takes from the environment), and with credentials both send alike."""
    if not (settings.username.isascii() and settings.password.isascii()):
        return False
    lowered = {k.lower(): v for k, v in env.items() if v}
    if not any(name in lowered for name in _PROXY_VARIABLES):
        return True
    bypass = [h.strip().lstrip(".").lower() for h in lowered.get("no_proxy", "").split(",")]
    return "*" in bypass or any(h and (host == h or host.endswith("." + h)) for h in bypass)


__all__ = ["Plain", "Unsuitable"]
