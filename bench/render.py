"""The synthetic corpus as record files: path → text, in the shape of docs/record-format.md."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from bench import czech
from bench.cast import Cast, Person
from bench.schedule import Decision, Meeting
from bench.yamltext import Doc

MODELINE = "# yaml-language-server: $schema={up}schemas/{kind}.schema.json"
Files = Iterator[tuple[str, str]]


def _doc(kind: str, depth: int) -> Doc:
    return Doc(MODELINE.format(up="../" * depth, kind=kind))


def organisations() -> Files:
    for oid, abbreviation, kind, name in czech.ORGANISATIONS:
        doc = _doc("organisation", 2)
        for key, value in (("id", oid), ("name", name), ("abbreviation", abbreviation),
                           ("kind", kind)):
            doc.field(0, key, value)
        yield f"organisations/{oid}.yaml", doc.text()


def people(cast: Cast) -> Files:
    for person in cast.people:
        doc = _doc("person", 2)
        doc.field(0, "id", person.id)
        doc.field(0, "name", f"{person.given} {person.surname}")
        doc.field(0, "given_name", person.given)
        doc.field(0, "surname", person.surname)
        doc.field(0, "title_before", person.title_before)
        doc.field(0, "title_after", person.title_after)
        doc.field(0, "organisation", person.organisation)
        yield f"people/{person.id}.yaml", doc.text()


def venues() -> Files:
    for vid, name, address, rooms in czech.VENUES:
        doc = _doc("venue", 2)
        for key, value in (("id", vid), ("name", name), ("kind", "physical"),
                           ("address", address)):
            doc.field(0, key, value)
        doc.items(0, "rooms", rooms)
        yield f"venues/{vid}.yaml", doc.text()
    doc = _doc("venue", 2)
    for key, value in (("id", "online"), ("name", "Online"), ("kind", "online")):
        doc.field(0, key, value)
    yield "venues/online.yaml", doc.text()


def groups(cast: Cast, since: dt.date) -> Files:
    for gid, short, kind, name, target, (venue, room) in (*czech.GROUPS, czech.JOINT):
        doc = _doc("group", 2)
        for key, value in (("id", gid), ("name", name), ("short_name", short), ("kind", kind),
                           ("target_group", target)):
            doc.field(0, key, value)
        doc.key(0, "active")
        doc.field(2, "from", since)
        _members(doc, cast.members.get(gid, ()))
        doc.key(0, "usual")
        doc.field(2, "venue", venue)
        doc.field(2, "room", room)
        doc.field(0, "calendar", gid)
        yield f"groups/{gid}.yaml", doc.text()


def _members(doc: Doc, members: tuple[Person, ...]) -> None:
    if members:
        doc.key(0, "members")
    for index, person in enumerate(members):
        doc.field(4, "person", person.id, item=True)
        doc.field(4, "organisation", person.organisation)
        doc.field(4, "role", "manager" if index == 0 else "member")


def calendars() -> Files:
    doc = _doc("calendar", 2)
    doc.field(0, "id", "vse")
    doc.field(0, "name", "KPSS Liberec – všechny skupiny")
    doc.field(0, "description", "Jednání všech skupin komunitního plánování v Liberci.")
    yield "calendars/vse.yaml", doc.text()
    for gid, short, _kind, name, *_rest in (*czech.GROUPS, czech.JOINT):
        doc = _doc("calendar", 2)
        doc.field(0, "id", gid)
        doc.field(0, "name", f"KPSS Liberec – {short}")
        doc.field(0, "description", f"Jednání: {name}.")
        doc.items(0, "groups", [gid])
        doc.field(0, "refresh", "P1D")
        yield f"calendars/{gid}.yaml", doc.text()


def plan() -> Files:
    doc = _doc("plan", 2)
    doc.field(0, "id", "kp-2023-2027")
    doc.field(0, "name", "Komunitní plán sociálních služeb Liberec 2023–2027")
    doc.key(0, "period")
    doc.field(2, "from", 2023)
    doc.field(2, "until", 2027)
    doc.key(0, "phases")
    for month, text in (("2022-07", "rozhovory se zadavateli"), ("2022-08", "sběr dotazníků"),
                        ("2022-09", "velké setkání pracovních skupin"),
                        ("2023-01", "předložení dokumentu ke schválení orgánům města")):
        doc.field(4, "from", month, item=True)
        doc.field(4, "text", text)
    yield "plans/kp-2023-2027.yaml", doc.text()


def decisions(items: list[Decision]) -> Files:
    for decision in items:
        doc = _doc("decision", 2)
        for key, value in (("id", decision.id), ("kind", decision.kind),
                           ("meeting", decision.meeting.id), ("group", decision.meeting.group),
                           ("text", decision.text)):
            doc.field(0, key, value)
        doc.items(0, "assignees", [decision.assignee.id] if decision.assignee else [])
        doc.field(0, "due", decision.due)
        doc.field(0, "status", decision.status)
        yield f"decisions/{decision.id}.yaml", doc.text()


def meeting_path(meeting: Meeting) -> str:
    return f"meetings/{meeting.date.year}/{meeting.id}.yaml"


def random_for(seed: int, meeting: Meeting) -> random.Random:
    """A generator of its own per meeting: its text does not depend on the others."""
    return random.Random(f"{seed}:{meeting.id}")  # noqa: S311 - a seeded corpus, no secret
