"""Find the record files under records/ and tell which kind each one is."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.problem import Finding
from lint.schema import KINDS

SUFFIX = ".yaml"


@dataclass(frozen=True)
class Source:
    """A record file to read: its path, its path as reported, and its kind."""

    path: Path
    rel: str
    kind: str


def discover(root: Path, records: Path) -> tuple[list[Source], list[Finding]]:
    """Every record file under `records`, plus findings for what does not belong there."""
    sources: list[Source] = []
    findings: list[Finding] = []
    real_records = records.resolve()
    prefix = _rel(records, root) + "/"
    for entry in sorted(_walk(str(records)), key=lambda e: e.path):
        path = Path(entry.path)
        inner = entry.path[len(str(records)) + 1:].replace(os.sep, "/")
        # A file name that is not UTF-8 (surrogate-escaped by the OS layer) is shown with
        # replacement characters; the file itself is still read by its real path.
        rel = (prefix + inner).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        parts = inner.split("/")
        if entry.is_symlink() and not _inside(path, real_records):
            findings.append(Finding("KP115", rel, line=1, column=1))
        elif entry.is_dir():
            findings.append(Finding("KP114", rel, line=1, column=1,
                                    args={"reason": "directory"}))
        elif not entry.is_file():  # a FIFO, socket or device would block or never end
            findings.append(Finding("KP114", rel, line=1, column=1,
                                    args={"reason": "not-a-file"}))
        elif not entry.name.endswith(SUFFIX):
            findings.append(Finding("KP110", rel, line=1, column=1, args={"name": entry.name}))
        elif len(parts) < 2 or parts[0] not in KINDS:
            findings.append(Finding("KP111", rel, line=1, column=1,
                                    args={"folder": parts[0] if len(parts) > 1 else "records",
                                          "allowed": ", ".join(KINDS)}))
        else:
            sources.append(Source(path, rel, KINDS[parts[0]]))
    if not sources and not findings:
        findings.append(Finding("KP116", _rel(records, root), line=1, column=1))
    return sources, findings


def _walk(folder: str) -> Iterator[os.DirEntry[str]]:
    """Entries of files (and of directories named like records) below `folder`, skipping
    hidden ones. DirEntry answers is_dir/is_symlink from the directory listing, without a
    stat per file."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False) and not entry.name.endswith(SUFFIX):
            yield from _walk(entry.path)
        else:
            yield entry


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a symlink loop
        return False
    return True


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
