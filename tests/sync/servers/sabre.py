"""sabre/dav 1.8 (Debian's `php-sabre-dav`, the CalDAV engine of Nextcloud and Baïkal) served by
PHP's built-in web server from `sabre.php`, with SQLite (`php-sqlite3`) in a folder of the test's.

The principal is /principals/USER/ and its calendar home /calendars/USER/; the root answers
`current-user-principal`, so the sync finds the home from the root URL. Basic authentication
with the password given here; no anonymous access.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from sync import radicale

SCRIPT = Path(__file__).with_name("sabre.php")
LIBRARY = Path("/usr/share/php/Sabre/autoload.php")
WORKERS = "4"
"""PHP's built-in server answers one request at a time unless given workers (Linux only); the
tests run two syncs at once."""


def available() -> bool:
    return shutil.which("php") is not None and LIBRARY.is_file()


def principal(user: str) -> str:
    return f"/principals/{user}/"


def home(user: str) -> str:
    return f"/calendars/{user}/"


@contextlib.contextmanager
def running(folder: Path, user: str, password: str, timeout: float) -> Iterator[int]:
    """Serve with the database, and the log, in `folder`; yields the port."""
    port = radicale.free_port()
    env = {**os.environ, "KPSS_SABRE_DB": str(folder / "sabre.sqlite"),
           "KPSS_SABRE_USER": user, "KPSS_SABRE_PASSWORD": password,
           "PHP_CLI_SERVER_WORKERS": WORKERS}
    with (folder / "php.log").open("wb") as log:
        process = subprocess.Popen(
            ["php", "-d", "display_errors=0", "-d", "log_errors=1",
             "-S", f"127.0.0.1:{port}", str(SCRIPT)],
            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            radicale.wait_for_port(port, process, timeout)
            yield port
        finally:
            radicale.stop(process)
