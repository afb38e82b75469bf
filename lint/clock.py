"""Europe/Prague wall-clock questions the time rules ask, answered cheaply for 10,000 meetings."""

from __future__ import annotations

import datetime as dt
from functools import cache

from lint.model import PRAGUE

_DAY = dt.timedelta(days=1)


@cache
def clocks_change(day: dt.date) -> bool:
    """Whether Prague's UTC offset changes during `day` (the nights of the DST changes)."""
    midnight = dt.datetime.combine(day, dt.time(), PRAGUE)
    return midnight.utcoffset() != dt.datetime.combine(day + _DAY, dt.time(), PRAGUE).utcoffset()


def exists(day: dt.date, time: dt.time) -> bool:
    """Whether the wall-clock time occurs in Prague: a round trip through UTC keeps it."""
    if not clocks_change(day):
        return True
    local = dt.datetime.combine(day, time, PRAGUE)
    back = local.astimezone(dt.UTC).astimezone(PRAGUE)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def ambiguous(day: dt.date, time: dt.time) -> bool:
    """Whether the wall-clock time occurs twice (the repeated hour when clocks go back)."""
    if not clocks_change(day):
        return False
    local = dt.datetime.combine(day, time, PRAGUE)
    return local.utcoffset() != local.replace(fold=1).utcoffset() and exists(day, time)
