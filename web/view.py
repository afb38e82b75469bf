"""What the pages ask of the records: meetings in order, a group's members, a task's checks.

Only reads the validated model; every list it returns is sorted, so the site is the same for
the same records.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from lint.kinds import records
from lint.model import (
    Calendar,
    Decision,
    Group,
    Meeting,
    Membership,
    Phase,
    Repository,
    Span,
    TaskCheck,
)
from web import text
from web.archive import Archive
from web.publisher import Publisher
from web.subscribe import Subscription, subscription

RECENT = dt.timedelta(days=90)
"""How far back "Nedávná jednání" reach from --today."""
SHORT_LIST = 10
"""How many meetings a page shows in a short list; the rest are on the archive's pages."""
OPEN = ("open", "in-progress")


@dataclass(frozen=True)
class Check:
    """A task's check at a later meeting (kontrola úkolů)."""

    meeting: Meeting
    check: TaskCheck


def _when(meeting: Meeting) -> tuple[dt.date, dt.time, str]:
    return meeting.date, meeting.start or dt.time.min, meeting.id


class View:
    """The repository as the pages read it, on a given day."""

    short_list = SHORT_LIST
    recent_days = RECENT.days

    def __init__(self, repo: Repository, today: dt.date, *, base_url: str | None = None,
                 calendar_url: str | None = None, publisher: Publisher | None = None) -> None:
        self.repo, self.today = repo, today
        self.base_url, self.calendar_url = base_url, calendar_url
        self.publisher = publisher or Publisher()

    @cached_property
    def meetings(self) -> list[Meeting]:
        """Every meeting, oldest first."""
        return sorted(self.repo.meetings.values(), key=_when)

    def coming(self, group_id: str | None = None) -> list[Meeting]:
        """Meetings from today on, soonest first (cancelled ones too: they are shown struck)."""
        return [m for m in self.meetings
                if m.date >= self.today and (group_id is None or group_id in m.groups)]

    def recent(self, group_id: str | None = None) -> list[Meeting]:
        """Meetings of the last 90 days before today, newest first, at most SHORT_LIST."""
        since = self.today - RECENT
        found = [m for m in reversed(self.meetings) if since <= m.date < self.today
                 and (group_id is None or group_id in m.groups)]
        return found[:SHORT_LIST]

    def status(self, meeting: Meeting) -> str:
        """The one place that words a meeting's status for every page (web/text.py)."""
        return text.status(meeting, self.today)

    @cached_property
    def archive(self) -> Archive:
        return Archive(self)

    def next_meeting(self, group_id: str) -> Meeting | None:
        """The group's next meeting that takes place (not cancelled or postponed)."""
        return next((m for m in self.coming(group_id) if m.takes_place), None)

    def groups(self) -> list[Group]:
        """Steering group first, then working groups, then joint meetings; by name within."""
        order = {"steering-group": 0, "working-group": 1, "joint-meeting": 2}
        return sorted(self.repo.groups.values(), key=lambda g: (order.get(g.kind, 3), g.name))

    def group(self, group_id: str) -> Group | None:
        return self.repo.groups.get(group_id)

    def title(self, meeting: Meeting) -> str:
        """The meeting's title, or `Jednání <group>` when the record has none."""
        if meeting.title:
            return meeting.title
        return "Jednání " + ", ".join(self.short_name(g) for g in meeting.groups)

    def short_name(self, group_id: str) -> str:
        group = self.repo.groups.get(group_id)
        return group.short_name if group else group_id

    def person(self, person_id: str | None) -> str:
        """A person's name as the minutes use it, with academic titles."""
        person = self.repo.people.get(person_id or "")
        if person is None:
            return person_id or ""
        before, after = person.title_before, person.title_after
        name = f"{before} {person.name}" if before else person.name
        return f"{name}, {after}" if after else name

    def organisation(self, organisation_id: str | None) -> str:
        """An organisation's full name, with the abbreviation the minutes use."""
        org = self.repo.organisations.get(organisation_id or "")
        if org is None:
            return organisation_id or ""
        return f"{org.name} ({org.abbreviation})" if org.abbreviation else org.name

    def place(self, meeting: Meeting) -> list[str]:
        """Venue, room and address, each a line; `online` for an online meeting."""
        venue = self.repo.venues.get(meeting.venue or "")
        if venue is None:
            return [meeting.room] if meeting.room else []
        if venue.online:
            return ["online"]
        room = meeting.room
        if room and room[0].isdigit():
            room = f"místnost č. {room}"
        return [p for p in (venue.name, room, venue.address) if p]

    def member_name(self, member: Membership) -> str:
        """Who a membership is: the person, else the organisation, else its description."""
        if member.person:
            return self.person(member.person)
        if member.organisation:
            return self.organisation(member.organisation)
        return member.description or ""

    def members(self, group: Group) -> tuple[list[Membership], list[Membership]]:
        """The group's memberships: current, then former."""
        current = [m for m in group.members if m.until is None or m.until >= self.today]
        former = [m for m in group.members if m.until is not None and m.until < self.today]
        return current, former

    def decisions(self, *, meeting_id: str | None = None, group_id: str | None = None,
                  kind: str | None = None) -> list[Decision]:
        """Decisions and tasks, by the meeting that made them, then agenda item and id."""
        found = self._decisions_by_meeting.get(meeting_id, []) if meeting_id is not None \
            else self._decisions
        return [d for d in found if (group_id is None or d.group == group_id)
                and (kind is None or d.kind == kind)]

    @cached_property
    def _decisions(self) -> list[Decision]:
        return sorted(self.repo.decisions.values(), key=self._decision_order)

    @cached_property
    def _decisions_by_meeting(self) -> dict[str, list[Decision]]:
        found: dict[str, list[Decision]] = {}
        for decision in self._decisions:
            found.setdefault(decision.meeting, []).append(decision)
        return found

    def _decision_order(self, decision: Decision) -> tuple[dt.date, str, int, str]:
        meeting = self.repo.meetings.get(decision.meeting)
        when = meeting.date if meeting else dt.date.min
        return when, decision.meeting, decision.agenda_item or 0, decision.id

    def assignees(self, decision: Decision) -> str:
        """Who must do a task: people, organisations and the record's own words."""
        names = [self.person(p) for p in decision.assignees]
        names += [self.organisation(o) for o in decision.assignee_organisations]
        if decision.assignee_note:
            names.append(decision.assignee_note)
        return ", ".join(names) or "neuvedeno"

    def tasks(self, finished: bool) -> list[Decision]:
        """Open and in-progress tasks, or done and cancelled ones."""
        return [d for d in self.decisions(kind="task") if (d.status not in OPEN) == finished]

    def checks(self, task_id: str) -> list[Check]:
        """Every check of the task at a meeting, in the order of the meetings."""
        return self._checks.get(task_id, [])

    @cached_property
    def _checks(self) -> dict[str, list[Check]]:
        found: dict[str, list[Check]] = {}
        for meeting in self.meetings:
            for check in meeting.task_checks:
                found.setdefault(check.task, []).append(Check(meeting, check))
        return found

    def dated(self, kind: str) -> list[Span]:
        """Every record of a dated kind (lint/kinds.py, calendar "dates"), soonest first."""
        items = typing.cast("Mapping[str, Span]", records(self.repo, kind))
        return sorted(items.values(), key=lambda i: (i.first_day, i.start_time or dt.time.min,
                                                      i.id))

    def ahead(self, kind: str) -> list[Span]:
        """Every dated item not over yet (running or ahead), soonest first."""
        return [i for i in self.dated(kind) if i.last_day >= self.today]

    def upcoming(self, kind: str) -> list[Span]:
        """The home page's share of `ahead`: at most SHORT_LIST."""
        return self.ahead(kind)[:SHORT_LIST]

    def reported(self, kind: str, meeting_id: str) -> list[Span]:
        """The dated items the meeting's minutes reported."""
        return [i for i in self.dated(kind) if i.reported_at == meeting_id]

    def calendars(self) -> list[Calendar]:
        """Calendars of one group first (by name), the ones showing everything last."""
        return sorted(self.repo.calendars.values(), key=lambda c: (c.shows_all, c.name))

    def calendars_of(self, group_id: str) -> list[Calendar]:
        """The calendars that show the group's meetings: its own first."""
        group = self.repo.groups.get(group_id)
        own = group.calendar if group else None
        shown = [c for c in self.calendars() if c.shows((group_id,))]
        return sorted(shown, key=lambda c: (c.id != own, c.shows_all, c.name))

    def calendar_meetings(self, calendar: Calendar) -> list[Meeting]:
        return [m for m in self.coming() if calendar.shows(m.groups)]

    def subscription(self, calendar_id: str) -> Subscription:
        return subscription(calendar_id, base_url=self.base_url, calendar_url=self.calendar_url)

    def phase_state(self, phase: Phase) -> str:
        """`proběhlo`, `probíhá` or `připravuje se` for a plan phase's months, as of today."""
        this_month = f"{self.today.year:04d}-{self.today.month:02d}"
        start, until = phase.start, phase.until or phase.start
        if until < this_month:
            return "proběhlo"
        return "probíhá" if start <= this_month else "připravuje se"
