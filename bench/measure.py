"""Run a command in a fresh process and measure it: wall time and peak memory.

The command is started by a tiny launcher (a Python without imports), not by the benchmark
itself: a child forked from a big process inherits its size in the kernel's peak-RSS account.
The launcher reports the command's wall time and its peak RSS (wait4: the largest single process
of its tree). A sampler adds up the PSS of the command's processes every SAMPLE_EVERY seconds,
for tools that fork workers (PSS counts pages shared after fork once); the larger figure counts.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_EVERY = 0.05
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
LAUNCHER = """\
import os, sys, time
null = os.open(os.devnull, os.O_RDWR)
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ,
                      file_actions=[(os.POSIX_SPAWN_DUP2, null, fd) for fd in (0, 1, 2)])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    code: int


def run(command: Sequence[str], *, cwd: Path, env: Mapping[str, str] | None = None) -> Run:
    """Run `command` to its end, output discarded."""
    launcher = subprocess.Popen([sys.executable, "-S", "-c", LAUNCHER, *command], cwd=cwd,
                                env=env, stdout=subprocess.PIPE, text=True)
    sampler = _Sampler(launcher.pid)
    out, _err = launcher.communicate()
    sampled = sampler.stop()
    seconds, peak_kb, code = out.split()
    return Run(float(seconds), max(int(peak_kb), sampled) / 1024, int(code))


def runs(commands: Sequence[Sequence[str]], *, cwd: Path,
         env: Mapping[str, str] | None = None) -> Run:
    """Several commands one after another (one tool over batches of files), as one run."""
    parts = [run(command, cwd=cwd, env=env) for command in commands]
    return Run(sum(p.seconds for p in parts), max(p.peak_mb for p in parts),
               max(p.code for p in parts))


def median(items: Sequence[Run]) -> Run:
    """The run of median time (with the median of the peaks)."""
    return Run(statistics.median(r.seconds for r in items),
               statistics.median(r.peak_mb for r in items), max(r.code for r in items))


class _Sampler:
    """Sums the PSS (else RSS) of a process tree every SAMPLE_EVERY seconds, in KiB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def stop(self) -> int:
        self.done.set()
        self.thread.join()
        return self.peak

    def _loop(self) -> None:
        while not self.done.wait(SAMPLE_EVERY):
            tree = [p for child in _children(self.pid) for p in _tree(child)]  # not the launcher
            self.peak = max(self.peak, sum(_memory_kb(pid) for pid in tree))


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(_children(current))
    return found


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def _memory_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * _PAGE_KB
    except (OSError, ValueError, IndexError):
        return 0
