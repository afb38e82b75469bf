"""Independent parsers read what we write (issue 16): libical (Evolution, GNOME, KDE; and its
RFC 5545 restriction check), ical.js (Thunderbird, the Nextcloud web calendar), vobject
(Radicale; every file in one process) and icalendar (with each file's own VTIMEZONE). Every
event must be at the instant its record says, with its end and status, and its text intact."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest

from lint.model import Meeting, Span
from sync import cache, ical
from tests.conftest import ROOT
from tests.parsers import oracles
from tests.parsers.conftest import COMMITTED, URL, Source

PARSERS = ["libical", "ical.js", "vobject", "icalendar"]
Reader = Callable[[str], dict[str, dict[str, Any]]]


def files(sources: list[Source]) -> dict[Path, dict[str, oracles.Expected]]:
    return {f: wanted for s in sources for f, wanted in s.files.items()}


def instants(parser: str, sources: list[Source], reader: Reader) -> list[str]:
    read = reader(parser)
    return [w for f, wanted in files(sources).items()
            for w in oracles.mismatches(read[str(f)], wanted)]


def texts(parser: str, sources: list[Source], reader: Reader) -> list[str]:
    """Where an event's SUMMARY or DESCRIPTION, as the parser read it, lost what the record
    says: the title, the reason of a cancellation, the agenda, the link, the missing end."""
    read = reader(parser)
    wrong = []
    for f, wanted in files(sources).items():
        for event in read[str(f)]["events"]:
            want = wanted.get(event["uid"])
            if want is not None:
                wrong += [f"{f.name} {event['uid']}: {w}" for w in _text(event, want)]
    return wrong


def _text(event: dict[str, Any], want: oracles.Expected) -> list[str]:
    if not isinstance(want.record, Meeting):
        return _dated_text(event, want.record)
    meeting = want.record
    summary, description = event["summary"] or "", event["description"] or ""
    needed = [(summary, meeting.title), (description, meeting.cancellation_reason),
              (description, f"Záznam: {URL}{meeting.file}")]
    needed += [(description, item["title"]) for item in meeting.data.get("agenda") or ()]
    wrong = [f"{text!r} lacks {part!r}" for text, part in needed if part and part not in text]
    no_end = meeting.start is not None and (meeting.end is None or meeting.end <= meeting.start)
    if (ical.END_NOT_GIVEN in description) != no_end:
        wrong.append(f"{ical.END_NOT_GIVEN!r} in the description: {not no_end}")
    return wrong


def _dated_text(event: dict[str, Any], item: Span) -> list[str]:
    summary, description = event["summary"] or "", event["description"] or ""
    needed = [(summary, item.title), (description, item.description),
              (description, item.link), (description, f"Záznam: {URL}{item.file}")]
    return [f"{text!r} lacks {part!r}" for text, part in needed if part and part not in text]


@pytest.mark.parametrize("parser", PARSERS)
def test_every_event_at_its_records_instant(parser: str, sources: list[Source],
                                            reader: Reader) -> None:
    assert instants(parser, sources, reader) == []


@pytest.mark.parametrize("parser", PARSERS)
def test_every_event_with_its_records_text(parser: str, sources: list[Source],
                                           reader: Reader) -> None:
    assert texts(parser, sources, reader) == []


def restriction_errors(reader: Reader) -> list[str]:
    return [f"{Path(f).name}: {e}" for f, r in reader("libical").items()
            for e in r["errors"] + ([] if r["restriction_check"] else ["check failed"])]


def test_libical_restriction_check_finds_nothing(reader: Reader) -> None:
    assert restriction_errors(reader) == []


def test_the_corpus_covers_the_edge_cases(sources: list[Source]) -> None:
    corpus = next(s for s in sources if s.name == "corpus")
    meetings = list(corpus.repo.meetings.values())
    years = {m.date.year for m in meetings}
    assert max(years) - min(years) >= 4  # one calendar (vse) spans at least four years
    dst_days = {m.date for m in meetings if m.date.month in (3, 10) and m.date.day > 24
                and m.date.weekday() == 6}
    assert len({d.year for d in dst_days if d.month == 3}) >= 3
    assert len({d.year for d in dst_days if d.month == 10}) >= 3
    statuses = {m.status for m in meetings}
    assert {"planned", "cancelled", "postponed"} <= statuses
    assert any(m.start is None for m in meetings)  # all day
    assert any(m.start is not None and m.end is None for m in meetings)  # no end
    assert any(m.start is not None and m.end is None and m.start.hour >= 22 for m in meetings)
    titles = " ".join(str(m.title) for m in meetings)
    assert all(c in titles for c in ";,\\ř")


def test_calendar_text_unescaped_by_vobject_escaped_as_is_by_icaljs(
        sources: list[Source], reader: Reader) -> None:
    corpus = next(s for s in sources if s.name == "corpus")
    calendar = corpus.repo.calendars["vse"]
    path = str(next(f for f in corpus.files if f.name == "vse-archiv.ics"))
    assert re.search(r"[,;\\]", calendar.name + calendar.description)
    shown = reader("vobject")[path]["calendar"]
    assert shown == {"name": calendar.name, "calname": calendar.name,
                     "caldesc": calendar.description}
    # ical.js knows no NAME or X-WR-*, so it hands out their text as written (escaped): the
    # escaping is still what RFC 5545 §3.3.11 asks, and what vobject, which cut the text at the
    # first comma before, needs.
    escaped = {k: icalendar.vText(v).to_ical().decode() for k, v in shown.items()}
    assert reader("ical.js")[path]["calendar"] == escaped


@pytest.mark.parametrize("name", ["records", "corpus"])
def test_the_sync_reads_its_own_events_back_unchanged(name: str, sources: list[Source]) -> None:
    # UTC times (an hour shown twice) and computed ends included: what the sync compares with
    # the server must be what it wrote, or every run would rewrite those events.
    repo = next(s for s in sources if s.name == name).repo
    for calendar in repo.calendars.values():
        for doc in ical.events(repo, calendar, stamps={}, record_url=lambda file: URL + file):
            built = doc.vevent(1, "abcdef123456", COMMITTED)
            read = cache.vevent_of(doc.render(1, "abcdef123456", COMMITTED))
            assert cache.visible(built) == cache.visible(read), doc.uid
            assert cache.schedule(built) == cache.schedule(read), doc.uid


# --- the oracles can fail: the files as the sync wrote them before issue 16 -----------------

def old_files(sources: list[Source], out: Path) -> list[Path]:
    """The corpus with each file's VTIMEZONE as `icalendar.Timezone.from_tzinfo` made it,
    cut to the years of the file's own events (RDATE lists, COMMENT, the spring change late)."""
    corpus = next(s for s in sources if s.name == "corpus")
    written = []
    for path in corpus.files:
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        years = [e["DTSTART"].dt.year for e in cal.walk("VEVENT")]
        old = icalendar.Timezone.from_tzinfo(
            oracles.PRAGUE, "Europe/Prague", first_date=dt.date(min(years), 1, 1),
            last_date=dt.date(max(years) + 1, 1, 1))
        cal.subcomponents = [old if c.name == "VTIMEZONE" else c for c in cal.subcomponents]
        written.append(out / path.parent.name / path.name)
        written[-1].parent.mkdir(parents=True, exist_ok=True)
        written[-1].write_bytes(cal.to_ical())
    return written


def old_reading(parser: str, sources: list[Source], commands: Callable[[str], list[str]],
                out: Path) -> tuple[list[str], list[str]]:
    """What the parser gets wrong in the old files, and the errors it reports."""
    corpus = next(s for s in sources if s.name == "corpus")
    old = old_files(sources, out)
    read = oracles.read(commands(parser), old)
    wanted = dict(zip(old, corpus.files.values(), strict=True))
    wrong = [w for f in old for w in oracles.mismatches(read[str(f)], wanted[f])]
    return wrong, [e for r in read.values() for e in r.get("errors", [])]


@pytest.mark.parametrize("parser", PARSERS)
def test_the_oracles_see_the_old_vtimezone(parser: str, sources: list[Source],
                                           commands: Callable[[str], list[str]],
                                           tmp_path: Path) -> None:
    wrong, errors = old_reading(parser, sources, commands, tmp_path)
    if parser == "libical":
        # libical reads even those instants right; its restriction check refuses the COMMENT.
        assert any("COMMENT" in e for e in errors)
    elif parser == "icalendar":
        assert wrong == []  # the library that wrote them reads them back: no oracle alone
    else:
        assert wrong, "the parser read the old VTIMEZONE right: it would not see it come back"


# --- README: the parser × result table ------------------------------------------------------

ROWS = {
    "libical": ("libical (C; Evolution, GNOME, KDE)", "`icalparser` + `icalrestriction_check`"),
    "ical.js": ("ical.js (Thunderbird, Nextcloud web calendar)", "`npm ci`, `ICAL.Event`"),
    "vobject": ("vobject (Radicale)", "every file in one process"),
    "icalendar": ("icalendar (our own library)", "each file's own VTIMEZONE"),
}


def table(sources: list[Source], reader: Reader, commands: Callable[[str], list[str]],
          out: Path) -> str:
    """The README's parser × result table, from what the parsers read in this run."""
    count = sum(len(w) for w in files(sources).values())
    lines = ["| parser | read with | every event at its record's instant, end and status | "
             "text of the records | RFC 5545 restriction check | the corpus with the VTIMEZONE "
             "written before issue 16 |",
             "| --- | --- | --- | --- | --- | --- |"]
    for parser, (name, how) in ROWS.items():
        wrong, lost = instants(parser, sources, reader), texts(parser, sources, reader)
        times = "yes" if not wrong else f"**no**: {len(wrong)} of {count} wrong"
        text = "yes" if not lost else f"**no**: {len(lost)} lost"
        if parser == "ical.js":
            text += "; NAME and X-WR-* shown still escaped (it knows no such property)"
        check = "–"
        if parser == "libical":
            errors = restriction_errors(reader)
            check = "no error" if not errors else f"**{len(errors)} errors**"
        before, refused = old_reading(parser, sources, commands, out / parser)
        then = f"{len(before)} times wrong" if before else "times right"
        then += f", {len(refused)} errors (COMMENT in VTIMEZONE)" if refused else ""
        lines.append(f"| {name} | {how} | {times} | {text} | {check} | {then} |")
    return "\n".join(lines) + "\n"


def test_readme_parser_table_is_what_the_parsers_read(
        sources: list[Source], reader: Reader, commands: Callable[[str], list[str]],
        tmp_path: Path) -> None:
    made = table(sources, reader, commands, tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert made in readme, "README.md's parser × result table should read:\n" + made
