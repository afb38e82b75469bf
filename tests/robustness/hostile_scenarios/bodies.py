"""Scenarios on the answer's body: XML that attacks the parser; huge, endless, dripping and
compressed bodies; a huge foreign event; many members."""

from __future__ import annotations

from tests.robustness import hostile_answers as ha
from tests.robustness import hostile_dav as hd
from tests.robustness.hostile_answers import CALENDAR, MB, xml
from tests.robustness.hostile_dav import Store
from tests.robustness.hostile_scenarios.base import (
    NEVER_PWNED,
    OK,
    SERVER,
    Scenario,
    discovery,
    multiget,
    output_has_no,
    puts,
    seeded,
)
from tests.sync.sandbox import FOREIGN_EVENT

MULTIGET = frozenset({OK, SERVER})
"""An oversized multiget may end the run (3) or leave the members it asked for alone, reported
as unread (0): either way nothing is written to them."""

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
             check=NEVER_PWNED),
    Scenario("not-xml", "xml", "207 with an HTML page", discovery(xml(
        "<html><body>Bad gateway</html>"))),
    Scenario("100000-deep-elements", "xml", "multiget 207 nested 100,000 deep",
             multiget(xml(ha.deep(100_000))), exit=frozenset({OK, SERVER})),
]

STREAM_SCENARIOS = [
    Scenario("200-mb-multistatus", "size", "discovery 207 of 200 MB",
             discovery(ha.huge(200 * MB))),
    Scenario("200-mb-multiget", "size", "multiget 207 of 200 MB (caldav's path)",
             multiget(ha.huge(200 * MB)), exit=MULTIGET),
    Scenario("endless-chunked", "size", "discovery 207, chunked, never ending",
             discovery(ha.endless_chunks())),
    Scenario("endless-chunked-multiget", "size", "multiget 207, chunked, never ending",
             multiget(ha.endless_chunks()), exit=MULTIGET),
    Scenario("gzip-bomb", "size", "PUT answered with 1 GB of gzip in 1 MB",
             puts(ha.bombed("gzip", 201)), exit=frozenset({OK, SERVER})),
    Scenario("deflate-bomb", "size", "multiget 207, 1 GB of deflate in 1 MB",
             multiget(ha.bombed("deflate")), exit=MULTIGET),
    Scenario("gzip-in-gzip-bomb", "size", "discovery 207, gzip of a gzip bomb",
             discovery(ha.bombed("gzip, gzip"))),
    Scenario("drip-one-byte-twice-a-second", "time", "discovery headers, then a byte every "
             "0.5 s", discovery(ha.drip(b"HTTP/1.1 207 Multi-Status\r\nContent-Length: 9999\r\n"
                                        b"Content-Type: application/xml\r\n\r\n", b" "))),
    Scenario("drip-the-status-line", "time", "a PUT's answer a byte every 0.5 s",
             puts(ha.drip(b"", b"HTTP/1.1 201 Created\r\nX-Slow: " + b"x" * 10_000))),
    Scenario("100-continue-forever", "time", "`100 Continue` lines, forever",
             discovery(ha.continue_forever())),
    Scenario("100-continue-forever-on-put", "time", "`100 Continue` forever to a PUT",
             puts(ha.continue_forever())),
    Scenario("stranger-11-mb-event", "size", "a person's own event of 11 MB in `rps`",
             seed=seeded(CALENDAR + "velka-udalost.ics", lambda s: FOREIGN_EVENT.replace(
                 "{UID}", "big@example.org").replace(
                     "SUMMARY:", "DESCRIPTION:" + "x" * (11 * MB) + "\r\nSUMMARY:").encode()),
             exit=frozenset({OK})),
]


def many_members(store: Store) -> None:
    for number in range(100_000):
        store.items[f"{CALENDAR}cizi-{number:06d}.ics"] = hd.Item("event", "foreign",
                                                                  data=b"", etag=f'"{number}"')
        store.touch(f"{CALENDAR}cizi-{number:06d}.ics")


STREAM_SCENARIOS.append(Scenario(
    "100000-members", "size", "`rps` lists 100,000 members", seed=many_members,
    exit=frozenset({OK, SERVER})))
