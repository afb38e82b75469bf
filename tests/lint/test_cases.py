"""Every rule's failing and passing cases: lint/cases/<CODE>/{fail,pass}/<case>/ (lint/examples.py).

A case folder overlays files on the fixture repository. In a failing case each expected problem
is marked on its line with a comment `# expect: KP401`; files that cannot hold a comment
(binary, other encodings) list `path:line:CODE` lines in `expect.txt`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from lint import engine
from lint.codes import names
from lint.examples import CASES, ELSEWHERE, cases
from lint.problem import Severity
from tests.conftest import make_repo

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2022, 9, 1)
_MARK = re.compile(r"#\s*expect:\s*((?:KP\d{3}[ ,]*)+)")


def _cases(outcome: str) -> list[Path]:
    return sorted(CASES.glob(f"KP*/{outcome}/*"))


def expected(case: Path) -> set[tuple[str, int, str]]:
    """(file, line, code) marked in a case folder."""
    found: set[tuple[str, int, str]] = set()
    for path in case.rglob("*.yaml"):
        rel = path.relative_to(case).as_posix()
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(lines, 1):
            match = _MARK.search(line)
            if match:
                found.update((rel, number, c) for c in re.findall(r"KP\d{3}", match[1]))
    listing = case / "expect.txt"
    if listing.exists():
        for line in listing.read_text(encoding="utf-8").split():
            rel, number, code = line.rsplit(":", 2)
            found.add((rel, int(number), code))
    return found


@pytest.mark.parametrize("case", _cases("fail"), ids=lambda p: f"{p.parts[-3]}-{p.name}")
def test_failing_case(case: Path, tmp_path: Path) -> None:
    code = case.parts[-3]
    root = make_repo(tmp_path / "repo", case)
    result = engine.run(root, today=TODAY, jobs=1)
    marked = expected(case)
    assert marked, f"{case} marks no expected problem"
    assert {m[2] for m in marked} == {code}
    got = {(p.file, p.line, p.code) for p in result.problems if p.code == code}
    assert got == marked


@pytest.mark.parametrize("case", _cases("pass"), ids=lambda p: f"{p.parts[-3]}-{p.name}")
def test_passing_case(case: Path, tmp_path: Path) -> None:
    code = case.parts[-3]
    root = make_repo(tmp_path / "repo", case)
    result = engine.run(root, today=TODAY, jobs=1)
    assert [p for p in result.problems if p.code == code] == []
    assert [p for p in result.problems if p.severity is Severity.ERROR] == []


def test_fixture_is_clean(repo: Path) -> None:
    result = engine.run(repo, today=TODAY, jobs=1)
    assert result.problems == ()


def test_every_code_has_cases() -> None:
    missing = [code for code in names() if code not in ELSEWHERE
               and (not cases(code, "fail") or not cases(code, "pass"))]
    assert missing == []


@pytest.mark.parametrize("code", sorted(ELSEWHERE))
def test_codes_without_case_folders_have_tests(code: str) -> None:
    module = ELSEWHERE[code].tests
    source = (ROOT / module).read_text(encoding="utf-8")
    for outcome in ("fail", "pass"):
        assert f"def test_{code.lower()}_{outcome}" in source, f"{module}: {code} {outcome}"
    assert not (CASES / code).exists(), f"{code} has a case folder after all"


def test_enough_broken_files() -> None:
    broken = {(case, file) for case in _cases("fail") for file, _, _ in expected(case)}
    assert len(broken) >= 30

