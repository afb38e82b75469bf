"""Shared fixtures: a throwaway repository made of the lint fixture plus a case's files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "lint" / "fixture"


def make_repo(dest: Path, *overlays: Path) -> Path:
    """A repository at `dest`: schemas/, the fixture's records/, then each overlay on top.

    An overlay folder holds files at their repository paths; an overlay's `remove.txt` lists
    fixture files to delete first.
    """
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    shutil.copytree(FIXTURE / "records", dest / "records")
    for overlay in overlays:
        remove = overlay / "remove.txt"
        if remove.exists():
            for line in remove.read_text(encoding="utf-8").split():
                (dest / line).unlink()
        for path in sorted(overlay.rglob("*")):
            rel = path.relative_to(overlay)
            if path.is_file() and rel.parts[0] == "records":
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, dest / rel)
    return dest


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A valid little repository to break in a test."""
    return make_repo(tmp_path / "repo")
