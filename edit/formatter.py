"""`python -m edit format [PATH ...] [--check]`: rewrite records in the canonical form, or, with
--check, only say which are not and show the diff (for CI)."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.error import YAMLError

from edit.canonical import format_text
from edit.messages import EditError
from messages import counted, say

EXIT_OK, EXIT_CHANGED = 0, 1
SUFFIX = ".yaml"


@dataclass(frozen=True)
class Outcome:
    """One file's fate: its canonical text (None when it could not be read) and why not."""

    path: Path
    before: str
    after: str | None
    detail: str = ""

    @property
    def canonical(self) -> bool:
        return self.after == self.before


def collect(paths: Iterable[str], root: Path) -> list[Path]:
    """The .yaml files named or below the folders named (default: records/), sorted."""
    chosen = list(paths) or [str(root / "records")]
    found: set[Path] = set()
    for raw in chosen:
        path = Path(raw)
        if path.is_dir():
            found.update(p for p in path.rglob(f"*{SUFFIX}")
                         if p.is_file() and not _hidden(p.relative_to(path)))
        elif path.is_file():
            found.add(path)
        else:
            raise EditError("no-path", path=raw)
    return sorted(found)


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


Fix = Callable[[str, Path], str]
"""Text and path → the canonical text (format_text, or edit.settle's settle_text)."""


def format_one(path: Path, fix: Fix = format_text) -> Outcome:
    """The canonical text of one file, or why there is none."""
    try:
        before = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Outcome(path, "", None, str(exc))
    try:
        return Outcome(path, before, fix(before, path))
    except YAMLError as exc:
        return Outcome(path, before, None, _where(exc))


def _where(exc: YAMLError) -> str:
    """`line:column: problem` of a YAML error, as far as ruamel knows it."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
    return f"{mark.line + 1}:{mark.column + 1}: {problem}" if mark else str(problem)


def diff(outcome: Outcome, name: str) -> Iterator[str]:
    """A unified diff from the file as it is to its canonical form."""
    return difflib.unified_diff(outcome.before.splitlines(keepends=True),
                                (outcome.after or "").splitlines(keepends=True),
                                f"a/{name}", f"b/{name}")


def run(paths: Iterable[str], root: Path, *, check: bool, lang: str,
        fix: Fix = format_text) -> int:
    """Format (or check) the files; exit 1 when any is not canonical or not readable."""
    outcomes = [format_one(path, fix) for path in collect(paths, root)]
    bad = 0
    for outcome in outcomes:
        name = _display(outcome.path, root)
        if outcome.after is None:
            bad += 1
            print(say("edit.unparsable", lang, path=name, detail=outcome.detail), file=sys.stderr)
        elif not outcome.canonical:
            bad += 1
            _report(outcome, name, check=check, lang=lang)
    if check and bad:
        print(say("edit.format-summary", lang, files=counted(len(outcomes), "count.file", lang),
                  bad=counted(bad, "count.file-not", lang)), file=sys.stderr)
    unreadable = any(o.after is None for o in outcomes)
    return EXIT_CHANGED if (check and bad) or unreadable else EXIT_OK


def _report(outcome: Outcome, name: str, *, check: bool, lang: str) -> None:
    if check:
        print(say("edit.not-canonical", lang, path=name), file=sys.stderr)
        sys.stdout.writelines(diff(outcome, name))
        return
    assert outcome.after is not None  # noqa: S101 - only canonical texts reach here
    outcome.path.write_text(outcome.after, encoding="utf-8", newline="\n")
    print(say("edit.formatted", lang, path=name), file=sys.stderr)


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
