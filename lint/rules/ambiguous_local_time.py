"""What it flags: a meeting `start` or `end` in the hour that happens twice in Prague when clocks
go back in autumn (e.g. 30. 10. 2022 02:30).

Why it matters: such a time names two different moments an hour apart; calendars pick one of
them, and people who read the minutes cannot tell which was meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.clock import ambiguous
from lint.model import Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP403"
NAME = "ambiguous-local-time"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        for field, time in (("start", meeting.start), ("end", meeting.end)):
            if time is not None and ambiguous(meeting.date, time):
                yield Finding(CODE, meeting.file, (field,),
                              {"time": time.strftime("%H:%M"),
                               "date": date_cs(meeting.date)})

