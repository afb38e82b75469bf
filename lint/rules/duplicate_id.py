"""What it flags: two records of one kind with the same `id`.

Why it matters: a reference must name exactly one record; with two, which meeting a task
belongs to, or which person attended, becomes a guess.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP302"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    first: dict[tuple[str, str], str] = {}
    for rel, (kind, data) in sorted(model.raw.items()):
        record_id = data.get("id") if isinstance(data, dict) else None
        if not isinstance(record_id, str):
            continue
        seen = first.setdefault((kind, record_id), rel)
        if seen != rel:
            yield Finding(CODE, rel, ("id",), {"id": record_id, "other": seen})
