"""What our own HTTP servers on 127.0.0.1 share: the counting and fault-injecting proxy of the
benchmark and the sync tests (bench/proxy.py), the transport tests' raw server and the hostile
CalDAV server (tests/sync/rawserver.py, tests/robustness/hostile_server.py).

One request record, one threaded server on a free port that shuts every connection it still
holds when it stops (so no handler waits out its idle timeout), and one handler that sends
every method to `serve` and writes whole answers.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import unquote, urlsplit

MAX_BODY = 64 * 1024 * 1024
"""More of a request body than any of our clients sends; the rest is not read."""


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    """The request target exactly as sent (percent-encoded, maybe with a query)."""
    headers: dict[str, str]
    body: bytes

    @property
    def resource(self) -> str:
        """The path the target names, decoded."""
        return unquote(urlsplit(self.path).path)

    def header(self, name: str) -> str:
        """A header's value by its name in any case; "" when it was not sent."""
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), "")

    def without(self, *names: str) -> Request:
        """The same request without the headers named (in any case)."""
        gone = {name.lower() for name in names}
        kept = {k: v for k, v in self.headers.items() if k.lower() not in gone}
        return Request(self.method, self.path, kept, self.body)

    def logged_headers(self) -> dict[str, str]:
        """The headers but for the credentials: a failing test's report cannot show them."""
        return self.without("authorization").headers


class Server:
    """`with Server(handler) as server:` serves on a free port of 127.0.0.1 (https with `tls`)
    in threads of their own; `daemon` threads are not waited for when it stops."""

    def __init__(self, handler: type[Handler], tls: ssl.SSLContext | None = None, *,
                 daemon: bool = False) -> None:
        self.lock = threading.RLock()
        self.stopping = threading.Event()
        self.connections: set[socket.socket] = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), type("Bound", (handler,),
                                                                  {"owner": self}))
        self.server.daemon_threads = daemon
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.port = int(self.server.server_address[1])
        self.origin = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> Self:
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


class Handler(BaseHTTPRequestHandler):
    """Every method goes to `serve`; quiet, as each server keeps its own log."""

    owner: Server
    protocol_version = "HTTP/1.1"
    timeout = 10  # an idle keep-alive connection is closed after this many seconds

    def setup(self) -> None:
        super().setup()
        # Answers go out in one write; without NODELAY, Nagle and delayed ACKs add 40 ms each.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.owner.lock:
            self.owner.connections.add(self.connection)

    def handle(self) -> None:
        with contextlib.suppress(ConnectionError):  # a client killed mid-request: it is gone
            super().handle()

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        with self.owner.lock:
            self.owner.connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: each server keeps its own log."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):
            return self.serve
        raise AttributeError(name)

    def serve(self) -> None:
        """Answer the request just read (its line and headers)."""
        raise NotImplementedError

    def received(self) -> Request:
        """The request with its body, chunked or of a Content-Length (at most MAX_BODY)."""
        return Request(self.command, self.path, dict(self.headers.items()), self._body())

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while (size := int(self.rfile.readline().split(b";")[0] or b"0", 16)) > 0:
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            self.rfile.readline()
            return b"".join(parts)
        length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
        return self.rfile.read(length) if length else b""

    def write_answer(self, status: int, reason: str, headers: list[tuple[str, str]], body: bytes,
               *, announced: int | None = None) -> None:
        """Write a whole answer, its Content-Length added unless `headers` frame the body;
        `announced` claims another length than the body's (an answer cut short)."""
        lines = [f"HTTP/1.1 {status} {reason}", *(f"{k}: {v}" for k, v in headers)]
        if not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in headers):
            lines.append(f"Content-Length: {len(body) if announced is None else announced}")
        head = "\r\n".join([*lines, "", ""]).encode("latin-1", "replace")
        self.wfile.write(head + (b"" if self.command == "HEAD" else body))
        self.wfile.flush()
