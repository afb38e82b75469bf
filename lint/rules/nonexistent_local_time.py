"""What it flags: a meeting `start` or `end` that does not exist in Prague: the hour skipped when
clocks go forward in spring (e.g. 27. 3. 2022 02:30).

Why it matters: a calendar has to move such a time to some other hour on its own, and each
calendar app picks a different one; the record should say the time people will really meet.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.clock import exists
from lint.model import Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP402"
NAME = "nonexistent-local-time"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        for field, time in (("start", meeting.start), ("end", meeting.end)):
            if time is not None and not exists(meeting.date, time):
                yield Finding(CODE, meeting.file, (field,),
                              {"time": time.strftime("%H:%M"),
                               "date": date_cs(meeting.date)})
