"""When each synthetic meeting takes place, what became of it, and the tasks it gave.

Working days only (no weekends, no Czech public holidays), four slots a day with four different
working groups, each in its own room with its own people, so nothing is double booked. Every
fortieth day belongs to a joint meeting of all groups. Meetings before `TODAY` are held (a few
cancelled or postponed to the group's next meeting), later ones planned.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from bench import czech
from bench.cast import Cast, Person
from lint.rules.meeting_on_public_holiday import public_holidays

TODAY = dt.date(2025, 6, 30)
"""The corpus's today: the benchmark passes it to lint and sync as --today."""
SLOTS = (("08:30", "10:00"), ("10:30", "12:00"), ("13:00", "14:30"), ("14:45", "16:15"))
JOINT_SLOT = ("13:00", "16:00")
JOINT_EVERY = 40
PLANNED_SHARE = 50
"""One meeting in this many lies after TODAY (planned)."""
_WORKING = [g[0] for g in czech.GROUPS]
_DAY = dt.timedelta(days=1)
Slot = tuple[dt.date, str, str, str]


@dataclass
class Meeting:
    id: str
    group: str
    date: dt.date
    start: str
    end: str
    status: str = "held"
    online: bool = False
    postponed_to: str | None = None
    postponed_from: str | None = None
    next_meeting: str | None = None
    present: list[Person] = field(default_factory=list)
    excused: list[Person] = field(default_factory=list)
    guests: list[Person] = field(default_factory=list)
    checks: list[tuple[str, str]] = field(default_factory=list)
    """(task id, status): the meeting's kontrola úkolů."""
    draft: bool = False


@dataclass(frozen=True)
class Decision:
    id: str
    kind: str
    meeting: Meeting
    text: str
    status: str
    assignee: Person | None = None
    due: dt.date | None = None


def _working_days(start: dt.date, step: int) -> Iterator[dt.date]:
    day = start
    while True:
        if day.weekday() < 5 and day not in public_holidays(day.year):
            yield day
        day += step * _DAY


def _day_slots(rng: random.Random, index: int, day: dt.date) -> list[Slot]:
    if index % JOINT_EVERY == JOINT_EVERY // 2:
        return [(day, *JOINT_SLOT, czech.JOINT[0])]
    groups = rng.sample(_WORKING, len(SLOTS))
    return [(day, start, end, group) for (start, end), group in zip(SLOTS, groups, strict=True)]


def _slots(rng: random.Random, count: int, first: dt.date, step: int) -> list[Slot]:
    found: list[Slot] = []
    for index, day in enumerate(_working_days(first, step)):
        if len(found) >= count:
            break
        found.extend(_day_slots(rng, index, day))
    return found[:count]


def slots(rng: random.Random, count: int) -> list[Slot]:
    """(date, start, end, group) of `count` meetings, in time order."""
    planned = max(1, count // PLANNED_SHARE) if count > 1 else 0
    later = _slots(rng, planned, TODAY + _DAY, 1)
    earlier = _slots(rng, count - planned, TODAY - _DAY, -1)
    return sorted(earlier + later, key=lambda s: (s[0], s[1]))


def plan(rng: random.Random, count: int, cast: Cast) -> tuple[list[Meeting], list[Decision]]:
    """`count` meetings in time order with their fates and attendance, and their decisions."""
    meetings = [Meeting(f"{day.isoformat()}-{group}", group, day, start, end)
                for day, start, end, group in slots(rng, count)]
    by_group: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_group[meeting.group].append(meeting)
    for group_meetings in by_group.values():
        _fates(rng, group_meetings)
    for meeting in meetings:
        _attendance(rng, meeting, cast)
    decisions = [d for group_meetings in by_group.values() for d in _decisions(rng, group_meetings)]
    return meetings, decisions


def _fates(rng: random.Random, meetings: list[Meeting]) -> None:
    """Status, links to the group's next meeting, and which minutes are still a draft."""
    for index, meeting in enumerate(meetings):
        after = meetings[index + 1] if index + 1 < len(meetings) else None
        meeting.online = rng.random() < 0.1
        roll = rng.random()
        if meeting.date > TODAY:
            meeting.status = "cancelled" if roll < 0.03 else "planned"
        elif roll < 0.03 and after is not None and meeting.postponed_from is None:
            meeting.status, meeting.postponed_to = "postponed", after.id
            after.postponed_from = meeting.id
        elif roll < 0.07:
            meeting.status = "cancelled"
        elif after is not None and roll < 0.55:
            meeting.next_meeting = after.id
    held = [m for m in meetings if m.status == "held"]
    if held:
        held[-1].draft = True


def _attendance(rng: random.Random, meeting: Meeting, cast: Cast) -> None:
    if meeting.status != "held" or meeting.group not in cast.members:
        return
    members = cast.members[meeting.group]
    chosen = set(rng.sample(range(len(members)), rng.randint(5, len(members))))
    meeting.present = [p for i, p in enumerate(members) if i in chosen]
    rest = [p for i, p in enumerate(members) if i not in chosen]
    meeting.excused = rng.sample(rest, min(len(rest), rng.randint(0, 3)))
    meeting.guests = rng.sample(cast.guests, rng.choice((0, 0, 0, 1, 2)))


def _decisions(rng: random.Random, meetings: list[Meeting]) -> Iterator[Decision]:
    held = [m for m in meetings if m.status == "held"]
    for index, meeting in enumerate(held):
        if meeting.present and rng.random() < 0.15:
            yield _task(rng, meeting, held[index + 1] if index + 1 < len(held) else None)
        if rng.random() < 0.05:
            slug, text = rng.choice(czech.DECISIONS)
            yield Decision(f"{meeting.id}-usneseni-{slug}", "decision", meeting, text, "adopted")


def _task(rng: random.Random, meeting: Meeting, checked_at: Meeting | None) -> Decision:
    """A task for someone present; the group's next held meeting checks it."""
    slug, what = rng.choice(czech.TASKS)
    person = rng.choice(meeting.present)
    task_id = f"{meeting.id}-{slug}"
    text = f"{person.speaker.title} {person.surname} {what}."
    if checked_at is None:  # nobody has checked it yet: still open, due after TODAY
        return Decision(task_id, "task", meeting, text, "open", person,
                        max(meeting.date, TODAY) + 30 * _DAY)
    status = "done" if rng.random() < 0.9 else "cancelled"
    checked_at.checks.append((task_id, status))
    return Decision(task_id, "task", meeting, text, status, person, meeting.date + 28 * _DAY)
