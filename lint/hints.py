"""What a schema problem's hint says about its field: the field's Czech description from the
schema, and the corrected line, whose value the field's own subschema has accepted."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import jsonschema_rs

from lint import fixes
from lint.problem import Finding, Pointer

_FLOW_END = re.compile(r"[,\]}]")


class Fields:
    """The record schemas seen field by field (a value's path in a record → its schema)."""

    def __init__(self, documents: Mapping[str, dict[str, Any]]) -> None:
        self.documents = documents
        self._validators: dict[tuple[Any, ...], Any] = {}

    def field(self, kind: str, pointer: Pointer, value: Any) -> dict[str, Any]:
        """The schema of the value at `pointer`, its `$ref` merged in (the field's own title
        and description win over the shared definition's); of a `oneOf`, the branch of the
        value's type."""
        root = self.documents[kind]
        node = _merged(root, root)
        for step in pointer:
            key = "items" if isinstance(step, int) else None
            node = _merged(root, node.get(key, {}) if key else
                           node.get("properties", {}).get(step, {}))
        branches = node.get("oneOf") or node.get("anyOf")
        if isinstance(branches, list) and branches:
            fitting = [b for b in branches if _fits(_merged(root, b), value)] or branches
            node = {**{k: v for k, v in node.items() if k not in ("oneOf", "anyOf")},
                    **_merged(root, fitting[0])}
        return node

    def accepts(self, kind: str, field: dict[str, Any], value: Any) -> bool:
        key = (kind, json.dumps(field, sort_keys=True))
        if key not in self._validators:
            schema = {**field, "$defs": self.documents[kind].get("$defs", {})}
            self._validators[key] = jsonschema_rs.Draft202012Validator(
                schema, validate_formats=True)
        return bool(self._validators[key].is_valid(value))

    def explain(self, kind: str, finding: Finding, value: Any, line: str) -> dict[str, object]:
        """`about` (the field's description) and `fixed` (the corrected line) of a finding."""
        if finding.code == "KP201":
            return self._missing(kind, finding)
        if finding.code == "KP202":
            return self._unknown_field(kind, finding, line)
        field = self.field(kind, finding.pointer, value)
        explained: dict[str, object] = {"about": about(field)}
        if finding.key and line.rstrip().endswith(":"):  # text below its field without `|`
            explained.update(fixed=line.strip() + " |", reason="missing-pipe")
            return explained
        start = finding.column - 1
        typed = token(line, start)
        guess = fixes.first_valid(typed, field, lambda v: self.accepts(kind, field, v))
        if guess is not None and line:
            explained.update(fixed=corrected(line, start, typed, guess), guess=_plain(guess))
        return explained

    def describe(self, kind: str, finding: Finding) -> str:
        return about(self.field(kind, finding.pointer, None))

    def _missing(self, kind: str, finding: Finding) -> dict[str, object]:
        name = str(finding.args["property"])
        prop = self.field(kind, (*finding.pointer, name), None)
        examples = prop.get("examples")
        example = examples[0] if isinstance(examples, list) and examples else None
        explained: dict[str, object] = {"about": about(prop)}
        if example is not None and not isinstance(example, dict):
            explained["fixed"] = f"{name}: {fixes.render(example)}"
        return explained

    def _unknown_field(self, kind: str, finding: Finding, line: str) -> dict[str, object]:
        """The line with the field's right name (and its value as that field accepts it)."""
        name, suggestion = str(finding.args["property"]), str(finding.args.get("suggestion"))
        start = finding.column - 1
        if not finding.args.get("suggestion") or line[start:start + len(name)] != name:
            return {}
        rest = line[start + len(name):]
        value = rest.removeprefix(":").split(" #", 1)[0].strip()
        field = self.field(kind, (*finding.pointer[:-1], suggestion), value)
        if value and not self.accepts(kind, field, fixes.scalar(value)):
            guess = fixes.first_valid(value, field, lambda v: self.accepts(kind, field, v))
            if guess is not None:
                rest = f": {fixes.render(guess)}"
        return {"fixed": (line[:start] + suggestion + rest).strip()}


def token(line: str, start: int) -> str:
    """The value as typed from `start`: up to a comment or the end of the line (in brackets,
    up to the next comma or closing bracket)."""
    rest = line[start:].split(" #", 1)[0]
    if line[:start].count("[") > line[:start].count("]") or "{" in line[:start]:
        rest = _FLOW_END.split(rest, 1)[0]
    return rest.strip()


def corrected(line: str, start: int, typed: str, guess: Any) -> str:
    """`line` with the value typed at `start` replaced by `guess`, without its indentation."""
    prefix = line[:start]
    if not prefix.strip() and isinstance(guess, list) and len(guess) == 1:
        return f"- {fixes.render(guess[0])}"  # the value alone on its line: a missing dash
    end = start + len(typed) if line[start:start + len(typed)] == typed else len(line)
    return (prefix + fixes.render(guess) + line[end:]).strip()


def about(field: Mapping[str, Any]) -> str:
    title, description = field.get("title"), field.get("description")
    if isinstance(title, str) and isinstance(description, str):
        return f"{title}: {description}"
    return str(description or title or "")


def closest_field(word: str, schema: Mapping[str, Any], missing: Sequence[str] = ()) -> str:
    """The field meant by an unknown name: a Czech word of a field's title (`stav` → status),
    a name close to a field's, or the one required field the object lacks."""
    properties = schema.get("properties", {})
    titles: dict[str, str] = {}
    for name, sub in properties.items():
        title = sub.get("title") if isinstance(sub, dict) else None
        if isinstance(title, str):
            for word_of_title in [title, *title.split()]:
                titles.setdefault(fixes.plain(word_of_title), name)
    plain = fixes.plain(word)
    if plain in titles:
        return titles[plain]
    by_name = difflib.get_close_matches(word, sorted(properties), n=1, cutoff=0.6)
    if by_name:
        return by_name[0]
    match = difflib.get_close_matches(plain, list(titles), n=1, cutoff=0.75)
    if match:
        return titles[match[0]]
    return missing[0] if len(missing) == 1 else ""


def _plain(value: Any) -> object:
    return value if isinstance(value, str | int | float | bool) else json.dumps(value)


def _merged(root: dict[str, Any], node: Any) -> dict[str, Any]:
    if not isinstance(node, dict):
        return {}
    if "$ref" in node:
        target = _merged(root, follow(root, node["$ref"]))
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def follow(root: dict[str, Any], ref: str) -> Any:
    node: Any = root
    for part in ref.lstrip("#/").split("/"):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return node


_JSON_TYPES = {"string": str, "array": list, "object": dict, "integer": int, "number": int | float,
               "boolean": bool}


def _fits(schema: dict[str, Any], value: Any) -> bool:
    expected = _JSON_TYPES.get(str(schema.get("type")))
    return expected is None or isinstance(value, expected)
