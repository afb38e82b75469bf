"""Dated items (kind `dated`) in the OFN Události files: each with its right first and last day
or its Prague times, in the file of everything and in the files of the calendars that take
dated items and that it names; read back with pyld and the shipped context only."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.dated import add_terminy, write_records
from tests.web.conftest import BASE_URL, ROOT, build_site, built_repository, edited_records
from tests.web.test_opendata import TITLE, expand, times
from web import ofn

PRAGUE = ZoneInfo("Europe/Prague")
DATES = {
    "2022-10-17-mpsv-dotace-2023": """
        type: call
        title: Podávání žádostí o dotace MPSV na rok 2023
        start: "2022-10-17"
        end: "2022-11-16"
        reported_at: 2022-08-31-rps
        calendars: [terminy]
        description: Liberecký kraj žádá pro rok 2023 částku 1.301.352.131 Kč.
        """,
    "2022-09-01-vysledek": """
        type: decision
        title: Výsledek dofinancování od MPSV
        start: "2022-09-01"
        end: "2022-09-30"
        precision: month
        tentative: true
        reported_at: 2022-08-31-rps
        calendars: [terminy]
        """,
    "2022-10-31-uzaverka": """
        type: deadline
        title: Uzávěrka připomínek
        start: "2022-10-31"
        start_time: "09:00"
        end_time: "12:00"
        reported_at: 2022-08-31-rps
        calendars: [terminy]
        """,
    "2022-09-20-beseda": """
        type: campaign
        title: Beseda
        start: "2022-09-20"
        start_time: "17:00"
        reported_at: 2022-08-31-rps
        calendars: [terminy]
        """,
}


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory):
    root = edited_records(tmp_path_factory.mktemp("dated-records"))
    shutil.rmtree(root / "records" / "dates")  # only this test's items, whose times it knows
    add_terminy(root)
    write_records(root / "records" / "dates", DATES, "dated")
    out = tmp_path_factory.mktemp("dated-site")
    build_site(root, out)
    return built_repository(root), out


def expected(item) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """From the model with zoneinfo: the first and last day, or the Prague times (an hour
    when no end time is given, as in the calendars)."""
    if item.start_time is None:
        return item.first_day, item.end or item.first_day
    start = dt.datetime.combine(item.first_day, item.start_time, tzinfo=PRAGUE)
    if item.end_time is None:
        return start, (start.astimezone(dt.UTC) + dt.timedelta(hours=1)).astimezone(PRAGUE)
    return start, dt.datetime.combine(item.end or item.first_day, item.end_time, tzinfo=PRAGUE)


def spans(path: Path) -> dict[str, dict]:
    prefix = BASE_URL + "terminy.html#"
    return {e["@id"].removeprefix(prefix): e for e in expand(path)
            if e.get("@id", "").startswith(prefix)}


def test_every_dated_item_has_its_days_or_times(dated) -> None:
    repo, site = dated
    assert set(repo.dates) == set(DATES)
    events = spans(site / ofn.ALL)
    assert set(events) == set(repo.dates)
    for did, item in repo.dates.items():
        got = times(events[did])
        assert got == expected(item), did
        for value, want in zip(got, expected(item), strict=True):
            if isinstance(want, dt.datetime):
                assert value.utcoffset() == want.utcoffset(), did
    assert times(events["2022-10-31-uzaverka"])[0].isoformat() == "2022-10-31T09:00:00+01:00"


def test_a_tentative_item_is_marked(dated) -> None:
    _repo, site = dated
    event = spans(site / ofn.ALL)["2022-09-01-vysledek"]
    assert event[TITLE][0]["@value"].startswith("PŘEDPOKLAD: ")


def test_dated_items_are_only_in_calendars_that_take_them_and_they_name(dated) -> None:
    repo, site = dated
    for calendar in repo.calendars.values():
        events = spans(site / ofn.calendar_path(calendar.id))
        wanted = {i.id for i in repo.dates.values()
                  if calendar.takes("dated") and calendar.id in i.calendars}
        assert set(events) == wanted, calendar.id
    assert set(spans(site / ofn.calendar_path("terminy"))) == set(DATES)
    meetings = [e for e in expand(site / ofn.calendar_path("terminy"))
                if "/jednani/" in e.get("@id", "")]
    assert meetings == []  # the calendar takes dated items only


def test_every_dated_item_of_the_records_is_published_at_its_days(real_site) -> None:
    site, _built = real_site
    repo = built_repository(ROOT)
    assert repo.dates
    events = spans(site / ofn.ALL)
    assert set(events) == set(repo.dates)
    for did, item in repo.dates.items():
        assert times(events[did]) == expected(item), did
