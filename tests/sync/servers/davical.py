"""DAViCal (Debian's `davical`) for the sync tests: its own PostgreSQL cluster in a temporary
folder, reached over a Unix socket in that folder only, and DAViCal's htdocs served by PHP's
built-in web server on 127.0.0.1 (Debian ships it for Apache; it needs nothing Apache does).

Debian's /etc/davical/config.php is used unchanged: it connects to `dbname=davical
user=davical_app` with no host or port, so libpq takes both from PGHOST and PGPORT, which the
PHP process gets from us. Nothing outside the temporary folder is written.

PostgreSQL refuses to run as root: as root, the cluster is made and run as the `postgres` user
the Debian package creates (`runuser`), in a folder under /tmp that user can reach (pytest's own
temporary folders are root's alone). The DAV root is /caldav.php/; the principal of USER is
/caldav.php/USER/, which is also its calendar home.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sync import radicale
from tests.sync.servers import php_server

HTDOCS = Path("/usr/share/davical/htdocs")
CREATE_DATABASE = Path("/usr/share/davical/dba/create-database.sh")
ROOT = "/caldav.php/"
STEP_TIMEOUT = 120
ADD_USER = """
INSERT INTO usr (active, email_ok, updated, username, password, fullname, email)
    VALUES (TRUE, current_date, current_date, :'user', :'password', 'KPSS', 'kpss@example.org');
INSERT INTO principal (type_id, user_no, displayname, default_privileges)
    SELECT 1, user_no, 'KPSS', 0::BIT(24) FROM usr WHERE username = :'user';
"""


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def available() -> bool:
    return (HTDOCS.is_dir() and CREATE_DATABASE.is_file() and postgres_bin() is not None
            and shutil.which("php") is not None and shutil.which("psql") is not None)


def principal(user: str) -> str:
    return f"{ROOT}{user}/"


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _run(command: list[str], env: dict[str, str], log: Path, stdin: str = "") -> None:
    with log.open("ab") as out:
        subprocess.run(command, env=env, input=stdin.encode(), stdout=out,
                       stderr=subprocess.STDOUT, timeout=STEP_TIMEOUT, check=True)


@contextlib.contextmanager
def _cluster(folder: Path, log: Path) -> Iterator[dict[str, str]]:
    """A PostgreSQL cluster listening only on a socket in `folder`; yields the libpq env."""
    pg = postgres_bin()
    assert pg is not None
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(folder, account.pw_uid, account.pw_gid)
    data, port = folder / "data", str(radicale.free_port())
    env = {**os.environ, "PGHOST": str(folder), "PGPORT": port, "PGUSER": "postgres",
           "PGOPTIONS": "--client-min-messages=warning"}
    _run([*_as_postgres(), str(pg / "initdb"), "-D", str(data), "-U", "postgres",
          "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], env, log)
    options = f"-c listen_addresses='' -c unix_socket_directories={folder} -p {port} -c fsync=off"
    _run([*_as_postgres(), str(pg / "pg_ctl"), "-D", str(data), "-l", str(folder / "pg.log"),
          "-o", options, "-w", "-t", "60", "start"], env, log)
    try:
        yield env
    finally:
        _run([*_as_postgres(), str(pg / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
              "stop"], env, log)


@contextlib.contextmanager
def running(log_folder: Path, user: str, password: str, timeout: float) -> Iterator[int]:
    """DAViCal with one user; yields the port. Its logs go to `log_folder`."""
    log = log_folder / "setup.log"
    folder = Path(tempfile.mkdtemp(prefix="kpss-davical-"))
    try:
        with _cluster(folder, log) as env:
            _run(["sh", str(CREATE_DATABASE), "davical", secrets.token_urlsafe(16)], env, log)
            _run(["psql", "-qX", "-v", "ON_ERROR_STOP=1", "-v", f"user={user}",
                  "-v", f"password=**{password}", "davical"], env, log, ADD_USER)
            with php_server(["-t", str(HTDOCS)], cwd=HTDOCS, env=env,
                            log=log_folder / "php.log", timeout=timeout) as port:
                yield port
    finally:
        shutil.rmtree(folder, ignore_errors=True)
