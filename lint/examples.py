"""Each rule's examples, shipped with the linter: lint/cases/<CODE>/{fail,pass}/<case>/.

A case folder holds files laid over the fixture repository of the tests. A failing case marks
each problem it must produce with a comment `# expect: KPxxx` on its line (a file that cannot
hold a comment lists `path:line:CODE` lines in `expect.txt`); a passing case produces none of its
code. docs/rules.md shows them (lint/docs.py) and the tests run every one
(tests/lint/test_cases.py), so the reference shows what the linter does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"


@dataclass(frozen=True)
class Elsewhere:
    """A code whose cases cannot be files in a case folder: why not (in Czech, for the docs),
    and the test module that shows it failing (`test_kpxxx_fail…`) and passing
    (`test_kpxxx_pass…`)."""

    why: str
    tests: str


ELSEWHERE = {
    "KP109": Elsewhere("soubor větší než 1 MiB do repozitáře nepatří", "tests/lint/test_parse.py"),
    "KP114": Elsewhere("složka pojmenovaná jako záznam", "tests/lint/test_parse.py"),
    "KP115": Elsewhere("symbolický odkaz vytváří až test", "tests/lint/test_parse.py"),
    "KP116": Elsewhere("prázdnou složku records/ git neuloží", "tests/lint/test_parse.py"),
    "KP701": Elsewhere("potřebuje historii v gitu, se kterou se změna porovná",
                       "tests/lint/test_base.py"),
}


def cases(code: str, outcome: str) -> list[Path]:
    """The case folders of `code` whose `outcome` is "fail" or "pass", in name order."""
    folder = CASES / code / outcome
    return sorted(folder.glob("*")) if folder.is_dir() else []
