"""Find overlapping time intervals in one sorted pass, for the double-booking rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TypeVar

from lint.model import Meeting

T = TypeVar("T")


def interval(meeting: Meeting) -> tuple[dt.datetime, dt.datetime] | None:
    """Wall-clock start and end of a meeting that takes place and has both times, else None."""
    if not meeting.takes_place or meeting.start is None or meeting.end is None:
        return None
    if meeting.end <= meeting.start:
        return None  # KP401's problem; an inverted interval overlaps nothing sensible
    return (dt.datetime.combine(meeting.date, meeting.start),
            dt.datetime.combine(meeting.date, meeting.end))


def overlaps(items: Iterable[tuple[dt.datetime, dt.datetime, T]]) -> Iterator[tuple[T, T]]:
    """(later, earlier) for each item that starts before an earlier item has ended.

    Sorted by start, each item is compared with the one reaching furthest so far: O(n log n).
    """
    reach: tuple[dt.datetime, T] | None = None
    for start, end, item in sorted(items, key=lambda entry: (entry[0], entry[1])):
        if reach is not None and start < reach[0]:
            yield item, reach[1]
        if reach is None or end > reach[0]:
            reach = (end, item)
