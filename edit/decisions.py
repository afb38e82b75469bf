"""`python -m edit new task` / `new decision`: a resolution or task of a held meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from edit.context import Context, create
from edit.messages import EditError
from lint.fixes import slug

SLUG_WORDS = 4
SLUG_LENGTH = 40
INITIAL = {"task": "open", "decision": "adopted"}


@dataclass(frozen=True)
class Decision:
    """What the command line says about a new decision or task."""

    kind: str
    meeting: str
    text: str
    group: str | None = None
    assignees: Sequence[str] = field(default_factory=tuple)
    due: dt.date | None = None
    item: int | None = None
    name: str | None = None


def short_slug(text: str) -> str:
    """A few first words of the text as an id part: `Paní Jírová podá informaci` →
    `pani-jirova-poda-informaci`."""
    words = slug(text).split("-")[:SLUG_WORDS]
    return "-".join(words)[:SLUG_LENGTH].strip("-") or "ukol"


def _group(ctx: Context, spec: Decision, groups: Sequence[str]) -> str:
    if spec.group is None:
        if len(groups) != 1:
            raise EditError("which-group", id=spec.meeting, groups=", ".join(groups))
        return groups[0]
    if spec.group not in groups:
        ctx.require("group", spec.group)
        raise EditError("not-a-group-of", group=spec.group, id=spec.meeting,
                        groups=", ".join(groups))
    return spec.group


def _assignees(ctx: Context, names: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split assignees into people and organisations, refusing unknown ids."""
    people, organisations = [], []
    known = ctx.repository.known_ids
    for name in names:
        if name in known.get("person", frozenset()):
            people.append(name)
        elif name in known.get("organisation", frozenset()):
            organisations.append(name)
        else:
            ctx.require("person", name)
    return people, organisations


def _free_id(ctx: Context, base: str) -> str:
    """`base`, or `base-2`, `base-3`, ... when a record already has it."""
    taken = ctx.repository.known_ids.get("decision", frozenset())
    candidate, number = base, 1
    while candidate in taken or ctx.path("decision", candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def new_decision(ctx: Context, spec: Decision) -> str:
    """Create records/decisions/<meeting>-<slug>.yaml (a task starts open, a decision adopted)."""
    meeting = ctx.record("meeting", spec.meeting)  # its minutes may still be a draft with TODOs
    if meeting.get("status") != "held":
        raise EditError("not-held", id=spec.meeting, status=meeting.get("status"))
    group = _group(ctx, spec, [g for g in meeting.get("groups") or () if isinstance(g, str)])
    people, organisations = _assignees(ctx, spec.assignees)
    part = slug(spec.name) if spec.name else short_slug(spec.text)
    record_id = _free_id(ctx, f"{spec.meeting}-{part or 'ukol'}")
    data = CommentedMap([("id", record_id), ("kind", spec.kind), ("meeting", spec.meeting),
                         ("group", group)])
    if spec.item is not None:
        data["agenda_item"] = spec.item
    text = spec.text.strip()
    data["text"] = LiteralScalarString(text + "\n") if "\n" in text else text
    if people:
        data["assignees"] = CommentedSeq(people)
    if organisations:
        data["assignee_organisations"] = CommentedSeq(organisations)
    if spec.due is not None:
        data["due"] = spec.due.isoformat()
    data["status"] = INITIAL[spec.kind]
    return create(ctx, "decision", ctx.path("decision", record_id), data)
