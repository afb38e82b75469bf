"""The rules of dated items (records/dates/, kind `dated`): one module for the kind's rules.

Whether `reported_at`, `organisation` and `calendars` name existing records is the generic
reference rule's job (KP303, from the reference fields in lint/kinds.py).
"""

from __future__ import annotations

import calendar as months
import datetime as dt
from collections.abc import Iterator

from lint.model import Dated, Repository
from lint.problem import Finding, Severity

FAR = dt.timedelta(days=3653)
"""Ten years: a date this far from the meeting that reported it is most likely a typo."""


def _clock(value: dt.time) -> str:
    return value.strftime("%H:%M")


class EndBeforeStart:
    """What it flags: a dated item whose `end` is before its `start`, or whose `end_time` is
    not after its `start_time` on a one-day item, or that has an `end_time` without a
    `start_time`.

    Why it matters: a calendar cannot show a period that ends before it begins; such a date is
    almost always a typo (`2022-10-16` for `2022-11-16`) that would publish a wrong window.
    """

    CODE = "KP801"
    NAME = "dated-end-before-start"
    SEVERITY = Severity.ERROR
    READS: tuple[str, ...] = ()

    @staticmethod
    def check(model: Repository) -> Iterator[Finding]:
        for item in model.dates.values():
            if item.end is not None and item.end < item.first_day:
                yield Finding("KP801", item.file, ("end",), {
                    "start": item.first_day.isoformat(), "end": item.end.isoformat(),
                    "reason": "end-before-start"})
            elif item.end_time is not None and item.start_time is None:
                yield Finding("KP801", item.file, ("end_time",), {
                    "start": "", "end": _clock(item.end_time), "reason": "end-without-start"})
            elif (item.end_time is not None and item.start_time is not None
                  and item.last_day == item.first_day and item.end_time <= item.start_time):
                yield Finding("KP801", item.file, ("end_time",), {
                    "start": _clock(item.start_time), "end": _clock(item.end_time),
                    "reason": "end-time-not-after-start"})


class ReportedAtUnheldMeeting:
    """What it flags: a dated item whose `reported_at` names a meeting that did not take place
    (status planned, cancelled or postponed).

    Why it matters: a dated item is a fact from minutes, and only a meeting that was held has
    minutes; the wrong meeting id hides where the date came from and who can vouch for it.
    """

    CODE = "KP802"
    NAME = "dated-reported-at-unheld-meeting"
    SEVERITY = Severity.ERROR
    READS: tuple[str, ...] = ("meeting",)

    @staticmethod
    def check(model: Repository) -> Iterator[Finding]:
        for item in model.dates.values():
            meeting = model.meetings.get(item.reported_at or "")
            if meeting is not None and meeting.status != "held":
                yield Finding("KP802", item.file, ("reported_at",),
                              {"meeting": meeting.id, "status": meeting.status})


class MonthNotWhole:
    """What it flags: a dated item with `precision: month` whose `start` is not the 1st of a
    month or whose `end` is not the last day of a month.

    Why it matters: "v září" is the whole of September; a month-precision item that starts on
    the 15th claims a day the minutes never gave, and calendars would show it as such.
    """

    CODE = "KP803"
    NAME = "dated-month-not-whole"
    SEVERITY = Severity.ERROR
    READS: tuple[str, ...] = ()

    @staticmethod
    def check(model: Repository) -> Iterator[Finding]:
        for item in model.dates.values():
            if not item.month_only:
                continue
            if item.first_day.day != 1:
                yield Finding("KP803", item.file, ("start",), {
                    "field": "start", "value": item.first_day.isoformat(),
                    "expected": item.first_day.replace(day=1).isoformat()})
            if item.end is not None and item.end != _month_end(item.end):
                yield Finding("KP803", item.file, ("end",), {
                    "field": "end", "value": item.end.isoformat(),
                    "expected": _month_end(item.end).isoformat()})


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=months.monthrange(day.year, day.month)[1])


class CallWithoutEnd:
    """What it flags: a dated item of type `call` (a window for applications) without `end`.

    Why it matters: a call is a period; without its last day members cannot see until when
    they may apply, which is the one date they plan by.
    """

    CODE = "KP804"
    NAME = "dated-call-without-end"
    SEVERITY = Severity.ERROR
    READS: tuple[str, ...] = ()

    @staticmethod
    def check(model: Repository) -> Iterator[Finding]:
        for item in model.dates.values():
            if item.type == "call" and item.end is None:
                yield Finding("KP804", item.file, ("start",), {"start": item.first_day.isoformat()})


class FarFromReport:
    """What it flags: a dated item whose start or end is more than ten years from the date of
    the meeting that reported it.

    Why it matters: minutes report dates of the coming months and years; a date decades away
    is nearly always a mistyped year (`2202` for `2022`) that would put the item out of sight.
    """

    CODE = "KP805"
    NAME = "dated-far-from-report"
    SEVERITY = Severity.WARNING
    READS: tuple[str, ...] = ("meeting",)

    @staticmethod
    def check(model: Repository) -> Iterator[Finding]:
        for item in model.dates.values():
            meeting = model.meetings.get(item.reported_at or "")
            if meeting is None:
                continue
            for field, day in (("start", item.first_day), ("end", item.end)):
                if day is not None and abs(day - meeting.date) > FAR:
                    yield Finding("KP805", item.file, (field,), {
                        "field": field, "value": day.isoformat(),
                        "meeting": meeting.id, "date": meeting.date.isoformat()})


class CalendarTakesNoDated:
    """What it flags: a dated item whose `calendars` names a calendar that does not take dated
    items (its `kinds` lacks `dated`).

    Why it matters: the item would silently be missing from the calendar its editor chose;
    members subscribed to it would never see the date.
    """

    CODE = "KP806"
    NAME = "dated-calendar-takes-no-dated"
    SEVERITY = Severity.ERROR
    READS: tuple[str, ...] = ("calendar",)

    @staticmethod
    def check(model: Repository) -> Iterator[Finding]:
        for item in model.dates.values():
            yield from _calendars(model, item)


def _calendars(model: Repository, item: Dated) -> Iterator[Finding]:
    for index, calendar_id in enumerate(item.calendars):
        calendar = model.calendars.get(calendar_id)
        if calendar is not None and not calendar.takes("dated"):
            yield Finding("KP806", item.file, ("calendars", index), {
                "calendar": calendar_id, "kinds": ", ".join(calendar.kinds)})


RULES = (EndBeforeStart, ReportedAtUnheldMeeting, MonthNotWhole, CallWithoutEnd, FarFromReport,
         CalendarTakesNoDated)
