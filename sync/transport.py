"""The HTTP side of the sync: one connection to the server, requests counted, streamed within
size limits and deadlines (sync/limits.py), decompressed, and retried where that is safe, over
caldav's HTTP session or, for reads, the standard library (sync/plain.py); every failure is
turned into a `SyncError`. What the requests say is sync/protocol.py's business.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import math
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

from sync import errors, hrefs, limits
from sync.plain import Plain, Unsuitable
from sync.settings import Settings

if TYPE_CHECKING:
    from caldav.davclient import DAVClient

MAX_ATTEMPTS = 3
BACKOFF = (0.5, 1.5)
MAX_RETRY_AFTER = 10.0
RETRY_STATUS = {423, 429, 502, 503, 504}
"""Worth another try: 423 is what Xandikos answers while a concurrent write holds its store."""


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes
    reason: str = ""


class Transport:
    """A counted, retrying HTTP connection to one server."""

    def __init__(self, settings: Settings, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.requests = 0
        self.writes = 0
        self._sleep = sleep
        parts = urlsplit(settings.url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self._client: DAVClient | None = None
        self._plain: Plain | None = None
        self._sent: Callable[[], None] | None = None
        self.deadline = limits.Deadline(settings.timeout, settings.deadline)

    @property
    def client(self) -> DAVClient:
        """caldav's client, made (and caldav imported) at the first request that needs it."""
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> DAVClient:
        from caldav.davclient import DAVClient  # noqa: PLC0415 - see sync/plain.py

        settings = self.settings
        # auth_type="basic" sends credentials with the first request instead of after a 401,
        # saving one request per run; RFC 6764 discovery is off: the URL is given.
        client = DAVClient(
            url=settings.url, username=settings.username, password=settings.password,
            auth_type="basic", timeout=settings.timeout,  # type: ignore[arg-type]
            ssl_verify_cert=settings.verify_tls,
            enable_rfc6764=False,
        )
        original = client.session.request

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.requests += 1
            # A redirect could lead anywhere: never follow one (the request and its body would
            # go to another server); expect() reports it instead.
            kwargs["allow_redirects"] = False
            if self._sent is not None:
                kwargs["hooks"] = {**(kwargs.get("hooks") or {}), "on_upload": [self._uploaded]}
            return original(*args, **kwargs)

        # Count at the HTTP session, below caldav's auth negotiation, so every request shows.
        client.session.request = counted  # type: ignore[method-assign]
        return client

    def tell_when_sent(self, callback: Callable[[], None] | None) -> bool:
        """Have `callback` called each time a request through caldav has been sent in full
        (its body written, its answer not yet read), or stop with None. False when caldav's
        HTTP library cannot tell: niquests can (its `on_upload` hook), requests cannot."""
        if callback is None:
            self._sent = None
            return False
        hooks = getattr(self.client.session, "hooks", None) or {}
        self._sent = callback if "on_upload" in hooks else None
        return self._sent is not None

    def _uploaded(self, request: Any) -> None:
        progress = getattr(request, "upload_progress", None)
        if self._sent is not None and progress is not None and progress.is_completed:
            self._sent()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the keep-alive connections now rather than whenever they are collected."""
        if self._plain is not None:
            self._plain.close()
        if self._client is not None:
            self._client.close()

    @contextlib.contextmanager
    def plainly(self) -> Iterator[None]:
        """Send the reads of this block over the standard library where it can carry them
        (sync/plain.py); anything it cannot goes through caldav after all."""
        self._plain = Plain(self.settings)
        try:
            yield
        finally:
            self._plain.close()
            self._plain = None

    def url(self, href: str) -> str:
        """The absolute URL of `href`, used as given (never unquoted and joined again): refused
        when it is not a plain path on the configured server (sync/hrefs.py)."""
        path = hrefs.path_of(href)
        if path is None:
            raise errors.OutsideServer(href, url=href)
        if "://" in href and not href.lower().startswith(self.origin.lower() + "/"):
            raise errors.OutsideServer(href, url=href)  # a URL of ours names no other server
        return self.origin + path

    def names(self, found: str, path: str) -> bool:
        """An href the server sent names the resource at `path` (ours, already checked)."""
        where, target = hrefs.path_of(found), hrefs.path_of(path)
        return where is not None and target is not None and hrefs.same(where, target)

    def child(self, parent: str, found: str) -> str | None:
        """The decoded name of an href the server sent, when it is directly below `parent`."""
        return hrefs.child(parent, found)

    def send(self, method: str, href: str, body: bytes | str = b"",
             headers: Mapping[str, str] | None = None) -> Response:
        """One request, retried on network errors, 429 and 5xx (all our requests are safe to
        repeat: reads, or writes made conditional with If-Match / If-None-Match), each attempt
        and every wait within the run's deadline."""
        url = self.url(href)
        data = body.encode("utf-8") if isinstance(body, str) else body
        sent = _headers(headers, url)
        for attempt in range(MAX_ATTEMPTS):
            try:
                response = self._once(method, url, data, sent)
            except (errors.NetworkError, errors.Timeout):
                if attempt + 1 == MAX_ATTEMPTS:
                    raise
                self._wait(BACKOFF[min(attempt, len(BACKOFF) - 1)], url)
                continue
            if response.status in RETRY_STATUS and attempt + 1 < MAX_ATTEMPTS:
                self._wait(_retry_after(response.headers, BACKOFF[min(attempt, 1)]), url)
                continue
            if method in ("PUT", "DELETE", "MKCALENDAR") and response.status < 300:
                self.writes += 1
            return response
        raise AssertionError  # pragma: no cover - the loop returns or raises

    def _wait(self, seconds: float, url: str) -> None:
        """Wait before the next attempt, unless the run's deadline comes first."""
        if seconds >= self.deadline.left():
            raise self._late(url)
        self._sleep(seconds)

    def _late(self, url: str) -> errors.SyncError:
        return errors.DeadlineExceeded(url, url=url, seconds=f"{self.deadline.per_run:g}")

    def _expired(self, url: str) -> errors.SyncError:
        """A request cut off at its deadline: a timeout (retried) or the run's end."""
        return self._late(url) if self.deadline.passed() else errors.Timeout(url, url=url)

    def _once(self, method: str, url: str, body: bytes, headers: dict[str, str]) -> Response:
        if self._plain is not None and method in ("PROPFIND", "REPORT"):  # reads only
            response = self._plainly(method, url, body, headers)
            if response is not None:
                return response
        limit = limits.MAX_EVENT if method == "GET" else limits.MAX_BODY  # we GET events only
        try:
            return self._bounded(lambda until: self._caldav(method, url, body, headers,
                                                            until=until, limit=limit), url, limit)
        except errors.SyncError:
            raise
        except Exception as exc:  # the HTTP library's own hierarchy: map by name, no import
            raise _network_error(exc, url) from None

    def _bounded(self, request: Callable[[float], Response], url: str, limit: int) -> Response:
        """`request(until)` within its deadline, its failures of size and time as SyncErrors."""
        try:
            with self.deadline.request() as until:
                return request(until)
        except limits.Expired:
            self._reset()
            raise self._expired(url) from None
        except limits.TooLarge:
            raise errors.TooLarge(url, url=url, limit=limit >> 20) from None
        except limits.Undecodable as exc:
            raise errors.BadResponse(f"Content-Encoding: {exc}", url=url) from None

    def _reset(self) -> None:
        """Drop every connection a request was cut off in (its state is unknown)."""
        if self._plain is not None:
            self._plain.close()
        if self._client is not None:
            self._client.close()
            self._client = None

    def _caldav(self, method: str, url: str, body: bytes, headers: dict[str, str], *,
                until: float, limit: int) -> Response:
        """One request through caldav's HTTP session, with caldav's headers, authentication
        and TLS settings, the answer read as a stream: caldav's own `request` reads the whole
        body at once (and parses it with lxml, whose size limits made a large foreign event
        fail every run)."""
        client = self.client
        sent: dict[str, str] = {**dict(client.headers),
                                "Accept-Encoding": limits.ACCEPTED_CODINGS, **headers}
        if not body:
            sent.pop("Content-Type", None)
        answer = client.session.request(
            method, url, data=body, headers=sent, auth=client.auth,
            timeout=self.settings.timeout, verify=client.ssl_verify_cert, cert=client.ssl_cert,
            stream=True)
        try:
            found = dict(answer.headers or {})
            data = limits.read_body(_raw_chunks(answer), _header(found, "content-encoding"),
                                    limit=limit, until=until)
        except BaseException:
            answer.close()  # unread: the connection cannot be reused
            raise
        _release(answer)
        return Response(int(answer.status_code or 0), found, data, str(answer.reason or ""))

    def _plainly(self, method: str, url: str, body: bytes,
                 headers: dict[str, str]) -> Response | None:
        """The answer over the standard library, or None when caldav is to send the request
        at once. A failure, or a status worth retrying, is handed to `send` like caldav's, and
        its retry, like every later request, goes through caldav."""
        plain = self._plain
        assert plain is not None  # noqa: S101 - checked by the caller
        if not plain.usable:
            return None
        self.requests += 1
        try:
            response = self._bounded(lambda until: Response(*plain.request(
                method, url, body, headers, until)), url, limits.MAX_BODY)
        except Unsuitable as exc:
            plain.usable = False
            if exc.kind == "timeout":
                raise errors.Timeout(url, url=url) from None
            if exc.kind == "network":
                raise errors.NetworkError(exc.detail, url=url) from None
            return None
        except (errors.Timeout, errors.DeadlineExceeded):
            plain.usable = False
            raise
        if response.status in RETRY_STATUS:
            plain.usable = False
        return response


def _retry_after(headers: Mapping[str, str], default: float) -> float:
    """Seconds to wait (RFC 9110 §10.2.3: seconds or an HTTP-date), within 0 and
    MAX_RETRY_AFTER; `default` for anything else (`nan`, garbage)."""
    value = _header(headers, "retry-after").strip()
    try:
        seconds = float(value) if value[:1].isdigit() else _until(value)
    except (ValueError, TypeError, IndexError, OverflowError):
        return default
    return min(max(seconds, 0.0), MAX_RETRY_AFTER) if math.isfinite(seconds) else default


def _until(date: str) -> float:
    when = email.utils.parsedate_to_datetime(date)
    if when.tzinfo is None:
        raise ValueError(date)
    return (when - dt.datetime.now(dt.UTC)).total_seconds()


def _header(headers: Mapping[str, str], name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name), "")


def _headers(headers: Mapping[str, str] | None, url: str) -> dict[str, str]:
    """Our request headers; a value with a line break or another control character can only
    have come from a server (an ETag), and would split the header: refused as a bad answer."""
    sent = dict(headers or {})
    for name, value in sent.items():
        if not value.isprintable():
            raise errors.BadResponse(f"{name}: {value}", url=url)
    return sent


def _raw_chunks(answer: Any) -> Iterator[bytes]:
    """The body as it came (de-chunked, still compressed), in pieces of at most limits.CHUNK:
    niquests' `iter_raw`, or the urllib3 stream under a requests response."""
    iter_raw = getattr(answer, "iter_raw", None)
    if iter_raw is not None:
        return iter(iter_raw(limits.CHUNK))
    return iter(answer.raw.stream(limits.CHUNK, decode_content=False))


def _release(answer: Any) -> None:
    """Hand the connection back to the pool for the next request (keep-alive): the body has
    been read to its end."""
    if hasattr(answer, "iter_raw"):  # niquests marks it consumed: close() only releases
        answer.close()
    else:
        answer.raw.release_conn()


def _network_error(exc: Exception, url: str) -> errors.SyncError:
    names = {cls.__name__ for cls in type(exc).__mro__}
    if names & {"SSLError", "CertificateError"}:
        return errors.TLSError(url, url=url)
    if names & {"Timeout", "ReadTimeout", "ConnectTimeout", "TimeoutError"}:
        return errors.Timeout(url, url=url)
    if names & {"ConnectionError", "RequestException", "OSError", "ProtocolError",
                "ChunkedEncodingError", "HTTPError"}:
        return errors.NetworkError(type(exc).__name__, url=url)
    return errors.BadResponse(type(exc).__name__, url=url)
