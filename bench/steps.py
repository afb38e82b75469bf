"""One timed run of a sync tool as a fresh process, with the requests the counting proxy saw."""

from __future__ import annotations

import dataclasses
import os
import signal
import statistics
import subprocess
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.loopback import Request
from bench.proxy import WRITES, Entry, FaultProxy

TIMEOUT = 3 * 3600.0


@dataclass(frozen=True)
class Step:
    seconds: float
    requests: int
    writes: int
    methods: str = ""
    """Requests by method, e.g. `PROPFIND 3, PUT 2`."""
    code: int = 0
    puts: int = 0
    calendar: int = 0
    """Requests to the calendar itself (the rest find the calendar home)."""
    server: float = 0.0
    """Seconds the server spent answering (as the proxy saw it); the rest of `seconds` is the
    tool's own: starting, preparing requests, reading answers."""

    @property
    def own(self) -> float:
        return self.seconds - self.server

    def __add__(self, other: Step) -> Step:
        methods = Counter(_parse(self.methods)) + Counter(_parse(other.methods))
        return Step(self.seconds + other.seconds, self.requests + other.requests,
                    self.writes + other.writes, _format(methods), max(self.code, other.code),
                    self.puts + other.puts, self.calendar + other.calendar,
                    self.server + other.server)


def _format(methods: Mapping[str, int]) -> str:
    return ", ".join(f"{m} {n}" for m, n in sorted(methods.items(), key=lambda i: -i[1]))


def _parse(text: str) -> dict[str, int]:
    pairs = (part.rsplit(" ", 1) for part in text.split(", ") if part)
    return {method: int(count) for method, count in pairs}


def counted(entries: Sequence[Entry], seconds: float, code: int, calendar: str) -> Step:
    """A step from the proxy's log; `calendar` is the calendar's path on the server."""
    methods = Counter(e.method for e in entries)
    writes = sum(1 for e in entries if e.method in WRITES and (e.status or 500) < 300)
    puts = sum(1 for e in entries if e.method == "PUT" and (e.status or 500) < 300)
    inside = sum(1 for e in entries if e.path.startswith(calendar))
    server = sum(e.upstream for e in entries)
    return Step(seconds, len(entries), writes, _format(methods), code, puts, inside, server)


def step(proxy: FaultProxy, command: Sequence[str], *, cwd: Path, env: Mapping[str, str],
         calendar: str) -> Step:
    """Run `command` to its end; the proxy's log is this run's requests."""
    proxy.clear()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, check=False, timeout=TIMEOUT)
    seconds = time.perf_counter() - start
    return counted(proxy.entries(), seconds, done.returncode, calendar)


def killed_after(proxy: FaultProxy, command: Sequence[str], puts: int, *, cwd: Path,
                 env: Mapping[str, str], calendar: str) -> Step:
    """Run `command` and kill it (SIGKILL) when its `puts`-th PUT reaches the proxy; that PUT
    still reaches the server, its answer is lost."""
    proxy.clear()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)

    def kill(_request: Request) -> None:
        os.kill(process.pid, signal.SIGKILL)

    proxy.add("call", method="PUT", nth=puts, action=kill)
    code = process.wait(TIMEOUT)
    seconds = time.perf_counter() - start
    deadline = time.monotonic() + 60
    while len(proxy.entries("PUT")) < puts and time.monotonic() < deadline:
        time.sleep(0.05)  # the last PUT is still on its way to the server
    return counted(proxy.entries(), seconds, code, calendar)


def median(steps: Sequence[Step]) -> Step:
    """The step of median time, whose own time is the median of the tools' own times (the
    server's share varies from run to run more than the tool's)."""
    ordered = sorted(steps, key=lambda s: s.seconds)
    chosen = ordered[len(ordered) // 2]
    seconds = statistics.median(s.seconds for s in steps)
    own = statistics.median(s.own for s in steps)
    return dataclasses.replace(chosen, seconds=seconds, server=seconds - own,
                               code=max(s.code for s in steps))
