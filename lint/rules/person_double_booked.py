"""What it flags: a person present at (or facilitating) two meetings whose times overlap. Only
meetings that take place (planned or held) and have both `start` and `end` are compared.

Why it matters: nobody can be in two rooms at once; usually the person was put in the wrong
meeting's attendance, or one of the two times is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from lint.model import Meeting, Repository
from lint.overlap import interval, overlaps
from lint.problem import Finding, Pointer, Severity
from messages import date_cs

CODE = "KP408"
NAME = "person-double-booked"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ("meeting",)

Entry = tuple[dt.datetime, dt.datetime, tuple[Meeting, Pointer]]


def check(model: Repository) -> Iterator[Finding]:
    for person, entries in _by_person(model).items():
        for (meeting, pointer), (other, _) in overlaps(entries):
            yield Finding(CODE, meeting.file, pointer,
                          {"person": person, "other": other.id,
                           "date": date_cs(other.date)})


def _by_person(model: Repository) -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = defaultdict(list)
    for meeting in model.meetings.values():
        span = interval(meeting)
        if span is None:
            continue
        for person, pointer in _people(meeting).items():
            found[person].append((*span, (meeting, pointer)))
    return found


def _people(meeting: Meeting) -> dict[str, Pointer]:
    """Each person who takes part, with where the meeting names them first."""
    people: dict[str, Pointer] = {}
    for attendee in meeting.present:
        people.setdefault(attendee.person, ("attendance", "present", attendee.index))
    for index, person in enumerate(meeting.facilitators):
        people.setdefault(person, ("facilitators", index))
    return people
