"""`python -m edit new minutes`: turn a planned meeting into the template of its minutes.

Attendance starts as the group's members on that day (the minute-taker strikes out who was not
there), and the task check (kontrola úkolů) lists every open task of the group given at an
earlier meeting, with its current status for the minute-taker to change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from edit.context import Context, load, save
from edit.meetings import planned
from edit.messages import EditError
from lint import model
from messages import date_cs

TODO = "TODO"
"""Stands for a value only a person can give; as an id it fails the linter until replaced.

Every comment below says what to write in words that work when followed literally (a test
completes the scaffold as they say and lints it): an empty list is filled inside its brackets,
never by items below it, which YAML would refuse after `[]`."""
OPEN = ("open", "in-progress")
COMMENTS = {
    "present": "DOPLŇTE: smažte nepřítomné, přidejte další přítomné (id z records/people/)",
    "excused": "DOPLŇTE: omluvené vepište do závorek, např. [jana-urbanova, ivan-langr]",
    "agenda": "DOPLŇTE: body programu tak, jak jsou v zápisu",
    "task": "DOPLŇTE: nový stav (open, in-progress, done, cancelled), týž stav i do pole status "
            "v records/decisions/{task}.yaml",
    "author": "DOPLŇTE: id zapisovatele/zapisovatelky (records/people/)",
}


def _when(meeting: model.Meeting) -> tuple[dt.date, dt.time]:
    return meeting.date, meeting.start or dt.time.min


def members(ctx: Context, meeting: model.Meeting) -> list[str]:
    """People who are active members of the meeting's groups on its day, in roster order."""
    seen: dict[str, None] = {}
    for group_id in meeting.groups:
        group = ctx.repository.groups.get(group_id)
        for member in group.members if group else ():
            if member.person and member.status == "active" and member.covers(meeting.date):
                seen.setdefault(member.person)
    return list(seen)


def open_tasks(ctx: Context, meeting: model.Meeting) -> list[model.Decision]:
    """Open tasks of the meeting's groups given at earlier meetings, oldest first."""
    found = []
    for decision in ctx.repository.decisions.values():
        origin = ctx.repository.meetings.get(decision.meeting)
        if (decision.kind == "task" and decision.status in OPEN and origin is not None
                and decision.group in meeting.groups and _when(origin) < _when(meeting)):
            found.append((_when(origin), decision.id, decision))
    return [decision for *_, decision in sorted(found)]


def _ids(entries: Iterable[object]) -> Iterator[str]:
    """Person ids of attendance entries (`id` or `{person: id, note: ...}`)."""
    for entry in entries:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict) and isinstance(entry.get("person"), str):
            yield entry["person"]


def _attendance(data: CommentedMap, people: list[str]) -> None:
    attendance = data.get("attendance") or CommentedMap()
    excused = attendance.get("excused") or CommentedSeq()
    present = attendance.get("present") or CommentedSeq()
    listed = set(_ids(excused)) | set(_ids(present))
    present.extend(p for p in people if p not in listed)
    attendance["present"], attendance["excused"] = present, excused
    attendance.yaml_add_eol_comment(COMMENTS["present"], "present")
    if not excused:
        attendance.yaml_add_eol_comment(COMMENTS["excused"], "excused")
    data["attendance"] = attendance


def _agenda(data: CommentedMap) -> None:
    if data.get("agenda"):
        return
    item = CommentedMap([("title", TODO), ("content", LiteralScalarString(f"- {TODO}\n"))])
    data["agenda"] = CommentedSeq([item])
    data.yaml_add_eol_comment(COMMENTS["agenda"], "agenda")


def _task_checks(data: CommentedMap, tasks: list[model.Decision]) -> None:
    checks = data.get("task_checks") or CommentedSeq()
    checked = {entry.get("task") for entry in checks if isinstance(entry, dict)}
    for task in tasks:
        if task.id not in checked:
            entry = CommentedMap([("task", task.id), ("status", task.status)])
            entry.yaml_add_eol_comment(COMMENTS["task"].format(task=task.id), "status")
            checks.append(entry)
    if checks:
        data["task_checks"] = checks


def new_minutes(ctx: Context, meeting_id: str) -> str:
    """Rewrite a planned meeting in place as a minutes template (status held, minutes draft)."""
    meeting = planned(ctx, meeting_id)
    if meeting.date > ctx.today:
        raise EditError("in-future", id=meeting_id, date=date_cs(meeting.date))
    data = load(ctx, meeting.file)
    data["status"] = "held"
    _attendance(data, members(ctx, meeting))
    _agenda(data)
    _task_checks(data, open_tasks(ctx, meeting))
    minutes = CommentedMap([("author", TODO), ("status", "draft")])
    minutes.yaml_add_eol_comment(COMMENTS["author"], "author")
    data["minutes"] = minutes
    return save(ctx, "meeting", meeting.file, data)
