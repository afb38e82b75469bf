"""What it flags: a reference to a record that does not exist (a person, group, venue, meeting,
organisation, calendar or task id with no file of that name), with the closest existing id.

Why it matters: a typo in an id silently drops a person from the attendance or a meeting from a
calendar; the linter names the nearest id so the fix is one edit.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity
from lint.references import references

CODE = "KP303"
NAME = "unresolved-reference"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    candidates: dict[str, list[str]] = {}  # sorted once per kind, only when something is wrong
    for rel, (kind, data) in model.raw.items():
        for pointer, target, value in references(kind, data, unless_in=model.known_ids):
            if not value.startswith("TODO"):  # KP306 says it
                if target not in candidates:
                    candidates[target] = sorted(model.known_ids.get(target, ()))
                close = difflib.get_close_matches(value, candidates[target], n=1, cutoff=0.6)
                yield Finding(CODE, rel, pointer, {"id": value, "kind": target,
                                                    "suggestion": close[0] if close else ""})
