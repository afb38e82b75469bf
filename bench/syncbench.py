"""Sync benchmark: `python -m sync` and vdirsyncer pushing the same events to the same kind of
server (Radicale, Xandikos), each tool on a fresh server behind the counting proxy.

Our sync: the first push; a run with nothing to change (median of `runs`); a run with one
meeting changed, one added and one removed; a first push into a new calendar killed after half
its PUTs, and the run after it. vdirsyncer: its first sync (discover + sync, as a fresh CI job
does), its no-op sync with its status from the run before, and its no-op without status
(discover + sync) with the local folder holding the server's own copies, so that nothing differs.

Radicale scans every stored event for a duplicate UID on each new PUT, so a first push of N
events costs time quadratic in N: above SEED_ABOVE events the calendar is filled by writing the
event files into Radicale's storage folder instead, and the first pushes are not run.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench import events as ev
from bench.corpus import generate
from bench.lintbench import environment
from bench.schedule import TODAY
from bench.servers import SERVERS, Server
from bench.steps import Step, killed_after, median, step
from bench.vdir import CALENDAR as VDIR_CALENDAR
from bench.vdir import Vdirsyncer
from sync.settings import ENV_PASSWORD, ENV_URL, ENV_USER
from tests.sync import proxy as proxy_module
from tests.sync.proxy import FaultProxy

SEED_ABOVE = 2000
REQUEST_TIMEOUT = 600
proxy_module.UPSTREAM_TIMEOUT = REQUEST_TIMEOUT  # the proxy waits for the server as long
FRESH = "preruseni"
"""A calendar the interrupted first push goes to (a copy of `vse`, so it shows every group)."""


@dataclass
class SyncRow:
    server: str
    meetings: int
    events: int
    kpss: dict[str, Step] = field(default_factory=dict)
    vdir: dict[str, Step] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seeded: bool = False


def bench_sync(sizes: Sequence[int], servers: Sequence[str], *, runs: int, work: Path,
               seed: int, say: Callable[[str], None]) -> list[SyncRow]:
    rows = []
    for size in sizes:
        corpus = generate(work / f"sync-{size}", size, seed=seed)
        items = ev.events(corpus.root)
        for name in servers:
            if len(items) > SEED_ABOVE and name != "radicale":
                say(f"sync N={size} {name}: skipped (no quick way to fill it, see docs)")
                continue
            row = SyncRow(name, size, len(items), seeded=len(items) > SEED_ABOVE)
            folder = work / f"{name}-{size}"
            shutil.copytree(corpus.root, folder / "records-copy")
            _ours(row, folder, items, runs, say)
            _theirs(row, folder, items, runs, say)
            rows.append(row)
    return rows


def _sync_command(root: Path, calendar: str) -> list[str]:
    # A listing or multiget of 10,000 events can take Radicale longer than the default 30 s.
    return [sys.executable, "-m", "sync", "--calendar", calendar, "--today", TODAY.isoformat(),
            "--root", str(root), "--timeout", str(REQUEST_TIMEOUT)]


def _ours(row: SyncRow, folder: Path, items: list[ev.Event], runs: int,
          say: Callable[[str], None]) -> None:
    root = folder / "records-copy"
    with SERVERS[row.server](_fresh(folder / "ours")) as server, \
            FaultProxy(server.port) as proxy:
        env = {**environment(), ENV_URL: proxy.url + server.principal.lstrip("/"),
               ENV_USER: server.user, ENV_PASSWORD: server.password}
        command = _sync_command(root, ev.CALENDAR)
        path = server.home + ev.CALENDAR + "/"

        def run() -> Step:
            return step(proxy, command, cwd=root, env=env, calendar=path)

        def record(label: str, result: Step) -> None:
            row.kpss[label] = result
            say(f"  sync N={row.meetings} {row.server} kpss {label}: {_line(result)}")

        if row.seeded:
            server.seed(ev.CALENDAR, {e.name: e.body for e in items})
            record("adopt", run())
            # The sync writes its cache on a calendar it did not create only together with
            # event changes: one round of changes first, as the first push would have left it.
            row.notes += ev.change_three(root)
            record("settle", run())
        else:
            record("first", median([_anew(server, ev.CALENDAR, run, i) for i in range(runs)]))
        record("noop", median([run() for _ in range(runs)]))
        row.notes += ev.change_three(root)
        record("change", run())
        if not row.seeded:
            _interrupted(row, server, proxy, root, env=env, record=record)


def _interrupted(row: SyncRow, server: Server, proxy: FaultProxy, root: Path, *,
                 env: dict[str, str], record: Callable[[str, Step], None]) -> None:
    source = root / "records" / "calendars" / f"{ev.CALENDAR}.yaml"
    text = source.read_text(encoding="utf-8").replace(f"id: {ev.CALENDAR}\n", f"id: {FRESH}\n")
    (source.parent / f"{FRESH}.yaml").write_text(text, encoding="utf-8")
    command = _sync_command(root, FRESH)
    path = server.home + FRESH + "/"
    record("killed", killed_after(proxy, command, row.events // 2, cwd=root, env=env,
                                  calendar=path))
    record("resumed", step(proxy, command, cwd=root, env=env, calendar=path))


def _theirs(row: SyncRow, folder: Path, items: list[ev.Event], runs: int,
            say: Callable[[str], None]) -> None:
    with SERVERS[row.server](_fresh(folder / "theirs")) as server, \
            FaultProxy(server.port) as proxy:
        tool = Vdirsyncer(_fresh(folder / "vdirsyncer"), server, proxy)

        def record(label: str, result: Step) -> None:
            row.vdir[label] = result
            say(f"  sync N={row.meetings} {row.server} vdirsyncer {label}: {_line(result)}")

        if row.seeded:
            server.seed(VDIR_CALENDAR, {e.name: e.body for e in items})
        else:
            tool.write_local(items)

            def first() -> Step:
                server.make_calendar(VDIR_CALENDAR)
                return tool.stateless()

            record("first", median([_anew(server, VDIR_CALENDAR, first, i)
                                    for i in range(runs)]))
        # The server's own copies: the server re-folds long lines, which vdirsyncer would
        # take for a conflict on every event; with its copies nothing differs.
        copies = server.download(VDIR_CALENDAR)
        tool.write_local([ev.Event(name, body) for name, body in sorted(copies.items())])
        record("stateless", median([tool.stateless() for _ in range(runs)]))
        record("noop", median([tool.run("sync") for _ in range(runs)]))


def _anew(server: Server, calendar: str, push: Callable[[], Step], attempt: int) -> Step:
    """A first push into an empty calendar: the one before it is deleted first (untimed). The
    first pushes vary by a tenth from run to run on this machine, so they are repeated too."""
    if attempt:
        server.delete_calendar(calendar)
    return push()


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _line(result: Step) -> str:
    return (f"{result.seconds:.2f} s, {result.requests} requests ({result.methods}), "
            f"{result.writes} writes, exit {result.code}")
