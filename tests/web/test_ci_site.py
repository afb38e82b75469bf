"""The site jobs of the CI templates run as written: the GitHub Pages job of publish.yml and the
GitLab `pages` job build the site from a copy of this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.web.conftest import ROOT

COPIED = ("schemas", "records", "lint", "sync", "web", "messages", "pyproject.toml")
PAGES_BASE = "${{ steps.pages.outputs.base_url }}"
ENV = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
       "PYTHONDONTWRITEBYTECODE": "1"}


def load(rel: str) -> dict:
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("checkout")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name,
                            ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy(source, root / name)
    return root


def run(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=300)


def test_github_pages_job(checkout: Path) -> None:
    workflow = load(".github/workflows/publish.yml")
    assert set(workflow["jobs"]) >= {"sync", "site"}  # the site next to the sync
    job = workflow["jobs"]["site"]
    assert job["permissions"]["pages"] == "write"
    steps = job["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    assert uses[-1] == "actions/deploy-pages"
    build = next(s for s in steps if "python -m web build" in s.get("run", ""))
    out = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))["with"]["path"]
    command = build["run"].replace(PAGES_BASE, "https://mesto-liberec.github.io/kpss")
    done = run(command, checkout, {**ENV, "KPSS_CALENDAR_URL": ""})
    assert done.returncode == 0, done.stderr
    page = (checkout / out / "skupiny/ps-seniori.html").read_text(encoding="utf-8")
    assert "webcal://mesto-liberec.github.io/kpss/kalendare/ps-seniori.ics" in page


def test_gitlab_pages_job(checkout: Path) -> None:
    job = load(".gitlab-ci.yml")["pages"]
    assert job["stage"] == "publish"
    assert job["artifacts"]["paths"] == ["public"]
    env = {**ENV, "CI_PAGES_URL": "https://kpss.gitlab.io",
           "KPSS_CALENDAR_URL": "https://kalendar.liberec.cz/kpss/"}
    done = run("\n".join(job["script"]), checkout, env)
    assert done.returncode == 0, done.stderr
    page = (checkout / "public/kalendare/rps.html").read_text(encoding="utf-8")
    assert 'href="webcal://kalendar.liberec.cz/kpss/rps/"' in page
    assert (checkout / "public/kalendare/rps.ics").is_file()
