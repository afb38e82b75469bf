"""Fixtures for the edit tests: a throwaway copy of the real repository's records and schemas."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from edit.cli import main
from lint import engine
from lint.problem import Severity

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of schemas/ and records/ to scaffold into."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "schemas", root / "schemas")
    shutil.copytree(ROOT / "records", root / "records")
    return root


Edit = Callable[..., tuple[int, str, str]]


@pytest.fixture
def edit(repo: Path, capsys: pytest.CaptureFixture[str]) -> Edit:
    """Run `python -m edit ARGS --root <repo>`: (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--root", str(repo)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def problems(root: Path, rel: str, today: str) -> list[tuple[str, str, int]]:
    """(code, severity, line) of every problem the linter reports in one file."""
    result = engine.run(root, today=dt.date.fromisoformat(today), jobs=1)
    return [(p.code, p.severity.label, p.line) for p in result.problems if p.file == rel]


def errors(root: Path, rel: str, today: str) -> list[str]:
    """Codes of the errors the linter reports in one file."""
    result = engine.run(root, today=dt.date.fromisoformat(today), jobs=1)
    return [p.code for p in result.problems
            if p.file == rel and p.severity is Severity.ERROR]
