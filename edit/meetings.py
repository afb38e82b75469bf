"""Scaffolds for the schedule: a new planned meeting, a cancellation, a postponement."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from edit.context import Context, create, load, save
from edit.messages import EditError
from lint import model
from messages import date_cs

TODO_COMMENT = "DOPLŇTE, pokud je znáte: {fields}"
FIELD_HINTS = {"start": 'start (čas, např. "14:00")', "venue": "venue (id z records/venues/)"}
MOVED_WITH = ("agenda", "method", "facilitators", "facilitators_note", "expected_attendance")
"""What a postponed meeting takes to its new date; attendance and minutes stay with the old."""


@dataclass(frozen=True)
class When:
    """Date and time of a meeting as typed on the command line."""

    date: dt.date
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Where:
    venue: str | None = None
    room: str | None = None


def default_title(group: model.Group) -> str:
    """What the minutes call a meeting of this group: `Jednání ŘPS`, `Jednání PS Senioři`."""
    if group.kind == "joint-meeting":
        return "Společné setkání pracovních skupin"
    return f"Jednání {group.short_name}"


def _usual(group: model.Group, when: When, where: Where) -> tuple[When, Where]:
    """Fill what was not given from the group's usual venue, room and times."""
    usual = group.usual
    start = when.start or _clock(usual.start)
    end = when.end
    if end is None and not when.start and usual.start and usual.end and usual.end > usual.start:
        end = _clock(usual.end)
    venue = where.venue or usual.venue
    room = where.room
    if room is None and venue == usual.venue:
        room = usual.room
    return When(when.date, start, end), Where(venue, room)


def _clock(value: dt.time | None) -> str | None:
    """A time as the command line gives it ("14:00")."""
    return value.strftime("%H:%M") if value is not None else None


def _meeting_data(record_id: str, groups: list[str], title: str, when: When,
                  where: Where) -> CommentedMap:
    data = CommentedMap()
    data["id"] = record_id
    data["groups"] = CommentedSeq(groups)
    data["title"] = title
    data["date"] = when.date.isoformat()
    for key, value in (("start", when.start), ("end", when.end), ("venue", where.venue),
                       ("room", where.room)):
        if value is not None:
            data[key] = value
    data["status"] = "planned"
    missing = [FIELD_HINTS[name] for name, value in (("start", when.start), ("venue", where.venue))
               if value is None]
    if missing:
        data.yaml_set_comment_before_after_key(
            "status", before=TODO_COMMENT.format(fields=", ".join(missing)))
    return data


def new_meeting(ctx: Context, group_id: str, when: When, where: Where,
                title: str | None = None) -> str:
    """Create records/meetings/<YYYY>/<date>-<group>.yaml, a planned meeting."""
    group = ctx.group(group_id)
    if where.venue is not None:
        ctx.require("venue", where.venue)
    if when.end is not None and when.start is None:
        raise EditError("end-without-start")
    when, where = _usual(group, when, where)
    record_id = f"{when.date.isoformat()}-{group_id}"
    data = _meeting_data(record_id, [group_id], title or default_title(group), when, where)
    return create(ctx, "meeting", ctx.path("meeting", record_id, when.date.year), data)


def planned(ctx: Context, meeting_id: str) -> model.Meeting:
    """The meeting, refused unless it is still planned."""
    meeting = ctx.meeting(meeting_id)
    if meeting.status != "planned":
        raise EditError("not-planned", id=meeting_id, status=meeting.status)
    return meeting


def cancel(ctx: Context, meeting_id: str, reason: str) -> str:
    """Mark a planned meeting cancelled, with its reason (shown in the calendar)."""
    meeting = planned(ctx, meeting_id)
    data = load(ctx, meeting.file)
    data["status"] = "cancelled"
    data["cancellation_reason"] = reason
    return save(ctx, "meeting", meeting.file, data)


def _shifted_end(old: model.Meeting, start: str | None, end: str | None) -> str | None:
    """The new end: as given, else the old one moved with the start (same length)."""
    if end is not None:
        return end
    if old.end is None or old.start is None:
        return None
    if start is None:
        return old.end.strftime("%H:%M")
    length = dt.datetime.combine(old.date, old.end) - dt.datetime.combine(old.date, old.start)
    moved = dt.datetime.combine(old.date, dt.time.fromisoformat(start)) + length
    return moved.strftime("%H:%M") if moved.date() == old.date else None


def postpone(ctx: Context, meeting_id: str, when: When) -> tuple[str, str]:
    """Create the meeting at its new date and mark the old one postponed; both name each other."""
    old = planned(ctx, meeting_id)
    if when.date == old.date:
        raise EditError("same-date", date=date_cs(when.date))
    prefix = f"{old.date.isoformat()}-"
    slug = old.id.removeprefix(prefix)
    new_id = f"{when.date.isoformat()}-{slug}"
    start = when.start or (old.start.strftime("%H:%M") if old.start else None)
    if when.end is not None and start is None:
        raise EditError("end-without-start")
    new_when = When(when.date, start, _shifted_end(old, when.start, when.end))
    data = load(ctx, old.file)
    new = _meeting_data(new_id, list(old.groups), data.get("title") or slug, new_when,
                        Where(old.venue, old.room))
    new["postponed_from"] = old.id
    for key in MOVED_WITH:
        if key in data:
            new[key] = copy.deepcopy(data[key])
    created = create(ctx, "meeting", ctx.path("meeting", new_id, when.date.year), new)
    data["status"] = "postponed"
    data["postponed_to"] = new_id
    return created, save(ctx, "meeting", old.file, data)
