"""What it flags: a meeting on a Czech public holiday (28. 9., 17. 11., Easter Monday, ...).

Why it matters: offices and most services are closed on public holidays, so a meeting there is
almost always a wrong date (a typo in the day or the month) that would mislead every subscriber.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import cache

from lint.model import Repository
from lint.problem import Finding, Severity
from messages import date_cs

CODE = "KP404"
NAME = "meeting-on-public-holiday"
SEVERITY = Severity.WARNING
READS: tuple[str, ...] = ()


@cache
def public_holidays(year: int, language: str = "cs") -> Mapping[dt.date, str]:
    """Czech public holidays of one year, date → name, in `language` (cs or en_US)."""
    import holidays  # noqa: PLC0415 - a fifth of lint's start-up; loaded when first needed

    days = holidays.country_holidays("CZ", years=year, language=language)
    return dict(days.items())


def check(model: Repository) -> Iterator[Finding]:
    years = {meeting.date.year for meeting in model.meetings.values()}
    days = {day: name for year in sorted(years) for day, name in public_holidays(year).items()}
    for meeting in model.meetings.values():
        name = days.get(meeting.date)
        if name is not None:
            english = public_holidays(meeting.date.year, "en_US")[meeting.date]
            yield Finding(CODE, meeting.file, ("date",),
                          {"date": date_cs(meeting.date), "holiday": name,
                           "holiday_en": english})
