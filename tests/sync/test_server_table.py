"""The README's table of servers, measured: each row is checked against a run on that server, so
the table cannot drift from what the sync does.

For each server: the requests of a first push from the server's root URL, of a run with
nothing to change, and of a run with k = 3 changes, per calendar (the first calendar a run
writes may cost more: it is where the run learns what the server keeps); the run's own
discovery requests; where the cache ended up; and what the server answers to conditional
requests that must fail, asked directly.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from tests.conftest import ROOT
from tests.sync.sandbox import CALENDARS, FOREIGN_EVENT, Backend, Result, Sandbox, change
from tests.sync.test_comment import comment_of
from tests.sync.test_quiet import QUIET, state_of

LABELS = {"radicale": "Radicale", "xandikos": "Xandikos", "sabre": "sabre/dav",
          "davical": "DAViCal"}
CACHE = {"state": "vlastnost `{urn:kpss:sync}state`", "comment": "`DAV:comment`",
         "none": "žádná"}
TERM = re.compile(r"([nk]) \+ (\d+)")


@dataclass(frozen=True)
class Cost:
    """Requests to one calendar: `usual` more than the events written, `first` in the first
    calendar a run writes."""

    usual: int
    first: int

    @classmethod
    def parse(cls, cell: str) -> Cost:
        terms = [int(m[2]) for m in TERM.finditer(cell)]
        assert terms, cell
        return cls(terms[0], terms[-1])


def per_calendar(sandbox: Sandbox, result: Result) -> dict[str, int]:
    return {s: len(result.calls(sandbox.path(s))) for s in CALENDARS}


def row(server: Backend) -> list[str]:
    """The README's row for `server` (its cells, the label first)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines()
            if line.startswith(f"| {LABELS[server.name]} ")]
    assert len(rows) == 1, f"no single row for {server.name} in the README's server table"
    return [cell.strip() for cell in rows[0].strip("|").split("|")]


def cache_place(sandbox: Sandbox) -> str:
    if state_of(sandbox, "rps").get("v"):
        return "state"
    return "comment" if comment_of(sandbox, "rps") else "none"


def conditions(sandbox: Sandbox) -> str:
    """The answers to If-None-Match: * on PUT, and If-Match on PUT and on DELETE, each with
    an ETag the resource does not have; then whether an ETag comes back after a delete."""
    backend, path = sandbox.backend, sandbox.path("rps") + f"probe-{uuid.uuid4().hex}.ics"
    body = FOREIGN_EVENT.replace("{UID}", f"{uuid.uuid4().hex}@example.org").encode()
    ics = {"Content-Type": "text/calendar; charset=utf-8"}
    made = backend.request("PUT", path, body, ics)
    assert made.status in (201, 204), made
    etag = sandbox.events("rps")[path.rsplit("/", 1)[1]].etag
    wrong = '"not-the-etag"'
    answers = [backend.request("PUT", path, body, {**ics, "If-None-Match": "*"}).status,
               backend.request("PUT", path, body, {**ics, "If-Match": wrong}).status,
               backend.request("DELETE", path, headers={"If-Match": wrong}).status]
    assert backend.request("DELETE", path).status in (200, 204)
    assert backend.request("PUT", path, body, ics).status in (201, 204)
    again = sandbox.events("rps")[path.rsplit("/", 1)[1]].etag
    backend.request("DELETE", path)
    reused = "znovu stejný" if again == etag else "nový"
    return " / ".join(str(a) for a in answers) + f"; ETag po smazání {reused}"


def test_the_readme_row_is_what_the_server_does(sandbox: Sandbox, server: Backend) -> None:
    cells = row(server)
    first = sandbox.run()
    assert first.code == 0, first.err
    pushed = per_calendar(sandbox, first)
    sizes = {s: len(sandbox.expected(s)) for s in CALENDARS}
    push = Cost(pushed["rps"] - sizes["rps"], pushed[CALENDARS[0]] - sizes[CALENDARS[0]])
    quiet = sandbox.run()
    assert (quiet.code, quiet.writes) == (0, 0)
    idle = per_calendar(sandbox, quiet)
    assert len(set(idle.values())) == 1, idle
    discovery = len(quiet.entries) - sum(idle.values())
    place = cache_place(sandbox)
    change(sandbox)  # k = 3 in rps (the first calendar written) and vse
    changed = sandbox.run()
    assert changed.code == 0, changed.err
    costs = per_calendar(sandbox, changed)
    k = Cost(costs["vse"] - 3, costs["rps"] - 3)
    measured = [LABELS[server.name], push, idle["rps"], discovery, k, CACHE[place],
                conditions(sandbox)]
    written = [cells[0].split()[0], Cost.parse(cells[1]), int(cells[2].split()[0].strip("*")),
               int(cells[3].split()[0]), Cost.parse(cells[4]), cells[5], cells[6]]
    assert written == measured
    # "the records are not read": the run ended at the look, its cache vouching for everything.
    assert ("nečtou" in cells[2]) == (QUIET in quiet.out)
    assert idle["rps"] <= (2 if server.keeps_state else 3)
