"""Scenarios on HTTP and WebDAV: redirects, authentication, 207 with per-item errors and
error statuses, sync tokens, ETags, headers, status lines, Retry-After."""

from __future__ import annotations

import re

from tests.robustness import hostile_answers as ha
from tests.robustness import hostile_dav as hd
from tests.robustness.hostile_answers import CALENDAR, MB, status, when, xml
from tests.robustness.hostile_scenarios.base import (
    ERROR,
    NEVER_PWNED,
    OK,
    PWNED,
    SERVER,
    SYNC_REPORT,
    Context,
    Scenario,
    at_most,
    discovery,
    multiget,
    puts,
)
from tests.robustness.hostile_server import Hostile

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
             check=NEVER_PWNED),
    Scenario("location-file-url", "redirect", "302 to file:///etc/passwd",
             discovery(located(302, "file:///etc/passwd"))),
    Scenario("location-60-kb", "redirect", "302 with a Location of 60 KB",
             discovery(located(302, "http://127.0.0.1:1/" + "a" * 60_000)),
             check=_short),
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


# --- 207 with per-item errors, statuses -------------------------------------------------------



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
    _retry("nan"), _retry("inf"), _retry("-1"),
    _retry("1e309"), _retry("Wed, 21 Oct 2015 07:28:00 GMT", name="http-date"),
    _retry("9" * 400, name="400-digits"), _retry("nan", "multiget"),
    _retry("-inf", "multiget"),
]
