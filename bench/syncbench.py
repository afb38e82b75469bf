"""Sync benchmark: `python -m sync` and vdirsyncer pushing the same events to the same kind of
server (Radicale, Xandikos), each tool on a fresh server behind the counting proxy.

The first pushes (median of `runs`) take turns, ours then vdirsyncer's, so that a machine
slowing down or speeding up meets both alike; the proxy times the server's share of each run,
and the rest is the tool's own. Our sync then: a run with nothing to change (median of `runs`);
a run with one meeting changed, one added and one removed; a first push into a new calendar
killed after half its PUTs, and the run after it. vdirsyncer: its first sync (discover + sync,
as a fresh CI job does), its no-op sync with its status from the run before, and its no-op
without status (discover + sync) with the local folder holding the server's own copies, so
that nothing differs.

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
from bench import proxy as proxy_module
from bench.corpus import generate
from bench.lintbench import environment
from bench.proxy import FaultProxy
from bench.schedule import TODAY
from bench.servers import SERVERS, Server
from bench.steps import Step, killed_after, median, step
from bench.vdir import CALENDAR as VDIR_CALENDAR
from bench.vdir import Vdirsyncer
from sync.settings import ENV_PASSWORD, ENV_URL, ENV_USER

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
    turns: list[tuple[Step, Step]] = field(default_factory=list)
    """The first pushes in the order run: (ours, vdirsyncer's) for each turn."""


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
            _compare(row, folder, items, runs, say)
            rows.append(row)
    return rows


def _compare(row: SyncRow, folder: Path, items: list[ev.Event], runs: int,
             say: Callable[[str], None]) -> None:
    """Both tools, each on a fresh server of its own behind its own counting proxy."""
    with SERVERS[row.server](_fresh(folder / "ours")) as server, \
            FaultProxy(server.port) as proxy, \
            SERVERS[row.server](_fresh(folder / "theirs")) as other, \
            FaultProxy(other.port) as other_proxy:
        ours = _Ours(row, folder / "records-copy", server, proxy, say)
        theirs = _Theirs(row, Vdirsyncer(_fresh(folder / "vdirsyncer"), other, other_proxy),
                         say)
        if row.seeded:
            ours.adopt(items)
            theirs.tool.server.seed(VDIR_CALENDAR, {e.name: e.body for e in items})
        else:
            # The first pushes take turns: a machine that slows down or speeds up during the
            # minutes they take then meets both tools alike.
            theirs.tool.write_local(items)
            for turn in range(runs):
                row.turns.append((ours.first(turn), theirs.first(turn)))
                kpss, vdir = row.turns[-1]
                say(f"  sync N={row.meetings} {row.server} first push, turn {turn + 1}: kpss "
                    f"{kpss.seconds:.2f} s (own {kpss.own:.2f} s), vdirsyncer "
                    f"{vdir.seconds:.2f} s (own {vdir.own:.2f} s)")
            ours.record("first", median([kpss for kpss, _vdir in row.turns]))
            theirs.record("first", median([vdir for _kpss, vdir in row.turns]))
        ours.rest(runs)
        theirs.rest(runs)


def _sync_command(root: Path, calendar: str) -> list[str]:
    # A listing or multiget of 10,000 events can take Radicale longer than the default 30 s.
    return [sys.executable, "-m", "sync", "--calendar", calendar, "--today", TODAY.isoformat(),
            "--root", str(root), "--timeout", str(REQUEST_TIMEOUT)]


class _Ours:
    """Our sync, run as a fresh process on a copy of the corpus."""

    def __init__(self, row: SyncRow, root: Path, server: Server, proxy: FaultProxy,
                 say: Callable[[str], None]) -> None:
        self.row, self.root, self.server, self.proxy, self.say = row, root, server, proxy, say
        self.env = {**environment(), ENV_URL: proxy.url + server.principal.lstrip("/"),
                    ENV_USER: server.user, ENV_PASSWORD: server.password}

    def run(self, calendar: str = ev.CALENDAR) -> Step:
        return step(self.proxy, _sync_command(self.root, calendar), cwd=self.root,
                    env=self.env, calendar=self.server.home + calendar + "/")

    def record(self, label: str, result: Step) -> None:
        self.row.kpss[label] = result
        self.say(f"  sync N={self.row.meetings} {self.row.server} kpss {label}: "
                 f"{_line(result)}")

    def first(self, attempt: int) -> Step:
        return _anew(self.server, ev.CALENDAR, self.run, attempt)

    def adopt(self, items: list[ev.Event]) -> None:
        """A calendar filled behind our back: the first run adopts what is there."""
        self.server.seed(ev.CALENDAR, {e.name: e.body for e in items})
        self.record("adopt", self.run())
        # The sync writes its cache on a calendar it did not create only together with event
        # changes: one round of changes first, as the first push would have left it.
        self.row.notes += ev.change_three(self.root)
        self.record("settle", self.run())

    def rest(self, runs: int) -> None:
        """The no-op, three changes, and (where there was a first push) an interrupted one."""
        self.record("noop", median([self.run() for _ in range(runs)]))
        self.row.notes += ev.change_three(self.root)
        self.record("change", self.run())
        if not self.row.seeded:
            self._interrupted()

    def _interrupted(self) -> None:
        source = self.root / "records" / "calendars" / f"{ev.CALENDAR}.yaml"
        text = source.read_text(encoding="utf-8").replace(f"id: {ev.CALENDAR}\n",
                                                          f"id: {FRESH}\n")
        (source.parent / f"{FRESH}.yaml").write_text(text, encoding="utf-8")
        command = _sync_command(self.root, FRESH)
        path = self.server.home + FRESH + "/"
        self.record("killed", killed_after(self.proxy, command, self.row.events // 2,
                                           cwd=self.root, env=self.env, calendar=path))
        self.record("resumed", self.run(FRESH))


class _Theirs:
    """vdirsyncer with its local folder."""

    def __init__(self, row: SyncRow, tool: Vdirsyncer, say: Callable[[str], None]) -> None:
        self.row, self.tool, self.say = row, tool, say

    def record(self, label: str, result: Step) -> None:
        self.row.vdir[label] = result
        self.say(f"  sync N={self.row.meetings} {self.row.server} vdirsyncer {label}: "
                 f"{_line(result)}")

    def first(self, attempt: int) -> Step:
        def push() -> Step:
            self.tool.server.make_calendar(VDIR_CALENDAR)
            return self.tool.stateless()

        return _anew(self.tool.server, VDIR_CALENDAR, push, attempt)

    def rest(self, runs: int) -> None:
        """Its no-op without status (as in CI) and with it."""
        # The server's own copies: the server re-folds long lines, which vdirsyncer would take
        # for a conflict on every event; with its copies nothing differs.
        copies = self.tool.server.download(VDIR_CALENDAR)
        self.tool.write_local([ev.Event(name, body) for name, body in sorted(copies.items())])
        self.record("stateless", median([self.tool.stateless() for _ in range(runs)]))
        self.record("noop", median([self.tool.run("sync") for _ in range(runs)]))


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
