"""The one problem type shared by parse, schema and rule errors."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Pointer = tuple[str | int, ...]
"""A path into a record: keys and list indexes, as a JSON pointer without the slashes."""


class Severity(enum.IntEnum):
    """How bad a problem is; errors fail the run, warnings only with --strict."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()


def _frozen(args: Mapping[str, object] | None) -> Mapping[str, object]:
    return MappingProxyType(dict(args or {}))


@dataclass(frozen=True)
class Finding:
    """What a rule reports: a code, the file and the place in the record, message arguments."""

    code: str
    file: str
    pointer: Pointer = ()
    args: Mapping[str, object] = field(default_factory=dict)
    key: bool = False
    """Point at the key of `pointer` rather than its value (for unknown or duplicated keys)."""
    line: int = 0
    column: int = 0
    """Set when the position is already known (parse errors); otherwise found from `pointer`."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "args", _frozen(self.args))


@dataclass(frozen=True, order=True)
class Problem:
    """A located finding: what the report prints."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    args: Mapping[str, object] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "args", _frozen(self.args))
