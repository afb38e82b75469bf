"""The sessions people and CI run: `nox -s lint tests`, `nox -s serve`, ..."""

from __future__ import annotations

import nox

PYTHON = None
"""The interpreter nox runs under (kpss.py's .venv): any Python >= 3.11, so a machine with only
its own python3 (Ubuntu 24.04: 3.12) needs no python3.11 beside it."""
PACKAGE = "."
TEST_EXTRAS = ".[test]"
SERVE_EXTRAS = ".[serve]"
SITE_EXTRAS = ".[site]"
SITE_OUT = "site"
SOURCES = ("lint", "sync", "edit", "web", "messages", "bench", "tests", "noxfile.py", "kpss.py",
           "scripts")
BENCH_TOOLS = ("check-jsonschema>=0.28", "yamllint>=1.35", "vdirsyncer>=0.19")
"""What the benchmark compares with; the tests run its quick mode once."""

nox.options.sessions = ["quality", "lint", "tests"]
nox.options.reuse_existing_virtualenvs = True


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Validate records/ against schemas/ and every consistency rule."""
    session.install("-e", PACKAGE)
    session.run("python", "-m", "lint", *session.posargs)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite against real files and real CalDAV servers."""
    session.install("-e", TEST_EXTRAS, *BENCH_TOOLS)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Validate records, start an embedded Radicale, push the schedule, print subscribe URLs."""
    session.install("-e", SERVE_EXTRAS)
    session.run("python", "-m", "sync", "serve", *session.posargs)


@nox.session(python=PYTHON)
def sync(session: nox.Session) -> None:
    """Push the schedule to the server named by KPSS_CALDAV_URL (pass --dry-run to preview)."""
    session.install("-e", PACKAGE)
    session.run("python", "-m", "sync", *session.posargs)


@nox.session(python=PYTHON)
def site(session: nox.Session) -> None:
    """Build the public web site into site/ (pass --base-url URL, --today YYYY-MM-DD, ...)."""
    session.install("-e", SITE_EXTRAS)
    session.run("python", "-m", "web", "build", "--out", SITE_OUT, *session.posargs)


@nox.session(python=PYTHON)
def quality(session: nox.Session) -> None:
    """Code quality: ruff (lint and format check) and mypy."""
    session.install("-e", TEST_EXTRAS, "ruff>=0.6", "mypy>=1.10", "types-PyYAML")
    session.run("ruff", "check", *SOURCES)
    session.run("mypy")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Regenerate docs/rules.md from the rules and their test cases."""
    session.install("-e", PACKAGE)
    with open("docs/rules.md", "w", encoding="utf-8") as out:
        session.run("python", "-m", "lint.docs", stdout=out)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmark lint and sync next to check-jsonschema, yamllint, vdirsyncer (-- --quick)."""
    session.install("-e", TEST_EXTRAS, *BENCH_TOOLS)
    session.run("python", "-m", "bench", *session.posargs)
