"""A run with nothing to do: the inputs fingerprint and the sync token (RFC 6578) in the cache.

Against Radicale, which keeps the sync's cache in our own property; Xandikos keeps it in the
calendar's comment (tests/sync/test_comment.py), and tests/sync/test_contract.py covers both.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from lint import engine
from sync import apply
from sync.protocol import DAV, KPSS
from tests.sync.sandbox import CALENDARS, Result, Sandbox, change

pytestmark = pytest.mark.parametrize("server", ["radicale"], indirect=True)
QUIET = "není co nahrát"


def calendar_requests(sandbox: Sandbox, result: Result) -> dict[str, list[str]]:
    return {s: [e.method for e in result.calls(sandbox.path(s))] for s in CALENDARS}


def state_of(sandbox: Sandbox, short: str) -> dict[str, object]:
    body = (b'<?xml version="1.0"?><D:propfind xmlns:D="DAV:" xmlns:K="urn:kpss:sync">'
            b"<D:prop><K:state/><D:sync-token/></D:prop></D:propfind>")
    reply = sandbox.backend.request("PROPFIND", sandbox.path(short), body,
                                    {"Depth": "0", "Content-Type": "application/xml"})
    assert reply.status == 207, reply
    root = ET.fromstring(reply.body)  # noqa: S314 - our own test server
    state = json.loads(root.findtext(f".//{{{KPSS}}}state") or "{}")
    state["server_token"] = root.findtext(f".//{{{DAV}}}sync-token")
    return state


def set_state(sandbox: Sandbox, short: str, state: dict[str, object]) -> None:
    state = {k: v for k, v in state.items() if k != "server_token"}
    text = json.dumps(state).replace("&", "&amp;").replace("<", "&lt;")
    sandbox.proppatch(short, f"<K:state>{text}</K:state>", ' xmlns:K="urn:kpss:sync"')


def no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the records were validated")

    monkeypatch.setattr(engine, "run", refuse)


def quiet_run(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Result:
    """A run after one that pushed, the records unchanged: quiet, unvalidated, no write, no
    event touched, and 2 discovery PROPFINDs (root → principal). Returned for more checks."""
    before = {s: sandbox.events(s) for s in CALENDARS}
    with monkeypatch.context() as patch:
        no_validation(patch)
        result = sandbox.run()
    assert result.code == 0, result.err
    assert QUIET in result.out
    assert result.writes == 0
    paths = tuple(sandbox.path(s) for s in CALENDARS)
    discovery = [e.method for e in result.entries if not e.path.startswith(paths)]
    assert discovery == ["PROPFIND", "PROPFIND"]
    assert {s: sandbox.events(s) for s in CALENDARS} == before
    return result


def test_unchanged_records_need_one_report_per_calendar(sandbox: Sandbox,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert sandbox.run().code == 0
    result = quiet_run(sandbox, monkeypatch)  # the principal lists the calendars (Radicale)
    assert calendar_requests(sandbox, result) == {s: ["REPORT"] for s in CALENDARS}
    for short in CALENDARS:  # the summary still counts every event
        count = len(sandbox.ours(short))
        assert re.search(rf"{sandbox.ids[short]}: .*beze změny {count}$", result.out, re.M)


def test_a_changed_record_is_validated_and_pushed(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    change(sandbox)
    result = sandbox.run()
    assert result.code == 0, result.err
    assert QUIET not in result.out
    assert result.writes > 0
    sandbox.assert_converged()
    again = sandbox.run()
    assert QUIET in again.out
    assert again.writes == 0


def test_a_broken_record_is_never_taken_for_unchanged(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    sandbox.edit_meeting("2022-10-19-rps", "status: planned", "status: snad")
    result = sandbox.run()
    assert result.code == 1
    assert "2022-10-19-rps.yaml" in result.err
    assert {e.method for e in result.entries} <= {"PROPFIND", "REPORT"}


def test_an_event_edited_on_the_server_is_put_back(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    name = "2022-10-19-rps.ics"
    event = sandbox.events("rps")[name]
    edited = event.data.replace(b"SUMMARY:", b"SUMMARY:Upraveno: ", 1)
    reply = sandbox.backend.request("PUT", sandbox.path("rps") + name, edited,
                                    {"Content-Type": "text/calendar; charset=utf-8"})
    assert reply.status in (200, 201, 204)
    result = sandbox.run()
    assert result.code == 0, result.err
    assert QUIET not in result.out
    assert [e.method for e in result.calls(sandbox.path("rps") + name)] == ["PUT"]
    assert "Upraveno" not in str(sandbox.events("rps")[name].vevent["SUMMARY"])
    sandbox.assert_converged()
    assert QUIET in sandbox.run().out


def test_a_calendar_renamed_on_the_server_is_named_back(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    body = ('<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>'
            "<D:displayname>Přejmenováno</D:displayname></D:prop></D:set>"
            "</D:propertyupdate>").encode()
    assert sandbox.backend.request("PROPPATCH", sandbox.path("rps"), body,
                                   {"Content-Type": "application/xml"}).status == 207
    result = sandbox.run()
    assert result.code == 0, result.err
    assert QUIET not in result.out
    assert sandbox.properties("rps")["displayname"] == "KPSS Liberec – ŘPS"


def test_a_forgotten_token_costs_a_listing_never_a_write(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    state = state_of(sandbox, "rps")
    state["token"] = "http://radicale.org/ns/sync/" + "0" * 64  # a token it never issued
    set_state(sandbox, "rps", state)
    for _run in range(2):
        result = sandbox.run()
        assert result.code == 0, result.err
        assert QUIET in result.out  # nothing changed, so still no validation
        # The report is refused (403) and the calendar listed instead; nothing is written.
        assert [(e.method, e.status) for e in result.calls(sandbox.path("rps"))] == \
            [("REPORT", 403), ("PROPFIND", 207)]
        assert result.writes == 0
    change(sandbox)  # the next run that writes stores a token that works
    assert sandbox.run().code == 0
    assert state_of(sandbox, "rps")["token"] != state["token"]
    again = sandbox.run()
    assert calendar_requests(sandbox, again)["rps"] == ["REPORT"]
    assert again.writes == 0


def test_many_writes_leave_a_token_from_after_them(sandbox: Sandbox,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(apply, "REFRESH_AFTER", 2)
    result = sandbox.run()
    assert result.code == 0, result.err
    for short in CALENDARS:
        state = state_of(sandbox, short)
        assert state["token"] == state["server_token"], short
        assert calendar_requests(sandbox, result)[short][-2:] == ["REPORT", "PROPPATCH"]


def test_a_first_push_of_few_events_keeps_the_token_from_before(sandbox: Sandbox) -> None:
    # Up to REFRESH_AFTER writes the run asks nothing more; the next run's report lists them
    # and finds each at the ETag the cache holds.
    assert sandbox.run().code == 0
    state = state_of(sandbox, "rps")
    assert state["token"]
    assert state["token"] != state["server_token"]
    assert QUIET in sandbox.run().out


def test_an_adopted_calendar_gets_a_token_with_its_first_write(sandbox: Sandbox) -> None:
    # Our events without our cache (it was removed, or a copy put them there): the run lists
    # each calendar; the first run that writes stores a cache holding the listing's token, and
    # once one cache was kept, the calendars with nothing to change get theirs in that run too.
    assert sandbox.run().code == 0
    body = (b'<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:" xmlns:K="urn:kpss:sync">'
            b"<D:remove><D:prop><K:state/></D:prop></D:remove></D:propertyupdate>")
    for short in CALENDARS:
        assert sandbox.backend.request("PROPPATCH", sandbox.path(short), body,
                                       {"Content-Type": "application/xml"}).status == 207
        assert "token" not in state_of(sandbox, short)
    adopted = sandbox.run()
    assert adopted.code == 0, adopted.err
    assert QUIET not in adopted.out
    assert adopted.writes == 0  # a run with nothing to change writes nothing, not even a cache
    change(sandbox)
    assert sandbox.run().code == 0
    assert all(state_of(sandbox, s)["token"] for s in CALENDARS)
    again = sandbox.run()
    assert QUIET in again.out
    assert calendar_requests(sandbox, again) == {s: ["REPORT"] for s in CALENDARS}
