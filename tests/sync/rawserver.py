"""A hostile HTTP server on raw sockets, for the transport tests (tests/sync/test_transport.py).

It reads each request (bench/loopback.py: line, headers, body) and hands the connection to the
scenario, which writes whatever bytes it likes: a status line dripped a byte at a time,
`100 Continue` for ever, an endless chunked body, a decompression bomb. A scenario runs until it
returns, the client goes away, or the server stops; every loop in it checks `alive`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

from bench.loopback import Handler, Request, Server


class Connection:
    """One client connection as a scenario sees it."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self.sock = sock
        self._stopping = stopping

    @property
    def alive(self) -> bool:
        return not self._stopping.is_set()

    def send(self, data: bytes) -> bool:
        """Write `data`; False once the client has gone (or the server stops)."""
        if not self.alive:
            return False
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        return True

    def drip(self, data: bytes, pause: float) -> bool:
        """Write `data` a byte at a time, `pause` seconds apart."""
        for byte in data:
            if not self.send(bytes([byte])) or self._stopping.wait(pause):
                return False
        return True

    def pause(self, seconds: float) -> bool:
        return not self._stopping.wait(seconds)


Scenario = Callable[[Connection, Request], bool]
"""Answers one request; True to read the next request on the same connection."""


class RawServer(Server):
    def __init__(self, scenario: Scenario) -> None:
        super().__init__(_Handler)
        self.scenario = scenario
        self.requests: list[Request] = []

    @property
    def url(self) -> str:
        return f"{self.origin}/dav/"


class _Handler(Handler):
    """Reads the request (line, headers, body), then leaves the socket to the scenario."""

    owner: RawServer
    timeout = 30

    def serve(self) -> None:
        server = self.owner
        request = self.received()
        server.requests.append(request)
        try:
            more = server.scenario(Connection(self.connection, server.stopping), request)
        except OSError:
            more = False
        self.close_connection = self.close_connection or not more


def answer(status: str, body: bytes = b"", headers: tuple[tuple[str, str], ...] = (),
           ) -> bytes:
    """A whole response: `status` is the line after `HTTP/1.1 `."""
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers)]
    if not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in headers):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body  # raw bytes, as a server may


def stream_for(connection: Connection, piece: bytes, seconds: float) -> bool:
    """Send `piece` over and over for at most `seconds` (the test's own bound)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not connection.send(piece):
            return False
    return True
