"""What it flags: a meeting `start` or `end` that does not exist in Prague: the hour skipped when
clocks go forward in spring (e.g. 27. 3. 2022 02:30).

Why it matters: a calendar has to move such a time to some other hour on its own, and each
calendar app picks a different one; the record should say the time people will really meet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lint.messages import format_date_cs
from lint.model import PRAGUE, Repository
from lint.problem import Finding, Severity

CODE = "KP402"
NAME = "nonexistent-local-time"
SEVERITY = Severity.ERROR


def exists(day: dt.date, time: dt.time) -> bool:
    """Whether the wall-clock time occurs in Prague: a round trip through UTC keeps it."""
    local = dt.datetime.combine(day, time, PRAGUE)
    back = local.astimezone(dt.UTC).astimezone(PRAGUE)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        for field, time in (("start", meeting.start), ("end", meeting.end)):
            if time is not None and not exists(meeting.date, time):
                yield Finding(CODE, meeting.file, (field,),
                              {"time": time.strftime("%H:%M"),
                               "date": format_date_cs(meeting.date)})
