"""The hostile server: every scenario of hostile_scenarios/ against the real `python -m sync`
in a child process; and the member-name attack against a real Radicale.

For every scenario: the run ends by itself (a hang guard kills it otherwise), prints no
traceback, exits with the documented code (never 1, which means "records have errors"), writes
nothing but our own events (the server logs and classifies every request), leaves foreign
events byte-identical and every calendar in place, stays under the memory ceiling, and prints no
secret in any encoding and no raw control character or CI annotation from the server.
"""

from __future__ import annotations

import os
import secrets
import ssl
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.settings import ENV_PASSWORD, ENV_URL, ENV_USER
from tests.conftest import make_repo
from tests.robustness import hostile_run
from tests.robustness.hostile_dav import Store
from tests.robustness.hostile_run import Run
from tests.robustness.hostile_scenarios import (
    PERSON,
    SCENARIOS,
    Context,
    Scenario,
    secret_forms,
)
from tests.robustness.hostile_server import Hostile
from tests.robustness.matrix import Row, message_key, record
from tests.sync.sandbox import FOREIGN_EVENT, MEETINGS, NEW_MEETING

MEMORY_LIMIT_MB = 400
TIMEOUT = "2"
"""--timeout for every attacked run: a dripping server is caught by the hang guard, not by
waiting 30 s per read."""
USER = "kpss"
EXIT_NAMES = {0: "ok", 1: "RECORDS", 2: "config", 3: "server", 4: "mass delete"}


def write_records(root: Path, *, changed: bool) -> Path:
    """The lint fixture plus the sync tests' meetings; `changed`: one moved, one added, one
    removed (as tests/sync/sandbox.py `change` does)."""
    overlay = root.parent / (root.name + "-overlay")
    for mid, body in MEETINGS.items():
        path = overlay / "records" / "meetings" / mid[:4] / f"{mid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"id: {mid}\n" + textwrap.dedent(body).lstrip(), encoding="utf-8")
    make_repo(root, overlay)
    if changed:
        meetings = root / "records" / "meetings" / "2022"
        moved = meetings / "2022-10-19-rps.yaml"
        text = moved.read_text(encoding="utf-8")
        moved.write_text(text.replace('start: "14:00"\nend: "16:00"',
                                      'start: "15:00"\nend: "17:00"'), encoding="utf-8")
        (meetings / "2022-12-14-rps.yaml").write_text(
            "id: 2022-12-14-rps\n" + textwrap.dedent(NEW_MEETING).lstrip(), encoding="utf-8")
        (meetings / "2022-12-07-rps.yaml").unlink()
    return root


def commit(root: Path) -> None:
    """Make `root` a git repository with one commit of 2022-09-01 (the commit order guard's
    HEAD)."""
    env = {**os.environ, "GIT_AUTHOR_DATE": "2022-09-01T12:00:00+00:00",
           "GIT_COMMITTER_DATE": "2022-09-01T12:00:00+00:00"}
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.name=kpss", "-c", "user.email=kpss@example.org", "commit", "-qm",
                  "records"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def env_for(url: str, password: str) -> dict[str, str]:
    return {ENV_URL: url, ENV_USER: USER, ENV_PASSWORD: password}


@pytest.fixture(scope="module")
def pushed(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The store a clean first push of the records leaves on the honest server."""
    root = write_records(tmp_path_factory.mktemp("pushed") / "repo", changed=False)
    with Hostile(password="first-push") as host:
        run = hostile_run.sync(root, env_for(host.url, "first-push"), "--timeout", TIMEOUT)
        assert run.code == 0, run.output
        assert not host.violations()
        return host.store.copy()


@pytest.fixture
def elsewhere() -> Iterator[Hostile]:
    """Another server: nothing may ever reach it."""
    with Hostile() as other:
        yield other


def _tls(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return context


def _params() -> list[object]:
    return [pytest.param(s, id=s.name, marks=[pytest.mark.xfail(strict=True, reason=s.bug)]
                         if s.bug else []) for s in SCENARIOS]


@pytest.mark.parametrize("scenario", _params())
def test_hostile_server(scenario: Scenario, pushed: Store, elsewhere: Hostile, tmp_path: Path,
                        request: pytest.FixtureRequest) -> None:
    root = write_records(tmp_path / "repo", changed=True)
    if scenario.git:
        commit(root)
    store = pushed.copy()
    store.put_event(PERSON, FOREIGN_EVENT.replace("{UID}", "porada@example.org").encode(),
                    "foreign")
    if scenario.seed is not None:
        scenario.seed(store)
    foreign = {p: (i.data, i.etag) for p, i in store.items.items() if i.owner == "foreign"}
    collections = {p for p, i in store.items.items() if i.kind != "event"}
    password = f"Pw{secrets.token_hex(6)}+/=?&%@"
    args = [a.format(cert=tmp_path / "cert.pem") for a in scenario.args]
    tls = None
    if scenario.tls:
        certificate = request.getfixturevalue("certificate")
        (tmp_path / "cert.pem").write_bytes(certificate[0].read_bytes())
        tls = _tls(certificate)
    with Hostile(store, scenario.override, user=USER, password=password, tls=tls) as host:
        host.state["other"] = elsewhere.port
        url = scenario.url.format(port=host.port) if scenario.url else host.url
        run = hostile_run.sync(root, env_for(url, password), "--timeout", TIMEOUT, *args,
                               guard=hostile_run.HANG_GUARD)
    problems = judge(scenario, run, host, elsewhere, foreign=foreign, collections=collections,
                     password=password)
    record(Row("hostile-server", scenario.name, outcome(run, host, problems), not problems,
               scenario.bug, round(run.seconds, 3),
               {"foreign_touched": sum(store.items.get(p) is None or
                                       (store.items[p].data, store.items[p].etag) != v
                                       for p, v in foreign.items())},
               {"group": scenario.group, "sent": scenario.sent,
                "expect": "/".join(f"{c} {EXIT_NAMES[c]}" for c in sorted(scenario.exit)),
                "memory": f"{run.peak_mb:.0f} MB"}))
    assert not problems, "\n".join([*problems, run.output[-3000:],
                                    *map(str, host.log[-20:])])
    if scenario.check is not None:
        scenario.check(Context(run, host, elsewhere.port))


def judge(scenario: Scenario, run: Run, host: Hostile, elsewhere: Hostile, *,
          foreign: dict[str, tuple[bytes, str]], collections: set[str],
          password: str) -> list[str]:
    """Everything wrong with the run, as short sentences ([] when all is well)."""
    found = []
    if run.killed:
        found.append(f"killed ({run.killed}) after {run.seconds:.0f} s")
    if "Traceback" in run.output:
        found.append("traceback: " + run.err.strip().splitlines()[-1][:200])
    if run.code is not None and run.code not in scenario.exit:
        found.append(f"exit {run.code}, expected {sorted(scenario.exit)}")
    found += [f"the hostile server failed: {e}" for e in host.errors]
    found += [f"violation: {e}" for e in host.violations()]
    if "--dry-run" in scenario.args:
        found += [f"a write in a dry run: {e}" for e in host.writes()]
    found += [f"request to another server: {e}" for e in elsewhere.log]
    store = host.store.items
    found += [f"foreign event changed: {p}" for p, v in foreign.items()
              if p not in store or (store[p].data, store[p].etag) != v]
    found += [f"collection gone: {p}" for p in sorted(collections) if p not in store]
    if run.peak_mb > MEMORY_LIMIT_MB:
        found.append(f"peak memory {run.peak_mb:.0f} MB")
    found += [f"secret printed ({i})" for i, form in enumerate(secret_forms(USER, password))
              if form in run.output]
    found += printed_raw(run.output)
    return found


def printed_raw(output: str) -> list[str]:
    """Server text that reached the output unescaped: control characters, or a line a CI
    log would read as a command (GitHub Actions `::error`)."""
    found = []
    controls = sorted({hex(ord(c)) for c in output if ord(c) < 32 and c not in "\n\t"})
    if controls:
        found.append(f"control characters printed: {controls}")
    if any(line.lstrip().startswith("::") for line in output.splitlines()):
        found.append("a line starting with `::` printed")
    return found


def outcome(run: Run, host: Hostile, problems: list[str]) -> str:
    if run.killed:
        text = f"killed after {run.seconds:.0f} s ({run.killed})"
    elif "Traceback" in run.output:
        last = run.err.strip().splitlines()[-1]
        text = f"exit {run.code}, traceback: {last.split(':')[0]}"
    else:
        key = message_key(run.err) or "ok"
        text = f"exit {run.code}: {key}"
    writes = len(host.writes())
    text += f"; {writes} write{'s' if writes != 1 else ''}"
    wrong = [p for p in problems if not p.startswith(("killed", "traceback"))]
    return text + (f"; {wrong[0]}" if wrong else "")
