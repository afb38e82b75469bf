"""Lint benchmark: `python -m lint` (schema and every rule, cold process) next to check-jsonschema
(the same meeting files, the same meeting schema, schema only) and yamllint (the same files),
and the floor: reading and composing every record file with libyaml, nothing else."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import measure
from bench.corpus import Corpus, generate
from bench.measure import Run
from bench.schedule import TODAY

PROJECT = Path(__file__).resolve().parent.parent
TOOLS = ("floor", "lint", "check-jsonschema", "yamllint")
ARGS_LIMIT = 1_000_000
"""Bytes of file names per command line (Linux allows 2 MiB with the environment): past it a
tool runs over batches one after another, as xargs would."""
SLOW = 60.0
"""A tool whose first run takes longer than this runs once (its median is that run)."""


@dataclass(frozen=True)
class Tool:
    name: str
    cwd: Path
    commands: list[list[str]]


@dataclass(frozen=True)
class LintRow:
    meetings: int
    files: int
    """Record files lint and the floor read (meetings, decisions, people, ...)."""
    results: dict[str, Run]
    runs: dict[str, int]


def executable(name: str) -> str:
    """A console script next to this Python (the nox or project venv), else on PATH."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else name


def environment() -> dict[str, str]:
    """The environment for `python -m lint` / `-m sync`: the project importable from anywhere."""
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(PROJECT), path)))}


def batches(names: Sequence[str], limit: int = ARGS_LIMIT) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for name in names:
        if batch and size + len(name) + 1 > limit:
            yield batch
            batch, size = [], 0
        batch.append(name)
        size += len(name) + 1
    if batch:
        yield batch


def tools(corpus: Corpus) -> list[Tool]:
    root, meetings = corpus.root, corpus.root / "records" / "meetings"
    names = [str(p.relative_to(meetings)) for p in corpus.meeting_files]
    schema = os.path.relpath(root / "schemas" / "meeting.schema.json", meetings)
    python = sys.executable
    return [
        Tool("floor", root, [[python, "-m", "bench.floor", "records"]]),
        Tool("lint", root, [[python, "-m", "lint", "--today", TODAY.isoformat()]]),
        Tool("check-jsonschema", meetings,
             [[executable("check-jsonschema"), "--schemafile", schema, *batch]
              for batch in batches(names)]),
        Tool("yamllint", meetings, [[executable("yamllint"), "-f", "parsable", "."]]),
    ]


def measure_corpus(corpus: Corpus, runs: int, say: Callable[[str], None]) -> LintRow:
    """Every tool `runs` times, interleaved so that a burst of load hits them alike."""
    found = tools(corpus)
    env = environment()
    measure.run(found[0].commands[0], cwd=found[0].cwd, env=env)  # warm the page cache
    samples: dict[str, list[Run]] = {tool.name: [] for tool in found}
    for index in range(runs):
        for tool in found:
            done = samples[tool.name]
            if index and done[0].seconds > SLOW:
                continue
            done.append(measure.runs(tool.commands, cwd=tool.cwd, env=env))
            say(f"  lint N={corpus.meetings}: {tool.name} run {index + 1}: "
                f"{done[-1].seconds:.2f} s, {done[-1].peak_mb:.0f} MB, exit {done[-1].code}")
    return LintRow(corpus.meetings, corpus.files,
                   {name: measure.median(done) for name, done in samples.items()},
                   {name: len(done) for name, done in samples.items()})


def bench_lint(sizes: Sequence[int], runs: int, work: Path, seed: int,
               say: Callable[[str], None]) -> list[LintRow]:
    rows = []
    for size in sizes:
        corpus = generate(work / f"lint-{size}", size, seed=seed)
        say(f"lint N={size}: corpus of {corpus.files} files in {corpus.root}")
        rows.append(measure_corpus(corpus, runs, say))
    return rows


def broken_run(size: int, work: Path, seed: int) -> tuple[Corpus, Run]:
    """Lint once over the variant with 1 % broken meetings (it must exit 1)."""
    corpus = generate(work / f"broken-{size}", size, seed=seed, broken=0.01)
    tool = tools(corpus)[1]
    return corpus, measure.run(tool.commands[0], cwd=tool.cwd, env=environment())


def slope(rows: Sequence[LintRow], tool: str = "lint") -> tuple[float, float]:
    """Least squares of seconds over meetings: (seconds per 1,000 meetings, intercept)."""
    xs = [row.meetings / 1000 for row in rows]
    ys = [row.results[tool].seconds for row in rows]
    if len(xs) < 2:
        return (ys[0] / xs[0] if xs else 0.0), 0.0
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    per_k = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return per_k, mean_y - per_k * mean_x
