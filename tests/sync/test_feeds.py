"""The subscribed feeds are bounded (the past year and everything ahead); the archive holds all.
Every subscriber downloads the whole file at every refresh, so its size must not grow with the
years; a postponement reaching into the window stays one event with its first UID."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from lint.model import Repository
from sync import ics
from sync.cli import main
from tests.conftest import ROOT
from tests.sync.test_ical import MEETINGS, load, make_repo, url, write_overlay


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    base = tmp_path_factory.mktemp("feeds")
    return load(make_repo(base / "repo", write_overlay(base / "overlay", MEETINGS)))


def uids(data: bytes) -> dict[str, str]:
    """UID → DTSTART date of every event."""
    parsed = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): str(e.decoded("DTSTART"))[:10] for e in parsed.walk("VEVENT")}


def test_the_feed_keeps_the_past_year_and_everything_ahead(synthetic: Repository) -> None:
    today = dt.date(2023, 10, 1)
    files = ics.feeds(synthetic, "vse", today, stamps={}, record_url=url)
    feed, archive = uids(files["vse.ics"]), uids(files["vse-archiv.ics"])
    since = (today - ics.FEED_PAST).isoformat()
    assert set(feed) < set(archive)
    assert all(start >= since for start in feed.values())
    assert {u for u, start in archive.items() if start >= since} <= set(feed)
    assert any(start < since for start in archive.values())  # September 2022: archive only


def test_a_postponement_into_the_window_keeps_its_first_uid(synthetic: Repository) -> None:
    # 19. 9. → 26. 9. → 5. 10. 2022 is one event; a year later only its last date is recent.
    files = ics.feeds(synthetic, "rps", dt.date(2023, 10, 1), stamps={}, record_url=url)
    feed = uids(files["rps.ics"])
    [uid] = [u for u in feed if u.startswith("2022-09-19-rps")]
    assert feed[uid] == "2022-10-05"
    assert not any(u.startswith(("2022-09-26-rps", "2022-10-05-rps")) for u in feed)


def test_the_command_writes_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ics", "--out", str(tmp_path), "--root", str(ROOT), "--today", "2023-06-01",
                 "--calendar", "vse"])
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vse-archiv.ics", "vse.ics"]
    feed, archive = (uids((tmp_path / n).read_bytes()) for n in ("vse.ics", "vse-archiv.ics"))
    assert len(feed) < len(archive)
    assert "vse-archiv.ics" in capsys.readouterr().out


def test_the_feeds_events_are_the_archives_to_the_byte(synthetic: Repository) -> None:
    files = ics.feeds(synthetic, "vse", dt.date(2023, 10, 1), stamps={}, record_url=url)
    feed, archive = (icalendar.Calendar.from_ical(files[n]) for n in ("vse.ics", "vse-archiv.ics"))
    whole = {str(e["UID"]): e.to_ical() for e in archive.walk("VEVENT")}
    events = feed.walk("VEVENT")
    assert events
    assert all(e.to_ical() == whole[str(e["UID"])] for e in events)
    assert feed.walk("VTIMEZONE")[0].to_ical() == archive.walk("VTIMEZONE")[0].to_ical()
