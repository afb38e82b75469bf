"""The meetings as events in the Czech open formal norm OFN Události 2020-07-01 (JSON-LD):
https://ofn.gov.cz/události/2020-07-01/. One file for every meeting and one per calendar.

Each file is the norm's "seznam událostí": a JSON array of events, each with the norm's
context, classes and property names (Věc: název, popis, aktualizováno; Událost: pořadatel,
umístění, doba_trvání; Časová specifikace → Časový interval → Časový okamžik)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from lint.model import PRAGUE, Meeting
from sync.stamps import UNKNOWN
from web import text
from web.render import meeting_path
from web.view import View

CONTEXT = "https://ofn.gov.cz/události/2020-07-01/kontexty/událost.jsonld"
"""The norm's context by its published address, as the norm's examples give it; the tests
expand the files with the copy in web/opendata/kontext/ and never ask the network."""
FOLDER = "opendata"
ALL = f"{FOLDER}/udalosti.jsonld"
PREFIX = {"cancelled": "ZRUŠENO: ", "postponed": "ODLOŽENO: "}
END_NOT_GIVEN = "Konec jednání nebyl uveden, uvedený konec odpovídá obvyklé délce jednání."

_When = dt.date | dt.datetime


def calendar_path(calendar_id: str) -> str:
    return f"{FOLDER}/udalosti-{calendar_id}.jsonld"


def interval(view: View, meeting: Meeting) -> tuple[_When, _When]:
    """Start and end as published: Europe/Prague times with their UTC offset, or the day of a
    meeting without a time. A record without an end gets its groups' usual length, added to
    the instant (not to the clock), as in the calendars (sync/ical.py)."""
    start = meeting.starts_at
    if start is None:
        return meeting.date, meeting.date
    end = meeting.ends_at
    if end is None or end <= start:
        length = meeting.usual_length(view.repo.groups)
        end = (start.astimezone(dt.UTC) + length).astimezone(PRAGUE)
    return start, end


def _instant(value: _When) -> dict[str, str]:
    """A Časový okamžik: `datum_a_čas` (xsd:dateTimeStamp, with its offset) or `datum`."""
    if isinstance(value, dt.datetime):
        return {"typ": "Časový okamžik", "datum_a_čas": value.isoformat()}
    return {"typ": "Časový okamžik", "datum": value.isoformat()}


def title(view: View, meeting: Meeting) -> str:
    """The meeting's title as its page has it, marked when it will not take place."""
    return PREFIX.get(meeting.status, "") + view.title(meeting)


def change_note(view: View, meeting: Meeting) -> str | None:
    """Why a meeting does not take place, or where it moved; None for one that does."""
    if meeting.status == "cancelled":
        return f"Důvod zrušení: {meeting.cancellation_reason or 'neuveden'}"
    if meeting.status != "postponed":
        return None
    target = view.repo.meetings.get(meeting.postponed_to or "")
    if target is None or target.id == meeting.id:
        return "Nový termín zatím není stanoven."
    return f"Nový termín: {text.day(target.date)}."


def _description(view: View, meeting: Meeting) -> str:
    names = [g.name for g in (view.group(i) for i in meeting.groups) if g is not None]
    parts = [", ".join(names) + "." if names else "", f"Stav: {view.status(meeting)}.",
             change_note(view, meeting) or ""]
    if meeting.start is not None and (meeting.end is None or meeting.end <= meeting.start):
        parts.append(END_NOT_GIVEN)
    return " ".join(p for p in parts if p)


def _place(view: View, meeting: Meeting) -> list[dict[str, Any]]:
    venue = view.repo.venues.get(meeting.venue or "")
    if venue is None:
        return []
    place: dict[str, Any] = {"typ": "Umístění",
                             "název_umístění": {"cs": "online" if venue.online else venue.name}}
    if meeting.room and not venue.online:
        place["místnost"] = {"cs": meeting.room}
    if venue.address and not venue.online:
        place["adresa"] = {"typ": "Adresa", "text": {"cs": venue.address}}
    return [place]


def event(view: View, meeting: Meeting, stamps: Mapping[str, dt.datetime]) -> dict[str, Any]:
    """One meeting as an OFN Událost."""
    start, end = interval(view, meeting)
    found: dict[str, Any] = {"@context": CONTEXT, "typ": "Událost"}
    if view.base_url:
        found["iri"] = view.base_url + meeting_path(meeting.id)
    publisher = view.publisher
    found |= {
        "název": {"cs": title(view, meeting)},
        "popis": {"cs": _description(view, meeting)},
        "pořadatel": [{"typ": "Osoba", "ičo": publisher.ico, "název": {"cs": publisher.name}}],
        "umístění": _place(view, meeting),
        "doba_trvání": [{"typ": "Časová specifikace", "časový_interval": {
            "typ": "Časový interval", "začátek": _instant(start), "konec": _instant(end)}}],
        "aktualizováno": _instant(stamps.get(meeting.file, UNKNOWN).astimezone(PRAGUE)),
    }
    if not found["umístění"]:
        del found["umístění"]
    return found


def _dump(events: Iterable[dict[str, Any]]) -> bytes:
    """Compact: the file of everything grows with the years (1.4 MB at 1,500 meetings)."""
    return json.dumps(list(events), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def files(view: View, stamps: Mapping[str, dt.datetime]) -> dict[str, bytes]:
    """`opendata/udalosti.jsonld` (every meeting) and one file per calendar, oldest first."""
    events = {m.id: event(view, m, stamps) for m in view.meetings}
    found = {ALL: _dump(events.values())}
    for calendar in view.calendars():
        shown = [events[m.id] for m in view.meetings if calendar.shows(m.groups)]
        found[calendar_path(calendar.id)] = _dump(shown)
    return found
