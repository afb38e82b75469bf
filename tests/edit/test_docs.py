"""The guides' examples work: every `python -m edit` command of docs/editors.md runs, in order,
on a copy of the real records, and every record template in the guides passes the schema."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import jsonschema
import pytest
import yaml

from edit.cli import main
from lint.parse import parse_text
from tests.edit.conftest import ROOT, errors

GUIDES = ("docs/editors.md", "docs/ci.md")
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SCHEMA = re.compile(r"\$schema=\S*/schemas/(\w+)\.schema\.json")


def blocks(rel: str, language: str) -> list[str]:
    text = (ROOT / rel).read_text(encoding="utf-8")
    return [body for lang, body in _BLOCK.findall(text) if lang == language]


def edit_commands() -> list[list[str]]:
    commands = []
    for body in blocks("docs/editors.md", "sh"):
        for line in body.splitlines():
            if line.startswith("python -m edit "):
                commands.append(shlex.split(line, comments=True)[3:])
    return commands


def test_the_guide_shows_every_scaffold() -> None:
    shown = {(c[0], c[1] if c[0] == "new" else "") for c in edit_commands()}
    assert shown >= {("new", "meeting"), ("new", "minutes"), ("new", "task"),
                     ("new", "decision"), ("new", "person"), ("new", "organisation"),
                     ("cancel", ""), ("postpone", ""), ("format", "")}


def test_the_editors_guide_commands_run_in_order(repo: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    for args in edit_commands():
        code = main([*args, "--root", str(repo)])
        assert code == 0, (args, capsys.readouterr().err)
    # What is left is what the guide says is left: the TODOs of the minutes (KP306), among
    # them the minute-taker's id (one message each: not also KP206 for a TODO that is no id).
    minutes = "records/meetings/2022/2022-10-19-rps.yaml"
    assert set(errors(repo, minutes, today="2022-10-20")) == {"KP306"}
    for rel in ("records/meetings/2022/2022-12-07-ps-seniori.yaml",
                "records/decisions/2022-10-19-rps-harmonogram.yaml",
                "records/people/jana-novakova.yaml",
                "records/meetings/2022/2022-10-20-ps-deti-a-mladez.yaml"):
        assert errors(repo, rel, today="2022-10-20") == [], rel


@pytest.mark.parametrize("rel", GUIDES)
def test_record_templates_pass_the_schema(rel: str) -> None:
    for body in blocks(rel, "yaml"):
        found = _SCHEMA.search(body.splitlines()[0])
        if found is None:  # not a record (e.g. .pre-commit-config.yaml): valid YAML at least
            assert yaml.safe_load(body) is not None
            continue
        data, findings = parse_text(body, rel)
        assert findings == [], body
        schema = json.loads((ROOT / "schemas" / f"{found.group(1)}.schema.json").read_text(
            encoding="utf-8"))
        jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(data)
