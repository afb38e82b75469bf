"""Every .ics the project writes, once per session: the real records' calendars and a corpus of
edge cases, each written by `python -m sync ics`, and every event as the single-event resource
the sync PUTs; with what each file must hold according to the records."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from lint import engine
from lint.model import Repository
from sync import ical, ics
from tests.conftest import ROOT, make_repo
from tests.parsers import oracles

CORPUS = Path(__file__).resolve().parent / "corpus"
URL = "https://example.org/kpss/blob/main/"
COMMITTED = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Source:
    name: str
    repo: Repository
    files: dict[Path, dict[str, oracles.Expected]]
    """Each written file and the events it must hold, by UID."""


def _write(name: str, root: Path, out: Path) -> Source:
    env = {**os.environ, "KPSS_RECORD_URL": URL}
    today = dt.date.today()
    done = subprocess.run([sys.executable, "-m", "sync", "ics", "--out", str(out / "calendars"),
                           "--today", today.isoformat()],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    repo = engine.run(root, today=today, jobs=1).repository
    # <id>-archiv.ics holds every meeting; <id>.ics, the same rendering of the past year and
    # all ahead (sync/ics.py), is what subscribers fetch.
    files = {out / "calendars" / ics.archive_name(cid): oracles.expected(repo, cid)
             for cid in sorted(repo.calendars)}
    feeds = [f"{cid}.ics" for cid in repo.calendars]
    assert sorted(p.name for p in (out / "calendars").iterdir()) == sorted(
        [*feeds, *(p.name for p in files)])
    every = {uid: e for wanted in files.values() for uid, e in wanted.items()}
    (out / "events").mkdir()
    for cid in sorted(repo.calendars):
        for doc in ical.events(repo, repo.calendars[cid], stamps={},
                               record_url=lambda file: URL + file):
            path = out / "events" / f"{doc.uid}.ics"
            path.write_bytes(doc.render(doc.sequence, "abcdef123456", COMMITTED))
            files[path] = {doc.uid: every[doc.uid]}
    return Source(name, repo, files)


@pytest.fixture(scope="session")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[Source]:
    """The real records, and the corpus (tests/parsers/corpus on the lint fixture)."""
    base = tmp_path_factory.mktemp("parsers")
    corpus = make_repo(base / "corpus-repo", CORPUS)
    return [_write("records", ROOT, base / "records"), _write("corpus", corpus, base / "corpus")]


@pytest.fixture(scope="session")
def commands(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], list[str]]:
    """parser name → the command that reads files with it (libical compiled once)."""
    made: dict[str, list[str]] = {}

    def command(parser: str) -> list[str]:
        if parser not in made:
            if parser == "libical":
                binary = oracles.compile_libical(tmp_path_factory.mktemp("libical"))
                made[parser] = [str(binary)]
            elif parser == "ical.js":
                made[parser] = oracles.icaljs_command()
            else:
                made[parser] = oracles.python_command(parser)
        return made[parser]

    return command


@pytest.fixture(scope="session")
def reader(sources: list[Source], commands: Callable[[str], list[str]]
           ) -> Callable[[str], dict[str, dict[str, Any]]]:
    """parser name → what it read of every file, read once, all files in one process."""
    done: dict[str, dict[str, dict[str, Any]]] = {}
    files = [f for s in sources for f in s.files]

    def read(parser: str) -> dict[str, dict[str, Any]]:
        if parser not in done:
            done[parser] = oracles.read(commands(parser), files)
        return done[parser]

    return read
