"""The validated records as typed, frozen objects: what the rules and the sync work on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from zoneinfo import ZoneInfo

PRAGUE = ZoneInfo("Europe/Prague")
DEFAULT_MEETING_LENGTH = 120
"""Minutes a meeting lasts when neither its record nor its group says (group `meeting_length`)."""


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _time(value: Any) -> dt.time | None:
    return dt.time.fromisoformat(value) if isinstance(value, str) else None


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, list) else ()


@dataclass(frozen=True)
class Record:
    """What every record has: its id, the file it lives in, and its validated data."""

    id: str
    file: str
    data: Mapping[str, Any] = field(repr=False, compare=False)


class Span(Protocol):
    """A record that is a day or a span of days (times optional) in the calendars it names:
    what sync/ical.py's "dates" events and the site's date lists read (lint/kinds.py)."""

    @property
    def id(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def label(self) -> str:
        """What kind of date it is, in Czech (uzávěrka, výzva, …)."""
    @property
    def first_day(self) -> dt.date: ...
    @property
    def last_day(self) -> dt.date:
        """Inclusive; the first day for a one-day item."""
    @property
    def start_time(self) -> dt.time | None: ...
    @property
    def end_time(self) -> dt.time | None: ...
    @property
    def month_only(self) -> bool:
        """Only the month is known: the days are the month's first and last."""
    @property
    def tentative(self) -> bool: ...
    @property
    def calendars(self) -> tuple[str, ...]: ...
    @property
    def reported_at(self) -> str | None:
        """The meeting whose minutes reported it."""
    @property
    def description(self) -> str | None: ...
    @property
    def link(self) -> str | None: ...


@dataclass(frozen=True)
class Organisation(Record):
    name: str = ""
    abbreviation: str | None = None


@dataclass(frozen=True)
class Person(Record):
    name: str = ""
    organisation: str | None = None
    title_before: str | None = None
    title_after: str | None = None


@dataclass(frozen=True)
class Venue(Record):
    name: str = ""
    online: bool = False
    address: str | None = None
    rooms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Membership:
    index: int
    role: str
    person: str | None
    organisation: str | None
    start: dt.date | None
    until: dt.date | None
    status: str = "active"
    description: str | None = None
    """Who the member is when the entry names no person or organisation."""
    note: str | None = None

    def covers(self, day: dt.date) -> bool:
        """Whether the membership runs on `day` (open ends count as running)."""
        return ((self.start is None or self.start <= day)
                and (self.until is None or day <= self.until))


@dataclass(frozen=True)
class FormerName:
    """A name the group had before (its history)."""

    name: str
    short_name: str | None = None
    start: dt.date | None = None
    until: dt.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class Usual:
    """Where and when a group usually meets (its `usual`): what a new meeting's scaffold fills
    in when not told otherwise."""

    venue: str | None = None
    room: str | None = None
    start: dt.time | None = None
    end: dt.time | None = None


@dataclass(frozen=True)
class Group(Record):
    name: str = ""
    short_name: str = ""
    kind: str = ""
    active_from: dt.date | None = None
    active_until: dt.date | None = None
    members: tuple[Membership, ...] = ()
    calendar: str | None = None
    meeting_length: int | None = None
    """The group's usual meeting length in minutes, if the record gives one."""
    target_group: str | None = None
    description: str | None = None
    history: tuple[FormerName, ...] = ()
    usual: Usual = Usual()


@dataclass(frozen=True)
class Calendar(Record):
    name: str = ""
    description: str = ""
    groups: tuple[str, ...] = ()
    all: bool = False
    color: str | None = None
    refresh: str | None = None
    kinds: tuple[str, ...] = ("meeting",)
    """The kinds of records it shows (lint/kinds.py; kinds with calendar events)."""

    def takes(self, kind: str) -> bool:
        return kind in self.kinds

    @property
    def shows_all(self) -> bool:
        """`all: true`, or no `groups` list at all, means every group (docs/record-format.md)."""
        return self.all or "groups" not in self.data

    def shows(self, group_ids: tuple[str, ...]) -> bool:
        return self.shows_all or any(g in self.groups for g in group_ids)


@dataclass(frozen=True)
class Attendee:
    index: int
    person: str
    note: str | None = None


@dataclass(frozen=True)
class TaskCheck:
    index: int
    task: str
    status: str
    note: str | None = None


@dataclass(frozen=True)
class Report:
    """What a member reported under an agenda item (informace od členů)."""

    text: str
    person: str | None = None
    organisation: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    number: int
    """From 1, as the minutes count."""
    title: str
    content: str | None = None
    presenters: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    reports: tuple[Report, ...] = ()


@dataclass(frozen=True)
class Link:
    url: str
    title: str | None = None


@dataclass(frozen=True)
class Meeting(Record):
    groups: tuple[str, ...] = ()
    title: str | None = None
    date: dt.date = dt.date.min
    start: dt.time | None = None
    end: dt.time | None = None
    venue: str | None = None
    room: str | None = None
    status: str = "planned"
    present: tuple[Attendee, ...] = ()
    excused: tuple[Attendee, ...] = ()
    guests: tuple[Attendee, ...] = ()
    task_checks: tuple[TaskCheck, ...] = ()
    minutes_status: str | None = None
    postponed_to: str | None = None
    postponed_from: str | None = None
    cancellation_reason: str | None = None
    facilitators: tuple[str, ...] = ()
    minutes_author: str | None = None
    agenda: tuple[AgendaItem, ...] = ()
    method: str | None = None
    method_description: str | None = None
    facilitators_note: str | None = None
    expected_count: int | None = None
    expected_note: str | None = None
    minutes_approved_at: str | None = None
    minutes_note: str | None = None
    next_meeting: str | None = None
    links: tuple[Link, ...] = ()
    note: str | None = None

    @property
    def starts_at(self) -> dt.datetime | None:
        """Start as an aware Europe/Prague datetime, or None for a date-only meeting."""
        if self.start is None:
            return None
        return dt.datetime.combine(self.date, self.start, PRAGUE)

    @property
    def ends_at(self) -> dt.datetime | None:
        if self.start is None or self.end is None:
            return None
        return dt.datetime.combine(self.date, self.end, PRAGUE)

    def usual_length(self, groups: Mapping[str, Group]) -> dt.timedelta:
        """How long the meeting is taken to last when its record gives no end: the longest
        usual length among its groups, DEFAULT_MEETING_LENGTH for a group that gives none."""
        lengths = [groups[g].meeting_length or DEFAULT_MEETING_LENGTH
                   for g in self.groups if g in groups]
        return dt.timedelta(minutes=max(lengths, default=DEFAULT_MEETING_LENGTH))

    @property
    def attendees(self) -> tuple[Attendee, ...]:
        return self.present + self.excused + self.guests

    @property
    def takes_place(self) -> bool:
        """Planned or held: occupies its people and its room (cancelled and postponed do not)."""
        return self.status in ("planned", "held")


@dataclass(frozen=True)
class Decision(Record):
    kind: str = "task"
    meeting: str = ""
    group: str = ""
    status: str = "open"
    due: dt.date | None = None
    assignees: tuple[str, ...] = ()
    text: str = ""
    agenda_item: int | None = None
    assignee_organisations: tuple[str, ...] = ()
    assignee_note: str | None = None
    due_note: str | None = None


@dataclass(frozen=True)
class Phase:
    """A step of a plan's timeline, by months (`YYYY-MM`)."""

    start: str
    text: str
    until: str | None = None
    people: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Excluded:
    name: str
    reason: str | None = None


@dataclass(frozen=True)
class Plan(Record):
    name: str = ""
    period_from: str = ""
    period_until: str = ""
    territory: str | None = None
    decided_at: str | None = None
    phases: tuple[Phase, ...] = ()
    excluded: tuple[Excluded, ...] = ()
    links: tuple[Link, ...] = ()
    note: str | None = None


DATED_TYPES_CS: Mapping[str, str] = {
    "deadline": "uzávěrka", "call": "výzva", "campaign": "akce", "project": "projekt",
    "decision": "rozhodnutí", "opening": "otevření", "milestone": "etapa", "other": "termín"}
"""A dated item's `type` in Czech words (schemas/dated.schema.json)."""


@dataclass(frozen=True)
class Dated(Record):
    """A date or date range the minutes report (termín): a Span in calendars and on the site."""

    type: str = "other"
    title: str = ""
    first_day: dt.date = dt.date.min
    end: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    month_only: bool = False
    tentative: bool = False
    organisation: str | None = None
    reported_at: str | None = None
    agenda_item: int | None = None
    calendars: tuple[str, ...] = ()
    description: str | None = None
    link: str | None = None

    @property
    def last_day(self) -> dt.date:
        return self.end or self.first_day

    @property
    def label(self) -> str:
        return DATED_TYPES_CS.get(self.type, self.type)


@dataclass(frozen=True)
class Repository:
    """Every valid record by kind and id, and the context the rules judge them in."""

    today: dt.date
    organisations: Mapping[str, Organisation] = field(default_factory=dict)
    people: Mapping[str, Person] = field(default_factory=dict)
    venues: Mapping[str, Venue] = field(default_factory=dict)
    groups: Mapping[str, Group] = field(default_factory=dict)
    calendars: Mapping[str, Calendar] = field(default_factory=dict)
    meetings: Mapping[str, Meeting] = field(default_factory=dict)
    decisions: Mapping[str, Decision] = field(default_factory=dict)
    plans: Mapping[str, Plan] = field(default_factory=dict)
    dates: Mapping[str, Dated] = field(default_factory=dict)
    known_ids: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Ids per kind, including records that failed the schema (so references to them resolve)."""
    files: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Files per kind (valid or not), for identity rules."""
    raw: Mapping[str, tuple[str, Any]] = field(default_factory=dict)
    """File → (kind, data) for every file that parsed, valid or not."""
    base: Mapping[str, Any] | None = None
    """File → data at the `--base` git ref, for files that existed there; None without --base."""


def _attendees(items: Any) -> tuple[Attendee, ...]:
    result = []
    for index, item in enumerate(_tuple(items)):
        if isinstance(item, str):
            result.append(Attendee(index, item))
        else:
            result.append(Attendee(index, item["person"], item.get("note")))
    return tuple(result)


def _memberships(items: Any) -> tuple[Membership, ...]:
    return tuple(
        Membership(index, m["role"], m.get("person"), m.get("organisation"),
                   _date(m.get("from")), _date(m.get("until")), m.get("status", "active"),
                   m.get("description"), m.get("note"))
        for index, m in enumerate(_tuple(items))
    )


def build_organisation(base: dict[str, Any], d: Mapping[str, Any]) -> Organisation:
    return Organisation(**base, name=d["name"], abbreviation=d.get("abbreviation"))


def build_person(base: dict[str, Any], d: Mapping[str, Any]) -> Person:
    return Person(**base, name=d["name"], organisation=d.get("organisation"),
                  title_before=d.get("title_before"), title_after=d.get("title_after"))


def build_venue(base: dict[str, Any], d: Mapping[str, Any]) -> Venue:
    return Venue(**base, name=d["name"], online=d.get("kind") == "online",
                 address=d.get("address"), rooms=_tuple(d.get("rooms")))


def build_group(base: dict[str, Any], d: Mapping[str, Any]) -> Group:
    active = d.get("active") or {}
    return Group(**base, name=d["name"], short_name=d["short_name"], kind=d["kind"],
                 active_from=_date(active.get("from")), active_until=_date(active.get("until")),
                 members=_memberships(d.get("members")), calendar=d.get("calendar"),
                 meeting_length=d.get("meeting_length"), target_group=d.get("target_group"),
                 description=d.get("description"), history=tuple(
                     FormerName(h["name"], h.get("short_name"), _date(h.get("from")),
                                _date(h.get("until")), h.get("note"))
                     for h in _tuple(d.get("history"))), usual=_usual(d.get("usual") or {}))


def _usual(d: Mapping[str, Any]) -> Usual:
    return Usual(venue=d.get("venue"), room=d.get("room"), start=_time(d.get("start")),
                 end=_time(d.get("end")))


def build_calendar(base: dict[str, Any], d: Mapping[str, Any]) -> Calendar:
    return Calendar(**base, name=d["name"], description=d.get("description", ""),
                    groups=_tuple(d.get("groups")), all=bool(d.get("all")),
                    color=d.get("color"), refresh=d.get("refresh"),
                    kinds=_tuple(d["kinds"]) if "kinds" in d else ("meeting",))


def build_decision(base: dict[str, Any], d: Mapping[str, Any]) -> Decision:
    return Decision(**base, kind=d["kind"], meeting=d["meeting"], group=d["group"],
                    status=d["status"], due=_date(d.get("due")),
                    assignees=_tuple(d.get("assignees")), text=d.get("text", ""),
                    agenda_item=d.get("agenda_item"),
                    assignee_organisations=_tuple(d.get("assignee_organisations")),
                    assignee_note=d.get("assignee_note"), due_note=d.get("due_note"))


def build_plan(base: dict[str, Any], d: Mapping[str, Any]) -> Plan:
    period = d.get("period") or {}
    return Plan(
        **base, name=d["name"], period_from=str(period.get("from", "")),
        period_until=str(period.get("until", "")), territory=d.get("territory"),
        decided_at=d.get("decided_at"), note=d.get("note"),
        phases=tuple(Phase(p["from"], p["text"], p.get("until"), _tuple(p.get("people")),
                           p.get("note")) for p in _tuple(d.get("phases"))),
        excluded=tuple(Excluded(e["name"], e.get("reason")) for e in _tuple(d.get("excluded"))),
        links=tuple(Link(x["url"], x.get("title")) for x in _tuple(d.get("links"))))


def build_meeting(base: dict[str, Any], d: Mapping[str, Any]) -> Meeting:
    attendance = d.get("attendance") or {}
    minutes = d.get("minutes") or {}
    checks = tuple(TaskCheck(i, c["task"], c["status"], c.get("note"))
                   for i, c in enumerate(_tuple(d.get("task_checks"))))
    return Meeting(
        **base, groups=_tuple(d["groups"]), title=d.get("title"),
        date=dt.date.fromisoformat(d["date"]), start=_time(d.get("start")),
        end=_time(d.get("end")), venue=d.get("venue"), room=d.get("room"), status=d["status"],
        present=_attendees(attendance.get("present")),
        excused=_attendees(attendance.get("excused")), guests=_attendees(attendance.get("guests")),
        task_checks=checks, minutes_status=minutes.get("status"),
        postponed_to=d.get("postponed_to"), postponed_from=d.get("postponed_from"),
        cancellation_reason=d.get("cancellation_reason"),
        facilitators=_tuple(d.get("facilitators")), minutes_author=minutes.get("author"),
        agenda=_agenda(d.get("agenda")), **_meeting_extras(d),
    )


def _agenda(items: Any) -> tuple[AgendaItem, ...]:
    return tuple(
        AgendaItem(n, item["title"], item.get("content"), _tuple(item.get("presenters")),
                   _tuple(item.get("organisations")),
                   tuple(Report(r["text"], r.get("person"), r.get("organisation"),
                                r.get("group")) for r in _tuple(item.get("reports"))))
        for n, item in enumerate(_tuple(items), 1))


def _meeting_extras(d: Mapping[str, Any]) -> dict[str, Any]:
    """What only the site shows of a meeting: method, expected attendance, links, notes."""
    method = d.get("method") or {}
    expected = d.get("expected_attendance") or {}
    minutes = d.get("minutes") or {}
    return {
        "method": method.get("name"), "method_description": method.get("description"),
        "facilitators_note": d.get("facilitators_note"),
        "expected_count": expected.get("count"), "expected_note": expected.get("note"),
        "minutes_approved_at": minutes.get("approved_at"), "minutes_note": minutes.get("note"),
        "next_meeting": d.get("next_meeting"), "note": d.get("note"),
        "links": tuple(Link(x["url"], x.get("title")) for x in _tuple(d.get("links"))),
    }


def build_dated(base: dict[str, Any], d: Mapping[str, Any]) -> Dated:
    return Dated(
        **base, type=d["type"], title=d["title"], first_day=dt.date.fromisoformat(d["start"]),
        end=_date(d.get("end")), start_time=_time(d.get("start_time")),
        end_time=_time(d.get("end_time")), month_only=d.get("precision") == "month",
        tentative=bool(d.get("tentative")), organisation=d.get("organisation"),
        reported_at=d["reported_at"], agenda_item=d.get("agenda_item"),
        calendars=_tuple(d["calendars"]), description=d.get("description"), link=d.get("link"))
