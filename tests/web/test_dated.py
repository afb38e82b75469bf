"""Dated items on the site: the upcoming ones on the home page, the ones a meeting's minutes
reported on that meeting's page, all of them on terminy.html, and in the calendar feeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import icalendar
import pytest

from tests.dated import add_terminy, write_records
from tests.web.conftest import ROOT, build_site

DATES = {
    "2022-10-17-mpsv-dotace-2023": """type: call
title: Podávání žádostí o dotace MPSV na rok 2023
start: "2022-10-17"
end: "2022-11-16"
organisation: mpsv
reported_at: 2022-08-31-rps
agenda_item: 4
calendars:
  - terminy
description: Liberecký kraj žádá pro rok 2023 částku 1.301.352.131 Kč.
link: https://www.mpsv.cz/
""",
    "2022-08-30-dofinancovani": """type: decision
title: Zastupitelstvo kraje schválilo dofinancování sociálních služeb
start: "2022-08-30"
organisation: liberecky-kraj
reported_at: 2022-08-31-rps
calendars:
  - terminy
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dated-records")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    shutil.copytree(ROOT / "records", root / "records")
    shutil.rmtree(root / "records" / "dates", ignore_errors=True)  # only this test's own items
    add_terminy(root)
    write_records(root / "records" / "dates", DATES, "dated")
    out = tmp_path_factory.mktemp("dated-site")
    build_site(root, out)
    return out


def test_home_page_shows_the_upcoming_ones_only(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Nejbližší termíny" in home
    assert "Podávání žádostí o dotace MPSV na rok 2023" in home
    assert '<time datetime="2022-10-17">17. 10. 2022</time> – ' \
           '<time datetime="2022-11-16">16. 11. 2022</time>' in home
    assert "schválilo dofinancování" not in home  # 30. 8. is before 1. 9. 2022


def test_the_reporting_meetings_page_lists_them(site: Path) -> None:
    page = (site / "jednani" / "2022-08-31-rps.html").read_text(encoding="utf-8")
    assert "Termíny z tohoto zápisu" in page
    assert "Podávání žádostí o dotace MPSV na rok 2023" in page
    assert "schválilo dofinancování" in page
    other = (site / "jednani" / "2022-10-19-rps.html").read_text(encoding="utf-8")
    assert "Termíny z tohoto zápisu" not in other


def test_the_list_page_has_every_one_with_its_source(site: Path) -> None:
    page = (site / "terminy.html").read_text(encoding="utf-8")
    assert page.index("Nadcházející a probíhající") < page.index("MPSV na rok 2023") \
        < page.index("Uplynulé") < page.index("schválilo dofinancování")
    assert 'id="2022-10-17-mpsv-dotace-2023"' in page
    assert '<a href="jednani/2022-08-31-rps.html">' in page
    assert '<a href="https://www.mpsv.cz/">' in page
    assert 'href="terminy.html"' in (site / "index.html").read_text(encoding="utf-8")  # nav


def test_the_calendar_feed_links_the_item_on_the_site(site: Path) -> None:
    feed = icalendar.Calendar.from_ical((site / "kalendare" / "terminy.ics").read_bytes())
    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    assert set(events) == {f"{rid}@kpss" for rid in DATES}
    event = events["2022-10-17-mpsv-dotace-2023@kpss"]
    assert str(event["URL"]) == "https://kpss.example.org/terminy.html#2022-10-17-mpsv-dotace-2023"
