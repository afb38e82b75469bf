"""How the site writes dates, times and the records' enumerations in Czech."""

from __future__ import annotations

import datetime as dt

from lint.model import Meeting
from messages import MONTHS_CS, WEEKDAYS_CS, date_cs, month_cs, plural_cs

MEETING_STATUS = {"planned": "plánováno", "held": "proběhlo", "cancelled": "zrušeno",
                  "postponed": "odloženo"}
PAST_PLANNED = "termín uplynul, záznam o konání zatím chybí"
DECISION_STATUS = {"open": "otevřený", "in-progress": "rozpracovaný", "done": "splněný",
                   "cancelled": "zrušený", "adopted": "přijato", "revoked": "zrušeno"}
DECISION_KIND = {"decision": "usnesení", "task": "úkol"}
GROUP_KIND = {"steering-group": "řídicí skupina", "working-group": "pracovní skupina",
              "joint-meeting": "společná setkání všech pracovních skupin"}
ROLE = {"manager": "manažer/ka skupiny", "coordinator": "koordinátor/ka", "member": "člen/ka",
        "guest": "host", "public-representative": "zástupce veřejnosti"}
MINUTES_STATUS = {"draft": "koncept (zatím neschválený)", "approved": "schválený"}


def day(value: dt.date | str) -> str:
    """A date (or an ISO date string) as Czech text writes it: 31. 8. 2022."""
    return date_cs(dt.date.fromisoformat(value) if isinstance(value, str) else value)


def long_day(value: dt.date) -> str:
    """A date with its weekday: středa 31. 8. 2022."""
    return f"{WEEKDAYS_CS[value.weekday()]} {day(value)}"


def month(value: str) -> str:
    """`2022-07` as `červenec 2022`."""
    year, number = value.split("-")
    return month_cs(int(year), int(number))


def month_range(start: str, until: str | None) -> str:
    """A plan phase's months: `září 2022`, `září – říjen 2022`, `prosinec 2022 – leden 2023`."""
    if not until or until == start:
        return month(start)
    if start[:4] == until[:4]:
        return f"{MONTHS_CS[int(start[5:7]) - 1]} – {month(until)}"
    return f"{month(start)} – {month(until)}"


def clock(value: dt.datetime | dt.time) -> str:
    """A time of day as 14:00."""
    return f"{value.hour}:{value.minute:02d}"


def iso(value: dt.date | dt.datetime) -> str:
    """The `datetime` attribute of <time>: a date, or local time with its UTC offset."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def hours(meeting: Meeting) -> str:
    """The meeting's time of day in Europe/Prague, or what is known of it."""
    start, end = meeting.starts_at, meeting.ends_at
    if start is None:
        return "čas neuveden"
    if end is None or end <= start:
        return f"od {clock(start)}"
    return f"{clock(start)}–{clock(end)}"


def status(meeting: Meeting, today: dt.date) -> str:
    """The meeting's status as every page words it: a planned meeting whose day has passed
    is no longer "plánováno", nor "proběhlo" until its record says so."""
    if meeting.status == "planned" and meeting.date < today:
        return PAST_PLANNED
    return MEETING_STATUS.get(meeting.status, meeting.status)


count = plural_cs
"""`1 jednání`, `3 úkoly`, `5 úkolů`: Czech plural forms (the templates' `text.count`)."""
