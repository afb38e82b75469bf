"""`python -m edit settle`: a record as the CMS saves it becomes a canonical record that lints
clean: the id from the file name, the modeline, no empty leftovers, attendees as plain ids."""

from __future__ import annotations

from pathlib import Path

from tests.edit.conftest import Edit, problems

SAVED_BY_THE_CMS = """\
groups:
  - rps
title: Jednání ŘPS
date: 2022-10-19
start: 14:00
end: 16:00
venue: radnice
room: '209'
status: held
cancellation_reason: ''
attendance:
  present:
    - person: jana-horakova
    - person: lukas-prucha
      note: za OCHL
  excused: []
  guests: []
agenda:
  - title: Informace ze SML
    presenters: []
    content: |-
      - Do LK každý den cca 50 nově příchozích.
minutes:
  author: adela-machova
  status: draft
"""


def test_a_record_saved_by_the_cms_is_settled_and_lints_clean(repo: Path, edit: Edit) -> None:
    path = repo / "records/meetings/2022/2022-10-19-rps.yaml"
    path.write_text(SAVED_BY_THE_CMS, "utf-8")
    code, _out, err = edit("settle", str(path))
    assert code == 0, err
    text = path.read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../../schemas/meeting.schema.json"
    assert lines[1] == "id: 2022-10-19-rps"
    assert '    - jana-horakova' in lines
    assert "    - person: lukas-prucha" in lines
    assert "      note: za OCHL" in lines
    assert 'start: "14:00"' in lines
    for empty in ("cancellation_reason", "excused", "guests", "presenters"):
        assert empty not in text
    assert problems(repo, "records/meetings/2022/2022-10-19-rps.yaml", "2022-10-20") == []
    assert edit("format", "--check", str(path))[0] == 0
    assert edit("settle", str(path))[0] == 0
    assert path.read_text("utf-8") == text  # settled once is settled


def test_settle_keeps_an_id_that_is_there_and_changes_no_canonical_record(repo: Path,
                                                                         edit: Edit) -> None:
    before = {p: p.read_bytes() for p in (repo / "records").rglob("*.yaml")}
    assert edit("settle")[0] == 0
    assert {p: p.read_bytes() for p in (repo / "records").rglob("*.yaml")} == before
