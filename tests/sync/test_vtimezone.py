"""The one VTIMEZONE every file and event carries: its shape (RFC 5545 §3.6.5) and its instants,
checked against zoneinfo rather than against itself."""

from __future__ import annotations

import datetime as dt

import icalendar

from lint.model import PRAGUE
from sync import vtimezone

UTC = dt.UTC


def test_two_yearly_rules_at_the_local_time_before_each_change() -> None:
    zone = vtimezone.vtimezone()
    assert str(zone["TZID"]) == "Europe/Prague"
    assert "COMMENT" not in zone  # §3.6.5 lists no COMMENT in VTIMEZONE itself
    [daylight] = zone.walk("DAYLIGHT")
    [standard] = zone.walk("STANDARD")
    for part, start, offsets, month in (
            (daylight, dt.datetime(1970, 3, 29, 2, 0), ("+0100", "+0200"), 3),
            (standard, dt.datetime(1970, 10, 25, 3, 0), ("+0200", "+0100"), 10)):
        assert part["DTSTART"].dt == start  # local time in force before the change
        assert (str(part["TZOFFSETFROM"].to_ical()),
                str(part["TZOFFSETTO"].to_ical())) == offsets
        rule = part["RRULE"]
        assert (rule["FREQ"], rule["BYMONTH"], rule["BYDAY"]) == (["YEARLY"], [month], ["-1SU"])
        assert "RDATE" not in part


def moments(year: int) -> list[dt.datetime]:
    """Every hour of the four days around the last Sunday of March and of October (where the
    clocks change), and noon of the 1st and 15th of every month (where they must not)."""
    found = [dt.datetime(year, m, d, 11, tzinfo=UTC) for m in range(1, 13) for d in (1, 15)]
    for month in (3, 10):
        last = dt.datetime(year, month, 31, tzinfo=UTC)
        sunday = last - dt.timedelta(days=(last.weekday() + 1) % 7)
        found += [sunday + dt.timedelta(hours=h) for h in range(-48, 48)]
    return found


def test_every_change_2021_to_2040_at_the_instant_zoneinfo_gives() -> None:
    data = icalendar.Calendar()
    data.add_component(vtimezone.vtimezone())
    own = icalendar.Calendar.from_ical(data.to_ical()).walk("VTIMEZONE")[0].to_tz(
        lookup_tzid=False)
    checked = [m for year in range(2021, 2041) for m in moments(year)]
    wrong = [m for m in checked
             if m.astimezone(own).utcoffset() != m.astimezone(PRAGUE).utcoffset()]
    assert wrong == []
    # The spring change at 01:00 UTC (02:00 CET), the autumn one at 01:00 UTC (03:00 CEST).
    spring = dt.datetime(2024, 3, 31, 1, 0, tzinfo=UTC)
    autumn = dt.datetime(2024, 10, 27, 1, 0, tzinfo=UTC)
    for change in (spring, autumn):
        before = (change - dt.timedelta(minutes=1)).astimezone(own).utcoffset()
        assert before != change.astimezone(own).utcoffset()
