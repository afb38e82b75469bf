"""The events of the corpus's `vse` calendar, rendered as the sync renders them, and the small
edits the sync benchmark makes to the records (one meeting changed, one added, one removed)."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from pathlib import Path

from bench.schedule import TODAY
from lint import engine
from sync import ical, inputs, stamps
from sync.ical import EventDoc

CALENDAR = "vse"
"""Shows every group: it holds all the corpus's events."""


@dataclass(frozen=True)
class Event:
    name: str
    """The resource name our sync gives it: the record id of its first meeting, `.ics`."""
    body: bytes
    """What our sync PUTs when it creates the event (SEQUENCE from its postponements: 0)."""


def events(root: Path) -> list[Event]:
    """Every event of the `vse` calendar, as our sync would create it."""
    repo = engine.run(root, today=TODAY).repository
    times = stamps.record_times(root, [m.file for m in repo.meetings.values()])
    docs = ical.events(repo, repo.calendars[CALENDAR], stamps=times, record_url=lambda _f: None)
    return [Event(_name(doc), doc.render(0)) for doc in docs]


def before_requests(root: Path) -> dict[str, float]:
    """Seconds our sync spends on its own work: the inputs fingerprint (all a run with nothing
    to do computes), and where the records changed, lint and every event's content hash."""
    begin = time.perf_counter()
    inputs.fingerprint(root, record_url=None)
    start = time.perf_counter()
    repo = engine.run(root, today=TODAY).repository
    linted = time.perf_counter()
    times = stamps.record_times(root, [m.file for m in repo.meetings.values()])
    docs = ical.events(repo, repo.calendars[CALENDAR], stamps=times, record_url=lambda _f: None)
    for doc in docs:
        doc.content_hash  # noqa: B018 - computing it is what is timed
    return {"fingerprint": start - begin, "lint": linted - start,
            "events": time.perf_counter() - linted}


def _name(doc: EventDoc) -> str:
    return doc.uid.split("@", 1)[0] + ".ics"


def change_three(root: Path) -> list[str]:
    """Change one meeting's title, add one planned meeting, remove one meeting nobody refers
    to: the records stay valid. Returns what was done, for the report."""
    files = sorted((root / "records" / "meetings").glob("*/*.yaml"))
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    changed = next(p for p in files if "status: held" in texts[p])
    texts[changed] = re.sub(r"^title: (.*)$", r"title: \1 (změněno)", texts[changed], count=1,
                            flags=re.MULTILINE)
    changed.write_text(texts[changed], encoding="utf-8")
    removed = next(p for p in reversed(files) if p != changed and _unnamed(p, texts, root))
    removed.unlink()
    last = max(dt.date.fromisoformat(p.stem[:10]) for p in files)
    added = _add(root / "records" / "meetings", last + dt.timedelta(days=7))
    return [f"changed {changed.name}", f"added {added.name}", f"removed {removed.name}"]


def _unnamed(path: Path, texts: dict[Path, str], root: Path) -> bool:
    """Whether removing this meeting keeps the records valid: no other record names it and it
    checks no task."""
    text = texts[path]
    if "postponed" in text or "task_checks" in text:
        return False
    if any((root / "records" / "decisions").glob(f"{path.stem}-*.yaml")):
        return False
    return not any(f"next_meeting: {path.stem}\n" in other for other in texts.values())


def _add(meetings: Path, day: dt.date) -> Path:
    while day.weekday() > 4:
        day += dt.timedelta(days=1)
    mid = f"{day.isoformat()}-rps"
    path = meetings / str(day.year) / f"{mid}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n"
        f"id: {mid}\ngroups:\n  - rps\ntitle: Mimořádné jednání ŘPS\ndate: {day.isoformat()}\n"
        'start: "09:00"\nend: "10:00"\nvenue: online\nstatus: planned\n', encoding="utf-8")
    return path
