"""The hostile server's scenarios: one row each, what the server does and what the sync must do.

Every scenario starts from the state a clean first push left on the honest server (three
calendars, sixteen events of ours, our cache on each calendar), with a person's own event added
to `rps` and three changes waiting in the records (one meeting moved, one added, one removed),
so the attacked run reads, fetches, creates, updates, deletes and writes its cache. `seed`
changes the server's store before the run; `override` replaces answers during it. The test
(test_hostile_server.py) then asserts, for every row: no traceback, the exit code, no write to
anything but our own events, foreign events byte-identical, every calendar still there, the
run ended by itself, peak memory under the ceiling, no secret and no raw control character in
the output. `bug` makes the row a strict xfail: the item of issue 15 whose fix it waits for.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, quote_plus

from tests.robustness import hostile_answers as ha
from tests.robustness import hostile_dav as hd
from tests.robustness.hostile_answers import CALENDAR, MB, status, when, xml
from tests.robustness.hostile_dav import Store
from tests.robustness.hostile_run import Run
from tests.robustness.hostile_server import Hostile, Override
from tests.sync.sandbox import FOREIGN_EVENT

OK, CONFIG, SERVER, MASS = 0, 2, 3, 4
PERSON = CALENDAR + "porada-vedeni.ics"
"""A person's own event in `rps` (added to every scenario's store)."""
ELSEWHERE = "http://127.0.0.1:{other}/dav/"
"""Another server (another port, so another origin); `{other}` is filled in at run time."""


@dataclass(frozen=True)
class Context:
    """What a check sees: the run, the server, and the other server's port."""

    run: Run
    host: Hostile
    other: int


@dataclass(frozen=True)
class Scenario:
    name: str
    group: str
    sent: str
    """What the server does, in a few words (the report's column)."""
    override: Override | None = None
    """The replaced answers (`host.state["other"]` holds the other server's port)."""
    seed: Callable[[Store], None] | None = None
    exit: frozenset[int] = frozenset({SERVER})
    args: tuple[str, ...] = ()
    check: Callable[[Context], None] | None = None
    bug: str = ""
    git: bool = False
    """Run from a git repository (so the commit order guard has a HEAD to compare)."""
    tls: bool = False
    url: str = ""
    """KPSS_CALDAV_URL, with `{port}` for the server's port; "" for the server's own URL."""


def ours(store: Store, name: str = "2022-10-05-rps.ics") -> bytes:
    return store.items[CALENDAR + name].data


def forged(store: Store, uid: str, *, extra: str = "", replace: tuple[str, str] = ("", "")
           ) -> bytes:
    """One of our events with another UID (and `extra` lines in the VEVENT)."""
    text = ours(store).decode()
    text = re.sub(r"UID:[^\r\n]*", f"UID:{uid}", text, count=1)
    if extra:
        text = text.replace("END:VEVENT", extra + "END:VEVENT", 1)
    if replace[0]:
        text = text.replace(*replace)
    return text.encode()


def seeded(path: str, make: Callable[[Store], bytes], owner: str = "foreign"
           ) -> Callable[[Store], None]:
    def seed(store: Store) -> None:
        store.put_event(path, make(store), owner)
    return seed


def member(href: str, uid: str = "2099-01-01-rps@kpss") -> Override:
    """A listed member at `href` (exactly as given) that reads as one of our events."""
    def override(host: Hostile, request: hd.Request) -> ha.Reply | None:
        with host.lock:
            if ("member", uid) not in host.state:  # made once, while our event is there
                host.state[("member", uid)] = forged(host.store, uid)
            data = host.state[("member", uid)]
        return ha.listing_with(href, data)(host, request)
    return override


def output_has_no(*texts: str) -> Callable[[Context], None]:
    def check(context: Context) -> None:
        for text in texts:
            assert text.format(other=context.other) not in context.run.output
    return check


def at_most(requests: int) -> Callable[[Context], None]:
    def check(context: Context) -> None:
        assert len(context.host.log) <= requests, len(context.host.log)
    return check


def discovery(answer: ha.Reply | ha.Make, **kwargs: object) -> Override:
    """The first PROPFIND (of the configured URL, over http.client)."""
    return when("PROPFIND", answer, path=f"^{hd.ROOT}$", **kwargs)  # type: ignore[arg-type]


def multiget(answer: ha.Reply | ha.Make, **kwargs: object) -> Override:
    """The calendar-multiget of `rps` (over caldav and niquests)."""
    return when("REPORT", answer, path=f"^{CALENDAR}$", contains=b"calendar-multiget",
                **kwargs)  # type: ignore[arg-type]


def puts(answer: ha.Reply | ha.Make, **kwargs: object) -> Override:
    return when("PUT", answer, **kwargs)  # type: ignore[arg-type]


BIG = "issue 15 item 2: the response size is not capped"
SLOW = "issue 15 item 2: --timeout is per read, no total deadline"
HREF = "issue 15 item 1: hrefs are unquoted and re-joined"
MARK = "issue 15 item 1: a marker alone makes an event ours"
TRACE = "issue 15 item 3: a traceback"
RAW = "issue 15 item 4: server text printed raw"
TRUST = "issue 15 item 5: a forged newer commit freezes the calendar"
NEVER_PWNED = output_has_no("::error", "PWNED")

XML_SCENARIOS = [
    Scenario("billion-laughs", "xml", "discovery 207 with a billion-laughs DTD",
             discovery(xml(ha.laughs()))),
    Scenario("billion-laughs-in-multiget", "xml", "calendar-multiget 207 with billion laughs",
             multiget(xml(ha.laughs()))),
    Scenario("external-entity-etc-passwd", "xml", "discovery 207 with an entity of "
             "file:///etc/passwd", discovery(xml(ha.external("file:///etc/passwd"))),
             check=output_has_no("root:x:0")),
    Scenario("external-entity-in-multiget", "xml", "multiget 207 with an entity of "
             "file:///etc/passwd", multiget(xml(ha.external("file:///etc/passwd"))),
             check=output_has_no("root:x:0")),
    Scenario("dtd-padded-beyond-4-kib", "xml", "billion laughs after a 5000-byte comment",
             discovery(xml(ha.padded(ha.laughs())))),
    Scenario("utf-16-with-doctype", "xml", "billion laughs encoded in UTF-16",
             discovery(xml(ha.laughs().replace('version="1.0"', 'version="1.0" encoding="UTF-16"'),
                           encoding="utf-16"))),
    Scenario("utf-16-multiget-with-external-entity", "xml", "multiget in UTF-16 with an entity "
             "of /etc/passwd", multiget(xml(ha.external("file:///etc/passwd").replace(
                 'version="1.0"', 'version="1.0" encoding="UTF-16"'), encoding="utf-16")),
             check=output_has_no("root:x:0")),
    Scenario("namespace-with-a-newline", "xml", "a multistatus in namespace "
             "`DAV:\\n::error::PWNED`", discovery(xml(
                 '<x:multistatus xmlns:x="DAV:&#10;::error title=x::PWNED"/>')),
             check=NEVER_PWNED, bug=RAW),
    Scenario("not-xml", "xml", "207 with an HTML page", discovery(xml(
        "<html><body>Bad gateway</html>"))),
    Scenario("100000-deep-elements", "xml", "multiget 207 nested 100,000 deep",
             multiget(xml(ha.deep(100_000))), exit=frozenset({OK, SERVER})),
]

STREAM_SCENARIOS = [
    Scenario("200-mb-multistatus", "size", "discovery 207 of 200 MB",
             discovery(ha.huge(200 * MB)), bug=BIG),
    Scenario("200-mb-multiget", "size", "multiget 207 of 200 MB (caldav's path)",
             multiget(ha.huge(200 * MB)), bug=BIG),
    Scenario("endless-chunked", "size", "discovery 207, chunked, never ending",
             discovery(ha.endless_chunks()), bug=BIG),
    Scenario("endless-chunked-multiget", "size", "multiget 207, chunked, never ending",
             multiget(ha.endless_chunks()), bug=BIG),
    Scenario("gzip-bomb", "size", "PUT answered with 1 GB of gzip in 1 MB",
             puts(ha.bombed("gzip", 201)), exit=frozenset({OK, SERVER}), bug=BIG),
    Scenario("deflate-bomb", "size", "multiget 207, 1 GB of deflate in 1 MB",
             multiget(ha.bombed("deflate")), bug=BIG),
    Scenario("gzip-in-gzip-bomb", "size", "discovery 207, gzip of a gzip bomb",
             discovery(ha.bombed("gzip, gzip"))),
    Scenario("drip-one-byte-twice-a-second", "time", "discovery headers, then a byte every "
             "0.5 s", discovery(ha.drip(b"HTTP/1.1 207 Multi-Status\r\nContent-Length: 9999\r\n"
                                        b"Content-Type: application/xml\r\n\r\n", b" ")), bug=SLOW),
    Scenario("drip-the-status-line", "time", "a PUT's answer a byte every 0.5 s",
             puts(ha.drip(b"", b"HTTP/1.1 201 Created\r\nX-Slow: " + b"x" * 10_000)), bug=SLOW),
    Scenario("100-continue-forever", "time", "`100 Continue` lines, forever",
             discovery(ha.continue_forever()), bug=SLOW),
    Scenario("100-continue-forever-on-put", "time", "`100 Continue` forever to a PUT",
             puts(ha.continue_forever()), bug=SLOW),
    Scenario("stranger-11-mb-event", "size", "a person's own event of 11 MB in `rps`",
             seed=seeded(CALENDAR + "velka-udalost.ics", lambda s: FOREIGN_EVENT.replace(
                 "{UID}", "big@example.org").replace(
                     "SUMMARY:", "DESCRIPTION:" + "x" * (11 * MB) + "\r\nSUMMARY:").encode()),
             exit=frozenset({OK}), bug="issue 15 item 2: a foreign event over 10 MB blocks "
             "every run"),
]


def many_members(store: Store) -> None:
    for number in range(100_000):
        store.items[f"{CALENDAR}cizi-{number:06d}.ics"] = hd.Item("event", "foreign",
                                                                  data=b"", etag=f'"{number}"')
        store.touch(f"{CALENDAR}cizi-{number:06d}.ics")


STREAM_SCENARIOS.append(Scenario(
    "100000-members", "size", "`rps` lists 100,000 members", seed=many_members,
    exit=frozenset({OK, SERVER})))


# --- redirects, authentication ---------------------------------------------------------------

def elsewhere(code: int, path: str = hd.ROOT) -> ha.Make:
    """A redirect to the other server (another port of 127.0.0.1: another origin)."""
    def make(host: Hostile, request: hd.Request) -> ha.Answer:
        return status(code, headers=[("Location", f"http://127.0.0.1:{host.state['other']}"
                                                  f"{path}")])
    return make


def located(code: int, location: str) -> ha.Answer:
    return status(code, headers=[("Location", location)])


def _short(context: Context) -> None:
    assert max(len(line) for line in context.run.output.splitlines()) < 2000


REDIRECT_SCENARIOS = [
    Scenario("301-to-another-host", "redirect", "discovery answered 301 to another server",
             discovery(elsewhere(301))),
    Scenario("302-to-the-same-host", "redirect", "discovery answered 302 to /dav/kpss/",
             discovery(located(302, hd.PRINCIPAL))),
    Scenario("307-put-to-another-host", "redirect", "every PUT answered 307 to another server",
             puts(elsewhere(307, CALENDAR + "x.ics"))),
    Scenario("308-multiget-to-another-host", "redirect", "multiget answered 308 elsewhere",
             multiget(elsewhere(308))),
    Scenario("303-delete-to-the-calendar", "redirect", "every DELETE answered 303 to the "
             "calendar", when("DELETE", located(303, CALENDAR))),
    Scenario("redirect-loop", "redirect", "every request answered 301 to itself",
             lambda host, request: located(301, request.path), check=at_most(10)),
    Scenario("location-with-crlf", "redirect", "302 whose Location carries a folded line "
             "`::error::PWNED`", discovery(located(302, "http://127.0.0.1:1/a\r\n"
                                                        " ::error title=x::PWNED")),
             check=NEVER_PWNED, bug=RAW),
    Scenario("location-file-url", "redirect", "302 to file:///etc/passwd",
             discovery(located(302, "file:///etc/passwd"))),
    Scenario("location-60-kb", "redirect", "302 with a Location of 60 KB",
             discovery(located(302, "http://127.0.0.1:1/" + "a" * 60_000)),
             check=_short, bug=RAW),
    Scenario("401-loop", "auth", "every request answered 401 (Basic challenge)",
             lambda host, request: status(401, headers=[("WWW-Authenticate", 'Basic realm="x"')]),
             check=at_most(6)),
    Scenario("401-digest-challenge", "auth", "every request answered 401 with a Digest "
             "challenge", lambda host, request: status(401, headers=[(
                 "WWW-Authenticate", 'Digest realm="x", nonce="abc", qop="auth", '
                 'algorithm=MD5')]), check=at_most(6)),
    Scenario("401-after-the-first-put", "auth", "the second PUT answered 401",
             puts(status(401, headers=[("WWW-Authenticate", 'Basic realm="x"')]), nth=2)),
    Scenario("403-on-delete", "auth", "every DELETE answered 403",
             when("DELETE", status(403))),
]


# --- hrefs the calendar does not hold --------------------------------------------------------

def _href(name: str, href: str, bug: str = HREF) -> Scenario:
    return Scenario(f"href-{name}", "href", f"`rps` lists a member `{href}` that reads as "
                    f"ours", member(href), exit=frozenset({OK}), bug=bug)


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
    _href("the-calendar-itself", CALENDAR, bug=""),
    _href("the-calendar-without-slash", CALENDAR.rstrip("/"), bug=""),
    _href("raw-hash", CALENDAR + "#x.ics", bug=""),
    _href("raw-query", CALENDAR + "x.ics?action=delete", bug=""),
    _href("double-encoded-hash", CALENDAR + "%2523x.ics"),
    _href("outside-the-calendar", "/dav/other/udalost.ics", bug=""),
    _href("empty", "", bug=""),
    Scenario("href-on-another-host", "href", "`rps` lists a member on another server that "
             "reads as ours", other_host_member, exit=frozenset({OK})),
    Scenario("href-percent-23-hash-dry-run", "href", "`%23x.ics` listed, and --dry-run",
             member(CALENDAR + "%23x.ics"), exit=frozenset({OK}), args=("--dry-run",)),
]


# --- 207 with per-item errors, statuses -------------------------------------------------------

SYNC_REPORT = {"path": f"^{CALENDAR}$", "contains": b"sync-collection"}


def gone(host: Hostile, request: hd.Request) -> ha.Answer:
    """A sync-collection answer in which every event of `rps` was removed."""
    with host.lock:
        names = [p for p in host.store.children(CALENDAR) if host.store.items[p].owner == "ours"]
        token = host.store.token()
    return hd.multistatus([hd.response(hd.href(p), {}, status=404) for p in names], token)


def proppatch_items(code: int, description: str) -> ha.Make:
    def make(host: Hostile, request: hd.Request) -> ha.Answer:
        return xml(f'<D:multistatus xmlns:D="DAV:"><D:response><D:href>{request.path}</D:href>'
                   f'<D:propstat><D:prop><K:state xmlns:K="urn:kpss:sync"/></D:prop>'
                   f"<D:status>HTTP/1.1 {code} No</D:status>"
                   f"<D:responsedescription>{description}</D:responsedescription>"
                   f"</D:propstat></D:response></D:multistatus>")
    return make


ERROR = ('<?xml version="1.0"?><D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
         "<C:{0}/><D:responsedescription>{1}</D:responsedescription></D:error>")
PWNED = "&#10;::error title=x::PWNED&#13;&#10;"

ITEM_SCENARIOS = [
    Scenario("multiget-items-403-need-privileges", "items", "multiget 207, each item 403 with "
             "need-privileges", multiget(ha.multiget_items(403, "<D:need-privileges/>", PWNED)),
             exit=frozenset({OK})),
    Scenario("multiget-items-507", "items", "multiget 207, each item 507 with a description",
             multiget(ha.multiget_items(507, "", PWNED)), exit=frozenset({OK})),
    Scenario("multiget-items-404", "items", "multiget 207, each item 404",
             multiget(ha.multiget_items(404)), exit=frozenset({OK})),
    *(Scenario(f"multiget-items-{code}-{name}", "items", f"multiget 207, each item {code} "
               f"with {name}", multiget(ha.multiget_items(code, f"<C:{name}/>", PWNED)),
               exit=frozenset({OK}))
      for code, name in ((409, "no-uid-conflict"), (412, "valid-calendar-object-resource"),
                         (415, "supported-calendar-data"), (422, "valid-calendar-data"))),
    Scenario("sync-collection-says-our-events-are-gone", "items", "sync-collection lists "
             "every event of ours in `rps` as 404", when("REPORT", gone, **SYNC_REPORT),
             exit=frozenset({OK})),
    Scenario("proppatch-207-507", "items", "cache PROPPATCH 207 with 507 Insufficient Storage",
             when("PROPPATCH", proppatch_items(507, PWNED)), exit=frozenset({OK})),
    Scenario("proppatch-207-424", "items", "cache PROPPATCH 207 with 424 Failed Dependency",
             when("PROPPATCH", proppatch_items(424, "")), exit=frozenset({OK})),
    Scenario("put-415-supported-calendar-data", "items", "every PUT 415 with the "
             "supported-calendar-data precondition", puts(status(415, ERROR.format(
                 "supported-calendar-data", PWNED).encode(), ha.XML))),
    Scenario("put-422-valid-calendar-data", "items", "every PUT 422 valid-calendar-data",
             puts(status(422, ERROR.format("valid-calendar-data", PWNED).encode(), ha.XML))),
    Scenario("put-507", "items", "every PUT 507 Insufficient Storage", puts(status(507))),
    Scenario("put-409-no-uid-conflict", "items", "every PUT 409 no-uid-conflict",
             puts(status(409, ERROR.format("no-uid-conflict", "").encode(), ha.XML))),
    Scenario("delete-409", "items", "every DELETE 409", when("DELETE", status(409))),
    Scenario("delete-207-locked", "items", "every DELETE 207 with a 423 Locked item",
             when("DELETE", lambda h, r: xml(
                 f'<D:multistatus xmlns:D="DAV:"><D:response><D:href>{r.path}</D:href>'
                 "<D:status>HTTP/1.1 423 Locked</D:status></D:response></D:multistatus>"))),
    Scenario("put-412-forever", "items", "every PUT 412 (someone always first)",
             puts(status(412)), check=at_most(60)),
    Scenario("status-999", "items", "every PUT answered `999 Whatever`", puts(status(999))),
]


# --- tokens, ETags, headers ------------------------------------------------------------------

def token_replaced(token: str) -> ha.Make:
    def make(host: Hostile, request: hd.Request) -> ha.Answer:
        honest = host.honest(request)
        return ha.Answer(207, re.sub(rb"<D:sync-token>[^<]*</D:sync-token>",
                                     f"<D:sync-token>{token}</D:sync-token>".encode(),
                                     honest.body), honest.headers)
    return make


def etags_replaced(etag: str) -> ha.Make:
    def make(host: Hostile, request: hd.Request) -> ha.Answer:
        honest = host.honest(request)
        return ha.Answer(honest.status, re.sub(rb"<D:getetag>[^<]*</D:getetag>",
                                               f"<D:getetag>{etag}</D:getetag>".encode(),
                                               honest.body), honest.headers)
    return make


def no_injected_header(context: Context) -> None:
    assert not [e for e in context.host.log if "X-Injected" in e.headers]


TOKEN_SCENARIOS = [
    Scenario("sync-token-1-mb", "token", "sync-collection's new token is 1 MB",
             when("REPORT", token_replaced("x" * MB), **SYNC_REPORT), exit=frozenset({OK})),
    Scenario("sync-token-with-control-characters", "token", "a sync token with CR, LF, NUL "
             "escapes and `::error`", when("REPORT", token_replaced(PWNED), **SYNC_REPORT),
             exit=frozenset({OK})),
    Scenario("sync-collection-without-token", "token", "sync-collection 207 without a token",
             when("REPORT", token_replaced(""), **SYNC_REPORT), exit=frozenset({OK})),
    Scenario("sync-collection-403-valid-sync-token", "token", "every sync-collection 403 "
             "valid-sync-token", when("REPORT", status(403, b'<D:error xmlns:D="DAV:">'
                                                            b"<D:valid-sync-token/></D:error>",
                                                     ha.XML), **SYNC_REPORT),
             exit=frozenset({OK})),
    Scenario("etag-with-crlf-injection", "token", "every getetag `\"x\"\\r\\nX-Injected: 1`",
             when("REPORT|PROPFIND", etags_replaced('"x"&#13;&#10;X-Injected: 1'),
                  path=f"^{CALENDAR}$"), exit=frozenset({OK, SERVER}),
             check=no_injected_header),
    Scenario("etag-empty-and-weak", "token", "every getetag `W/\"\"`",
             when("REPORT|PROPFIND", etags_replaced('W/""'), path=f"^{CALENDAR}$"),
             exit=frozenset({OK, SERVER})),
    Scenario("put-etag-100-kb", "token", "every PUT's ETag header 100 KB",
             puts(ha.honest_with_headers(("ETag", '"' + "e" * 100_000 + '"'))),
             exit=frozenset({OK, SERVER})),
    Scenario("put-etag-with-bare-cr", "token", "every PUT's ETag has a bare CR",
             puts(ha.honest_with_headers(("ETag", '"a\rb"'))), exit=frozenset({OK, SERVER})),
    Scenario("header-of-1-mb", "headers", "discovery's answer has a 1 MB header",
             discovery(ha.honest_with_headers(("X-Junk", "j" * MB)))),
    Scenario("1000-headers", "headers", "discovery's answer has 1000 headers",
             discovery(ha.honest_with_headers(*[(f"X-H{i}", "v") for i in range(1000)])),
             exit=frozenset({OK, SERVER})),
    Scenario("status-line-garbage", "headers", "a PUT answered `HTTP/1.1 2x1 Created`",
             puts(ha.Raw(lambda out, stop: out.write(b"HTTP/1.1 2x1 Created\r\n\r\n")))),
    Scenario("reason-phrase-escape-sequence", "headers", "every PUT `500` with an ANSI escape "
             "and `::error` as its reason", puts(status(500, reason="\x1b[31m::error::PWNED")),
             check=NEVER_PWNED),
    Scenario("content-length-lies", "headers", "discovery announces 1 GB, sends 10 bytes, "
             "closes", discovery(ha.Raw(lambda out, stop: out.write(
                 b"HTTP/1.1 207 Multi\r\nContent-Length: 1073741824\r\n\r\n<D:multis")))),
    Scenario("connection-closed-without-answer", "headers", "every PUT: the connection "
             "closes without a byte", puts(ha.Raw(lambda out, stop: None))),
]


# --- forged markers and commits --------------------------------------------------------------

MOVED = CALENDAR + "2022-10-19-rps.ics"
ADDED = CALENDAR + "2022-12-14-rps.ics"
NEWER = "X-KPSS-COMMIT:0123456789ab\r\nX-KPSS-COMMIT-TIME:20230101T120000Z\r\n"
"""A commit nobody has, dated after our HEAD (2022-09-01) and before now: newer, by time."""


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


def cache_commit(store: Store) -> None:
    """The calendar's cache says a newer commit wrote it (someone PROPPATCHed it)."""
    item = store.items[CALENDAR]
    state = item.props[hd.tag("urn:kpss:sync", "state")]
    state.text = re.sub(r'"commit":\["[^"]*",\d+\]', '"commit":["0123456789ab",1672574400]',
                        state.text or "")


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
             exit=frozenset({OK}), bug=MARK),
    Scenario("marker-in-a-vcalendar-with-two-vevents", "marker", "one resource: an event of "
             "our UID scheme and a person's event", seed=seeded(
                 CALENDAR + "2099-01-01-rps.ics", two_events), exit=frozenset({OK}), bug=MARK),
    Scenario("marker-on-a-vtodo", "marker", "a VTODO carrying X-KPSS-RECORD",
             seed=seeded(CALENDAR + "ukol.ics", vtodo), exit=frozenset({OK})),
    Scenario("our-name-overwritten-with-a-foreign-uid", "marker", "our event to be deleted, "
             "overwritten by a person: our marker, a foreign UID", seed=overwritten(
                 CALENDAR + "2022-12-07-rps.ics", lambda s: forged(s, "prevzato@example.org")),
             exit=frozenset({OK}), bug=MARK),
    Scenario("forged-newer-commit-on-a-foreign-event", "commit", "a person's event with our "
             "marker and a newer X-KPSS-COMMIT", seed=seeded(
                 CALENDAR + "intruder.ics", lambda s: forged(s, "someone@example.org",
                                                             extra=NEWER)),
             exit=frozenset({OK}), git=True, check=converged, bug=TRUST),
    Scenario("forged-newer-commit-on-our-event", "commit", "one of our events edited to say a "
             "newer commit wrote it", seed=overwritten(MOVED, lambda s: ours(
                 s, "2022-10-19-rps.ics").replace(b"END:VEVENT", NEWER.encode() + b"END:VEVENT"),
                 "ours"),
             exit=frozenset({OK}), git=True, check=converged, bug=TRUST),
    Scenario("forged-newer-commit-in-the-cache", "commit", "the calendar's cache property "
             "says a newer commit wrote it", seed=cache_commit, exit=frozenset({OK}), git=True,
             check=converged, bug=TRUST),
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
    Scenario("cache-nested-100000-deep", "marker", "the cache property is JSON nested "
             "100,000 deep", seed=deep_cache, exit=frozenset({OK}), bug=TRACE),
    _broken("sequence-abc", "SEQUENCE:abc", bug=TRACE),
    _broken("sequence-of-5000-digits", "SEQUENCE:" + "9" * 5000, bug=TRACE),
    _broken("dtstart-garbage", "DTSTART:garbage", bug=TRACE),
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


# --- Retry-After -----------------------------------------------------------------------------

def _retry(value: str, where: str = "discovery", name: str = "", bug: str = "") -> Scenario:
    answer = status(503, headers=[("Retry-After", value)])
    override = discovery(answer, times=1) if where == "discovery" else multiget(answer, times=1)
    shown = value if len(value) < 40 else f"{value[:3]}… ({len(value)} digits)"
    return Scenario(f"retry-after-{name or value.lower()}"
                    + ("" if where == "discovery" else "-on-multiget"), "retry-after",
                    f"{where} answered 503 once, `Retry-After: {shown}`", override,
                    exit=frozenset({OK}), bug=bug)


RETRY_SCENARIOS = [
    _retry("nan", bug="issue 15 item 3: time.sleep(nan) raises"), _retry("inf"), _retry("-1"),
    _retry("1e309"), _retry("Wed, 21 Oct 2015 07:28:00 GMT", name="http-date"),
    _retry("9" * 400, name="400-digits"), _retry("nan", "multiget"),
    _retry("-inf", "multiget"),
]


# --- TLS, secrets ----------------------------------------------------------------------------

def tls_refused(context: Context) -> None:
    assert "(TLS)" in context.run.err
    assert "--ca-bundle" in context.run.err
    assert context.host.log == []


def secret_forms(user: str, password: str) -> list[str]:
    """Every form the password could be printed in."""
    basic = base64.b64encode(f"{user}:{password}".encode()).decode()
    alone = base64.b64encode(password.encode()).decode()
    return [password, quote(password, safe=""), quote_plus(password), alone, alone.rstrip("="),
            basic, basic.rstrip("="), f"{user}:{password}", quote(f"{user}:{password}", safe="")]


def echoed(code: int) -> ha.Make:
    """An answer that repeats the credentials in every form, in the Location and the body."""
    def make(host: Hostile, request: hd.Request) -> ha.Answer:
        forms = secret_forms(host.user, host.password)
        location = "http://127.0.0.1:1/?" + "&".join(f"p{i}={quote(f, safe='')}"
                                                     for i, f in enumerate(forms))
        return status(code, " ".join(forms).encode(), [("Location", location)],
                      reason=" ".join(forms[1:]))
    return make


SECRET_SCENARIOS = [
    Scenario("tls-self-signed-without-ca-bundle", "tls", "https with a self-signed "
             "certificate", tls=True, check=tls_refused),
    Scenario("tls-self-signed-with-ca-bundle", "tls", "the same, with --ca-bundle",
             tls=True, args=("--ca-bundle", "{cert}"), exit=frozenset({OK})),
    Scenario("credentials-echoed-in-a-redirect", "secret", "302 whose Location, reason and "
             "body repeat the password in every encoding", discovery(echoed(302)), bug=RAW),
    Scenario("credentials-echoed-in-an-error", "secret", "every PUT 500 whose reason and body "
             "repeat the password", puts(echoed(500))),
    Scenario("credentials-echoed-in-a-multistatus", "secret", "multiget 207 whose "
             "responsedescription repeats the password", multiget(lambda h, r: xml(
                 '<D:multistatus xmlns:D="DAV:"><D:response><D:href>/x</D:href><D:status>'
                 "HTTP/1.1 403 No</D:status><D:responsedescription>"
                 + " ".join(secret_forms(h.user, h.password)).replace("&", "&amp;")
                 + "</D:responsedescription></D:response></D:multistatus>")),
             exit=frozenset({OK})),
]

def _url(name: str, url: str, bug: str = TRACE) -> Scenario:
    return Scenario(f"url-{name}", "url", f"KPSS_CALDAV_URL={url}", url=url,
                    exit=frozenset({CONFIG}), bug=bug)


def twice(host: Hostile, request: hd.Request) -> ha.Answer:
    """The home's listing shows `rps` twice: the second time with no properties but its type."""
    honest = host.honest(request)
    text = honest.body.decode()
    extra = (f"<D:response><D:href>{CALENDAR}</D:href><D:propstat><D:prop><D:resourcetype>"
             "<D:collection/><C:calendar/></D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK"
             "</D:status></D:propstat></D:response>")
    return ha.Answer(207, text.replace("</D:multistatus>", extra + "</D:multistatus>").encode(),
                     honest.headers)


def not_a_calendar(host: Hostile, request: hd.Request) -> ha.Answer:
    honest = host.honest(request)
    return ha.Answer(207, honest.body.replace(b"<C:calendar />", b""), honest.headers)


HOME_LISTING = {"path": f"^{hd.HOME}$"}
OTHER_SCENARIOS = [
    _url("port-over-65535", "http://127.0.0.1:70000/dav/"),
    _url("port-negative", "http://127.0.0.1:-1/dav/"),
    _url("port-not-a-number", "http://127.0.0.1:8x/dav/"),
    _url("broken-ipv6-literal", "http://[::1/dav/"),
    _url("ipv6-with-port-over-65535", "http://[::1]:99999/dav/"),
    Scenario("home-lists-rps-twice", "discovery", "the home's listing shows `rps` twice",
             when("PROPFIND", twice, **HOME_LISTING), exit=frozenset({OK, SERVER})),
    Scenario("rps-is-not-a-calendar", "discovery", "the home's listing shows every calendar "
             "as a plain collection", when("PROPFIND", not_a_calendar, **HOME_LISTING)),
    Scenario("principal-on-another-host", "discovery", "current-user-principal on another "
             "server", discovery(lambda h, r: xml(
                 f'<D:multistatus xmlns:D="DAV:"><D:response><D:href>{hd.ROOT}</D:href>'
                 "<D:propstat><D:prop><D:current-user-principal><D:href>http://127.0.0.1:"
                 f"{h.state['other']}/p/</D:href></D:current-user-principal></D:prop>"
                 "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
                 "</D:multistatus>")), exit=frozenset({CONFIG, SERVER})),
]

SCENARIOS = [*XML_SCENARIOS, *STREAM_SCENARIOS, *REDIRECT_SCENARIOS, *HREF_SCENARIOS,
             *ITEM_SCENARIOS, *TOKEN_SCENARIOS, *MARKER_SCENARIOS, *RETRY_SCENARIOS,
             *SECRET_SCENARIOS, *OTHER_SCENARIOS]
SCENARIO_IDS = [s.name for s in SCENARIOS]
GROUPS = {
    "xml": "XML: entity bombs, external entities, odd encodings and namespaces",
    "size": "Size: huge, endless and compressed bodies, huge events, many members",
    "time": "Time: dripping answers, endless `100 Continue`",
    "redirect": "Redirects",
    "auth": "Authentication",
    "href": "Hrefs outside the calendar (the member-name attack)",
    "items": "207 with per-item errors, error statuses",
    "token": "Sync tokens and ETags",
    "headers": "Headers and status lines",
    "marker": "Forged markers and caches",
    "commit": "Forged commits",
    "retry-after": "Malformed Retry-After",
    "tls": "TLS",
    "secret": "Secrets echoed by the server",
    "discovery": "Discovery",
    "url": "Malformed server addresses (KPSS_CALDAV_URL)",
}
