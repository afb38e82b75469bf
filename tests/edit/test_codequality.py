"""The linter's JSON report as a GitLab Code Quality report."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from edit.cli import main
from lint import engine, report
from tests.edit.conftest import Edit


def convert(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            text: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code = main(["codequality"])
    out, err = capsys.readouterr()
    return code, out, err


def lint_json(root: Path) -> str:
    result = engine.run(root, today=dt.date(2022, 9, 1), jobs=1)
    return report.as_json(result.problems, "cs")


def test_issues_name_the_file_line_and_check(repo: Path, edit: Edit,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    person = repo / "records/people/benes.yaml"
    person.write_text(person.read_text(encoding="utf-8") + "organisation: smll\n"
                      "phone: 123\n", encoding="utf-8")
    code, out, _ = convert(monkeypatch, capsys, lint_json(repo))
    issues = json.loads(out)
    assert code == 0
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("KP303 unresolved-reference", "major",
         {"path": "records/people/benes.yaml", "lines": {"begin": 7}}),
        ("KP202 unknown-field", "major",
         {"path": "records/people/benes.yaml", "lines": {"begin": 8}}),
    ]
    assert issues[0]["description"].startswith("KP303 Odkaz na neexistující záznam")
    assert "Měli jste na mysli „sml“?" in issues[0]["description"]


def test_fingerprints_are_unique_and_ignore_line_moves(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    problem = {"file": "records/a.yaml", "line": 3, "code": "KP411", "message": "m",
               "severity": "warning", "name": "planned-in-the-past"}
    _, out, _ = convert(monkeypatch, capsys, json.dumps([problem, problem]))
    first = json.loads(out)
    _, out, _ = convert(monkeypatch, capsys, json.dumps([{**problem, "line": 9}]))
    moved = json.loads(out)
    assert len({i["fingerprint"] for i in first}) == 2
    assert moved[0]["fingerprint"] == first[0]["fingerprint"]
    assert moved[0]["severity"] == "minor"


def test_no_problems_no_issues(monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert convert(monkeypatch, capsys, "[]")[:2] == (0, "[]\n")
    assert convert(monkeypatch, capsys, "")[:2] == (0, "[]\n")  # the linter stopped early


@pytest.mark.parametrize("text", ["not json", '{"file": "x"}', '[{"line": 1}]'])
def test_other_input_is_refused(monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str], text: str) -> None:
    code, out, err = convert(monkeypatch, capsys, text)
    assert (code, out) == (2, "")
    assert "python -m lint --format json" in err
