"""The packages depend on each other one way only: lint ← edit and sync ← web, messages
below them all and bench above; none imports another that imports it back, and no shipped code
imports the tests. Read from the source (every import statement, also those inside functions)."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("messages", "lint", "edit", "sync", "web", "bench")
ALLOWED = {"messages": set(), "lint": {"messages"}, "edit": {"lint", "messages"},
           "sync": {"lint", "messages"}, "web": {"lint", "sync", "edit", "messages"},
           "bench": {"lint", "edit", "sync", "web", "messages"}}
"""Which packages each may import: the direction the README's developer section describes."""


def imported(path: Path) -> Iterator[str]:
    """The top-level names `path` imports (relative imports stay in its own package)."""
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def edges() -> dict[str, dict[str, list[str]]]:
    """package → imported package → the modules (paths) that import it."""
    found: dict[str, dict[str, list[str]]] = {p: {} for p in PACKAGES}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for name in set(imported(path)):
                if name != package and (name in PACKAGES or name == "tests"):
                    found[package].setdefault(name, []).append(path.relative_to(ROOT).as_posix())
    return found


def cycle(graph: Mapping[str, set[str] | dict[str, list[str]]]) -> list[str]:
    """One cycle of `graph` as its nodes in order (the first again at the end), or []."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return [*path[path.index(node):], node]
        if node in done:
            return []
        for after in sorted(graph.get(node, ())):
            found = visit(after, [*path, node])
            if found:
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return []


def test_the_cycle_finder_finds_a_cycle_and_only_a_cycle() -> None:
    assert cycle({"sync": {"lint", "web"}, "web": {"sync"}, "lint": set()}) == \
        ["sync", "web", "sync"]
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"web": {"sync", "lint"}, "sync": {"lint"}, "lint": set()}) == []


def test_no_cycle_between_the_packages() -> None:
    graph = edges()
    found = cycle({p: {n for n in uses if n != "tests"} for p, uses in graph.items()})
    where = [f"{a} → {b}: {', '.join(graph[a][b])}" for a, b in itertools.pairwise(found)]
    assert found == [], "import cycle: " + "; ".join(where)


def test_each_package_imports_only_those_below_it() -> None:
    graph = edges()
    wrong = {f"{p} → {n}": files for p, uses in graph.items() for n, files in uses.items()
             if n != "tests" and n not in ALLOWED[p]}
    assert wrong == {}


def test_no_shipped_code_imports_the_tests() -> None:
    graph = edges()
    assert {p: uses["tests"] for p, uses in graph.items() if "tests" in uses} == {}
