"""`python -m edit new dated`: the scaffold a kind's declaration makes (lint/kinds.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.dated import add_terminy
from tests.edit.conftest import Edit, problems
from tests.edit.test_scaffold import data


def only_terminy(repo: Path) -> None:
    """The calendar that takes dated items, and none of the real records' dated items."""
    shutil.rmtree(repo / "records" / "dates", ignore_errors=True)
    add_terminy(repo)


def test_new_dated_item(repo: Path, edit: Edit) -> None:
    only_terminy(repo)
    code, out, _ = edit("new", "dated", "--type", "call", "--title",
                        "Podávání žádostí o dotace MPSV na rok 2023", "--start", "2022-10-17",
                        "--end", "2022-11-16", "--organisation", "mpsv",
                        "--reported-at", "2022-08-31-rps", "--agenda-item", "4",
                        "--calendars", "terminy", "--name", "mpsv-dotace-2023")
    rel = "records/dates/2022-10-17-mpsv-dotace-2023.yaml"
    assert (code, out) == (0, rel + "\n")
    text = (repo / rel).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/dated.schema.json\n")
    assert data(repo, rel) == {
        "id": "2022-10-17-mpsv-dotace-2023", "type": "call",
        "title": "Podávání žádostí o dotace MPSV na rok 2023", "start": "2022-10-17",
        "end": "2022-11-16", "organisation": "mpsv", "reported_at": "2022-08-31-rps",
        "agenda_item": 4, "calendars": ["terminy"]}
    assert problems(repo, rel, today="2022-09-01") == []


def test_new_dated_item_id_from_the_title(repo: Path, edit: Edit) -> None:
    only_terminy(repo)
    code, out, _ = edit("new", "dated", "--type", "opening", "--title",
                        "Zahájení provozu Centra aktivního života", "--start", "2023-05-31",
                        "--reported-at", "2022-08-31-rps", "--calendars", "terminy",
                        "--tentative")
    assert (code, out) == (0, "records/dates/2023-05-31-zahajeni-provozu-centra-aktivniho.yaml\n")


def test_new_dated_item_refuses_an_unknown_meeting(repo: Path, edit: Edit) -> None:
    only_terminy(repo)
    code, out, err = edit("new", "dated", "--type", "deadline", "--title", "Uzávěrka",
                          "--start", "2022-10-03", "--reported-at", "2022-08-30-rps",
                          "--calendars", "terminy")
    assert (code, out) == (2, "")
    assert "2022-08-31-rps" in err  # the closest meeting id is suggested
    assert not (repo / "records" / "dates").exists()
