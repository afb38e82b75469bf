"""Writes into an existing calendar on a server that ignores conditional requests.

Every PUT and DELETE of ours is conditional (If-Match on the ETag we read, If-None-Match: * for
a new event; RFC 7232 §3.1-3.2), so the server itself refuses one made on stale knowledge. Some
servers ignore those headers. Once per run, before the first write into a calendar that already
existed, we ask: a PUT of a new, uniquely named resource with `If-Match` on an ETag nothing can
have must fail with 412 (RFC 7232 §3.1: no current representation). A server that creates it
instead ignores the condition; the resource is deleted at once (it carries our marker, so a run
that could not delete it removes it next time), and from then on each write is preceded by a
fresh read of the resource's ETag (PROPFIND, depth 0), compared with the one the plan was made
from: a mismatch is answered as the server should have, with 412, and the caller reads the
resource and decides again. That leaves a window of one round trip instead of the whole run.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from sync import errors
from sync.protocol import DAV, Dav, tag
from sync.transport import Response
from sync.xprops import MARKER

PROBE_ETAG = '"kpss-precondition-probe"'
PROBE = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kpss//precondition probe//CS\r\n"
    "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20000101T000000Z\r\n"
    "DTSTART:20000101T000000Z\r\nDTEND:20000101T000100Z\r\nSUMMARY:kpss\r\n"
    f"{MARKER}:probe\r\nCLASS:PRIVATE\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def send(dav: Dav, method: str, href: str, body: bytes = b"",
         headers: Mapping[str, str] | None = None) -> Response:
    """`dav.send` of a conditional PUT or DELETE, with the server's part done here where it
    ignores the condition."""
    headers = dict(headers or {})
    if not _honours(dav, href) and not _still(dav, href, headers):
        return Response(412, {}, b"")
    return dav.send(method, href, body, headers)


def _honours(dav: Dav, href: str) -> bool:
    if dav.conditional is None:
        dav.conditional = _probe(dav, href.rsplit("/", 1)[0] + "/")
    return dav.conditional


def _probe(dav: Dav, calendar: str) -> bool:
    name = f"kpss-probe-{secrets.token_hex(8)}"
    body = PROBE.format(uid=f"{name}@kpss").encode()
    response = dav.send("PUT", calendar + name + ".ics", body,
                        {"Content-Type": "text/calendar; charset=utf-8", "If-Match": PROBE_ETAG})
    if response.status >= 300:
        return True
    dav.send("DELETE", calendar + name + ".ics")
    return False


def _still(dav: Dav, href: str, headers: Mapping[str, str]) -> bool:
    """The resource is as the condition expects: at the ETag of If-Match, or absent for
    If-None-Match: *."""
    try:
        found = dav.propfind(href, [tag(DAV, "getetag")], depth=0)
    except errors.NotFound:
        return "If-Match" not in headers
    current = found[0].text(tag(DAV, "getetag")) if found else None
    if "If-Match" in headers:
        return current is not None and current == headers["If-Match"]
    return current is None
