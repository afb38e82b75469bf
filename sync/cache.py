"""The cache step: what a run remembers between runs, and how a server's event is read.

Pure functions, no I/O (the plan step, sync/plan.py, decides with them). The server is the only
state (the sync runs in CI without memory), but a small cache lives on the server too: a dead
property on the calendar collection (`K:state`) maps each of our event resources to the ETag it
had when we last wrote or checked it and the hash of the content we meant. An ETag that still
matches proves the event is unchanged without downloading it (RFC 7232 §2.3), so a run with
nothing to do costs one PROPFIND per calendar. Anything the cache cannot vouch for is fetched
and compared for real. A server that refuses our property but keeps the calendar's `DAV:comment`
(Xandikos) holds the same cache there instead, packed by `to_comment`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sync import hrefs
from sync.commits import Commit
from sync.xprops import COMMIT as COMMIT_PROPERTY
from sync.xprops import COMMIT_TIME as COMMIT_TIME_PROPERTY
from sync.xprops import HASH as HASH_PROPERTY
from sync.xprops import MARKER

MAX_SEQUENCE = 2**31 - 1
"""RFC 5545 §3.8.7.4 SEQUENCE is an integer; more than this is a damaged or forged value."""
STATE_VERSION = 3
"""2: the commit of each event, and of the last sync that wrote the calendar. 3: the inputs
fingerprint, the sync token and the calendar's properties of the run that wrote it."""
_VISIBLE = ("SUMMARY", "DTSTART", "DTEND", "LOCATION", "DESCRIPTION", "STATUS", "URL", "CLASS",
            "TRANSP", MARKER)
_SCHEDULE = ("DTSTART", "DTEND", "LOCATION")


@dataclass(frozen=True)
class Known:
    """What the state cache says about one of our events."""

    etag: str
    content: str
    sequence: int
    schedule: str
    commit: Commit | None = None
    """The commit the event on the server was written from."""


@dataclass(frozen=True)
class State:
    events: Mapping[str, Known] = field(default_factory=dict)
    foreign: Mapping[str, str] = field(default_factory=dict)
    """Resources that are not ours, with the ETag at which we last looked."""
    commit: Commit | None = None
    """The commit of the last sync that wrote this calendar."""
    fingerprint: str = ""
    """The inputs fingerprint (sync/inputs.py) the events and properties were made from."""
    token: str = ""
    """A sync token (RFC 6578) from before the run that wrote this: every change since then is
    either in `events`/`foreign` or someone else's."""
    props: Mapping[str, str] = field(default_factory=dict)
    """The calendar's properties (name, description, colour) as that run set them."""

    def encode(self) -> str:
        return json.dumps({
            "v": STATE_VERSION,
            "commit": _pair(self.commit),
            "fingerprint": self.fingerprint,
            "token": self.token,
            "props": dict(sorted(self.props.items())),
            "events": {n: [k.etag, k.content, k.sequence, k.schedule, *_pair(k.commit)]
                       for n, k in sorted(self.events.items())},
            "foreign": dict(sorted(self.foreign.items())),
        }, separators=(",", ":"), ensure_ascii=True)

    @classmethod
    def decode(cls, text: str | None) -> State:
        """The cache, or an empty one if it is missing, old or damaged (it is only a cache)."""
        try:
            data = json.loads(text or "")
            if data.get("v") != STATE_VERSION:
                return cls()
            # Names come from the server: only one we could have given an event is ours.
            events = {str(n): Known(str(v[0]), str(v[1]), int(v[2]), str(v[3]),
                                    Commit.of(str(v[4]), int(v[5])))
                      for n, v in data["events"].items() if hrefs.is_ours(str(n))}
            foreign = {str(n): str(e) for n, e in data.get("foreign", {}).items()}
            commit = Commit.of(str(data["commit"][0]), int(data["commit"][1]))
            props = {str(k): str(v) for k, v in data.get("props", {}).items()}
            fingerprint, token = str(data.get("fingerprint", "")), str(data.get("token", ""))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
                OSError, RecursionError):  # RecursionError: JSON nested thousands deep
            return cls()
        return cls(events, foreign, commit, fingerprint, token, props)

    def vouches(self, members: Mapping[str, str]) -> bool:
        """The server holds exactly what this cache describes: the same resources, each at the
        ETag we last wrote or looked at."""
        known = {n: k.etag for n, k in self.events.items()}
        known.update(self.foreign)
        return dict(members) == known


COMMENT_MARKER = "kpss-sync-cache:1:"
"""How a `DAV:comment` holding our cache starts; a comment without it is someone else's."""
MAX_UNPACKED = 64 * 1024 * 1024
"""More than any real cache unpacks to (10,000 events take a few MB): a comment that would
unpack to more is damaged, or made to exhaust memory."""


def to_comment(state: State) -> str:
    """The cache as a calendar's `DAV:comment` (RFC 3253 §3.1.1): our marker, then base64 of
    the zlib-compressed text. Xandikos stores the comment in an INI file (Python configparser),
    where a '%' breaks reading it back and a newline is risky; base64 has neither, and the
    compression more than makes up for base64's growth."""
    packed = zlib.compress(state.encode().encode("ascii"), 9)
    return COMMENT_MARKER + base64.b64encode(packed).decode("ascii")


def is_our_comment(text: str | None) -> bool:
    """The comment is our cache (maybe damaged), so ours to read and to write over."""
    return (text or "").strip().startswith(COMMENT_MARKER)


def from_comment(text: str | None) -> State:
    """The cache a comment holds; an empty one for anyone else's comment or damaged data."""
    if not is_our_comment(text):
        return State()
    packed = (text or "").strip().removeprefix(COMMENT_MARKER)
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(base64.b64decode(packed, validate=True), MAX_UNPACKED)
        if inflate.unconsumed_tail or not inflate.eof:
            return State()
        return State.decode(raw.decode("ascii"))
    except (binascii.Error, zlib.error, ValueError):
        return State()


def _pair(commit: Commit | None) -> list[str | int]:
    return [commit.sha, commit.stamp] if commit else ["", 0]


@dataclass(frozen=True)
class Remote:
    """One fetched resource as we read it."""

    name: str
    etag: str
    ours: bool
    uid: str = ""
    content: str = ""
    """Our content hash stored in the event, if any."""
    visible: str = ""
    """Fingerprint of what a subscriber sees."""
    sequence: int = 0
    schedule: str = ""
    commit: Commit | None = None


def _canonical(component: Any, names: Iterable[str]) -> str:
    parts = []
    for name in names:
        value = component.get(name)
        if value is None:
            parts.append(f"{name}:")
        elif hasattr(value, "dt"):
            moment = value.dt
            text = moment.astimezone(dt.UTC).isoformat() \
                if getattr(moment, "tzinfo", None) else moment.isoformat()
            parts.append(f"{name}:{text}")
        else:
            parts.append(f"{name}:{value}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def vevent_of(data: bytes | str) -> Any | None:
    """The first VEVENT of an iCalendar object, or None if it is not one."""
    calendar = _calendar(data)
    if calendar is None:
        return None
    for component in calendar.walk("VEVENT"):
        return component
    return None


def _calendar(data: bytes | str) -> Any | None:
    import icalendar  # noqa: PLC0415 - a run that reads no event (sync/cli.py) never needs it

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError):
        return None
    return calendar if getattr(calendar, "name", "") == "VCALENDAR" else None


OUR_UID = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)@kpss")
"""The UIDs the sync gives events: a record id at `kpss` (sync/ical.py)."""
OUR_MARKER = re.compile(r"records(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+\.yaml")
"""What our marker holds: the path of a record file."""


def our_event(name: str, data: bytes | str) -> Any | None:
    """The VEVENT of a resource that is one event of ours, else None.

    Ours means all of it: the resource holds exactly one event (and time zones, nothing else),
    its UID is one we give (a record id at `kpss`), the resource's name is that id with `.ics`,
    and it carries our marker naming a record file. An event that only copies our marker, or
    sits at another name, or shares its resource with anything else, is someone else's: it is
    never overwritten or deleted.
    """
    calendar = _calendar(data)
    if calendar is None:
        return None
    parts = calendar.subcomponents
    events = [c for c in parts if c.name == "VEVENT"]
    if len(events) != 1 or any(c.name not in ("VEVENT", "VTIMEZONE") for c in parts):
        return None
    event = events[0]
    uid = OUR_UID.fullmatch(str(event.get("UID", "")).strip())
    marker = str(event.get(MARKER) or "").strip()
    if uid is None or name != uid.group(1) + ".ics" or not OUR_MARKER.fullmatch(marker):
        return None
    return event


def visible(component: Any) -> str:
    return _canonical(component, _VISIBLE)


def schedule(component: Any) -> str:
    return _canonical(component, _SCHEDULE)


def read_remote(name: str, etag: str, data: bytes | str) -> Remote:
    """Classify a fetched resource: one event of ours (see `our_event`) or foreign."""
    event = our_event(name, data)
    if event is None:
        return Remote(name, etag, ours=False)
    try:
        sequence = max(0, min(int(event.get("SEQUENCE") or 0), MAX_SEQUENCE))
    except (TypeError, ValueError):
        sequence = 0
    try:
        return Remote(name, etag, ours=True, uid=str(event.get("UID", "")),
                      content=str(event.get(HASH_PROPERTY, "")), visible=visible(event),
                      sequence=sequence, schedule=schedule(event), commit=commit_of(event))
    except (TypeError, ValueError, AttributeError, OverflowError):
        # A value icalendar cannot turn into a time: ours, changed beyond reading; rewritten.
        return Remote(name, etag, ours=True, uid=str(event.get("UID", "")), sequence=sequence)


def commit_of(event: Any) -> Commit | None:
    """The commit an event says it came from; a damaged time counts as unknown."""
    sha = str(event.get(COMMIT_PROPERTY) or "").strip()
    if not sha:
        return None
    import icalendar  # noqa: PLC0415

    try:
        when = icalendar.vDatetime.from_ical(str(event.get(COMMIT_TIME_PROPERTY) or ""))
    except ValueError:
        when = None
    if when is not None and getattr(when, "tzinfo", None) is None:
        when = None  # a floating time is no instant to compare
    return Commit(sha, when)
