"""The message catalogue: complete in both languages, and every message fills from real args."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import messages
from lint import engine, report
from lint.codes import names
from lint.examples import CASES
from lint.problem import Problem
from messages import CATALOGUES, LANGUAGES
from tests.conftest import make_repo

CZECH_LETTERS = re.compile("[áčďéěíňóřšťúůýž]", re.IGNORECASE)


class _Strict(dict[str, object]):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def render_strict(problem: Problem) -> None:
    """Render a problem in every language, failing on any argument the rule did not give."""
    original = messages._Args  # swap in a dict that refuses missing arguments
    messages._Args = _Strict  # type: ignore[misc]
    try:
        for lang in LANGUAGES:
            message, hint = report.render(problem, lang)
            assert message
            assert hint
            assert "{" not in message, message
    finally:
        messages._Args = original  # type: ignore[misc]
    if _reasons(problem.code):
        assert problem.args.get("reason") in _reasons(problem.code), problem


def _reasons(code: str) -> set[str]:
    """The values a rule's `reason` argument may take: the clauses the catalogue has for it."""
    prefix = f"lint.{code}.reason."
    return {k.removeprefix(prefix) for k in CATALOGUES["cs"] if k.startswith(prefix)}


@pytest.mark.parametrize("code", sorted(names()))
def test_every_code_in_both_languages(code: str) -> None:
    cs, en = CATALOGUES["cs"], CATALOGUES["en"]
    for key in (f"lint.{code}", f"lint.{code}.hint"):
        assert cs[key].strip()
        assert en[key].strip()
        assert cs[key] != en[key], key
    assert CZECH_LETTERS.search(cs[f"lint.{code}"] + cs[f"lint.{code}.hint"]), code


def test_no_messages_for_unknown_codes() -> None:
    codes = {key.split(".")[1] for key in CATALOGUES["cs"] if key.startswith("lint.KP")}
    assert codes == set(names())


def test_reasons_in_both_languages() -> None:
    for key, text in CATALOGUES["cs"].items():
        if ".reason." in key:
            assert key.startswith("lint.KP"), key
            assert text != CATALOGUES["en"][key], key


@pytest.mark.parametrize("case", sorted(CASES.glob("KP*/fail/*")),
                         ids=lambda p: f"{p.parts[-3]}-{p.name}")
def test_messages_fill_from_the_rules_arguments(case: Path, tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", case)
    problems = engine.run(root, today=dt.date(2022, 9, 1), jobs=1).problems
    for problem in problems:
        render_strict(problem)
