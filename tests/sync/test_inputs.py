"""The inputs fingerprint: equal exactly when a sync would produce the same calendars."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sync import inputs
from tests.conftest import make_repo
from tests.sync.sandbox import clean_env

MEETING = Path("records/meetings/2022/2022-10-19-rps.yaml")
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
       "-c", "commit.gpgsign=false"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def fingerprint(root: Path, url: str = "") -> str | None:
    return inputs.fingerprint(root, record_url=url)


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=root, env=clean_env(), check=True, capture_output=True)


def test_the_same_inputs_give_the_same_fingerprint(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy)
    first = fingerprint(repo)
    assert first is not None
    assert len(first) == 40
    assert fingerprint(repo) == first == fingerprint(copy)


@pytest.mark.parametrize("edit", ["byte", "new-file", "rename", "remove", "schema", "empty-dir"])
def test_any_change_to_records_or_schemas_changes_it(repo: Path, edit: str) -> None:
    before = fingerprint(repo)
    meeting = repo / MEETING
    if edit == "byte":
        meeting.write_bytes(meeting.read_bytes().replace(b"14:00", b"14:01"))
    elif edit == "new-file":
        (repo / "records" / "people" / "notes.txt").write_text("x", encoding="utf-8")
    elif edit == "rename":
        meeting.rename(meeting.with_name("2022-10-19-rps-x.yaml"))
    elif edit == "remove":
        meeting.unlink()
    elif edit == "schema":
        schema = repo / "schemas" / "meeting.schema.json"
        schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    else:
        (repo / "records" / "meetings" / "2030").mkdir()
    assert fingerprint(repo) != before


def test_the_record_link_setting_counts(repo: Path) -> None:
    assert fingerprint(repo, "https://example.org/z/") != fingerprint(repo)


def test_a_link_is_hashed_by_its_target_not_followed(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    os.symlink(outside, repo / "records" / "people" / "link.yaml")
    before = fingerprint(repo)
    outside.write_text("a: 2\n", encoding="utf-8")
    assert fingerprint(repo) == before  # lint refuses the link anyway; its target is not read
    (repo / "records" / "people" / "link.yaml").unlink()
    os.symlink(tmp_path / "elsewhere.yaml", repo / "records" / "people" / "link.yaml")
    assert fingerprint(repo) != before


def test_a_commit_touching_records_counts_others_do_not(repo: Path) -> None:
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "records")
    committed = fingerprint(repo)
    (repo / "README.md").write_text("docs\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "docs only")
    assert fingerprint(repo) == committed  # every event's DTSTAMP is the same as before
    meeting = repo / MEETING
    text = meeting.read_bytes()
    meeting.write_bytes(text + b"# x\n")
    git(repo, "commit", "-q", "-am", "change")
    meeting.write_bytes(text)
    git(repo, "commit", "-q", "-am", "and back")
    # The same bytes as before, yet the record's last change (its events' DTSTAMP) moved.
    assert fingerprint(repo) != committed


def test_a_fifo_is_noted_never_read(repo: Path) -> None:
    os.mkfifo(repo / "records" / "people" / "pipe.yaml")
    assert fingerprint(repo) is not None  # returns at once: a FIFO is never opened


def test_missing_records_still_give_a_fingerprint(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    assert fingerprint(tmp_path) is not None
    (tmp_path / "records").mkdir()
    assert fingerprint(tmp_path) != inputs.fingerprint(tmp_path / "none", record_url="")


def code_digest(package: Path) -> str:
    digest = inputs.hashlib.blake2b(digest_size=20)
    inputs._tree(digest, package, package, suffix=".py")
    return digest.hexdigest()


def test_the_code_counts_its_packages_not_the_data_beside_them(tmp_path: Path) -> None:
    # lint/cases/ holds hundreds of folders of the rules' examples: no part of what a run does,
    # and walking them on every run would cost more than hashing all the code.
    package = tmp_path / "lint"
    (package / "rules").mkdir(parents=True)
    (package / "cases/KP101/fail").mkdir(parents=True)
    for path in (package / "__init__.py", package / "rules/__init__.py"):
        path.write_text('"""A package."""\n', encoding="utf-8")
    before = code_digest(package)
    (package / "cases/KP101/fail/case.yaml").write_text("id: x\n", encoding="utf-8")
    (package / "cases/more").mkdir()
    assert code_digest(package) == before
    (package / "rules/new_rule.py").write_text("CODE = 'KP999'\n", encoding="utf-8")
    assert code_digest(package) != before
