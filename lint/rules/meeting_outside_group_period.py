"""What it flags: a meeting dated before a group's `active.from` or after its `active.until`.

Why it matters: a group that did not exist yet, or no longer exists, cannot meet; usually the
meeting names the wrong group (the renamed successor, say) or the date has a typo.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Group, Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP406"
NAME = "meeting-outside-group-period"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ("group",)


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        for index, group_id in enumerate(meeting.groups):
            group = model.groups.get(group_id)
            if group is None:
                continue
            early = group.active_from is not None and meeting.date < group.active_from
            late = group.active_until is not None and meeting.date > group.active_until
            if early or late:
                yield Finding(CODE, meeting.file, ("groups", index),
                              {"group": group.short_name, "date": date_cs(meeting.date),
                               "period": period(group)})


def period(group: Group) -> str:
    """The active period as `1. 1. 2020 – 31. 12. 2021`, with `…` for an open end."""
    start = date_cs(group.active_from) if group.active_from else "…"
    until = date_cs(group.active_until) if group.active_until else "…"
    return f"{start} – {until}"
