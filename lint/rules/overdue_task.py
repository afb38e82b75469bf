"""What it flags: a task still `open` or `in-progress` whose `due` date has passed.

Why it matters: an overdue task belongs on the next meeting's agenda (kontrola úkolů); the
warning lists them so that nothing agreed at a meeting is quietly forgotten.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP604"
NAME = "overdue-task"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for decision in model.decisions.values():
        if (decision.kind == "task" and decision.status in ("open", "in-progress")
                and decision.due is not None and decision.due < model.today):
            yield Finding(CODE, decision.file, ("due",),
                          {"due": date_cs(decision.due), "status": decision.status})
