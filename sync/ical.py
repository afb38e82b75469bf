"""The schedule as iCalendar (RFC 5545, RFC 7986), built with the `icalendar` library only."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import icalendar
from icalendar.enums import CLASS, STATUS, TRANSP

from lint import model
from lint.kinds import KINDS, records
from lint.model import Meeting, Repository
from messages import date_cs
from sync.stamps import UNKNOWN
from sync.vtimezone import TZID, vtimezone
from sync.xprops import COMMIT, COMMIT_TIME, HASH, MARKER

HASH_FORMAT = 2
"""Mixed into every content hash. Bump it whenever `EventDoc._vevent` changes what it writes
(a property added, dropped or written differently, also by an icalendar upgrade): the hash is
computed from the event's data, not from the VEVENT, so only this tells that the same data now
makes a different event. Bumping it rewrites every event once, without a SEQUENCE bump.
2: one RRULE-based VTIMEZONE (sync/vtimezone.py), an end for every timed event, X- text
escaped."""
PRODID = "-//kpss//kpss sync//CS"
DEFAULT_REFRESH = "PT6H"
"""How often subscribers should fetch a calendar (RFC 7986 §5.7) when its record does not say:
a few hours, so a cancellation reaches them the same day; clients that honour no interval keep
their own (Nextcloud refreshes a subscription once a week unless the feed asks for more)."""
END_NOT_GIVEN = "Konec jednání nebyl uveden."
"""In the description of a timed event whose record has no end: the calendar shows the group's
usual length (lint.model.Meeting.usual_length), this says it is a guess."""

SPAN_LENGTH = dt.timedelta(hours=1)
"""How long a dated item with a start time but no end is shown."""
SPAN_END_NOT_GIVEN = "Čas konce nebyl uveden."

_STATUS = {"planned": STATUS.CONFIRMED, "held": STATUS.CONFIRMED,
           "cancelled": STATUS.CANCELLED, "postponed": STATUS.TENTATIVE}
_PREFIX = {"cancelled": "ZRUŠENO: ", "postponed": "ODLOŽENO: "}
_SCHEDULE = ("DTSTART", "DTEND", "LOCATION")


@dataclass(frozen=True)
class _Body:
    """What an event shows, already decided; rendering only arranges it."""

    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    location: str | None
    description: str
    status: STATUS
    stamp: dt.datetime
    url: str | None


@dataclass(frozen=True)
class EventDoc:
    """One calendar object resource: the event of one record of a kind with calendar events
    (lint/kinds.py; a postponement chain of meetings is one event, as its last meeting)."""

    uid: str
    record_id: str
    file: str
    schedule_key: str
    body: _Body = field(repr=False, compare=False)
    sequence: int = 0
    """The SEQUENCE of a freshly published event (how many times a meeting was moved)."""

    @cached_property
    def content_hash(self) -> str:
        """sha256 of everything `_vevent` writes, so of the VEVENT without SEQUENCE and commit:
        the same hash means the same event.

        Computed from the event's own data (UID, record file, every field of the body, the fixed
        CLASS and TRANSP, HASH_FORMAT) as canonical JSON, without building the VEVENT: a sync
        compares the hash of every event, and building them all costs seconds."""
        b = self.body
        data = {
            "format": HASH_FORMAT, "uid": self.uid, "file": self.file,
            "summary": b.summary, "start": _when(b.start), "end": _when(b.end),
            "location": b.location, "description": b.description, "status": b.status.value,
            "stamp": _when(b.stamp), "url": b.url,
            "class": CLASS.PUBLIC.value, "transp": TRANSP.OPAQUE.value,
        }
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _vevent(self) -> icalendar.Event:
        # Whatever this writes, content_hash must cover: bump HASH_FORMAT when it changes.
        b = self.body
        # DTSTAMP without METHOD is the last revision of the data (RFC 5545 §3.8.7.2): the
        # record's last commit, like LAST-MODIFIED, never the clock. No ORGANIZER or ATTENDEE:
        # without them no server sends invitations (RFC 6638 §3.1: only those are scheduled).
        event = icalendar.Event.new(
            uid=self.uid, stamp=b.stamp, last_modified=b.stamp, start=b.start, end=b.end,
            summary=b.summary, description=b.description or None, location=b.location,
            status=b.status, url=b.url, classification=CLASS.PUBLIC, transparency=TRANSP.OPAQUE,
        )
        event.add(MARKER, icalendar.vText(self.file))  # TEXT, escaped as any (RFC 5545 §3.3.11)
        return event

    def vevent(self, sequence: int, commit: str | None = None,
               committed: dt.datetime | None = None) -> icalendar.Event:
        """The VEVENT, with our content hash and, when given, the commit it was made from."""
        event = self._vevent()
        event.add("SEQUENCE", sequence)
        event.add(HASH, icalendar.vText(self.content_hash))
        if commit:
            event.add(COMMIT, icalendar.vText(commit))
            if committed is not None:
                event.add(COMMIT_TIME, icalendar.vDatetime(committed.astimezone(dt.UTC)))
        return event

    def render(self, sequence: int, commit: str | None = None,
               committed: dt.datetime | None = None) -> bytes:
        """A whole VCALENDAR holding this one event (RFC 4791 §4.1: one UID per resource)."""
        cal = _vcalendar()
        if isinstance(self.body.start, dt.datetime):
            cal.add_component(vtimezone())
        cal.add_component(self.vevent(sequence, commit, committed))
        return bytes(cal.to_ical())


def _when(value: dt.date | dt.datetime | None) -> list[str] | None:
    """A date or time for content_hash: kind, ISO text (with the UTC offset) and time zone name,
    so that two values rendered differently never serialise alike."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        return ["date", value.isoformat()]
    zone = value.tzinfo
    if zone is None:
        return ["floating", value.isoformat()]
    name = getattr(zone, "key", None) or zone.tzname(value) or ""
    return ["datetime", value.isoformat(), name]


def _vcalendar() -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    return cal


def _moves(repo: Repository, meeting: Meeting) -> bool:
    target = meeting.postponed_to
    return meeting.status == "postponed" and target in repo.meetings and target != meeting.id


def _chains(repo: Repository) -> list[tuple[Meeting, ...]]:
    """Every meeting once, in postponement chains from each root (a meeting nothing moves to)."""
    targets = {m.postponed_to for m in repo.meetings.values() if _moves(repo, m)}
    ids = sorted(repo.meetings)
    covered: set[str] = set()
    chains = []
    # Roots first; then whatever a cycle left out, so no meeting silently disappears.
    for mid in [i for i in ids if i not in targets] + [i for i in ids if i in targets]:
        if mid in covered:
            continue
        chain = [repo.meetings[mid]]
        while _moves(repo, chain[-1]) and chain[-1].postponed_to != mid \
                and chain[-1].postponed_to not in covered:
            chain.append(repo.meetings[str(chain[-1].postponed_to)])
            covered.add(chain[-1].id)
        covered.add(mid)
        chains.append(tuple(chain))
    return chains


def _summary(repo: Repository, meeting: Meeting) -> str:
    names = [repo.groups[g].short_name if g in repo.groups else g for g in meeting.groups]
    title = meeting.title or f"Jednání {', '.join(names)}"
    missing = [n for n in names if n.casefold() not in title.casefold()]
    text = f"{', '.join(missing)}: {title}" if missing else title
    return _PREFIX.get(meeting.status, "") + text


def _location(repo: Repository, meeting: Meeting) -> str | None:
    venue = repo.venues.get(meeting.venue) if meeting.venue else None
    if venue is None:
        return None
    if venue.online:
        return "online"
    room = meeting.room
    if room and room[0].isdigit():
        room = f"místnost {room}"  # "místnost 209", but "malý sál" as it is
    return ", ".join(p for p in (venue.name, room, venue.address) if p)


def _description(chain: tuple[Meeting, ...], url: str | None, end_given: bool) -> str:
    meeting = chain[-1]
    status = []
    if meeting.status == "cancelled":
        reason = meeting.cancellation_reason
        status.append(f"Důvod zrušení: {reason}" if reason else "Jednání bylo zrušeno.")
    if meeting.status == "postponed":
        status.append("Jednání je odloženo, nový termín zatím není stanoven.")
    if len(chain) > 1:
        status.append("Přeloženo z " + ", ".join(date_cs(m.date) for m in chain[:-1]))
    titles = [item.title for item in meeting.agenda]
    agenda = ["Program:", *(f"{n}. {t}" for n, t in enumerate(titles, 1))] if titles else []
    # Most clients show DESCRIPTION but not URL (RFC 5545 §3.8.4.6), so the link is in both.
    link = [f"Záznam: {url}"] if url else []
    end = [] if end_given else [END_NOT_GIVEN]
    return "\n\n".join("\n".join(block) for block in (status, end, agenda, link) if block)


_When = dt.date | dt.datetime


def _times(repo: Repository, meeting: Meeting) -> tuple[_When, _When, bool]:
    """DTSTART, DTEND, and whether the record gave the end."""
    start, end = meeting.starts_at, meeting.ends_at
    if start is None:
        # An all-day event: DTEND is the exclusive next day (RFC 5545 §3.6.1).
        return meeting.date, meeting.date + dt.timedelta(days=1), True
    given = end is not None and end > start
    if end is None or not given:
        # RFC 5545 §3.6.1 allows DTSTART alone, but clients then show no end, an hour or
        # nothing, and a server refuses it ("DTEND must occur after DTSTART"): the group's usual
        # length, and the description says so. Added to the instant, not to the clock, so that
        # on the nights the clocks change the end is an hour that exists and the length true.
        end = (start.astimezone(dt.UTC) + meeting.usual_length(repo.groups)).astimezone(
            model.PRAGUE)
    return _exact(start), _exact(end), given


def _exact(value: dt.datetime) -> dt.datetime:
    """A local time the clocks show twice (the autumn night, 02:00–02:59) as UTC: with a TZID it
    names only the hour, and parsers pick different ones (RFC 5545 §3.3.5 says the first,
    libical takes the second). UTC is one instant for every parser (§3.3.5, form #2)."""
    if value.replace(fold=1 - value.fold).utcoffset() == value.utcoffset():
        return value
    return value.astimezone(dt.UTC)


def _schedule_key(body: _Body) -> str:
    """A hash of the event's time and place (DTSTART, DTEND, LOCATION): when it changes,
    SEQUENCE goes up (RFC 5545 §3.8.7.4). Only compared with keys this code made (the state
    cache is reset whenever its format changes), so it is made from the data, like
    content_hash, not from the rendered lines."""
    data = [_when(body.start), _when(body.end), body.location]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def _doc(repo: Repository, chain: tuple[Meeting, ...], stamps: Mapping[str, dt.datetime],
         record_url: Callable[[str], str | None]) -> EventDoc:
    meeting = chain[-1]
    url = record_url(meeting.file)
    start, end, end_given = _times(repo, meeting)
    body = _Body(
        summary=_summary(repo, meeting), start=start, end=end,
        location=_location(repo, meeting), description=_description(chain, url, end_given),
        status=_STATUS[meeting.status], url=url,
        stamp=max(stamps.get(m.file, UNKNOWN) for m in chain),
    )
    return EventDoc(uid=f"{chain[0].id}@kpss", record_id=meeting.id, file=meeting.file,
                    schedule_key=_schedule_key(body), body=body, sequence=len(chain) - 1)


def _shows(calendar: model.Calendar, chain: tuple[Meeting, ...]) -> bool:
    """A calendar without `groups` shows every group, like `all: true` (docs/record-format.md)."""
    groups = {g for m in chain for g in m.groups}
    return calendar.all or not calendar.groups or bool(groups & set(calendar.groups))


def _meeting_docs(repo: Repository, calendar: model.Calendar, stamps: Mapping[str, dt.datetime],
                  record_url: Callable[[str], str | None]) -> list[EventDoc]:
    return [_doc(repo, c, stamps, record_url) for c in _chains(repo) if _shows(calendar, c)]


def _span_times(item: model.Span) -> tuple[_When, _When, bool]:
    """All day (DTEND the day after the last, RFC 5545 §3.6.1) unless a start time is given."""
    if item.start_time is None:
        return item.first_day, item.last_day + dt.timedelta(days=1), True
    start = dt.datetime.combine(item.first_day, item.start_time, model.PRAGUE)
    if item.end_time is not None:
        end = dt.datetime.combine(item.last_day, item.end_time, model.PRAGUE)
        if end > start:
            return _exact(start), _exact(end), True
    # As for a meeting without an end: an hour, added to the instant, and said so.
    end = (start.astimezone(dt.UTC) + SPAN_LENGTH).astimezone(model.PRAGUE)
    return _exact(start), _exact(end), False


def _span_description(repo: Repository, item: model.Span, url: str | None,
                      end_given: bool) -> str:
    what = [f"{item.label[:1].upper()}{item.label[1:]}" + (" (předpokládaný termín)"
                                                         if item.tentative else "")]
    if item.month_only:
        what.append("Známý je jen měsíc, ne přesný den.")
    if not end_given:
        what.append(SPAN_END_NOT_GIVEN)
    meeting = repo.meetings.get(item.reported_at or "")
    source = [f"Uvedeno v zápisu z jednání {date_cs(meeting.date)}"] if meeting else []
    links = [f"Odkaz: {item.link}"] if item.link else []
    links += [f"Záznam: {url}"] if url else []
    blocks = (what, [item.description.strip()] if item.description else [], source, links)
    return "\n\n".join("\n".join(block) for block in blocks if block)


def _span_doc(repo: Repository, item: model.Span, stamps: Mapping[str, dt.datetime],
              record_url: Callable[[str], str | None]) -> EventDoc:
    url = record_url(item.file)
    start, end, end_given = _span_times(item)
    body = _Body(
        summary=("PŘEDPOKLAD: " if item.tentative else "") + item.title, start=start, end=end,
        location=None, description=_span_description(repo, item, url, end_given),
        status=STATUS.TENTATIVE if item.tentative else STATUS.CONFIRMED, url=url,
        stamp=stamps.get(item.file, UNKNOWN),
    )
    return EventDoc(uid=f"{item.id}@kpss", record_id=item.id, file=item.file,
                    schedule_key=_schedule_key(body), body=body)


def _span_docs(kind: str) -> _Maker:
    """The events of a kind whose records are Spans, each in the calendars it names."""
    def make(repo: Repository, calendar: model.Calendar, stamps: Mapping[str, dt.datetime],
             record_url: Callable[[str], str | None]) -> list[EventDoc]:
        items = typing.cast("Mapping[str, model.Span]", records(repo, kind))
        return [_span_doc(repo, item, stamps, record_url) for item in items.values()
                if calendar.id in item.calendars]
    return make


_Maker = Callable[[Repository, model.Calendar, Mapping[str, dt.datetime],
                   Callable[[str], str | None]], list[EventDoc]]
MAKERS: Mapping[str, Callable[[str], _Maker]] = {
    "meetings": lambda _kind: _meeting_docs, "dates": _span_docs}
"""How a kind's records become events, by the name its declaration gives (lint/kinds.py)."""


def events(repo: Repository, calendar: model.Calendar, *, stamps: Mapping[str, dt.datetime],
           record_url: Callable[[str], str | None]) -> list[EventDoc]:
    """The events of one calendar, of every kind it takes, sorted by UID."""
    docs = [doc for declared in KINDS if declared.calendar and calendar.takes(declared.name)
            for doc in MAKERS[declared.calendar](declared.name)(repo, calendar, stamps, record_url)]
    return sorted(docs, key=lambda d: d.uid)


# The CSS3 colour keywords (CSS Color Module Level 3 §4.3), one spelling per value.
_CSS3_TEXT = """
aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc
bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a
burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50
cornflowerblue 6495ed cornsilk fff8dc crimson dc143c darkblue 00008b darkcyan 008b8b
darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkkhaki bdb76b darkmagenta 8b008b
darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 darksalmon e9967a
darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f darkturquoise 00ced1
darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff dimgray 696969 dodgerblue 1e90ff
firebrick b22222 floralwhite fffaf0 forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc
ghostwhite f8f8ff gold ffd700 goldenrod daa520 gray 808080 green 008000 greenyellow adff2f
honeydew f0fff0 hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c
lavender e6e6fa lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6
lightcoral f08080 lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3
lightgreen 90ee90 lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa
lightslategray 778899 lightsteelblue b0c4de lightyellow ffffe0 lime 00ff00 limegreen 32cd32
linen faf0e6 maroon 800000 mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3
mediumpurple 9370db mediumseagreen 3cb371 mediumslateblue 7b68ee mediumspringgreen 00fa9a
mediumturquoise 48d1cc mediumvioletred c71585 midnightblue 191970 mintcream f5fffa
mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 oldlace fdf5e6 olive 808000
olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa
palegreen 98fb98 paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9
peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 red ff0000
rosybrown bc8f8f royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460
seagreen 2e8b57 seashell fff5ee sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd
slategray 708090 snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080
thistle d8bfd8 tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff
whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32
"""
_CSS3_WORDS = _CSS3_TEXT.split()
_CSS3 = dict(zip(_CSS3_WORDS[::2], _CSS3_WORDS[1::2], strict=True))


def nearest_css_colour(hex_colour: str) -> str:
    """The CSS3 colour name nearest to `#rrggbb` (RFC 7986 §5.9: COLOR takes a name, not hex)."""
    rgb = bytes.fromhex(hex_colour.removeprefix("#"))

    def distance(name: str) -> tuple[int, str]:
        other = bytes.fromhex(_CSS3[name])
        return sum((a - b) ** 2 for a, b in zip(rgb, other, strict=True)), name

    return min(_CSS3, key=distance)


_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
                       r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


def _refresh(text: str) -> dt.timedelta:
    """An ISO 8601 duration as RFC 5545 dur-value, which has no years or months (§3.3.6)."""
    match = _DURATION.fullmatch(text)
    if match is None:
        return _refresh(DEFAULT_REFRESH)
    years, months, weeks, days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    value = dt.timedelta(days=365 * years + 30 * months + 7 * weeks + days, hours=hours,
                         minutes=minutes, seconds=seconds)
    return value or _refresh(DEFAULT_REFRESH)


def calendar_properties(calendar: model.Calendar) -> dict[str, str | None]:
    """What a subscriber sees of the calendar itself: name, description, colour (hex), refresh."""
    return {"name": calendar.name, "description": calendar.description or None,
            "color": calendar.color.lower() if calendar.color else None,
            "refresh": calendar.refresh or DEFAULT_REFRESH}


def _text(cal: icalendar.Calendar, name: str, value: str) -> None:
    """A TEXT property, escaped (RFC 5545 §3.3.11): icalendar escapes only the properties it
    knows as TEXT and writes NAME and every X- property raw, so a comma would cut the value."""
    cal.add(name, icalendar.vText(value))


def _describe(cal: icalendar.Calendar, calendar: model.Calendar) -> None:
    props = calendar_properties(calendar)
    _text(cal, "NAME", str(props["name"]))  # RFC 7986 §5.1; X-WR-CALNAME for older apps
    _text(cal, "X-WR-CALNAME", str(props["name"]))
    if props["description"]:
        _text(cal, "DESCRIPTION", props["description"])  # RFC 7986 §5.2, and X-WR-CALDESC
        _text(cal, "X-WR-CALDESC", props["description"])
    if props["color"]:
        _text(cal, "COLOR", nearest_css_colour(props["color"]))  # RFC 7986 §5.9
        _text(cal, "X-APPLE-CALENDAR-COLOR", props["color"])  # the exact hex, for Apple
    ttl = _refresh(props["refresh"] or DEFAULT_REFRESH)
    # RFC 7986 §5.7 requires VALUE=DURATION; X-PUBLISHED-TTL is its older spelling.
    cal.add("REFRESH-INTERVAL", icalendar.vDuration(ttl), parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", icalendar.vDuration(ttl))
    _text(cal, "X-WR-TIMEZONE", TZID)


def calendar_ics(repo: Repository, calendar: model.Calendar, *,
                 stamps: Mapping[str, dt.datetime], record_url: Callable[[str], str | None],
                 commit: str | None = None) -> bytes:
    """The whole calendar as one .ics file; SEQUENCE counts the postponements of each meeting."""
    docs = events(repo, calendar, stamps=stamps, record_url=record_url)
    cal = _vcalendar()
    _describe(cal, calendar)
    if any(isinstance(d.body.start, dt.datetime) for d in docs):
        cal.add_component(vtimezone())
    for doc in docs:
        cal.add_component(doc.vevent(doc.sequence, commit))
    return bytes(cal.to_ical())
