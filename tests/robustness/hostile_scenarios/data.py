"""Scenarios on what the calendar holds: hrefs outside it (the member-name attack), forged
markers, broken events, forged commits and caches."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.robustness import hostile_answers as ha
from tests.robustness import hostile_dav as hd
from tests.robustness.hostile_answers import CALENDAR, MB
from tests.robustness.hostile_dav import Store
from tests.robustness.hostile_scenarios.base import (
    OK,
    Context,
    Scenario,
    forged,
    member,
    ours,
    seeded,
)
from tests.robustness.hostile_server import Hostile
from tests.sync.sandbox import FOREIGN_EVENT

# --- hrefs the calendar does not hold --------------------------------------------------------

def _href(name: str, href: str) -> Scenario:
    return Scenario(f"href-{name}", "href", f"`rps` lists a member `{href}` that reads as "
                    f"ours", member(href), exit=frozenset({OK}))


def other_host_member(host: Hostile, request: hd.Request) -> ha.Reply | None:
    return member(f"http://127.0.0.1:{host.state['other']}{CALENDAR}cizi.ics")(host, request)


HREF_SCENARIOS = [
    _href("percent-23-hash", CALENDAR + "%23x.ics"),
    _href("percent-3f-question-mark", CALENDAR + "%3Fx.ics"),
    _href("dot-dot", CALENDAR + ".."),
    _href("percent-2e-dot-dot", CALENDAR + "%2e%2e"),
    _href("dot", CALENDAR + "."),
    _href("the-parent", hd.HOME),
    _href("the-root", "/"),
    _href("encoded-slash-to-a-sibling", CALENDAR + "%2e%2e%2fvse%2f"),
    _href("the-calendar-itself", CALENDAR),
    _href("the-calendar-without-slash", CALENDAR.rstrip("/")),
    _href("raw-hash", CALENDAR + "#x.ics"),
    _href("raw-query", CALENDAR + "x.ics?action=delete"),
    _href("double-encoded-hash", CALENDAR + "%2523x.ics"),
    _href("outside-the-calendar", "/dav/other/udalost.ics"),
    _href("empty", ""),
    Scenario("href-on-another-host", "href", "`rps` lists a member on another server that "
             "reads as ours", other_host_member, exit=frozenset({OK})),
    Scenario("href-percent-23-hash-dry-run", "href", "`%23x.ics` listed, and --dry-run",
             member(CALENDAR + "%23x.ics"), exit=frozenset({OK}), args=("--dry-run",)),
]


# --- forged markers and commits --------------------------------------------------------------

MOVED = CALENDAR + "2022-10-19-rps.ics"
ADDED = CALENDAR + "2022-12-14-rps.ics"
NEWER = "X-KPSS-COMMIT:0123456789ab\r\nX-KPSS-COMMIT-TIME:20230101T120000Z\r\n"
"""A commit nobody has, dated after our HEAD (2022-09-01) and before now: newer, by time alone.
The scenarios' repository holds its whole history (one commit, not a shallow clone) and says so
with `--complete-history`, as the CI templates do: a commit git does not know is forged and
must not freeze the calendar."""


def converged(context: Context) -> None:
    """The run did the records' changes in `rps`: the meeting moved, the new one there."""
    items = context.host.store.items
    assert ADDED in items, "the new meeting was not created"
    assert b"20221019T150000" in items[MOVED].data, "the moved meeting was not updated"


def two_events(store: Store) -> bytes:
    first = forged(store, "2099-01-01-rps@kpss").decode()
    person = FOREIGN_EVENT.replace("{UID}", "osobni@example.org")
    vevent = person[person.index("BEGIN:VEVENT"):person.index("END:VCALENDAR")]
    return first.replace("END:VCALENDAR", vevent + "END:VCALENDAR").encode()


def vtodo(store: Store) -> bytes:
    return forged(store, "ukol@kpss").replace(b"VEVENT", b"VTODO")


def overwritten(path: str, make: Callable[[Store], bytes], owner: str = "foreign"
                ) -> Callable[[Store], None]:
    """Someone else overwrote one of our events: it is theirs now (`owner` "foreign"), or
    still ours, edited (`owner` "ours": the sync may write it back)."""
    return seeded(path, make, owner)


def cache_commit(sha: str, stamp: int) -> Callable[[Store], None]:
    """The calendar's cache says commit `sha` of `stamp` wrote it (someone PROPPATCHed it)."""
    def seed(store: Store) -> None:
        state = store.items[CALENDAR].props[hd.tag("urn:kpss:sync", "state")]
        state.text = re.sub(r'"commit":\["[^"]*",\d+\]', f'"commit":["{sha}",{stamp}]',
                            state.text or "")
    return seed


def with_commit(sha: str, time: str) -> Callable[[Store], bytes]:
    """The moved meeting's event of ours, saying commit `sha` of `time` wrote it."""
    def make(store: Store) -> bytes:
        line = f"X-KPSS-COMMIT:{sha}\r\nX-KPSS-COMMIT-TIME:{time}\r\nEND:VEVENT"
        return ours(store, "2022-10-19-rps.ics").replace(b"END:VEVENT", line.encode())
    return make


def _broken(name: str, line: str, bug: str = "") -> Scenario:
    """An event with our marker and our UID scheme (for no meeting) whose `line` is broken:
    ours, so the sync may delete it; it must not crash on it."""
    field = line.split(":", maxsplit=1)[0].split(";", maxsplit=1)[0]

    def make(store: Store) -> bytes:
        text = forged(store, "2099-01-01-rps@kpss").decode()
        text = re.sub(rf"(?m)^{field}[:;][^\r\n]*\r\n", "", text)
        return text.replace("END:VEVENT", line + "\r\nEND:VEVENT", 1).encode()

    return Scenario(f"marker-with-{name}", "marker", f"an event with our marker and "
                    f"`{line[:40]}`", seed=seeded(CALENDAR + "2099-01-01-rps.ics", make, "ours"),
                    exit=frozenset({OK}), bug=bug)


def deep_cache(store: Store) -> None:
    store.items[CALENDAR].props[hd.tag("urn:kpss:sync", "state")].text = \
        '{"v":3,"events":' + "[" * 100_000 + "]" * 100_000 + "}"


MARKER_SCENARIOS = [
    Scenario("marker-with-a-foreign-uid", "marker", "a person's event carrying "
             "X-KPSS-RECORD under a foreign UID", seed=seeded(
                 CALENDAR + "intruder.ics", lambda s: forged(s, "someone@example.org")),
             exit=frozenset({OK})),
    Scenario("marker-in-a-vcalendar-with-two-vevents", "marker", "one resource: an event of "
             "our UID scheme and a person's event", seed=seeded(
                 CALENDAR + "2099-01-01-rps.ics", two_events), exit=frozenset({OK})),
    Scenario("marker-on-a-vtodo", "marker", "a VTODO carrying X-KPSS-RECORD",
             seed=seeded(CALENDAR + "ukol.ics", vtodo), exit=frozenset({OK})),
    Scenario("our-name-overwritten-with-a-foreign-uid", "marker", "our event to be deleted, "
             "overwritten by a person: our marker, a foreign UID", seed=overwritten(
                 CALENDAR + "2022-12-07-rps.ics", lambda s: forged(s, "prevzato@example.org")),
             exit=frozenset({OK})),
    Scenario("forged-newer-commit-on-a-foreign-event", "commit", "a person's event with our "
             "marker and a newer X-KPSS-COMMIT", seed=seeded(
                 CALENDAR + "intruder.ics", lambda s: forged(s, "someone@example.org",
                                                             extra=NEWER)),
             exit=frozenset({OK}), git=True, check=converged),
    Scenario("forged-newer-commit-on-our-event", "commit", "one of our events edited to say a "
             "newer commit wrote it", seed=overwritten(MOVED, lambda s: ours(
                 s, "2022-10-19-rps.ics").replace(b"END:VEVENT", NEWER.encode() + b"END:VEVENT"),
                 "ours"),
             exit=frozenset({OK}), git=True, check=converged,
             args=("--complete-history",)),
    Scenario("forged-newer-commit-in-the-cache", "commit", "the calendar's cache property "
             "says a newer commit wrote it", seed=cache_commit("0123456789ab", 1672574400),
             exit=frozenset({OK}), git=True, check=converged, args=("--complete-history",)),
    Scenario("forged-future-commit-time", "commit", "one of our events says a commit of "
             "2099 wrote it", seed=overwritten(MOVED, lambda s: ours(
                 s, "2022-10-19-rps.ics").replace(b"END:VEVENT", b"X-KPSS-COMMIT:ffffffffffff"
                                                  b"\r\nX-KPSS-COMMIT-TIME:20991231T000000Z"
                                                  b"\r\nEND:VEVENT"), "ours"),
             exit=frozenset({OK}), git=True, check=converged),
    Scenario("commit-time-garbage", "commit", "an event of ours with X-KPSS-COMMIT-TIME "
             "99999999T999999Z", seed=overwritten(MOVED, lambda s: ours(
                 s, "2022-10-19-rps.ics").replace(b"END:VEVENT", b"X-KPSS-COMMIT:fffffffffff0"
                                                  b"\r\nX-KPSS-COMMIT-TIME:99999999T999999Z"
                                                  b"\r\nEND:VEVENT"), "ours"),
             exit=frozenset({OK}), git=True),
    Scenario("forged-future-commit-in-the-cache", "commit", "the calendar's cache says a "
             "commit of 2099 wrote it", seed=cache_commit("ffffffffffff", 4102444800),
             exit=frozenset({OK}), git=True, check=converged),
    Scenario("commit-sha-as-a-git-option", "commit", "an event of ours says commit "
             "`--output=/tmp/kpss-pwned` of 2099 wrote it", seed=overwritten(MOVED, with_commit(
                 "--output=/tmp/kpss-pwned", "20991231T000000Z"), "ours"),
             exit=frozenset({OK}), git=True, check=converged),
    Scenario("cache-nested-100000-deep", "marker", "the cache property is JSON nested "
             "100,000 deep", seed=deep_cache, exit=frozenset({OK})),
    _broken("sequence-abc", "SEQUENCE:abc"),
    _broken("sequence-of-5000-digits", "SEQUENCE:" + "9" * 5000),
    _broken("dtstart-garbage", "DTSTART:garbage"),
    _broken("dtstart-in-an-unknown-zone", "DTSTART;TZID=Mars/Olympus:20221020T080000"),
    _broken("a-line-of-1-mb", "DESCRIPTION:" + "x" * MB),
    Scenario("foreign-event-100000-nested-components", "marker", "a person's event with "
             "100,000 nested VALARMs", seed=seeded(CALENDAR + "hnizdo.ics", lambda s: (
                 FOREIGN_EVENT.replace("{UID}", "hnizdo@example.org").replace(
                     "END:VEVENT", "BEGIN:VALARM\r\n" * 100_000 + "END:VALARM\r\n" * 100_000
                     + "END:VEVENT")).encode()), exit=frozenset({OK})),
    Scenario("foreign-event-not-icalendar", "marker", "a person's resource that is JSON, "
             "not iCalendar", seed=seeded(CALENDAR + "poznamka.ics", lambda s: (
                 b'{"BEGIN": "VCALENDAR", "X-KPSS-RECORD": "records/x.yaml"}\r\n' * 100)),
             exit=frozenset({OK})),
]
