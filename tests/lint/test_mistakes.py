"""Everyday editor mistakes: each gives exactly one message, in its file, at its line, in Czech,
with a hint that fits the field (and, where the hint gives the corrected line, the line works).

A case is a folder under mistakes/: an overlay on the lint fixture (the file with the mistake as
an editor would type it in a web editor, and any files it needs) and `expect.txt`:

    records/meetings/2022/2022-08-31-rps.yaml:7:KP203   the one problem: file, line, code
    hint: start: "14:00"                                the Czech hint contains this
    message: mezera                                     the Czech message contains this
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.corpus import generate
from bench.schedule import TODAY as BENCH_TODAY
from lint import engine
from lint.problem import Problem
from lint.report import render
from messages import CATALOGUES
from tests.conftest import make_repo

MISTAKES = Path(__file__).parent / "mistakes"
TODAY = dt.date(2022, 9, 1)
LIBRARY_ENGLISH = re.compile(
    r"is not valid|is not of type|does not match|is not one of|required property|schemas? listed|"
    r"oneOf|anyOf|additional|\bexpected\b|\bfound\b|\bwhile\b|scanning|parsing|mapping|"
    r"could not|did not|\bcharacter\b|\bnumber\b|\bstring\b|\bobject\b|\barray\b|\binteger\b")
RELAID = ("indentation", "indentation-none", "text-indentation", "odd-space")
"""Slips whose corrected line gets the indentation the hint names, not the one typed."""
CZECH = re.compile("[áčďéěíňóřšťúůýž]", re.IGNORECASE)
CORRECTED = re.compile(re.escape(CATALOGUES["cs"]["lint.fixed"]).replace(r"\{fixed\}", "(.*?)"))


@dataclass(frozen=True)
class Expected:
    where: tuple[str, int, str]
    hints: tuple[str, ...]
    messages: tuple[str, ...]


def expected(case: Path) -> Expected:
    lines = (case / "expect.txt").read_text(encoding="utf-8").splitlines()
    rel, line, code = lines[0].rsplit(":", 2)
    notes = [tuple(part.strip() for part in row.split(":", 1)) for row in lines[1:] if row]
    return Expected((rel, int(line), code), tuple(text for kind, text in notes if kind == "hint"),
                    tuple(text for kind, text in notes if kind == "message"))


def _cases() -> list[Path]:
    return sorted(p for p in MISTAKES.iterdir() if p.is_dir())


def _run(case: Path, tmp_path: Path) -> tuple[Path, list[Problem]]:
    root = make_repo(tmp_path / "repo", case)
    return root, list(engine.run(root, today=TODAY, jobs=1).problems)


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_one_mistake_one_message(case: Path, tmp_path: Path) -> None:
    want = expected(case)
    _, problems = _run(case, tmp_path)
    assert [(p.file, p.line, p.code) for p in problems] == [want.where]
    message, hint = render(problems[0], "cs")
    for text in (message, hint):
        assert not LIBRARY_ENGLISH.search(text), text
    assert CZECH.search(message + hint)
    for part in want.hints:
        assert part in hint, hint
    for part in want.messages:
        assert part in message, message
    assert all(render(problems[0], "en"))


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_the_corrected_line_works(case: Path, tmp_path: Path) -> None:
    """Following the hint literally (writing the corrected line in place of the mistaken one,
    its indentation kept) leaves no error in the file."""
    root, problems = _run(case, tmp_path)
    corrected = CORRECTED.search(render(problems[0], "cs")[1])
    if corrected is None:
        pytest.skip("the hint gives no corrected line")
    rel, number, code = expected(case).where
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    old = lines[number - 1]
    indent = old[:len(old) - len(old.lstrip())]
    if problems[0].args.get("reason") in RELAID or code == "KP103":
        indent = " " * int(str(problems[0].args["spaces"]))
    if code == "KP201":  # a missing field: the line is added
        lines.insert(number - 1, indent + corrected[1])
    else:
        lines[number - 1] = indent + corrected[1]
    path.write_text("\n".join(lines), encoding="utf-8")
    after = engine.run(root, today=TODAY, jobs=1).problems
    assert [(p.file, p.line, p.code) for p in after if p.file == rel
            and p.severity.label == "error"] == []


def test_enough_mistakes() -> None:
    assert len(_cases()) >= 40


def test_the_benchmarks_breakages_give_one_message_each(tmp_path: Path) -> None:
    """The benchmark breaks meetings the ways editors do (bench/breakage.py); among thousands of
    valid records each broken one gives exactly one problem, and nothing else is reported."""
    corpus = generate(tmp_path, 600, broken=0.02)
    problems = engine.run(corpus.root, today=BENCH_TODAY, jobs=1).problems
    assert sorted(p.file for p in problems) == sorted(corpus.broken)
