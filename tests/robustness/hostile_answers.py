"""The building blocks of hostile scenarios: which request to answer (`when`), what to answer
(a status, an XML body, raw bytes that break HTTP itself), and changes to the honest answers
(`listing_with`: a member the calendar does not really hold)."""

from __future__ import annotations

import functools
import gzip
import re
import threading
import time
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterable
from typing import BinaryIO
from urllib.parse import unquote

from tests.robustness import hostile_dav as hd
from tests.robustness.hostile_dav import Answer, Request
from tests.robustness.hostile_server import Hostile, Override, Raw, Reply

CALENDAR = hd.HOME + "rps/"
"""The calendar the scenarios attack (its events also live in `vse`)."""
MB = 1024 * 1024
XML = [("Content-Type", "application/xml; charset=utf-8")]
Make = Callable[[Hostile, Request], Reply | None]


def when(method: str, answer: Reply | Make, *, path: str | None = None, contains: bytes = b"",
         nth: int = 1, times: int | None = None) -> Override:
    """Answer `answer` to the `nth` request of `method` (several as `A|B`) whose path matches
    the regex `path` and whose body holds `contains`, and to the `times - 1` after it (every
    one after it when `times` is None)."""
    key = object()

    def override(host: Hostile, request: Request) -> Reply | None:
        if request.method not in method.split("|") or contains not in request.body:
            return None
        if path is not None and re.search(path, request.path) is None:
            return None
        with host.lock:
            seen = host.state[key] = host.state.get(key, 0) + 1
        if seen < nth or (times is not None and seen >= nth + times):
            return None
        return answer(host, request) if callable(answer) else answer

    return override


def first(*overrides: Override) -> Override:
    """The first override that answers."""
    def override(host: Hostile, request: Request) -> Reply | None:
        for each in overrides:
            reply = each(host, request)
            if reply is not None:
                return reply
        return None
    return override


def status(code: int, body: bytes = b"", headers: Iterable[tuple[str, str]] = (),
           reason: str = "") -> Answer:
    return Answer(code, body, list(headers), reason)


def xml(body: bytes | str, code: int = 207, encoding: str = "utf-8") -> Answer:
    data = body.encode(encoding) if isinstance(body, str) else body
    return Answer(code, data, XML)


# --- XML that attacks the parser -------------------------------------------------------------

MULTISTATUS = ('<D:multistatus xmlns:D="DAV:"><D:response><D:href>/dav/</D:href><D:propstat>'
               '<D:prop><D:displayname>{text}</D:displayname></D:prop>'
               '<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>')


def laughs() -> str:
    entities = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    return ('<?xml version="1.0"?><!DOCTYPE D:multistatus [' + "".join(entities) + "]>"
            + MULTISTATUS.format(text="&l9;"))


def external(system: str) -> str:
    return (f'<?xml version="1.0"?><!DOCTYPE D:multistatus [<!ENTITY x SYSTEM "{system}">]>'
            + MULTISTATUS.format(text="&x;"))


def padded(document: str, padding: int = 5000) -> str:
    """A document whose DOCTYPE comes after `padding` bytes of a comment."""
    declaration, rest = document.split("?>", 1)
    return declaration + "?><!--" + "x" * padding + "-->" + rest


def deep(levels: int) -> str:
    return ('<D:multistatus xmlns:D="DAV:">' + "<D:x>" * levels + "</D:x>" * levels
            + "</D:multistatus>")


# --- bodies that attack memory and time ------------------------------------------------------

def huge(size: int, chunk: int = MB) -> Raw:
    """A 207 that announces and sends `size` bytes: a multistatus padded with whitespace."""
    head = b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">'
    tail = b"</D:multistatus>"

    def write(out: BinaryIO, stop: threading.Event) -> None:
        out.write(b"HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\n"
                  b"Content-Length: %d\r\n\r\n" % size + head)
        left = size - len(head) - len(tail)
        block = b" " * chunk
        while left > 0 and not stop.is_set():
            out.write(block[:left])
            left -= chunk
        out.write(tail)
    return Raw(write)


def endless_chunks(chunk: int = MB) -> Raw:
    def write(out: BinaryIO, stop: threading.Event) -> None:
        out.write(b"HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        block = b"%x\r\n" % chunk + b" " * chunk + b"\r\n"
        ends = time.monotonic() + 60
        while not stop.is_set() and time.monotonic() < ends:
            out.write(block)
    return Raw(write)


def drip(head: bytes, body: bytes, every: float = 0.5) -> Raw:
    """Send `head` at once, then `body` a byte at a time, one per `every` seconds, forever
    (the body repeats): each read gets a byte well inside any per-read timeout."""
    def write(out: BinaryIO, stop: threading.Event) -> None:
        out.write(head)
        out.flush()
        ends = time.monotonic() + 60
        position = 0
        while not stop.wait(every) and time.monotonic() < ends:
            out.write(body[position % len(body):][:1])
            out.flush()
            position += 1
    return Raw(write)


def continue_forever(every: float = 0.2) -> Raw:
    return drip(b"", b"HTTP/1.1 100 Continue\r\n\r\n", every / 25)


@functools.cache
def bomb(encoding: str, size: int = 1024 * MB) -> bytes:
    """`size` bytes of spaces (a valid multistatus once inflated) compressed: about 1 MB."""
    if encoding == "gzip":
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    else:
        packer = zlib.compressobj(9, zlib.DEFLATED, 15)
    block = b" " * MB
    parts = [packer.compress(b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">')]
    parts += [packer.compress(block) for _ in range(size // MB)]
    parts.append(packer.compress(b"</D:multistatus>") + packer.flush())
    return b"".join(parts)


def bombed(encoding: str, code: int = 207) -> Answer:
    body = bomb("gzip" if encoding.startswith("gzip") else encoding)
    if encoding == "gzip, gzip":  # the bomb in a bomb: each layer inflates on its own
        body = gzip.compress(body, 9)
    return Answer(code, body, [*XML, ("Content-Encoding", encoding)])


# --- changes to honest answers ---------------------------------------------------------------

def _edited(answer: Answer, extra: list[ET.Element]) -> Answer:
    root = ET.fromstring(answer.body)  # noqa: S314 - our own honest answer
    token = root.find(hd.tag(hd.DAV, "sync-token"))
    if token is not None:
        root.remove(token)
    root.extend(extra)
    if token is not None:
        root.append(token)
    return Answer(answer.status, ET.tostring(root, encoding="utf-8", xml_declaration=True),
                  answer.headers)


def listing_with(href: str, data: bytes, etag: str = '"forged"',
                 calendar: str = CALENDAR) -> Override:
    """The calendar's listings (PROPFIND Depth 1, sync-collection) show one more member at
    `href`, exactly as given, and every multiget of the calendar returns it with `data`."""
    getetag, caldata = hd.tag(hd.DAV, "getetag"), hd.tag(hd.CALDAV, "calendar-data")

    def override(host: Hostile, request: Request) -> Reply | None:
        if unquote(request.path) != calendar or request.method not in ("PROPFIND", "REPORT"):
            return None
        if request.method == "PROPFIND" and request.header("Depth") == "0":
            return None
        honest = host.honest(request)
        if honest.status != 207:
            return honest
        if b"calendar-multiget" in request.body:
            extra = hd.response(href, {getetag: etag, caldata: data.decode()})
        else:
            extra = hd.response(href, {getetag: etag})
        return _edited(honest, [extra])

    return override


def multiget_items(code: int, error: str = "", description: str = "") -> Make:
    """A multiget whose every item has status `code` (with a precondition element and a
    responsedescription, as RFC 4918 §13 allows)."""
    def make(host: Hostile, request: Request) -> Answer:
        hrefs = [h.text or "" for h in ET.fromstring(request.body).iter(  # noqa: S314
            hd.tag(hd.DAV, "href"))]
        items = "".join(
            f"<D:response><D:href>{h}</D:href><D:status>HTTP/1.1 {code} No</D:status>"
            f"<D:error>{error}</D:error>"
            f"<D:responsedescription>{description}</D:responsedescription></D:response>"
            for h in hrefs)
        return xml(f'<D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
                   f"{items}</D:multistatus>")
    return make


def honest_with_headers(*headers: tuple[str, str], code: int | None = None) -> Make:
    """The honest answer with `headers` added (or replacing its own of the same name)."""
    names = {k.lower() for k, _ in headers}

    def make(host: Hostile, request: Request) -> Answer:
        honest = host.honest(request)
        kept = [(k, v) for k, v in honest.headers if k.lower() not in names]
        return Answer(code or honest.status, honest.body, [*kept, *headers], honest.reason)
    return make
