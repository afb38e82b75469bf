"""The registry of kinds (lint/kinds.py) is complete: no kind is declared only in part, and
nothing lists kinds beside it."""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from edit.arguments import NEW
from lint import kinds, model
from lint.kinds import KINDS, Kind
from lint.messages import KIND_NAMES
from lint.schema import KINDS as FOLDERS
from sync import ical
from web.render import environment

ROOT = Path(__file__).resolve().parents[2]


def gaps(declared: tuple[Kind, ...], root: Path) -> list[str]:
    """What is missing for a kind to be whole: every part checked, for every kind."""
    found = [f"schema without a kind: {p.name}" for p in (root / "schemas").glob("*.schema.json")
             if p.name not in {k.schema for k in declared}]
    found += [f"folder without a kind: {p.name}" for p in (root / "records").iterdir()
              if p.is_dir() and p.name not in {k.folder for k in declared}]
    for one in declared:
        found += [f"{one.name}: {gap}" for gap in _kind_gaps(one, declared, root)]
    return found


def _kind_gaps(one: Kind, declared: tuple[Kind, ...], root: Path) -> Iterator[str]:
    path = root / "schemas" / one.schema
    if not path.exists():
        yield "no schema"
        return
    schema = json.loads(path.read_text(encoding="utf-8"))
    try:
        built = one.build({"id": "x", "file": "x", "data": {}}, schema["examples"][0])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        yield f"the builder fails on the schema's example: {exc!r}"
    else:
        if type(built) is not one.model or not issubclass(one.model, model.Record):
            yield "the builder does not make the model class"
    hints = typing.get_type_hints(model.Repository, vars(model))
    if hints.get(one.folder) != Mapping[str, one.model]:  # type: ignore[name-defined]
        yield f"Repository.{one.folder} is not Mapping[str, {one.model.__name__}]"
    if not all(n.strip() for n in dataclasses.astuple(one.names)):
        yield "a name is empty"
    for ref_path, target in one.references:
        if target not in {k.name for k in declared} or ref_path[0] not in schema["properties"]:
            yield f"reference {ref_path} → {target} is not a field or not a kind"
    if one.id_rule.date_field and one.id_rule.date_field not in schema.get("required", ()):
        yield "the id's date field is not required"
    yield from _output_gaps(one, schema)


def _output_gaps(one: Kind, schema: dict[str, typing.Any]) -> Iterator[str]:
    if one.calendar is not None and one.calendar not in ical.MAKERS:
        yield f"no calendar maker {one.calendar}"
    if one.site is not None:
        try:
            environment().get_template(one.site.template)
        except Exception as exc:
            yield f"template {one.site.template}: {exc}"
    if one.scaffold is not None:
        if not (set(one.scaffold.commands) <= set(NEW)):
            yield f"scaffold commands {one.scaffold.commands} not in python -m edit new"
        if not ({f.field for f in one.scaffold.fields} <= set(schema["properties"])):
            yield "a scaffold field is not in the schema"
        if not (one.scaffold.commands or one.scaffold.fields):
            yield "an empty scaffold"


def test_every_kind_is_whole() -> None:
    assert gaps(KINDS, ROOT) == []
    assert dict(FOLDERS) == {k.folder: k.name for k in KINDS}
    assert len({k.name for k in KINDS}) == len({k.folder for k in KINDS}) == len(KINDS)
    for lang in ("cs", "en"):
        assert KIND_NAMES[lang] == {k.name: k.names.one(lang) for k in KINDS}
    assert all(kinds.kind(k.name) is k for k in KINDS)


def _copy(tmp_path: Path) -> Path:
    for sub in ("schemas", "records"):
        (tmp_path / sub).mkdir()
    for path in (ROOT / "schemas").glob("*.json"):
        (tmp_path / "schemas" / path.name).write_bytes(path.read_bytes())
    for declared in KINDS:
        (tmp_path / "records" / declared.folder).mkdir()
    return tmp_path


def test_a_schema_or_folder_without_a_declaration_is_found(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "schemas" / "ghost.schema.json").write_text("{}", encoding="utf-8")
    (root / "records" / "ghosts").mkdir()
    assert gaps(KINDS, root) == ["schema without a kind: ghost.schema.json",
                                 "folder without a kind: ghosts"]


@pytest.mark.parametrize(("change", "gap"), [
    ({"name": "ghost"}, "ghost: no schema"),
    ({"build": model.build_person}, "venue: the builder"),
    ({"model": model.Person}, "venue: Repository.venues is not"),
    ({"names": kinds.Names("místo", "", "venue", "venues")}, "venue: a name is empty"),
    ({"site": kinds.Site("x.html", "missing.html.j2", "X")}, "venue: template missing.html.j2"),
    ({"scaffold": kinds.Scaffold(commands=("venue",))}, "venue: scaffold commands"),
    ({"calendar": "venues"}, "venue: no calendar maker venues"),
    ({"references": ((("nowhere",), "person"),)}, "venue: reference ('nowhere',)"),
])
def test_a_kind_declared_only_in_part_is_found(change: dict[str, typing.Any], gap: str,
                                               tmp_path: Path) -> None:
    root = _copy(tmp_path)
    venue = kinds.kind("venue")
    broken = tuple(dataclasses.replace(k, **change) if k is venue else k for k in KINDS)
    found = gaps(broken, root)
    assert any(g.startswith(gap) for g in found), found


_RAW = re.compile(r"\.data\s*(?:\.get\(|\[)|\bset \w+ = \w+\.data\b|=\s*\w+\.data\s*$", re.M)


def test_sync_web_and_edit_read_only_the_typed_model() -> None:
    """No record's raw `data` outside lint: what a page, an event or a scaffold uses is a model
    field."""
    files = [*(ROOT / "sync").glob("*.py"), *(ROOT / "web").rglob("*.py"),
             *(ROOT / "edit").glob("*.py"),
             *(ROOT / "web" / "templates").glob("*.j2")]
    found = [f"{p.relative_to(ROOT)}: {m[0]}" for p in files
             for m in _RAW.finditer(p.read_text(encoding="utf-8"))]
    assert found == []
    assert _RAW.search('{% set d = meeting.data %}')
    assert _RAW.search('x.data.get("note")')
