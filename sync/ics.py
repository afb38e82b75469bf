"""`python -m sync ics`: one .ics file per calendar, for hosting without a CalDAV server."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from lint.model import Repository
from sync import ical, settings, stamps

RECORD_URL = settings.ENV_RECORD_URL
"""Environment variable: the prefix a record's path is appended to, e.g. a repository's blob URL."""


class UnknownCalendarError(LookupError):
    """The calendar asked for has no valid record."""

    def __init__(self, calendar_id: str, known: list[str]) -> None:
        super().__init__(calendar_id, known)
        self.calendar_id, self.known = calendar_id, known


def record_url_from_env() -> Callable[[str], str | None]:
    """Record file → its public URL, from `KPSS_RECORD_URL`; always None when that is unset."""
    prefix = os.environ.get(RECORD_URL, "").strip()
    if not prefix:
        return lambda _file: None
    return lambda file: prefix + quote(file)


def write_ics(repo: Repository, out: Path, *, root: Path,
              calendar_id: str | None = None) -> list[Path]:
    """Write `<calendar id>.ics` into `out` for every calendar, or only `calendar_id`."""
    if calendar_id is not None and calendar_id not in repo.calendars:
        raise UnknownCalendarError(calendar_id, sorted(repo.calendars))
    chosen = [calendar_id] if calendar_id is not None else sorted(repo.calendars)
    times = stamps.record_times(root, sorted(m.file for m in repo.meetings.values()))
    record_url = record_url_from_env()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for cid in chosen:
        data = ical.calendar_ics(repo, repo.calendars[cid], stamps=times, record_url=record_url)
        written.append(_replace(out / f"{cid}.ics", data))
    return written


def _replace(path: Path, data: bytes) -> Path:
    """Write through a temporary file, so a subscriber never fetches half a calendar."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    return path
