"""The honest half of the hostile server: a minimal but real CalDAV server in memory.

One account `kpss` whose principal is also its calendar home (as in Radicale), so discovery
lists the calendars with their properties; calendars hold events with strong ETags; PUT and
DELETE honour If-Match / If-None-Match (RFC 7232 §3.1-3.2); PROPPATCH keeps dead properties
(RFC 4918 §9.2); MKCALENDAR (RFC 4791 §5.3.1), calendar-multiget (§7.9), calendar-query, and
sync-collection (RFC 6578 §3.2) with a token per change. Scenarios (hostile_scenarios/)
replace its answers; this module only tells the truth.
"""

from __future__ import annotations

import copy
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from bench.loopback import Request

DAV, CALDAV = "DAV:", "urn:ietf:params:xml:ns:caldav"
ROOT, PRINCIPAL = "/dav/", "/dav/kpss/"
HOME = PRINCIPAL
TOKEN_PREFIX = "http://hostile.test/sync/"
ET.register_namespace("D", DAV)  # answers read `<D:href>`: scenarios edit them as text
ET.register_namespace("C", CALDAV)


def tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def etag_of(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:16] + '"'


@dataclass
class Item:
    """A collection (props only) or an event (data and ETag); `owner` says whose it is."""

    kind: str  # "collection" | "calendar" | "event"
    owner: str = "server"  # "server" | "ours" | "foreign"
    props: dict[str, ET.Element] = field(default_factory=dict)
    data: bytes = b""
    etag: str = ""


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    reason: str = ""


class Store:
    """Paths (decoded, collections ending in `/`) → items, and a change log for sync tokens."""

    def __init__(self) -> None:
        self.items: dict[str, Item] = {ROOT: Item("collection"), PRINCIPAL: Item("collection")}
        self.changes: list[str] = []

    def copy(self) -> Store:
        return copy.deepcopy(self)

    def token(self) -> str:
        return f"{TOKEN_PREFIX}{len(self.changes)}"

    def touch(self, path: str) -> None:
        self.changes.append(path)

    def children(self, path: str) -> list[str]:
        return sorted(p for p in self.items if p != path and p.startswith(path)
                      and "/" not in p[len(path):].rstrip("/"))

    def put_event(self, path: str, data: bytes, owner: str) -> Item:
        item = Item("event", owner, data=data, etag=etag_of(data))
        self.items[path] = item
        self.touch(path)
        return item

    def calendar(self, path: str, props: dict[str, ET.Element] | None = None) -> Item:
        item = Item("calendar", "ours", dict(props or {}))
        self.items[path] = item
        return item


def href(path: str) -> str:
    """The href a server gives for a stored path (percent-encoded as RFC 3986 wants)."""
    return quote(path, safe="/:@!$&'()*+,;=-._~")


def multistatus(responses: list[ET.Element], token: str | None = None) -> Answer:
    root = ET.Element(tag(DAV, "multistatus"))
    root.extend(responses)
    if token is not None:
        ET.SubElement(root, tag(DAV, "sync-token")).text = token
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return Answer(207, body, [("Content-Type", "application/xml; charset=utf-8")])


def response(target: str, found: Mapping[str, ET.Element | str],
             missing: Sequence[str] = (), status: int | None = None) -> ET.Element:
    """One `<response>`: `found` props (elements, or text) at 200, `missing` at 404, or only a
    `status` (a removed member in a sync-collection)."""
    item = ET.Element(tag(DAV, "response"))
    ET.SubElement(item, tag(DAV, "href")).text = target
    if status is not None:
        ET.SubElement(item, tag(DAV, "status")).text = f"HTTP/1.1 {status} X"
        return item
    for code, names in ((200, list(found)), (404, list(missing))):
        if not names:
            continue
        stat = ET.SubElement(item, tag(DAV, "propstat"))
        prop = ET.SubElement(stat, tag(DAV, "prop"))
        for name in names:
            value = found.get(name) if code == 200 else None
            if isinstance(value, ET.Element):
                prop.append(copy.deepcopy(value))
            else:
                ET.SubElement(prop, name).text = value
        reason = "OK" if code == 200 else "Not Found"
        ET.SubElement(stat, tag(DAV, "status")).text = f"HTTP/1.1 {code} {reason}"
    return item


def _href_element(name: str, path: str) -> ET.Element:
    element = ET.Element(name)
    ET.SubElement(element, tag(DAV, "href")).text = href(path)
    return element


def live_props(store: Store, path: str) -> dict[str, ET.Element | str]:
    """What a PROPFIND can find on `path`: its live properties and its dead ones."""
    item = store.items[path]
    found: dict[str, ET.Element | str] = dict(item.props)
    kind = ET.Element(tag(DAV, "resourcetype"))
    if item.kind != "event":
        ET.SubElement(kind, tag(DAV, "collection"))
    if item.kind == "calendar":
        ET.SubElement(kind, tag(CALDAV, "calendar"))
        found[tag(DAV, "sync-token")] = store.token()
    else:
        found[tag(DAV, "getetag")] = item.etag
        found[tag(DAV, "getcontenttype")] = "text/calendar; charset=utf-8"
    found[tag(DAV, "resourcetype")] = kind
    if item.kind == "collection":
        found[tag(DAV, "current-user-principal")] = _href_element(
            tag(DAV, "current-user-principal"), PRINCIPAL)
        if path == PRINCIPAL:
            found[tag(CALDAV, "calendar-home-set")] = _href_element(
                tag(CALDAV, "calendar-home-set"), HOME)
    return found


def _names(body: bytes, container: str) -> list[str]:
    if not body.strip():
        return []
    root = ET.fromstring(body)  # noqa: S314 - the sync's own request, not a server's answer
    prop = root.find(f"{tag(DAV, container)}") if container else root
    return [child.tag for child in (prop if prop is not None else [])]


def propfind(store: Store, request: Request) -> Answer:
    path = request.resource
    if path not in store.items:
        return Answer(404)
    wanted = _names(request.body, "prop")
    paths = [path] + (store.children(path) if request.header("Depth") != "0" else [])
    answers = []
    for each in paths:
        found = live_props(store, each)
        names = wanted or list(found)
        answers.append(response(href(each), {n: found[n] for n in names if n in found},
                                [n for n in names if n not in found]))
    return multistatus(answers)


def report(store: Store, request: Request) -> Answer:
    path = request.resource
    if store.items.get(path, Item("none")).kind != "calendar":
        return Answer(404 if path not in store.items else 403)
    root = ET.fromstring(request.body)  # noqa: S314 - the sync's own request
    if root.tag == tag(DAV, "sync-collection"):
        return _sync_collection(store, path, root)
    if root.tag == tag(CALDAV, "calendar-multiget"):
        targets = [unquote(urlsplit(h.text or "").path) for h in root.iter(tag(DAV, "href"))]
    else:  # calendar-query: every event
        targets = store.children(path)
    answers = []
    for target in targets:
        item = store.items.get(target)
        if item is None or item.kind != "event":
            answers.append(response(href(target), {}, status=404))
            continue
        answers.append(response(href(target), {tag(DAV, "getetag"): item.etag,
                                               tag(CALDAV, "calendar-data"):
                                               item.data.decode("utf-8", "replace")}))
    return multistatus(answers)


def _sync_collection(store: Store, path: str, root: ET.Element) -> Answer:
    token = (root.findtext(tag(DAV, "sync-token")) or "").strip()
    match = re.fullmatch(re.escape(TOKEN_PREFIX) + r"(\d+)", token)
    if token and (match is None or int(match[1]) > len(store.changes)):
        error = b'<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>'
        return Answer(403, error, [("Content-Type", "application/xml")])
    since = int(match[1]) if match else 0
    changed = sorted({p for p in store.changes[since:] if p.startswith(path) and p != path})
    answers = []
    for each in changed:
        item = store.items.get(each)
        if item is None:
            answers.append(response(href(each), {}, status=404))
        else:
            answers.append(response(href(each), {tag(DAV, "getetag"): item.etag}))
    return multistatus(answers, store.token())


def get(store: Store, request: Request) -> Answer:
    item = store.items.get(request.resource)
    if item is None:
        return Answer(404)
    if item.kind != "event":  # a collection as one iCalendar object, as Radicale does
        data = _joined([store.items[p].data for p in store.children(request.resource)
                        if store.items[p].kind == "event"])
        return Answer(200, data, [("Content-Type", "text/calendar"), ("ETag", '"coll"')])
    return Answer(200, item.data, [("Content-Type", "text/calendar; charset=utf-8"),
                                   ("ETag", item.etag)])


def _joined(objects: list[bytes]) -> bytes:
    """Every component of `objects` in one VCALENDAR (what Radicale gives for a calendar)."""
    import icalendar  # noqa: PLC0415

    joined = icalendar.Calendar()
    joined.add("prodid", "-//hostile//EN")
    joined.add("version", "2.0")
    for data in objects:
        try:
            for component in icalendar.Calendar.from_ical(data).subcomponents:
                joined.add_component(component)
        except ValueError:
            continue
    return bytes(joined.to_ical())


def _precondition(item: Item | None, request: Request) -> bool:
    """RFC 7232 §3.1-3.2 (a collection's ETag is `"coll"`, as GET gives it)."""
    if request.header("If-None-Match").strip() == "*" and item is not None:
        return False
    match = request.header("If-Match").strip()
    current = "" if item is None else (item.etag or '"coll"')
    return not match or (match == "*" and item is not None) or match == current


def put(store: Store, request: Request, owner: str) -> Answer:
    path = request.resource
    item = store.items.get(path)
    parent = store.items.get(path.rsplit("/", 1)[0] + "/")
    if parent is None or parent.kind != "calendar" or path.endswith("/"):
        return Answer(409 if parent is None else 405)
    if not _precondition(item, request):
        return Answer(412)
    stored = store.put_event(path, request.body, owner if item is None else item.owner)
    return Answer(204 if item else 201, b"", [("ETag", stored.etag)])


def delete(store: Store, request: Request) -> Answer:
    path = request.resource
    item = store.items.get(path)
    if item is None:
        return Answer(404)
    if not _precondition(item, request):
        return Answer(412)
    inside = [p for p in store.items if path.endswith("/") and p.startswith(path)]
    for gone in [path, *(p for p in inside if p != path)]:
        del store.items[gone]
        store.touch(gone)
    return Answer(204)


def proppatch(store: Store, request: Request) -> Answer:
    item = store.items.get(request.resource)
    if item is None:
        return Answer(404)
    root = ET.fromstring(request.body)  # noqa: S314 - the sync's own request
    done: dict[str, ET.Element | str] = {}
    for action in root:
        for prop in action.iter(tag(DAV, "prop")):
            for child in prop:
                if action.tag == tag(DAV, "set"):
                    item.props[child.tag] = copy.deepcopy(child)
                else:
                    item.props.pop(child.tag, None)
                done[child.tag] = ""
    return multistatus([response(href(request.resource), done)])


def mkcalendar(store: Store, request: Request) -> Answer:
    path = request.resource if request.resource.endswith("/") else request.resource + "/"
    if path in store.items:
        return Answer(405)
    if path.rstrip("/").rsplit("/", 1)[0] + "/" not in store.items:
        return Answer(409)
    props = {}
    if request.body.strip():
        for prop in ET.fromstring(request.body).iter(tag(DAV, "prop")):  # noqa: S314
            props.update({child.tag: copy.deepcopy(child) for child in prop})
    store.calendar(path, props)
    return Answer(201)


def options(store: Store, request: Request) -> Answer:
    return Answer(200, b"", [("DAV", "1, 2, 3, calendar-access")])


METHODS = {"PROPFIND": propfind, "REPORT": report, "GET": get, "HEAD": get, "DELETE": delete,
           "PROPPATCH": proppatch, "MKCALENDAR": mkcalendar, "OPTIONS": options}


def answer(store: Store, request: Request, owner: str) -> Answer:
    """The honest answer to `request`, changing the store as a real server would."""
    if request.method == "PUT":
        return put(store, request, owner)
    method = METHODS.get(request.method)
    return method(store, request) if method is not None else Answer(405)
