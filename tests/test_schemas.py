"""The schemas themselves: valid 2020-12, documented in Czech, closed, with valid examples."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lint.schema import KINDS

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
KIND_NAMES = sorted(KINDS.values())


def _load(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _properties(schema: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{path}.{name}", sub
        for key, sub in schema.items():
            if key not in ("examples", "defaultSnippets", "const", "enum", "default"):
                yield from _properties(sub, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, sub in enumerate(schema):
            yield from _properties(sub, f"{path}[{index}]")


def _objects(schema: Any) -> Iterator[dict[str, Any]]:
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            yield schema
        for key, sub in schema.items():
            if key not in ("examples", "defaultSnippets"):
                yield from _objects(sub)
    elif isinstance(schema, list):
        for sub in schema:
            yield from _objects(sub)


def test_one_schema_per_kind() -> None:
    assert sorted(p.name.removesuffix(".schema.json") for p in SCHEMAS.glob("*.json")) == KIND_NAMES


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_schema_is_valid_2020_12(kind: str) -> None:
    schema = _load(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_every_property_is_described_in_czech(kind: str) -> None:
    missing = [path for path, sub in _properties(_load(kind))
               if not (sub.get("title") and sub.get("description"))]
    assert missing == []


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_objects_are_closed(kind: str) -> None:
    assert all(obj.get("additionalProperties") is False for obj in _objects(_load(kind)))


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_examples_are_valid(kind: str) -> None:
    schema = _load(kind)
    validator = jsonschema.Draft202012Validator(schema,
                                                format_checker=jsonschema.FormatChecker())
    assert schema.get("examples"), "a full example record"
    for example in schema["examples"]:
        assert list(validator.iter_errors(example)) == []
