"""The robustness matrix: every test of this folder records one row per input or fault it tried;
the last test (test_report.py) turns the rows into docs/robustness.md.

Rows hold only what is the same in every run (codes, message keys, counts), plus elapsed times,
which the comparison with the committed document leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from messages import CATALOGUES

ROWS: dict[str, dict[str, Row]] = {}
"""section → row id → row, filled while the tests run."""


@dataclass
class Row:
    section: str
    id: str
    outcome: str
    """What happened, in a few words (exit code, message key, codes found)."""
    ok: bool
    """It is what the test expects; a known bug (a strict xfail) records False with `bug`."""
    bug: str = ""
    seconds: float | None = None
    numbers: dict[str, int] = field(default_factory=dict)
    """Counts for the totals: inputs, faults, converged, lost, duplicates, ..."""
    cells: dict[str, str] = field(default_factory=dict)
    """Further columns of this section's table."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def record(row: Row) -> Row:
    ROWS.setdefault(row.section, {})[row.id] = row
    return row


def total(name: str, rows: Iterable[Row] | None = None) -> int:
    chosen = rows if rows is not None else (r for s in ROWS.values() for r in s.values())
    return sum(r.numbers.get(name, 0) for r in chosen)


_PLACEHOLDER = re.compile(r"\\\{[a-z_]+\\\}")


SYNC = "sync."
"""The sync's keys in messages/; a row names one without this prefix."""


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, list[str]] = {}
    for texts in CATALOGUES.values():
        for key, text in texts.items():
            if key.startswith(SYNC):
                pattern = _PLACEHOLDER.sub(".*?", re.escape(text))
                found.setdefault(key.removeprefix(SYNC), []).append(pattern)
    return {key: re.compile("|".join(f"(?:{p})" for p in pats), re.DOTALL)
            for key, pats in found.items()}


_MESSAGE_PATTERNS = _patterns()


_ISOLATED = re.compile(r"\S+: (?:kalendář se nepodařilo synchronizovat\.|\S+ se nezapsalo\.) ")


def message_key(stderr: str) -> str:
    """Which of the sync's messages (messages/, without `sync.`) it printed last on stderr, or
    ''."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1].strip()
    # A refusal of one calendar or event is said with the calendar (and record) first; the
    # run went on with the others (sync/cli.py): the reason's own message is what counts.
    wrapped = _ISOLATED.match(last)
    last = last[wrapped.end():] if wrapped else last
    keys = [k for k, p in _MESSAGE_PATTERNS.items() if p.fullmatch(last)]
    # The most specific template wins (`unknown_calendar_close` over `unknown_calendar`).
    return max(keys, key=lambda k: len(CATALOGUES["en"][SYNC + k])) if keys else "?"


def table(header: Mapping[str, str], rows: Iterable[Mapping[str, str]]) -> str:
    """A Markdown table; `header` maps keys to column titles."""
    lines = ["| " + " | ".join(header.values()) + " |",
             "| " + " | ".join("---" for _ in header) + " |"]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row.get(k, "")) for k in header) + " |")
    return "\n".join(lines)


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")
