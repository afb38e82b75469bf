"""A hostile CalDAV server of our own on 127.0.0.1: honest by default (hostile_dav.py), with the
answers a scenario picks replaced, down to raw bytes on the socket where HTTP itself must break.

Every request is logged with what its target is (one of our events, a foreign event, a new
event name in a calendar, a collection, something else) and, for a write, whether it is one the
sync may make: PUT or DELETE on its own events only (a create with `If-None-Match: *` cannot
overwrite anything, so it may aim anywhere inside a calendar), PROPPATCH of its own properties
on a calendar, MKCALENDAR of a new calendar in the home. Anything else is a violation.
"""

from __future__ import annotations

import base64
import contextlib
import posixpath
import re
import ssl
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from bench.loopback import Handler, Request, Server
from tests.robustness import hostile_dav as hd
from tests.robustness.hostile_dav import Answer, Store

WRITES = {"PUT", "DELETE", "PROPPATCH", "MKCALENDAR", "MKCOL", "MOVE", "COPY", "LOCK", "ACL"}
OUR_PROPS = {hd.tag("urn:kpss:sync", "state"), hd.tag(hd.DAV, "displayname"),
             hd.tag(hd.DAV, "comment"), hd.tag(hd.CALDAV, "calendar-description"),
             hd.tag("http://apple.com/ns/ical/", "calendar-color")}
EVENT_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.ics")
"""The resource names the sync gives its events (a record id, then .ics)."""
SERVE_LIMIT = 60.0
"""Seconds after which an endless answer stops on its own (the test kills the sync sooner)."""


@dataclass(frozen=True)
class Raw:
    """An answer written straight to the socket: `write(out, stop)`, then the connection closes.
    `stop` is set when the server shuts down; a writer that loops must watch it."""

    write: Callable[[BinaryIO, threading.Event], None]


Reply = Answer | Raw
Override = Callable[["Hostile", Request], Reply | None]


@dataclass(frozen=True)
class Entry:
    method: str
    path: str
    status: int | None
    target: str
    violation: str
    headers: dict[str, str]
    """The request's headers, but for its credentials."""

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status} [{self.target}] {self.violation}"


def normalise(resource: str) -> str:
    """The path a real server would act on: dot segments resolved (RFC 3986 §5.2.4)."""
    slash = resource.endswith("/") or resource.endswith("/.") or resource.endswith("/..")
    path = posixpath.normpath(resource) if resource else "/"
    path = "/" + path.lstrip("/")
    return path + "/" if slash and path != "/" else path


class Hostile(Server):
    """`with Hostile(store, override) as server:` one server on a free port of 127.0.0.1."""

    def __init__(self, store: Store | None = None, override: Override | None = None, *,
                 user: str = "kpss", password: str = "", tls: ssl.SSLContext | None = None) -> None:
        super().__init__(_Handler, tls, daemon=True)
        self.store = store or Store()
        self.override = override
        self.user, self.password = user, password
        self.log: list[Entry] = []
        self.errors: list[str] = []
        """Exceptions raised by the scenario's override (a bug of the test, not the sync)."""
        self.state: dict[Any, Any] = {}
        """Room for a scenario's own counters."""
        self.url = self.origin + hd.ROOT

    def honest(self, request: Request) -> Answer:
        """What the honest server answers (and does) for `request`."""
        with self.lock:
            return hd.answer(self.store, _normalised(request), "ours")

    def violations(self) -> list[Entry]:
        with self.lock:
            return [e for e in self.log if e.violation]

    def writes(self) -> list[Entry]:
        with self.lock:
            return [e for e in self.log if e.method in WRITES]

    def classify(self, request: Request) -> tuple[str, str]:
        """(what the target is, why this request is a violation or "")."""
        path = normalise(request.resource)
        with self.lock:
            item = self.store.items.get(path) or self.store.items.get(path + "/")
            parent = self.store.items.get(path.rstrip("/").rsplit("/", 1)[0] + "/")
        if item is not None:
            target = item.kind if item.kind != "event" else f"{item.owner} event"
        elif parent is not None and parent.kind == "calendar":
            target = "new event" if EVENT_NAME.fullmatch(path.rsplit("/", 1)[1]) else "other"
        else:
            target = "new calendar" if parent is not None and path.rstrip("/").rsplit(
                "/", 1)[0] + "/" == hd.HOME else "other"
        return target, _violation(request, target)


def _violation(request: Request, target: str) -> str:
    method = request.method
    if method not in WRITES:
        return ""
    if "?" in request.path:
        return "write to a URL with a query"
    if method in ("PUT", "DELETE"):
        return _event_write(request, target)
    if method == "PROPPATCH" and target == "calendar":
        strange = sorted(n for n in _set_names(request.body) if n not in OUR_PROPS)
        return f"PROPPATCH of {strange}" if strange else ""
    if method == "MKCALENDAR" and target == "new calendar":
        return ""
    return f"{method} of a {target}"


def _event_write(request: Request, target: str) -> str:
    if target in ("ours event", "new event"):
        return ""
    if request.method == "PUT" and target.endswith("event") and \
            request.header("If-None-Match").strip() == "*":
        return ""  # a create cannot overwrite: the server answers 412
    return f"{request.method} of a {target}"


def _set_names(body: bytes) -> list[str]:
    try:
        root = ET.fromstring(body)  # noqa: S314 - the sync's own request
    except ET.ParseError:
        return ["<unreadable>"]
    return [child.tag for prop in root.iter(hd.tag(hd.DAV, "prop")) for child in prop]


def _normalised(request: Request) -> Request:
    path = normalise(request.resource)
    return Request(request.method, hd.href(path), request.headers, request.body)


class _Handler(Handler):
    owner: Hostile
    timeout = 30

    def serve(self) -> None:
        host = self.owner
        request = self.received()
        target, violation = host.classify(request)
        reply: Reply | None = None
        if not self._authorised():
            reply = Answer(401, b"", [("WWW-Authenticate", 'Basic realm="hostile"')])
        elif host.override is not None:
            reply = self._overridden(request)
        if reply is None:
            reply = host.honest(request)
        status = reply.status if isinstance(reply, Answer) else None
        with host.lock:
            host.log.append(Entry(request.method, request.path, status, target, violation,
                                  request.logged_headers()))
        with contextlib.suppress(OSError):
            self._send(reply)

    def _overridden(self, request: Request) -> Reply | None:
        """The scenario's answer; a scenario's own bug is kept in `errors` (and fails the
        test), and answered 500."""
        host = self.owner
        assert host.override is not None
        try:
            return host.override(host, request)
        except Exception as exc:
            with host.lock:
                host.errors.append(f"{request.method} {request.path}: {exc!r}")
            return Answer(500)

    def _authorised(self) -> bool:
        host = self.owner
        if not host.password:
            return True
        token = base64.b64encode(f"{host.user}:{host.password}".encode()).decode()
        return self.headers.get("Authorization", "") == f"Basic {token}"

    def _send(self, reply: Reply) -> None:
        if isinstance(reply, Raw):
            self.close_connection = True
            reply.write(self.wfile, self.owner.stopping)
            self.wfile.flush()
            return
        self.write_answer(reply.status, reply.reason or _reason(reply.status), reply.headers,
                          reply.body)


def _reason(status: int) -> str:
    from http import HTTPStatus  # noqa: PLC0415

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Whatever"
