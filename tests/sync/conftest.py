"""Real CalDAV servers for the sync tests, a fault proxy in front of each, and a sandbox per test.

Radicale and Xandikos start once per session on 127.0.0.1 with a free port. Every test gets its
own copy of the records whose calendar ids carry a unique suffix, so it writes to calendars no
other test sees; they are deleted afterwards. The sync talks to the server through a
`FaultProxy` (bench/proxy.py), which counts and logs every request.
"""

from __future__ import annotations

import logging
import secrets
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench import xandikos
from bench.proxy import FaultProxy
from sync import radicale
from tests.conftest import make_repo
from tests.sync import servers
from tests.sync.sandbox import MEETINGS, SECRETS, Backend, Sandbox, secret_forms
from tests.sync.servers import davical, sabre

START_TIMEOUT = 20.0


@pytest.fixture(scope="session")
def radicale_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    with radicale.running(tmp_path_factory.mktemp("radicale")) as server:
        port = int(server.url.rstrip("/").rsplit(":", 1)[1])
        SECRETS.add(server.password)
        yield Backend("radicale", port, server.user, server.password, f"/{server.user}/",
                      f"/{server.user}/", keeps_state=True, lists_calendars=True)


@pytest.fixture(scope="session")
def xandikos_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    folder = tmp_path_factory.mktemp("xandikos")
    password = secrets.token_urlsafe(16)  # Xandikos has no auth: sent, and ignored
    SECRETS.add(password)
    with xandikos.running(folder, START_TIMEOUT) as port:
        yield Backend("xandikos", port, "kpss", password, xandikos.PRINCIPAL, xandikos.HOME,
                      keeps_state=True, state_in_comment=True)


def new_password() -> str:
    """A fresh password, kept in SECRETS so that no output may ever show it."""
    password = secrets.token_urlsafe(16)
    SECRETS.add(password)
    return password


@pytest.fixture(scope="session")
def sabre_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    if not sabre.available():
        servers.unavailable("php-sabre-dav (with php-cli and php-sqlite3)")
    password, folder = new_password(), tmp_path_factory.mktemp("sabre")
    with sabre.running(folder, "kpss", password, START_TIMEOUT) as port:
        yield Backend("sabre", port, "kpss", password, sabre.principal("kpss"),
                      sabre.home("kpss"), keeps_state=False, feed="?export", anonymous=False)


@pytest.fixture(scope="session")
def davical_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """DAViCal's principal is also its calendar home; its DAV root is /caldav.php/."""
    if not davical.available():
        servers.unavailable("davical (with postgresql and php-cli)")
    password, home = new_password(), davical.principal("kpss")
    with davical.running(tmp_path_factory.mktemp("davical"), "kpss", password,
                         START_TIMEOUT) as port:
        yield Backend("davical", port, "kpss", password, home, home, keeps_state=True,
                      anonymous=False, root=davical.ROOT)


SERVERS = ("radicale", "xandikos", "sabre", "davical")


def server_fixture(names: tuple[str, ...]) -> Callable[[pytest.FixtureRequest], Backend]:
    """A `server` fixture over `names`: each server in turn, so that a test using it is a
    contract every one of them must keep."""

    @pytest.fixture(params=names)
    def server(request: pytest.FixtureRequest) -> Backend:
        backend: Backend = request.getfixturevalue(f"{request.param}_server")
        return backend

    return server


server = server_fixture(SERVERS)


@pytest.fixture(autouse=True)
def outputs(caplog: pytest.LogCaptureFixture) -> Iterator[list[str]]:
    """Everything the sync printed or logged in this test; no password form may be in it."""
    caplog.set_level(logging.DEBUG)
    collected: list[str] = []
    yield collected
    # At teardown `caplog.text` holds only this phase; the call's records are kept by phase.
    logged = [*caplog.get_records("setup"), *caplog.get_records("call"), *caplog.records]
    text = "\n".join([*collected, *(r.getMessage() for r in logged)])
    for secret in list(SECRETS):
        for form in secret_forms("kpss", secret):
            assert form not in text, "a password (or its Basic-auth form) was printed"


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """The lint fixture plus MEETINGS: eight meetings in three calendars."""
    overlay = tmp_path / "overlay"
    for mid, body in MEETINGS.items():
        path = overlay / "records" / "meetings" / mid[:4] / f"{mid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"id: {mid}\n" + textwrap.dedent(body).lstrip(), encoding="utf-8")
    return make_repo(tmp_path / "repo", overlay)


@pytest.fixture
def sandbox(server: Backend, records: Path, outputs: list[str],
            capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """This test's records and calendars on `server`, reached through a fault proxy."""
    with FaultProxy(server.port) as proxy:
        box = Sandbox(server, proxy, records, outputs=outputs, capsys=capsys,
                      monkeypatch=monkeypatch)
        try:
            yield box
        finally:
            box.cleanup()
