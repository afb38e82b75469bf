"""Dated items (kind `dated`) in the calendars they name: all-day and multi-day events (DTEND
the day after the last day, RFC 5545 §3.6.1), timed ones where times are given, tentative ones
marked, only in calendars that take dated items, and the bounded feed without the old ones."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from lint import engine
from lint.model import PRAGUE, Repository
from sync import ical, ics
from tests.conftest import make_repo
from tests.dated import write_records

TODAY = dt.date(2022, 9, 1)
CALENDARS = {
    "terminy": """
        name: KPSS Liberec – Termíny a výzvy
        description: Termíny a výzvy ze zápisů z jednání.
        kinds: [dated]
        """,
    "rps": """
        name: KPSS Liberec – ŘPS
        description: Jednání ŘPS a termíny, které se jí týkají.
        groups: [rps]
        kinds: [meeting, dated]
        """,
}
DATES = {
    "2022-10-17-mpsv-dotace-2023": """
        type: call
        title: Podávání žádostí o dotace MPSV na rok 2023
        start: "2022-10-17"
        end: "2022-11-16"
        organisation: sml
        reported_at: 2022-08-31-rps
        agenda_item: 1
        calendars: [terminy, rps]
        description: Liberecký kraj žádá pro rok 2023 částku 1.301.352.131 Kč.
        """,
    "2022-08-30-dofinancovani": """
        type: decision
        title: Zastupitelstvo kraje schválilo dofinancování služeb
        start: "2022-08-30"
        reported_at: 2022-08-31-rps
        calendars: [terminy]
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
    "2022-10-03-uzaverka": """
        type: deadline
        title: Uzávěrka připomínek
        start: "2022-10-03"
        start_time: "09:00"
        end_time: "12:00"
        reported_at: 2022-08-31-rps
        calendars: [terminy]
        """,
    "2020-01-06-stary": """
        type: other
        title: Starý termín
        start: "2020-01-06"
        reported_at: 2022-08-31-rps
        calendars: [terminy]
        """,
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    overlay = tmp_path_factory.mktemp("overlay")
    write_records(overlay / "records" / "calendars", CALENDARS, "calendar")
    write_records(overlay / "records" / "dates", DATES, "dated")
    root = make_repo(tmp_path_factory.mktemp("repo") / "repo", overlay)
    result = engine.run(root, today=TODAY, jobs=1)
    assert [p for p in result.problems if p.severity.label == "error"] == []
    return result.repository


def events(repo: Repository, calendar: str) -> dict[str, icalendar.Event]:
    data = ical.calendar_ics(repo, repo.calendars[calendar], stamps={},
                             record_url=lambda file: "https://example.org/" + file)
    parsed = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in parsed.walk("VEVENT")}


def test_a_window_is_all_day_to_the_day_after_its_last_day(repo: Repository) -> None:
    event = events(repo, "terminy")["2022-10-17-mpsv-dotace-2023@kpss"]
    assert event.decoded("DTSTART") == dt.date(2022, 10, 17)
    assert event.decoded("DTEND") == dt.date(2022, 11, 17)
    assert b"DTSTART;VALUE=DATE:20221017" in event.to_ical()
    assert str(event["SUMMARY"]) == "Podávání žádostí o dotace MPSV na rok 2023"
    description = str(event["DESCRIPTION"])
    assert "Výzva" in description
    assert "1.301.352.131 Kč" in description
    assert "Uvedeno v zápisu z jednání 31. 8. 2022" in description
    assert "Záznam: https://example.org/records/dates/2022-10-17-mpsv-dotace-2023.yaml" \
        in description


def test_one_day_item_ends_the_next_day(repo: Repository) -> None:
    event = events(repo, "terminy")["2022-08-30-dofinancovani@kpss"]
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (dt.date(2022, 8, 30),
                                                                  dt.date(2022, 8, 31))


def test_times_make_a_timed_event(repo: Repository) -> None:
    event = events(repo, "terminy")["2022-10-03-uzaverka@kpss"]
    assert event.decoded("DTSTART") == dt.datetime(2022, 10, 3, 9, 0, tzinfo=PRAGUE)
    assert event.decoded("DTEND") == dt.datetime(2022, 10, 3, 12, 0, tzinfo=PRAGUE)
    assert event["DTSTART"].params["TZID"] == "Europe/Prague"


def test_a_tentative_month_is_marked(repo: Repository) -> None:
    event = events(repo, "terminy")["2022-09-01-vysledek@kpss"]
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["SUMMARY"]).startswith("PŘEDPOKLAD: ")
    assert "Známý je jen měsíc" in str(event["DESCRIPTION"])
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (dt.date(2022, 9, 1),
                                                                  dt.date(2022, 10, 1))


def test_each_item_is_in_exactly_the_calendars_it_names_that_take_dated(
        repo: Repository) -> None:
    assert set(events(repo, "terminy")) == {f"{rid}@kpss" for rid in DATES}
    rps = set(events(repo, "rps"))
    assert "2022-10-17-mpsv-dotace-2023@kpss" in rps
    assert not {f"{rid}@kpss" for rid in DATES if rid != "2022-10-17-mpsv-dotace-2023"} & rps
    assert {u for u in rps if u.split("@")[0] in repo.meetings} == {
        f"{m}@kpss" for m in repo.meetings if "rps" in repo.meetings[m].groups}
    assert not any(u.split("@")[0] in DATES for u in events(repo, "vse"))  # meetings only


def test_the_subscribed_feed_leaves_out_items_over_a_year_ago(repo: Repository) -> None:
    bounded = ics.bounded(repo, TODAY)
    assert "2020-01-06-stary" not in bounded.dates
    assert "2022-08-30-dofinancovani" in bounded.dates
