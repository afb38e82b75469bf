"""What it flags: a person listed twice in one meeting's attendance: present and excused,
present and a guest, or twice in one list. The second entry is reported.

Why it matters: the attendance is the record of who took part; a person cannot both attend and
apologise, and the count of those present (often checked for a quorum) would be wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Meeting, Repository
from lint.problem import Finding, Severity

CODE = "KP407"
NAME = "present-and-excused"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()

LISTS = ("present", "excused", "guests")


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        yield from _meeting(meeting)


def _meeting(meeting: Meeting) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for name in LISTS:
        for attendee in getattr(meeting, name):
            if attendee.person in first:
                yield Finding(CODE, meeting.file, ("attendance", name, attendee.index),
                              {"person": attendee.person,
                               "first": f"attendance.{first[attendee.person]}"})
            else:
                first[attendee.person] = name
