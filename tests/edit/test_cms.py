"""The CMS configuration (web/admin/config.yml) is generated from the schemas: it is current,
it holds every field of every kind, and its widgets store what the schemas want."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from edit import cms
from lint.hints import follow
from lint.references import ANY, REFERENCES
from lint.schema import KINDS
from tests.edit.conftest import ROOT, Edit

FOLDER_OF = {kind: folder for folder, kind in KINDS.items()}


@cache
def _config(root: Path = ROOT) -> dict[str, Any]:
    return yaml.safe_load(cms.render(root, cms.Settings()))


def _collections(root: Path = ROOT) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in _config(root)["collections"]}


def _schema(kind: str, root: Path = ROOT) -> dict[str, Any]:
    return json.loads((root / "schemas" / f"{kind}.schema.json").read_text("utf-8"))


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        return {**_resolve(root, follow(root, node["$ref"])), **node}
    return node


def schema_paths(root: dict[str, Any], node: dict[str, Any], at: tuple = ()) -> Iterator[tuple]:
    """Every property of a schema, by path (ANY for a list's items)."""
    node = _resolve(root, node)
    for name, child in node.get("properties", {}).items():
        yield (*at, name)
        yield from schema_paths(root, child, (*at, name))
    if node.get("type") == "array":
        items = _resolve(root, node.get("items", {}))
        for branch in [items, *items.get("oneOf", ())]:
            yield from schema_paths(root, branch, (*at, ANY))


def form_paths(fields: list[dict[str, Any]], at: tuple = ()) -> Iterator[tuple]:
    """Every field of a form, by path, in the same terms."""
    for field in fields:
        path = (*at, field["name"])
        yield path
        inner = (*path, ANY) if field["widget"] == "list" else path
        yield from form_paths(field.get("fields", []), inner)


def _fields(fields: list[dict[str, Any]], at: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    for field in fields:
        path = (*at, field["name"])
        yield path, field
        yield from _fields(field.get("fields", []), (*path, ANY) if field["widget"] == "list"
                           else path)


def test_the_shipped_configuration_is_what_the_schemas_generate(edit: Edit) -> None:
    assert (ROOT / cms.SHIPPED).read_text("utf-8") == cms.render(ROOT, cms.Settings())
    code, _out, err = edit("cms", "--check", "--out", str(ROOT / cms.SHIPPED))
    assert code == 0, err


def test_a_schema_change_without_a_new_configuration_fails_the_check(repo: Path,
                                                                     edit: Edit) -> None:
    (repo / "web/admin").mkdir(parents=True)
    assert edit("cms")[0] == 0
    assert edit("cms", "--check")[0] == 0
    schema = _schema("person", repo)
    schema["properties"]["nickname"] = {"title": "Přezdívka", "type": "string"}
    (repo / "schemas/person.schema.json").write_text(json.dumps(schema), "utf-8")
    code, _out, err = edit("cms", "--check")
    assert code == 1
    assert "python -m edit cms" in err
    people = _collections(repo)["people"]
    assert "nickname" in [f["name"] for f in people["fields"]]


@pytest.mark.parametrize(("folder", "kind"), sorted(KINDS.items()))
def test_every_schema_property_is_in_the_form_and_nothing_else(folder: str, kind: str) -> None:
    schema = _schema(kind)
    collection = _collections()[folder]
    assert collection["folder"] == f"records/{folder}"
    assert (collection["extension"], collection["format"]) == ("yaml", "yaml")
    assert set(schema_paths(schema, schema)) == set(form_paths(collection["fields"]))


@pytest.mark.parametrize(("folder", "kind"), sorted(KINDS.items()))
def test_labels_hints_enums_and_required_come_from_the_schema(folder: str, kind: str) -> None:
    schema = _schema(kind)
    fields = dict(_fields(_collections()[folder]["fields"]))
    for name, raw in schema["properties"].items():
        field, node = fields[(name,)], _resolve(schema, raw)
        assert field["label"] == node["title"]
        assert field["hint"] == node["description"]
        assert field.get("required", True) is (name in schema["required"])
    for field in fields.values():
        if field["widget"] == "select":
            for option in field["options"]:
                assert option["label"] != option["value"], option  # a Czech label, not the code


@pytest.mark.parametrize("kind", sorted(REFERENCES))
def test_references_are_relation_pickers_storing_the_id(kind: str) -> None:
    fields = dict(_fields(_collections()[FOLDER_OF[kind]]["fields"]))
    schema = _schema(kind)
    known = set(schema_paths(schema, schema))
    for path, target in REFERENCES[kind]:
        if path not in known and path[:-1] not in known:
            continue  # a path the reference table keeps for a field the schema has no more
        field = fields.get(path) or fields.get(path[:-1])  # a list of ids: one multiple picker
        if field["widget"] == "list":  # an id or {person, note}: the form offers the object
            assert any(f["widget"] == "relation" and f["collection"] == FOLDER_OF[target]
                       for f in field["fields"]), path
            continue
        assert field["widget"] == "relation", path
        assert field["collection"] == FOLDER_OF[target]
        assert field["value_field"] == "id"
        assert field.get("multiple", False) is (field is not fields.get(path))
        assert set(field["search_fields"]) & {"name", "title", "text"}


def test_dates_times_and_minutes_are_pickers_and_markdown() -> None:
    meeting = dict(_fields(_collections()["meetings"]["fields"]))
    assert (meeting[("date",)]["widget"], meeting[("date",)]["format"]) == ("datetime",
                                                                             "YYYY-MM-DD")
    assert meeting[("date",)]["time_format"] is False
    assert (meeting[("start",)]["format"], meeting[("start",)]["date_format"]) == ("HH:mm", False)
    assert meeting[("agenda", ANY, "content")]["widget"] == "markdown"
    assert meeting[("agenda",)]["widget"] == "list"
    assert meeting[("attendance", "present")]["widget"] == "list"
    assert meeting[("attendance", "present", ANY, "person")]["collection"] == "people"
    assert meeting[("id",)]["widget"] == "hidden"
    group = dict(_fields(_collections()["groups"]["fields"]))
    assert group[("members",)]["widget"] == "list"


def test_file_names_follow_the_id_rules_and_the_ui_is_czech() -> None:
    config = _config()
    assert config["locale"] == "cs"
    assert config["publish_mode"] == "editorial_workflow"
    collections = _collections()
    assert collections["meetings"]["path"] == "{{year}}/{{slug}}"
    assert collections["meetings"]["slug"] == "{{fields.date}}-{{fields.groups.0}}"
    assert collections["decisions"]["slug"].startswith("{{fields.meeting}}-{{slug")
    assert collections["people"]["identifier_field"] == "name"


def test_the_backend_comes_from_the_site_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPSS_CMS_BACKEND", "gitlab")
    monkeypatch.setenv("KPSS_CMS_REPO", "liberec/kpss")
    monkeypatch.setenv("KPSS_CMS_APP_ID", "abc123")
    backend = cms.Settings.from_env().backend_config()
    assert backend == {"name": "gitlab", "repo": "liberec/kpss", "branch": "main",
                       "squash_merges": True, "auth_type": "pkce", "app_id": "abc123"}
    monkeypatch.setenv("KPSS_CMS_BACKEND", "github")
    monkeypatch.setenv("KPSS_CMS_AUTH_URL", "https://auth.example.org")
    backend = cms.Settings.from_env().backend_config()
    assert backend["base_url"] == "https://auth.example.org"
    assert "auth_type" not in backend
