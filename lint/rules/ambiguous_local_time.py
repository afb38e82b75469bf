"""What it flags: a meeting `start` or `end` in the hour that happens twice in Prague when clocks
go back in autumn (e.g. 30. 10. 2022 02:30).

Why it matters: such a time names two different moments an hour apart; calendars pick one of
them, and people who read the minutes cannot tell which was meant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lint.messages import format_date_cs
from lint.model import PRAGUE, Repository
from lint.problem import Finding, Severity

CODE = "KP403"
NAME = "ambiguous-local-time"
SEVERITY = Severity.WARNING


def ambiguous(day: dt.date, time: dt.time) -> bool:
    """Whether the wall-clock time occurs twice: the two folds have different UTC offsets."""
    local = dt.datetime.combine(day, time, PRAGUE)
    return local.utcoffset() != local.replace(fold=1).utcoffset()


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        for field, time in (("start", meeting.start), ("end", meeting.end)):
            if time is not None and ambiguous(meeting.date, time) and _exists(meeting.date, time):
                yield Finding(CODE, meeting.file, (field,),
                              {"time": time.strftime("%H:%M"),
                               "date": format_date_cs(meeting.date)})


def _exists(day: dt.date, time: dt.time) -> bool:
    # In the spring gap the folds differ too; that case is KP402's, not an ambiguity.
    local = dt.datetime.combine(day, time, PRAGUE)
    return local.astimezone(dt.UTC).astimezone(PRAGUE).time() == time
