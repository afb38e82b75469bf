"""Where records refer to other records: the one table the reference rules read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.problem import Pointer

ANY = "*"
"""Stands for every index of a list in a reference path."""

REFERENCES: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "person": ((("organisation",), "organisation"),),
    "group": (
        (("members", ANY, "person"), "person"),
        (("members", ANY, "organisation"), "organisation"),
        (("usual", "venue"), "venue"),
        (("calendar",), "calendar"),
        (("history", ANY, "source"), "meeting"),
    ),
    "calendar": ((("groups", ANY), "group"),),
    "meeting": (
        (("groups", ANY), "group"),
        (("venue",), "venue"),
        (("postponed_to",), "meeting"),
        (("postponed_from",), "meeting"),
        (("next_meeting",), "meeting"),
        (("facilitators", ANY), "person"),
        (("attendance", "present", ANY), "person"),
        (("attendance", "excused", ANY), "person"),
        (("attendance", "guests", ANY), "person"),
        (("attendance", "present", ANY, "person"), "person"),
        (("attendance", "excused", ANY, "person"), "person"),
        (("attendance", "guests", ANY, "person"), "person"),
        (("agenda", ANY, "presenters", ANY), "person"),
        (("agenda", ANY, "organisations", ANY), "organisation"),
        (("agenda", ANY, "reports", ANY, "person"), "person"),
        (("agenda", ANY, "reports", ANY, "organisation"), "organisation"),
        (("agenda", ANY, "reports", ANY, "group"), "group"),
        (("task_checks", ANY, "task"), "decision"),
        (("minutes", "author"), "person"),
        (("minutes", "approved_at"), "meeting"),
    ),
    "decision": (
        (("meeting",), "meeting"),
        (("group",), "group"),
        (("assignees", ANY), "person"),
        (("assignee_organisations", ANY), "organisation"),
    ),
    "plan": (
        (("phases", ANY, "people", ANY), "person"),
        (("decided_at",), "meeting"),
    ),
}
"""Record kind → (path in the record, kind of the record referred to)."""


def references(kind: str, data: Any) -> Iterator[tuple[Pointer, str, str]]:
    """(pointer, target kind, id) of every reference in one record."""
    for path, target in REFERENCES.get(kind, ()):
        for pointer, value in _expand(data, path, ()):
            if isinstance(value, str):
                yield pointer, target, value


def _expand(data: Any, path: tuple[str, ...], at: Pointer) -> Iterator[tuple[Pointer, Any]]:
    if not path:
        yield at, data
        return
    step, rest = path[0], path[1:]
    if step == ANY:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _expand(item, rest, (*at, index))
    elif isinstance(data, Mapping) and step in data:
        yield from _expand(data[step], rest, (*at, step))
