"""The consistency rules, listed explicitly; a test checks the list against this folder.

Each rule module has a `CODE`, a kebab-case `NAME` saying what it flags, a `SEVERITY`, a docstring
with *What it flags* and *Why it matters*, and `check(model) -> Iterator[Finding]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Protocol, cast

from lint.model import Repository
from lint.problem import Finding, Severity
from lint.rules import (
    duplicate_id,
    id_file_name,
    unresolved_reference,
)


class Rule(Protocol):
    CODE: str
    NAME: str
    SEVERITY: Severity
    __doc__: str | None

    def check(self, model: Repository) -> Iterator[Finding]: ...


_MODULES: tuple[ModuleType, ...] = (
    id_file_name,
    duplicate_id,
    unresolved_reference,
)

RULES: tuple[Rule, ...] = tuple(cast(Rule, m) for m in _MODULES)
