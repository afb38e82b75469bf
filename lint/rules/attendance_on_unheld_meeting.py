"""What it flags: people listed as `present`, or `minutes`, on a meeting that is not `held`
(planned, cancelled or postponed). Apologies (`excused`) in advance are fine.

Why it matters: attendance and minutes are facts of a meeting that took place; on a planned one
they mean the status was not updated after the meeting, on a cancelled one they are wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP414"
NAME = "attendance-on-unheld-meeting"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        if meeting.status == "held":
            continue
        if meeting.present:
            yield Finding(CODE, meeting.file, ("attendance", "present"),
                          {"status": meeting.status, "field": "attendance.present"}, key=True)
        if meeting.minutes_status is not None:
            yield Finding(CODE, meeting.file, ("minutes",),
                          {"status": meeting.status, "field": "minutes"}, key=True)
