"""Atom feeds (RFC 4287) of the meetings, written by feedgen: every meeting, one per group, new
minutes, cancellations and postponements.

An entry's id is a name-based UUID of the record's id (RFC 4122 §4.3), so it never changes
between builds or when the site moves; its `updated` is the last commit that touched the record
(sync/stamps.py), so a reader shows an entry as new only when its record changed."""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from lint.model import Meeting
from sync.stamps import UNKNOWN
from web import ofn, text
from web.render import group_path, meeting_path
from web.view import View

FOLDER = "atom"
ENTRIES = 100
"""The most recently changed records a feed holds: readers fetch the whole file each time."""
NAMESPACE = uuid.UUID("6f2b7c1e-3d5a-5b8e-9c41-0a7e2d9f4b13")
"""Fixed for ever: every entry and feed id is derived from it and the record's id."""
MEDIA = "application/atom+xml"


@dataclass(frozen=True)
class Feed:
    """One feed: where it is, what it is called, which page it belongs to, what it holds."""

    path: str
    title: str
    page: str
    kind: str
    """Which entries: `meeting`, `minutes` or `change`; part of each entry's id."""
    takes: Callable[[Meeting], bool]


def group_feed_path(group_id: str) -> str:
    return f"{FOLDER}/skupiny/{group_id}.xml"


def _of_group(group_id: str) -> Callable[[Meeting], bool]:
    return lambda meeting: group_id in meeting.groups


def feeds(view: View) -> list[Feed]:
    """Every feed of the site, in a fixed order."""
    found = [
        Feed(f"{FOLDER}/jednani.xml", "KPSS Liberec: jednání", "jednani/index.html", "meeting",
             lambda m: True),
        Feed(f"{FOLDER}/zapisy.xml", "KPSS Liberec: nové zápisy z jednání", "jednani/index.html",
             "minutes", lambda m: m.status == "held" and m.minutes_status is not None),
        Feed(f"{FOLDER}/zmeny.xml", "KPSS Liberec: zrušená a odložená jednání",
             "jednani/index.html", "change", lambda m: m.status in ("cancelled", "postponed")),
    ]
    for group in view.groups():
        found.append(Feed(group_feed_path(group.id), f"KPSS Liberec: {group.name}",
                          group_path(group.id), "meeting", _of_group(group.id)))
    return found


def entry_id(kind: str, record_id: str) -> str:
    """`urn:uuid:…` from the kind of entry and the record's id, never from the build."""
    return uuid.uuid5(NAMESPACE, f"{kind}/{record_id}").urn


def entry_title(view: View, kind: str, meeting: Meeting) -> str:
    lead = {"minutes": "Zápis: ", "change": ""}.get(kind, "")
    return f"{lead}{ofn.title(view, meeting)}, {text.day(meeting.date)}"


def _summary(view: View, meeting: Meeting) -> str:
    lines = [f"{text.long_day(meeting.date)}, {text.hours(meeting)}",
             "Místo: " + (", ".join(view.place(meeting)) or "neuvedeno"),
             f"Stav: {view.status(meeting)}"]
    note = ofn.change_note(view, meeting)
    return "\n".join([*lines, note] if note else lines)


def chosen(view: View, feed: Feed, stamps: Mapping[str, dt.datetime]) -> list[Meeting]:
    """The feed's meetings: the ENTRIES most recently changed, newest change first."""
    def order(m: Meeting) -> tuple[dt.datetime, dt.date, str]:
        return stamps.get(m.file, UNKNOWN), m.date, m.id

    return sorted((m for m in view.meetings if feed.takes(m)), key=order, reverse=True)[:ENTRIES]


def _url(view: View, path: str, feed: Feed) -> str:
    """Absolute with the site's address; else relative to the feed's own location (RFC 4287
    §4.2.7.1: a reader resolves it against the feed's URI)."""
    if view.base_url:
        return view.base_url + path
    return posixpath.relpath(path, posixpath.dirname(feed.path))


def render(view: View, feed: Feed, stamps: Mapping[str, dt.datetime]) -> bytes:
    """The feed as Atom XML."""
    meetings = chosen(view, feed, stamps)
    gen = FeedGenerator()
    gen.id(entry_id("feed", feed.path))
    gen.title(feed.title)
    gen.author(name=view.publisher.name)
    gen.language("cs")
    gen.link(href=_url(view, feed.path, feed), rel="self", type=MEDIA)
    gen.link(href=_url(view, feed.page, feed), rel="alternate", type="text/html")
    gen.updated(max((stamps.get(m.file, UNKNOWN) for m in meetings), default=UNKNOWN))
    for meeting in meetings:
        entry = gen.add_entry(order="append")
        entry.id(entry_id(feed.kind, meeting.id))
        entry.title(entry_title(view, feed.kind, meeting))
        entry.updated(stamps.get(meeting.file, UNKNOWN))
        entry.link(href=_url(view, meeting_path(meeting.id), feed), rel="alternate",
                   type="text/html")
        entry.summary(_summary(view, meeting))
    return bytes(gen.atom_str(pretty=True))


def files(view: View, stamps: Mapping[str, dt.datetime]) -> dict[str, bytes]:
    return {feed.path: render(view, feed, stamps) for feed in feeds(view)}


def links(view: View, page_path: str) -> Iterator[tuple[str, str]]:
    """The feeds a page names in <link rel="alternate">: every meeting, and on a group's page
    that group's own feed; (path from the site's root, title)."""
    everything = feeds(view)[0]
    yield everything.path, everything.title
    for group in view.groups():
        if page_path == group_path(group.id):
            yield group_feed_path(group.id), f"KPSS Liberec: {group.name}"
