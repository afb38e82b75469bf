"""What it flags: a meeting still `status: planned` whose date has passed.

Why it matters: the calendar keeps showing a past meeting as upcoming, and the record does not
say whether it happened; writing `held` (or `cancelled`, `postponed`) keeps the history true.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP411"
NAME = "planned-in-the-past"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        if meeting.status == "planned" and meeting.date < model.today:
            yield Finding(CODE, meeting.file, ("status",),
                          {"date": date_cs(meeting.date)})
