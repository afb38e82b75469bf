"""The open data the site publishes: the meetings as OFN Události (JSON-LD) read back by a JSON-LD
processor with only the context shipped in the repository, the CSV read by the csv module, and
the DCAT-AP-CZ record; all compared with lint's model and zoneinfo, not with our writer."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pyld import jsonld

from tests.web.conftest import BASE_URL, ROOT, build_site, built_repository, edited_records
from web import catalogue, cli, ofn, spreadsheet
from web.view import View

PRAGUE = ZoneInfo("Europe/Prague")
SHIPPED = {ofn.CONTEXT: ROOT / "web/opendata/kontext/událost.jsonld",
           catalogue.CONTEXT: ROOT / "web/opendata/kontext/rozhraní-katalogů-otevřených-dat.jsonld"}
# IRIs from the norm's published tables (OFN Události, Věc, Časová specifikace, Umístění,
# Lidé a osoby, Základní datové typy, all 2020-07-01).
EVENT = "http://schema.org/Event"
TITLE = "http://purl.org/dc/terms/title"
ORGANISER = "http://data.europa.eu/m8g/hasOrganiser"
ICO = "http://www.w3.org/2004/02/skos/core#notation"
SCHEDULE = "http://schema.org/openingHoursSpecification"
INTERVAL = "https://slovník.gov.cz/generický/čas/pojem/má-časový-interval"
BEGINNING = "http://www.w3.org/2006/time#hasBeginning"
END = "http://www.w3.org/2006/time#hasEnd"
DATETIME = "http://www.w3.org/2006/time#inXSDDateTimeStamp"
DATE = "http://www.w3.org/2006/time#inXSDDate"
PLACE_NAME = "http://www.w3.org/ns/locn#geographicName"


class Refused(Exception):
    """The tests never use the network: every other document is refused."""


def offline_loader(url: str, options: object = None) -> dict[str, object]:
    """Only the norms' contexts, from the copies in the repository."""
    if url not in SHIPPED:
        raise Refused(url)
    document = json.loads(SHIPPED[url].read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


def expand(path: Path) -> list[dict]:
    return jsonld.expand(json.loads(path.read_text(encoding="utf-8")),
                         {"documentLoader": offline_loader})


def instant(node: dict) -> dt.date | dt.datetime:
    """A Časový okamžik read back from the expanded graph."""
    if DATETIME in node:
        return dt.datetime.fromisoformat(node[DATETIME][0]["@value"])
    return dt.date.fromisoformat(node[DATE][0]["@value"])


def times(event: dict) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    interval = event[SCHEDULE][0][INTERVAL][0]
    return instant(interval[BEGINNING][0]), instant(interval[END][0])


def expected(repo, meeting) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """Start and end from the model with zoneinfo: the day of a meeting without a time, else
    local Prague times; without an end, the groups' usual length (lint's model) later."""
    if meeting.start is None:
        return meeting.date, meeting.date
    start = dt.datetime.combine(meeting.date, meeting.start, tzinfo=PRAGUE)
    if meeting.end is not None:
        return start, dt.datetime.combine(meeting.date, meeting.end, tzinfo=PRAGUE)
    end = start.astimezone(dt.UTC) + meeting.usual_length(repo.groups)
    return start, end.astimezone(PRAGUE)


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory):
    """The records with times on both sides of the 2022 DST change and a cancelled meeting,
    their model, and the site built from them."""
    root = edited_records(tmp_path_factory.mktemp("opendata-records"))
    out = tmp_path_factory.mktemp("opendata-site")
    build_site(root, out)
    return built_repository(root), out


def by_meeting(events: list[dict]) -> dict[str, dict]:
    """Events by the meeting whose page is their IRI."""
    found = {e["@id"].removeprefix(BASE_URL): e for e in events}
    return {path.removeprefix("jednani/").removesuffix(".html"): e
            for path, e in found.items() if path.startswith("jednani/")}


def test_every_file_expands_offline_to_the_norms_iris(edited) -> None:
    repo, site = edited
    files = sorted((site / "opendata").glob("udalosti*.jsonld"))
    assert len(files) == 1 + len(repo.calendars)
    for path in files:
        for event in expand(path):
            assert EVENT in event["@type"], path
            assert event[TITLE][0]["@language"] == "cs"
            if "/jednani/" in event["@id"]:  # a meeting's organiser is the publisher
                assert event[ORGANISER][0][ICO][0]["@value"] == "00262978"
            assert BEGINNING in event[SCHEDULE][0][INTERVAL][0]


def test_the_loader_refuses_any_other_document(tmp_path: Path) -> None:
    path = tmp_path / "other.jsonld"
    path.write_text(json.dumps({"@context": "https://schema.org/", "name": "x"}))
    with pytest.raises(jsonld.JsonLdError):
        expand(path)


def test_every_meeting_has_its_start_and_end(edited) -> None:
    repo, site = edited
    events = by_meeting(expand(site / ofn.ALL))
    assert set(events) == set(repo.meetings)
    for mid, meeting in repo.meetings.items():
        start, end = times(events[mid])
        want_start, want_end = expected(repo, meeting)
        assert (start, end) == (want_start, want_end), mid
        for got, want in ((start, want_start), (end, want_end)):
            if isinstance(want, dt.datetime):  # the same instant and Prague's offset then
                assert got.utcoffset() == want.utcoffset(), mid


def test_summer_and_winter_times_have_their_offsets(edited) -> None:
    _repo, site = edited
    events = by_meeting(expand(site / ofn.ALL))
    summer, _ = times(events["2022-09-22-ps-seniori"])
    winter, winter_end = times(events["2022-11-01-spolecna-setkani"])
    assert summer.isoformat() == "2022-09-22T10:00:00+02:00"
    assert winter.isoformat() == "2022-11-01T10:00:00+01:00"
    assert winter_end > winter


NIGHT = "2022-10-30-ps-seniori"
NIGHT_RECORD = """\
# yaml-language-server: $schema=../../../schemas/meeting.schema.json
id: 2022-10-30-ps-seniori
groups:
  - ps-seniori
date: 2022-10-30
start: "01:30"
venue: krejciho
status: planned
"""


def test_a_meeting_over_the_autumn_night_lasts_its_length_in_real_time(tmp_path: Path) -> None:
    """Clocks go back at 03:00 on 30. 10. 2022: two hours from 01:30 end at 02:30 of winter
    time (+01:00), not at 03:30 as the wall clock would add them."""
    root = edited_records(tmp_path / "records")
    (root / "records/meetings/2022" / f"{NIGHT}.yaml").write_text(NIGHT_RECORD, encoding="utf-8")
    build_site(root, tmp_path / "site")
    start, end = times(by_meeting(expand(tmp_path / "site" / ofn.ALL))[NIGHT])
    assert start.isoformat() == "2022-10-30T01:30:00+02:00"
    assert end.isoformat() == "2022-10-30T02:30:00+01:00"
    assert end - start == dt.timedelta(hours=2)


def test_each_calendar_file_holds_the_meetings_it_shows(edited) -> None:
    repo, site = edited
    for calendar in repo.calendars.values():
        events = by_meeting(expand(site / ofn.calendar_path(calendar.id)))
        shown = {m.id for m in repo.meetings.values()
                 if calendar.takes("meeting") and calendar.shows(m.groups)}
        assert set(events) == shown, calendar.id


def test_a_cancelled_meeting_says_so_with_its_reason(edited) -> None:
    _repo, site = edited
    events = by_meeting(expand(site / ofn.ALL))
    event = events["2022-09-30-ps-zavislosti"]
    assert event[TITLE][0]["@value"].startswith("ZRUŠENO: ")
    description = event["http://purl.org/dc/terms/description"][0]["@value"]
    assert "Nemoc manažerky skupiny" in description


def test_the_csv_has_a_row_per_meeting_as_the_model_says(edited) -> None:
    repo, site = edited
    raw = (site / spreadsheet.PATH).read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert tuple(rows[0]) == spreadsheet.HEADER
    table = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(table) == len(repo.meetings)
    view = View(repo, dt.date(2022, 9, 1))
    for row in table:
        mid = row["stránka"].removeprefix(BASE_URL + "jednani/").removesuffix(".html")
        meeting = repo.meetings[mid]
        assert row["datum"] == meeting.date.isoformat()
        assert row["začátek"] == (meeting.start.strftime("%H:%M") if meeting.start else "")
        assert row["konec"] == (meeting.end.strftime("%H:%M") if meeting.end else "")
        assert row["název"] == view.title(meeting)
        assert row["skupiny"] == ", ".join(repo.groups[g].short_name for g in meeting.groups)
    assert [r["datum"] for r in table] == sorted(r["datum"] for r in table)


# DCAT-AP-CZ as the norm "Rozhraní katalogů otevřených dat" (2021-01-11) requires it.
DATASET = {"typ", "iri", "název", "popis", "poskytovatel", "téma", "periodicita_aktualizace",
           "klíčové_slovo", "prvek_rúian"}
DISTRIBUTION = {"typ", "iri", "podmínky_užití", "přístupové_url"}
TERMS = {"typ", "autorské_dílo", "databáze_jako_autorské_dílo",
         "databáze_chráněná_zvláštními_právy", "osobní_údaje"}


def test_the_catalogue_record_describes_every_file(edited) -> None:
    _repo, site = edited
    record = json.loads((site / catalogue.PATH).read_text(encoding="utf-8"))
    assert record.keys() >= DATASET
    assert record["typ"] == "Datová sada"
    assert record["poskytovatel"].endswith("/00262978")
    assert record["periodicita_aktualizace"].startswith(
        "http://publications.europa.eu/resource/authority/frequency/")
    assert all(p.startswith("https://linked.cuzk.cz/resource/ruian/")
               for p in record["prvek_rúian"])
    media = set()
    for item in record["distribuce"]:
        assert item.keys() >= DISTRIBUTION
        assert item["podmínky_užití"].keys() >= TERMS
        url = item["soubor_ke_stažení"]
        assert url.startswith(BASE_URL)
        assert (site / url.removeprefix(BASE_URL)).is_file(), url
        media.add(item["typ_média"].rsplit("/", 1)[1])
    assert media == {"ld+json", "csv", "calendar"}


DCAT = "http://www.w3.org/ns/dcat#"


def test_the_catalogue_record_expands_offline_to_dcat(edited) -> None:
    _repo, site = edited
    [dataset] = expand(site / catalogue.PATH)
    assert dataset["@type"] == [DCAT + "Dataset"]
    assert dataset["http://purl.org/dc/terms/publisher"][0]["@id"].endswith("/00262978")
    assert dataset["http://purl.org/dc/terms/accrualPeriodicity"][0]["@id"].endswith("/IRREG")
    downloads = {d[DCAT + "downloadURL"][0]["@id"] for d in dataset[DCAT + "distribution"]}
    assert downloads == {BASE_URL + ofn.ALL, BASE_URL + spreadsheet.PATH,
                         BASE_URL + "kalendare/vse-archiv.ics"}
    terms = dataset[DCAT + "distribution"][0]["https://data.gov.cz/slovník/podmínky-užití/specifikace"]
    assert terms[0]["https://data.gov.cz/slovník/podmínky-užití/osobní-údaje"][0]["@id"] == (
        "https://data.gov.cz/podmínky-užití/neobsahuje-osobní-údaje/")


def test_the_contact_and_publisher_come_from_the_options(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code = cli.main(["build", "--out", str(out), "--root", str(ROOT), "--today", "2022-09-01",
                     "--base-url", "https://kpss.example.cz/", "--publisher", "Město Příklad",
                     "--publisher-ico", "12345678", "--contact-email", "kpss@example.cz"])
    assert code == 0
    [dataset] = expand(out / catalogue.PATH)
    contact = dataset[DCAT + "contactPoint"][0]
    assert contact["http://www.w3.org/2006/vcard/ns#hasEmail"][0]["@id"] == "mailto:kpss@example.cz"
    record = json.loads((out / catalogue.PATH).read_text(encoding="utf-8"))
    assert record["poskytovatel"].endswith("/12345678")
    events = json.loads((out / ofn.ALL).read_text(encoding="utf-8"))
    assert {e["pořadatel"][0]["název"]["cs"] for e in events if "pořadatel" in e} == {
        "Město Příklad"}


def test_no_catalogue_record_without_the_sites_address(tmp_path: Path) -> None:
    built = build_site(ROOT, tmp_path, base_url=None)
    assert catalogue.PATH not in built.files
    assert ofn.ALL in built.files
    assert "iri" not in json.loads((tmp_path / ofn.ALL).read_text(encoding="utf-8"))[0]


def test_the_open_data_page_links_every_file_and_feed(edited) -> None:
    _repo, site = edited
    page = (site / "otevrena-data.html").read_text(encoding="utf-8")
    linked = {href for href in re.findall(r'href="([^"#]+)"', page)
              if href.startswith(("opendata/", "atom/"))}
    published = {p.relative_to(site).as_posix() for folder in ("opendata", "atom")
                 for p in (site / folder).rglob("*") if p.is_file()}
    assert linked == published
    calendars = (site / "kalendare/index.html").read_text(encoding="utf-8")
    assert 'href="../otevrena-data.html"' in calendars
    record = json.loads((site / catalogue.PATH).read_text(encoding="utf-8"))
    assert record["dokumentace"] == BASE_URL + "otevrena-data.html"


def test_a_title_that_is_a_formula_stays_text_in_the_csv(tmp_path: Path) -> None:
    root = edited_records(tmp_path / "records")
    path = root / "records/meetings/2022/2022-10-04-ps-dusevni-zdravi.yaml"
    hostile = '=HYPERLINK("https://example.org/","x")'
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Jednání Pracovní skupiny pro duševní zdraví",
                                 f"title: '{hostile}'"), encoding="utf-8")
    build_site(root, tmp_path / "site")
    raw = (tmp_path / "site" / spreadsheet.PATH).read_text(encoding="utf-8")
    titles = {r["název"] for r in csv.DictReader(io.StringIO(raw, newline=""))}
    assert "'" + hostile in titles
    assert not any(t.startswith(spreadsheet.FORMULA) for t in titles)
    events = json.loads((tmp_path / "site" / ofn.ALL).read_text(encoding="utf-8"))
    assert hostile in {e["název"]["cs"] for e in events}  # JSON keeps the record's own text
