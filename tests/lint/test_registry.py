"""The rule registry matches lint/rules/, and every code and name is unique."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lint.rules
from lint.codes import ENGINE, names
from lint.kinds import KINDS
from lint.problem import Severity
from lint.rules import _MODULES, RULES

RULES_DIR = Path(lint.rules.__file__).parent
KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def test_registry_lists_every_module_in_the_folder() -> None:
    on_disk = {p.stem for p in RULES_DIR.glob("*.py") if p.stem != "__init__"}
    registered = [m.__name__.rpartition(".")[2] for m in _MODULES]
    assert sorted(registered) == sorted(on_disk)
    assert len(registered) == len(set(registered))
    listed = [r for m in _MODULES for r in getattr(m, "RULES", (m,))]
    assert sorted(listed, key=lambda r: r.CODE) == list(RULES)
    assert all(getattr(m, "RULES", None) or hasattr(m, "CODE") for m in _MODULES)


def test_codes_are_unique() -> None:
    codes = [*ENGINE, *(rule.CODE for rule in RULES)]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"KP\d{3}", code) for code in codes)
    assert len(names()) == len(codes)


def test_names_are_kebab_case_and_unique() -> None:
    all_names = [name for name, _ in names().values()]
    assert len(all_names) == len(set(all_names))
    assert [n for n in all_names if not KEBAB.fullmatch(n)] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.CODE)
def test_rule_module_shape(rule: lint.rules.Rule) -> None:
    assert isinstance(rule.SEVERITY, Severity)
    doc = rule.__doc__ or ""
    assert doc.startswith("What it flags:"), rule.CODE
    assert "\n\nWhy it matters:" in doc, rule.CODE
    assert callable(rule.check)
    assert isinstance(rule.READS, tuple)
    assert set(rule.READS) <= {k.name for k in KINDS}, rule.CODE  # kinds judged by (lint/unknown)
