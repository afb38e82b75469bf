"""`python -m edit settle [PATH ...]`: what a form editor cannot compute, done after it saves.

The CMS names the file but never types the `id` (it must equal the file name), nor the schema
modeline; it leaves emptied optional fields behind (`note: ''`, `guests: []`) and writes an
attendee picked in a form as `{person: id}`. This step, run by the pull-request workflow, sets
the id from the file name, drops empty values, writes `{person: id}` as the plain id the schema
also allows, and then formats the file canonically (modeline included)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from edit import yamlio
from edit.canonical import format_text, kind_of, load_schema, render, schema_path
from lint.hints import follow

Schema = Mapping[str, Any]
EMPTY: tuple[Any, ...] = (None, "", [], {})


def settle_text(text: str, path: Path) -> str:
    """The settled, canonical text of the record at `path`."""
    found = kind_of(path)
    modeline, body = yamlio.split_modeline(text.removeprefix("\ufeff"))
    data = yamlio.load(body, first_line=1 if modeline is None else 2)
    if found is None or not isinstance(data, CommentedMap):
        return format_text(text, path)
    kind, root = found
    location = schema_path(root, kind)
    schema = load_schema(location) if location.is_file() else {}
    _settle(data, schema, schema)
    if data.get("id") in EMPTY:
        data.pop("id", None)
        data.insert(0, "id", path.stem)
    return format_text(render(data, kind, path, root), path)


def _resolve(root: Schema, node: Schema) -> Schema:
    if "$ref" in node:
        return {**_resolve(root, follow(dict(root), node["$ref"])), **node}
    return node


def _settle(value: Any, schema: Schema, root: Schema) -> None:
    """Drop empty values inside `value` and shorten `{person: id}` items, in place."""
    schema = _resolve(root, schema)
    if isinstance(value, CommentedMap):
        properties = schema.get("properties", {})
        for key in list(value):
            _settle(value[key], properties.get(key, {}), root)
            if value[key] in EMPTY:
                del value[key]
    elif isinstance(value, CommentedSeq):
        items = _resolve(root, schema.get("items", {}))
        for index, item in enumerate(value):
            _settle(item, _object_branch(items, root) or items, root)
            value[index] = _shortened(item, items, root)


def _object_branch(items: Schema, root: Schema) -> Schema:
    branches = [_resolve(root, branch) for branch in items.get("oneOf", ())]
    return next((branch for branch in branches if branch.get("type") == "object"), {})


def _shortened(item: Any, items: Schema, root: Schema) -> Any:
    """An item of a `oneOf` [id, {person, note}] list written as the id when it has nothing
    more than its one required field."""
    branch = _object_branch(items, root)
    required = branch.get("required", ())
    plain = any(_resolve(root, b).get("type") == "string" for b in items.get("oneOf", ()))
    if plain and isinstance(item, CommentedMap) and len(required) == 1 and list(item) == required:
        return item[required[0]]
    return item
