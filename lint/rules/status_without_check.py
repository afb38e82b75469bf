"""What it flags: a task whose `status` is not `open` (a decision whose status is not `adopted`)
with no `task_checks` entry at a meeting giving that status, and any status that differs from
the latest check (by meeting date).

Why it matters: a task's status changes only when a meeting checks it (kontrola úkolů); the
minutes are the evidence. A status edited without a check cannot be traced to any meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from lint.model import Decision, Meeting, Repository, TaskCheck
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP602"
NAME = "status-without-check"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ("meeting",)

INITIAL = {"task": "open", "decision": "adopted"}

Latest = Mapping[str, tuple[Meeting, TaskCheck]]


def latest_checks(model: Repository) -> Latest:
    """Task id → the meeting and entry of its latest check (by date, then file order)."""
    latest: dict[str, tuple[Meeting, TaskCheck]] = {}
    for meeting in model.meetings.values():
        for entry in meeting.task_checks:
            known = latest.get(entry.task)
            if known is None or _when(known[0]) <= _when(meeting):
                latest[entry.task] = (meeting, entry)
    return latest


def _when(meeting: Meeting) -> tuple[dt.date, dt.time]:
    return meeting.date, meeting.start or dt.time.min


def check(model: Repository) -> Iterator[Finding]:
    latest = latest_checks(model)
    for decision in model.decisions.values():
        finding = _judge(decision, latest.get(decision.id))
        if finding is not None:
            yield finding


def _judge(decision: Decision, check: tuple[Meeting, TaskCheck] | None) -> Finding | None:
    initial = INITIAL.get(decision.kind, "open")
    if check is None:
        if decision.status == initial:
            return None
        return Finding(CODE, decision.file, ("status",),
                       {"status": decision.status, "initial": initial, "reason": "no-check"})
    meeting, entry = check
    if decision.status == entry.status:
        return None
    return Finding(CODE, decision.file, ("status",),
                   {"status": decision.status, "checked": entry.status, "meeting": meeting.id,
                    "date": date_cs(meeting.date), "reason": "differs"})
