"""The cache in the calendar's `DAV:comment` (RFC 3253 §3.1.1), where the server refuses our own
property but keeps that one (Xandikos): a run with nothing to do takes the quiet path there too
and changes need no multiget, while a comment a person wrote is never read as a cache nor
overwritten."""

from __future__ import annotations

import base64
import configparser
import datetime as dt
import html
import io
import xml.etree.ElementTree as ET
import zlib

import pytest

from messages import say
from sync import cache
from sync.commits import Commit
from tests.sync.sandbox import CALENDARS, Result, Sandbox, change
from tests.sync.test_quiet import QUIET, calendar_requests, quiet_run

on_xandikos = pytest.mark.parametrize("server", ["xandikos"], indirect=True)
COMMENT = "{DAV:}comment"
PERSON = "Kalendář spravuje Jana Nováková; dotazy na jana@example.org."
WARN_STATE = "neuložil pomocnou vlastnost"


def a_state(events: int = 3) -> cache.State:
    when = dt.datetime(2022, 8, 16, 10, tzinfo=dt.UTC)
    known = {f"2022-10-{i:02d}-rps.ics": cache.Known(f'"{i:040x}"', f"{i:064x}", i % 3,
                                                    f"{i + 1:064x}", Commit(f"{i:012x}", when))
             for i in range(events)}
    return cache.State(known, {"foreign-event.ics": '"f"'}, Commit("ba9876543210", when),
                      "fp" * 32, "http://example.org/sync/1",
                      {"{DAV:}displayname": "KPSS Liberec – ŘPS 100 %"})


def comment_of(sandbox: Sandbox, short: str) -> str | None:
    """The calendar's comment as the server gives it, asked for directly."""
    body = (b'<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:comment/></D:prop>'
            b"</D:propfind>")
    reply = sandbox.backend.request("PROPFIND", sandbox.path(short), body,
                                    {"Depth": "0", "Content-Type": "application/xml"})
    assert reply.status == 207, reply
    return ET.fromstring(reply.body).findtext(f".//{COMMENT}")  # noqa: S314 - our test server


def set_comment(sandbox: Sandbox, short: str, text: str) -> None:
    """Write the calendar's comment as a person's client would."""
    reply = sandbox.proppatch(short, f"<D:comment>{html.escape(text, quote=False)}</D:comment>")
    assert b"200 OK" in reply, reply
    assert comment_of(sandbox, short) == text


def cache_writes(sandbox: Sandbox, result: Result, short: str) -> list[tuple[str, int | None]]:
    """The PROPPATCHes of the cache to one calendar: which property, and the answer."""
    return [("comment" if b"comment>" in e.head else "state", e.status)
            for e in result.calls(sandbox.path(short), "PROPPATCH")]


def test_the_comment_round_trips() -> None:
    state = a_state()
    text = cache.to_comment(state)
    assert text.startswith(cache.COMMENT_MARKER)
    assert "%" not in text
    assert "\n" not in text
    assert cache.from_comment(text) == state
    # Where Xandikos keeps it: a value in the DEFAULT section of an INI file (configparser,
    # whose default interpolation refuses a '%').
    stored = configparser.ConfigParser()
    stored["DEFAULT"]["comment"] = text
    written = io.StringIO()
    stored.write(written)
    read = configparser.ConfigParser()
    read.read_string(written.getvalue())
    assert cache.from_comment(read["DEFAULT"]["comment"]) == state
    assert cache.from_comment(f"  {text}\n") == state  # a server may add white space


def test_the_comment_is_compressed() -> None:
    state = a_state(1000)
    assert len(cache.to_comment(state)) < len(state.encode())


@pytest.mark.parametrize("text", [
    None, "", PERSON, cache.COMMENT_MARKER, cache.COMMENT_MARKER + "!!! nic",
    cache.COMMENT_MARKER + base64.b64encode(b"not zlib").decode(),
    cache.COMMENT_MARKER + base64.b64encode(zlib.compress(b"not json")).decode(),
    cache.COMMENT_MARKER + base64.b64encode(zlib.compress(a_state().encode().encode())[:-9])
    .decode(),
    "kpss-sync-cache:2:" + cache.to_comment(a_state()).removeprefix(cache.COMMENT_MARKER),
    PERSON + cache.to_comment(a_state()),
], ids=["none", "empty", "person", "marker-only", "not-base64", "not-zlib", "not-json",
        "truncated", "other-version", "marker-inside"])
def test_anything_else_is_no_cache(text: str | None) -> None:
    assert cache.from_comment(text) == cache.State()


def test_a_comment_that_unpacks_too_far_is_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    text = cache.to_comment(a_state(50))
    monkeypatch.setattr(cache, "MAX_UNPACKED", 1000)
    assert cache.from_comment(text) == cache.State()


@on_xandikos
def test_the_first_push_keeps_the_cache_in_the_comment(sandbox: Sandbox) -> None:
    result = sandbox.run()
    assert result.code == 0, result.err
    assert WARN_STATE not in result.out
    for short in CALENDARS:
        # Our own property first (refused), then the comment; once refused, our property is
        # not offered again in that run: the other calendars go straight to the comment.
        tried = [("state", 207)] if short == CALENDARS[0] else []
        assert cache_writes(sandbox, result, short) == [*tried, ("comment", 207)]
        state = cache.from_comment(comment_of(sandbox, short))
        assert set(state.events) == set(sandbox.ours(short))
        assert state.fingerprint


@on_xandikos
def test_a_run_with_nothing_to_do_is_quiet(sandbox: Sandbox,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert sandbox.run().code == 0
    comments = {s: comment_of(sandbox, s) for s in CALENDARS}
    result = quiet_run(sandbox, monkeypatch)
    # Xandikos's calendar home is not the principal: each calendar is listed by a PROPFIND of
    # its own, which brings the comment; no multiget.
    assert calendar_requests(sandbox, result) == {s: ["PROPFIND"] for s in CALENDARS}
    assert {s: comment_of(sandbox, s) for s in CALENDARS} == comments


@on_xandikos
def test_changes_read_only_what_they_overwrite_or_delete(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    change(sandbox)
    result = sandbox.run()
    assert result.code == 0, result.err
    assert WARN_STATE not in result.out
    requests = calendar_requests(sandbox, result)
    for short in ("rps", "vse"):  # k + 3: the listing, one multiget, 3 writes, the cache
        # In the first calendar the run writes into, one PUT more: the check that the server
        # honours If-Match (sync/guard.py), answered 412.
        probe = ["PUT"] if short == "rps" else []
        assert sorted(requests[short]) == ["DELETE", "PROPFIND", "PROPPATCH", "PUT", "PUT",
                                           *probe, "REPORT"]
        # The multiget reads the event to be updated and the one to be deleted (the cache
        # vouches for them, but anyone who can write the calendar can write the cache), not
        # the one to be created.
        [multiget] = result.calls(sandbox.path(short), method="REPORT")
        assert b"calendar-multiget" in multiget.head
        assert b"2022-10-19-rps.ics" in multiget.head
        assert b"2022-12-07-rps.ics" in multiget.head
        assert b"2022-12-14-rps.ics" not in multiget.head
        assert cache_writes(sandbox, result, short) == [("comment", 207)]
    # No change of its own, but new records: the cache takes their fingerprint.
    assert requests["ps-seniori"] == ["PROPFIND", "PROPPATCH"]
    sandbox.assert_converged()
    again = sandbox.run()
    assert QUIET in again.out
    assert calendar_requests(sandbox, again) == {s: ["PROPFIND"] for s in CALENDARS}


@on_xandikos
def test_a_comment_a_person_wrote_is_left_alone(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    set_comment(sandbox, "rps", PERSON)
    result = sandbox.run()
    assert result.code == 0, result.err
    assert QUIET not in result.out
    assert result.writes == 0
    # That calendar has no cache: listed and read whole, as before; the others vouch for theirs.
    requests = calendar_requests(sandbox, result)
    assert requests["rps"] == ["PROPFIND", "REPORT"]
    assert requests["ps-seniori"] == requests["vse"] == ["PROPFIND"]
    change(sandbox)
    changed = sandbox.run()
    assert changed.code == 0, changed.err
    # Our property is refused, the comment is not ours to take: the warning, as before.
    assert cache_writes(sandbox, changed, "rps") == [("state", 207)]
    assert WARN_STATE in changed.out
    assert cache_writes(sandbox, changed, "vse") == [("comment", 207)]
    sandbox.assert_converged()
    assert comment_of(sandbox, "rps") == PERSON


@on_xandikos
def test_a_damaged_comment_of_ours_is_ignored_and_replaced(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    damaged = cache.to_comment(a_state())[:-20] + "!!!"
    set_comment(sandbox, "rps", damaged)
    result = sandbox.run()
    assert result.code == 0, result.err
    assert QUIET not in result.out
    requests = calendar_requests(sandbox, result)
    # Read whole, found unchanged, and a good cache written in its place.
    assert requests["rps"] == ["PROPFIND", "REPORT", "PROPPATCH"]
    assert cache_writes(sandbox, result, "rps") == [("comment", 207)]
    state = cache.from_comment(comment_of(sandbox, "rps"))
    assert set(state.events) == set(sandbox.ours("rps"))
    again = sandbox.run()
    assert QUIET in again.out
    assert again.writes == 0


@on_xandikos
def test_a_refused_comment_leaves_things_as_before(sandbox: Sandbox) -> None:
    # A server that keeps neither: the proxy answers for Xandikos that the comment was refused.
    refused = (b'<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response>'
               b"<D:href>/</D:href><D:propstat><D:prop><D:comment/></D:prop>"
               b"<D:status>HTTP/1.1 403 Forbidden</D:status></D:propstat></D:response>"
               b"</D:multistatus>")
    sandbox.proxy.add("status", method="PROPPATCH", contains=b"comment>", status=207,
                      body=refused, headers={"Content-Type": "application/xml"}, times=99)
    result = sandbox.run()
    assert result.code == 0, result.err
    # Said once for the run, not per calendar; the first calendar's refusals are enough: the
    # others are not asked to keep it.
    assert WARN_STATE not in result.out
    assert result.out.count(say("sync.no_cache", "cs")) == 1
    for short in CALENDARS:
        tried = [("state", 207), ("comment", 207)] if short == CALENDARS[0] else []
        assert cache_writes(sandbox, result, short) == tried
        assert not comment_of(sandbox, short)
    again = sandbox.run()
    assert QUIET not in again.out
    assert again.writes == 0
    assert calendar_requests(sandbox, again) == {s: ["PROPFIND", "REPORT"] for s in CALENDARS}
    sandbox.assert_converged()
