"""Validate parsed records against schemas/, compiled once, reporting where each error is."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from lint import fixes
from lint.parse import compose, locate_in
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
        self._field_validators: dict[tuple[Any, ...], Any] = {}
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

    def check(self, kind: str, data: Any, rel: str, text: str = "") -> list[Finding]:
        """Located findings for one record, one per place; empty when it is valid."""
        validator = self.validators[kind]
        if validator.is_valid(data):
            return []
        node, lines = compose(text), text.splitlines()
        findings: dict[tuple[Pointer, bool], Finding] = {}
        for error in _errors(validator.iter_errors(data)):
            finding = self._finding(error, rel, kind)
            line, column = locate_in(node, finding.pointer, key=finding.key)
            typed = _token(lines, line, column)
            finding = replace(finding, line=line, column=column)
            finding = replace(finding, args={**finding.args, **self._explain(
                kind, finding, error, typed, lines[line - 1:line])})
            findings.setdefault((finding.pointer, finding.key), finding)
        return list(findings.values())

    def _finding(self, error: Any, rel: str, kind: str) -> Finding:
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
                "properties", {}))), suggestion=_closest_field(unexpected, subschema))
        elif name == "Type":
            args.update(expected=_types(error.kind), actual=_type_of(error.instance))
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

    def _explain(self, kind: str, finding: Finding, error: Any, typed: str,
                 line: list[str]) -> dict[str, object]:
        """What the hint says for this field: its Czech description and the corrected line."""
        field = self.field(kind, finding.pointer if not finding.key else finding.pointer[:-1],
                           error.instance)
        explained: dict[str, object] = {"about": _about(field)}
        if finding.code == "KP201":
            prop = self.field(kind, (*finding.pointer, str(finding.args["property"])), None)
            examples = prop.get("examples")
            example = examples[0] if isinstance(examples, list) and examples else None
            explained["about"] = _about(prop)
            if example is not None and not isinstance(example, dict):
                explained["fixed"] = f"{finding.args['property']}: {fixes.render(example)}"
            return explained
        if finding.code == "KP202" and line and finding.args.get("suggestion"):
            start, name = int(finding.column) - 1, str(finding.args["property"])
            if line[0][start:start + len(name)] == name:
                explained["fixed"] = (line[0][:start] + str(finding.args["suggestion"])
                                      + line[0][start + len(name):]).strip()
        if finding.code == "KP202":
            return {k: v for k, v in explained.items() if k != "about"}  # the record's, long
        if not line or finding.key:
            return explained
        validator = self.validator_for(kind, finding.pointer, field)
        guess = fixes.first_valid(typed, field, validator.is_valid)
        if guess is not None:
            prefix = line[0][:max(0, int(finding.column) - 1)].strip()
            if not prefix and isinstance(guess, list) and len(guess) == 1:
                prefix, guess = "-", guess[0]  # the value alone on its line: a missing dash
            explained["fixed"] = f"{prefix} {fixes.render(guess)}".strip()
        return explained

    def describe(self, kind: str, finding: Finding) -> Finding:
        """A rule's finding with the Czech description of the field it is about."""
        about = _about(self.field(kind, finding.pointer, None))
        return replace(finding, args={**finding.args, "about": about}) if about else finding

    def field(self, kind: str, pointer: Pointer, value: Any) -> dict[str, Any]:
        """The schema of the value at `pointer`, its `$ref` merged in (the field's own title
        and description win over the shared definition's)."""
        root = self.documents[kind]
        node = _merged(root, root)
        for step in pointer:
            if isinstance(step, int):
                node = _merged(root, node.get("items", {}))
            else:
                node = _merged(root, node.get("properties", {}).get(step, {}))
        branches = node.get("oneOf") or node.get("anyOf")
        if isinstance(branches, list) and branches:
            fitting = [b for b in branches if _fits(_merged(root, b), value)] or branches
            node = {**{k: v for k, v in node.items() if k not in ("oneOf", "anyOf")},
                    **_merged(root, fitting[0])}
        return node

    def validator_for(self, kind: str, pointer: Pointer, field: dict[str, Any]) -> Any:
        key = (kind, tuple(0 if isinstance(s, int) else s for s in pointer),
               json.dumps(field, sort_keys=True))
        if key not in self._field_validators:
            schema = {**field, "$defs": self.documents[kind].get("$defs", {})}
            self._field_validators[key] = jsonschema_rs.Draft202012Validator(
                schema, validate_formats=True)
        return self._field_validators[key]

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


def _merged(root: dict[str, Any], node: Any) -> dict[str, Any]:
    if not isinstance(node, dict):
        return {}
    if "$ref" in node:
        target = _merged(root, _follow(root, node["$ref"]))
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


_JSON_TYPES = {"string": str, "array": list, "object": dict, "integer": int, "number": int | float,
               "boolean": bool}


def _fits(schema: dict[str, Any], value: Any) -> bool:
    expected = _JSON_TYPES.get(str(schema.get("type")))
    return expected is None or isinstance(value, expected)


def _token(lines: list[str], line: int, column: int) -> str:
    """The value as typed at a position: up to a comment or the end of the line."""
    if not 0 < line <= len(lines):
        return ""
    rest = lines[line - 1][column - 1:]
    return rest.split(" #", 1)[0].strip()


def _about(field: dict[str, Any]) -> str:
    title, description = field.get("title"), field.get("description")
    if isinstance(title, str) and isinstance(description, str):
        return f"{title}: {description}"
    return str(description or title or "")


def _closest_field(word: str, schema: dict[str, Any]) -> str:
    """The field meant by an unknown name: close to a field's name or to its Czech title."""
    properties = schema.get("properties", {})
    by_name = _closest(word, sorted(properties))
    if by_name:
        return by_name
    titles: dict[str, str] = {}
    for name, sub in properties.items():
        title = sub.get("title") if isinstance(sub, dict) else None
        if isinstance(title, str):
            for word_of_title in [title, *title.split()]:
                titles.setdefault(fixes.plain(word_of_title), name)
    match = difflib.get_close_matches(fixes.plain(word), list(titles), n=1, cutoff=0.75)
    return titles[match[0]] if match else ""


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
