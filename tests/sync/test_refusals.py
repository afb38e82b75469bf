"""A server that refuses one event, or one calendar, says why in its own words; the sync reports
that event's record with the reason and goes on with every other event and calendar, then ends
with exit 3 and a summary. The next run, the refusal gone, finishes only what is left."""

from __future__ import annotations

import re

import pytest

from tests.sync.sandbox import Sandbox, assert_in_place, change

MOVED = "2022-10-19-rps"
SABRE_403 = (b'<?xml version="1.0" encoding="utf-8"?>\n<d:error xmlns:d="DAV:" '
             b'xmlns:s="http://sabredav.org/ns" xmlns:cal="urn:ietf:params:xml:ns:caldav">'
             b"<cal:valid-calendar-data/><s:exception>Sabre\\DAV\\Exception\\Forbidden"
             b"</s:exception><s:message>DTEND must occur after DTSTART</s:message></d:error>")
"""What a real sabre/dav answers for an event it will not store (its validator's words)."""


@pytest.mark.parametrize(("status", "body", "reason"), [
    (403, SABRE_403, "valid-calendar-data (DTEND must occur after DTSTART)"),
    (415, b"", "HTTP 415"),
    (422, b'<?xml version="1.0"?><D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
          b"<C:max-resource-size/></D:error>", "max-resource-size"),
    (507, ('<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/x</D:href>'
           "<D:status>HTTP/1.1 507 Insufficient Storage</D:status><D:responsedescription>"
           "Kvóta\nvyčerpána</D:responsedescription></D:response></D:multistatus>").encode(),
     "Kvóta\\nvyčerpána"),
])
def test_one_refused_event_leaves_the_others_written(sandbox: Sandbox, status: int, body: bytes,
                                                     reason: str) -> None:
    assert sandbox.run().code == 0
    change(sandbox)
    target = sandbox.path("rps") + f"{MOVED}.ics"
    rule = sandbox.proxy.add("status", method="PUT", path="^" + re.escape(target) + "$",
                             status=status, body=body, times=99,
                             headers={"Content-Type": "application/xml; charset=utf-8"})
    result = sandbox.run()
    assert rule.fired == 1  # a refusal is not retried
    assert result.code == 3, result.err
    assert "Traceback" not in result.err
    assert_in_place(result)
    [line] = result.err.strip().splitlines()  # the one refusal, in one line
    assert line.startswith(sandbox.ids["rps"] + ": ")
    assert f"records/meetings/2022/{MOVED}.yaml se nezapsalo" in line
    assert reason in line, line
    assert "nemá oprávnění" not in line  # the server said why: no talk of permissions
    # Everything else in rps, and the same event in vse, was written.
    events = sandbox.ours("rps")
    assert "2022-12-14-rps.ics" in events
    assert "2022-12-07-rps.ics" not in events
    assert events[f"{MOVED}.ics"].vevent.get("DTSTART").dt.hour == 14  # refused: as it was
    vse = sandbox.ours("vse")
    assert "2022-12-14-rps.ics" in vse
    assert vse[f"{MOVED}.ics"].vevent.get("DTSTART").dt.hour == 15
    sandbox.proxy.rules.clear()
    again = sandbox.run()
    assert again.code == 0, again.err
    sandbox.assert_converged()
