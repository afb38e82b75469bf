"""Validate parsed records against schemas/, compiled once, reporting where each error is."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from lint import kinds
from lint.hints import Fields, closest_field, follow
from lint.parse import compose, locate_in
from lint.problem import Finding, Pointer

KINDS: Mapping[str, str] = {k.folder: k.name for k in kinds.KINDS}
"""Folder under records/ → record kind (and schema name)."""

_REASONS = {"MinItems": "min-items", "MinLength": "min-length", "UniqueItems": "unique-items",
            "Minimum": "minimum", "Maximum": "maximum", "MaxLength": "max-length"}
"""Other schema keywords whose failure KP207 names in its own words; the rest: "other"."""
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
        for kind in kinds.KINDS:
            path = folder / kind.schema
            self.documents[kind.name] = json.loads(path.read_text(encoding="utf-8"))
        self.fields = Fields(self.documents)

    @cached_property
    def validators(self) -> dict[str, Any]:
        # jsonschema-rs compiles each schema once and validates in native code: about 60 times
        # faster per file than a compiled python-jsonschema validator; that matters at 10,000
        # files.
        return {
            kind: jsonschema_rs.Draft202012Validator(doc, validate_formats=True)
            for kind, doc in self.documents.items()
        }

    def check(self, kind: str, data: Any, rel: str, text: str = "") -> list[Finding]:
        """Located findings for one record, one per place; empty when it is valid."""
        validator = self.validators[kind]
        if validator.is_valid(data):
            return []
        node, lines = compose(text), text.splitlines()
        findings: dict[tuple[Pointer, bool], Finding] = {}
        errors = list(_errors(validator.iter_errors(data)))
        missing = _missing_fields(errors)
        for error in errors:
            finding = self._finding(error, rel, kind, missing)
            line, column = locate_in(node, finding.pointer, key=finding.key)
            finding = replace(finding, line=line, column=column)
            text_line = lines[line - 1] if 0 < line <= len(lines) else ""
            finding = replace(finding, args={**finding.args, **self.fields.explain(
                kind, finding, error.instance, text_line)})
            findings.setdefault((finding.pointer, finding.key), finding)
        return _renamed_not_missing(list(findings.values()))

    def _finding(self, error: Any, rel: str, kind: str,
                 missing: Mapping[Pointer, list[str]]) -> Finding:
        pointer: Pointer = tuple(error.instance_path)
        name = type(error.kind).__name__
        code = _CODES.get(name, _OTHER)
        args: dict[str, object] = {"field": _dotted(pointer)}
        key = False
        if name == "Required":
            args["property"] = error.kind.property
        elif name == "AdditionalProperties":
            subschema = self.resolve(kind, tuple(error.schema_path)[:-1])
            unexpected = str(error.kind.unexpected[0])
            pointer, key = (*pointer, unexpected), True
            args.update(property=unexpected, allowed=", ".join(sorted(subschema.get(
                "properties", {}))), suggestion=closest_field(
                    unexpected, subschema, missing.get(pointer[:-1], [])))
        elif name == "Type":
            args.update(expected=_types(error.kind), actual=_type_of(error.instance))
            # A text written as lines below its field without `|` reads as a list or object:
            # the slip is on the field's own line.
            key = bool(pointer) and "string" in str(args["expected"]).split(",") and isinstance(
                error.instance, list | dict)
            args["reason"] = "type"
        elif name in ("Enum", "Format", "Pattern"):
            args["value"] = _short(error.instance)
            if name == "Enum":
                args["allowed"] = ", ".join(str(v) for v in error.kind.options)
            if name == "Format":
                fmt = str(error.kind.format)
                args["reason"] = fmt if fmt in ("date", "uri") else "other"
        else:
            args.update(value=_short(error.instance), reason=_REASONS.get(name, "other"),
                        limit=str(getattr(error.kind, "limit", "")))
        return Finding(code, rel, pointer, args, key=key)

    def describe(self, kind: str, finding: Finding) -> Finding:
        """A rule's finding with the Czech description of the field it is about."""
        about = self.fields.describe(kind, finding)
        return replace(finding, args={**finding.args, "about": about}) if about else finding

    def resolve(self, kind: str, path: tuple[Any, ...]) -> dict[str, Any]:
        """The subschema at a schema path, following local `$ref`s."""
        root = self.documents[kind]
        node: Any = root
        for step in path:
            if isinstance(node, dict) and "$ref" in node and step not in node:
                node = follow(root, node["$ref"])
            if isinstance(node, dict):
                node = node.get(step, {}) if step != "$ref" else follow(root, node["$ref"])
            elif isinstance(node, list) and isinstance(step, int) and step < len(node):
                node = node[step]
            else:
                return {}
        if isinstance(node, dict) and "$ref" in node:
            node = follow(root, node["$ref"])
        return node if isinstance(node, dict) else {}


def _missing_fields(errors: list[Any]) -> dict[Pointer, list[str]]:
    """Object pointer → the required fields it lacks."""
    found: dict[Pointer, list[str]] = {}
    for error in errors:
        if type(error.kind).__name__ == "Required":
            found.setdefault(tuple(error.instance_path), []).append(str(error.kind.property))
    return found


def _renamed_not_missing(findings: list[Finding]) -> list[Finding]:
    """An unknown field that is a missing one misnamed (`stav:` for `status:`) is one mistake:
    the unknown field's message names the right name, the missing field says nothing."""
    renamed = {(f.pointer[:-1], f.args.get("suggestion")) for f in findings if f.code == "KP202"}
    return [f for f in findings
            if f.code != "KP201" or (f.pointer, f.args.get("property")) not in renamed]


def _errors(errors: Iterable[Any]) -> Iterator[Any]:
    """The errors to report: for a value that fits no branch of a `oneOf`, the errors of the
    branch of its own type (a text is judged as an id, not as an object)."""
    for error in errors:
        if type(error.kind).__name__ in ("OneOfNotValid", "AnyOf") and error.kind.context:
            branches = error.kind.context
            same_type = [b for b in branches
                         if not any(type(e.kind).__name__ == "Type"
                                    and list(e.instance_path) == list(error.instance_path)
                                    for e in b)]
            yield from _errors((same_type or branches)[0])
        else:
            yield error


def _dotted(pointer: Pointer) -> str:
    return ".".join(str(step) for step in pointer)  # "" = the whole record (see report)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _types(kind: Any) -> str:
    """JSON type names (the report words them in the reader's language)."""
    types = getattr(kind, "types", None) or [getattr(kind, "expected", "")]
    return ",".join(str(t).lower() for t in types)


def _type_of(value: Any) -> str:
    for name, kind in _TYPE_OF:
        if isinstance(value, kind):
            return name
    return "null"


_TYPE_OF: tuple[tuple[str, type], ...] = (
    ("boolean", bool), ("integer", int), ("number", float), ("string", str), ("array", list),
    ("object", dict))
"""JSON type names of parsed values, bool before int (a bool is an int in Python)."""


def walk(data: Any, pointer: Pointer = ()) -> Iterator[tuple[Pointer, Any]]:
    """Every (pointer, value) pair of a record, depth first."""
    yield pointer, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*pointer, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*pointer, index))
