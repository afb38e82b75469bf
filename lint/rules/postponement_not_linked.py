"""What it flags: a `postponed` meeting without `postponed_to`, and a `postponed_to` or
`postponed_from` whose meeting does not point back (`postponed_from` / `postponed_to`).

Why it matters: subscribers see the old date marked as postponed and need to find the new one;
the two records must name each other so the calendar and the minutes can link them.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Meeting, Repository
from lint.problem import Finding, Severity

CODE = "KP412"
NAME = "postponement-not-linked"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ("meeting",)

UNKNOWN = "…"


def check(model: Repository) -> Iterator[Finding]:
    successors = {m.postponed_from: m.id for m in model.meetings.values() if m.postponed_from}
    for meeting in model.meetings.values():
        if meeting.status == "postponed" and meeting.postponed_to is None:
            yield _finding(meeting, ("status",), meeting.id, "postponed_to",
                           successors.get(meeting.id, UNKNOWN))
        yield from _links(model, meeting)


def _links(model: Repository, meeting: Meeting) -> Iterator[Finding]:
    later = model.meetings.get(meeting.postponed_to or "")
    if later is not None and later.postponed_from != meeting.id:
        yield _finding(meeting, ("postponed_to",), later.id, "postponed_from", meeting.id)
    earlier = model.meetings.get(meeting.postponed_from or "")
    if earlier is not None and earlier.postponed_to != meeting.id:
        yield _finding(meeting, ("postponed_from",), earlier.id, "postponed_to", meeting.id)


def _finding(meeting: Meeting, pointer: tuple[str, ...], other: str, field: str,
             value: str) -> Finding:
    return Finding(CODE, meeting.file, pointer, {"other": other, "field": field, "value": value})
