"""The yaml-language-server modeline that gives editors autocompletion from the schemas."""

from __future__ import annotations

from lint.problem import Finding

PREFIX = "# yaml-language-server: $schema="


def expected(rel: str, kind: str) -> str:
    """The modeline for a record at `rel` (repository-relative): the schema, relative to it."""
    return PREFIX + "../" * rel.count("/") + f"schemas/{kind}.schema.json"


def check(text: str, rel: str, kind: str) -> Finding | None:
    """KP117 when the first line is not the modeline pointing at the record's schema."""
    first = text.split("\n", 1)[0].strip()
    wanted = expected(rel, kind)
    if first == wanted:
        return None
    return Finding("KP117", rel, line=1, column=1, args={"expected": wanted})
