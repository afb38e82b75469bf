"""`python -m sync ics`: one .ics file per calendar, for hosting without a CalDAV server."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import quote

from lint.kinds import KINDS, calendar_files, records
from lint.model import Repository, Span
from sync import ical, settings, stamps

RECORD_URL = settings.ENV_RECORD_URL
"""Environment variable: the prefix a record's path is appended to, e.g. a repository's blob URL."""


FEED_PAST = dt.timedelta(days=365)
"""How far back the subscribed feeds reach; every client downloads the whole file each refresh."""
ARCHIVE_SUFFIX = "-archiv"


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


def archive_name(calendar_id: str) -> str:
    """The file with every meeting ever, beside the bounded `<id>.ics` subscribers fetch."""
    return f"{calendar_id}{ARCHIVE_SUFFIX}.ics"


def bounded(repo: Repository, today: dt.date) -> Repository:
    """The records with only the meetings and dated items a subscription needs: the past year
    and all ahead.

    A postponed meeting and its new date are one event (sync/ical.py), so a chain that reaches
    into that window is kept whole and keeps its UID."""
    since = today - FEED_PAST
    keep = {mid for mid, m in repo.meetings.items() if m.date >= since}
    for _ in range(len(repo.meetings)):  # each pass adds one more link of some chain
        more = {m.id for m in repo.meetings.values() if m.id not in keep
                and (m.postponed_to in keep or m.postponed_from in keep)}
        if not more:
            break
        keep |= more
    meetings = {mid: m for mid, m in repo.meetings.items() if mid in keep}
    spans: dict[str, typing.Any] = {k.folder: {i: r for i, r in records(repo, k.name).items()
                        if typing.cast("Span", r).last_day >= since}
             for k in KINDS if k.calendar == "dates"}
    return dataclasses.replace(repo, meetings=meetings, **spans)


def feeds(repo: Repository, calendar_id: str, today: dt.date, *,
          stamps: Mapping[str, dt.datetime],
          record_url: Callable[[str], str | None]) -> dict[str, bytes]:
    """`<id>.ics` (bounded, for subscribing) and `<id>-archiv.ics` (everything) by file name."""
    calendar = repo.calendars[calendar_id]
    return {
        f"{calendar_id}.ics": ical.calendar_ics(bounded(repo, today), calendar, stamps=stamps,
                                                record_url=record_url),
        archive_name(calendar_id): ical.calendar_ics(repo, calendar, stamps=stamps,
                                                     record_url=record_url),
    }


def write_ics(repo: Repository, out: Path, *, root: Path, calendar_id: str | None = None,
              today: dt.date | None = None) -> list[Path]:
    """Write `<calendar id>.ics` (the past year and all ahead) and `<calendar id>-archiv.ics`
    (every meeting) into `out` for every calendar, or only `calendar_id`."""
    if calendar_id is not None and calendar_id not in repo.calendars:
        raise UnknownCalendarError(calendar_id, sorted(repo.calendars))
    chosen = [calendar_id] if calendar_id is not None else sorted(repo.calendars)
    times = stamps.record_times(root, calendar_files(repo))
    record_url = record_url_from_env()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for cid in chosen:
        files = feeds(repo, cid, today or dt.date.today(), stamps=times, record_url=record_url)
        written += [_replace(out / name, data) for name, data in files.items()]
    return written


def _replace(path: Path, data: bytes) -> Path:
    """Write through a temporary file, so a subscriber never fetches half a calendar."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    return path
