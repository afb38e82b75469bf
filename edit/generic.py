"""`python -m edit new <kind>` for a kind whose declaration gives scaffold fields (lint/kinds.py):
one option per field, the id from the declared date field and a short name."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from edit.context import Context, create
from edit.decisions import short_slug
from lint.kinds import KINDS, Kind, ScaffoldField

GENERIC: dict[str, Kind] = {k.name: k for k in KINDS if k.scaffold and k.scaffold.fields}
"""Kinds scaffolded from their declaration alone."""


def option_flag(field: ScaffoldField) -> str:
    return "--" + field.field.replace("_", "-")


def option(field: ScaffoldField) -> dict[str, Any]:
    """The argparse keywords of one field's option (help as (Czech, English))."""
    spec: dict[str, Any] = {"help": field.help, "dest": field.field}
    if field.type == "flag":
        return {**spec, "action": "store_true"}
    if field.type.startswith("list:"):
        spec.update(action="append", default=[])
    spec["required"] = field.required
    spec["metavar"] = {"date": ("RRRR-MM-DD", "YYYY-MM-DD"), "time": ("HH:MM", "HH:MM"),
                       "int": ("ČÍSLO", "NUMBER")}.get(field.type, ("TEXT", "TEXT")) \
        if ":" not in field.type else ("ID", "ID")
    if field.type in ("date", "time"):
        spec["type"] = field.type
    elif field.type == "int":
        spec["type"] = int
    return spec


def _value(ctx: Context, field: ScaffoldField, value: Any) -> Any:
    target = field.type.partition(":")[2]
    for one in value if isinstance(value, list) else [value]:
        if target:
            ctx.require(target, one)
    if isinstance(value, list):
        return CommentedSeq(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def new_record(ctx: Context, declared: Kind, args: argparse.Namespace) -> str:
    """Create records/<folder>/<id>.yaml with the fields given; the linter checks the rest."""
    assert declared.scaffold is not None  # noqa: S101 - GENERIC holds only scaffolded kinds
    values = {f.field: getattr(args, f.field, None) for f in declared.scaffold.fields}
    dates: list[dt.date] = [v for f in declared.scaffold.id_from
                            if isinstance(v := values.get(f), dt.date)]
    name = args.name or short_slug(str(values.get("title") or declared.name))
    record_id = "-".join([*(d.isoformat() for d in dates), short_slug(name)])
    data = CommentedMap([("id", record_id)])
    for field in declared.scaffold.fields:
        value = values[field.field]
        if value not in (None, False, []):
            data[field.field] = _value(ctx, field, value)
    return create(ctx, declared.name, ctx.path(declared.name, record_id), data)
