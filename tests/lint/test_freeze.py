"""The command-line tools hand the model they keep to `gc.freeze`; a process that runs many
lints (these tests) never does."""

from __future__ import annotations

import datetime as dt
import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lint import engine
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 24)
# Runs a tool's `__main__` as `python -m` does and prints, at exit, how many objects are frozen.
REPORT_AT_EXIT = (
    "import atexit, gc, runpy, sys; "
    "atexit.register(lambda: print('frozen', gc.get_freeze_count(), file=sys.stderr)); "
    "sys.argv = [sys.argv[1], *sys.argv[2:]]; runpy.run_module(sys.argv[0], run_name='__main__')"
)


@pytest.fixture
def thawed() -> Iterator[None]:
    gc.unfreeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def _tracked_ids() -> set[int]:
    return {id(o) for o in gc.get_objects()}


@pytest.mark.usefixtures("thawed")
def test_freeze_moves_the_model_out_of_the_collectors_sight(repo: Path) -> None:
    result = engine.run(repo, today=TODAY, jobs=1, freeze=True)
    meetings = list(result.repository.meetings.values())
    assert meetings
    assert gc.isenabled()
    assert gc.get_freeze_count() > len(meetings)
    tracked = _tracked_ids()
    assert id(result.repository) not in tracked
    assert not any(id(m) in tracked for m in meetings)


@pytest.mark.usefixtures("thawed")
def test_without_freeze_the_model_stays_collectable(repo: Path) -> None:
    result = engine.run(repo, today=TODAY, jobs=1)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert id(result.repository) in _tracked_ids()


@pytest.mark.usefixtures("thawed")
def test_a_disabled_collector_stays_disabled(repo: Path) -> None:
    gc.disable()
    engine.run(repo, today=TODAY, jobs=1, freeze=True)
    assert not gc.isenabled()


def _last_word(code: str, *argv: str, cwd: Path) -> tuple[str, str]:
    """Run `python -c code argv...` in `cwd`; the last line it printed to stderr, and all of it."""
    done = subprocess.run([sys.executable, "-c", code, *argv], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False,
                          env={"PYTHONPATH": str(ROOT), "PATH": ""})
    return done.stderr.strip().splitlines()[-1], done.stderr


def _frozen_at_exit(*argv: str, cwd: Path) -> int:
    last, stderr = _last_word(REPORT_AT_EXIT, *argv, cwd=cwd)
    assert last.startswith("frozen "), stderr
    return int(last.split()[1])


def test_python_m_lint_freezes_what_it_keeps(repo: Path) -> None:
    assert _frozen_at_exit("lint", "--today", TODAY.isoformat(), "--jobs", "1", cwd=repo) > 0


def test_python_m_sync_freezes_what_it_keeps(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ics"
    frozen = _frozen_at_exit("sync", "ics", "--out", str(out), "--today", TODAY.isoformat(),
                             cwd=repo)
    assert frozen > 0
    assert list(out.glob("*.ics"))


def test_the_tools_called_in_process_do_not_freeze(repo: Path, tmp_path: Path) -> None:
    code = ("import gc, sys; from lint.cli import main as lint; from sync.cli import main as sync; "
            "lint(['--today', sys.argv[1], '--jobs', '1']); "
            "sync(['ics', '--out', sys.argv[2], '--today', sys.argv[1]]); "
            "print('frozen', gc.get_freeze_count(), file=sys.stderr)")
    last, stderr = _last_word(code, TODAY.isoformat(), str(tmp_path / "ics"), cwd=repo)
    assert last == "frozen 0", stderr
