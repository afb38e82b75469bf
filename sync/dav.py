"""The HTTP side of CalDAV: requests through the `caldav` library's client, counted, retried
where that is safe, with every failure turned into a `SyncError`.

XML bodies are built and read with ElementTree (RFC 4918 PROPFIND/PROPPATCH, RFC 4791
MKCALENDAR and calendar-multiget).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import math
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from sync import errors, hrefs, limits
from sync.plain import Plain, Unsuitable
from sync.settings import Settings

if TYPE_CHECKING:
    from caldav.davclient import DAVClient

DAV, CALDAV, ICAL, KPSS = "DAV:", "urn:ietf:params:xml:ns:caldav", "http://apple.com/ns/ical/", \
    "urn:kpss:sync"
for _prefix, _uri in (("D", DAV), ("C", CALDAV), ("I", ICAL), ("K", KPSS)):
    ET.register_namespace(_prefix, _uri)

MAX_ATTEMPTS = 3
BACKOFF = (0.5, 1.5)
MAX_RETRY_AFTER = 10.0
MULTIGET_BATCH = 500
"""Members per calendar-multiget: a few MB of events at most, well below limits.MAX_BODY."""
RETRY_STATUS = {423, 429, 502, 503, 504}
"""Worth another try: 423 is what Xandikos answers while a concurrent write holds its store."""


def tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes
    reason: str = ""


@dataclass(frozen=True)
class Resource:
    """One `<response>` of a multistatus: its href and the properties found (status 200)."""

    href: str
    props: Mapping[str, ET.Element] = field(default_factory=dict)
    status: int = 200

    def text(self, name: str) -> str | None:
        element = self.props.get(name)
        return (element.text or "") if element is not None else None


class Dav:
    """A counted, retrying CalDAV connection to one server."""

    def __init__(self, settings: Settings, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.requests = 0
        self.writes = 0
        self._sleep = sleep
        parts = urlsplit(settings.url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self._client: DAVClient | None = None
        self.refused: set[str] = set()
        """Properties the server refused to keep in this run: not asked for again."""
        self.conditional: bool | None = None
        """The server honours If-Match / If-None-Match (None: not asked yet; sync/guard.py)."""
        self._plain: Plain | None = None
        self._sent: Callable[[], None] | None = None
        self.deadline = limits.Deadline(settings.timeout, settings.deadline)
        self.oversized: list[str] = []
        """Members skipped as larger than limits.MAX_EVENT (someone else's), to report."""

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

    def __enter__(self) -> Dav:
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

    def propfind(self, href: str, props: Iterable[str], depth: int) -> list[Resource]:
        root = ET.Element(tag(DAV, "propfind"))
        prop = ET.SubElement(root, tag(DAV, "prop"))
        for name in props:
            ET.SubElement(prop, name)
        headers = {"Depth": str(depth), "Content-Type": "application/xml; charset=utf-8"}
        response = self.send("PROPFIND", href, _xml(root), headers)
        if response.status == 404:
            raise errors.NotFound(self.url(href), url=self.url(href))
        expect(response, 207, href=self.url(href))
        resources = parse_multistatus(response.body, self.url(href))
        # Some servers (Xandikos) answer a PROPFIND on a missing resource with a 207 whose
        # only <response> carries `404 Not Found` (RFC 4918 §9.1 allows either form).
        if any(r.status == 404 and self.names(r.href, href) for r in resources):
            raise errors.NotFound(self.url(href), url=self.url(href))
        return resources

    def multiget(self, href: str, members: Iterable[str]) -> list[Resource]:
        """calendar-multiget (RFC 4791 §7.9): etag and data of the given members, in batches
        of MULTIGET_BATCH. A member whose data is over limits.MAX_EVENT comes back with status
        507 and no data (see `_fetched`)."""
        wanted = list(members)
        found: list[Resource] = []
        for start in range(0, len(wanted), MULTIGET_BATCH):
            found.extend(self._multiget(href, wanted[start:start + MULTIGET_BATCH]))
        return found

    def _multiget(self, href: str, members: list[str]) -> list[Resource]:
        root = ET.Element(tag(CALDAV, "calendar-multiget"))
        prop = ET.SubElement(root, tag(DAV, "prop"))
        ET.SubElement(prop, tag(DAV, "getetag"))
        ET.SubElement(prop, tag(CALDAV, "calendar-data"))
        for member in members:
            ET.SubElement(root, tag(DAV, "href")).text = member
        try:
            response = self.send("REPORT", href, _xml(root),
                                 {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        except errors.TooLarge:
            if len(members) == 1:  # one event larger than any answer we read
                return self._oversize(members[0])
            half = len(members) // 2  # halves until the large one is alone
            return self._multiget(href, members[:half]) + self._multiget(href, members[half:])
        if response.status == 404 and len(members) > 1:
            # RFC 4791 §7.9 wants a 404 for that member inside the 207; sabre/dav 1.8 answers
            # 404 for the whole report when one member was deleted since we listed it. Ask for
            # each on its own (more requests, only in that race); when none is found, the 404
            # was about the calendar or the report after all.
            found = [r for member in members for r in self._multiget_one(href, member)]
            if found:
                return found
        expect(response, 207, href=self.url(href))
        return [self._fetched(r) for r in parse_multistatus(response.body, self.url(href))]

    def _multiget_one(self, href: str, member: str) -> list[Resource]:
        try:
            return self._multiget(href, [member])
        except errors.NotFound:
            return []

    def _fetched(self, resource: Resource) -> Resource:
        """The resource, or where its data is over limits.MAX_EVENT, only its ETag and status
        507: someone else's event (ours are a few kB), skipped and reported, never read."""
        data = resource.props.get(tag(CALDAV, "calendar-data"))
        if data is None or len(data.text or "") <= limits.MAX_EVENT:
            return resource
        self.oversized.append(resource.href)
        props = {k: v for k, v in resource.props.items() if k == tag(DAV, "getetag")}
        return Resource(resource.href, props, 507)

    def _oversize(self, member: str) -> list[Resource]:
        """A member too large to read even alone: its ETag by a PROPFIND, status 507."""
        try:
            found = self.propfind(member, [tag(DAV, "getetag")], depth=0)
        except errors.SyncError:
            return []  # not returned: neither ours nor known foreign, left alone
        self.oversized.extend(r.href for r in found[:1])
        return [Resource(r.href, r.props, 507) for r in found[:1]]

    def sync_collection(self, href: str, token: str) -> tuple[str, list[Resource]]:
        """sync-collection (RFC 6578 §3.2): the members changed or removed since `token` (a
        removed one has status 404), and the collection's current token.

        Raises TokenRefused when the server cannot answer from that token (unknown or expired,
        the report unsupported, or the answer truncated): the caller lists the calendar instead.
        """
        root = ET.Element(tag(DAV, "sync-collection"))
        ET.SubElement(root, tag(DAV, "sync-token")).text = token
        ET.SubElement(root, tag(DAV, "sync-level")).text = "1"
        ET.SubElement(ET.SubElement(root, tag(DAV, "prop")), tag(DAV, "getetag"))
        url = self.url(href)
        try:
            response = self.send("REPORT", href, _xml(root),
                                 {"Content-Type": "application/xml; charset=utf-8"})
            expect(response, 207, href=url)
            document = _document(response.body, url)
        except (errors.Forbidden, errors.Rejected, errors.NotFound,
                errors.PreconditionFailed) as exc:
            raise errors.TokenRefused(url, url=url) from exc
        fresh = (document.findtext(tag(DAV, "sync-token")) or "").strip()
        resources = _resources(document, url, per_prop=False)
        truncated = any(r.status == 507 and self.names(r.href, href) for r in resources)
        if not fresh or truncated:
            raise errors.TokenRefused(url, url=url)
        return fresh, [r for r in resources if not self.names(r.href, href)]

    def names(self, found: str, path: str) -> bool:
        """An href the server sent names the resource at `path` (ours, already checked)."""
        where, target = hrefs.path_of(found), hrefs.path_of(path)
        return where is not None and target is not None and hrefs.same(where, target)

    def child(self, parent: str, found: str) -> str | None:
        """The decoded name of an href the server sent, when it is directly below `parent`."""
        return hrefs.child(parent, found)

    def proppatch(self, href: str, values: Mapping[str, str]) -> bool:
        """Set properties; True when the server kept all of them, False when it refused any
        (in the 207, or for the whole request: 403 or 409, RFC 4918 §9.2.1): a property the
        server will not keep is no failure of the sync, which then does without it."""
        root = ET.Element(tag(DAV, "propertyupdate"))
        prop = ET.SubElement(ET.SubElement(root, tag(DAV, "set")), tag(DAV, "prop"))
        for name, value in values.items():
            ET.SubElement(prop, name).text = value
        try:
            response = self.send("PROPPATCH", href, _xml(root),
                                 {"Content-Type": "application/xml; charset=utf-8"})
        except errors.Forbidden:  # caldav raises for a 403 (sabre/dav's answer, as a whole)
            return False
        if response.status in (200, 204):
            self.writes += 1
            return True
        if response.status in (403, 409):
            return False
        expect(response, 207, href=self.url(href))
        kept = all(r.status < 300 for r in parse_multistatus(response.body, self.url(href),
                                                             per_prop=True))
        # PROPPATCH is all or nothing (RFC 4918 §9.2): a refused property means no write.
        self.writes += kept
        return kept

    def mkcalendar(self, href: str, values: Mapping[str, str]) -> None:
        """Create a calendar with its display properties (RFC 4791 §5.3.1)."""
        root = ET.Element(tag(CALDAV, "mkcalendar"))
        prop = ET.SubElement(ET.SubElement(root, tag(DAV, "set")), tag(DAV, "prop"))
        for name, value in values.items():
            ET.SubElement(prop, name).text = value
        response = self.send("MKCALENDAR", href, _xml(root),
                             {"Content-Type": "application/xml; charset=utf-8"})
        expect(response, 201, href=self.url(href))


def _xml(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def expect(response: Response, *statuses: int, href: str) -> None:
    """Turn an unexpected status into the matching SyncError, with the server's own reason."""
    if response.status in statuses:
        return
    status, reason = response.status, reason_of(response)
    if status == 401:
        raise errors.AuthError(href, url=href)
    if status == 403 and not _conditions(response) - {"need-privileges"}:
        # "No permission" unless the server names another precondition (RFC 4791 §1.3: a
        # refused event is answered 403 with, e.g., `valid-calendar-data`).
        raise errors.Forbidden(href, url=href, reason=f" (server: {reason})" if reason else "")
    if status == 404:
        raise errors.NotFound(href, url=href)
    if status == 412:
        raise errors.PreconditionFailed(href, url=href, reason=reason)
    if 300 <= status < 400:
        target = {k.lower(): v for k, v in response.headers.items()}.get("location", "?")
        raise errors.Redirected(target, url=href, target=target)
    if (status >= 500 and status != 507) or status in RETRY_STATUS:  # 507: this write's size
        raise errors.ServerError(_told(status, reason), url=href, status=status, reason=reason)
    raise errors.Rejected(_told(status, reason), url=href, status=status, reason=reason)


def _told(status: int, reason: str) -> str:
    return f"HTTP {status}: {reason}" if reason else f"HTTP {status}"


REASON_BYTES = 64 * 1024
"""More of an error body than any server's explanation needs; a longer one is not read."""
SABRE = "http://sabredav.org/ns"


def reason_of(response: Response) -> str:
    """Why the server refused, in its own words: the precondition or postcondition elements of
    a `DAV:error` body (RFC 4918 §16, RFC 4791 §5.3.2.1, e.g. `valid-calendar-data`) with
    any text they or sabre/dav's `s:message` carry, a multistatus' `responsedescription`, or
    the first line of a plain-text body. "" when it gave none."""
    body = response.body
    if not body.strip() or len(body) > REASON_BYTES:
        return ""
    if body.lstrip()[:1] != b"<":
        kind = {k.lower(): v for k, v in response.headers.items()}.get("content-type", "")
        text = body.decode("utf-8", "replace").strip().splitlines()
        return text[0][:200] if kind.startswith("text/plain") and text else ""
    try:
        root = _xml_root(body)
    except ET.ParseError:
        return ""
    told = [c for c in root if c.tag != tag(SABRE, "exception")] \
        if root.tag == tag(DAV, "error") else []
    names = [_local(c.tag) for c in told if c.tag != tag(SABRE, "message")]
    words = [(c.text or "").strip() for c in told]
    words += [(e.text or "").strip() for e in root.iter(tag(DAV, "responsedescription"))]
    said = "; ".join(w for w in words if w)
    return ", ".join(names) + (f" ({said})" if names and said else said)


def _conditions(response: Response) -> set[str]:
    """The precondition elements a `DAV:error` body names (RFC 4918 §16)."""
    if len(response.body) > REASON_BYTES or response.body.lstrip()[:1] != b"<":
        return set()
    try:
        root = _xml_root(response.body)
    except ET.ParseError:
        return set()
    return {_local(c.tag) for c in root if c.tag.startswith("{")} - {"message", "exception"} \
        if root.tag == tag(DAV, "error") else set()


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def parse_multistatus(body: bytes, base: str, *, per_prop: bool = False) -> list[Resource]:
    """The `<response>` elements of a 207 body (RFC 4918 §13)."""
    return _resources(_document(body, base), base, per_prop=per_prop)


class _Counted(ET.TreeBuilder):
    """Builds the tree, refusing more than limits.MAX_ELEMENTS elements as they are read:
    16 MB of `<a/>` would otherwise become 400 MB of elements."""

    def __init__(self) -> None:
        super().__init__()
        self.elements = 0

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self.elements += 1
        if self.elements > limits.MAX_ELEMENTS:
            raise _TooManyElements
        return super().start(tag, attrs)


class _TooManyElements(ET.ParseError):
    """More elements than limits.MAX_ELEMENTS; `_document` reports it as TooMany."""


def _xml_root(body: bytes) -> ET.Element:
    """The root of an XML body; a DTD anywhere is refused, in any encoding (a DAV body never
    needs one, and refusing it rules out entity expansion and external entities), and so are
    more than limits.MAX_ELEMENTS elements."""
    parser = SafeET.DefusedXMLParser(target=_Counted(), forbid_dtd=True)
    try:
        parser.feed(body)
        return parser.close()
    except (DefusedXmlException, ValueError) as exc:
        raise ET.ParseError(type(exc).__name__) from None


def _document(body: bytes, base: str) -> ET.Element:
    """The `<multistatus>` root of a 207 body, of at most limits.MAX_MEMBERS responses."""
    try:
        root = _xml_root(body)
    except _TooManyElements:
        raise errors.TooMany(base, url=base, limit=limits.MAX_ELEMENTS) from None
    except ET.ParseError as exc:
        raise errors.BadResponse(str(exc), url=base) from None
    if root.tag != tag(DAV, "multistatus"):
        raise errors.BadResponse(root.tag, url=base)
    if sum(1 for _ in root.iter(tag(DAV, "response"))) > limits.MAX_MEMBERS:
        raise errors.TooMany(base, url=base, limit=limits.MAX_MEMBERS)
    return root


def _resources(root: ET.Element, base: str, *, per_prop: bool) -> list[Resource]:
    resources = []
    for item in root.iter(tag(DAV, "response")):
        href = (item.findtext(tag(DAV, "href")) or "").strip()  # opaque: see sync/hrefs.py
        props: dict[str, ET.Element] = {}
        worst = _status(item.findtext(tag(DAV, "status")), 200)
        for propstat in item.iter(tag(DAV, "propstat")):
            status = _status(propstat.findtext(tag(DAV, "status")), 200)
            worst = max(worst, status) if per_prop else worst
            if status == 200:
                for prop in propstat.iter(tag(DAV, "prop")):
                    props.update({child.tag: child for child in prop})
        resources.append(Resource(href, props, worst))
    return resources


def _status(line: str | None, default: int) -> int:
    """The code of an `HTTP/1.1 207 Multi-Status` line; `default` when there is none. Three
    ASCII digits only: `int()` takes other digits, and refuses 5000 of them."""
    parts = (line or "").split()
    code = parts[1] if len(parts) > 1 else ""
    return int(code) if len(code) == 3 and code.isascii() and code.isdigit() else default


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
