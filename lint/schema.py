"""Validate parsed records against schemas/, compiled once, reporting where each error is."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from lint.problem import Finding, Pointer

KINDS: Mapping[str, str] = {
    "organisations": "organisation",
    "people": "person",
    "venues": "venue",
    "groups": "group",
    "calendars": "calendar",
    "meetings": "meeting",
    "decisions": "decision",
    "plans": "plan",
}
"""Folder under records/ → record kind (and schema name)."""

_CODES = {
    "Required": "KP201",
    "AdditionalProperties": "KP202",
    "Type": "KP203",
    "Enum": "KP204",
    "Format": "KP205",
    "Pattern": "KP206",
}
_OTHER = "KP207"


class Schemas:
    """The record schemas, each compiled once into a fast validator."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.documents: dict[str, dict[str, Any]] = {}
        for kind in KINDS.values():
            path = folder / f"{kind}.schema.json"
            self.documents[kind] = json.loads(path.read_text(encoding="utf-8"))

    @cached_property
    def validators(self) -> dict[str, Any]:
        # jsonschema-rs compiles each schema once and validates in native code: about 60 times
        # faster per file than a compiled python-jsonschema validator; that matters at 10,000
        # files.
        return {
            kind: jsonschema_rs.Draft202012Validator(doc, validate_formats=True)
            for kind, doc in self.documents.items()
        }

    def check(self, kind: str, data: Any, rel: str) -> list[Finding]:
        """Findings for one record; empty when it is valid."""
        validator = self.validators[kind]
        if validator.is_valid(data):
            return []
        return [self._finding(error, rel, kind) for error in validator.iter_errors(data)]

    def _finding(self, error: Any, rel: str, kind: str) -> Finding:
        pointer: Pointer = tuple(error.instance_path)
        name = type(error.kind).__name__
        code = _CODES.get(name, _OTHER)
        subschema = self.resolve(kind, tuple(error.schema_path)[:-1])
        args: dict[str, object] = {"field": _dotted(pointer)}
        key = False
        if name == "Required":
            args["property"] = error.kind.property
        elif name == "AdditionalProperties":
            unexpected = str(error.kind.unexpected[0])
            allowed = sorted(subschema.get("properties", {}))
            pointer = (*pointer, unexpected)
            key = True
            args.update(property=unexpected, allowed=", ".join(allowed),
                        suggestion=_closest(unexpected, allowed))
        elif name == "Type":
            args.update(expected=_types(error.kind), actual=_type_of(error.instance))
        elif name == "Enum":
            options = [str(v) for v in error.kind.options]
            args.update(value=_short(error.instance), allowed=", ".join(options),
                        suggestion=_closest(str(error.instance), options))
        elif name in ("Format", "Pattern"):
            args.update(value=_short(error.instance), example=_example(subschema))
        else:
            args.update(detail=error.message, example=_example(subschema))
        return Finding(code, rel, pointer, args, key=key)

    def resolve(self, kind: str, path: tuple[Any, ...]) -> dict[str, Any]:
        """The subschema at a schema path, following local `$ref`s."""
        root = self.documents[kind]
        node: Any = root
        for step in path:
            if isinstance(node, dict) and "$ref" in node and step not in node:
                node = _follow(root, node["$ref"])
            if isinstance(node, dict):
                node = node.get(step, {}) if step != "$ref" else _follow(root, node["$ref"])
            elif isinstance(node, list) and isinstance(step, int) and step < len(node):
                node = node[step]
            else:
                return {}
        if isinstance(node, dict) and "$ref" in node:
            node = _follow(root, node["$ref"])
        return node if isinstance(node, dict) else {}


def _follow(root: dict[str, Any], ref: str) -> Any:
    node: Any = root
    for part in ref.lstrip("#/").split("/"):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return node


def _dotted(pointer: Pointer) -> str:
    return ".".join(str(step) for step in pointer)  # "" = the whole record (see report)


def _closest(word: str, options: list[str]) -> str:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return match[0] if match else ""


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _example(schema: Mapping[str, Any]) -> str:
    examples = schema.get("examples")
    if isinstance(examples, list) and examples and not isinstance(examples[0], dict | list):
        return str(examples[0])
    return ""


_TYPE_NAMES = {"string": "text", "integer": "integer", "number": "number", "boolean": "boolean",
               "object": "object", "array": "list", "null": "null"}


def _types(kind: Any) -> str:
    types = getattr(kind, "types", None) or [getattr(kind, "expected", "")]
    return ", ".join(_TYPE_NAMES.get(str(t).lower(), str(t)) for t in types)


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return "null"


def walk(data: Any, pointer: Pointer = ()) -> Iterator[tuple[Pointer, Any]]:
    """Every (pointer, value) pair of a record, depth first."""
    yield pointer, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*pointer, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*pointer, index))
