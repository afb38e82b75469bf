"""Every meeting as one CSV row for spreadsheets: `opendata/jednani.csv`.

RFC 4180 (comma, CRLF, quotes where needed) in UTF-8 with a header row, written by the csv
module. Times are the records' own Europe/Prague clock times; an end the record does not give
(HH:MM) stays empty (the JSON-LD and the calendars show the usual length instead, and say so)."""

from __future__ import annotations

import csv
import io

from lint.model import Meeting
from web.render import meeting_path
from web.view import View

PATH = "opendata/jednani.csv"
FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula to Excel and LibreOffice (OWASP "CSV
injection"): such text gets a leading apostrophe, which they show as text and do not run."""
HEADER = ("datum", "začátek", "konec", "skupiny", "název", "místo", "stav", "stránka")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA) else value


def row(view: View, meeting: Meeting) -> tuple[str, ...]:
    """One meeting's cells, in the order of HEADER."""
    page = meeting_path(meeting.id)
    return tuple(_cell(v) for v in (
        meeting.date.isoformat(),
        meeting.start.isoformat("minutes") if meeting.start else "",
        meeting.end.isoformat("minutes") if meeting.end else "",
        ", ".join(view.short_name(g) for g in meeting.groups),
        view.title(meeting),
        ", ".join(view.place(meeting)),
        view.status(meeting),
        view.base_url + page if view.base_url else page,
    ))


def table(view: View) -> bytes:
    """The whole CSV file, oldest meeting first."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 §2: CRLF ends a record
    writer.writerow(HEADER)
    writer.writerows(row(view, m) for m in view.meetings)
    return out.getvalue().encode("utf-8")
