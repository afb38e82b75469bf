"""The fault matrix: each fault at each step of a sync, through the fault proxy in front of a real
Radicale. For every cell: the exit code and message, that the faulted request was retried only
where that is safe and only a bounded number of times, that the failed run duplicated, lost or
touched nothing, and that the next clean run converges to exactly the records' state.

The sync in this process sleeps through `sleeps` (tests/robustness/conftest.py): waits between
attempts are recorded, not waited, so Retry-After can be checked without waiting for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pytest

from bench.proxy import Entry
from sync import ical, transport
from tests.robustness.conftest import RefusingProxy, Sleeps
from tests.robustness.matrix import Row, message_key, record
from tests.sync import test_faults as base
from tests.sync.sandbox import Event, Result, Sandbox, assert_in_place
from tests.sync.test_faults import assert_one_line_each

FOREVER = 99
CALENDAR = "rps"
CREATED, UPDATED, DELETED = "2022-12-14-rps.ics", "2022-10-19-rps.ics", "2022-12-07-rps.ics"


@dataclass(frozen=True)
class Step:
    id: str
    label: str
    method: str
    target: str
    """'' for the calendar itself, '/' for the server root, else an event's resource name."""
    contains: bytes = b""
    """What the request's body holds, where method and path do not tell (two kinds of REPORT)."""

    def path(self, sandbox: Sandbox) -> str:
        if self.target == "/":
            return "^/$"
        return "^" + re.escape(sandbox.path(CALENDAR) + self.target) + "$"


STEPS = [
    Step("discovery", "discovery (PROPFIND /)", "PROPFIND", "/"),
    Step("changes", "changes since the cache's token (sync-collection)", "REPORT", "",
         b"sync-collection"),
    Step("fetch", "fetch (calendar-multiget)", "REPORT", "", b"calendar-multiget"),
    Step("create", "create (PUT If-None-Match)", "PUT", CREATED),
    Step("update", "update (PUT If-Match)", "PUT", UPDATED),
    Step("delete", "delete (DELETE If-Match)", "DELETE", DELETED),
    Step("cache", "cache (PROPPATCH of the state)", "PROPPATCH", ""),
]


@dataclass(frozen=True)
class Fault:
    id: str
    label: str
    fault: str
    times: int = 1
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 1.0
    timeout: str = "5"
    comes_back: bool = False
    """`refuse`: the server listens again at the sync's first wait between attempts."""
    fails: str = ""
    """The message key when the run fails; '' when a retry recovers everywhere."""


SLOW = {"seconds": 1.0, "timeout": "0.4"}
FAULTS = [
    Fault("refused-briefly", "connection refused, back after the first wait", "refuse",
          comes_back=True),
    Fault("refused", "connection refused for the rest of the run", "refuse", fails="network"),
    Fault("reset-before-once", "reset before the request is sent, once", "reset_before"),
    Fault("reset-before-always", "reset before the request is sent, always", "reset_before",
          FOREVER, fails="network"),
    Fault("reset-after-once", "reset after the request is sent (answer lost), once",
          "reset_after"),
    Fault("reset-after-always", "reset after the request is sent, always", "reset_after",
          FOREVER, fails="network"),
    Fault("401", "401 from here on", "status", FOREVER, 401,
          {"WWW-Authenticate": 'Basic realm="kpss"'}, fails="auth"),
    Fault("403", "403", "status", FOREVER, 403, fails="forbidden"),
    Fault("404", "404", "status", FOREVER, 404, fails="notfound"),
    Fault("409", "409", "status", FOREVER, 409, fails="rejected"),
    Fault("412", "412", "status", FOREVER, 412, fails="precondition"),
    Fault("423", "423 (locked), always", "status", FOREVER, 423, fails="server"),
    Fault("429-retry-after", "429 with Retry-After: 7, once", "status", 1, 429,
          {"Retry-After": "7"}),
    Fault("429-always", "429 with Retry-After: 3600, always", "status", FOREVER, 429,
          {"Retry-After": "3600"}, fails="server"),
    Fault("500", "500", "status", FOREVER, 500, fails="server"),
    Fault("503-once", "503, once", "status", 1, 503),
    Fault("503-always", "503, always", "status", FOREVER, 503, fails="server"),
    Fault("slow-once", "answer later than the timeout, once", "delay", **SLOW),  # type: ignore[arg-type]
    Fault("slow-always", "answer later than the timeout, always", "delay", FOREVER,
          fails="timeout", **SLOW),  # type: ignore[arg-type]
    Fault("truncated-once", "body cut short, once", "truncate"),
    Fault("truncated-always", "body cut short, always", "truncate", FOREVER, fails="network"),
    Fault("not-xml", "a body that is not XML", "garbage", FOREVER, fails="badresponse"),
]

EXCEPTIONS: dict[tuple[str, str], tuple[int, str]] = {
    # Where a fault meets a step whose answer the sync does not need, or can work around:
    # (fault, step) → (exit code, message key).
    # A refused sync-collection report (an unknown or expired token, or a server without
    # RFC 6578) only means listing the calendar instead.
    ("403", "changes"): (0, ""),
    ("404", "changes"): (0, ""),
    ("409", "changes"): (0, ""),
    ("412", "changes"): (0, ""),
    ("404", "delete"): (0, ""),  # gone already: that is what the delete wanted
    # The cache refused (as sabre/dav refuses it, RFC 4918 §9.2.1): the sync does without it.
    ("403", "cache"): (0, ""),
    ("409", "cache"): (0, ""),
    # Radicale answers these without a body: there is nothing to cut or to misread.
    ("truncated-always", "create"): (0, ""),
    ("truncated-always", "update"): (0, ""),
    ("not-xml", "update"): (0, ""),
    # A write answered 2xx is done; its body is never read, so nothing there can be misread.
    ("not-xml", "create"): (0, ""),
    ("not-xml", "delete"): (0, ""),
}
NOT_RETRIED = {"401", "403", "404", "409", "412", "500", "not-xml"}
"""Answers a retry cannot change: the request is sent once (412 on a write: read, decide,
send once more)."""

CELL_IDS = [f"{f.id}@{s.id}" for f in FAULTS for s in STEPS]


def expected(fault: Fault, step: Step) -> tuple[int, str]:
    if (fault.id, step.id) in EXCEPTIONS:
        return EXCEPTIONS[fault.id, step.id]
    return (3, fault.fails) if fault.fails else (0, "")


@dataclass
class Census:
    """Our events and the foreign one in the calendar, seen directly (not through the proxy)."""

    uids: Counter[str]
    foreign_intact: bool

    @property
    def duplicates(self) -> int:
        return sum(n - 1 for n in self.uids.values())


def census(sandbox: Sandbox, foreign: list[tuple[str, Event]]) -> Census:
    events = sandbox.events(CALENDAR)
    ours = [e for e in events.values() if ical.MARKER in e.vevent]
    return Census(Counter(e.uid for e in ours),
                  all(events.get(e.name) == e for _s, e in foreign))


def lost(wanted: set[str], before: Census, after: Census) -> int:
    """Events the records want that were on the server before and are not any more."""
    return len({u for u in wanted if before.uids[u]} - set(after.uids))


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transport, "BACKOFF", (0.01, 0.02))


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
@pytest.mark.parametrize("step", STEPS, ids=[s.id for s in STEPS])
@pytest.mark.parametrize("fault", FAULTS, ids=[f.id for f in FAULTS])
def test_fault_at_step(sandbox: Sandbox, sleeps: Sleeps, fault: Fault, step: Step) -> None:
    foreign = base.prepared(sandbox)  # pushed, a foreign event added, three changes waiting
    wanted = sandbox.expected(CALENDAR)
    before = census(sandbox, foreign)
    proxy = sandbox.proxy
    assert isinstance(proxy, RefusingProxy)
    rule = proxy.add(fault.fault, method=step.method, path=step.path(sandbox), times=fault.times,
                     status=fault.status, headers=fault.headers, seconds=fault.seconds,
                     contains=step.contains)
    if fault.comes_back:
        sleeps.at_first_wait = proxy.up
    result = base.sync(sandbox, "--timeout", fault.timeout)
    proxy.up()
    proxy.rules.clear()
    faulted = census(sandbox, foreign)
    clean = base.sync(sandbox)
    after = census(sandbox, foreign)
    again = base.sync(sandbox)
    converged = (clean.code == 0 and set(after.uids) == wanted and after.duplicates == 0
                 and after.foreign_intact and again.code == 0 and again.writes == 0)
    key = message_key(result.err) if result.code else ""
    sent = attempts(result, step, sandbox)
    lost_events = lost(wanted, before, faulted) + len(wanted - set(after.uids))
    record(Row("faults", f"{fault.id}@{step.id}", f"exit {result.code} {key}".strip(),
               (result.code, key) == expected(fault, step) and converged,
               numbers={"faults": 1, "injected": rule.fired, "converged": int(converged),
                        "lost": lost_events,
                        "duplicates": faulted.duplicates + after.duplicates,
                        "foreign_touched": int(not (faulted.foreign_intact
                                                    and after.foreign_intact))},
               cells={"fault": fault.id, "label": fault.label, "step": step.id,
                      "step_label": step.label, "exit": str(result.code), "key": key,
                      "attempts": str(len(sent)), "waits": " ".join(
                          f"{w:g}" for w in sleeps.waits)}))
    assert rule.fired >= 1, "the fault never happened"
    _check_run(result, fault, step, len(_retries(sent, fault, step)), sleeps)
    assert faulted.duplicates == 0
    assert faulted.foreign_intact, "the failed run touched a foreign event"
    assert lost(wanted, before, faulted) == 0, "the failed run lost an event"
    assert clean.code == 0, clean.err
    assert_in_place(clean)
    sandbox.assert_converged(*foreign, calendars=(CALENDAR,))
    assert (again.code, again.writes) == (0, 0), again.out


def attempts(result: Result, step: Step, sandbox: Sandbox) -> list[Entry]:
    """The faulted request and its repeats: same method, path and depth as the first one (a
    PROPFIND of depth 0 after a listing is another question, not a retry)."""
    sent = [e for e in result.entries
            if e.method == step.method and re.search(step.path(sandbox), e.path)
            and step.contains in e.head]
    depth = sent[0].headers.get("Depth") if sent else None
    return [e for e in sent if e.headers.get("Depth") == depth]


def _retries(sent: list[Entry], fault: Fault, step: Step) -> list[Entry]:
    """The faulted request and its retries. A multiget answered 404 as a whole is not retried
    but asked again one member at a time (sabre/dav's answer when a member is gone; here every
    one is 404, so the calendar is reported not found): those are other requests."""
    if (fault.id, step.id) != ("404", "fetch"):
        return sent
    return [e for e in sent if e.head.count(b"href>") != 2]


def _check_run(result: Result, fault: Fault, step: Step, sent: int, sleeps: Sleeps) -> None:
    code, key = expected(fault, step)
    assert "Traceback" not in result.out + result.err
    assert_in_place(result)
    assert (result.code, message_key(result.err) if result.code else "") == (code, key), \
        result.err
    if code:
        assert_one_line_each(result.err)  # one clear sentence (for each refused event)
    # Retries: bounded, only for what a retry can change, with Retry-After honoured (≤ 10 s).
    assert len(sleeps.waits) <= len(result.entries) + 1  # every wait is followed by one try
    if fault.id in NOT_RETRIED:
        limit = 2 if fault.id == "412" and step.method in ("PUT", "DELETE") else 1
        assert sent <= limit, sent
    elif fault.times == FOREVER:
        assert sent <= transport.MAX_ATTEMPTS
    if fault.id == "429-retry-after":
        assert 7.0 in sleeps.waits
    if fault.id == "429-always":
        assert transport.MAX_RETRY_AFTER in sleeps.waits
        assert max(sleeps.waits) <= transport.MAX_RETRY_AFTER
