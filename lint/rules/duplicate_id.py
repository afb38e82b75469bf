"""What it flags: two records of one kind with the same `id`, or two records of kinds that
become calendar events (meetings, dated items, …) with the same `id`.

Why it matters: a reference must name exactly one record; with two, which meeting a task
belongs to, or which person attended, becomes a guess. An event's UID is its record's id
(`<id>@kpss`, sync/ical.py) whatever the kind, so a dated item with a meeting's id would be a
second event with the same UID, and one of them would replace the other on the server.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.kinds import KINDS
from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP302"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()

_ORDER = {k.name: index for index, k in enumerate(KINDS)}
_EVENTS = "events"
"""The one id space of every kind with calendar events (lint/kinds.py `calendar`)."""
_SPACE = {k.name: _EVENTS if k.calendar else k.name for k in KINDS}


def check(model: Repository) -> Iterator[Finding]:
    first: dict[tuple[str, str], str] = {}
    # The kind declared first keeps its id (a meeting before a dated item), then the file.
    for rel, (kind, data) in sorted(model.raw.items(),
                                    key=lambda r: (_ORDER.get(r[1][0], len(_ORDER)), r[0])):
        record_id = data.get("id") if isinstance(data, dict) else None
        if not isinstance(record_id, str):
            continue
        seen = first.setdefault((_SPACE.get(kind, kind), record_id), rel)
        if seen != rel:
            yield Finding(CODE, rel, ("id",), {"id": record_id, "other": seen})
