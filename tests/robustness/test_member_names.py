"""The member-name attack against a real Radicale 3.9: someone with write access to the
calendar PUTs an event carrying our marker at a member name that, unquoted and joined back to
the calendar's URL, names the calendar itself (`#`, `?`). Before issue 15 the next sync
DELETEd the whole calendar: our events and a person's own event with it. Run as a child
process, through the fault proxy, which logs every request."""

from __future__ import annotations

import re

import pytest

from sync import ical
from tests.robustness.matrix import Row, message_key, record
from tests.sync.sandbox import Sandbox, change

NAMES = {"hash": "%23x.ics", "hash-alone": "%23"}
"""Radicale refuses `?` in a name (400); the crafted server (hostile_scenarios/) tries it."""
MEMBER_IDS = [f"radicale-{n}" for n in NAMES]


def forged(sandbox: Sandbox) -> bytes:
    """One of our events, under a UID of our scheme for a meeting the records do not have."""
    ours = sandbox.ours("rps")["2022-10-05-rps.ics"].data.decode()
    return re.sub(r"UID:[^\r\n]*", "UID:2099-01-01-rps@kpss", ours, count=1).encode()


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
@pytest.mark.parametrize("name", list(NAMES))
def test_member_name_attack_on_radicale(sandbox: Sandbox, name: str) -> None:
    first = sandbox.run()
    assert first.code == 0, first.err
    person = sandbox.put_foreign("rps")
    target = sandbox.path("rps") + NAMES[name]
    put = sandbox.backend.request("PUT", target, forged(sandbox),
                                  {"Content-Type": "text/calendar; charset=utf-8"})
    assert put.status in (201, 204), put
    change(sandbox)
    result = sandbox.run_process("--timeout", "5")
    calendar = sandbox.path("rps")
    hits = [e for e in result.entries if e.method in ("DELETE", "PUT", "PROPPATCH")
            and e.path.split("?")[0].rstrip("/") in (calendar.rstrip("/"),
                                                     sandbox.backend.home.rstrip("/"))
            and e.method != "PROPPATCH"]
    survived = sandbox.exists("rps")
    events = sandbox.events("rps") if survived else {}
    mine = {e.uid for e in events.values() if ical.MARKER in e.vevent}
    missing = sorted(sandbox.expected("rps") - mine)
    ok = (survived and not hits and not missing and result.code in (0, 3)
          and events.get(person.name) == person and "Traceback" not in result.err)
    record(Row("hostile-server", f"radicale-{name}",
               f"exit {result.code}: {message_key(result.err) or 'ok'}; "
               + ("calendar kept" if survived else "CALENDAR DELETED")
               + (f"; {len(hits)} writes to the calendar itself" if hits else ""),
               ok, "", None, {"foreign_touched": int(events.get(person.name) != person)},
               {"group": "radicale", "sent": f"an event with our marker PUT at "
                                             f"`{NAMES[name]}` in a Radicale 3.9 calendar",
                "expect": "0 ok/3 server", "memory": ""}))
    assert "Traceback" not in result.err
    assert not hits, hits
    assert survived, "the calendar was deleted"
    assert events.get(person.name) == person, "the person's own event changed"
    assert not missing, missing
    assert result.code in (0, 3), result.err
