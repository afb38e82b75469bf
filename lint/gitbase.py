"""Records as they were at a git ref (`--base`), for rules that compare against the past."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lint.parse import parse_text


class GitError(Exception):
    """The base ref could not be read (not a repository, unknown ref, git missing)."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(str(exc)) from exc
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {args[0]} failed")
    return done.stdout


def load(root: Path, ref: str, files: Sequence[str]) -> dict[str, Any]:
    """Data at `ref` of those `files` that changed since `ref` and existed there."""
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    changed = set(_git(root, "diff", "--name-only", "--no-renames", ref, "--", "records")
                  .splitlines())
    at_base = set(_git(root, "ls-tree", "-r", "--name-only", ref, "--", "records").splitlines())
    result: dict[str, Any] = {}
    for rel in files:
        if rel in changed and rel in at_base:
            data, findings = parse_text(_git(root, "show", f"{ref}:{rel}"), rel)
            if data is not None and not findings:
                result[rel] = data
    return result
