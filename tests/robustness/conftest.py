"""Fixtures of the robustness suite: the sync tests' servers and secret guard, a fault proxy
that can also refuse connections, the Hypothesis profiles, and the report test kept last."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from bench.loopback import Request
from bench.proxy import FaultProxy, Rule, _Handler
from sync import cli, protocol
from tests.sync import conftest as sync_fixtures
from tests.sync import test_settings
from tests.sync.sandbox import Backend, Sandbox

# The sync tests' fixtures, here too: the servers (started once per conftest that names them),
# the records, and the autouse guard that greps every output and DEBUG log for passwords.
outputs = sync_fixtures.outputs
radicale_server = sync_fixtures.radicale_server
xandikos_server = sync_fixtures.xandikos_server
server = sync_fixtures.server_fixture(("radicale", "xandikos"))
records = sync_fixtures.records
certificate = test_settings.certificate
offline = test_settings.offline

# A bounded, deterministic profile for CI (and by default); `HYPOTHESIS_PROFILE=dev` explores
# more. No example database: a run leaves nothing behind and never depends on an earlier one.
settings.register_profile("ci", derandomize=True, max_examples=100, deadline=None,
                          database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=1000, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPORT_MARK = "robustness_report"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{REPORT_MARK}: runs after every other test")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The report reads what every other test recorded, so it goes last."""
    items.sort(key=lambda item: item.get_closest_marker(REPORT_MARK) is not None)


class _Handler2(_Handler):
    """The proxy's handler, plus `refuse`: stop listening and reset this connection."""

    owner: RefusingProxy

    def _answer(self, request: Request, rule: Rule | None) -> None:
        if rule is not None and rule.fault == "refuse":
            self.proxy.record(request, None, "refuse")
            self.proxy.down()
            self._reset()
            return
        super()._answer(request, rule)


class RefusingProxy(FaultProxy):
    """A FaultProxy whose port can stop listening: connections are then refused
    (ECONNREFUSED), as when the server is restarted, until `up()`."""

    def __init__(self, upstream_port: int) -> None:
        super().__init__(upstream_port)
        self.server.RequestHandlerClass = type("Handler", (_Handler2,), {"owner": self})
        self.is_down = False
        self._switch = threading.Lock()

    def down(self) -> None:
        with self._switch:
            if self.is_down:
                return
            self.is_down = True
            self.server.shutdown()  # the accept loop returns; from another thread, no deadlock
            self.server.socket.close()

    def up(self) -> None:
        with self._switch:
            if not self.is_down:
                return
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))
            listener.listen()
            self.server.socket = listener
            self.thread = threading.Thread(target=self.server.serve_forever,
                                           kwargs={"poll_interval": 0.05}, daemon=True)
            self.thread.start()
            self.is_down = False

    def close(self) -> None:
        self.up()
        super().close()


@pytest.fixture
def sandbox(server: Backend, records: Path, outputs: list[str],
            capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """This test's records and calendars on `server`, behind a proxy that can also refuse."""
    with RefusingProxy(server.port) as proxy:
        box = Sandbox(server, proxy, records, outputs=outputs, capsys=capsys,
                      monkeypatch=monkeypatch)
        try:
            yield box
        finally:
            with contextlib.suppress(Exception):
                proxy.up()
            box.cleanup()


class Sleeps:
    """Stands in for the sync's sleep between attempts: records the waits, waits for nothing,
    and can run something at the first wait (bring a refusing server back)."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.at_first_wait: Any = None

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        if len(self.waits) == 1 and self.at_first_wait is not None:
            self.at_first_wait()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Sleeps:
    """The sync in this process sleeps through `Sleeps` (no real waiting between attempts)."""
    recorder = Sleeps()
    original = protocol.Dav

    def make(config: Any, **kwargs: Any) -> protocol.Dav:
        return original(config, sleep=recorder, **kwargs)

    monkeypatch.setattr(cli, "Dav", make)
    return recorder
