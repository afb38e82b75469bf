"""Fixtures for the site tests: the site built from the real records, and from a copy of them
with a cancelled meeting, times on both sides of the 2022 DST change and hostile Markdown."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from lint import engine
from lint.problem import Severity
from web.build import Built, build
from web.view import View

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2022, 9, 1)
BASE_URL = "https://kpss.example.org/"
MEETINGS = "records/meetings/2022"

# Edits to the copy of the records: (file, line after which to insert, inserted lines).
EDITS = (
    # 22. 9. 2022 is summer time (UTC+2), 1. 11. 2022 winter time (UTC+1): the same 10:00.
    ("2022-09-22-ps-seniori.yaml", "date: 2022-09-22", 'start: "10:00"\nend: "12:00"'),
    ("2022-11-01-spolecna-setkani.yaml", "date: 2022-11-01", 'start: "10:00"'),
)
CANCELLED = "2022-09-30-ps-zavislosti"
REASON = "Nemoc manažerky skupiny; náhradní termín bude oznámen."
HOSTILE = """\
agenda:
  - title: Bod s <b>HTML</b>
    content: |
      <script>alert("x")</script> <img src=x onerror=alert(1)>

      [odkaz](javascript:alert(1)) a [web](https://www.liberec.cz/)
"""


def built_repository(root: Path, today: dt.date = TODAY):
    """The validated model of `root`; fails the test if the linter finds errors."""
    result = engine.run(root, today=today, jobs=1)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert not errors, errors
    return result.repository


def build_site(root: Path, out: Path, *, base_url: str | None = BASE_URL,
               calendar_url: str | None = None, pdf: bool = False) -> Built:
    view = View(built_repository(root), TODAY, base_url=base_url, calendar_url=calendar_url)
    return build(view, out, root=root, pdf=pdf)


def edited_records(dest: Path) -> Path:
    """A copy of schemas/ and records/ with the edits above."""
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    shutil.copytree(ROOT / "records", dest / "records")
    for name, after, lines in EDITS:
        path = dest / MEETINGS / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(after + "\n", f"{after}\n{lines}\n", 1), encoding="utf-8")
    path = dest / MEETINGS / f"{CANCELLED}.yaml"
    cancelled = f"status: cancelled\ncancellation_reason: {REASON}"
    text = path.read_text(encoding="utf-8").replace("status: planned", cancelled)
    path.write_text(text, encoding="utf-8")
    path = dest / MEETINGS / "2022-10-04-ps-dusevni-zdravi.yaml"
    path.write_text(path.read_text(encoding="utf-8") + HOSTILE, encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Built]:
    """The site built from this repository's records, as of 1. 9. 2022, with the minutes' PDFs."""
    out = tmp_path_factory.mktemp("site-real")
    return out, build_site(ROOT, out, pdf=True)


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the edited copy of the records."""
    root = edited_records(tmp_path_factory.mktemp("records-edited"))
    out = tmp_path_factory.mktemp("site-edited")
    build_site(root, out)
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No access log in the test output."""


def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def real_url(real_site: tuple[Path, Built]) -> Iterator[str]:
    yield from serve(real_site[0])


@pytest.fixture(scope="session")
def edited_url(edited_site: Path) -> Iterator[str]:
    yield from serve(edited_site)
