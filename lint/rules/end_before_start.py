"""What it flags: a meeting whose `end` is not after its `start` (`start: "16:00"`,
`end: "14:00"`), and an `end` given without a `start`.

Why it matters: a calendar cannot show an event that ends before it starts; most such cases are a
typo (`14:00` for `16:00`) that would otherwise publish a wrong time to every subscriber.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP401"
NAME = "end-before-start"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        if meeting.end is None:
            continue
        if meeting.start is None:
            yield Finding(CODE, meeting.file, ("end",),
                          {"start": "", "end": meeting.end.strftime("%H:%M"),
                           "reason": "end-without-start"})
        elif meeting.end <= meeting.start:
            yield Finding(CODE, meeting.file, ("end",),
                          {"start": meeting.start.strftime("%H:%M"),
                           "end": meeting.end.strftime("%H:%M"),
                           "reason": "end-not-after-start"})
