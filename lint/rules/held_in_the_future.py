"""What it flags: a meeting with `status: held` dated after today.

Why it matters: a meeting cannot have taken place yet; usually the date has a typo, or the status
was copied from the previous meeting's record.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP410"
NAME = "held-in-the-future"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        if meeting.status == "held" and meeting.date > model.today:
            yield Finding(CODE, meeting.file, ("status",),
                          {"date": date_cs(meeting.date),
                           "today": date_cs(model.today)})
