"""Which commit is newer: what keeps a late sync job of an older commit from putting old content
back over what a newer commit's job already published.

Every event carries the commit it was written from (`X-KPSS-COMMIT`, with its committer time in
`X-KPSS-COMMIT-TIME`). A commit on the server is newer than ours when git says ours is its
ancestor. Where git cannot say (a shallow CI clone does not hold the other commit, or the two
are on diverging branches) the committer times decide.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

SHORT = 12
"""Digits of a commit hash written into events (as `git rev-parse --short=12`)."""
_HEX = re.compile(rf"[0-9a-f]{{{SHORT}}}")
"""What we write into events; anything else found there is no commit of ours."""
_GIT_TIMEOUT = 30.0
_FUTURE_SLACK = dt.timedelta(minutes=10)
"""How far a committer clock may run ahead of ours. A time later than that is no evidence: a
forged or damaged one would otherwise keep every sync away from the calendar until it passed."""


@dataclass(frozen=True)
class Commit:
    """A commit as events record it: its short hash and its committer time (UTC)."""

    sha: str
    time: dt.datetime | None = None

    @property
    def stamp(self) -> int:
        """The committer time as Unix seconds (0 when unknown), for the state cache."""
        return int(self.time.timestamp()) if self.time else 0

    @classmethod
    def of(cls, sha: str | None, stamp: int | float | None) -> Commit | None:
        """A commit from stored values; None without a hash."""
        if not sha:
            return None
        when = dt.datetime.fromtimestamp(stamp, dt.UTC) if stamp else None
        return cls(sha, when)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", check=False,
                              timeout=_GIT_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):
        return None


def head(root: Path) -> Commit | None:
    """HEAD of the repository holding `root`, or None outside git."""
    done = _git(root, "log", "-1", "--format=%H %ct", "HEAD")
    if done is None or done.returncode != 0 or not done.stdout.strip():
        return None
    full, stamp = done.stdout.split()
    return Commit(full[:SHORT], dt.datetime.fromtimestamp(int(stamp), dt.UTC))


class Order:
    """Answers "is this commit newer than ours?", asking git at most twice per commit."""

    def __init__(self, root: Path, ours: Commit | None,
                 now: dt.datetime | None = None, *, complete: bool = False) -> None:
        self.root, self.ours = root, ours
        self.complete = complete
        """The job's history holds every commit that may have synced (the publish workflow
        fetched the branch whole, and no two syncs run at once): a commit on the server that
        git does not know is then forged or damaged, never newer."""
        self.now = now or dt.datetime.now(dt.UTC)
        self._known: dict[Commit, bool] = {}

    def newer(self, other: Commit | None) -> bool:
        """True when `other` (a commit found on the server) is newer than ours."""
        ours = self.ours
        if ours is None or other is None or other.sha == ours.sha:
            return False  # outside git nothing can be compared; the same commit is not newer
        if other not in self._known:
            self._known[other] = self._decide(ours, other)
        return self._known[other]

    def _decide(self, ours: Commit, other: Commit) -> bool:
        """Git decides where it knows both commits (the job's own history: a newer commit
        cannot be forged into it); else the committer times, within bounds (`_later`). A
        value that is not a commit hash as we write it is no commit at all."""
        if not _HEX.fullmatch(other.sha):  # from the server: never an option for git either
            return False
        if self._ancestor(other.sha, ours.sha):
            return False
        if self._ancestor(ours.sha, other.sha):
            return True
        if self.complete and not self._exists(other.sha):
            return False
        return self._later(ours, other)

    def _exists(self, sha: str) -> bool:
        done = _git(self.root, "cat-file", "-e", f"{sha}^{{commit}}")
        return done is not None and done.returncode == 0

    def _ancestor(self, older: str, newer: str) -> bool:
        """`git merge-base --is-ancestor`: exit 0 yes, 1 no, 128 an unknown commit."""
        done = _git(self.root, "merge-base", "--is-ancestor", older, newer)
        return done is not None and done.returncode == 0

    def _later(self, ours: Commit, other: Commit) -> bool:
        """Unrelated or unknown to git: the later committer time wins. A time in the future is
        no evidence (a damaged event must not block every sync to come)."""
        if other.time is None or ours.time is None:
            return False
        if other.time > self.now + _FUTURE_SLACK:
            return False
        return other.time > ours.time


def never(_commit: Commit | None) -> bool:
    """The order outside git: nothing on the server counts as newer."""
    return False
