"""An embedded Radicale on 127.0.0.1: a service account that writes, anonymous read for
subscribers. Used by `python -m sync serve` and by the tests."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

USER = "kpss"
START_TIMEOUT = 20.0
LOG = "radicale.log"
"""The server's own output, in its folder."""

_RIGHTS = """\
# The service account owns its calendars; anyone may read them (subscribers).
[owner-principal]
user: .+
collection: {user}
permissions: RW

[owner-calendars]
user: .+
collection: {user}/[^/]+
permissions: rw

[root]
user: .*
collection:
permissions: R

[public-read]
user: .*
collection: %(user)s/[^/]+
permissions: r

[public-principal]
user: .*
collection: %(user)s
permissions: R
"""


@dataclass(frozen=True)
class Server:
    url: str
    user: str
    password: str
    process: subprocess.Popen[bytes]

    def calendar_url(self, calendar_id: str) -> str:
        return f"{self.url}{self.user}/{calendar_id}/"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_free(port: int) -> bool:
    """Whether a server could listen on 127.0.0.1:`port` now. SO_REUSEADDR as Radicale sets it
    (http.server does): connections of a server just stopped (TIME_WAIT) do not count."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        if os.name == "posix":  # on Windows the option would let two servers share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Return once something accepts connections on the port; bounded by `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"server did not start on port {port} within {timeout:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server process: politely, then, after 10 s, for good."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _config(folder: Path, port: int, password: str) -> Path:
    (folder / "users").write_text(f"{USER}:{password}\n", encoding="utf-8")
    (folder / "rights").write_text(_RIGHTS % {"user": USER}, encoding="utf-8")
    config = folder / "config"
    config.write_text(
        "[server]\n"
        f"hosts = 127.0.0.1:{port}\n"
        "[auth]\n"
        "type = htpasswd\n"
        f"htpasswd_filename = {folder / 'users'}\n"
        "htpasswd_encryption = plain\n"
        "[rights]\n"
        "type = from_file\n"
        f"file = {folder / 'rights'}\n"
        "[storage]\n"
        f"filesystem_folder = {folder / 'collections'}\n"
        "[web]\n"
        "type = none\n"
        "[logging]\n"
        "level = warning\n",
        encoding="utf-8",
    )
    return config


@contextlib.contextmanager
def running(folder: Path | None = None, port: int | None = None) -> Iterator[Server]:
    """Start Radicale, yield where it is, stop it afterwards."""
    with contextlib.ExitStack() as stack:
        if folder is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kpss-")))
        port = port or free_port()
        password = secrets.token_urlsafe(16)
        config = _config(folder, port, password)
        log = (folder / LOG).open("wb")
        stack.callback(log.close)
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port, process, START_TIMEOUT)
            yield Server(f"http://127.0.0.1:{port}/", USER, password, process)
        finally:
            stop(process)
