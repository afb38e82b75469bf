"""What it flags: a `cancelled` meeting without a `cancellation_reason`.

Why it matters: a cancelled meeting stays in the calendar marked as cancelled, and the reason is
what members read there ("nemoc vedoucí skupiny", "přesunuto na společné setkání").
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP413"
NAME = "cancelled-without-reason"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        if meeting.status == "cancelled" and not meeting.cancellation_reason:
            yield Finding(CODE, meeting.file, ("status",), {"id": meeting.id})
