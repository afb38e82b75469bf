"""What it flags: a `task_checks` entry at a meeting that is not strictly later than the meeting
that made the task, or at a meeting that is not `held`.

Why it matters: a task can only be checked at a meeting held after it was given; a check at the
same or an earlier meeting, or at one that has not taken place, is a check in the wrong record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lint.model import Meeting, Repository, TaskCheck
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP603"
NAME = "check-not-after-decision"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ("decision", "meeting")


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        for entry in meeting.task_checks:
            decision = model.decisions.get(entry.task)
            origin = model.meetings.get(decision.meeting) if decision else None
            if origin is not None:
                yield from _judge(meeting, entry, origin)


def _judge(meeting: Meeting, entry: TaskCheck, origin: Meeting) -> Iterator[Finding]:
    args = {"task": entry.task, "origin": origin.id, "date": date_cs(origin.date),
            "status": meeting.status}
    if _when(meeting) <= _when(origin):
        yield Finding(CODE, meeting.file, ("task_checks", entry.index),
                      {**args, "reason": "not-after"})
    elif meeting.status != "held":
        yield Finding(CODE, meeting.file, ("task_checks", entry.index),
                      {**args, "reason": "not-held"})


def _when(meeting: Meeting) -> tuple[dt.date, dt.time]:
    return meeting.date, meeting.start or dt.time.min
