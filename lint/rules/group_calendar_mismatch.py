"""What it flags: a group whose `calendar` names a calendar that does not show that group (the
calendar neither has `all: true` nor lists the group in its `groups`).

Why it matters: members subscribe to the calendar named in the group; if that calendar does not
show the group, its meetings never reach the people who subscribed for them.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP305"
NAME = "group-calendar-mismatch"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ("calendar",)


def check(model: Repository) -> Iterator[Finding]:
    for group in model.groups.values():
        calendar = model.calendars.get(group.calendar or "")
        if calendar is not None and not calendar.shows((group.id,)):
            yield Finding(CODE, group.file, ("calendar",),
                          {"group": group.id, "calendar": calendar.id})
