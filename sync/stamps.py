"""When each record last changed, from git history: the DTSTAMP and LAST-MODIFIED of its events."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from pathlib import Path

UNKNOWN = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""The stamp of a file git does not know: fixed, so the output never depends on clock or mtime."""

_COMMIT = "\x00commit "
_GIT_CONFIG = ("-c", "core.quotePath=false", "-c", "log.showSignature=false")


def _git(root: Path, *args: str) -> str | None:
    """Stdout of a git command run in `root`, or None when git is missing or the command fails."""
    try:
        done = subprocess.run(["git", *_GIT_CONFIG, *args], cwd=root, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def _last_changes(log: str) -> dict[str, dt.datetime]:
    """File → newest commit time in a `git log --name-only` output made with our format."""
    latest: dict[str, dt.datetime] = {}
    for entry in log.split(_COMMIT)[1:]:
        stamp, *names = entry.splitlines()
        when = dt.datetime.fromtimestamp(int(stamp), dt.UTC)
        for name in filter(None, names):
            if name not in latest or latest[name] < when:
                latest[name] = when
    return latest


def record_times(root: Path, files: Iterable[str]) -> dict[str, dt.datetime]:
    """Each file's (repository-relative, posix) time of the last commit that touched it, in UTC.

    One `git log` pass over records/ serves every file; a file git does not know, or a
    folder that is not a repository, gets `UNKNOWN`.
    """
    log = _git(root, "log", "--relative", "--name-only", "--no-color",
               "--format=%x00commit %ct", "--", "records")
    latest = _last_changes(log) if log else {}
    return {name: latest.get(name, UNKNOWN) for name in files}


def head_commit(root: Path) -> str | None:
    """The short hash of HEAD (12 digits, stable as the history grows), or None outside git."""
    out = _git(root, "rev-parse", "--short=12", "--verify", "--quiet", "HEAD")
    return out.strip() or None if out else None


def last_change(root: Path) -> str:
    """The newest commit that touched records/ ("" outside git): every record's time above is a
    function of it (a commit hash pins its whole history), so it stands for them all."""
    out = _git(root, "log", "-1", "--format=%H", "--", "records")
    return out.strip() if out else ""
