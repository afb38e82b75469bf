"""Every dated fact of the seed minutes is a dated item in records/dates/, with ISO dates in fields.

tests/seeds/ holds the two seed minutes as the project received them (plain text). Each row of
FACTS is a phrase of one seed and the dates it means: the phrase must occur in that seed and in
the agenda item of the meeting record that reported it, and the named record must hold exactly
those dates and be reported at that seed's meeting. Dates of the seeds that are meetings (already
records/meetings/) are in MEETINGS; what is prose only is listed in docs/records.md.

Each record is also validated against the kind's own schema, schemas/dated.schema.json.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

import jsonschema
import pytest

from lint.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).resolve().parent / "seeds"
RECORDS = ROOT / "records"
DOCS = ROOT / "docs" / "records.md"

RPS = "2022-08-31-rps"
PS_2021 = "2021-06-21-ps-socialni-vylouceni"


class Fact(NamedTuple):
    record: str
    phrase: str
    start: str
    end: str | None  # None: a single day (the record has no `end`)


FACTS: dict[str, tuple[Fact, ...]] = {
    RPS: (
        Fact("2022-07-01-kp-rozhovory-se-zadavateli",
             "Červenec/srpen – proběhly rozhovory se zadavateli", "2022-07-01", "2022-08-31"),
        Fact("2022-08-01-kp-dotazniky", "Srpen – sběr a vyhodnocení dotazníků",
             "2022-08-01", "2022-08-31"),
        Fact("2022-08-01-kp-dotazniky", "V srpnu proběhlo dotazníkové šetření",
             "2022-08-01", "2022-08-31"),
        Fact("2022-09-01-kp-navrhova-cast",
             "Září – velké setkání pracovních skupin, zpracování návrhové části",
             "2022-09-01", "2022-09-30"),
        Fact("2022-09-01-kp-revize-navrhove-casti",
             "Září/říjen – revize návrhové části jednotlivými PS", "2022-09-01", "2022-10-31"),
        Fact("2022-11-01-kp-pripominkovani",
             "Listopad/prosinec – předložení finálního dokumentu k připomínkování",
             "2022-11-01", "2022-12-31"),
        Fact("2023-01-01-kp-schvaleni", "Leden 2023 – předložení dokumentu ke schválení",
             "2023-01-01", "2023-01-31"),
        Fact("2022-08-01-opz-plus-vyzva", "Na konci srpna byla vyhlášena výzva",
             "2022-08-01", "2022-08-31"),
        Fact("2022-11-01-apk-iii", "(APK III a CBL II) -> ideálně, aby navazovaly na současné "
             "projekty, tedy předpokládaná realizace od 11/2022", "2022-11-01", None),
        Fact("2022-11-01-cbl-ii", "(APK III a CBL II) -> ideálně, aby navazovaly na současné "
             "projekty, tedy předpokládaná realizace od 11/2022", "2022-11-01", None),
        Fact("2023-01-01-domovnici", "Realizace tohoto projektu je předpokládána od 1. 1. 2023",
             "2023-01-01", None),
        Fact("2022-07-01-byty-dr-m-horakove", "V červenci byly přiděleny byty",
             "2022-07-01", "2022-07-31"),
        Fact("2022-08-01-byty-dr-m-horakove-najemnici", "nájemníci zde bydlí od srpna",
             "2022-08-01", None),
        Fact("2022-09-30-cal-dokonceni-stavby",
             "Centrum aktivního života - ukončení stavby předpokládané k 30. 9.",
             "2022-09-30", None),
        Fact("2023-05-31-cal-zahajeni-realizace", "zahájení realizace do 31. 5. 2023",
             "2023-05-31", None),
        Fact("2022-01-01-plan-socialniho-zaclenovani",
             "Plán sociálního začleňování Liberec 2022-2027", "2022-01-01", "2027-12-31"),
        Fact("2022-08-30-dofinancovani-socialnich-sluzeb",
             "Zastupitelstvo kraje dne 30. 8. schválilo Dofinancování", "2022-08-30", None),
        Fact("2022-09-01-dofinancovani-vysledek", "finální výsledek bude znám během září",
             "2022-09-01", "2022-09-30"),
        Fact("2022-10-17-mpsv-dotace-2023",
             "podávání žádostí bude zpřístupněno v termínu od 17. 10. do 16. 11. 2022",
             "2022-10-17", "2022-11-16"),
        Fact("2022-09-01-milostive-leto",
             "V termínu 1. 9. – 30. 11. 2022 bude opět probíhat akce Milostivé léto",
             "2022-09-01", "2022-11-30"),
    ),
    PS_2021: (
        Fact("2021-12-31-strategie-socialniho-zaclenovani",
             "strategie sociálního začleňování, která by měla být hotová do konce roku",
             "2021-12-31", None),
        Fact("2021-12-01-ochl-charitni-satnik", "hrozí jeho uzavření ke konci roku",
             "2021-12-01", "2021-12-31"),
        Fact("2023-01-01-zakladni-sit-2023", "kdy by se síť pro rok 2023 uzavřela",
             "2023-01-01", "2023-12-31"),
    ),
}
"""Seed (its meeting's id) → the dated facts it reports."""

MEETINGS: dict[str, tuple[tuple[str, str], ...]] = {
    RPS: (
        ("Datum/čas: 31. 8. 2022", RPS),
        ("Proběhne 13. 9. od 13 do 16 hodin", "2022-09-13-spolecna-setkani"),
        ("1. setkání\t13. 9. (Lidové sady)", "2022-09-13-spolecna-setkani"),
        ("2. setkání\t1. 11. (Lidové sady)", "2022-11-01-spolecna-setkani"),
        ("na dalším společném setkání 1. 11.", "2022-11-01-spolecna-setkani"),
        ("Listopad – druhé velké setkání pracovních skupin", "2022-11-01-spolecna-setkani"),
        ("19. 9. (radnice, č. 209)", "2022-09-19-ps-socialni-vylouceni"),
        ("4. 10. (Fokus)", "2022-10-04-ps-dusevni-zdravi"),
        ("13. 10. (Uran, č. 17)", "2022-10-13-ps-deti-a-mladez"),
        ("22. 9. (Krejčího)", "2022-09-22-ps-seniori"),
        ("30. 9. (Advaita)", "2022-09-30-ps-zavislosti"),
        ("24. 10. (MCU Koloseum)", "2022-10-24-ps-zdravotne-znevyhodneni"),
        ("Příští setkání ŘPS se uskuteční 19. 10. od 14:00", "2022-10-19-rps"),
    ),
    PS_2021: (("21. červen 2021, 14:00 hod", PS_2021),),
}
"""Seed → (phrase, meeting id): dates of the seeds that are meetings, not dated items."""

SCHEMA: dict[str, Any] = json.loads((ROOT / "schemas" / "dated.schema.json").read_text("utf-8"))
"""The kind's own schema: the records keep it, not only lint's view of them."""


def _flat(text: str) -> str:
    """Text with every run of whitespace as one space: minutes and records wrap differently."""
    return re.sub(r"\s+", " ", text).strip()


def _read(path: Path) -> dict[str, Any]:
    parsed = parse_file(path, str(path.relative_to(ROOT)))
    assert parsed.findings == (), parsed.findings
    assert isinstance(parsed.data, dict)
    return parsed.data


def _dates() -> dict[str, dict[str, Any]]:
    return {path.stem: _read(path) for path in sorted((RECORDS / "dates").glob("*.yaml"))}


def _meeting(meeting_id: str) -> dict[str, Any]:
    return _read(RECORDS / "meetings" / meeting_id[:4] / f"{meeting_id}.yaml")


def _seed(meeting_id: str) -> str:
    return (SEEDS / f"{meeting_id}.txt").read_text(encoding="utf-8")


def _agenda_text(item: dict[str, Any]) -> str:
    parts = [item["title"], item.get("content", "")]
    parts += [report["text"] for report in item.get("reports", [])]
    return _flat("\n".join(parts))


FACT_ROWS = [(seed, fact) for seed, facts in FACTS.items() for fact in facts]


@pytest.mark.parametrize(("seed", "fact"), FACT_ROWS, ids=[f.record for _, f in FACT_ROWS])
def test_dated_fact_is_a_record(seed: str, fact: Fact) -> None:
    assert _flat(fact.phrase) in _flat(_seed(seed))
    path = RECORDS / "dates" / f"{fact.record}.yaml"
    assert path.is_file(), f"no record {fact.record} for {fact.phrase!r}"
    record = _read(path)
    assert (record["start"], record.get("end")) == (fact.start, fact.end)
    assert record["reported_at"] == seed
    agenda = _meeting(seed)["agenda"]
    assert 1 <= record["agenda_item"] <= len(agenda)
    assert _flat(fact.phrase) in _agenda_text(agenda[record["agenda_item"] - 1])


def test_every_record_comes_from_a_seed_phrase() -> None:
    tabled = {fact.record for _, fact in FACT_ROWS}
    assert set(_dates()) == tabled


MEETING_ROWS = [(seed, phrase, meeting) for seed, rows in MEETINGS.items()
                for phrase, meeting in rows]


@pytest.mark.parametrize(("seed", "phrase", "meeting_id"), MEETING_ROWS,
                         ids=[m for _, _, m in MEETING_ROWS])
def test_meeting_date_is_a_meeting_record(seed: str, phrase: str, meeting_id: str) -> None:
    assert _flat(phrase) in _flat(_seed(seed))
    assert _meeting(meeting_id)["date"] == meeting_id[:10]


@pytest.mark.parametrize("record_id", sorted(_dates()))
def test_record_keeps_the_contract(record_id: str) -> None:
    record = _dates()[record_id]
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    ).validate(record)
    assert record["id"] == record_id
    assert record_id.startswith(f"{record['start']}-")
    start = dt.date.fromisoformat(record["start"])
    end = dt.date.fromisoformat(record.get("end", record["start"]))
    assert end >= start
    if record.get("precision") == "month":
        assert start.day == 1
        assert "end" not in record or end.day == calendar.monthrange(end.year, end.month)[1]


@pytest.mark.parametrize("record_id", sorted(_dates()))
def test_record_references_resolve(record_id: str) -> None:
    record = _dates()[record_id]
    assert _meeting(record["reported_at"])["status"] == "held"
    assert "terminy" in record["calendars"]
    for calendar_id in record["calendars"]:
        calendar_record = _read(RECORDS / "calendars" / f"{calendar_id}.yaml")
        assert "dated" in calendar_record.get("kinds", ()), calendar_id
    if "organisation" in record:
        assert (RECORDS / "organisations" / f"{record['organisation']}.yaml").is_file()


def test_modeline_points_at_the_dated_schema() -> None:
    for path in (RECORDS / "dates").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/dated.schema.json", path


_DOC_ROW = re.compile(r"^\| `([a-z0-9-]+)` \| ([a-z]+) \| ([0-9-]+) \| ([0-9-]+|–) \| (\d+) \|",
                      re.MULTILINE)


def test_docs_table_matches_the_records() -> None:
    rows = {row[0]: row[1:] for row in _DOC_ROW.findall(DOCS.read_text(encoding="utf-8"))}
    expected = {record_id: (record["type"], record["start"], record.get("end", "–"),
                            str(record["agenda_item"]))
                for record_id, record in _dates().items()}
    assert rows == expected


@pytest.mark.parametrize("record_id", sorted(_dates()))
def test_quotations_are_the_minutes_words(record_id: str) -> None:
    record = _dates()[record_id]
    seed = _flat(_seed(record["reported_at"]))
    text = _flat(f"{record['title']} {record.get('description', '')}")
    quoted = re.findall(r"„([^“]+)“", text)
    assert [q for q in quoted if q not in seed] == []


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.web.conftest import build_site  # noqa: PLC0415 - the site's own test helper

    out = tmp_path_factory.mktemp("site")
    build_site(ROOT, out)
    return out


def _all_day(event: Any, name: str) -> dt.date:
    value = event.decoded(name)
    assert type(value) is dt.date, (event["UID"], name, value)  # an all-day event: VALUE=DATE
    return value


@pytest.mark.parametrize("record_id", sorted(_dates()))
def test_record_is_an_all_day_event_at_its_dates_in_every_calendar_it_names(
        real_site: Path, record_id: str) -> None:
    import icalendar  # noqa: PLC0415

    record = _dates()[record_id]
    start = dt.date.fromisoformat(record["start"])
    last = dt.date.fromisoformat(record.get("end", record["start"]))
    for calendar_id in record["calendars"]:
        archive = real_site / "kalendare" / f"{calendar_id}-archiv.ics"
        feed = icalendar.Calendar.from_ical(archive.read_bytes())
        events = [e for e in feed.walk("VEVENT") if str(e["UID"]) == f"{record_id}@kpss"]
        assert len(events) == 1, (calendar_id, record_id)
        assert _all_day(events[0], "DTSTART") == start
        assert _all_day(events[0], "DTEND") == last + dt.timedelta(days=1)  # RFC 5545 §3.6.1


@pytest.mark.parametrize("record_id", sorted(_dates()))
def test_record_is_on_the_site_and_on_its_meetings_page(real_site: Path, record_id: str) -> None:
    record = _dates()[record_id]
    listing = (real_site / "terminy.html").read_text(encoding="utf-8")
    assert f'id="{record_id}"' in listing
    meeting = real_site / "jednani" / f"{record['reported_at']}.html"
    assert f'<li class="dated" id="{record_id}">' in meeting.read_text(encoding="utf-8")
