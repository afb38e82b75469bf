"""The formatter: one canonical form, idempotent, never a change of meaning."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edit.canonical import format_text
from edit.cli import main
from lint.parse import parse_text
from tests.edit.conftest import ROOT

RECORDS = sorted((ROOT / "records").rglob("*.yaml"))
MEETING = "records/meetings/2023/2023-01-10-rps.yaml"

MESSY = {
    "flow, quotes, order, comments": """\
# poznámka nahoře
status: 'planned'    # stav
date: "2023-01-10"
groups: [rps]
id: 2023-01-10-rps
room: 209
start: 14:00
end: '16:00'
venue:   radnice
attendance: {excused: [{note: dovolená, person: jana-urbanova}], present: []}
# komentář před programem
agenda:
- content: |
    - bod
       odsazený
  title: "Bod: jedna"
- title: >
    složený
    text
""",
    "four spaces, unknown keys, odd scalars": """\
id:    2023-01-10-rps
groups:
    -   rps
date: 2023-01-10
status: planned
extra: 010
weird: "-.5"
also: "0o17"
yes: no
nothing:
tilde: ~
flag: True
number: 1.50
colour: '#abc'
quote: 'it''s'
""",
    "long text wraps at 100": """\
id: 2023-01-10-rps
groups: [rps]
date: 2023-01-10
status: planned
note: Toto je velmi dlouhý text, který přesahuje šířku sto znaků a musí se zalomit \
na více řádků v souboru 31. 8. 2022 - informace
title: "A  b   c"
""",
    "windows line ends": "id: 2023-01-10-rps\r\ngroups:\r\n- rps\r\ndate: 2023-01-10\r\n"
                         "status: planned\r\n",
}


def test_every_real_record_is_canonical() -> None:
    assert RECORDS
    for path in RECORDS:
        text = path.read_text(encoding="utf-8")
        assert format_text(text, path) == text, path


def test_formatting_keeps_the_meaning_of_every_real_record() -> None:
    for path in RECORDS:
        text = path.read_text(encoding="utf-8")
        once = format_text(text, path)
        assert parse_text(once, "x")[0] == parse_text(text, "x")[0], path
        assert format_text(once, path) == once, path


@pytest.fixture
def messy_repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "records" / "meetings" / "2023").mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize("name", list(MESSY))
def test_messy_input(messy_repo: Path, name: str) -> None:
    path = messy_repo / MEETING
    text = MESSY[name].replace("\r\n", "\n")  # as read_text returns it
    once = format_text(text, path)
    assert format_text(once, path) == once
    assert parse_text(once, "x")[0] == parse_text(text, "x")[0]
    assert once.startswith("# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n")
    assert all(len(line) <= 100 and line == line.rstrip() for line in once.splitlines())
    assert "'" not in once.replace("it's", "")  # one quoting style


def test_canonical_layout(messy_repo: Path) -> None:
    once = format_text(MESSY["flow, quotes, order, comments"], messy_repo / MEETING)
    assert once == """\
# yaml-language-server: $schema=../../../schemas/meeting.schema.json
# poznámka nahoře
id: 2023-01-10-rps
groups:
  - rps
date: 2023-01-10
start: "14:00"
end: "16:00"
venue: radnice
room: 209
status: planned      # stav
attendance:
  present: []
  excused:
    - person: jana-urbanova
      note: dovolená
# komentář před programem
agenda:
  - title: "Bod: jedna"
    content: |
      - bod
         odsazený
  - title: >
      složený
      text
"""


def test_no_line_ends_in_a_one_letter_word(messy_repo: Path) -> None:
    once = format_text(MESSY["long text wraps at 100"], messy_repo / MEETING)
    assert "řádků\n  v souboru" in once
    assert "31.\n" not in once
    assert " 8.\n" not in once


_CHARS = list("aá1 :#-'\"\\,[]{}&*!|>%@`?.0\tž(„“)")
_WORD = st.text(st.sampled_from(_CHARS), min_size=1, max_size=12)
_TEXT = st.one_of(
    st.text(st.sampled_from(_CHARS), max_size=30),
    st.lists(st.one_of(_WORD, st.sampled_from(["v", "p.", "31.", "- x", "a:", " #x", "  ", "\n"])),
             max_size=60).map(" ".join),  # long enough to wrap
)
_VALUE = st.one_of(_TEXT, st.integers(), st.booleans(), st.none(), st.lists(_TEXT, max_size=3))


@settings(max_examples=400, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["id", "note", "title", "start", "room", "x y", "1"]),
                       _VALUE, min_size=1))
def test_any_data_keeps_its_meaning(messy_repo: Path, record: dict[str, object]) -> None:
    text = json.dumps(record, ensure_ascii=False)  # JSON is YAML 1.2 in flow style
    path = messy_repo / MEETING
    once = format_text(text, path)
    assert parse_text(once, "x")[0] == parse_text(text, "x")[0]
    assert format_text(once, path) == once


def run(*args: str) -> int:
    return main(["format", *args])


def test_check_reports_a_diff_and_fails(messy_repo: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = messy_repo / MEETING
    path.write_text(MESSY["flow, quotes, order, comments"], encoding="utf-8")
    assert run("--check", "--root", str(messy_repo)) == 1
    out, err = capsys.readouterr()
    assert f"--- a/{MEETING}" in out
    assert f"+++ b/{MEETING}" in out
    assert "+  - rps" in out
    assert f"{MEETING}: není v jednotném formátu" in err
    assert "Zkontrolováno 1 soubor: 1 soubor není v jednotném formátu." in err
    assert path.read_text(encoding="utf-8") == MESSY["flow, quotes, order, comments"]


def test_format_then_check_passes(messy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index, text in enumerate(MESSY.values()):
        path = messy_repo / f"records/meetings/2023/2023-01-1{index}-rps.yaml"
        path.write_bytes(text.encode("utf-8"))
    assert run("--root", str(messy_repo)) == 0
    assert "Naformátováno: records/meetings/2023/" in capsys.readouterr().err
    assert run("--check", "--root", str(messy_repo)) == 0
    assert b"\r\n" not in (messy_repo / "records/meetings/2023/2023-01-13-rps.yaml").read_bytes()


@pytest.mark.parametrize(("count", "phrase"), [
    (2, "2 soubory nejsou"), (5, "5 souborů není")])
def test_summary_agrees_in_number(messy_repo: Path, capsys: pytest.CaptureFixture[str],
                                  count: int, phrase: str) -> None:
    for index in range(count):
        path = messy_repo / f"records/meetings/2023/2023-01-1{index}-rps.yaml"
        path.write_text(MESSY["four spaces, unknown keys, odd scalars"], encoding="utf-8")
    assert run("--check", "--root", str(messy_repo)) == 1
    assert f"{phrase} v jednotném formátu" in capsys.readouterr().err


def test_paths_narrow_the_run(messy_repo: Path) -> None:
    bad = messy_repo / MEETING
    bad.write_text(MESSY["flow, quotes, order, comments"], encoding="utf-8")
    good = messy_repo / "records/meetings/2023/2023-02-01-rps.yaml"
    good.write_text(format_text(MESSY["windows line ends"], good), encoding="utf-8")
    assert run("--check", str(good), "--root", str(messy_repo)) == 0
    assert run("--check", str(bad.parent), "--root", str(messy_repo)) == 1


def test_broken_yaml_is_left_alone(messy_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = messy_repo / MEETING
    path.write_text("id: [unclosed\n", encoding="utf-8")
    assert run("--root", str(messy_repo)) == 1
    assert "není platný YAML" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "id: [unclosed\n"


def test_missing_path_is_a_usage_error(messy_repo: Path) -> None:
    assert run("--check", str(messy_repo / "nowhere.yaml"), "--root", str(messy_repo)) == 2


UNFORMATTED = "2f021e1e964dca0afbdff73a6c3bbb647130c467"
"""The last commit before records/ went through the formatter once."""


def _git(*args: str) -> str | None:
    done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                          check=False)
    return done.stdout if done.returncode == 0 else None


def test_formatting_the_records_changed_no_data() -> None:
    listed = _git("ls-tree", "-r", "--name-only", UNFORMATTED, "--", "records")
    if listed is None:
        pytest.skip("the history before formatting is not in this clone")
    for rel in listed.split():
        before = _git("show", f"{UNFORMATTED}:{rel}")
        assert before is not None
        formatted = format_text(before, ROOT / rel)
        assert parse_text(formatted, rel)[0] == parse_text(before, rel)[0], rel
        current = ROOT / rel
        if current.exists():
            now = current.read_text(encoding="utf-8")
            if parse_text(now, rel)[0] == parse_text(before, rel)[0]:  # not edited since
                assert now == formatted, rel


@pytest.mark.parametrize(("text", "canonical"), [
    ("\ufeffid: 2023-01-10-rps\n", "id: 2023-01-10-rps\n"),          # byte-order mark dropped
    ("---\nid: 2023-01-10-rps\n...\n", "id: 2023-01-10-rps\n"),      # document markers dropped
    ("# yaml-language-server: $schema=../schemas/meeting.schema.json\nid: 2023-01-10-rps\n",
     "id: 2023-01-10-rps\n"),                                         # a wrong modeline fixed
])
def test_edge_files(messy_repo: Path, text: str, canonical: str) -> None:
    head = "# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n"
    assert format_text(text, messy_repo / MEETING) == head + canonical


def test_yaml_errors_name_the_files_line(messy_repo: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = messy_repo / MEETING
    path.write_text("# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n"
                    "id: a\nid: b\n", encoding="utf-8")
    assert run("--check", "--root", str(messy_repo)) == 1
    assert f"{MEETING}:3:1: found duplicate key" in capsys.readouterr().err
