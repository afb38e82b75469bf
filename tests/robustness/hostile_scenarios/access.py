"""Scenarios on reaching the server: TLS, secrets echoed back, discovery, malformed
KPSS_CALDAV_URL."""

from __future__ import annotations

from urllib.parse import quote

from tests.robustness import hostile_answers as ha
from tests.robustness import hostile_dav as hd
from tests.robustness.hostile_answers import CALENDAR, status, when, xml
from tests.robustness.hostile_scenarios.base import (
    CONFIG,
    OK,
    SERVER,
    Context,
    Scenario,
    discovery,
    multiget,
    puts,
    secret_forms,
)
from tests.robustness.hostile_server import Hostile

# --- TLS, secrets ----------------------------------------------------------------------------

def tls_refused(context: Context) -> None:
    assert "(TLS)" in context.run.err
    assert "--ca-bundle" in context.run.err
    assert context.host.log == []




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
             "body repeat the password in every encoding", discovery(echoed(302))),
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

def _url(name: str, url: str) -> Scenario:
    return Scenario(f"url-{name}", "url", f"KPSS_CALDAV_URL={url}", url=url,
                    exit=frozenset({CONFIG}))


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
