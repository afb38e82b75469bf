"""One record kind's JSON Schema as Decap CMS form fields: titles as labels, descriptions as
hints, enums as selects with Czech labels, references as relation pickers, dates and times as
pickers that store exactly the form the schema wants."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lint.hints import follow
from lint.references import ANY

Field = dict[str, Any]
Path = tuple[str, ...]

DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "D. M. YYYY",
        "time_format": False}
"""A day: stored as "2022-10-19" (the schema's format: date), shown the Czech way."""
TIME = {"widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm"}
"""A time of day: stored as "14:00", the schema's HH:MM pattern."""
MONTH = {"widget": "datetime", "format": "YYYY-MM", "date_format": "M/YYYY", "time_format": False}
MARKDOWN = {"widget": "markdown", "modes": ["raw", "rich_text"], "minimal": True}
"""Minutes are copied verbatim: raw Markdown first, the rich editor one click away."""
_LABEL = re.compile(r"([a-z][a-z-]*) = ([^,;.(]+)")
_MULTILINE = ("víc řádků", "Markdown")
_NAMES = ("name", "title", "text")
_DAYS = ("date", "start")


def enum_labels(schemas: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Czech label of every enum value, from descriptions such as "planned = naplánované, …"."""
    labels: dict[str, str] = {}
    for schema in schemas:
        for node in _nodes(schema):
            if "enum" in node:
                for value, label in _LABEL.findall(node.get("description", "")):
                    labels.setdefault(value, label.strip())
    return labels


def _nodes(node: Any) -> Iterable[Mapping[str, Any]]:
    if isinstance(node, Mapping):
        yield node
        for child in node.values():
            yield from _nodes(child)
    elif isinstance(node, list):
        for child in node:
            yield from _nodes(child)


@dataclass(frozen=True)
class Target:
    """How a relation picker finds records of one kind: its collection and fields to search."""

    collection: str
    search: tuple[str, ...]
    display: tuple[str, ...]

    @classmethod
    def of(cls, collection: str, schema: Mapping[str, Any]) -> Target:
        properties = schema.get("properties", {})
        days = tuple(f for f in _DAYS if f in properties)
        names = tuple(f for f in _NAMES if f in properties)[:1]
        return cls(collection, (*names, *days, "id"), (*days, *names) or ("id",))


@dataclass(frozen=True)
class Form:
    """What turning one kind's schema into fields needs to know."""

    root: Mapping[str, Any]
    references: Mapping[Path, str]
    targets: Mapping[str, Target]
    labels: Mapping[str, str]

    def fields(self, node: Mapping[str, Any], path: Path = (), *,
               optional: bool = False) -> list[Field]:
        """The fields of an object schema, in the schema's order (which is the file's order).
        Inside an `optional` object nothing is required: Decap would demand the fields of an
        object the editor left empty (lint still asks for them once the object is filled)."""
        required = set() if optional else set(node.get("required", ()))
        return [self.field(name, self.resolve(child), (*path, name), required=name in required)
                for name, child in node.get("properties", {}).items()]

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """`node` with its `$ref` merged in (the node's own title and description win)."""
        if "$ref" not in node:
            return node
        target = self.resolve(follow(dict(self.root), node["$ref"]))
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}

    def field(self, name: str, node: Mapping[str, Any], path: Path, *, required: bool) -> Field:
        """One form field for the property `name` at `path`."""
        base: Field = {"name": name, "label": node.get("title", name)}
        if "description" in node:
            base["hint"] = node["description"]
        if not required:
            base["required"] = False
        if path == ("id",):
            return {**base, "widget": "hidden"}  # set from the file name (python -m edit settle)
        return {**base, **self.widget(node, path, required=required)}

    def widget(self, node: Mapping[str, Any], path: Path, *, required: bool = True) -> Field:
        if path in self.references:
            return self.relation(self.references[path], multiple=False)
        if node.get("type") == "array":
            return self.array(node, path)
        if "enum" in node:
            return {"widget": "select", "options": [
                {"label": self.labels.get(value, value), "value": value}
                for value in node["enum"]]}
        if node.get("type") == "object" or "properties" in node:
            return {"widget": "object",
                    "fields": self.fields(node, path, optional=not required)}
        return _scalar(node)

    def array(self, node: Mapping[str, Any], path: Path) -> Field:
        each = (*path, ANY)
        items = self.resolve(node.get("items", {}))
        shape = _object_alternative(items)
        if shape:
            first = next(iter(shape.get("properties", {})), "")
            return {"widget": "list", "collapsed": True, "summary": f"{{{{fields.{first}}}}}",
                    "fields": self.fields(shape, each)}
        if each in self.references:
            return self.relation(self.references[each], multiple=True)
        return {"widget": "list", "field": self.field("item", items, each, required=True)}

    def relation(self, kind: str, *, multiple: bool) -> Field:
        target = self.targets[kind]
        return {"widget": "relation", "collection": target.collection, "value_field": "id",
                "search_fields": list(target.search), "display_fields": list(target.display),
                "options_length": 100, **({"multiple": True} if multiple else {})}


def _object_alternative(items: Mapping[str, Any]) -> Mapping[str, Any]:
    """The object form of a list item: itself, or the object branch of a `oneOf` (an attendee is
    an id or {person, note}; the form always offers the object, `settle` shortens it back)."""
    if "properties" in items:
        return items
    for alternative in items.get("oneOf", ()):
        if "properties" in alternative:
            return dict(alternative)
    return {}


def _picker(node: Mapping[str, Any]) -> Field | None:
    """A date, time or month picker storing exactly the schema's form, or None."""
    pattern = node.get("pattern", "")
    if node.get("format") == "date":
        return dict(DATE)
    if pattern.startswith("^([01][0-9]"):
        return dict(TIME)
    if pattern.startswith("^[0-9]{4}-(0[1-9]"):
        return dict(MONTH)
    return None


def _scalar(node: Mapping[str, Any]) -> Field:
    kind, pattern = node.get("type"), node.get("pattern", "")
    description = node.get("description", "")
    if kind in ("integer", "number"):
        minimum = {"min": node["minimum"]} if "minimum" in node else {}
        widget = {"widget": "number", "value_type": "int" if kind == "integer" else "float",
                  **minimum}
    elif kind == "boolean":
        widget = {"widget": "boolean"}
    elif "Markdown" in description:
        widget = dict(MARKDOWN)
    elif any(word in description for word in _MULTILINE):
        widget = {"widget": "text"}
    elif pattern:
        widget = {"widget": "string", "pattern": [pattern, description or pattern]}
    else:
        widget = {"widget": "string"}
    return _picker(node) or widget
