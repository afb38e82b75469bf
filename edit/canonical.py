"""One canonical form for every record: key order from the schema, times and rooms quoted,
block style, comments kept.

The schema is the single source of the order: `properties` of the kind's schema, recursively
into nested objects, list items and the object alternative of a `oneOf`. Keys the schema does not
know keep their relative order after the known ones (the linter reports them; we never drop data).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

from edit import yamlio
from lint.schema import KINDS

Schema = Mapping[str, Any]

ROOM_NAMES = frozenset({"room", "rooms"})
"""Fields (or lists) of rooms: a room number ("209", "2.17") is quoted, a name (malý sál) not."""
_TIME_REF = "#/$defs/time"
MAX_PASSES = 3


@cache
def load_schema(path: Path) -> Schema:
    """A kind's JSON schema, read once."""
    document: Schema = json.loads(path.read_text(encoding="utf-8"))
    return document


def kind_of(path: Path) -> tuple[str, Path] | None:
    """The record kind of a file under `<root>/records/<folder>/`, and that root."""
    parts = path.resolve().parts
    for index in range(len(parts) - 2, -1, -1):
        if parts[index] == "records" and parts[index + 1] in KINDS:
            return KINDS[parts[index + 1]], Path(*parts[:index])
    return None


def schema_path(root: Path, kind: str) -> Path:
    return root / "schemas" / f"{kind}.schema.json"


def _object_schema(schema: Schema) -> Schema:
    """The schema that describes a mapping here: itself, or its object alternative."""
    if "properties" in schema:
        return schema
    for key in ("oneOf", "anyOf"):
        for alternative in schema.get(key, ()):
            if "properties" in alternative:
                return dict(alternative)
    return {}


def _reorder(mapping: CommentedMap, order: list[str]) -> None:
    rank = {key: index for index, key in enumerate(order)}
    keys = list(mapping.keys())
    wanted = sorted(keys, key=lambda k: (rank.get(k, len(rank)), keys.index(k)))
    if wanted != keys:
        for key in wanted:
            mapping.move_to_end(key)


def _quoted(name: str, schema: Schema, value: str) -> bool:
    if isinstance(value, ScalarString):  # block scalars and strings already styled stay so
        return False
    if name in ROOM_NAMES:
        return value[:1].isdigit()
    return schema.get("$ref") == _TIME_REF


def _block(value: CommentedMap | CommentedSeq) -> None:
    """Block style, except for empty collections: `[]` stays (ruamel misplaces the comment of an
    empty collection forced into block style)."""
    if len(value):
        value.fa.set_block_style()


def canonicalize(value: Any, schema: Schema, name: str = "") -> Any:
    """`value` rearranged in place into the canonical form its schema describes."""
    if isinstance(value, CommentedMap):
        described = _object_schema(schema)
        properties: Schema = described.get("properties", {})
        _reorder(value, list(properties))
        _block(value)
        for key in list(value.keys()):
            value[key] = canonicalize(value[key], properties.get(key, {}), str(key))
    elif isinstance(value, CommentedSeq):
        _block(value)
        items: Schema = schema.get("items", {})
        for index, item in enumerate(value):
            value[index] = canonicalize(item, items, name)
    elif isinstance(value, str) and _quoted(name, schema, value):
        return DoubleQuotedScalarString(value)
    return value


def render(data: Any, kind: str | None, path: Path, root: Path | None) -> str:
    """Canonical text of `data` for the file at `path` (modeline first when the kind is known)."""
    schema: Schema = {}
    head = ""
    if kind is not None and root is not None:
        location = schema_path(root, kind)
        if location.is_file():
            schema = load_schema(location)
        head = yamlio.modeline(path, location) + "\n"
    canonicalize(data, schema)
    return head + yamlio.dump(data)


def format_text(text: str, path: Path) -> str:
    """The canonical form of a record's text; raises ruamel's YAMLError when it is not YAML."""
    found = kind_of(path)
    kind, root = found if found else (None, None)
    result = text.removeprefix("\ufeff")  # no byte-order mark in a canonical record
    for _ in range(MAX_PASSES):  # ruamel settles comments in one pass; the loop is a guard
        current = result
        modeline, body = yamlio.split_modeline(current)
        data = yamlio.load(body, first_line=1 if modeline is None else 2)
        if data is None:
            return current
        if kind is None and modeline is not None:
            body_text = render(data, None, path, None)
            result = modeline + "\n" + body_text
        else:
            result = render(data, kind, path, root)
        if result == current:
            break
    return result
