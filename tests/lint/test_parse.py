"""Reading files: YAML traps, hostile input, and the codes whose cases cannot be case files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from lint import engine, parse
from lint.parse import MAX_BYTES, MAX_DEPTH, parse_text
from lint.problem import Problem, Severity
from tests.lint.test_messages import render_strict

TODAY = dt.date(2022, 9, 1)
PERSON = "id: jan-novy\nname: Jan Nový\nsurname: Nový\n"


def _run(root: Path) -> tuple[Problem, ...]:
    problems = engine.run(root, today=TODAY, jobs=1).problems
    for problem in problems:
        render_strict(problem)
    return problems


def _codes(problems: tuple[Problem, ...], code: str) -> list[tuple[str, int]]:
    return [(p.file, p.line) for p in problems if p.code == code]


def _errors(problems: tuple[Problem, ...]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


# --- YAML 1.1 traps: what a person typed stays what they meant -------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("start: 17:00", "17:00"),        # YAML 1.1: sexagesimal 1020
    ("start: 09:30", "09:30"),
    ("present: no", "no"),            # YAML 1.1: False
    ("present: on", "on"),            # YAML 1.1: True
    ("present: yes", "yes"),
    ("present: off", "off"),
    ("room: 010", "010"),             # YAML 1.1: octal 8
    ("room: 0x1A", "0x1A"),
    ("room: 1_000", "1_000"),
    ("date: 2022-09-22", "2022-09-22"),  # YAML 1.1: a datetime.date
    ("date: 2022-09-22 14:00", "2022-09-22 14:00"),
    ("name: NO", "NO"),               # the Norway problem
])
def test_yaml11_traps_stay_strings(text: str, value: str) -> None:
    data, findings = parse_text(text + "\n", "x.yaml")
    assert findings == []
    assert data == {text.split(":", maxsplit=1)[0]: value}


@pytest.mark.parametrize(("text", "value"), [
    ("count: 53", 53), ("count: -1", -1), ("ratio: 0.5", 0.5),
    ("all: true", True), ("all: false", False), ("note: ~", None), ("note: null", None),
    ("note:", None), ("room: '209'", "209"),
])
def test_plain_values_keep_their_yaml12_meaning(text: str, value: object) -> None:
    data, findings = parse_text(text + "\n", "x.yaml")
    assert findings == []
    assert data == {text.split(":", maxsplit=1)[0]: value}


# --- hostile input -----------------------------------------------------------------------------

def test_billion_laughs_is_refused_before_anything_is_expanded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        current = chr(ord("a") + level)
        lines.append(f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]")
    visits = []
    value = parse._Converter.value

    def counted(self: parse._Converter, node: object, depth: int) -> object:
        visits.append(node)
        assert len(visits) <= 1_000, "the aliases are being expanded"
        return value(self, node, depth)

    monkeypatch.setattr(parse._Converter, "value", counted)
    data, findings = parse_text("\n".join(lines) + "\n", "bomb.yaml")
    assert len(visits) < 20  # the first mapping, a's nine strings and b's first alias
    assert data is None
    assert [(f.code, f.line) for f in findings] == [("KP106", 2)]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 2_000, 10_000, 200_000])
def test_deep_nesting_is_refused_where_it_passes_the_limit(depth: int) -> None:
    # Past 1,000 levels the libyaml in newer PyYAML wheels refuses the text itself, further on
    # than our limit: the finding still points at the level that passed ours (the mapping is
    # the first level, so the bracket at column 3 + MAX_DEPTH).
    text = "a: 1\nb: " + "[" * depth + "]" * depth + "\n"
    data, findings = parse_text(text, "deep.yaml")
    assert data is None
    assert [(f.code, f.line, f.column) for f in findings] == [("KP113", 2, 3 + MAX_DEPTH)]


def test_deep_block_nesting_is_refused() -> None:
    text = "".join("  " * level + f"k{level}:\n" for level in range(100)) + "  " * 100 + "x\n"
    data, findings = parse_text(text, "deep.yaml")
    assert data is None
    assert [f.code for f in findings] == ["KP113"]


def test_python_object_tag_is_refused() -> None:
    text = "id: x\nname: !!python/object/apply:os.system ['echo pwned']\n"
    data, findings = parse_text(text, "evil.yaml")
    assert data is None
    assert [(f.code, f.line, f.args["tag"]) for f in findings] == [
        ("KP108", 2, "!!python/object/apply:os.system")]


def test_crlf_parses_with_the_right_lines(repo: Path) -> None:
    data, findings = parse_text("id: jan-novy\r\nname: Jan Nový\r\nsurname: Nový\r\n", "x.yaml")
    assert findings == []
    assert data == {"id": "jan-novy", "name": "Jan Nový", "surname": "Nový"}
    meeting = repo / "records/meetings/2022/2022-09-22-ps-seniori.yaml"
    text = meeting.read_text(encoding="utf-8").replace("status: planned", "status: konalo se")
    meeting.write_bytes(text.replace("\n", "\r\n").encode())
    status_line = text.splitlines().index("status: konalo se") + 1
    problems = _run(repo)
    assert _codes(problems, "KP204") == [("records/meetings/2022/2022-09-22-ps-seniori.yaml",
                                          status_line)]


def test_crlf_duplicate_key_line() -> None:
    _, findings = parse_text("id: x\r\nname: a\r\nname: b\r\n", "x.yaml")
    assert [(f.code, f.line, f.column) for f in findings] == [("KP102", 3, 1)]


# --- codes that cannot be case files -----------------------------------------------------------

def test_kp109_fail_file_over_one_mebibyte(repo: Path) -> None:
    big = repo / "records/people/jan-novy.yaml"
    big.write_text(PERSON + "# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    assert _codes(_run(repo), "KP109") == [("records/people/jan-novy.yaml", 1)]


def test_kp109_pass_file_of_exactly_one_mebibyte(repo: Path) -> None:
    text = PERSON + "# "
    text += "x" * (MAX_BYTES - len(text.encode()) - 1) + "\n"
    assert len(text.encode()) == MAX_BYTES
    (repo / "records/people/jan-novy.yaml").write_text(text, encoding="utf-8")
    assert _errors(_run(repo)) == []


def test_kp114_fail_directory_named_like_a_record(repo: Path) -> None:
    folder = repo / "records/people/jan-novy.yaml"
    folder.mkdir()
    (folder / "poznamka.txt").write_text("omylem složka\n", encoding="utf-8")
    assert _codes(_run(repo), "KP114") == [("records/people/jan-novy.yaml", 1)]


def test_kp114_pass_year_folder(repo: Path) -> None:
    folder = repo / "records/meetings/2023"
    folder.mkdir()
    (folder / "2023-01-18-rps.yaml").write_text(
        "id: 2023-01-18-rps\ngroups:\n  - rps\ndate: 2023-01-18\nstatus: planned\n",
        encoding="utf-8")
    problems = _run(repo)
    assert _codes(problems, "KP114") == []
    assert _errors(problems) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_kp115_fail_symlink_outside_records(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(PERSON, encoding="utf-8")
    (repo / "records/people/jan-novy.yaml").symlink_to(outside)
    assert _codes(_run(repo), "KP115") == [("records/people/jan-novy.yaml", 1)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_kp115_pass_symlink_inside_records(repo: Path) -> None:
    shared = repo / "records/.shared"
    shared.mkdir()
    (shared / "jan-novy.yaml").write_text(PERSON, encoding="utf-8")
    (repo / "records/people/jan-novy.yaml").symlink_to(shared / "jan-novy.yaml")
    problems = _run(repo)
    assert _codes(problems, "KP115") == []
    assert _errors(problems) == []


def test_kp116_fail_empty_records(repo: Path) -> None:
    shutil.rmtree(repo / "records")
    (repo / "records/meetings/2022").mkdir(parents=True)
    assert _codes(_run(repo), "KP116") == [("records", 1)]


def test_kp116_fail_no_records_folder(repo: Path) -> None:
    shutil.rmtree(repo / "records")
    assert _codes(_run(repo), "KP116") == [("records", 1)]


def test_kp116_pass_records_present(repo: Path) -> None:
    assert _codes(_run(repo), "KP116") == []
