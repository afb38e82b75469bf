"""`--base`: approved minutes compared with a real git history."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from lint import engine
from lint.gitbase import GitError
from tests.lint.test_messages import render_strict

TODAY = dt.date(2022, 9, 1)
APPROVED = "records/meetings/2022/2022-08-31-rps.yaml"
PLANNED = "records/meetings/2022/2022-10-19-rps.yaml"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def history(repo: Path) -> Path:
    """The fixture repository committed once, as on the main branch."""
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "commit", "-q", "-m", "records")
    return repo


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line(root: Path, start: str) -> int:
    lines = (root / APPROVED).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def _kp701(root: Path) -> list[tuple[str, int]]:
    problems = engine.run(root, today=TODAY, base_ref="HEAD", jobs=1).problems
    for problem in problems:
        render_strict(problem)
    return [(p.file, p.line) for p in problems if p.code == "KP701"]


def test_kp701_fail_approved_minutes_edited(history: Path) -> None:
    _edit(history, APPROVED, "content: Informace o stavu.", "content: Informace o stavu plánu.")
    assert _kp701(history) == [(APPROVED, _line(history, "minutes:"))]


def test_kp701_fail_approval_withdrawn(history: Path) -> None:
    _edit(history, APPROVED, "status: approved", "status: draft")
    assert _kp701(history) == [(APPROVED, _line(history, "minutes:"))]


def test_kp701_pass_draft_minutes_edited(history: Path) -> None:
    _edit(history, APPROVED, "status: approved", "status: draft")
    _git(history, "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "commit", "-q", "-am", "draft")
    _edit(history, APPROVED, "content: Informace o stavu.", "content: Informace o stavu plánu.")
    assert _kp701(history) == []


def test_kp701_pass_key_order_and_other_files(history: Path) -> None:
    path = history / APPROVED
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # Move `title` below `date`: the same data in another order is no change.
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    title = lines.pop(at)
    lines.insert(at + 1, title)
    path.write_text("".join(lines), encoding="utf-8")
    _edit(history, PLANNED, 'start: "14:00"', 'start: "13:00"')
    assert _kp701(history) == []


def test_kp701_pass_without_base(history: Path) -> None:
    _edit(history, APPROVED, "content: Informace o stavu.", "content: Jiný obsah.")
    problems = engine.run(history, today=TODAY, jobs=1).problems
    assert [p for p in problems if p.code == "KP701"] == []


def test_unknown_base_ref_is_an_error(history: Path) -> None:
    with pytest.raises(GitError):
        engine.run(history, today=TODAY, base_ref="no-such-branch", jobs=1)
