"""What it flags: a record whose id should start with its date (a meeting: `2022-09-22-…`) and
does not, a meeting that is not in `records/meetings/<year of its date>/`, and any other record
that is not directly in the folder of its kind (`records/people/jana-novakova.yaml`, not
`records/people/old/…`).

Why it matters: editors find a meeting by its year and date, and the file list reads as a
schedule only when every file sits where its date says; a meeting filed under the wrong year is
a meeting nobody finds when writing the next minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.kinds import Kind, kind
from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP304"
NAME = "record-in-wrong-folder"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check(model: Repository) -> Iterator[Finding]:
    for rel, (kind_name, data) in model.raw.items():
        if not isinstance(data, dict):
            continue
        declared = kind(kind_name)
        date = data.get(declared.id_rule.date_field or "")
        if isinstance(date, str) and _DATE.match(date) and isinstance(data.get("id"), str):
            yield from _dated(declared, rel, data["id"], date)
        elif not declared.id_rule.year_folders and len(rel.split("/")) != 3:
            parts = rel.split("/")
            expected = "/".join((*parts[:2], parts[-1]))
            yield Finding(CODE, rel, ("id",) if "id" in data else (),
                          {"expected": expected, "reason": "kind-folder", "kind": kind_name})


def _dated(declared: Kind, rel: str, record_id: str, day: str) -> Iterator[Finding]:
    """An id that starts with the record's date, in the year's folder where the kind has them."""
    year = day[:4]
    folder = f"records/{declared.folder}" + (f"/{year}" if declared.id_rule.year_folders else "")
    parts = rel.split("/")
    depth = 4 if declared.id_rule.year_folders else 3
    if not record_id.startswith(f"{day}-"):
        slug = _DATE_PREFIX.sub("", record_id)
        yield Finding(CODE, rel, ("id",), {"expected": f"{folder}/{day}-{slug}.yaml",
                                            "reason": "id-date", "kind": declared.name,
                                            "field": declared.id_rule.date_field or ""})
    elif len(parts) != depth or (declared.id_rule.year_folders and parts[2] != year):
        reason = "year-folder" if declared.id_rule.year_folders else "kind-folder"
        yield Finding(CODE, rel, (declared.id_rule.date_field or "id",),
                      {"expected": f"{folder}/{parts[-1]}", "reason": reason,
                       "kind": declared.name})
