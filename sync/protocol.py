"""WebDAV and CalDAV over the transport (sync/transport.py): the XML bodies of PROPFIND,
PROPPATCH (RFC 4918), MKCALENDAR, calendar-multiget (RFC 4791) and sync-collection (RFC 6578),
built with ElementTree; multistatus answers read with defusedxml within limits.MAX_ELEMENTS and
limits.MAX_MEMBERS; an unexpected status turned into the matching `SyncError` with the server's
own reason (its precondition elements).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from sync import errors, limits
from sync.settings import Settings
from sync.transport import RETRY_STATUS, Response, Transport

DAV, CALDAV, ICAL, KPSS = "DAV:", "urn:ietf:params:xml:ns:caldav", "http://apple.com/ns/ical/", \
    "urn:kpss:sync"
for _prefix, _uri in (("D", DAV), ("C", CALDAV), ("I", ICAL), ("K", KPSS)):
    ET.register_namespace(_prefix, _uri)

MULTIGET_BATCH = 500
"""Members per calendar-multiget: a few MB of events at most, well below limits.MAX_BODY."""


def tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


@dataclass(frozen=True)
class Resource:
    """One `<response>` of a multistatus: its href and the properties found (status 200)."""

    href: str
    props: Mapping[str, ET.Element] = field(default_factory=dict)
    status: int = 200

    def text(self, name: str) -> str | None:
        element = self.props.get(name)
        return (element.text or "") if element is not None else None


class Dav(Transport):
    """The CalDAV requests the sync makes, over a counted, retrying transport."""

    def __init__(self, settings: Settings, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(settings, sleep=sleep)
        self.refused: set[str] = set()
        """Properties the server refused to keep in this run: not asked for again."""
        self.conditional: bool | None = None
        """The server honours If-Match / If-None-Match (None: not asked yet; sync/guard.py)."""
        self.oversized: list[str] = []
        """Members skipped as larger than limits.MAX_EVENT (someone else's), to report."""

    def propfind(self, href: str, props: Iterable[str], depth: int) -> list[Resource]:
        root = ET.Element(tag(DAV, "propfind"))
        prop = ET.SubElement(root, tag(DAV, "prop"))
        for name in props:
            ET.SubElement(prop, name)
        response = self._send_xml("PROPFIND", href, root, depth)
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
        try:
            response = self._send_xml("REPORT", href, _multiget_body(members), depth=1)
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
            response = self._send_xml("REPORT", href, root)
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

    def proppatch(self, href: str, values: Mapping[str, str]) -> bool:
        """Set properties; True when the server kept all of them, False when it refused any
        (in the 207, or for the whole request: 403 or 409, RFC 4918 §9.2.1): a property the
        server will not keep is no failure of the sync, which then does without it."""
        try:
            response = self._send_xml("PROPPATCH", href, _setting(tag(DAV, "propertyupdate"),
                                                                  values))
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
        response = self._send_xml("MKCALENDAR", href, _setting(tag(CALDAV, "mkcalendar"), values))
        expect(response, 201, href=self.url(href))

    def _send_xml(self, method: str, href: str, root: ET.Element,
                  depth: int | None = None) -> Response:
        depths = {"Depth": str(depth)} if depth is not None else {}
        return self.send(method, href, _xml(root),
                         {**depths, "Content-Type": "application/xml; charset=utf-8"})


def _multiget_body(members: list[str]) -> ET.Element:
    root = ET.Element(tag(CALDAV, "calendar-multiget"))
    prop = ET.SubElement(root, tag(DAV, "prop"))
    ET.SubElement(prop, tag(DAV, "getetag"))
    ET.SubElement(prop, tag(CALDAV, "calendar-data"))
    for member in members:
        ET.SubElement(root, tag(DAV, "href")).text = member
    return root


def _setting(name: str, values: Mapping[str, str]) -> ET.Element:
    """A PROPPATCH or MKCALENDAR body setting `values` (RFC 4918 §14.26, RFC 4791 §5.3.1)."""
    root = ET.Element(name)
    prop = ET.SubElement(ET.SubElement(root, tag(DAV, "set")), tag(DAV, "prop"))
    for name_, value in values.items():
        ET.SubElement(prop, name_).text = value
    return root


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
    root = _error_root(response)
    if root is None:
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
    root = _error_root(response)
    if root is None or root.tag != tag(DAV, "error"):
        return set()
    return {_local(c.tag) for c in root if c.tag.startswith("{")} - {"message", "exception"}


def _error_root(response: Response) -> ET.Element | None:
    """The root of an XML error body of at most REASON_BYTES; None for any other body."""
    body = response.body
    if len(body) > REASON_BYTES or body.lstrip()[:1] != b"<":
        return None
    try:
        return _xml_root(body)
    except ET.ParseError:
        return None


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
