"""What it flags: two meetings at the same time in the same room: the same venue and `room`, or
the same physical venue when neither names a room. Online venues, meetings without both times,
and cancelled or postponed meetings are left out.

Why it matters: a double-booked room is found out at the door; the linter finds it when the
meeting is planned, while there is still time to book another room.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from lint.model import Meeting, Repository
from lint.overlap import interval, overlaps
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP409"
NAME = "room-double-booked"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ("meeting", "venue")

Entry = tuple[dt.datetime, dt.datetime, Meeting]


def check(model: Repository) -> Iterator[Finding]:
    for (venue_id, room), entries in _by_room(model).items():
        venue = model.venues[venue_id].name
        for meeting, other in overlaps(entries):
            pointer = ("room",) if meeting.room is not None else ("venue",)
            yield Finding(CODE, meeting.file, pointer,
                          {"place": f"{venue}, {room}" if room else venue, "other": other.id,
                           "date": date_cs(other.date)})


def _by_room(model: Repository) -> dict[tuple[str, str | None], list[Entry]]:
    """Meetings that occupy a physical room, by (venue id, room); buckets keep this fast."""
    rooms: dict[tuple[str, str | None], list[Entry]] = defaultdict(list)
    for meeting in model.meetings.values():
        venue = model.venues.get(meeting.venue or "")
        span = interval(meeting)
        if venue is None or venue.online or span is None:
            continue
        if venue.rooms and meeting.room is None:
            continue  # which of the venue's rooms is unknown: nothing to compare
        rooms[(venue.id, meeting.room)].append((*span, meeting))
    return rooms
