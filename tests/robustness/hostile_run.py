"""`python -m sync` as a child process, watched: killed after a hang guard or past a memory
ceiling, and measured (elapsed time, and peak RSS from the kernel's own accounting of that one
child, `wait4`, so the figure is exact even for a run that lasted 50 ms)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT
from tests.sync.sandbox import TODAY, clean_env

HANG_GUARD = 30.0
"""Seconds after which the run counts as hung and is killed (a clean run takes about 1 s)."""
MEMORY_CEILING_MB = 1024
"""Past this resident size the run is killed at once: it would only grow (an endless body)."""
POLL = 0.02


@dataclass(frozen=True)
class Run:
    code: int | None
    """The exit code; None when the run was killed."""
    out: str
    err: str
    seconds: float
    peak_mb: float
    killed: str = ""
    """Why the run was killed: "hang", "memory", or "" when it ended by itself."""

    @property
    def output(self) -> str:
        return self.out + self.err


def sync(root: Path, env: dict[str, str], *args: str, guard: float = HANG_GUARD) -> Run:
    """Run `python -m sync ARGS --root ROOT --today TODAY` with `env` added to a clean
    environment (no KPSS_* of the test's own)."""
    command = [sys.executable, "-m", "sync", *args, "--root", str(root), "--today", TODAY]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, env={**clean_env(), **env},
                                 stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        status, usage, killed = _watch(child, started + guard)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        text_out = out.read().decode("utf-8", "replace")
        text_err = err.read().decode("utf-8", "replace")
    code = None if killed else child.returncode
    return Run(code, text_out, text_err, seconds, usage.ru_maxrss / 1024, killed)


def _watch(child: subprocess.Popen[bytes],
           deadline: float) -> tuple[int, os.struct_rusage, str]:  # type: ignore[name-defined]
    """Wait for the child, killing it at the deadline or past the memory ceiling."""
    killed = ""
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            return status, usage, killed
        if not killed and time.perf_counter() > deadline:
            killed = "hang"
        elif not killed and _rss_mb(child.pid) > MEMORY_CEILING_MB:
            killed = "memory"
        if killed:
            os.kill(child.pid, signal.SIGKILL)
            _pid, status, usage = os.wait4(child.pid, 0)
            return status, usage, killed
        time.sleep(POLL)


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0
