"""One held meeting's minutes as the city writes them (the seeds' layout): header, place, date
and time, attendance, the agenda with its content, decisions and tasks, who wrote them.

Everything the printable minutes show is gathered here into frozen dataclasses, with names
resolved as the site shows them, so the PDF's template reads no record data of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from lint import model
from lint.model import Attendee, Meeting
from web import text
from web.view import View

HEADER = "Komunitní plánování sociálních služeb regionu Liberec"


@dataclass(frozen=True)
class Report:
    """A member's report under an agenda item: who (person, organisation, group) and the text."""

    who: str
    text: str


@dataclass(frozen=True)
class Item:
    """One agenda item: its title, who presented it and the minutes' Markdown."""

    number: int
    title: str
    presenters: tuple[str, ...]
    organisations: tuple[str, ...]
    content: str
    reports: tuple[Report, ...]


@dataclass(frozen=True)
class Task:
    """A decision or task the meeting made: kind (usnesení / úkol), text, who and by when."""

    kind: str
    text: str
    assignees: str
    due: str


@dataclass(frozen=True)
class Minutes:
    """What the printed minutes show, in the seeds' order."""

    meeting: Meeting
    groups: tuple[str, ...]
    title: str
    place: str
    when: str
    present: tuple[str, ...]
    excused: tuple[str, ...]
    guests: tuple[str, ...]
    items: tuple[Item, ...]
    tasks: tuple[Task, ...]
    next: str
    author: str

    @property
    def header(self) -> str:
        """`KOMUNITNÍ PLÁNOVÁNÍ … LIBEREC – ŘÍDICÍ PRACOVNÍ SKUPINA`, as on every seed page."""
        return f"{HEADER} – {', '.join(self.groups)}".upper()


def printable(meeting: Meeting) -> bool:
    """Only a held meeting has minutes to print."""
    return meeting.status == "held"


def _names(view: View, attendees: tuple[Attendee, ...]) -> tuple[str, ...]:
    return tuple(view.person(a.person) + (f" ({a.note})" if a.note else "") for a in attendees)


def _group_name(view: View, group_id: str) -> str:
    group = view.group(group_id)
    return group.name if group else group_id


def _when(meeting: Meeting) -> str:
    if meeting.starts_at is None:
        return text.day(meeting.date)
    return f"{text.day(meeting.date)}, {text.hours(meeting)}"


def _report(view: View, report: model.Report) -> Report:
    who = [view.person(report.person)] if report.person else []
    if report.organisation:
        who.append(view.organisation(report.organisation))
    if report.group:
        who.append(f"({view.short_name(report.group)})")
    return Report(", ".join(who), report.text)


def _items(view: View, meeting: Meeting) -> tuple[Item, ...]:
    return tuple(
        Item(item.number, item.title, tuple(view.person(p) for p in item.presenters),
             tuple(view.organisation(o) for o in item.organisations), item.content or "",
             tuple(_report(view, r) for r in item.reports))
        for item in meeting.agenda)


def _tasks(view: View, meeting: Meeting) -> tuple[Task, ...]:
    return tuple(
        Task(text.DECISION_KIND.get(d.kind, d.kind), d.text.strip(),
             view.assignees(d) if d.kind == "task" else "", text.day(d.due) if d.due else "")
        for d in view.decisions(meeting_id=meeting.id))


def _next(view: View, meeting: Meeting) -> str:
    """`19. 10. 2022, 14:00, <place>`: the next meeting as the seeds end, if the record names it."""
    following = view.repo.meetings.get(meeting.next_meeting or "")
    if following is None:
        return ""
    return ", ".join([_when(following), *view.place(following)])


def minutes(view: View, meeting: Meeting) -> Minutes:
    """The minutes of `meeting` as the printed page shows them."""
    return Minutes(
        meeting=meeting, groups=tuple(_group_name(view, g) for g in meeting.groups),
        title=view.title(meeting), place=", ".join(view.place(meeting)) or "neuvedeno",
        when=_when(meeting), present=_names(view, meeting.present),
        excused=_names(view, meeting.excused), guests=_names(view, meeting.guests),
        items=_items(view, meeting), tasks=_tasks(view, meeting), next=_next(view, meeting),
        author=view.person(meeting.minutes_author) if meeting.minutes_author else "")
