"""The pipeline: find files → parse → schema → model → rules → located problems."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import marshal
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint import codes, gitbase, kinds, model, modeline, unknown
from lint.discover import Source, discover
from lint.parse import compose, locate_in, parse_file
from lint.problem import Finding, Problem
from lint.schema import Schemas

PARALLEL_FROM = 400
"""Below this many files a worker pool costs more than it saves."""
CHUNK = 200


@dataclass(frozen=True)
class Checked:
    """One file after parse and schema: its data, whether it is valid, and located findings."""

    source: Source
    data: Any
    valid: bool
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Result:
    """What a lint run found, and the model of the records that passed the schema."""

    problems: tuple[Problem, ...]
    repository: model.Repository
    files: int

    @property
    def errors(self) -> int:
        return sum(p.severity is codes.Severity.ERROR for p in self.problems)


_schemas: Schemas | None = None


class InternalError(Exception):
    """A bug met while reading one file: reported as one line naming the file, exit 2."""

    def __init__(self, file: str, detail: str) -> None:
        super().__init__(file, detail)
        self.file, self.detail = file, detail


def _init_worker(folder: Path) -> None:
    global _schemas  # noqa: PLW0603 - one compiled schema set per worker process
    _schemas = Schemas(folder)
    _schemas.validators  # noqa: B018 - compile now, not on the first file


def _check(source: Source) -> Checked:
    try:
        return _check_one(source)
    except Exception as exc:  # a bug, not bad input: name the file and stop (exit 2)
        raise InternalError(source.rel, f"{type(exc).__name__}: {exc}") from None


def _check_one(source: Source) -> Checked:
    assert _schemas is not None  # noqa: S101 - set by _init_worker
    parsed = parse_file(source.path, source.rel)
    findings = list(parsed.findings)
    if parsed.data is None:
        return Checked(source, None, False, tuple(findings))
    errors = _schemas.check(source.kind, parsed.data, source.rel, parsed.text)
    findings += errors
    missing_modeline = modeline.check(parsed.text, source.rel, source.kind)
    if missing_modeline:
        findings.append(missing_modeline)
    return Checked(source, parsed.data, not errors, tuple(findings))


def check_files(sources: Sequence[Source], schemas_dir: Path, jobs: int) -> list[Checked]:
    """Parse and validate every file, in a pool of processes when there are many."""
    if jobs <= 1 or len(sources) < PARALLEL_FROM:
        _init_worker(schemas_dir)
        return [_check(s) for s in sources]
    size = max(CHUNK, -(-len(sources) // (jobs * 4)))
    chunks = [sources[i:i + size] for i in range(0, len(sources), size)]
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(schemas_dir,)) as pool:
        packed = list(pool.map(_check_chunk, chunks))
    return [_unpack(source, row)
            for chunk, blob in zip(chunks, packed, strict=True)
            # The marshal bytes come from our own worker process, not from outside.
            for source, row in zip(chunk, marshal.loads(blob), strict=True)]  # noqa: S302


def _check_chunk(sources: Sequence[Source]) -> bytes:
    """A worker's share, sent back with marshal: for plain data it is several times cheaper
    than pickling dataclasses, and the transfer is what limits the speed-up on 2 cores."""
    rows = []
    for source in sources:
        checked = _check(source)
        findings = [(f.code, f.file, f.pointer, dict(f.args), f.key, f.line, f.column)
                    for f in checked.findings]
        rows.append((checked.data, checked.valid, findings))
    return marshal.dumps(rows)


def _unpack(source: Source, row: tuple[Any, bool, list[tuple[Any, ...]]]) -> Checked:
    data, valid, findings = row
    return Checked(source, data, valid, tuple(
        Finding(code, file, tuple(pointer), args, key, line, column)
        for code, file, pointer, args, key, line, column in findings))


def build_repository(checked: Iterable[Checked], today: dt.date,
                     base: dict[str, Any] | None = None) -> model.Repository:
    """The typed model of every valid record, and the ids of every record that has one."""
    by_kind: dict[str, dict[str, model.Record]] = defaultdict(dict)
    known: dict[str, set[str]] = defaultdict(set)
    files: dict[str, list[str]] = defaultdict(list)
    raw: dict[str, tuple[str, Any]] = {}
    for item in checked:
        kind, rel = item.source.kind, item.source.rel
        files[kind].append(rel)
        # A record's file name is its id (KP301 says where they differ): references to it
        # resolve even when the record is unreadable or its id mistyped, so one broken file
        # does not cascade into errors in every file that mentions it.
        known[kind].add(rel.rsplit("/", 1)[-1].removesuffix(".yaml"))
        if item.data is None:
            continue
        raw[rel] = (kind, item.data)
        record_id = item.data.get("id") if isinstance(item.data, dict) else None
        if isinstance(record_id, str):
            known[kind].add(record_id)
        if item.valid and isinstance(record_id, str):
            by_kind[kind].setdefault(record_id, kinds.build(kind, rel, item.data))
    typed: dict[str, Any] = {k.folder: by_kind[k.name] for k in kinds.KINDS}
    return model.Repository(
        today=today, **typed,
        known_ids={k: frozenset(v) for k, v in known.items()},
        files={k: tuple(v) for k, v in files.items()},
        raw=raw, base=base,
    )


def run(root: Path, *, today: dt.date, base_ref: str | None = None,
        jobs: int | None = None, freeze: bool = False) -> Result:
    """Lint the repository at `root` (records/ and schemas/ below it).

    `freeze`: the caller's process ends soon after and keeps the model to the end (the
    command-line tools). What is alive after the run is then moved out of the cyclic collector's
    sight (`gc.freeze`): left in its young generations, the model would be walked whole three
    times more as it ages, and once again at exit: 0.2 s of a lint of 10,000 meetings, as much
    of a first push of 1,000 events. Not for a process that runs many (the tests), where cycles
    among frozen objects would never be collected."""
    with without_gc(freeze=freeze):
        return _run(root, today=today, base_ref=base_ref, jobs=jobs)


@contextlib.contextmanager
def without_gc(*, freeze: bool = False) -> Iterator[None]:
    """A run makes a million small objects and frees few, so the cyclic collector would walk
    them again and again for nothing: nearly a quarter of the run at 10,000 meetings. Reference
    counting still frees what is dropped; the few cycles wait for the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def _run(root: Path, *, today: dt.date, base_ref: str | None, jobs: int | None) -> Result:
    sources, found = discover(root, root / "records")
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    checked = check_files(sources, root / "schemas", jobs)
    findings = [*found, *(f for c in checked for f in c.findings)]
    base = gitbase.load(root, base_ref, [s.rel for s in sources]) if base_ref else None
    repository = build_repository(checked, today, base)
    failed = unknown.failed((c.source.kind, c.source.rel, c.source.path, c.data)
                            for c in checked if not c.valid)
    found_by_rules = unknown.rule_findings(repository, failed)
    paths = {c.source.rel: c.source.path for c in checked}
    kept = unknown.existing_references(unknown.one_per_place([*findings, *found_by_rules]),
                                       repository)
    findings = [f for f in kept if not unknown.is_rule(f.code)] + _place_all(
        [f for f in kept if unknown.is_rule(f.code)], paths, root)
    findings = _described(findings, repository, root / "schemas")
    problems = sorted({_problem(f) for f in findings})
    return Result(tuple(problems), repository, len(sources))


DESCRIBED = frozenset({unknown.PLACEHOLDER})
"""Rule codes whose hint quotes the field's description from the schema (what to fill in)."""


def _described(findings: list[Finding], repository: model.Repository,
               schemas_dir: Path) -> list[Finding]:
    if not any(f.code in DESCRIBED for f in findings):
        return findings
    schemas = _schemas if _schemas is not None else Schemas(schemas_dir)
    return [schemas.describe(repository.raw[f.file][0], f)
            if f.code in DESCRIBED and f.file in repository.raw else f for f in findings]


def _place_all(findings: list[Finding], paths: dict[str, Path], root: Path) -> list[Finding]:
    """Line and column for rule findings, composing each file once and letting it go at once.

    Holding every file's node tree at the same time would cost more in garbage collection than
    the composing itself.
    """
    placed = [f for f in findings if f.line]
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if not finding.line:
            by_file[finding.file].append(finding)
    for rel, group in by_file.items():
        path = paths.get(rel, root / rel)
        try:
            node = compose(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            node = None
        for finding in group:
            line, column = locate_in(node, finding.pointer, key=finding.key)
            placed.append(dataclasses.replace(finding, line=line, column=column))
    return placed


def _problem(finding: Finding) -> Problem:
    return Problem(finding.file, finding.line or 1, finding.column or 1, finding.code,
                   codes.severity(finding.code), finding.args)
