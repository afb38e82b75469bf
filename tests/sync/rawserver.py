"""A hostile HTTP server on raw sockets, for the transport tests (tests/sync/test_transport.py).

It reads each request (head and a Content-Length body) and hands the connection to the
scenario, which writes whatever bytes it likes: a status line dripped a byte at a time,
`100 Continue` for ever, an endless chunked body, a decompression bomb. A scenario runs until it
returns, the client goes away, or the server stops; every loop in it checks `alive`.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

MAX_HEAD = 64 * 1024


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


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


class RawServer:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.requests: list[Request] = []
        self._stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/dav/"

    def __enter__(self) -> RawServer:
        self._accepting.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stopping.set()
        self._accepting.join(timeout=5)
        self._listener.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._sockets.append(sock)
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        sock.settimeout(30)
        connection = Connection(sock, self._stopping)
        buffer = b""
        with contextlib.suppress(OSError):
            while connection.alive:
                request, buffer = _read_request(sock, buffer)
                if request is None:
                    return
                self.requests.append(request)
                if not self.scenario(connection, request):
                    return


def _read_request(sock: socket.socket, buffer: bytes) -> tuple[Request | None, bytes]:
    while b"\r\n\r\n" not in buffer:
        data = sock.recv(65536)
        if not data or len(buffer) > MAX_HEAD:
            return None, b""
        buffer += data
    head, _, rest = buffer.partition(b"\r\n\r\n")
    line, *fields = head.decode("latin-1").split("\r\n")
    method, path, _ = ([*line.split(" ", 2), "", ""])[:3]
    headers = {}
    for field in fields:
        name, _, value = field.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length") or 0)
    while len(rest) < length:
        data = sock.recv(65536)
        if not data:
            return None, b""
        rest += data
    return Request(method, path, headers, rest[:length]), rest[length:]


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
