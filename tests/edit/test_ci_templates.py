"""The CI templates run as written: every lint, format and codequality command of the GitHub
workflows, the GitLab pipeline and the pre-commit hooks is executed in a git checkout of this
repository (a pull-request branch with `origin/main` as its base), and the sync step against an
embedded Radicale with `--dry-run`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
import yaml

from sync.radicale import running
from tests.edit.conftest import ROOT

COPIED = ("schemas", "records", "lint", "sync", "edit", "web", "messages", "pyproject.toml")
OURS = ("python -m lint", "python -m edit", "git ", "BASE=", "if git")
"""Commands a template runs that this test executes; `pip install` is the runner's business."""
GITHUB_BASE = "${{ github.base_ref }}"
NEW_PERSON = """\
# yaml-language-server: $schema=../../schemas/person.schema.json
id: jana-novakova
name: Jana Nováková
given_name: Jana
surname: Nováková
"""


def load(rel: str) -> dict:
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=ENV)


ENV = {**os.environ, "GIT_AUTHOR_NAME": "kpss", "GIT_AUTHOR_EMAIL": "kpss@example.org",
       "GIT_COMMITTER_NAME": "kpss", "GIT_COMMITTER_EMAIL": "kpss@example.org",
       "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
       "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of a repository like this one, on a branch that adds a person."""
    origin = tmp_path_factory.mktemp("origin")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, origin / name,
                            ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy(source, origin / name)
    git(origin, "init", "--quiet", "--initial-branch", "main")
    git(origin, "add", ".")
    git(origin, "commit", "--quiet", "-m", "records")
    work = tmp_path_factory.mktemp("work") / "repo"
    git(origin.parent, "clone", "--quiet", str(origin), str(work))
    git(work, "checkout", "--quiet", "-b", "new-person")
    (work / "records/people/jana-novakova.yaml").write_text(NEW_PERSON, encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "--quiet", "-m", "Jana Nováková")
    return work


def ours(commands: list[str]) -> list[str]:
    return [c for c in commands if c.strip().startswith(OURS)]


def execute(script: str, cwd: Path, env: Mapping[str, str] = ENV) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=300)


def github_runs(rel: str) -> Iterator[dict]:
    for job in load(rel)["jobs"].values():
        yield from (step for step in job["steps"] if "run" in step)


def test_github_lint_workflow_runs_as_written(checkout: Path) -> None:
    workflow = load(".github/workflows/lint.yml")
    assert list(workflow[True]) == ["pull_request"]  # PyYAML reads the key `on` as True
    checkout_step = workflow["jobs"]["lint"]["steps"][0]
    assert checkout_step["with"]["fetch-depth"] == 0
    commands = ours([step["run"] for step in workflow["jobs"]["lint"]["steps"] if "run" in step])
    assert any("--format github" in c and f"--base origin/{GITHUB_BASE}" in c for c in commands)
    assert not any("format" in c and "--format" not in c for c in commands)  # never judged
    for command in commands:
        done = execute(command.replace(GITHUB_BASE, "main"), checkout)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        if "--format github" in command:
            assert "::warning file=records/" in done.stdout  # annotations, not text


@pytest.mark.parametrize("pipeline", [
    {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "CI_DEFAULT_BRANCH": "main"},
    {"CI_DEFAULT_BRANCH": "main"},  # a push to main: the baseline report
])
def test_gitlab_lint_job_runs_as_written(checkout: Path, pipeline: dict[str, str]) -> None:
    job = load(".gitlab-ci.yml")["lint"]
    assert ours(job["script"]) == job["script"]  # every line is run here
    assert not any("edit format" in line for line in job["script"])  # format is never judged
    script = "\n".join(job["script"])
    env = {**ENV, **pipeline}
    done = execute(script, checkout, env)
    assert done.returncode == 0, (done.stdout, done.stderr)
    report = json.loads((checkout / job["artifacts"]["reports"]["codequality"]).read_text())
    assert report
    assert {"description", "check_name", "fingerprint", "severity",
                       "location"} <= set(report[0])
    assert len({issue["fingerprint"] for issue in report}) == len(report)


def test_gitlab_lint_job_fails_on_an_error(checkout: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(checkout, broken)
    person = broken / "records/people/jana-novakova.yaml"
    person.write_text(NEW_PERSON + "organisation: smll\n", encoding="utf-8")
    job = load(".gitlab-ci.yml")["lint"]
    env = {**ENV, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "CI_DEFAULT_BRANCH": "main"}
    done = execute("\n".join(ours(job["script"])), broken, env)
    assert done.returncode == 1
    report = json.loads((broken / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"])
            for i in report if i["severity"] == "major"] == [
        ("KP303 unresolved-reference", "records/people/jana-novakova.yaml", 6)]


def test_pre_commit_hooks_run_as_written(checkout: Path) -> None:
    hooks = {hook["id"]: hook for hook in load(".pre-commit-hooks.yaml")}
    assert set(hooks) == {"kpss-lint", "kpss-format"}
    records = sorted(str(p.relative_to(checkout)) for p in (checkout / "records").rglob("*.yaml"))
    for hook in hooks.values():
        files = [] if hook.get("pass_filenames") is False else records
        done = subprocess.run([*hook["entry"].split(), *files], cwd=checkout, env=ENV,
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, (hook["id"], done.stderr)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=checkout, env=ENV,
                            capture_output=True, text=True, check=True).stdout
    assert "records/" not in status  # the formatter found every record canonical


SYNC = "python -m sync --complete-history"


def test_sync_is_safe_in_both_pipelines() -> None:
    github = load(".github/workflows/publish.yml")
    assert github[True]["push"]["branches"] == ["main"]
    assert github["concurrency"] == {"group": "calendar-sync", "cancel-in-progress": False}
    env = next(s for s in github_runs(".github/workflows/publish.yml")
               if s["run"] == SYNC)["env"]
    assert env["KPSS_CALDAV_PASSWORD"] == "${{ secrets.KPSS_CALDAV_PASSWORD }}"
    assert env["KPSS_CALDAV_URL"] == "${{ vars.KPSS_CALDAV_URL }}"
    gitlab = load(".gitlab-ci.yml")["publish"]
    assert gitlab["resource_group"] == "calendar-sync"
    assert gitlab["script"] == ["python -m lint", SYNC]
    # The whole history, so that a commit on the server git does not know counts as forged.
    assert gitlab["variables"]["GIT_DEPTH"] == 0
    checkout = next(s for s in github["jobs"]["sync"]["steps"]
                    if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert "KPSS_CALDAV_PASSWORD" not in (ROOT / ".gitlab-ci.yml").read_text().replace(
        "Variables, KPSS_CALDAV_PASSWORD", "")  # only named in the comment, never set


def test_publish_steps_run_against_a_calendar_server(checkout: Path) -> None:
    steps = [s for s in github_runs(".github/workflows/publish.yml") if s["run"] in (
        "python -m lint", SYNC)]
    with running() as server:
        values = {"${{ vars.KPSS_CALDAV_URL }}": server.url,
                  "${{ vars.KPSS_CALDAV_USERNAME }}": server.user,
                  "${{ secrets.KPSS_CALDAV_PASSWORD }}": server.password}
        for step in steps:
            env = {**ENV, **{k: values[v] for k, v in step.get("env", {}).items()}}
            command = step["run"] + (" --dry-run" if "sync" in step["run"] else "")
            done = execute(command, checkout, env)
            assert done.returncode == 0, (command, done.stderr)
    assert "nic se nezapsalo" in done.stdout


UNQUOTED_TIME = ("start: \"14:00\"", "start: 14:00")
"""A layout the linter accepts and the formatter changes (it quotes times)."""
PR_BRANCH = "novy-termin"


@pytest.fixture
def pull_request(tmp_path: Path, checkout: Path) -> tuple[Path, Path]:
    """(origin, clone): origin has a pull-request branch whose record is valid but not in the
    canonical format; the clone is checked out on that branch, as the format job checks out."""
    origin = tmp_path / "origin"
    git(tmp_path, "clone", "--quiet", "--bare", str(checkout), str(origin))
    editor = tmp_path / "editor"
    git(tmp_path, "clone", "--quiet", str(origin), str(editor))
    git(editor, "checkout", "--quiet", "-b", PR_BRANCH)
    meeting = editor / "records/meetings/2022/2022-10-19-rps.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(*UNQUOTED_TIME),
                       encoding="utf-8")
    git(editor, "commit", "--quiet", "-am", "Čas bez uvozovek")
    git(editor, "push", "--quiet", "origin", PR_BRANCH)
    assert execute("python -m lint", editor).returncode == 0  # valid: only the layout differs
    clone = tmp_path / "job"
    git(tmp_path, "clone", "--quiet", "--branch", PR_BRANCH, str(origin), str(clone))
    return origin, clone


def _branch_head(origin: Path) -> str:
    return subprocess.run(["git", "rev-parse", PR_BRANCH], cwd=origin, env=ENV, check=True,
                          capture_output=True, text=True).stdout.strip()


def _canonical_on_branch(origin: Path, tmp_path: Path) -> bool:
    fresh = tmp_path / "fresh"
    git(tmp_path, "clone", "--quiet", "--branch", PR_BRANCH, str(origin), str(fresh))
    return execute("python -m edit format --check", fresh).returncode == 0


def test_github_format_job_commits_the_format(pull_request: tuple[Path, Path],
                                              tmp_path: Path) -> None:
    origin, clone = pull_request
    job = load(".github/workflows/lint.yml")["jobs"]["format"]
    assert job["if"] == "github.event.pull_request.head.repo.full_name == github.repository"
    assert job["permissions"] == {"contents": "write"}
    assert load(".github/workflows/lint.yml")["permissions"] == {"contents": "read"}
    assert job["steps"][0]["with"]["ref"] == "${{ github.head_ref }}"
    before = _branch_head(origin)
    for _ in range(2):  # the second run finds nothing to do and commits nothing
        for step in job["steps"]:
            if "run" in step and step["run"].strip().startswith(OURS):
                done = execute(step["run"], clone)
                assert done.returncode == 0, (step["run"], done.stdout, done.stderr)
        after = _branch_head(origin)
        git(clone, "pull", "--quiet")
    assert after != before
    assert _canonical_on_branch(origin, tmp_path)
    log = subprocess.run(["git", "log", "--format=%s", f"{before}..{PR_BRANCH}"], cwd=origin,
                         env=ENV, check=True, capture_output=True, text=True).stdout
    assert log.splitlines() == ["Jednotný formát záznamů (python -m edit settle)"]


def test_gitlab_format_job_commits_the_format(pull_request: tuple[Path, Path],
                                              tmp_path: Path) -> None:
    origin, clone = pull_request
    job = load(".gitlab-ci.yml")["format"]
    rule = job["rules"][0]["if"]
    assert "$CI_MERGE_REQUEST_SOURCE_PROJECT_ID == $CI_PROJECT_ID" in rule  # no forks
    assert "$KPSS_FORMAT_TOKEN" in rule
    assert job["allow_failure"] is True
    assert "${KPSS_FORMAT_TOKEN}@" in job["variables"]["KPSS_FORMAT_REMOTE"]
    env = {**ENV, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": PR_BRANCH,
           "KPSS_FORMAT_REMOTE": str(origin)}  # GitLab expands it to the project with the token
    before = _branch_head(origin)
    done = execute("\n".join(job["script"]), clone, env)
    assert done.returncode == 0, (done.stdout, done.stderr)
    formatted = _branch_head(origin)
    assert formatted != before
    assert _canonical_on_branch(origin, tmp_path)
    again = execute("\n".join(job["script"]), clone, env)
    assert again.returncode == 0
    assert _branch_head(origin) == formatted  # nothing left to format: no commit


def test_format_jobs_do_not_fail_on_an_unreadable_record(pull_request: tuple[Path, Path]) -> None:
    """A syntax error is the linter's to report at its line; the format job formats the rest."""
    origin, clone = pull_request
    broken = clone / "records/people/jana-novakova.yaml"
    broken.write_text(NEW_PERSON + 'note: "neuzavřené\n', encoding="utf-8")
    job = load(".gitlab-ci.yml")["format"]
    env = {**ENV, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": PR_BRANCH,
           "KPSS_FORMAT_REMOTE": str(origin)}
    script = [line for line in job["script"] if "checkout" not in line and "fetch" not in line]
    done = execute("\n".join(script), clone, env)
    assert done.returncode == 0, (done.stdout, done.stderr)
    steps = load(".github/workflows/lint.yml")["jobs"]["format"]["steps"]
    formatting = next(s["run"] for s in steps if s.get("name") == "Sjednocení formátu")
    assert execute(formatting, clone).returncode == 0
