"""What it flags: a meeting that is not in `records/meetings/<year of its date>/`, a meeting whose
id does not start with its date (`2022-09-22-…`), and any other record that is not directly in
the folder of its kind (`records/people/jana-novakova.yaml`, not `records/people/old/…`).

Why it matters: editors find a meeting by its year and date, and the file list reads as a
schedule only when every file sits where its date says; a meeting filed under the wrong year is
a meeting nobody finds when writing the next minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Meeting, Repository
from lint.problem import Finding, Severity

CODE = "KP304"
NAME = "record-in-wrong-folder"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def check(model: Repository) -> Iterator[Finding]:
    for meeting in model.meetings.values():
        yield from _meeting(meeting)
    for rel, (kind, data) in model.raw.items():
        parts = rel.split("/")
        if kind != "meeting" and len(parts) != 3 and isinstance(data, dict):
            expected = "/".join((*parts[:2], parts[-1]))
            yield Finding(CODE, rel, ("id",) if "id" in data else (),
                          {"expected": expected, "reason": "kind-folder", "kind": kind})


def _meeting(meeting: Meeting) -> Iterator[Finding]:
    day = meeting.date.isoformat()
    folder = f"records/meetings/{meeting.date.year}"
    parts = meeting.file.split("/")
    if not meeting.id.startswith(f"{day}-"):
        slug = _DATE_PREFIX.sub("", meeting.id)
        yield Finding(CODE, meeting.file, ("id",), {"expected": f"{folder}/{day}-{slug}.yaml",
                                                     "reason": "meeting-id-date",
                                                     "kind": "meeting"})
    elif len(parts) != 4 or parts[2] != str(meeting.date.year):
        yield Finding(CODE, meeting.file, ("date",), {"expected": f"{folder}/{parts[-1]}",
                                                       "reason": "meeting-year-folder",
                                                       "kind": "meeting"})
