"""The consistency rules: every module in this folder, in the order of their codes.

Each rule module has a `CODE`, a kebab-case `NAME` saying what it flags, a `SEVERITY`, `READS`
(the kinds of other records it judges by), a docstring
with *What it flags* and *Why it matters*, and `check(model) -> Iterator[Finding]`.

The rules of one record kind may instead share a module named after the kind: it lists them in
`RULES`, each a class with the same attributes (and `check` a staticmethod), so that adding a
kind adds one rule file and nothing else: the folder is the list, so a new module is found
without being named here (tests/lint/test_registry.py checks each one's shape).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from types import ModuleType
from typing import Protocol, cast

from lint.model import Repository
from lint.problem import Finding, Severity


class Rule(Protocol):
    CODE: str
    NAME: str
    SEVERITY: Severity
    READS: tuple[str, ...]
    """Kinds of other records whose facts the rule's conclusions rest on: where one of them
    failed to parse or to validate, or is referred to but missing, the rule says nothing about
    the records it touches (lint/unknown.py)."""
    __doc__: str | None

    def check(self, model: Repository) -> Iterator[Finding]: ...


_MODULES: tuple[ModuleType, ...] = tuple(
    importlib.import_module(f"{__name__}.{found.name}")
    for found in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)
)
"""Every rule module of this folder (a module here that is not a rule fails the shape test)."""


def _rules(module: ModuleType) -> tuple[Rule, ...]:
    """The module itself when it is one rule; the rules it lists in `RULES` otherwise (their
    docstrings without the class body's indentation, as a module's has none)."""
    listed = getattr(module, "RULES", None)
    if listed is None:
        return (cast(Rule, module),)
    for rule in listed:
        rule.__doc__ = inspect.cleandoc(rule.__doc__ or "")
    return tuple(cast(Rule, r) for r in listed)


RULES: tuple[Rule, ...] = tuple(sorted((rule for module in _MODULES for rule in _rules(module)),
                                     key=lambda rule: rule.CODE))
