"""Rule details case folders cannot show: clock edges, branches the schema hides, speed."""

from __future__ import annotations

import datetime as dt

import pytest

from lint import clock
from lint.model import Calendar, Meeting, Repository, Venue
from lint.overlap import overlaps
from lint.rules import end_before_start, person_double_booked, room_double_booked

TODAY = dt.date(2022, 9, 1)
SPRING, AUTUMN = dt.date(2022, 3, 27), dt.date(2022, 10, 30)


@pytest.mark.parametrize(("day", "hhmm", "exists", "ambiguous"), [
    (SPRING, "01:59", True, False),
    (SPRING, "02:00", False, False),
    (SPRING, "02:59", False, False),
    (SPRING, "03:00", True, False),
    (AUTUMN, "01:59", True, False),
    (AUTUMN, "02:00", True, True),
    (AUTUMN, "02:59", True, True),
    (AUTUMN, "03:00", True, False),
    (dt.date(2022, 3, 28), "02:30", True, False),
])
def test_prague_clock_changes(day: dt.date, hhmm: str, exists: bool, ambiguous: bool) -> None:
    time_ = dt.time.fromisoformat(hhmm)
    assert clock.exists(day, time_) is exists
    assert clock.ambiguous(day, time_) is ambiguous


def _meeting(mid: str, day: dt.date, start: str | None, end: str | None, **more: object) -> Meeting:
    return Meeting(id=mid, file=f"records/meetings/{day.year}/{mid}.yaml", data={},
                   groups=("rps",), date=day,
                   start=dt.time.fromisoformat(start) if start else None,
                   end=dt.time.fromisoformat(end) if end else None, **more)  # type: ignore[arg-type]


def test_end_without_start() -> None:
    # The schema requires `start` with `end`; the rule still says so if the schema ever changes.
    meeting = _meeting("2022-10-19-rps", dt.date(2022, 10, 19), None, "16:00")
    model = Repository(today=TODAY, meetings={meeting.id: meeting})
    findings = list(end_before_start.check(model))
    assert [(f.pointer, f.args["reason"]) for f in findings] == [(("end",), "end-without-start")]


def test_overlaps_reports_each_later_item_once() -> None:
    at = dt.datetime(2022, 9, 1)
    hours = [(0, 4, "a"), (1, 2, "b"), (3, 5, "c"), (5, 6, "d"), (2, 3, "e")]
    items = [(at + dt.timedelta(hours=s), at + dt.timedelta(hours=e), name)
             for s, e, name in hours]
    assert sorted(overlaps(items)) == [("b", "a"), ("c", "a"), ("e", "a")]


def test_calendar_without_groups_shows_every_group() -> None:
    assert Calendar(id="vse", file="", data={"id": "vse"}).shows(("rps",))
    assert not Calendar(id="x", file="", data={"groups": ["a"]}, groups=("a",)).shows(("rps",))


def test_double_booking_rules_find_every_clash_among_ten_thousand_meetings() -> None:
    # How long this takes is measured by `nox -s bench` (lint of 10,000 meetings), not here.
    venue = Venue(id="radnice", file="", data={}, name="Radnice", rooms=("209",))
    meetings = {}
    day = dt.date(2000, 1, 3)
    for number in range(10_000):
        mid = f"{day.isoformat()}-m{number % 2}"
        meetings[mid] = _meeting(mid, day, "09:00" if number % 2 else "10:00",
                                 "11:00" if number % 2 else "12:00", venue="radnice", room="209",
                                 status="held", facilitators=("jana-novakova",))
        day += dt.timedelta(days=number % 2)
    model = Repository(today=TODAY, meetings=meetings, venues={"radnice": venue})
    rooms = list(room_double_booked.check(model))
    people = list(person_double_booked.check(model))
    assert len(rooms) == len(people) == 5_000
