"""A fault-injecting HTTP proxy for the sync tests: 127.0.0.1 only, in front of a real server.

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
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
              "trailer", "upgrade", "content-length"}
WRITES = {"PUT", "DELETE", "PROPPATCH", "MKCALENDAR", "MKCOL", "MOVE", "COPY"}
MAX_DELAY = 10.0
UPSTREAM_TIMEOUT = 30.0


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


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


class FaultProxy:
    """A threaded proxy on 127.0.0.1 with a free port; `with FaultProxy(...) as proxy:`."""

    def __init__(self, upstream_port: int, tls: ssl.SSLContext | None = None) -> None:
        self.upstream_port = upstream_port
        self.rules: list[Rule] = []
        self.log: list[Entry] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.connections: set[socket.socket] = set()
        handler = type("Handler", (_Handler,), {"proxy": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = False  # joined in server_close(): no thread outlives a test
        if tls is not None:  # https towards the sync, plain http to the server behind
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.port = int(self.server.server_address[1])
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        with self.lock:
            for conn in list(self.connections):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
        self.server.server_close()
        self.thread.join(5)

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
        # Kept without credentials, so a failing test's report cannot show them.
        headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
        with self.lock:
            self.log.append(Entry(request.method, request.path, headers, status, fault,
                                  request.body[:HEAD], upstream))

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


class _Handler(BaseHTTPRequestHandler):
    proxy: FaultProxy
    protocol_version = "HTTP/1.1"
    timeout = 10  # an idle keep-alive connection is closed after this many seconds

    def setup(self) -> None:
        super().setup()
        # Answers go out in one write; without NODELAY, Nagle and delayed ACKs add 40 ms each.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.proxy.lock:
            self.proxy.connections.add(self.connection)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        with self.proxy.lock:
            self.proxy.connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the proxy's own log is `FaultProxy.log`."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = Request(self.command, self.path, dict(self.headers.items()), body)
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
            self._send(rule.status, "Injected", list(rule.headers.items()), rule.body)
            return
        if rule is not None and fault == "drop_body":
            headers = {k: v for k, v in request.headers.items() if k.lower() != "content-type"}
            request = Request(request.method, request.path, headers, b"")
        if rule is not None and fault == "unconditional":
            headers = {k: v for k, v in request.headers.items()
                       if k.lower() not in ("if-match", "if-none-match")}
            request = Request(request.method, request.path, headers, request.body)
        start = time.perf_counter()
        status, reason, headers, body = self.proxy.forward(request)
        self.proxy.record(request, status, fault, time.perf_counter() - start)
        if rule is None or fault in ("call", "drop_body", "unconditional"):
            self._send(status, reason, headers, body)
        elif fault == "reset_after":
            self._reset()
        elif fault in ("delay", "hold"):
            self._wait(rule)
            self._send(status, reason, headers, body)
        elif fault == "truncate":
            self._send(status, reason, headers, body, length=len(body))
            self.close_connection = True
        elif fault == "garbage":
            kept = [h for h in headers if h[0].lower() not in ("content-type", "content-encoding")]
            self._send(status, reason, [*kept, ("Content-Type", "text/xml")],
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

    def _send(self, status: int, reason: str, headers: list[tuple[str, str]], body: bytes,
              *, length: int | None = None) -> None:
        """Write the answer; with `length`, announce that many bytes but send half the body."""
        lines = [f"HTTP/1.1 {status} {reason}", *(f"{k}: {v}" for k, v in headers),
                 f"Content-Length: {len(body) if length is None else length}", "", ""]
        sent = body if length is None else body[: len(body) // 2]
        self.wfile.write("\r\n".join(lines).encode("latin-1") + sent)
        self.wfile.flush()

    def _reset(self) -> None:
        """Close with RST (SO_LINGER 0): the client sees 'connection reset by peer'."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()


@contextlib.contextmanager
def running(upstream_port: int) -> Iterator[FaultProxy]:
    with FaultProxy(upstream_port) as proxy:
        yield proxy
