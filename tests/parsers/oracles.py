"""Independent iCalendar parsers run on our .ics files, and what the records say they must read.

Each parser runs in a child process and prints one JSON line per file (libical_read.c,
js/read.mjs, py_read.py). What it must find is computed here from lint's model and zoneinfo,
never from our own .ics: a start, an end and a status per UID.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from lint.kinds import KINDS, records
from lint.model import DEFAULT_MEETING_LENGTH, Meeting, Repository, Span

HERE = Path(__file__).resolve().parent
JS = HERE / "js"
PRAGUE = ZoneInfo("Europe/Prague")
REQUIRED = bool(os.environ.get("CI") or os.environ.get("KPSS_CI"))
"""In CI (.ci/run installs every parser with scripts/install-parsers.sh) a missing parser fails
the test instead of skipping it."""
TIMEOUT = 120
STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED",
          "postponed": "TENTATIVE"}


def unavailable(what: str) -> None:
    """Skip on a developer's machine without the parser; fail in CI, which installs it."""
    message = f"{what} (scripts/install-parsers.sh installs it)"
    if REQUIRED:
        pytest.fail("missing in CI: " + message)
    pytest.skip(message)


# --- what the records say -------------------------------------------------------------------

@dataclass(frozen=True)
class Expected:
    uid: str
    start: dict[str, str]
    end: dict[str, str]
    status: str
    record: Meeting | Span


def _instant(value: dt.datetime) -> dict[str, str]:
    return {"utc": value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}


def _length(repo: Repository, meeting: Meeting) -> dt.timedelta:
    """The record format's rule (docs/record-format.md), written out again here."""
    minutes = [repo.groups[g].meeting_length or DEFAULT_MEETING_LENGTH
               for g in meeting.groups if g in repo.groups]
    return dt.timedelta(minutes=max(minutes, default=DEFAULT_MEETING_LENGTH))


def _expected(repo: Repository, root: str, meeting: Meeting) -> Expected:
    if meeting.start is None:
        start = {"date": meeting.date.isoformat()}
        end = {"date": (meeting.date + dt.timedelta(days=1)).isoformat()}
    else:
        # fold=0: a local time shown twice is the first of the two (RFC 5545 §3.3.5)
        local = dt.datetime.combine(meeting.date, meeting.start, PRAGUE)
        until = dt.datetime.combine(meeting.date, meeting.end, PRAGUE) if meeting.end else None
        if until is None or until <= local:
            until = local.astimezone(dt.UTC) + _length(repo, meeting)
        start, end = _instant(local), _instant(until)
    return Expected(f"{root}@kpss", start, end, STATUS[meeting.status], meeting)


def expected(repo: Repository, calendar_id: str) -> dict[str, Expected]:
    """Every event the calendar must show, by UID: a meeting moved to another one is shown as
    that one, under the UID of the first meeting of the chain."""
    calendar = repo.calendars[calendar_id]
    moved = {m.id: m.postponed_to for m in repo.meetings.values()
             if m.status == "postponed" and m.postponed_to in repo.meetings}
    earlier = {str(later): m for m, later in moved.items()}
    found = {}
    for meeting in repo.meetings.values():
        if meeting.id in moved:
            continue
        chain = [meeting.id]
        while chain[-1] in earlier:
            chain.append(earlier[chain[-1]])
        groups = {g for mid in chain for g in repo.meetings[mid].groups}
        shows = calendar.all or not calendar.groups or groups & set(calendar.groups)
        if "meeting" in calendar.kinds and shows:
            event = _expected(repo, chain[-1], meeting)
            found[event.uid] = event
    for declared in KINDS:
        if declared.calendar == "dates" and calendar.takes(declared.name):
            for item in typing.cast("Mapping[str, Span]", records(repo, declared.name)).values():
                if calendar_id in item.calendars:
                    found[f"{item.id}@kpss"] = _dated(item)
    return found


def _dated(item: Span) -> Expected:
    """All day, DTEND the day after the last day (RFC 5545 §3.6.1); with a start time, from it
    to the end time on the last day, or an hour when no end is given (docs/record-format.md)."""
    last = item.last_day
    status = "TENTATIVE" if item.tentative else "CONFIRMED"
    if item.start_time is None:
        return Expected(f"{item.id}@kpss", {"date": item.first_day.isoformat()},
                        {"date": (last + dt.timedelta(days=1)).isoformat()}, status, item)
    local = dt.datetime.combine(item.first_day, item.start_time, PRAGUE)
    until = dt.datetime.combine(last, item.end_time, PRAGUE) if item.end_time else None
    if until is None or until <= local:
        until = local.astimezone(dt.UTC) + dt.timedelta(hours=1)
    return Expected(f"{item.id}@kpss", _instant(local), _instant(until), status, item)


# --- what the parsers read ------------------------------------------------------------------

def _run(command: list[str], cwd: Path | None = None) -> list[dict[str, Any]]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd,
                          check=False, encoding="utf-8")
    assert done.returncode == 0, f"{command[0]} failed: {done.stderr[-2000:]}"
    return [json.loads(line) for line in done.stdout.splitlines()]


def compile_libical(out: Path) -> Path:
    """tests/parsers/libical_read.c, compiled against Debian's libical."""
    if shutil.which("gcc") is None or shutil.which("pkg-config") is None:
        unavailable("gcc and pkg-config")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libical"], capture_output=True,
                           text=True, check=False)
    if flags.returncode != 0:
        unavailable("libical-dev")
    binary = out / "libical_read"
    subprocess.run(["gcc", "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-Wall", "-Wextra",
                    "-Werror", "-O1", "-o", str(binary), str(HERE / "libical_read.c"),
                    *flags.stdout.split()], check=True, timeout=TIMEOUT)
    return binary


def icaljs_command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        unavailable("node")
    if not (JS / "node_modules" / "ical.js" / "package.json").exists():
        unavailable("ical.js (npm ci in tests/parsers/js)")
    return [str(node), str(JS / "read.mjs")]


def python_command(parser: str) -> list[str]:
    if parser == "vobject" and importlib.util.find_spec("vobject") is None:
        unavailable("vobject (pip install -e '.[test]')")
    return [sys.executable, "-W", "error", str(HERE / "py_read.py"), parser]


def read(command: list[str], files: list[Path]) -> dict[str, dict[str, Any]]:
    """What the parser read, by file; every file in one process (the vobject case)."""
    return {r["file"]: r for r in _run([*command, *map(str, files)])}


def mismatches(reading: Mapping[str, Any], wanted: Mapping[str, Expected]) -> list[str]:
    """How one file as a parser read it differs from what the records say."""
    events = {e["uid"]: e for e in reading["events"]}
    wrong = [f"{reading['file']}: UIDs {sorted(events)} != {sorted(wanted)}"] \
        if set(events) != set(wanted) else []
    for uid in sorted(set(events) & set(wanted)):
        got, want = events[uid], wanted[uid]
        for field in ("start", "end"):
            value = got[field] or {}
            if "utc" in value and value.get("zone") not in ("Europe/Prague", "UTC"):
                wrong.append(f"{uid} {field}: floating or a foreign zone {value}")
            shown = {k: v for k, v in value.items() if k != "zone"}
            if shown != getattr(want, field):
                wrong.append(f"{uid} {field}: {shown} != {getattr(want, field)}")
        if got["status"] != want.status:
            wrong.append(f"{uid} status: {got['status']} != {want.status}")
    return wrong
