"""What it flags: a value still reading `TODO` (or starting with it), left by the scaffold
(`python -m edit`) where something has to be filled in.

Why it matters: a placeholder that reaches main ends up in the public calendar and minutes;
flagging it keeps a half-written record in its pull request until someone fills it in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lint.model import Repository
from lint.problem import Finding, Severity
from lint.schema import walk

CODE = "KP306"
NAME = "unfilled-placeholder"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()
MARKER = "TODO"
_PLACEHOLDER = re.compile(r"(?:^|\n)\s*(?:[-*]\s*)?TODO\b")
"""TODO at the start of the value or of one of its lines (also as a Markdown list item)."""


def check(model: Repository) -> Iterator[Finding]:
    for rel, (_kind, data) in model.raw.items():
        if not _mentions_marker([data]):  # the cheap test first: most records have no TODO
            continue
        for pointer, value in walk(data):
            if isinstance(value, str) and _PLACEHOLDER.search(value):
                yield Finding(CODE, rel, pointer, {"field": ".".join(map(str, pointer))})


def _mentions_marker(value: Any) -> bool:
    """Whether any string in the record contains the marker, without building pointers."""
    items = value.values() if isinstance(value, dict) else value
    for item in items:
        if isinstance(item, str):
            if MARKER in item:
                return True
        elif isinstance(item, dict | list) and _mentions_marker(item):
            return True
    return False
