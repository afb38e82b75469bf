"""iCalendar rendering: times, statuses, chains, calendars, determinism; .ics files; git stamps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import subprocess
import textwrap
import typing
from pathlib import Path

import icalendar
import pytest
from icalendar.enums import STATUS

from lint import engine
from lint.kinds import KINDS, records
from lint.model import PRAGUE, Repository, Span
from sync import cache, ical, ics, stamps, vtimezone
from tests.conftest import ROOT, make_repo

TODAY = dt.date(2022, 9, 1)
UTC = dt.UTC
URL = "https://example.org/kpss/blob/main/"

# Meetings added to the lint fixture (which has 2022-08-31-rps and 2022-10-19-rps, both
# 14:00-16:00 at the town hall, room 209). 2022-09-22-ps-seniori replaces the fixture's.
MEETINGS = {
    "2022-09-22-ps-seniori": """
        groups: [ps-seniori]
        title: Jednání PS Senioři
        date: 2022-09-22
        start: "14:00"
        end: "16:00"
        venue: radnice
        room: "209"
        status: planned
        agenda:
          - title: Komunitní plán
          - title: Různé
        """,
    "2022-09-19-rps": """
        groups: [rps]
        title: Jednání ŘPS
        date: 2022-09-19
        start: "14:00"
        end: "16:00"
        venue: radnice
        status: postponed
        postponed_to: 2022-09-26-rps
        """,
    "2022-09-26-rps": """
        groups: [rps]
        title: Jednání ŘPS
        date: 2022-09-26
        start: "14:00"
        venue: radnice
        status: postponed
        postponed_from: 2022-09-19-rps
        postponed_to: 2022-10-05-rps
        """,
    "2022-10-05-rps": """
        groups: [rps]
        title: Jednání ŘPS
        date: 2022-10-05
        start: "10:00"
        end: "12:00"
        venue: online
        status: planned
        postponed_from: 2022-09-26-rps
        """,
    "2022-10-10-rps-ps-seniori": """
        groups: [rps, ps-seniori]
        title: Společné jednání ŘPS a PS Senioři
        date: 2022-10-10
        start: "09:00"
        end: "11:00"
        status: planned
        """,
    "2022-11-01-rps": """
        groups: [rps]
        date: 2022-11-01
        start: "14:00"
        end: "16:00"
        venue: radnice
        room: "209"
        status: planned
        """,
    "2022-11-15-ps-seniori": """
        groups: [ps-seniori]
        title: Jednání PS Senioři
        date: 2022-11-15
        start: "09:00"
        venue: online
        status: cancelled
        cancellation_reason: Nemoc manažerky skupiny.
        """,
    "2022-12-01-ps-seniori": """
        groups: [ps-seniori]
        title: Jednání PS Senioři
        date: 2022-12-01
        status: postponed
        """,
    "2022-12-14-ps-seniori": """
        groups: [ps-seniori]
        title: Vánoční setkání
        date: 2022-12-14
        venue: radnice
        status: planned
        """,
}


def write_overlay(folder: Path, meetings: dict[str, str]) -> Path:
    for mid, body in meetings.items():
        path = folder / "records" / "meetings" / mid[:4] / f"{mid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"id: {mid}\n" + textwrap.dedent(body).lstrip(), encoding="utf-8")
    return folder


def load(root: Path) -> Repository:
    return engine.run(root, today=TODAY, jobs=1).repository


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    base = tmp_path_factory.mktemp("synthetic")
    repo = load(make_repo(base / "repo", write_overlay(base / "overlay", MEETINGS)))
    assert set(MEETINGS) <= set(repo.meetings), "an overlay meeting failed the schema"
    return repo


@pytest.fixture(scope="module")
def real() -> Repository:
    return load(ROOT)


def url(file: str) -> str:
    return URL + file


def whole(repo: Repository, calendar: str, **kwargs: object) -> bytes:
    return ical.calendar_ics(repo, repo.calendars[calendar], stamps={}, record_url=url, **kwargs)


def by_uid(repo: Repository, calendar: str = "vse") -> dict[str, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(whole(repo, calendar))
    return {str(e["UID"]): e for e in parsed.walk("VEVENT")}


def docs(repo: Repository, calendar: str = "vse") -> dict[str, ical.EventDoc]:
    found = ical.events(repo, repo.calendars[calendar], stamps={}, record_url=url)
    return {d.uid: d for d in found}


# --- RFC 5545 shape, checked on the parsed output -------------------------------------------

EVENT_FOLDERS = tuple(f"records/{k.folder}/" for k in KINDS if k.calendar)
"""Where the record an event is made from lives: a kind whose declaration makes events."""


@pytest.mark.parametrize("which", ["synthetic", "real"])
def test_every_object_parses_with_required_properties(which: str,
                                                      request: pytest.FixtureRequest) -> None:
    repo: Repository = request.getfixturevalue(which)
    for cid in repo.calendars:
        objects = [whole(repo, cid)] + [d.render(0) for d in docs(repo, cid).values()]
        for data in objects:
            assert data.endswith(b"\r\n")
            assert b"\n" not in data.replace(b"\r\n", b"")
            cal = icalendar.Calendar.from_ical(data)
            assert str(cal["VERSION"]) == "2.0"
            assert str(cal["PRODID"]) == ical.PRODID
            for event in cal.walk("VEVENT"):
                for name in ("UID", "DTSTAMP", "DTSTART"):  # §3.6.1: required in a VEVENT
                    assert name in event, (cid, name)
                assert event["DTSTAMP"].to_ical().endswith(b"Z")  # §3.8.7.2: in UTC
                assert str(event[ical.MARKER]).startswith(EVENT_FOLDERS)


@pytest.mark.parametrize("which", ["synthetic", "real"])
def test_no_organizer_or_attendee_anywhere(which: str, request: pytest.FixtureRequest) -> None:
    repo: Repository = request.getfixturevalue(which)
    for cid in repo.calendars:
        for data in [whole(repo, cid)] + [d.render(1) for d in docs(repo, cid).values()]:
            unfolded = data.replace(b"\r\n ", b"")
            assert b"\r\nORGANIZER" not in unfolded
            assert b"\r\nATTENDEE" not in unfolded
            for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
                assert "ORGANIZER" not in event
                assert "ATTENDEE" not in event
                assert str(event["CLASS"]) == "PUBLIC"
                assert str(event["TRANSP"]) == "OPAQUE"


def test_one_event_per_resource(synthetic: Repository) -> None:
    for doc in docs(synthetic).values():
        cal = icalendar.Calendar.from_ical(doc.render(0))
        assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [doc.uid]
        assert "NAME" not in cal
        assert "X-WR-CALNAME" not in cal


# --- times ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("uid", "utc"), [
    ("2022-09-22-ps-seniori@kpss", dt.datetime(2022, 9, 22, 12, 0, tzinfo=UTC)),
    ("2022-10-19-rps@kpss", dt.datetime(2022, 10, 19, 12, 0, tzinfo=UTC)),
    ("2022-11-01-rps@kpss", dt.datetime(2022, 11, 1, 13, 0, tzinfo=UTC)),  # after DST ended
])
def test_local_time_across_the_dst_change(synthetic: Repository, uid: str,
                                          utc: dt.datetime) -> None:
    for data in (whole(synthetic, "vse"), docs(synthetic)[uid].render(0)):
        assert f"DTSTART;TZID=Europe/Prague:{utc:%Y%m%d}T140000".encode() in data
        cal = icalendar.Calendar.from_ical(data)
        event = next(e for e in cal.walk("VEVENT") if e["UID"] == uid)
        assert event["DTSTART"].dt.astimezone(UTC) == utc
        # The VTIMEZONE we ship, read on its own, must give the same instant.
        [vtimezone] = cal.walk("VTIMEZONE")
        own = vtimezone.to_tz(lookup_tzid=False)
        assert event["DTSTART"].dt.replace(tzinfo=own).astimezone(UTC) == utc
        assert event["DTEND"].dt - event["DTSTART"].dt == dt.timedelta(hours=2)


@pytest.mark.parametrize("calendar", ["vse", "rps", "ps-seniori"])
def test_one_vtimezone_with_standard_and_daylight(synthetic: Repository, calendar: str) -> None:
    [vtimezone] = icalendar.Calendar.from_ical(whole(synthetic, calendar)).walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Prague"
    assert vtimezone.walk("STANDARD")
    assert vtimezone.walk("DAYLIGHT")


@pytest.mark.parametrize("which", ["synthetic", "real"])
def test_the_same_vtimezone_in_every_file_and_event(which: str,
                                                     request: pytest.FixtureRequest) -> None:
    # Was: a VTIMEZONE cut to the years of each file, so every file and event had its own, and
    # a process reading several (Radicale's vobject) kept the first (issue 16).
    repo: Repository = request.getfixturevalue(which)
    expected = vtimezone.vtimezone().to_ical()
    for cid in repo.calendars:
        for data in [whole(repo, cid)] + [d.render(0) for d in docs(repo, cid).values()]:
            zones = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
            timed = b";TZID=Europe/Prague:" in data
            assert [z.to_ical() for z in zones] == ([expected] if timed else []), cid


def test_every_text_value_is_escaped_x_properties_too(synthetic: Repository) -> None:
    # Was: NAME, X-WR-CALNAME and X-WR-CALDESC written raw; vobject cut the text at a comma.
    text = "Jednání ŘPS, PS; a\\b"
    calendar = dataclasses.replace(synthetic.calendars["vse"], name=text, description=text)
    data = ical.calendar_ics(synthetic, calendar, stamps={}, record_url=url).replace(b"\r\n ", b"")
    escaped = "Jednání ŘPS\\, PS\\; a\\\\b".encode()
    for name in (b"NAME", b"X-WR-CALNAME", b"DESCRIPTION", b"X-WR-CALDESC"):
        assert b"\r\n" + name + b":" + escaped + b"\r\n" in data, name
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["DESCRIPTION"]) == text


@pytest.mark.parametrize(("start", "end", "dtstart", "dtend"), [
    # 02:30 happens twice on 31. 10. 2021: the first (RFC 5545 §3.3.5), written in UTC, since
    # libical takes the second of a TZID'd local time.
    (dt.time(2, 30), dt.time(3, 30), b"DTSTART:20211031T003000Z",
     b"DTEND;TZID=Europe/Prague:20211031T033000"),
    # No end: 01:30 CEST + 120 minutes is 02:30 CET, the second 02:30: in UTC too.
    (dt.time(1, 30), None, b"DTSTART;TZID=Europe/Prague:20211031T013000",
     b"DTEND:20211031T013000Z"),
    # No end across the spring change: 01:30 CET + 120 minutes is 04:30 CEST, not 03:30.
    (dt.time(1, 30), None, b"DTSTART;TZID=Europe/Prague:20210328T013000",
     b"DTEND;TZID=Europe/Prague:20210328T043000"),
])
def test_times_the_clocks_show_twice_are_written_in_utc(
        synthetic: Repository, start: dt.time, end: dt.time | None, dtstart: bytes,
        dtend: bytes) -> None:
    day = dt.date.fromisoformat(dtstart.split(b":")[-1][:8].decode())
    meeting = dataclasses.replace(synthetic.meetings["2022-10-19-rps"], date=day, start=start,
                                  end=end)
    repo = dataclasses.replace(synthetic, meetings={**synthetic.meetings, meeting.id: meeting})
    data = docs(repo)["2022-10-19-rps@kpss"].render(0)
    assert dtstart + b"\r\n" in data
    assert dtend + b"\r\n" in data


def test_date_only_meeting_is_all_day_without_timezone(synthetic: Repository) -> None:
    doc = docs(synthetic)["2022-12-14-ps-seniori@kpss"]
    data = doc.render(0)
    assert b"DTSTART;VALUE=DATE:20221214\r\n" in data
    assert b"DTEND;VALUE=DATE:20221215\r\n" in data
    assert b"VTIMEZONE" not in data
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert event["DTSTART"].dt == dt.date(2022, 12, 14)


def test_start_without_end_gets_the_usual_length_and_says_so(synthetic: Repository) -> None:
    # Was: DTSTART alone. RFC 5545 allows it, but clients disagree on what it means and a
    # server refuses it (issue 16): now the group's usual length, 120 minutes by default.
    event = by_uid(synthetic)["2022-11-15-ps-seniori@kpss"]
    assert "DURATION" not in event
    assert event["DTSTART"].dt == dt.datetime(2022, 11, 15, 8, 0, tzinfo=UTC)
    assert event["DTEND"].dt == dt.datetime(2022, 11, 15, 10, 0, tzinfo=UTC)
    assert str(event["DESCRIPTION"]).split("\n\n")[1] == ical.END_NOT_GIVEN
    given = by_uid(synthetic)["2022-09-22-ps-seniori@kpss"]
    assert ical.END_NOT_GIVEN not in str(given["DESCRIPTION"])


def with_length(repo: Repository, **minutes: int) -> Repository:
    groups = {g: dataclasses.replace(repo.groups[g], meeting_length=n) for g, n in minutes.items()}
    return dataclasses.replace(repo, groups={**repo.groups, **groups})


@pytest.mark.parametrize(("lengths", "uid", "hours"), [
    ({"ps_seniori": 90}, "2022-11-15-ps-seniori@kpss", 1.5),
    ({"rps": 45, "ps_seniori": 180}, "2022-11-15-ps-seniori@kpss", 3),
    ({"rps": 180}, "2022-11-15-ps-seniori@kpss", 2),  # ps-seniori's own: the default
    # A joint meeting without an end: the longest usual length of its groups.
    ({"rps": 150, "ps_seniori": 60}, "joint@kpss", 2.5),
    ({"ps_seniori": 60}, "joint@kpss", 2),  # rps gives none: 120
])
def test_usual_length_comes_from_the_groups(synthetic: Repository, lengths: dict[str, int],
                                            uid: str, hours: float) -> None:
    repo = with_length(synthetic, **{g.replace("_", "-"): n for g, n in lengths.items()})
    if uid == "joint@kpss":
        joint = repo.meetings["2022-10-10-rps-ps-seniori"]
        repo = dataclasses.replace(repo, meetings={
            **repo.meetings, joint.id: dataclasses.replace(joint, end=None)})
        uid = "2022-10-10-rps-ps-seniori@kpss"
    event = by_uid(repo)[uid]
    assert event["DTEND"].dt - event["DTSTART"].dt == dt.timedelta(hours=hours)


# --- statuses and postponements -------------------------------------------------------------

def test_cancelled_meeting_stays_marked_with_reason(synthetic: Repository) -> None:
    event = by_uid(synthetic)["2022-11-15-ps-seniori@kpss"]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "ZRUŠENO: Jednání PS Senioři"
    assert "Důvod zrušení: Nemoc manažerky skupiny." in str(event["DESCRIPTION"])


def test_postponed_chain_is_one_event_with_the_root_uid(synthetic: Repository) -> None:
    events = by_uid(synthetic, "rps")
    assert "2022-09-26-rps@kpss" not in events
    assert "2022-10-05-rps@kpss" not in events
    event = events["2022-09-19-rps@kpss"]
    assert event["DTSTART"].dt.astimezone(UTC) == dt.datetime(2022, 10, 5, 8, 0, tzinfo=UTC)
    assert str(event["LOCATION"]) == "online"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert int(event["SEQUENCE"]) == 2
    assert "Přeloženo z 19. 9. 2022, 26. 9. 2022" in str(event["DESCRIPTION"])
    assert str(event[ical.MARKER]) == "records/meetings/2022/2022-10-05-rps.yaml"
    doc = docs(synthetic, "rps")["2022-09-19-rps@kpss"]
    assert (doc.record_id, doc.sequence) == ("2022-10-05-rps", 2)


def test_postponed_without_new_date_is_tentative(synthetic: Repository) -> None:
    event = by_uid(synthetic)["2022-12-01-ps-seniori@kpss"]
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["SUMMARY"]) == "ODLOŽENO: Jednání PS Senioři"


# --- text -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("uid", "summary"), [
    ("2022-10-19-rps@kpss", "Jednání ŘPS"),  # the title names the group already
    ("2022-11-01-rps@kpss", "Jednání ŘPS"),  # no title
    ("2022-12-14-ps-seniori@kpss", "PS Senioři: Vánoční setkání"),
    ("2022-10-10-rps-ps-seniori@kpss", "Společné jednání ŘPS a PS Senioři"),
])
def test_summary(synthetic: Repository, uid: str, summary: str) -> None:
    assert str(by_uid(synthetic)[uid]["SUMMARY"]) == summary


@pytest.mark.parametrize(("uid", "location"), [
    ("2022-10-19-rps@kpss", "Historická budova radnice, místnost 209, "
                            "nám. Dr. E. Beneše 1, 460 59 Liberec"),
    ("2022-12-14-ps-seniori@kpss", "Historická budova radnice, "
                                   "nám. Dr. E. Beneše 1, 460 59 Liberec"),
    ("2022-11-15-ps-seniori@kpss", "online"),
    ("2022-10-10-rps-ps-seniori@kpss", None),
])
def test_location(synthetic: Repository, uid: str, location: str | None) -> None:
    event = by_uid(synthetic)[uid]
    assert (str(event["LOCATION"]) if "LOCATION" in event else None) == location


def test_description_lists_agenda_and_links_the_record(synthetic: Repository) -> None:
    event = by_uid(synthetic)["2022-09-22-ps-seniori@kpss"]
    file = "records/meetings/2022/2022-09-22-ps-seniori.yaml"
    assert str(event["DESCRIPTION"]) == (
        f"Program:\n1. Komunitní plán\n2. Různé\n\nZáznam: {URL}{file}")
    assert str(event["URL"]) == URL + file


def test_without_record_url_there_is_no_link(synthetic: Repository) -> None:
    data = ical.calendar_ics(synthetic, synthetic.calendars["vse"], stamps={},
                             record_url=lambda _file: None)
    assert b"Z\xc3\xa1znam:" not in data
    assert b"\r\nURL:" not in data


# --- stamps, sequence, commit, schedule key -------------------------------------------------

def test_stamps_come_from_the_records_not_the_clock(synthetic: Repository) -> None:
    when = dt.datetime(2022, 9, 30, 10, 0, tzinfo=UTC)
    file = "records/meetings/2022/2022-10-05-rps.yaml"
    found = ical.events(synthetic, synthetic.calendars["rps"], stamps={file: when},
                        record_url=url)
    events = {d.uid: icalendar.Calendar.from_ical(d.render(0)).walk("VEVENT")[0] for d in found}
    chain = events["2022-09-19-rps@kpss"]  # the newest file of the chain
    assert chain["DTSTAMP"].dt == when
    assert chain["LAST-MODIFIED"].dt == when
    assert events["2022-10-19-rps@kpss"]["DTSTAMP"].dt == stamps.UNKNOWN


def test_render_takes_sequence_and_commit(synthetic: Repository) -> None:
    doc = docs(synthetic)["2022-10-19-rps@kpss"]
    event = icalendar.Calendar.from_ical(doc.render(7, "abc123")).walk("VEVENT")[0]
    assert int(event["SEQUENCE"]) == 7
    assert str(event[ical.COMMIT]) == "abc123"
    assert ical.COMMIT.encode() not in doc.render(7)


def test_content_hash_ignores_sequence_and_commit(synthetic: Repository) -> None:
    doc = docs(synthetic)["2022-10-19-rps@kpss"]
    for sequence, commit in ((0, None), (3, "abc123")):
        event = icalendar.Calendar.from_ical(doc.render(sequence, commit)).walk("VEVENT")[0]
        assert str(event[ical.HASH]) == doc.content_hash
    meeting = synthetic.meetings["2022-10-19-rps"]
    retitled = dataclasses.replace(meeting, title="Mimořádné jednání ŘPS")
    repo = dataclasses.replace(synthetic, meetings={**synthetic.meetings, meeting.id: retitled})
    assert docs(repo)["2022-10-19-rps@kpss"].content_hash != doc.content_hash


BODY = ical._Body(
    summary="Jednání ŘPS", start=dt.datetime(2022, 10, 19, 14, 0, tzinfo=PRAGUE),
    end=dt.datetime(2022, 10, 19, 16, 0, tzinfo=PRAGUE),
    location="Historická budova radnice, místnost 209", description="Program:\n1. Různé",
    status=STATUS.CONFIRMED, stamp=dt.datetime(2022, 9, 30, 10, 0, tzinfo=UTC),
    url=URL + "records/meetings/2022/2022-10-19-rps.yaml")


def event_doc(body: ical._Body = BODY, **changes: object) -> ical.EventDoc:
    """A fresh EventDoc (so a fresh content_hash) of the 19. 10. meeting, with `changes`."""
    doc = ical.EventDoc(uid="2022-10-19-rps@kpss", record_id="2022-10-19-rps",
                        file="records/meetings/2022/2022-10-19-rps.yaml",
                        schedule_key=ical._schedule_key(body), body=body)
    return dataclasses.replace(doc, **changes)


def vevent_lines(doc: ical.EventDoc) -> list[bytes]:
    """The VEVENT exactly as rendered, unfolded, without SEQUENCE and our hash."""
    data = doc.render(0).replace(b"\r\n ", b"")
    lines = data.split(b"\r\n")
    inner = lines[lines.index(b"BEGIN:VEVENT"):lines.index(b"END:VEVENT") + 1]
    return [line for line in inner
            if not line.startswith((b"SEQUENCE:", ical.HASH.encode() + b":"))]


# One change at a time of everything a VEVENT shows; each must change the rendered VEVENT.
VARIANTS: dict[str, dict[str, object]] = {
    "uid": {"uid": "2022-10-20-rps@kpss"},
    "file": {"file": "records/meetings/2022/2022-10-20-rps.yaml"},
    "summary": {"summary": "ZRUŠENO: Jednání ŘPS"},
    "start": {"start": dt.datetime(2022, 10, 19, 15, 0, tzinfo=PRAGUE)},
    "start same instant in UTC": {"start": dt.datetime(2022, 10, 19, 12, 0, tzinfo=UTC)},
    "floating times": {"start": dt.datetime(2022, 10, 19, 14, 0),
                       "end": dt.datetime(2022, 10, 19, 16, 0)},
    "all day": {"start": dt.date(2022, 10, 19), "end": dt.date(2022, 10, 20)},
    "end": {"end": dt.datetime(2022, 10, 19, 17, 0, tzinfo=PRAGUE)},
    "no end": {"end": None},
    "location": {"location": "Historická budova radnice, místnost 17"},
    "no location": {"location": None},
    "empty location": {"location": ""},
    "description": {"description": "Program:\n1. Komunitní plán"},
    "no description": {"description": ""},
    "status cancelled": {"status": STATUS.CANCELLED},
    "status tentative": {"status": STATUS.TENTATIVE},
    "stamp": {"stamp": dt.datetime(2022, 9, 30, 10, 0, 1, tzinfo=UTC)},
    "url": {"url": URL + "records/meetings/2022/2022-10-20-rps.yaml"},
    "no url": {"url": None},
}


def variant(name: str) -> ical.EventDoc:
    changes = VARIANTS[name]
    own = {k: v for k, v in changes.items() if k in ("uid", "file")}
    body = dataclasses.replace(BODY, **{k: v for k, v in changes.items() if k not in own})
    return event_doc(body, **own)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_content_hash_follows_every_field(name: str) -> None:
    changed = variant(name)
    assert vevent_lines(changed) != vevent_lines(event_doc())  # the change shows in the VEVENT
    assert changed.content_hash != event_doc().content_hash
    assert variant(name).content_hash == changed.content_hash  # and the hash is deterministic


def test_content_hash_same_exactly_when_the_vevent_is() -> None:
    docs = [event_doc()] + [variant(name) for name in sorted(VARIANTS)]
    by_hash = {d.content_hash: vevent_lines(d) for d in docs}
    assert len(by_hash) == len(docs)
    assert len({tuple(lines) for lines in by_hash.values()}) == len(docs)
    # What the VEVENT does not show (the id of the last meeting, the schedule key, the
    # postponements that only make SEQUENCE) leaves the hash alone.
    same = event_doc(record_id="2022-10-05-rps", schedule_key="other", sequence=3)
    assert vevent_lines(same) == vevent_lines(event_doc())
    assert same.content_hash == event_doc().content_hash
    equal_body = dataclasses.replace(BODY, start=dt.datetime(2022, 10, 19, 14, 0, tzinfo=PRAGUE))
    assert equal_body is not BODY
    assert event_doc(equal_body).content_hash == event_doc().content_hash


def test_content_hash_is_in_the_event_whatever_sequence_and_commit() -> None:
    doc = event_doc()
    committed = dt.datetime(2022, 10, 1, 8, 0, tzinfo=UTC)
    for sequence, commit, when in ((0, None, None), (5, "abc123def456", committed)):
        event = icalendar.Calendar.from_ical(doc.render(sequence, commit, when)).walk("VEVENT")[0]
        assert str(event[ical.HASH]) == doc.content_hash
    assert event_doc().content_hash == doc.content_hash


def test_content_hash_format_is_mixed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    before = event_doc().content_hash
    # The format, spelled out: if the hash changes without HASH_FORMAT changing, every event on
    # every server is rewritten by the next sync for nothing.
    canonical = (
        '{"class":"PUBLIC","description":"Program:\\n1. Různé",'
        '"end":["datetime","2022-10-19T16:00:00+02:00","Europe/Prague"],'
        '"file":"records/meetings/2022/2022-10-19-rps.yaml","format":2,'
        '"location":"Historická budova radnice, místnost 209",'
        '"stamp":["datetime","2022-09-30T10:00:00+00:00","UTC"],'
        '"start":["datetime","2022-10-19T14:00:00+02:00","Europe/Prague"],'
        '"status":"CONFIRMED","summary":"Jednání ŘPS","transp":"OPAQUE",'
        '"uid":"2022-10-19-rps@kpss",'
        f'"url":"{URL}records/meetings/2022/2022-10-19-rps.yaml"}}')
    assert ical.HASH_FORMAT == 2  # 2: one VTIMEZONE, an end for every event, X- text escaped
    assert before == hashlib.sha256(canonical.encode()).hexdigest()
    all_day = dataclasses.replace(BODY, start=dt.date(2022, 10, 19), end=None, location=None,
                                  description="", url=None)
    canonical = (
        '{"class":"PUBLIC","description":"","end":null,'
        '"file":"records/meetings/2022/2022-10-19-rps.yaml","format":2,"location":null,'
        '"stamp":["datetime","2022-09-30T10:00:00+00:00","UTC"],'
        '"start":["date","2022-10-19"],"status":"CONFIRMED","summary":"Jednání ŘPS",'
        '"transp":"OPAQUE","uid":"2022-10-19-rps@kpss","url":null}')
    assert event_doc(all_day).content_hash == hashlib.sha256(canonical.encode()).hexdigest()
    monkeypatch.setattr(ical, "HASH_FORMAT", ical.HASH_FORMAT + 1)
    assert event_doc().content_hash != before


SCHEDULES = [
    {}, {"end": None}, {"location": None}, {"location": ""}, {"location": "a, b; c\\d"},
    {"start": dt.date(2022, 10, 19), "end": dt.date(2022, 10, 20)},
    {"start": dt.datetime(2022, 3, 27, 3, 30, 15, tzinfo=PRAGUE), "end": None},
    {"start": dt.datetime(2022, 10, 19, 12, 0, tzinfo=UTC)},
    {"start": dt.datetime(2022, 10, 19, 14, 0), "end": dt.datetime(2022, 10, 19, 16, 0)},
]


def test_schedule_key_differs_exactly_when_time_or_place_does() -> None:
    bodies = [dataclasses.replace(BODY, **changes) for changes in SCHEDULES]
    keys = [ical._schedule_key(b) for b in bodies]
    assert len(set(keys)) == len(SCHEDULES)  # every variant is another time or place
    for body, key in zip(bodies, keys, strict=True):
        other = dataclasses.replace(body, summary="Jiný název", description="x", url=None,
                                    status=ical.STATUS.CANCELLED)
        assert ical._schedule_key(other) == key  # nothing else counts


def test_postponement_cycle_keeps_every_meeting_once(synthetic: Repository) -> None:
    last = synthetic.meetings["2022-10-05-rps"]
    looped = dataclasses.replace(last, status="postponed", postponed_to="2022-09-19-rps")
    repo = dataclasses.replace(synthetic, meetings={**synthetic.meetings, last.id: looped})
    chains = ical._chains(repo)
    ids = [m.id for chain in chains for m in chain]
    assert sorted(ids) == sorted(repo.meetings)
    cycle = next(c for c in chains if c[0].id == "2022-09-19-rps")
    assert [m.id for m in cycle] == ["2022-09-19-rps", "2022-09-26-rps", "2022-10-05-rps"]


def test_schedule_key_follows_time_and_place_only(synthetic: Repository) -> None:
    meeting = synthetic.meetings["2022-10-19-rps"]

    def key(**changes: object) -> str:
        changed = dataclasses.replace(meeting, **changes)
        repo = dataclasses.replace(synthetic, meetings={**synthetic.meetings, meeting.id: changed})
        return docs(repo)["2022-10-19-rps@kpss"].schedule_key

    assert key() == docs(synthetic)["2022-10-19-rps@kpss"].schedule_key
    assert key(title="Mimořádné jednání ŘPS", status="held") == key()
    assert key(start=dt.time(15, 0)) != key()
    assert key(end=dt.time(17, 0)) != key()
    assert key(room="17") != key()


def test_output_is_byte_identical_across_runs(synthetic: Repository, tmp_path: Path) -> None:
    again = load(make_repo(tmp_path / "repo", write_overlay(tmp_path / "overlay", MEETINGS)))
    for cid in synthetic.calendars:
        assert whole(synthetic, cid) == whole(again, cid)
        first, second = docs(synthetic, cid), docs(again, cid)
        assert list(first) == list(second) == sorted(first)
        assert all(first[u].render(1, "c") == second[u].render(1, "c") for u in first)


# --- calendars ------------------------------------------------------------------------------

def shown_meetings(repo: Repository, groups: set[str] | None) -> set[str]:
    """Independently: meetings of `groups` (None = all) that are not moved to another one."""
    return {m.id for m in repo.meetings.values()
            if (groups is None or groups & set(m.groups))
            and not (m.status == "postponed" and m.postponed_to in repo.meetings)}


def shown_dates(repo: Repository, calendar_id: str) -> set[str]:
    """Independently: the records of each dated kind the calendar takes that name it."""
    calendar = repo.calendars[calendar_id]
    return {r.id for k in KINDS if k.calendar == "dates" and calendar.takes(k.name)
            for r in records(repo, k.name).values()
            if calendar_id in typing.cast(Span, r).calendars}


@pytest.mark.parametrize("which", ["synthetic", "real"])
def test_each_calendar_holds_exactly_its_groups(which: str, request: pytest.FixtureRequest) -> None:
    repo: Repository = request.getfixturevalue(which)
    for calendar in repo.calendars.values():
        groups = None if calendar.all or not calendar.groups else set(calendar.groups)
        meetings = shown_meetings(repo, groups) if calendar.takes("meeting") else set()
        found = {d.record_id for d in docs(repo, calendar.id).values()}
        assert found == meetings | shown_dates(repo, calendar.id), calendar.id
    assert {d.record_id for d in docs(repo, "vse").values()} == shown_meetings(repo, None)


def test_joint_meeting_is_in_both_group_calendars(synthetic: Repository) -> None:
    uid = "2022-10-10-rps-ps-seniori@kpss"
    assert uid in by_uid(synthetic, "rps")
    assert uid in by_uid(synthetic, "ps-seniori")


def test_calendar_properties(synthetic: Repository) -> None:
    cal = icalendar.Calendar.from_ical(whole(synthetic, "vse"))
    name = synthetic.calendars["vse"].name
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == name
    assert str(cal["X-WR-CALDESC"]) == str(cal["DESCRIPTION"])
    assert str(cal["COLOR"]) == "royalblue"  # #1f6feb; RFC 7986 §5.9 wants a CSS3 name
    assert str(cal["X-APPLE-CALENDAR-COLOR"]) == "#1f6feb"
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert cal["REFRESH-INTERVAL"].dt == dt.timedelta(days=1)  # the fixture's `refresh: P1D`
    assert cal["X-PUBLISHED-TTL"].to_ical() == b"P1D"
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Prague"
    assert ical.calendar_properties(synthetic.calendars["ps-seniori"]) == {
        "name": "KPSS Liberec – PS Senioři", "description": "Jednání pracovní skupiny pro seniory.",
        "color": None, "refresh": "PT6H"}  # the default: within hours, not a day or a week
    assert b"COLOR" not in whole(synthetic, "ps-seniori")


@pytest.mark.parametrize(("hex_colour", "name"), [
    ("#ff0000", "red"), ("#FFFFFF", "white"), ("#8250df", "mediumslateblue"),
    ("#1a7f37", "forestgreen"), ("#fb8500", "darkorange"),
])
def test_nearest_css_colour(hex_colour: str, name: str) -> None:
    assert ical.nearest_css_colour(hex_colour) == name


@pytest.mark.parametrize(("refresh", "expected"), [
    ("P1D", b"P1D"), ("PT12H", b"PT12H"), ("P1W", b"P7D"), ("P1M", b"P30D"), ("PT", b"PT6H"),
])
def test_refresh_interval(synthetic: Repository, refresh: str, expected: bytes) -> None:
    calendar = dataclasses.replace(synthetic.calendars["vse"], refresh=refresh)
    data = ical.calendar_ics(synthetic, calendar, stamps={}, record_url=url)
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:" + expected + b"\r\n" in data


# --- .ics files -----------------------------------------------------------------------------

def test_write_ics_writes_one_file_per_calendar(synthetic: Repository, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ics.RECORD_URL, URL)
    written = ics.write_ics(synthetic, tmp_path / "out", root=tmp_path, today=TODAY)
    assert [p.name for p in written] == [f"{c}{s}.ics" for c in sorted(synthetic.calendars)
                                         for s in ("", "-archiv")]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in written)
    vse = (tmp_path / "out" / "vse.ics").read_bytes()
    archive = (tmp_path / "out" / "vse-archiv.ics").read_bytes()
    assert archive == whole(synthetic, "vse")  # not a repository: every stamp is UNKNOWN
    assert f"URL:{URL}records/meetings/".encode() in vse


def test_write_ics_one_calendar_and_unknown(synthetic: Repository, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ics.RECORD_URL, raising=False)
    path, _archive = ics.write_ics(synthetic, tmp_path, root=tmp_path, calendar_id="rps")
    assert path == tmp_path / "rps.ics"
    assert b"\r\nURL:" not in path.read_bytes()
    with pytest.raises(ics.UnknownCalendarError):
        ics.write_ics(synthetic, tmp_path, root=tmp_path, calendar_id="neni")


# --- git stamps -----------------------------------------------------------------------------

def git(root: Path, *args: str, when: str = "2022-09-01T10:00:00+02:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_record_times_from_one_git_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = "records/meetings/2022/a.yaml", "records/meetings/2022/b.yaml"
    (tmp_path / "records/meetings/2022").mkdir(parents=True)
    git(tmp_path, "init", "-q")
    for name in (a, b):
        (tmp_path / name).write_text("id: x\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "první")
    (tmp_path / b).write_text("id: y\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "druhý", when="2022-09-02T12:30:00+02:00")
    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    found = stamps.record_times(tmp_path, [a, b, "records/meetings/2022/new.yaml"])
    assert len(calls) == 1
    assert found == {a: dt.datetime(2022, 9, 1, 8, 0, tzinfo=UTC),
                     b: dt.datetime(2022, 9, 2, 10, 30, tzinfo=UTC),
                     "records/meetings/2022/new.yaml": stamps.UNKNOWN}
    head = stamps.head_commit(tmp_path)
    assert head is not None
    assert len(head) == 12
    assert int(head, 16) >= 0


def test_outside_git_every_stamp_is_fixed(tmp_path: Path) -> None:
    assert stamps.record_times(tmp_path, ["records/x.yaml"]) == {"records/x.yaml": stamps.UNKNOWN}
    assert stamps.head_commit(tmp_path) is None


@pytest.mark.parametrize("which", ["synthetic", "real"])
def test_fingerprints_of_built_and_read_back_events_agree(which: str,
                                                          request: pytest.FixtureRequest) -> None:
    # The sync compares an event read from the server with the one it wants as built, without
    # rendering and reading it back: the two must give the same fingerprints, or every run
    # would rewrite every event it reads.
    repo: Repository = request.getfixturevalue(which)
    for cid in repo.calendars:
        for doc in docs(repo, cid).values():
            built = doc.vevent(2, "abcdef123456", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
            read = cache.vevent_of(doc.render(2, "abcdef123456",
                                             dt.datetime(2025, 1, 1, tzinfo=dt.UTC)))
            assert cache.visible(built) == cache.visible(read), doc.uid
            assert cache.schedule(built) == cache.schedule(read), doc.uid
