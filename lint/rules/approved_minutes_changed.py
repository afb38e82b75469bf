"""What it flags: with `--base REF`, a meeting whose minutes were `approved` at REF and whose
record has changed since (any field, not only the minutes; key order does not count).

Why it matters: approved minutes are the group's agreed record and do not change; a later fact
(a correction, a task's progress) goes into a later meeting's record, where it is dated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP701"
NAME = "approved-minutes-changed"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for rel, before in (model.base or {}).items():
        kind, now = model.raw.get(rel, ("", None))
        if kind == "meeting" and _approved(before) and now != before:
            yield Finding(CODE, rel, ("minutes",), {"id": str(before.get("id", ""))}, key=True)


def _approved(data: Any) -> bool:
    minutes = data.get("minutes") if isinstance(data, dict) else None
    return isinstance(minutes, dict) and minutes.get("status") == "approved"
