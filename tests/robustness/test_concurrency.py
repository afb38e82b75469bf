"""Concurrency and order: syncs started at once end in exactly the records' state; a person
editing a foreign event during a sync never loses the edit; a late sync job of an older commit,
finishing after a newer one, does not put old content back (events say which commit they came
from, and sync/commits.py says which commit is newer)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import icalendar
import pytest

from bench.loopback import Request
from sync import cache, commits, errors, plan, transport
from tests.robustness.matrix import Row, record
from tests.sync.sandbox import CALENDARS, NEW_MEETING, Event, Sandbox, change, clean_env

CONCURRENCY_IDS = [
    *(f"{n}-syncs-at-once-{s}" for s in ("radicale", "xandikos") for n in (2, 4)),
    "4-first-pushes-at-once-radicale",
    "foreign-edit-during-a-sync", "foreign-create-and-delete-during-a-sync",
    "foreign-event-left-out-of-the-multiget", "foreign-edits-during-4-syncs",
    *(f"late-older-commit-{s}" for s in ("radicale", "xandikos")),
    "late-older-commit-shallow-clone", "older-commit-racing-a-newer-one",
]


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transport, "BACKOFF", (0.01, 0.02))


def state(sandbox: Sandbox) -> dict[str, dict[str, Event]]:
    return {short: sandbox.events(short) for short in CALENDARS}


def converged(sandbox: Sandbox, *foreign: tuple[str, Event]) -> bool:
    try:
        sandbox.assert_converged(*foreign)
    except AssertionError:
        return False
    return True


def duplicates(sandbox: Sandbox) -> int:
    total = 0
    for short in CALENDARS:
        uids = [e.uid for e in sandbox.ours(short).values()]
        total += len(uids) - len(set(uids))
    return total


def at_once(sandbox: Sandbox, count: int) -> list[tuple[int, str, str]]:
    """`count` sync processes started together; their exit codes and streams."""
    processes = [sandbox.start_process() for _ in range(count)]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        sandbox.outputs.extend([out, err])
        results.append((process.returncode, out, err))
    return results


# --- syncs at once ---------------------------------------------------------------------------

XANDIKOS_RACE = ("each exit 0, or 3 where Xandikos answered 500 to a conditional PUT that lost "
                 "a race (its bug: InvalidETag instead of 412); the others finish the work")


def fine(code: int, _out: str, _err: str) -> bool:
    return code == 0


def fine_on_xandikos(code: int, _out: str, err: str) -> bool:
    """Xandikos checks If-Match, then its store finds another ETag and raises InvalidETag,
    which it answers with 500 rather than 412 (xandikos/store/git.py _check_duplicate). The
    sync stops on a 500, as it should on a server error; the other syncs finish the work."""
    return code == 0 or (code == 3 and "(HTTP 500" in err)  # with the reason the server gave


@pytest.mark.parametrize("count", [2, 4])
def test_syncs_started_at_once(sandbox: Sandbox, count: int) -> None:
    assert sandbox.run().code == 0
    foreign = [("rps", sandbox.put_foreign("rps"))]
    change(sandbox)
    results = at_once(sandbox, count)
    at_end = converged(sandbox, *foreign)
    dups = duplicates(sandbox)
    again = sandbox.run()
    codes = [code for code, _out, _err in results]
    allowed = fine if sandbox.backend.name == "radicale" else fine_on_xandikos
    name = f"{count}-syncs-at-once-{sandbox.backend.name}"
    outcome = f"exits {codes}" if allowed is fine else XANDIKOS_RACE
    record(Row("concurrency", name, outcome, at_end and all(allowed(*r) for r in results),
               numbers={"runs": count, "converged": int(at_end), "lost": 0 if at_end else 1,
                        "duplicates": dups},
               cells={"scenario": f"{count} syncs started at once after 3 changes "
                                  f"({sandbox.backend.name})", "codes": str(codes)}))
    for code, out, err in results:
        assert allowed(code, out, err), err
        assert "Traceback" not in err
    assert at_end, "the syncs did not leave the records' state"
    assert dups == 0
    assert (again.code, again.writes) == (0, 0), again.out


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_first_pushes_at_once(sandbox: Sandbox) -> None:
    results = at_once(sandbox, 4)
    at_end = converged(sandbox)
    codes = [code for code, _out, _err in results]
    record(Row("concurrency", "4-first-pushes-at-once-radicale", f"exits {codes}",
               at_end and set(codes) == {0},
               numbers={"runs": 4, "converged": int(at_end), "lost": 0 if at_end else 1,
                        "duplicates": duplicates(sandbox)},
               cells={"scenario": "4 first pushes at once: no calendar exists yet"}))
    assert all(code == 0 for code in codes), results
    assert at_end
    assert sandbox.run().writes == 0


# --- someone edits foreign events meanwhile --------------------------------------------------

def edit_foreign(sandbox: Sandbox, short: str, name: str, summary: str) -> Event:
    """A person changes their own event (conditional, as calendar apps do)."""
    event = sandbox.events(short)[name]
    data = re.sub(rb"SUMMARY:[^\r\n]*", b"SUMMARY:" + summary.encode(), event.data)
    reply = sandbox.backend.request("PUT", sandbox.path(short) + name, data,
                                    {"Content-Type": "text/calendar; charset=utf-8",
                                     "If-Match": event.etag})
    assert reply.status in (200, 201, 204), reply
    return sandbox.events(short)[name]


def summary(event: Event) -> str:
    return str(event.vevent["SUMMARY"])


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_a_foreign_edit_during_a_sync_is_kept(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    mine = sandbox.put_foreign("rps")
    change(sandbox)
    edited: list[Event] = []

    def person(_request: Request) -> None:  # between the sync's reading and its writing
        edited.append(edit_foreign(sandbox, "rps", mine.name, "Porada vedení (přesunuto)"))

    sandbox.proxy.add("call", method="PUT", action=person)
    result = sandbox.run()
    kept = sandbox.events("rps")[mine.name]
    ok = result.code == 0 and kept == edited[0] and converged(sandbox, ("rps", kept))
    record(Row("concurrency", "foreign-edit-during-a-sync", f"exit {result.code}", ok,
               numbers={"runs": 1, "converged": int(ok), "lost": int(kept != edited[0]),
                        "duplicates": duplicates(sandbox)},
               cells={"scenario": "a person edits their event in our calendar while the "
                                  "sync writes"}))
    assert result.code == 0, result.err
    assert summary(kept) == "Porada vedení (přesunuto)"
    assert kept == edited[0], "the person's edit was lost"
    sandbox.assert_converged(("rps", kept))
    assert sandbox.run().code == 0  # refreshes the cache: the foreign event has a new ETag
    assert sandbox.run().writes == 0


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_foreign_events_made_and_removed_during_a_sync(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    doomed = sandbox.put_foreign("rps", "doomed.ics")
    change(sandbox)
    made: list[Event] = []

    def person(_request: Request) -> None:
        made.append(sandbox.put_foreign("rps", "new-foreign.ics"))
        sandbox.backend.request("DELETE", sandbox.path("rps") + doomed.name)

    sandbox.proxy.add("call", method="REPORT", action=person)  # after the listing
    first = sandbox.run()
    second = sandbox.run()
    events = sandbox.events("rps")
    ok = (first.code == second.code == 0 and doomed.name not in events
          and events.get("new-foreign.ics") == made[0])
    record(Row("concurrency", "foreign-create-and-delete-during-a-sync",
               f"exit {first.code}, then {second.code}", ok,
               numbers={"runs": 2, "converged": int(ok), "lost": int(
                   events.get("new-foreign.ics") != made[0]), "duplicates": duplicates(sandbox)},
               cells={"scenario": "a person adds one event and deletes another during a sync"}))
    assert first.code == 0, first.err
    assert second.code == 0, second.err
    assert doomed.name not in events, "a foreign event deleted by its owner came back"
    assert events.get("new-foreign.ics") == made[0], "a new foreign event was touched"
    sandbox.assert_converged(("rps", made[0]))


EMPTY_MULTISTATUS = b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"/>'


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_a_foreign_event_the_multiget_leaves_out_is_kept(sandbox: Sandbox) -> None:
    """The listing shows a resource the calendar-multiget then does not return (deleted in
    between, private, or a server that cannot render it): it is not known to be ours, so it
    is never deleted."""
    assert sandbox.run().code == 0
    mine = sandbox.put_foreign("rps")
    sandbox.proxy.add("status", method="REPORT", status=207, body=EMPTY_MULTISTATUS,
                      headers={"Content-Type": "application/xml; charset=utf-8"})
    result = sandbox.run("--calendar", sandbox.ids["rps"])
    kept = sandbox.events("rps").get(mine.name)
    ok = result.code == 0 and kept == mine
    record(Row("concurrency", "foreign-event-left-out-of-the-multiget",
               f"exit {result.code}, {result.writes} writes", ok,
               numbers={"runs": 1, "converged": int(ok), "lost": int(kept != mine),
                        "duplicates": duplicates(sandbox)},
               cells={"scenario": "the multiget does not return a listed foreign event"}))
    assert result.code == 0, result.err
    assert not result.calls(sandbox.path("rps") + mine.name, "DELETE")
    assert kept == mine, "a foreign event was deleted"
    sandbox.assert_converged(("rps", mine))


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_foreign_edits_during_four_syncs(sandbox: Sandbox) -> None:
    """A person keeps editing their event while four syncs run; the last edit stands."""
    assert sandbox.run().code == 0
    mine = sandbox.put_foreign("rps")
    change(sandbox)
    stop = threading.Event()
    edits: list[Event] = []

    def person() -> None:
        for number in range(1, 200):
            if stop.is_set():
                break
            edits.append(edit_foreign(sandbox, "rps", mine.name, f"Porada vedení, verze {number}"))
            stop.wait(0.02)

    editor = threading.Thread(target=person)
    editor.start()
    try:
        results = at_once(sandbox, 4)
    finally:
        stop.set()
        editor.join(30)
    last = sandbox.events("rps")[mine.name]
    ok = all(code == 0 for code, _o, _e in results) and last == edits[-1] \
        and converged(sandbox, ("rps", last))
    record(Row("concurrency", "foreign-edits-during-4-syncs",
               f"exits {[c for c, _o, _e in results]}, the last edit kept", ok,
               numbers={"runs": 4, "converged": int(ok), "lost": int(last != edits[-1]),
                        "duplicates": duplicates(sandbox)},
               cells={"scenario": "a person edits their event over and over while 4 syncs "
                                  "run"}))
    assert all(code == 0 for code, _o, _e in results), results
    assert len(edits) >= 2
    assert last == edits[-1], "an edit was lost"
    sandbox.assert_converged(("rps", last))


# --- commit order ----------------------------------------------------------------------------

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
       "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]


def git(root: Path, *args: str, when: str | None = None) -> str:
    env = clean_env()
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    done = subprocess.run([*GIT, *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True)
    return done.stdout.strip()


def commit(root: Path, message: str, when: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)
    return git(root, "rev-parse", "--short=12", "HEAD")


@contextmanager
def rooted(sandbox: Sandbox, root: Path) -> Iterator[Sandbox]:
    """The sandbox's runs from another checkout of the records."""
    home = sandbox.root
    sandbox.root = root
    try:
        yield sandbox
    finally:
        sandbox.root = home


def move(sandbox: Sandbox, start: str, end: str) -> None:
    path = sandbox.meeting_file("2022-10-19-rps")
    text = re.sub(r'start: "\d\d:\d\d"\nend: "\d\d:\d\d"', f'start: "{start}"\nend: "{end}"',
                  path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def history(sandbox: Sandbox, tmp_path: Path) -> tuple[str, str, Path]:
    """Commit A (the ŘPS meeting moved to 15:00), then B (moved to 16:00, one meeting added,
    one removed); returns their hashes and a worktree checked out at A."""
    if not (sandbox.root / ".git").exists():
        git(sandbox.root, "init", "-q")
    move(sandbox, "15:00", "17:00")
    older = commit(sandbox.root, "A", "2022-08-15T10:00:00+00:00")
    move(sandbox, "16:00", "18:00")
    sandbox.write_meeting("2022-12-14-rps", NEW_MEETING)
    sandbox.remove_meeting("2022-12-07-rps")
    newer = commit(sandbox.root, "B", "2022-08-16T10:00:00+00:00")
    git(sandbox.root, "branch", "older", older)
    worktree = tmp_path / "older"
    git(sandbox.root, "worktree", "add", "-q", "--detach", str(worktree), older)
    return older, newer, worktree


def starts(sandbox: Sandbox) -> dt.datetime:
    event = sandbox.events("rps")["2022-10-19-rps.ics"].vevent
    return event["DTSTART"].dt


def said(sandbox: Sandbox) -> set[str]:
    """The commits our events say they came from, in every calendar."""
    return {str(e.vevent.get("X-KPSS-COMMIT")) for s in CALENDARS
            for e in sandbox.ours(s).values()}


def test_a_late_older_commit_does_not_put_old_content_back(sandbox: Sandbox,
                                                           tmp_path: Path) -> None:
    older, newer, worktree = history(sandbox, tmp_path)
    with rooted(sandbox, worktree):
        assert sandbox.run().code == 0  # A, in time
    assert starts(sandbox).hour == 15
    first = sandbox.run()  # B
    assert first.code == 0, first.err
    published = state(sandbox)
    assert starts(sandbox).hour == 16
    assert newer in said(sandbox)
    with rooted(sandbox, worktree):
        preview = sandbox.run("--dry-run")
        late = sandbox.run()  # A again, late: a re-run of an old job
    after_late = state(sandbox)
    again = sandbox.run()  # B again
    ok = late.code == 0 and after_late == published and (again.code, again.writes) == (0, 0)
    record(Row("concurrency", f"late-older-commit-{sandbox.backend.name}",
               f"exit {late.code}, {late.writes} writes", ok,
               numbers={"runs": 4, "converged": int(ok),
                        "lost": int(after_late != published), "duplicates": duplicates(sandbox)},
               cells={"scenario": f"a job of commit A finishing after B's "
                                  f"({sandbox.backend.name})"}))
    assert late.code == 0, late.err
    assert late.writes == 0
    assert not [e for e in late.entries if e.method not in ("PROPFIND", "REPORT")]
    assert f"novější commit {newer}" in late.out
    assert f"je z {older}" in late.out
    assert f"novější commit {newer}" in preview.out
    assert after_late == published, "old content was put back"
    assert (again.code, again.writes) == (0, 0), again.out
    sandbox.assert_converged()


def test_what_events_say_about_their_commit(sandbox: Sandbox, tmp_path: Path) -> None:
    _older, newer, _worktree = history(sandbox, tmp_path)
    assert sandbox.run().code == 0
    for short in CALENDARS:
        for event in sandbox.ours(short).values():
            vevent = event.vevent
            assert str(vevent["X-KPSS-COMMIT"]) == newer
            when = icalendar.vDatetime.from_ical(str(vevent["X-KPSS-COMMIT-TIME"]))
            assert when == dt.datetime(2022, 8, 16, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_a_late_job_from_a_shallow_clone(sandbox: Sandbox, tmp_path: Path) -> None:
    """CI checks out one commit only: the newer commit is unknown there, its time decides."""
    _older, newer, _worktree = history(sandbox, tmp_path)
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "older",
        f"file://{sandbox.root}", str(shallow))
    assert git(shallow, "rev-parse", "--is-shallow-repository") == "true"
    assert sandbox.run().code == 0  # B
    published = state(sandbox)
    with rooted(sandbox, shallow):
        late = sandbox.run()
    ok = late.code == 0 and late.writes == 0 and state(sandbox) == published
    record(Row("concurrency", "late-older-commit-shallow-clone",
               f"exit {late.code}, {late.writes} writes", ok,
               numbers={"runs": 2, "converged": int(ok), "lost": int(not ok),
                        "duplicates": duplicates(sandbox)},
               cells={"scenario": "the late job runs in a shallow clone (B unknown to git)"}))
    assert late.code == 0, late.err
    assert f"novější commit {newer}" in late.out
    assert state(sandbox) == published


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_an_older_commit_racing_a_newer_one(sandbox: Sandbox, tmp_path: Path) -> None:
    """A plans against the server, B runs from start to end, then A writes: A's first write
    meets B's change (412), reads it, sees the newer commit and leaves the rest alone."""
    git(sandbox.root, "init", "-q")
    commit(sandbox.root, "O", "2022-08-14T10:00:00+00:00")
    assert sandbox.run().code == 0  # the server at O
    older, newer, worktree = history(sandbox, tmp_path)
    other: list[subprocess.CompletedProcess[str]] = []
    home = sandbox.root

    def sync_newer(_request: Request) -> None:  # B, straight to the server, from its checkout
        with rooted(sandbox, home):
            other.append(sandbox.run_process_raw(sandbox.env(url=sandbox.backend.url)))

    sandbox.proxy.add("call", method="PUT", action=sync_newer)
    with rooted(sandbox, worktree):
        racing = sandbox.run()
    published = state(sandbox)
    again = sandbox.run()
    ok = (racing.code == 0 and other[0].returncode == 0 and starts(sandbox).hour == 16
          and (again.code, again.writes) == (0, 0))
    record(Row("concurrency", "older-commit-racing-a-newer-one",
               f"exit {racing.code}, {racing.writes} writes", ok,
               numbers={"runs": 3, "converged": int(ok), "lost": int(not ok),
                        "duplicates": duplicates(sandbox)},
               cells={"scenario": "A plans, B runs from start to end, then A writes"}))
    assert other, "B never ran"
    assert other[0].returncode == 0, other[0].stderr
    assert racing.code == 0, racing.err
    assert f"novější commit {newer}" in racing.out
    assert {e.status for e in racing.entries if e.method == "PUT"} == {412}
    assert starts(sandbox).hour == 16
    assert state(sandbox) == published
    assert (again.code, again.writes) == (0, 0), again.out
    assert older != newer


# --- the order itself, without a server --------------------------------------------------------

def test_commit_order_from_git(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / "a.txt").write_text("a\n", encoding="utf-8")
    first = commit(root, "1", "2022-08-15T10:00:00+00:00")
    (root / "a.txt").write_text("b\n", encoding="utf-8")
    second = commit(root, "2", "2022-08-16T10:00:00+00:00")
    head = commits.head(root)
    assert head is not None
    assert head.sha == second
    assert head.time == dt.datetime(2022, 8, 16, 10, tzinfo=dt.UTC)
    at_second = commits.Order(root, head)
    assert not at_second.newer(commits.Commit(first, dt.datetime(2022, 8, 15, tzinfo=dt.UTC)))
    assert not at_second.newer(head)
    assert not at_second.newer(None)
    at_first = commits.Order(root, commits.Commit(first, dt.datetime(2022, 8, 15, 10,
                                                                      tzinfo=dt.UTC)))
    # Git knows: the newer commit wins even when its clock says otherwise.
    assert at_first.newer(commits.Commit(second, dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    unknown = "0123456789ab"
    later = dt.datetime(2022, 9, 1, tzinfo=dt.UTC)
    assert at_first.newer(commits.Commit(unknown, later))  # unknown: the later time wins
    assert not at_first.newer(commits.Commit(unknown, dt.datetime(2022, 1, 1, tzinfo=dt.UTC)))
    assert not at_first.newer(commits.Commit(unknown, None))
    now = dt.datetime.now(dt.UTC)
    for ahead in (dt.timedelta(days=400), dt.timedelta(days=1), dt.timedelta(minutes=11)):
        # A forged or damaged time is no proof: it would keep syncs away until it passed.
        assert not at_first.newer(commits.Commit(unknown, now + ahead))
    assert at_first.newer(commits.Commit(unknown, now - dt.timedelta(minutes=1)))
    for forged in ("0123456789", "0123456789abc", "0123456789AB", "0123456789ag"):
        assert not at_first.newer(commits.Commit(forged, later))  # not a hash as we write it
    assert not at_first.newer(commits.Commit("--output=/tmp/x", later + dt.timedelta(
        days=-400)))  # never passed to git as an option
    # With the branch's whole history in the job, git knows every commit that synced: one it
    # does not know is forged, whatever its time; the ones it knows still count.
    whole = commits.Order(root, at_first.ours, complete=True)
    assert not whole.newer(commits.Commit(unknown, now - dt.timedelta(minutes=1)))
    assert whole.newer(commits.Commit(second, dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    assert commits.head(tmp_path) is None
    assert not commits.Order(tmp_path, None).newer(commits.Commit(first, later))


def test_the_cache_keeps_commits() -> None:
    when = dt.datetime(2022, 8, 16, 10, tzinfo=dt.UTC)
    known = cache.Known('"e1"', "h" * 64, 2, "s" * 64, commits.Commit("0123456789ab", when))
    state = cache.State({"a.ics": known, "b.ics": cache.Known('"e2"', "c", 0, "d")},
                       {"f.ics": '"f"'}, commits.Commit("ba9876543210", when))
    assert cache.State.decode(state.encode()) == state
    version_1 = '{"v":1,"events":{"a.ics":["\\"e1\\"","h",2,"s"]},"foreign":{}}'
    assert cache.State.decode(version_1) == cache.State()  # an old cache is simply refilled
    for damaged in ('{"v":2,"commit":["x",1e400],"events":{},"foreign":{}}',
                    '{"v":2,"commit":["x",-99999999999999999],"events":{},"foreign":{}}',
                    '{"v":2,"events":{"a.ics":["e","h",1,"s","c"]},"foreign":{}}'):
        assert cache.State.decode(damaged) == cache.State()


def test_a_late_plan_is_no_mass_deletion() -> None:
    """A late job's records lack the meetings a newer commit added: it would delete them, but
    it leaves the calendar alone, so the mass-deletion guard (exit 4) must not fire."""
    late = plan.CalendarPlan("rps", "/kpss/rps/", True, {}, {},
                             newer=commits.Commit("0123456789ab"))
    late.actions = [plan.Action("delete", f"m{i}.ics", f"m{i}") for i in range(5)]
    late.ours_on_server = 6
    plan.check_deletions([late], allow=False)
    late.newer = None
    with pytest.raises(errors.MassDeleteRefused):
        plan.check_deletions([late], allow=False)
