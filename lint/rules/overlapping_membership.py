"""What it flags: two membership entries of one person in one group whose periods overlap (an
entry without `from` or `until` runs from the beginning or to the end of time).

Why it matters: a change of role (member → manager) is written as one entry ending and the next
beginning; overlapping entries leave the person's role on those days undefined, and usually mean
a missing `until`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from lint.model import Group, Membership, Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP502"
NAME = "overlapping-membership"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for group in model.groups.values():
        yield from _group(group)


def _group(group: Group) -> Iterator[Finding]:
    by_person: dict[str, list[Membership]] = defaultdict(list)
    for membership in group.members:
        if membership.person is not None:
            by_person[membership.person].append(membership)
    for person, entries in by_person.items():
        entries.sort(key=lambda m: (m.start or dt.date.min, m.index))
        reach = entries[0]  # the entry running longest so far
        for later in entries[1:]:
            if (later.start or dt.date.min) <= _end(reach):
                yield Finding(CODE, group.file, ("members", later.index),
                              {"person": person, "other": reach.index + 1,
                               "until": _until(reach)})
            if _end(later) > _end(reach):
                reach = later


def _end(membership: Membership) -> dt.date:
    return membership.until or dt.date.max


def _until(membership: Membership) -> str:
    return date_cs(membership.until) if membership.until else "…"
