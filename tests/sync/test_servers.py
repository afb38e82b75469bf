"""What particular servers do, met on the real ones or by our proxy in front of one: a server
that keeps no cache (sabre/dav), Nextcloud's limits on new calendars, its Deck boards (calendars
of tasks only), and sabre/dav's answer to a multiget naming a member deleted meanwhile."""

from __future__ import annotations

import pytest

from sync import dav
from sync.messages import say
from tests.sync.proxy import Request
from tests.sync.sandbox import CALENDARS, Sandbox

radicale = pytest.mark.parametrize("server", ["radicale"], indirect=True)
sabre = pytest.mark.parametrize("server", ["sabre"], indirect=True)
NO_CACHE, NO_CACHE_YET = say("no_cache", "cs"), say("no_cache_yet", "cs")
NOT_CREATED = "Server ho zatím nezaložil"
FORBIDDEN = "nemá oprávnění"
REFUSED = (b'<?xml version="1.0" encoding="utf-8"?><d:error xmlns:d="DAV:" '
           b'xmlns:s="http://sabredav.org/ns"><s:exception>Sabre\\DAV\\Exception\\Forbidden'
           b"</s:exception><s:message>Forbidden</s:message></d:error>")


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dav, "BACKOFF", (0.01, 0.02))


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
                      body=REFUSED, times=dav.MAX_ATTEMPTS if status == 429 else 1)
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
    made = sandbox.backend.request("MKCALENDAR", sandbox.path("rps"), body,
                                   {"Content-Type": "application/xml"})
    assert made.status == 201, made
    result = sandbox.run()
    assert result.code == 3
    assert "jen pro úkoly" in result.err
    assert "Traceback" not in result.err
    assert not [e for e in result.calls(sandbox.path("rps"))
                if e.method not in ("PROPFIND", "REPORT")]
    assert not sandbox.events("rps")
    sandbox.assert_converged(calendars=("ps-seniori", "vse"))  # the others are synced
