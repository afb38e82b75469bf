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
from collections.abc import Iterator
from pathlib import Path

from tests.sync.servers import php_server

SCRIPT = Path(__file__).with_name("sabre.php")
LIBRARY = Path("/usr/share/php/Sabre/autoload.php")


def available() -> bool:
    return shutil.which("php") is not None and LIBRARY.is_file()


def principal(user: str) -> str:
    return f"/principals/{user}/"


def home(user: str) -> str:
    return f"/calendars/{user}/"


@contextlib.contextmanager
def running(folder: Path, user: str, password: str, timeout: float) -> Iterator[int]:
    """Serve with the database, and the log, in `folder`; yields the port."""
    env = {**os.environ, "KPSS_SABRE_DB": str(folder / "sabre.sqlite"),
           "KPSS_SABRE_USER": user, "KPSS_SABRE_PASSWORD": password}
    with php_server([str(SCRIPT)], cwd=folder, env=env, log=folder / "php.log",
                    timeout=timeout) as port:
        yield port
