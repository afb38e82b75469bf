"""Every scaffold, completed exactly as its comments say, passes the linter: no comment leads an
editor into a syntax or consistency error (issue 18: `excused: []` with "např. - jana-urbanova"
below it was one)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lint import engine
from lint.problem import Severity
from tests.edit.conftest import Edit, errors

EXAMPLE_LIST = re.compile(r"např\. (\[[^\]]*\])")
EXAMPLE_TIME = re.compile(r'start \(čas, např\. ("[0-9:]+")\)')
DECISION_FILE = re.compile(r"records/decisions/[a-z0-9-]+\.yaml")


def _all_errors(root: Path, today: str) -> list[str]:
    result = engine.run(root, today=dt.date.fromisoformat(today), jobs=1)
    return [f"{p.file}:{p.line}: {p.code}" for p in result.problems
            if p.severity is Severity.ERROR]


def _complete_meeting_comment(text: str) -> str:
    """`# DOPLŇTE, pokud je znáte: start (čas, např. "14:00"), venue (...)`: the fields named,
    the time as the comment's example, the venue an id from records/venues/."""
    lines = []
    for line in text.splitlines():
        if line.startswith("# DOPLŇTE, pokud je znáte:"):
            time = EXAMPLE_TIME.search(line)
            if time:
                lines.append(f"start: {time[1]}")
            if "venue (" in line:
                lines.append("venue: radnice")
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_new_meeting_completed(repo: Path, edit: Edit) -> None:
    code, out, _ = edit("new", "meeting", "--group", "ps-seniori", "--date", "2022-12-07")
    path = repo / out.strip()
    path.write_text(_complete_meeting_comment(path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    assert code == 0
    assert "DOPLŇTE" not in path.read_text(encoding="utf-8")
    assert errors(repo, out.strip(), today="2022-11-01") == []


def test_cancel_and_postpone_completed(repo: Path, edit: Edit) -> None:
    edit("new", "meeting", "--group", "ps-seniori", "--date", "2022-12-07")
    edit("new", "meeting", "--group", "ps-seniori", "--date", "2022-12-14")
    edit("cancel", "--meeting", "2022-12-07-ps-seniori", "--reason", "Nemoc")
    _, out, _ = edit("postpone", "--meeting", "2022-12-14-ps-seniori", "--date", "2022-12-21")
    for rel in ["records/meetings/2022/2022-12-07-ps-seniori.yaml", *out.split()]:
        path = repo / rel
        path.write_text(_complete_meeting_comment(path.read_text(encoding="utf-8")),
                        encoding="utf-8")
    assert _all_errors(repo, "2022-11-01") == []


def test_new_organisation_completed(repo: Path, edit: Edit) -> None:
    _, out, _ = edit("new", "organisation", "--name", "Nová organizace")
    path = repo / out.strip()
    text = path.read_text(encoding="utf-8")
    kind = re.search(r"\(kind: ([a-z-]+)", text)
    assert kind is not None
    path.write_text(text + f"kind: {kind[1]}\n", encoding="utf-8")
    assert errors(repo, out.strip(), today="2022-11-01") == []


def test_minutes_completed(repo: Path, edit: Edit) -> None:
    code, out, _ = edit("new", "minutes", "--meeting", "2022-10-19-rps", "--today", "2022-10-20")
    path = repo / out.strip()
    text = path.read_text(encoding="utf-8")
    assert code == 0
    text = _excused(text)
    text = text.replace("  - title: TODO", "  - title: Informace ze SML", 1)
    text = text.replace("      - TODO", "      - Informace o přípravě komunitního plánu.", 1)
    text = text.replace("  author: TODO", "  author: jana-horakova", 1)
    text = _first_task_done(repo, text)
    path.write_text(text, encoding="utf-8")
    assert "TODO" not in text
    assert _all_errors(repo, "2022-10-20") == []


def _excused(text: str) -> str:
    """The comment's example list goes inside the brackets; those people leave `present`
    (the comment on `present` says to delete who was not there)."""
    line = next(row for row in text.splitlines() if row.strip().startswith("excused: []"))
    example = EXAMPLE_LIST.search(line)
    assert example is not None, line
    people = [p.strip() for p in example[1].strip("[]").split(",")]
    text = text.replace("excused: []", f"excused: {example[1]}", 1)
    for person in people:
        text = text.replace(f"    - {person}\n", "", 1)
    return text


def _first_task_done(repo: Path, text: str) -> str:
    """The first task check set to done, and the same status in the task's own file, as the
    comment on the check says."""
    lines = text.splitlines(keepends=True)
    index = next(i for i, row in enumerate(lines) if "nový stav" in row)
    decision = DECISION_FILE.search(lines[index])
    assert decision is not None, lines[index]
    lines[index] = lines[index].replace("status: open", "status: done", 1)
    lines.insert(index + 1, "    note: Splněno před jednáním.\n")
    task = repo / decision[0]
    task.write_text(re.sub(r"(?m)^status: open$", "status: done",
                           task.read_text(encoding="utf-8")), encoding="utf-8")
    return "".join(lines)
