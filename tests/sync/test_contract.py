"""The sync's contract, run against every server (Radicale, Xandikos, sabre/dav and DAViCal,
through the proxy)."""

from __future__ import annotations

import datetime as dt
import subprocess

import icalendar

from sync import guard
from tests.sync.sandbox import (
    CALENDARS,
    Backend,
    Result,
    Sandbox,
    assert_in_place,
    change,
    clean_env,
)

UTC = dt.UTC
WRITE_METHODS = {"PUT", "DELETE", "PROPPATCH", "MKCALENDAR", "MKCOL"}
NOT_PROBE = "^(?!.*kpss-probe-)"
"""Any path but that of the check whether the server honours If-Match (sync/guard.py)."""
MASS = ("2022-10-05-rps", "2022-10-12-ps-seniori", "2022-11-01-rps", "2022-11-15-ps-seniori",
        "2022-12-07-rps")


def per_calendar(sandbox: Sandbox, result: Result) -> dict[str, int]:
    return {short: len(result.calls(sandbox.path(short))) for short in CALENDARS}


def noop_cost(server: Backend) -> int:
    """Requests per calendar with nothing to change: the sync-collection REPORT (RFC 6578) from
    the token in the sync's cache where discovery listed the calendars (Radicale), or a
    PROPFIND listing whose ETags the cache vouches for (Xandikos, the cache in the comment);
    a PROPFIND and a calendar-multiget where the server would keep no cache at all."""
    return 1 if server.keeps_state else 2


class TestContract:
    def test_first_push_creates_calendars_with_their_properties(self, sandbox: Sandbox) -> None:
        result = sandbox.run()
        assert result.code == 0, result.err
        names = {"ps-seniori": "KPSS Liberec – PS Senioři", "rps": "KPSS Liberec – ŘPS",
                 "vse": "KPSS Liberec – všechna jednání"}
        descriptions = {"ps-seniori": "Jednání pracovní skupiny pro seniory.",
                        "rps": "Jednání řídicí pracovní skupiny.",
                        "vse": "Všechna jednání komunitního plánování."}
        colours = {"rps": "#8250df", "vse": "#1f6feb"}
        for short in CALENDARS:
            props = sandbox.properties(short)
            assert "calendar" in props["resourcetype"]
            assert props["displayname"] == names[short]
            assert props["calendar-description"] == descriptions[short]
            if short in colours:
                assert props["calendar-color"].lower()[:7] == colours[short]
            assert len(result.calls(sandbox.path(short), "MKCALENDAR")) == 1
            puts = result.calls(sandbox.path(short), "PUT")
            assert {p.headers.get("If-None-Match") for p in puts} == {"*"}
            # PROPFIND (404; not needed where discovery listed the calendars), MKCALENDAR,
            # PROPFIND to check the properties took, one PUT per event, PROPPATCH of the cache
            # (the run's first calendar on Xandikos: of our property, refused, then of the
            # comment; on sabre/dav both refused, and not tried again for the others).
            looked = not sandbox.backend.lists_calendars
            keep = sandbox.backend.keep_cost(first=short == CALENDARS[0])
            assert len(result.calls(sandbox.path(short))) == len(puts) + 2 + looked + keep
        sandbox.assert_converged()
        created = sum(len(sandbox.expected(s)) for s in CALENDARS)
        assert result.writes == created + len(CALENDARS) * (1 + sandbox.backend.keeps_state)
        assert result.requests == len(result.entries)

    def test_properties_ignored_by_mkcalendar_are_set_after(self, sandbox: Sandbox) -> None:
        # A server that creates the calendar but drops MKCALENDAR's properties: the sync sees
        # they did not take and sets them with PROPPATCH, then checks again.
        sandbox.proxy.add("drop_body", method="MKCALENDAR", times=len(CALENDARS))
        result = sandbox.run()
        assert result.code == 0, result.err
        assert "název, popis nebo barvu" not in result.out
        path = sandbox.path("rps")
        calls = [e.method for e in result.calls(path) if not e.path.endswith(".ics")]
        looked = [] if sandbox.backend.lists_calendars else ["PROPFIND"]
        cache = ["PROPPATCH"] * sandbox.backend.keep_cost(first=False)
        assert calls == [*looked, "MKCALENDAR", "PROPFIND", "PROPPATCH", "PROPFIND", *cache]
        props = sandbox.properties("rps")
        assert props["displayname"] == "KPSS Liberec – ŘPS"
        assert props["calendar-color"].lower()[:7] == "#8250df"
        assert sandbox.run().writes == 0

    def test_second_run_is_cheap_and_writes_nothing(self, sandbox: Sandbox,
                                                    server: Backend) -> None:
        assert sandbox.run().code == 0
        before = {s: sandbox.events(s) for s in CALENDARS}
        result = sandbox.run()
        assert result.code == 0, result.err
        assert result.writes == 0
        assert not [e for e in result.entries if e.method in WRITE_METHODS]
        for short, count in per_calendar(sandbox, result).items():
            assert count == noop_cost(server) <= 3, short
        discovery = len(result.entries) - sum(per_calendar(sandbox, result).values())
        assert discovery <= 2  # root → principal → calendar home, once per run
        assert result.requests == len(result.entries)
        assert {s: sandbox.events(s) for s in CALENDARS} == before

    def test_one_calendar_from_the_principal_url(self, sandbox: Sandbox,
                                                 server: Backend) -> None:
        # KPSS_CALDAV_URL at the principal: one PROPFIND finds the calendar home, so even a
        # single calendar's no-op run stays within 3 requests in all.
        assert sandbox.run().code == 0
        url = sandbox.proxy.url.rstrip("/") + server.principal
        result = sandbox.run("--calendar", sandbox.ids["rps"], env=sandbox.env(url=url))
        assert result.code == 0
        assert result.requests == 1 + noop_cost(server) <= 3
        assert result.writes == 0

    def test_changes_cost_k_plus_3_and_update_in_place(self, sandbox: Sandbox,
                                                       server: Backend) -> None:
        assert sandbox.run().code == 0
        before = {s: sandbox.events(s)["2022-10-19-rps.ics"] for s in ("rps", "vse")}
        moved_before = before["rps"]
        change(sandbox)
        result = sandbox.run()
        assert result.code == 0, result.err
        counts = per_calendar(sandbox, result)
        # A calendar with no change of its own: its read, and where the server keeps the cache,
        # one PROPPATCH of it (the records changed, so the next run can skip validation again).
        assert counts["ps-seniori"] == noop_cost(server) + server.keeps_state
        assert [e.method for e in result.calls(sandbox.path("ps-seniori"))
                if e.method in WRITE_METHODS] == ["PROPPATCH"] * server.keeps_state
        # Radicale: REPORT + 3 writes + cache; Xandikos: PROPFIND + 3 writes + cache (in the
        # comment); both: one multiget that reads what is to be overwritten or deleted, since
        # the cache (on the server, where others write) is no proof that it is ours. Without
        # a cache (sabre/dav) that multiget is the one reading every member, and in the first
        # calendar written, two refused PROPPATCHes tell the run the server keeps none. The
        # first calendar the run writes into also gets the check that the server honours
        # If-Match (a PUT, answered 412).
        assert counts["rps"] == 2 + 3 + 1 + server.keep_cost(first=True, cached=True)
        assert counts["vse"] == 2 + 3 + server.keep_cost(first=False, cached=True)
        probes = [e for e in result.calls(sandbox.path("rps"), "PUT") if "kpss-probe-" in e.path]
        assert [(p.status, p.headers.get("If-Match")) for p in probes] == \
            [(412, guard.PROBE_ETAG)]
        for short in ("rps", "vse"):
            path = sandbox.path(short)
            moved = result.calls(path + "2022-10-19-rps.ics")  # no fresh read: not needed
            assert [e.method for e in moved] == ["PUT"]
            assert moved[0].headers.get("If-Match") == before[short].etag
            added = result.calls(path + "2022-12-14-rps.ics")
            assert [(e.method, e.headers.get("If-None-Match")) for e in added] == [("PUT", "*")]
            gone = result.calls(path + "2022-12-07-rps.ics")
            assert [e.method for e in gone] == ["DELETE"]
            assert gone[0].headers.get("If-Match")
        assert_in_place(result)
        moved_after = sandbox.events("rps")["2022-10-19-rps.ics"]
        assert moved_after.uid == moved_before.uid == "2022-10-19-rps@kpss"
        assert int(moved_after.vevent["SEQUENCE"]) == int(moved_before.vevent["SEQUENCE"]) + 1
        start = moved_after.vevent["DTSTART"].dt.astimezone(UTC)
        assert start == dt.datetime(2022, 10, 19, 13, 0, tzinfo=UTC)
        sandbox.assert_converged()
        again = sandbox.run()
        assert again.writes == 0
        assert per_calendar(sandbox, again)["rps"] == noop_cost(server)

    def test_a_text_change_keeps_sequence(self, sandbox: Sandbox) -> None:
        assert sandbox.run().code == 0
        sandbox.edit_meeting("2022-11-01-rps", "title: Jednání ŘPS", "title: Jednání ŘPS o plánu")
        result = sandbox.run()
        assert result.code == 0
        assert result.writes >= 2
        event = sandbox.events("rps")["2022-11-01-rps.ics"].vevent
        assert "o plánu" in str(event["SUMMARY"])
        assert int(event["SEQUENCE"]) == 0  # only a change of time or place bumps it

    def test_foreign_event_survives_every_sync(self, sandbox: Sandbox) -> None:
        assert sandbox.run().code == 0
        foreign = [(s, sandbox.put_foreign(s)) for s in CALENDARS]
        assert sandbox.run().code == 0
        sandbox.assert_converged(*foreign)
        change(sandbox)
        assert sandbox.run().code == 0
        sandbox.assert_converged(*foreign)
        for mid in (*MASS, "2022-12-14-rps"):
            sandbox.remove_meeting(mid)
        refused = sandbox.run()
        assert refused.code == 4
        allowed = sandbox.run("--allow-mass-delete")
        assert allowed.code == 0, allowed.err
        sandbox.assert_converged(*foreign)
        for _short, event in foreign:
            assert not [e for e in allowed.entries
                        if e.path.endswith(event.name) and e.method in WRITE_METHODS]

    def test_mass_deletion_is_refused_then_allowed(self, sandbox: Sandbox) -> None:
        assert sandbox.run().code == 0
        for mid in MASS:
            sandbox.remove_meeting(mid)
        refused = sandbox.run()
        assert refused.code == 4
        assert "--allow-mass-delete" in refused.err
        assert "smazala" in refused.err
        assert "Traceback" not in refused.err
        assert not [e for e in refused.entries if e.method in WRITE_METHODS]
        english = sandbox.run("--lang", "en")
        assert english.code == 4
        assert "would delete" in english.err
        allowed = sandbox.run("--allow-mass-delete")
        assert allowed.code == 0, allowed.err
        assert len(allowed.calls(sandbox.path("vse"), "DELETE")) == len(MASS)
        sandbox.assert_converged()

    def test_dry_run_writes_nothing(self, sandbox: Sandbox) -> None:
        first = sandbox.run("--dry-run")
        assert first.code == 0, first.err
        assert not [e for e in first.entries if e.method in WRITE_METHODS]
        assert first.writes == 0
        for short in CALENDARS:
            assert f"{sandbox.ids[short]}: založit kalendář" in first.out
        assert "vytvořit" in first.out
        assert "--dry-run" in first.out
        assert not any(sandbox.exists(short) for short in CALENDARS)
        assert sandbox.run().code == 0
        change(sandbox)
        planned = sandbox.run("--dry-run", "--lang", "en")
        assert planned.code == 0
        assert not [e for e in planned.entries if e.method in WRITE_METHODS]
        block = planned.out.split(sandbox.ids["rps"] + ":", 1)[1].split("\n\n")[0]
        assert "update" in block
        assert "2022-10-19-rps" in block
        assert "create" in block
        assert "2022-12-14-rps" in block
        assert "delete" in block
        assert "2022-12-07-rps" in block
        assert "Dry run" in planned.out
        assert sandbox.events("rps")["2022-10-19-rps.ics"].vevent["DTSTART"].dt.hour == 14

    def test_subscriber_sees_local_times_and_cancellations(self, sandbox: Sandbox) -> None:
        assert sandbox.run().code == 0
        for short in CALENDARS:
            # What a calendar app does with a subscription URL: one GET (anonymous where the
            # server allows it).
            backend = sandbox.backend
            reply = backend.request("GET", sandbox.path(short) + backend.feed,
                                    headers={"Accept": "text/calendar"},
                                    auth=not backend.anonymous)
            assert reply.status == 200, reply.status
            cal = icalendar.Calendar.from_ical(reply.body)
            events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
            assert set(events) == sandbox.expected(short)
            zones = [z for z in cal.walk("VTIMEZONE") if str(z["TZID"]) == "Europe/Prague"]
            assert zones
            prague = zones[0].to_tz(lookup_tzid=False)  # the zone as served, not our tzdata

            def instant(event: icalendar.Event, zone: dt.tzinfo = prague) -> dt.datetime:
                start = event["DTSTART"]
                assert start.params.get("TZID") == "Europe/Prague"
                return start.dt.replace(tzinfo=zone).astimezone(UTC)

            if short in ("ps-seniori", "vse"):
                # Thursday 22 September 2022, 14:00 summer time (CEST, UTC+2).
                assert instant(events["2022-09-22-ps-seniori@kpss"]) == \
                    dt.datetime(2022, 9, 22, 12, 0, tzinfo=UTC)
                cancelled = events["2022-11-15-ps-seniori@kpss"]
                assert str(cancelled["STATUS"]) == "CANCELLED"
                assert str(cancelled["SUMMARY"]).startswith("ZRUŠENO")
                assert "Nemoc manažerky" in str(cancelled["DESCRIPTION"])
            if short in ("rps", "vse"):
                # Tuesday 1 November 2022, 14:00 winter time (CET, UTC+1), after the change.
                assert instant(events["2022-11-01-rps@kpss"]) == \
                    dt.datetime(2022, 11, 1, 13, 0, tzinfo=UTC)
            for event in events.values():
                assert str(event["STATUS"]) in ("CONFIRMED", "CANCELLED")

    def test_stamps_come_from_git_not_the_clock(self, sandbox: Sandbox) -> None:
        git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
               "-c", "commit.gpgsign=false"]
        env = {**clean_env(), "GIT_AUTHOR_DATE": "2022-08-15T10:00:00+00:00",
               "GIT_COMMITTER_DATE": "2022-08-15T10:00:00+00:00"}
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "záznamy"]):
            subprocess.run([*git, *args], cwd=sandbox.root, env=env, check=True,
                           capture_output=True)
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=sandbox.root,
                              check=True, capture_output=True, text=True).stdout.strip()
        assert sandbox.run().code == 0
        for event in sandbox.ours("vse").values():
            vevent = event.vevent
            assert vevent["DTSTAMP"].dt == dt.datetime(2022, 8, 15, 10, 0, tzinfo=UTC)
            assert vevent["LAST-MODIFIED"].dt == dt.datetime(2022, 8, 15, 10, 0, tzinfo=UTC)
            assert str(vevent["X-KPSS-COMMIT"]) == head

    def test_a_lost_create_answer_is_not_duplicated(self, sandbox: Sandbox) -> None:
        # The first PUT reaches the server but its answer is lost: the retry's If-None-Match
        # gets 412, the sync reads the event back and finds it already right.
        sandbox.proxy.add("reset_after", method="PUT")
        result = sandbox.run()
        assert result.code == 0, result.err
        first = result.calls(method="PUT")[0].path
        assert [(e.status, e.fault) for e in result.calls(first, "PUT")] == \
            [(201, "reset_after"), (412, None)]
        sandbox.assert_converged()
        assert sandbox.run().writes == 0

    def test_a_concurrent_sync_between_read_and_write(self, sandbox: Sandbox) -> None:
        """Sync A plans, then sync B does everything, then A writes on stale ETags."""
        assert sandbox.run().code == 0
        change(sandbox)
        other: list[subprocess.CompletedProcess[str]] = []

        def sync_b(_request: object) -> None:
            other.append(sandbox.run_process_raw(sandbox.env(url=sandbox.backend.url)))

        sandbox.proxy.add("call", method="PUT", path=NOT_PROBE, action=sync_b)
        result = sandbox.run()
        assert len(other) == 1
        assert other[0].returncode == 0, other[0].stderr
        assert result.code == 0, result.err  # A re-read each stale event and found it done
        assert [e.status for e in result.entries if e.method in ("PUT", "DELETE")
                and "kpss-probe-" not in e.path][:1] == [412]
        after = sandbox.run()
        assert after.code == 0
        sandbox.assert_converged()
        assert sandbox.run().writes == 0

    def test_a_concurrent_first_push(self, sandbox: Sandbox) -> None:
        """Sync A finds no calendars; sync B creates them all before A's MKCALENDAR."""
        other: list[subprocess.CompletedProcess[str]] = []

        def sync_b(_request: object) -> None:
            other.append(sandbox.run_process_raw(sandbox.env(url=sandbox.backend.url)))

        sandbox.proxy.add("call", method="MKCALENDAR", action=sync_b)
        result = sandbox.run()
        assert len(other) == 1
        assert other[0].returncode == 0, other[0].stderr
        assert result.code == 0, result.err
        sandbox.assert_converged()
        assert sandbox.run().writes == 0

    def test_two_syncs_at_once(self, sandbox: Sandbox) -> None:
        assert sandbox.run().code == 0
        change(sandbox)
        first, second = sandbox.start_process(), sandbox.start_process()
        results = [p.communicate(timeout=120) for p in (first, second)]
        for process, (out, err) in zip((first, second), results, strict=True):
            sandbox.outputs.extend([out, err])
            assert process.returncode == 0 or (process.returncode == 3 and "412" in err), err
            assert "Traceback" not in err
        assert sandbox.run().code == 0
        sandbox.assert_converged()
        assert sandbox.run().writes == 0
