"""CalDAV servers from Debian packages for the sync tests: sabre/dav and DAViCal, each started
on 127.0.0.1 with a free port by a session fixture (tests/sync/conftest.py), stopped after."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from sync import radicale

REQUIRED = bool(os.environ.get("CI") or os.environ.get("KPSS_CI"))
"""In CI (.ci/run installs the servers with scripts/install-servers.sh) a missing server fails
the tests instead of skipping them."""
WORKERS = "4"
"""PHP's built-in server answers one request at a time unless given workers (Linux only); the
tests run several syncs at once."""


def unavailable(what: str) -> None:
    """Skip on a developer's machine without the server; fail in CI, which installs it."""
    message = f"{what} is not installed (scripts/install-servers.sh installs it)"
    if REQUIRED:
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def php_server(args: list[str], *, cwd: Path, env: Mapping[str, str], log: Path,
               timeout: float) -> Iterator[int]:
    """PHP's built-in web server on 127.0.0.1 with a free port (`php ... -S ADDRESS ARGS`);
    yields the port. Errors go to `log`, never into an answer."""
    port = radicale.free_port()
    with log.open("wb") as out:
        # Its own process group: the workers are children of the first process, and a
        # signal to the group stops them all.
        process = subprocess.Popen(
            ["php", "-d", "display_errors=0", "-d", "log_errors=1",
             "-S", f"127.0.0.1:{port}", *args],
            cwd=cwd, env={**env, "PHP_CLI_SERVER_WORKERS": WORKERS}, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True)
        try:
            radicale.wait_for_port(port, process, timeout)
            yield port
        finally:
            _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(10)
            return
        except subprocess.TimeoutExpired:
            continue
