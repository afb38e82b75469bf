"""Xandikos for the tests and the benchmark: started on 127.0.0.1 with a free port, stopped after.

`--defaults` gives the principal /user/ with its calendar home /user/calendars/; Xandikos has no
authentication, so whatever credentials a client sends are ignored.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from sync import radicale

PRINCIPAL, HOME = "/user/", "/user/calendars/"


@contextlib.contextmanager
def running(folder: Path, timeout: float) -> Iterator[int]:
    """Serve from `folder` (data, state and log inside it); yields the port."""
    port = radicale.free_port()
    with (folder / "xandikos.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "xandikos", "serve", "-d", str(folder / "data"),
             "--state-dir", str(folder / "state"), "--defaults", "--no-detect-systemd",
             "-l", "127.0.0.1", "-p", str(port)],
            stdout=log, stderr=subprocess.STDOUT)
        try:
            radicale.wait_for_port(port, process, timeout)
            yield port
        finally:
            radicale.stop(process)
