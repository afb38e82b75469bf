"""Read .ics files with a Python parser and print one JSON line per file, as libical_read.c and
js/read.mjs do: `python py_read.py vobject|icalendar FILE...`.

A child process of its own: vobject keeps every VTIMEZONE it meets in one process-wide table
and the first one of a TZID wins, as it does inside Radicale, which reads every event of a
calendar in one process. Reading all files in one run reproduces that; a test's process stays
clean.

vobject: the times as vobject resolves them (its own table, filled from the files).
icalendar: each file's own VTIMEZONE (`to_tz(lookup_tzid=False)`), not the system's zoneinfo.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any


def when(value: Any, zone: str | None) -> dict[str, str | None] | None:
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    if value.tzinfo is None:
        return {"utc": value.strftime("%Y-%m-%dT%H:%M:%SZ"), "zone": None}
    utc = value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"utc": utc, "zone": "UTC" if value.utcoffset() == dt.timedelta(0) and zone is None
            else zone}


def read_vobject(path: Path) -> dict[str, Any]:
    import vobject  # noqa: PLC0415  (only in the child that asked for it)

    cal = vobject.readOne(path.read_text(encoding="utf-8"))
    events = []
    for event in cal.contents.get("vevent", []):
        def value(name: str, event: Any = event) -> Any:
            return event.contents[name][0].value if name in event.contents else None

        def zone(name: str, event: Any = event) -> str | None:
            # vobject moves TZID into the value's tzinfo: dateutil's zone built from the
            # VTIMEZONE keeps its TZID
            found = value(name)
            return getattr(getattr(found, "tzinfo", None), "_tzid", None)

        events.append({"uid": value("uid"), "start": when(value("dtstart"), zone("dtstart")),
                       "end": when(value("dtend"), zone("dtend")), "status": value("status"),
                       "summary": value("summary"), "description": value("description")})
    text = {k: cal.contents[k][0].value if k in cal.contents else None
            for k in ("name", "x-wr-calname", "x-wr-caldesc")}
    calendar = {"name": text["name"], "calname": text["x-wr-calname"],
                "caldesc": text["x-wr-caldesc"]}
    return {"file": str(path), "calendar": calendar, "events": events}


def read_icalendar(path: Path) -> dict[str, Any]:
    import icalendar  # noqa: PLC0415

    cal = icalendar.Calendar.from_ical(path.read_bytes())
    zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in cal.walk("VTIMEZONE")}
    events = []
    for event in cal.walk("VEVENT"):
        def moment(name: str, event: Any = event) -> dict[str, str | None] | None:
            if name not in event:
                return None
            prop = event[name]
            tzid = prop.params.get("TZID")
            value = prop.dt
            if tzid is not None:
                if tzid not in zones:
                    return when(value.replace(tzinfo=None), None)
                value = value.replace(tzinfo=zones[tzid])
            return when(value, tzid)

        def text(name: str, event: Any = event) -> str | None:
            return str(event[name]) if name in event else None

        events.append({"uid": text("UID"), "start": moment("DTSTART"), "end": moment("DTEND"),
                       "status": text("STATUS"), "summary": text("SUMMARY"),
                       "description": text("DESCRIPTION")})
    calendar = {"name": None, "calname": None, "caldesc": None}
    return {"file": str(path), "calendar": calendar, "events": events}


def main(argv: list[str]) -> int:
    read = {"vobject": read_vobject, "icalendar": read_icalendar}[argv[0]]
    for name in argv[1:]:
        sys.stdout.write(json.dumps(read(Path(name)), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
