"""Bounds on everything a server can make the sync wait for or hold: time per request and per
run, bytes per answer, members per listing, bytes per event.

Both HTTP paths (sync/transport.py: caldav's session, and sync/plain.py over `http.client`) read
answers through `read_body` and send through `Deadline.request`, so neither a server that drips
one byte a second, nor one that sends `100 Continue` lines for ever, nor an endless or
compressed body can stretch a run past its deadline or grow it past a few tens of MB.
Standard library only: the quiet run (sync/plain.py) must not import caldav.
"""

from __future__ import annotations

import contextlib
import math
import signal
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator

MAX_BODY = 16 * 1024 * 1024
"""Bytes of one answer, after decompression. A listing of 20,000 members with their ETags is
about 8 MB; multigets are sent in batches (sync/protocol.py) well below this."""
MAX_MEMBERS = 20_000
"""`<response>` elements in one multistatus: far above any city's calendar."""
MAX_ELEMENTS = 400_000
"""XML elements in one answer: 20 per member of the largest listing. Each costs about 100 bytes
once parsed, so this keeps a parsed answer near 40 MB whatever the 16 MB hold."""
MAX_EVENT = 1024 * 1024
"""Bytes of one event's calendar-data. Ours are a few kB; a larger one is someone else's (an
attachment inline) and is skipped, never read."""
CHUNK = 64 * 1024
ACCEPTED_CODINGS = "gzip, deflate"
"""What we ask for (RFC 9110 §12.5.3): the two `zlib` decompresses with a cap on the output."""


class Expired(BaseException):
    """The request's deadline passed. A BaseException so that no library's `except Exception`
    around a socket read swallows it when the alarm interrupts that read."""


class TooLarge(Exception):
    """The answer is larger than the limit it was read with."""


class Undecodable(Exception):
    """The answer's Content-Encoding is one we did not ask for, or is not what it says."""


class Deadline:
    """The run's clock: each request gets `per_request` seconds in total (connecting, sending,
    every `100 Continue`, headers and body), never past the end of the run."""

    def __init__(self, per_request: float, per_run: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_request = per_request
        self.per_run = per_run
        self._clock = clock
        self.end = clock() + per_run

    def left(self) -> float:
        return self.end - self._clock()

    def passed(self) -> bool:
        return self.left() <= 0

    @contextlib.contextmanager
    def request(self) -> Iterator[float]:
        """Run one request within its deadline (the value yielded, on this clock). In the main
        thread an interval timer interrupts whatever the request is blocked in; elsewhere only
        `read_body`'s checks between chunks and the socket timeout bound it."""
        if self.passed():
            raise Expired
        seconds = min(self.per_request, self.left())
        with _alarm(seconds):
            yield self._clock() + seconds


_armed = threading.local()


def _on_alarm(signum: int, frame: object) -> None:
    if getattr(_armed, "on", False):
        _armed.on = False
        raise Expired


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)  # nobody else's timer running
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _armed.on = True
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        _armed.on = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        # None: a handler not set from Python, which cannot be put back; the default then.
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def read_body(chunks: Iterable[bytes], coding: str, *, limit: int = MAX_BODY,
              until: float = math.inf, clock: Callable[[], float] = time.monotonic) -> bytes:
    """The whole body from its raw chunks, decoded from `coding` (the Content-Encoding), read
    no further than `limit` bytes after decoding nor past the time `until` (on `clock`)."""
    decoder = _Decoder(coding)
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        if clock() > until:
            raise Expired
        for part in decoder.feed(chunk, limit - size + 1):
            size += len(part)
            if size > limit:
                raise TooLarge
            parts.append(part)
    tail = decoder.flush()
    if size + len(tail) > limit:
        raise TooLarge
    return b"".join([*parts, tail])


class _Decoder:
    """Incremental gzip / deflate with a cap on the output of each step (a few kB of a
    decompression bomb never become more than `room` bytes at once)."""

    def __init__(self, coding: str) -> None:
        coding = coding.strip().lower()
        self.identity = coding in ("", "identity")
        if coding in ("gzip", "x-gzip"):
            self._zlib: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":  # RFC 9110 §8.4.1.2: zlib format; some servers send it raw
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        elif self.identity:
            self._zlib = None
        else:
            raise Undecodable(coding)
        self._raw_deflate = coding == "deflate"

    def feed(self, chunk: bytes, room: int) -> Iterator[bytes]:
        if self._zlib is None:
            yield chunk
            return
        data = chunk
        while data:
            try:
                part = self._zlib.decompress(data, max(room, 1))
            except zlib.error:
                part = self._retry_raw(data, room)
            self._raw_deflate = False  # the format is settled by the first bytes
            yield part
            room -= len(part)
            data = self._zlib.unconsumed_tail
            if room <= 0:
                return  # over the limit: the caller stops at the part just given

    def _retry_raw(self, data: bytes, room: int) -> bytes:
        if not self._raw_deflate:
            raise Undecodable("gzip") from None
        self._raw_deflate = False  # only once, at the first bytes
        self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            return self._zlib.decompress(data, max(room, 1))
        except zlib.error:
            raise Undecodable("deflate") from None

    def flush(self) -> bytes:
        """What zlib still holds once all input is in (never more than its window)."""
        if self._zlib is None:
            return b""
        try:
            return self._zlib.flush()
        except zlib.error:
            raise Undecodable("deflate") from None
