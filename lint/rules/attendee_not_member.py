"""What it flags: a person present at a meeting who is not an active member (in any role) of any
of the meeting's groups on that date. Groups that list no members, and joint meetings, are left
out: anyone may come to those.

Why it matters: it is only a note, but often it means a membership was never written down (a new
member, a change of the organisation's representative), and the group's list is out of date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping

from lint.model import Attendee, Group, Meeting, Membership, Repository
from lint.problem import Finding, Severity

CODE = "KP501"
NAME = "attendee-not-member"
SEVERITY = Severity.INFO
READS: tuple[str, ...] = ("group", "person")

Roster = Mapping[str, tuple[Membership, ...]]


def check(model: Repository) -> Iterator[Finding]:
    rosters = {g.id: _roster(g) for g in model.groups.values()
               if g.members and g.kind != "joint-meeting"}
    always = {gid: _always(roster) for gid, roster in rosters.items()}
    for meeting in model.meetings.values():
        judged = [g for g in meeting.groups if g in rosters]
        if not judged:
            continue
        unsure = [a for a in meeting.present if not any(a.person in always[g] for g in judged)]
        if unsure:
            names = ", ".join(model.groups[g].short_name for g in judged)
            yield from _strangers(meeting, unsure, [rosters[g] for g in judged], names)


def _always(roster: Roster) -> set[str]:
    """People with an active membership open at both ends: members on any date."""
    return {person for person, entries in roster.items()
            if any(m.status == "active" and m.start is None and m.until is None
                   for m in entries)}


def _strangers(meeting: Meeting, attendees: list[Attendee], rosters: list[Roster],
               names: str) -> Iterator[Finding]:
    for attendee in attendees:
        if not any(m.status == "active" and m.covers(meeting.date)
                   for roster in rosters for m in roster.get(attendee.person, ())):
            yield Finding(CODE, meeting.file, ("attendance", "present", attendee.index),
                          {"person": attendee.person, "groups": names})


def _roster(group: Group) -> Roster:
    """Person → their membership entries in the group."""
    found: dict[str, list[Membership]] = defaultdict(list)
    for membership in group.members:
        if membership.person is not None:
            found[membership.person].append(membership)
    return {person: tuple(entries) for person, entries in found.items()}
