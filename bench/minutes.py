"""One synthetic meeting record: the header, and for a held meeting attendance, an agenda with
minutes-like Czech content, the check of earlier tasks and the minutes' author."""

from __future__ import annotations

import random

from bench import czech
from bench.cast import Cast, Person
from bench.schedule import Meeting
from bench.yamltext import Doc

MODELINE = "# yaml-language-server: $schema=../../../schemas/meeting.schema.json"
_GROUPS = {g[0]: g for g in (*czech.GROUPS, czech.JOINT)}
_ORGS = [o[0] for o in czech.ORGANISATIONS]
_ABBREVIATIONS = [o[1] for o in czech.ORGANISATIONS]
_CHECKED = {"done": "splněno", "cancelled": "úkol zrušen, už není aktuální"}


def meeting_text(rng: random.Random, meeting: Meeting, cast: Cast) -> str:
    doc = Doc(MODELINE)
    _header(doc, meeting)
    if meeting.status == "cancelled":
        doc.field(0, "cancellation_reason", rng.choice(czech.REASONS))
    elif meeting.status == "held" and meeting.group == czech.JOINT[0]:
        _joint(rng, doc, cast)
    elif meeting.status == "held":
        _attendance(doc, meeting)
        _agenda(rng, doc, meeting)
        _checks(doc, meeting)
        _minutes(doc, meeting.present[0], meeting.draft)
    elif meeting.status == "planned" and rng.random() < 0.5:
        doc.key(0, "agenda")
        for title in rng.sample(czech.AGENDA, 2):
            doc.field(4, "title", title, item=True)
    doc.field(0, "next_meeting", meeting.next_meeting)
    return doc.text()


def _header(doc: Doc, meeting: Meeting) -> None:
    _gid, short, _kind, _name, _target, (venue, room) = _GROUPS[meeting.group]
    doc.field(0, "id", meeting.id)
    doc.items(0, "groups", [meeting.group])
    doc.field(0, "title", f"Jednání {short}")
    doc.field(0, "date", meeting.date)
    doc.field(0, "start", meeting.start)
    doc.field(0, "end", meeting.end)
    doc.field(0, "venue", "online" if meeting.online else venue)
    doc.field(0, "room", None if meeting.online else room)
    doc.field(0, "status", meeting.status)
    doc.field(0, "postponed_to", meeting.postponed_to)
    doc.field(0, "postponed_from", meeting.postponed_from)


def _attendance(doc: Doc, meeting: Meeting) -> None:
    doc.key(0, "attendance")
    doc.items(2, "present", [p.id for p in meeting.present])
    if meeting.excused:
        doc.key(2, "excused")
        for index, person in enumerate(meeting.excused):
            doc.field(6, "person", person.id, item=True)
            doc.field(6, "note", "nemoc" if index % 2 else "dovolená")
    doc.items(2, "guests", [p.id for p in meeting.guests])


def _agenda(rng: random.Random, doc: Doc, meeting: Meeting) -> None:
    doc.key(0, "agenda")
    if meeting.checks:
        doc.field(4, "title", "Kontrola úkolů z minulého jednání", item=True)
        lines = [f"- {task}: {_CHECKED[status]}" for task, status in meeting.checks]
        doc.block(4, "content", "\n".join(lines))
    for title in rng.sample(czech.AGENDA, rng.randint(2, 4)):
        doc.field(4, "title", title, item=True)
        presenter = rng.choice(meeting.present)
        if rng.random() < 0.3:
            doc.items(4, "presenters", [presenter.id])
        if rng.random() < 0.5:
            doc.items(4, "organisations", sorted(rng.sample(_ORGS, rng.randint(1, 3))))
        doc.block(4, "content", _content(rng, meeting, presenter))
        if rng.random() < 0.1:
            _report(rng, doc, meeting, presenter)


def _content(rng: random.Random, meeting: Meeting, presenter: Person) -> str:
    lines = []
    for _ in range(rng.randint(2, 6)):
        speaker = presenter if rng.random() < 0.5 else rng.choice(meeting.present)
        text = czech.sentence(rng, speaker.speaker, meeting.date, rng.choice(_ABBREVIATIONS))
        lines.append(f"- {text}")
    if rng.random() < 0.2:
        lines.insert(0, f"**{rng.choice(czech.TOPICS).capitalize()}**")
        lines.insert(1, "")
    return "\n".join(lines)


def _report(rng: random.Random, doc: Doc, meeting: Meeting, person: Person) -> None:
    doc.key(4, "reports")
    doc.field(8, "person", person.id, item=True)
    doc.field(8, "group", meeting.group)
    text = czech.sentence(rng, person.speaker, meeting.date, rng.choice(_ABBREVIATIONS))
    doc.block(8, "text", text)


def _checks(doc: Doc, meeting: Meeting) -> None:
    if meeting.checks:
        doc.key(0, "task_checks")
    for task, status in meeting.checks:
        doc.field(4, "task", task, item=True)
        doc.field(4, "status", status)


def _minutes(doc: Doc, author: Person, draft: bool) -> None:
    doc.key(0, "minutes")
    doc.field(2, "author", author.id)
    doc.field(2, "status", "draft" if draft else "approved")


def _joint(rng: random.Random, doc: Doc, cast: Cast) -> None:
    """A joint meeting: World café led by managers, attendance counted rather than listed."""
    doc.key(0, "method")
    doc.field(2, "name", "World café")
    doc.items(0, "facilitators", [p.id for p in rng.sample(cast.managers(), 4)])
    doc.key(0, "expected_attendance")
    doc.field(2, "count", rng.randint(30, 70))
    doc.key(0, "agenda")
    for title in ("Úvod a představení výstupů skupin", "Diskuze u stolů (World café)"):
        doc.field(4, "title", title, item=True)
    _minutes(doc, cast.members["rps"][1], draft=False)
