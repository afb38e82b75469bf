"""Write record YAML the way editors do: block style, plain scalars where they stay strings,
`|` blocks for Markdown, a schema modeline on top. Hand-written (not a YAML library) because the
generator writes 50,000 files and must give the same bytes for the same seed everywhere."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable

from lint.parse import scalar as resolve

_PLAIN = re.compile(r"\w[\w .,–()/+%-]*")
Value = str | int | bool | dt.date


def scalar(value: Value) -> str:
    """A YAML scalar that reads back as `value` under YAML 1.1 and 1.2 alike."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    plain = _PLAIN.fullmatch(value) and not value.endswith(" ") and resolve(value) == value
    if plain and value.lower() not in ("yes", "no", "on", "off", "y", "n"):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


class Doc:
    """Lines of one record file."""

    def __init__(self, modeline: str) -> None:
        self.lines = [modeline]

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def field(self, indent: int, key: str, value: Value | None, *, item: bool = False) -> None:
        """`key: value` (skipped when value is None); `item` starts a list entry with `- `."""
        if value is not None:
            self.lines.append(self._prefix(indent, item) + f"{key}: {scalar(value)}")

    def key(self, indent: int, key: str, *, item: bool = False) -> None:
        """`key:` opening a nested mapping or list."""
        self.lines.append(self._prefix(indent, item) + f"{key}:")

    def items(self, indent: int, key: str, values: Iterable[Value]) -> None:
        """`key:` and a block list of scalars; nothing when the list is empty."""
        values = list(values)
        if values:
            self.key(indent, key)
            self.lines.extend(" " * (indent + 2) + f"- {scalar(v)}" for v in values)

    def block(self, indent: int, key: str, text: str, *, item: bool = False) -> None:
        """`key: |` with the text indented under it (Markdown keeps its line breaks)."""
        self.lines.append(self._prefix(indent, item) + f"{key}: |")
        pad = " " * (indent + 2)
        self.lines.extend(pad + line if line else "" for line in text.rstrip("\n").split("\n"))

    @staticmethod
    def _prefix(indent: int, item: bool) -> str:
        """`indent` is the key's column; a list entry's `- ` stands just before it."""
        return " " * (indent - 2) + "- " if item else " " * indent
