"""What it flags: a meeting on a Saturday or a Sunday.

Why it matters: the groups meet on working days; a weekend date is usually a typo in the day or
the month, and a wrong date in the calendar sends people to a closed building.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP405"
NAME = "meeting-on-weekend"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ()

_DAYS = {5: ("sobota", "Saturday"), 6: ("neděle", "Sunday")}


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        day = _DAYS.get(meeting.date.weekday())
        if day is not None:
            yield Finding(CODE, meeting.file, ("date",),
                          {"date": date_cs(meeting.date), "day": day[0],
                           "day_en": day[1]})
