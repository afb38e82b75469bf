"""Someone else with write access to the calendar plants resources that try to pass for ours:
against real servers, the sync never writes to or deletes anything but its own events.

The probe that found the defect: an event PUT at a member name holding `#`, carrying our
marker, made the next sync DELETE the whole calendar (the member's name, unquoted and joined
back with urljoin, named the calendar itself).
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

import pytest

from bench.proxy import WRITES
from sync import hrefs
from sync.cache import STATE_VERSION
from tests.sync.sandbox import NEW_MEETING, Backend, Event, Result, Sandbox

MARKED = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone else//EN\r\n"
    "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20220801T080000Z\r\n"
    "DTSTART:20221020T080000Z\r\nDTEND:20221020T090000Z\r\n"
    "SUMMARY:Cizí událost se značkou kpss\r\n"
    "X-KPSS-RECORD:records/meetings/2022/2022-10-19-rps.yaml\r\n"
    "{extra}END:VEVENT\r\n{more}END:VCALENDAR\r\n"
)
"""An event someone else wrote, carrying our marker (copied from one of ours, say)."""
ODD_NAMES = ["x%23", "%23", "x%3F", "%3F", "2022-12-07-rps.ics%23", "x%23%2F..",
             "%2e%2e", ".%2e", "a%2Fb.ics"]


def plant(sandbox: Sandbox, short: str, name: str, body: str) -> int:
    """PUT `body` at `name` (as it goes on the wire) in the calendar, as another account."""
    reply = sandbox.backend.request("PUT", sandbox.path(short) + name, body.encode(),
                                    {"Content-Type": "text/calendar; charset=utf-8"})
    return reply.status


def assert_wrote_only_ours(sandbox: Sandbox, result: Result) -> None:
    """Every write of the run went to a calendar of the sandbox or to one of our names in it."""
    calendars = {sandbox.path(s) for s in sandbox.ids}
    for entry in result.entries:
        if entry.method not in WRITES:
            continue
        if entry.method in ("PROPPATCH", "MKCALENDAR"):
            assert entry.path in calendars, entry
            continue
        parent, _, name = entry.path.rpartition("/")
        assert parent + "/" in calendars, entry
        assert hrefs.OUR_NAME.fullmatch(name), entry


def snapshot(sandbox: Sandbox) -> dict[str, dict[str, Event]]:
    return {short: sandbox.events(short) for short in ("rps", "vse")}


@pytest.mark.parametrize("name", ODD_NAMES)
def test_a_member_name_that_unquotes_to_another_resource_is_left_alone(
        sandbox: Sandbox, name: str) -> None:
    assert sandbox.run().code == 0
    person = sandbox.put_foreign("rps")
    # Our scheme, for a meeting the records do not have (a server refuses a UID it holds).
    status = plant(sandbox, "rps", name, MARKED.format(uid="2021-01-13-rps@kpss", extra="",
                                                       more=""))
    if status not in (200, 201, 204):
        pytest.skip(f"{sandbox.backend.name} refuses the name {name!r} itself ({status})")
    before = snapshot(sandbox)
    planted = [n for n in before["rps"] if unquote(n) == unquote(name)]
    if not planted:
        pytest.skip(f"{sandbox.backend.name} lists no member {name!r} (it took another name)")
    sandbox.write_meeting("2022-12-14-rps", NEW_MEETING)  # a change, so that the run writes
    result = sandbox.run()
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    assert_wrote_only_ours(sandbox, result)
    assert sandbox.exists("rps")
    after = snapshot(sandbox)
    assert after["rps"]["foreign-event.ics"].etag == person.etag
    assert after["rps"][planted[0]].etag == before["rps"][planted[0]].etag
    for short in ("rps", "vse"):  # ours: the records' events, nothing lost
        assert {e.uid for e in sandbox.ours(short).values()
                if e.name in before[short] or hrefs.OUR_NAME.fullmatch(e.name)} >= \
            sandbox.expected(short)


@pytest.mark.parametrize(("what", "uid", "extra", "more"), [
    ("a foreign UID", "someone-{n}@example.org", "", ""),
    ("our UID scheme, another name", "2021-02-03-rps@kpss", "", ""),
    ("two events in one resource", "{n2}@kpss",
     "", "BEGIN:VEVENT\r\nUID:{n2}@kpss\r\nDTSTAMP:20220801T080000Z\r\n"
         "RECURRENCE-ID:20221020T080000Z\r\nDTSTART:20221021T080000Z\r\nEND:VEVENT\r\n"),
    ("a marker that names no record", "{n2}@kpss", "", ""),
])
def test_an_event_that_only_looks_like_ours_is_never_deleted(
        sandbox: Sandbox, what: str, uid: str, extra: str, more: str) -> None:
    """Its record does not exist, so were it ours the sync would delete it."""
    assert sandbox.run().code == 0
    name = "2021-01-13-rps.ics"  # a name we could give, for a meeting the records do not have
    stem = name.removesuffix(".ics")
    body = MARKED.format(uid=uid.format(n=stem, n2=stem), extra=extra,
                         more=more.format(n2=stem))
    if what.startswith("a marker"):
        body = body.replace("records/meetings/2022/2022-10-19-rps.yaml", "../../etc/passwd")
    assert plant(sandbox, "rps", name, body) in (200, 201, 204)
    planted = sandbox.events("rps")[name]
    sandbox.write_meeting("2022-12-14-rps", NEW_MEETING)
    result = sandbox.run()
    assert result.code == 0, result.err
    assert not result.calls(sandbox.path("rps") + name, "DELETE"), what
    assert sandbox.events("rps")[name].etag == planted.etag, what
    assert_wrote_only_ours(sandbox, result)


def test_a_forged_cache_is_no_licence(sandbox: Sandbox, server: Backend) -> None:
    """Someone writes our cache so that it claims a person's event is one of ours, of a record
    since removed: the sync reads the event before it would delete it, and leaves it."""
    if not server.keeps_state or server.state_in_comment:
        pytest.skip("the server keeps no dead property where a cache could be forged")
    assert sandbox.run().code == 0
    person = sandbox.put_foreign("rps", name="2021-01-13-rps.ics")
    forged = (f'{{"v":{STATE_VERSION},"commit":["",0],"fingerprint":"","token":"",'
              f'"props":{{}},"events":{{"2021-01-13-rps.ics":[{person.etag!r},"x",0,"",'
              f'"",0]}},"foreign":{{}}}}').replace("'", '"')
    sandbox.proppatch("rps", f"<K:state>{escape(forged)}</K:state>",
                      ' xmlns:K="urn:kpss:sync"')
    result = sandbox.run("--allow-mass-delete")
    assert result.code == 0, result.err
    assert not result.calls(sandbox.path("rps") + "2021-01-13-rps.ics", "DELETE")
    assert sandbox.events("rps")["2021-01-13-rps.ics"].etag == person.etag
    assert_wrote_only_ours(sandbox, result)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize(("href", "name"), [
    ("/cal/rps/a.ics", "a.ics"),
    ("http://elsewhere.example/cal/rps/a.ics", "a.ics"),  # by its path, on our server only
    ("/cal/rps/2022-10-19%2Drps.ics", "2022-10-19-rps.ics"),
    ("/cal/rps/x%23", "x#"),  # `#` encoded is just a character of the name
    ("/cal/%72ps/a.ics", "a.ics"),
])
def test_members_are_one_segment_below_the_calendar(href: str, name: str) -> None:
    assert hrefs.child("/cal/rps/", href) == name


@pytest.mark.parametrize("href", [
    "/cal/rps/", "/cal/rps", "/cal/", "/", "", "/cal/rps/x#", "/cal/rps/x?y", "/cal/rps/#",
    "/cal/rps/..", "/cal/rps/%2e%2E", "/cal/rps/.", "/cal/rps/a/b.ics", "/cal/rps/a%2Fb.ics",
    "/cal/rps/a%5Cb", "a.ics", "rps/a.ics", "../rps/a.ics", "//evil/cal/rps/a.ics/x",
    "javascript:/cal/rps/a.ics", "/cal/rps/a\r\n.ics", "/cal/rps/a%0A.ics", "/cal/other/a.ics",
    "/cal/rps/../rps/a.ics",
])
def test_anything_else_is_no_member(href: str) -> None:
    assert hrefs.child("/cal/rps/", href) is None


def test_our_names_are_record_ids() -> None:
    for name in ("2022-10-19-rps.ics", "a.ics"):
        assert hrefs.is_ours(name)
    for name in ("x#", "../x.ics", "A.ics", "a", "a.ics.ics/x", quote("a b.ics"), "-a.ics"):
        assert not hrefs.is_ours(name), name
    assert re.fullmatch(hrefs.OUR_NAME, "2022-10-19-rps.ics")
