"""What it flags: a value still reading `TODO` (or starting with it), left by the scaffold
(`python -m edit`) where something has to be filled in.

Why it matters: a placeholder that reaches main ends up in the public calendar and minutes;
flagging it keeps a half-written record in its pull request until someone fills it in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lint.model import Repository
from lint.problem import Finding, Pointer, Severity

CODE = "KP306"
NAME = "unfilled-placeholder"
SEVERITY = Severity.ERROR
MARKER = "TODO"


def check(model: Repository) -> Iterator[Finding]:
    for rel, (_kind, data) in model.raw.items():
        for pointer in _placeholders(data, ()):
            yield Finding(CODE, rel, pointer, {"field": ".".join(map(str, pointer))})


def _placeholders(value: Any, at: Pointer) -> Iterator[Pointer]:
    if isinstance(value, str):
        if value.lstrip().startswith(MARKER):
            yield at
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders(item, (*at, index))
