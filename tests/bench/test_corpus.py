"""The benchmark's corpus generator: deterministic, valid, and broken exactly where it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.breakage import BREAKS
from bench.corpus import generate
from bench.schedule import TODAY
from lint import engine
from lint.problem import Severity


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 150, seed=7, broken=0.05)
    second = generate(tmp_path / "b", 150, seed=7, broken=0.05)
    assert first.broken == second.broken
    assert _files(first.root) == _files(second.root)
    other = generate(tmp_path / "c", 150, seed=8)
    assert _files(other.root) != _files(first.root)


def test_refuses_to_write_over_records(tmp_path: Path) -> None:
    generate(tmp_path, 10)
    with pytest.raises(FileExistsError):
        generate(tmp_path, 10)


def test_corpus_lints_without_any_problem(tmp_path: Path) -> None:
    corpus = generate(tmp_path, 400)
    result = engine.run(corpus.root, today=TODAY)
    assert corpus.meetings == 400
    assert len(corpus.meeting_files) == 400
    assert result.files == corpus.files
    assert result.problems == ()
    assert len(result.repository.meetings) == 400
    assert {m.status for m in result.repository.meetings.values()} == {
        "held", "planned", "cancelled", "postponed"}
    assert result.repository.decisions, "tasks and decisions are part of the corpus"


def test_broken_variant_has_errors_in_exactly_the_broken_files(tmp_path: Path) -> None:
    corpus = generate(tmp_path, 600, broken=0.02)
    assert len(corpus.broken) == 12
    assert {mistake for mistake in corpus.broken.values()} == {name for name, _ in BREAKS}
    problems = engine.run(corpus.root, today=TODAY).problems
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert {p.file for p in errors} == set(corpus.broken)
    for path, mistake in corpus.broken.items():
        codes = {p.code for p in errors if p.file == path}
        expected = set(re.findall(r"KP\d{3}", mistake))
        assert expected <= codes, (path, mistake, codes)
