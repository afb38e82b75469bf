"""What every scenario is made of: the row type, the store it starts from, forged events,
the requests scenarios answer, the checks, and the issue 15 items the known bugs wait for."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, quote_plus

from tests.robustness import hostile_answers as ha
from tests.robustness import hostile_dav as hd
from tests.robustness.hostile_answers import CALENDAR, when
from tests.robustness.hostile_dav import Store
from tests.robustness.hostile_run import Run
from tests.robustness.hostile_server import Hostile, Override

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




def never_pwned(context: Context) -> None:
    """The server's `::error ... PWNED` may be shown, escaped inside a message, but never as a
    line of its own (which a CI log reads as a command)."""
    for line in context.run.output.splitlines():
        if "PWNED" in line:
            assert not line.lstrip().startswith(("::", "PWNED")), line
            assert line.lstrip().index("PWNED") > 20, line


NEVER_PWNED = never_pwned


def secret_forms(user: str, password: str) -> list[str]:
    """Every form the password could be printed in."""
    basic = base64.b64encode(f"{user}:{password}".encode()).decode()
    alone = base64.b64encode(password.encode()).decode()
    return [password, quote(password, safe=""), quote_plus(password), alone, alone.rstrip("="),
            basic, basic.rstrip("="), f"{user}:{password}", quote(f"{user}:{password}", safe="")]


SYNC_REPORT = {"path": f"^{CALENDAR}$", "contains": b"sync-collection"}
ERROR = ('<?xml version="1.0"?><D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
         "<C:{0}/><D:responsedescription>{1}</D:responsedescription></D:error>")
PWNED = "&#10;::error title=x::PWNED&#13;&#10;"
