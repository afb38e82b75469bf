"""The message catalogue: complete in both languages, and every message fills from real args."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest

from lint import engine, report
from lint.codes import names
from lint.messages import CATALOGUE, LANGUAGES, REASONS
from lint.problem import Problem
from tests.conftest import make_repo

CASES = Path(__file__).parent / "cases"
CZECH_LETTERS = re.compile("[áčďéěíňóřšťúůýž]", re.IGNORECASE)


class _Strict(dict[str, object]):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def render_strict(problem: Problem) -> None:
    """Render a problem in every language, failing on any argument the rule did not give."""
    original = report._Args  # swap in a dict that refuses missing arguments
    report._Args = _Strict  # type: ignore[misc]
    try:
        for lang in LANGUAGES:
            message, hint = report.render(problem, lang)
            assert message
            assert hint
            assert "{" not in message, message
    finally:
        report._Args = original  # type: ignore[misc]
    if problem.code in REASONS:
        assert problem.args.get("reason") in REASONS[problem.code], problem


@pytest.mark.parametrize("code", sorted(names()))
def test_every_code_in_both_languages(code: str) -> None:
    texts = CATALOGUE[code]
    for lang in LANGUAGES:
        assert texts[lang].message.strip()
        assert texts[lang].hint.strip()
    assert texts["cs"].message != texts["en"].message
    assert texts["cs"].hint != texts["en"].hint
    assert CZECH_LETTERS.search(texts["cs"].message + texts["cs"].hint), code


def test_no_messages_for_unknown_codes() -> None:
    assert set(CATALOGUE) == set(names())
    assert set(REASONS) <= set(names())


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_languages_use_the_same_arguments(code: str) -> None:
    cs, en = CATALOGUE[code]["cs"], CATALOGUE[code]["en"]
    same = {"holiday", "holiday_en", "day", "day_en"}  # names given in each language
    assert _fields(cs.message) - same == _fields(en.message) - same
    assert _fields(cs.hint) == _fields(en.hint)


def test_reasons_in_both_languages() -> None:
    for code, reasons in REASONS.items():
        for key, texts in reasons.items():
            assert set(texts) == set(LANGUAGES), (code, key)
            assert texts["cs"] != texts["en"], (code, key)


@pytest.mark.parametrize("case", sorted(CASES.glob("KP*/fail/*")),
                         ids=lambda p: f"{p.parts[-3]}-{p.name}")
def test_messages_fill_from_the_rules_arguments(case: Path, tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", case)
    problems = engine.run(root, today=dt.date(2022, 9, 1), jobs=1).problems
    for problem in problems:
        render_strict(problem)
