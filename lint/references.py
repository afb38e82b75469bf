"""Where records refer to other records: the reference fields of lint/kinds.py as walk trees."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lint.kinds import ANY, KINDS
from lint.problem import Pointer

__all__ = ["ANY", "REFERENCES", "references"]

REFERENCES: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    k.name: k.references for k in KINDS if k.references}
"""Record kind → (path in the record, kind of the record referred to); declared in lint/kinds.py."""


@dataclass(frozen=True)
class _Step:
    """REFERENCES as a tree: one walk per record visits each referring field once."""

    target: str | None = None
    """The kind referred to when the value here is a string."""
    keys: dict[str, _Step] = field(default_factory=dict)
    each: _Step | None = None
    """What every item of a list here holds (the ANY step)."""


def _tree(paths: Iterable[tuple[tuple[str, ...], str]]) -> _Step:
    root = _Step()
    for path, target in paths:
        root = _insert(root, path, target)
    return root


def _insert(node: _Step, path: tuple[str, ...], target: str) -> _Step:
    if not path:
        return _Step(target, node.keys, node.each)
    step, rest = path[0], path[1:]
    if step == ANY:
        return _Step(node.target, node.keys, _insert(node.each or _Step(), rest, target))
    child = _insert(node.keys.get(step, _Step()), rest, target)
    return _Step(node.target, {**node.keys, step: child}, node.each)


_TREES = {kind: _tree(paths) for kind, paths in REFERENCES.items()}


def references(kind: str, data: Any, *,
               unless_in: Mapping[str, Container[str]] | None = None,
               ) -> list[tuple[Pointer, str, str]]:
    """(pointer, target kind, id) of every reference in one record; with `unless_in` (target
    kind → known ids), only the references that are not known."""
    found: list[tuple[Pointer, str, str]] = []
    tree = _TREES.get(kind)
    if tree is not None:
        _collect(data, tree, (), _Found(found, unless_in))
    return found


@dataclass(frozen=True)
class _Found:
    items: list[tuple[Pointer, str, str]]
    known: Mapping[str, Container[str]] | None

    def add(self, at: Pointer, step: str | int, target: str, value: str) -> None:
        if self.known is None or value not in self.known.get(target, ()):
            self.items.append(((*at, step), target, value))  # the pointer only when needed


def _collect(data: Any, node: _Step, at: Pointer, found: _Found) -> None:
    if isinstance(data, dict):
        for key, child in node.keys.items():
            if key in data:
                _visit(data[key], child, at, key, found)
    elif isinstance(data, list) and node.each is not None:
        for index, item in enumerate(data):
            _visit(item, node.each, at, index, found)


def _visit(value: Any, node: _Step, at: Pointer, step: str | int, found: _Found) -> None:
    if isinstance(value, str):
        if node.target is not None:
            found.add(at, step, node.target, value)
    elif isinstance(value, dict | list):
        _collect(value, node, (*at, step), found)
