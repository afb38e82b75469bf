"""What particular servers do, met on the real ones or by our proxy in front of one: a server
that keeps no cache (sabre/dav), Nextcloud's limits on new calendars, its Deck boards (calendars
of tasks only), sabre/dav's answer to a multiget naming a member deleted meanwhile, and a server
that ignores If-Match and If-None-Match."""

from __future__ import annotations

import re

import pytest

from bench.loopback import Request
from messages import say
from sync import guard, transport
from tests.sync.sandbox import CALENDARS, FOREIGN_EVENT, Result, Sandbox, change

radicale = pytest.mark.parametrize("server", ["radicale"], indirect=True)
sabre = pytest.mark.parametrize("server", ["sabre"], indirect=True)
NO_CACHE, NO_CACHE_YET = say("sync.no_cache", "cs"), say("sync.no_cache_yet", "cs")
NOT_CREATED = "Server ho zatím nezaložil"
FORBIDDEN = "nemá oprávnění"
REFUSED = (b'<?xml version="1.0" encoding="utf-8"?><d:error xmlns:d="DAV:" '
           b'xmlns:s="http://sabredav.org/ns"><s:exception>Sabre\\DAV\\Exception\\Forbidden'
           b"</s:exception><s:message>Forbidden</s:message></d:error>")


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transport, "BACKOFF", (0.01, 0.02))


def test_a_server_without_a_cache_converges_and_says_so_once(sandbox: Sandbox) -> None:
    """On every server: where the cache is refused outright (403 for the whole PROPPATCH, as
    the issue's server does), the sync publishes all the same and says once how it works."""
    for marker in (b"state>", b"comment>"):
        sandbox.proxy.add("status", method="PROPPATCH", contains=marker, status=403,
                          body=REFUSED, headers={"Content-Type": "application/xml"}, times=99)
    first = sandbox.run()
    assert first.code == 0, first.err
    assert FORBIDDEN not in first.out + first.err
    assert first.out.count(NO_CACHE) == 1
    sandbox.assert_converged()
    # Only the first calendar written asks; the server's answer holds for the whole run.
    asked = [e.path for e in first.calls(method="PROPPATCH") if e.status == 403]
    assert asked == [sandbox.path(CALENDARS[0])] * 2
    again = sandbox.run()
    assert again.code == 0, again.err
    assert again.writes == 0
    assert again.out.count(NO_CACHE_YET) == 1
    for short in CALENDARS:
        # A listing of the ETags and a multiget of the events, compared: at most 3.
        assert [e.method for e in again.calls(sandbox.path(short))] == ["PROPFIND", "REPORT"]


@sabre
def test_sabre_keeps_no_cache_and_the_sync_says_so(sandbox: Sandbox) -> None:
    first = sandbox.run()
    assert first.code == 0, first.err
    assert first.out.count(NO_CACHE) == 1
    assert "neuložil pomocnou vlastnost" not in first.out
    refused = [e.status for e in first.calls(method="PROPPATCH")]
    assert refused == [207, 207]  # our property, then the comment: both refused, once
    again = sandbox.run()
    assert (again.code, again.writes) == (0, 0)
    assert again.out.count(NO_CACHE_YET) == 1


@sabre
def test_a_member_deleted_before_the_multiget(sandbox: Sandbox) -> None:
    """sabre/dav 1.8 answers a calendar-multiget naming one missing member with 404 for the
    whole report: the sync asks for each member on its own and goes on."""
    assert sandbox.run().code == 0
    foreign = sandbox.put_foreign("rps")

    def delete(_request: Request) -> None:
        reply = sandbox.backend.request("DELETE", sandbox.path("rps") + foreign.name)
        assert reply.status == 204, reply

    sandbox.proxy.add("call", method="REPORT", path=sandbox.path("rps"), action=delete)
    result = sandbox.run()
    assert result.code == 0, result.err
    reports = [e.status for e in result.calls(sandbox.path("rps"), "REPORT")]
    assert reports[0] == 404
    assert reports[1:] == [207] * (len(reports) - 2) + [404]  # each member, the gone one last
    assert result.writes == 0
    sandbox.assert_converged()


@radicale
@pytest.mark.parametrize("status", [429, 403])
def test_a_calendar_the_server_will_not_create_yet(sandbox: Sandbox, status: int) -> None:
    """Nextcloud creates 10 calendars an hour (429 after) and 30 in all (403): the refused one
    is reported, the others are synced, the run exits 3, and the next run creates it."""
    sandbox.proxy.add("status", method="MKCALENDAR", path=sandbox.path("rps"), status=status,
                      headers={"Retry-After": "0", "Content-Type": "application/xml"},
                      body=REFUSED, times=transport.MAX_ATTEMPTS if status == 429 else 1)
    first = sandbox.run()
    assert first.code == 3
    line = next(line for line in first.err.splitlines() if NOT_CREATED in line)
    assert line.startswith(sandbox.ids["rps"] + ":")
    assert f"HTTP {status}" in line
    # A 429 is asked again (after Retry-After), a 403 is not.
    assert len(first.calls(sandbox.path("rps"), "MKCALENDAR")) == (3 if status == 429 else 1)
    assert FORBIDDEN not in first.out + first.err
    assert not sandbox.exists("rps")
    assert not first.calls(sandbox.path("rps"), "PUT")
    sandbox.assert_converged(calendars=("ps-seniori", "vse"))
    second = sandbox.run()
    assert second.code == 0, (second.out, second.err)
    assert [e.method for e in second.calls(sandbox.path("rps"))][:1] == ["MKCALENDAR"]
    sandbox.assert_converged()


@radicale
def test_a_calendar_of_tasks_only_is_not_written(sandbox: Sandbox) -> None:
    """A Deck board (or any to-do list) at a calendar's address: a calendar, but one whose
    supported-calendar-component-set has no VEVENT; no event goes into it."""
    body = (b'<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" '
            b'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
            b"<D:displayname>Deck: Board</D:displayname><C:supported-calendar-component-set>"
            b'<C:comp name="VTODO"/></C:supported-calendar-component-set></D:prop></D:set>'
            b"</C:mkcalendar>")
    sandbox.occupy("rps", "MKCALENDAR", body)
    result = sandbox.run()
    assert result.code == 3
    assert "jen pro úkoly" in result.err
    assert "Traceback" not in result.err
    assert not [e for e in result.calls(sandbox.path("rps"))
                if e.method not in ("PROPFIND", "REPORT")]
    assert not sandbox.events("rps")


def replaced_before_the_writes(sandbox: Sandbox, *, check: bool) -> Result:
    """A server that ignores If-Match and If-None-Match (the proxy drops them). After the sync
    planned, another client puts an event of its own where ours to be deleted was."""
    assert sandbox.run().code == 0
    change(sandbox)  # in rps: move 2022-10-19, add 2022-12-14, remove 2022-12-07
    target = sandbox.path("rps") + "2022-12-07-rps.ics"
    theirs = FOREIGN_EVENT.replace("{UID}", "2022-12-07-takeover@example.org").encode()
    replies: list[tuple[int, int]] = []

    def other_client(_request: Request) -> None:
        # Its own UID, so its own resource: ours removed, then theirs put under that name.
        gone = sandbox.backend.request("DELETE", target)
        made = sandbox.backend.request("PUT", target, theirs,
                                       {"Content-Type": "text/calendar; charset=utf-8"})
        replies.append((gone.status, made.status))

    first = sandbox.path("rps") + ("kpss-probe-" if check else "2022-10-19-rps.ics")
    sandbox.proxy.add("unconditional", method="PUT", path="^" + re.escape(first),
                      action=other_client)
    sandbox.proxy.add("unconditional", method="PUT|DELETE", times=99)
    if not check:  # as if the server had said it honours the conditions
        sandbox.monkeypatch.setattr(guard, "_probe", lambda _dav, _calendar: True)
    result = sandbox.run()
    assert replies == [(200, 201)]
    return result


@radicale
def test_a_server_that_ignores_conditions_gets_a_fresh_read_first(sandbox: Sandbox) -> None:
    result = replaced_before_the_writes(sandbox, check=True)
    # The takeover is a conflict the sync reports (and leaves alone); the rest is written.
    assert result.code == 3, result.err
    assert "2022-12-07-rps.ics" in result.err
    assert "(HTTP 412)" in result.err
    rps = sandbox.path("rps")
    probe = [e for e in result.calls(rps) if "kpss-probe-" in e.path]
    assert [(e.method, e.status) for e in probe] == [("PUT", 201), ("DELETE", 200)]
    # Each write into an existing calendar is preceded by a read of the resource's ETag; the
    # replaced event's no longer matches: read again, found someone else's, left alone.
    gone = result.calls(rps + "2022-12-07-rps.ics")
    assert [(e.method, e.status) for e in gone] == [("PROPFIND", 207), ("GET", 200)]
    for name in ("2022-10-19-rps.ics", "2022-12-14-rps.ics"):
        assert [e.method for e in result.calls(rps + name)] == ["PROPFIND", "PUT"]
    events = sandbox.events("rps")
    assert events["2022-12-07-rps.ics"].uid == "2022-12-07-takeover@example.org"
    assert not any("kpss-probe-" in name for name in events)
    sandbox.assert_converged()


@radicale
def test_without_the_fresh_read_the_takeover_would_be_deleted(sandbox: Sandbox) -> None:
    """The same run with the check switched off: the proxy really makes the server ignore the
    condition, so the test above shows the read at work, not a lucky order."""
    result = replaced_before_the_writes(sandbox, check=False)
    assert result.code == 0, result.err
    assert "2022-12-07-rps.ics" not in sandbox.events("rps")
