"""Help while typing: modelines, VS Code's schema mapping, snippets, the message catalogue.
(tests/test_schemas.py checks the schemas' Czech titles, descriptions and examples.)"""

from __future__ import annotations

import fnmatch
import json
import re

import pytest

from edit.canonical import kind_of
from edit.entities import ORGANISATION_KINDS
from edit.yamlio import MODELINE_PREFIX
from lint.schema import KINDS
from tests.edit.conftest import ROOT

RECORDS = sorted((ROOT / "records").rglob("*.yaml"))
SCHEMAS = {kind: ROOT / "schemas" / f"{kind}.schema.json" for kind in KINDS.values()}


def test_every_record_starts_with_the_modeline_of_its_schema() -> None:
    for path in RECORDS:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(MODELINE_PREFIX), path
        target = (path.parent / first.removeprefix(MODELINE_PREFIX)).resolve()
        found = kind_of(path)
        assert found is not None, path
        assert target == SCHEMAS[found[0]], path


def test_vscode_maps_every_record_folder_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert {(ROOT / schema).resolve() for schema in mapping} == set(SCHEMAS.values())
    for path in RECORDS:
        rel = path.relative_to(ROOT).as_posix()
        matches = [schema for schema, globs in mapping.items()
                   if any(fnmatch.fnmatch(rel, g) for g in ([globs] if isinstance(globs, str)
                                                            else globs))]
        found = kind_of(path)
        assert found is not None
        assert [(ROOT / m).resolve() for m in matches] == [SCHEMAS[found[0]]], rel
    assert settings["files.encoding"] == "utf8"
    assert settings["editor.tabSize"] == 2
    assert settings["[yaml]"]["editor.insertSpaces"] is True


def test_vscode_recommends_the_yaml_extension() -> None:
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


@pytest.mark.parametrize("kind", ["meeting", "decision", "person", "organisation"])
def test_scaffolded_kinds_have_snippets(kind: str) -> None:
    schema = json.loads(SCHEMAS[kind].read_text(encoding="utf-8"))
    assert schema.get("defaultSnippets")


def test_organisation_kinds_match_the_schema() -> None:
    schema = json.loads(SCHEMAS["organisation"].read_text(encoding="utf-8"))
    assert tuple(schema["properties"]["kind"]["enum"]) == ORGANISATION_KINDS


def test_vscode_task_puts_linter_problems_in_the_problems_panel() -> None:
    tasks = json.loads((ROOT / ".vscode/tasks.json").read_text(encoding="utf-8"))["tasks"]
    lint = next(t for t in tasks if t["command"] == "python -m lint")
    pattern = lint["problemMatcher"]["pattern"]
    line = ("records/meetings/2022/2022-10-19-rps.yaml:12:7: KP303 error: Odkaz na neexistující "
            "záznam (osoba) „jana-horakva“.")
    found = re.match(pattern["regexp"], line)
    assert found is not None
    assert found.group(pattern["file"]) == "records/meetings/2022/2022-10-19-rps.yaml"
    assert (found.group(pattern["line"]), found.group(pattern["code"])) == ("12", "KP303")
