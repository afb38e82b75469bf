"""The meetings and dated items as events in the Czech open formal norm OFN Události 2020-07-01
(JSON-LD): https://ofn.gov.cz/události/2020-07-01/. One file for everything and one per
calendar, holding what the calendar takes (lint/kinds.py: meetings, and every kind whose
records are dated spans).

Each file is the norm's "seznam událostí": a JSON array of events, each with the norm's
context, classes and property names (Věc: název, popis, aktualizováno; Událost: pořadatel,
umístění, doba_trvání; Časová specifikace → Časový interval → Časový okamžik)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from lint.kinds import KINDS, Kind
from lint.model import PRAGUE, Calendar, Meeting, Span
from sync.ical import SPAN_LENGTH
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


def span_interval(item: Span) -> tuple[_When, _When]:
    """A dated item's first and last day, or its times: without an end time, an hour later
    (added to the instant), as in the calendars (sync/ical.py SPAN_LENGTH)."""
    if item.start_time is None:
        return item.first_day, item.last_day
    start = dt.datetime.combine(item.first_day, item.start_time, PRAGUE)
    if item.end_time is not None:
        end = dt.datetime.combine(item.last_day, item.end_time, PRAGUE)
        if end > start:
            return start, end
    return start, (start.astimezone(dt.UTC) + SPAN_LENGTH).astimezone(PRAGUE)


def _span_description(view: View, item: Span) -> str:
    parts = [item.label[:1].upper() + item.label[1:]
             + (" (předpokládaný termín)." if item.tentative else ".")]
    if item.month_only:
        parts.append("Známý je jen měsíc, ne přesný den.")
    if item.start_time is not None and (item.end_time is None or (item.last_day, item.end_time)
                                        <= (item.first_day, item.start_time)):
        parts.append("Čas konce nebyl uveden, uvedený konec je o hodinu později.")
    meeting = view.repo.meetings.get(item.reported_at or "")
    if meeting is not None:
        parts.append(f"Uvedeno v zápisu z jednání {text.day(meeting.date)}.")
    parts += [item.description.strip()] if item.description else []
    parts += [f"Odkaz: {item.link}"] if item.link else []
    return " ".join(parts)


def span_event(view: View, kind: Kind, item: Span,
               stamps: Mapping[str, dt.datetime]) -> dict[str, Any]:
    """One dated item as an OFN Událost; its IRI is its place on its kind's list page."""
    start, end = span_interval(item)
    found: dict[str, Any] = {"@context": CONTEXT, "typ": "Událost"}
    if view.base_url and kind.site:
        found["iri"] = f"{view.base_url}{kind.site.path}#{item.id}"
    return found | {
        "název": {"cs": ("PŘEDPOKLAD: " if item.tentative else "") + item.title},
        "popis": {"cs": _span_description(view, item)},
        "doba_trvání": [{"typ": "Časová specifikace", "časový_interval": {
            "typ": "Časový interval", "začátek": _instant(start), "konec": _instant(end)}}],
        "aktualizováno": _instant(stamps.get(item.file, UNKNOWN).astimezone(PRAGUE)),
    }


SPAN_KINDS = tuple(k for k in KINDS if k.calendar == "dates")
"""Kinds whose records are dated spans (lint/kinds.py), published beside the meetings."""


def _dump(events: Iterable[dict[str, Any]]) -> bytes:
    """Compact: the file of everything grows with the years (1.4 MB at 1,500 meetings)."""
    return json.dumps(list(events), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _entries(view: View, calendar: Calendar | None,
             stamps: Mapping[str, dt.datetime]) -> list[tuple[_When, str, dict[str, Any]]]:
    """(start, id, event) of everything `calendar` takes; every record without a calendar."""
    found = []
    if calendar is None or calendar.takes("meeting"):
        found += [(interval(view, m)[0], m.id, event(view, m, stamps)) for m in view.meetings
                  if calendar is None or calendar.shows(m.groups)]
    for kind in SPAN_KINDS:
        if calendar is None or calendar.takes(kind.name):
            found += [(span_interval(i)[0], i.id, span_event(view, kind, i, stamps))
                      for i in view.dated(kind.name)
                      if calendar is None or calendar.id in i.calendars]
    return found


def _ordered(entries: list[tuple[_When, str, dict[str, Any]]]) -> bytes:
    """Soonest first: a day sorts as its midnight in Prague."""
    def key(entry: tuple[_When, str, dict[str, Any]]) -> tuple[dt.datetime, str]:
        when = entry[0]
        if not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time.min, PRAGUE)
        return when, entry[1]

    return _dump(e[2] for e in sorted(entries, key=key))


def files(view: View, stamps: Mapping[str, dt.datetime]) -> dict[str, bytes]:
    """`opendata/udalosti.jsonld` (everything) and one file per calendar."""
    found = {ALL: _ordered(_entries(view, None, stamps))}
    for calendar in view.calendars():
        found[calendar_path(calendar.id)] = _ordered(_entries(view, calendar, stamps))
    return found
