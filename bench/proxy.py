"""A counting, fault-injecting HTTP proxy on 127.0.0.1 in front of a real server: the benchmark
counts and times every request through it, and the sync tests break them.

Every request is logged (method, path, headers, what happened). Rules pick requests by method
and path and, on the Nth match (for `times` matches), do something else than forwarding:

    reset_before   close the connection with a TCP reset; the server never sees the request
    reset_after    forward, then reset: the server did the work, the answer is lost
    status         answer `status` (with `headers`, `body`) without forwarding
    delay          forward, then hold the answer `seconds` (past the client's timeout)
    hold           forward, then hold the answer until `release` is set (at most MAX_DELAY);
                   `released` counts the answers it let go because it was set
    truncate       forward, then send the headers and half the body and close
    garbage        forward, then replace the body with text that is not XML
    call           run `action(request)` first (e.g. another writer's change), then forward
    drop_body      forward the request without its body (a server that ignores it)
    unconditional  forward without If-Match / If-None-Match (a server that ignores them), after
                   running `action(request)` if one is given
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from bench.loopback import Handler, Request, Server

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
              "trailer", "upgrade", "content-length"}
WRITES = {"PUT", "DELETE", "PROPPATCH", "MKCALENDAR", "MKCOL", "MOVE", "COPY"}
MAX_DELAY = 10.0
UPSTREAM_TIMEOUT = 30.0


@dataclass
class Rule:
    fault: str
    method: str | None = None
    """One method, or several separated by `|`; None for any."""
    path: str | None = None
    contains: bytes = b""
    """Only requests whose body holds these bytes (a REPORT's kind, say)."""
    nth: int = 1
    times: int = 1
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    seconds: float = 2.0
    action: Callable[[Request], None] | None = None
    release: threading.Event = field(default_factory=threading.Event)
    released: int = 0
    seen: int = 0
    fired: int = 0

    def matches(self, request: Request) -> bool:
        if self.method is not None and request.method not in self.method.split("|"):
            return False
        if self.contains and self.contains not in request.body:
            return False
        return self.path is None or re.search(self.path, request.path) is not None

    def take(self, request: Request) -> bool:
        """Count a matching request; True when this one is to be faulted."""
        if not self.matches(request):
            return False
        self.seen += 1
        if self.nth <= self.seen < self.nth + self.times:
            self.fired += 1
            return True
        return False


@dataclass(frozen=True)
class Entry:
    method: str
    path: str
    headers: dict[str, str]
    status: int | None
    fault: str | None
    head: bytes = b""
    """The start of the request's body: enough to tell a sync-collection from a multiget."""
    upstream: float = 0.0
    """Seconds from forwarding the request to having the server's whole answer: the server's
    share of a run (the rest is the client's, and this proxy's)."""


HEAD = 400


class FaultProxy(Server):
    """A threaded proxy on 127.0.0.1 with a free port; `with FaultProxy(...) as proxy:`."""

    def __init__(self, upstream_port: int, tls: ssl.SSLContext | None = None) -> None:
        # https towards the sync, plain http to the server behind; every handler thread is
        # joined when the proxy stops: none outlives a test
        super().__init__(_Handler, tls)
        self.upstream_port = upstream_port
        self.rules: list[Rule] = []
        self.log: list[Entry] = []
        self.url = self.origin + "/"

    # --- rules and log ---------------------------------------------------------------------

    def add(self, fault: str, **kwargs: Any) -> Rule:
        rule = Rule(fault, **kwargs)
        with self.lock:
            self.rules.append(rule)
        return rule

    def clear(self) -> None:
        with self.lock:
            self.rules.clear()
            self.log.clear()

    def pick(self, request: Request) -> Rule | None:
        with self.lock:
            chosen = None
            for rule in self.rules:
                if rule.take(request) and chosen is None:
                    chosen = rule
            return chosen

    def record(self, request: Request, status: int | None, fault: str | None,
               upstream: float = 0.0) -> None:
        with self.lock:
            self.log.append(Entry(request.method, request.path, request.logged_headers(),
                                  status, fault, request.body[:HEAD], upstream))

    def entries(self, method: str | None = None, path: str = "") -> list[Entry]:
        with self.lock:
            return [e for e in self.log
                    if (method is None or e.method == method) and e.path.startswith(path)]

    def writes(self) -> list[Entry]:
        return [e for e in self.entries() if e.method in WRITES]

    # --- forwarding ------------------------------------------------------------------------

    def forward(self, request: Request) -> tuple[int, str, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream_port,
                                          timeout=UPSTREAM_TIMEOUT)
        try:
            headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
            conn.request(request.method, request.path, body=request.body or None,
                         headers=headers)
            response = conn.getresponse()
            body = response.read()
            kept = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
            return response.status, response.reason, kept, body
        finally:
            conn.close()


class _Handler(Handler):
    owner: FaultProxy

    @property
    def proxy(self) -> FaultProxy:
        return self.owner

    def serve(self) -> None:
        request = self.received()
        rule = self.proxy.pick(request)
        if rule is not None and rule.fault in ("call", "unconditional") \
                and rule.action is not None:
            rule.action(request)
        try:
            self._answer(request, rule)
        except OSError:  # the client went away (timeout): nothing left to answer
            self.close_connection = True

    def _answer(self, request: Request, rule: Rule | None) -> None:
        fault = rule.fault if rule else None
        if rule is not None and fault == "reset_before":
            self.proxy.record(request, None, fault)
            self._reset()
            return
        if rule is not None and fault == "status":
            self.proxy.record(request, rule.status, fault)
            self.write_answer(rule.status, "Injected", list(rule.headers.items()), rule.body)
            return
        if rule is not None and fault == "drop_body":
            request = replace(request.without("content-type"), body=b"")
        if rule is not None and fault == "unconditional":
            request = request.without("if-match", "if-none-match")
        start = time.perf_counter()
        status, reason, headers, body = self.proxy.forward(request)
        self.proxy.record(request, status, fault, time.perf_counter() - start)
        if rule is None or fault in ("call", "drop_body", "unconditional"):
            self.write_answer(status, reason, headers, body)
        elif fault == "reset_after":
            self._reset()
        elif fault in ("delay", "hold"):
            self._wait(rule)
            self.write_answer(status, reason, headers, body)
        elif fault == "truncate":
            self.write_answer(status, reason, headers, body[: len(body) // 2], announced=len(body))
            self.close_connection = True
        elif fault == "garbage":
            kept = [h for h in headers if h[0].lower() not in ("content-type", "content-encoding")]
            self.write_answer(status, reason, [*kept, ("Content-Type", "text/xml")],
                       b"<html><body>Bad gateway")
        else:
            raise ValueError(f"unknown fault {fault}")

    def _wait(self, rule: Rule) -> None:
        if rule.fault == "delay":
            self.proxy.stopping.wait(min(rule.seconds, MAX_DELAY))
        elif rule.release.wait(MAX_DELAY):
            with self.proxy.lock:
                rule.released += 1
            rule.release.clear()

    def _reset(self) -> None:
        """Close with RST (SO_LINGER 0): the client sees 'connection reset by peer'."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()


@contextlib.contextmanager
def running(upstream_port: int) -> Iterator[FaultProxy]:
    with FaultProxy(upstream_port) as proxy:
        yield proxy
