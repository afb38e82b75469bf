"""What it flags: a decision or task whose `meeting` is not a meeting of the decision's `group`,
or is not `held`.

Why it matters: a resolution exists only because a group adopted it at a meeting that took
place; a wrong group or a planned meeting means the decision is filed under the wrong body.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP601"
NAME = "decision-meeting-mismatch"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ("meeting",)


def check(model: Repository) -> Iterator[Finding]:
    for decision in model.decisions.values():
        meeting = model.meetings.get(decision.meeting)
        if meeting is None:
            continue
        args = {"meeting": meeting.id, "group": decision.group, "status": meeting.status,
                "groups": ", ".join(meeting.groups)}
        if decision.group not in meeting.groups:
            yield Finding(CODE, decision.file, ("group",), {**args, "reason": "group"})
        if meeting.status != "held":
            yield Finding(CODE, decision.file, ("meeting",), {**args, "reason": "not-held"})
