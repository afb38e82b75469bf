"""The plan step: inspect every calendar first (reads only), decide per event what to do and
check that the plan is safe; sync/apply.py then writes it with conditional requests (RFC 7232
If-Match / If-None-Match)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sync import errors
from sync.cache import (
    Known,
    Remote,
    State,
    from_comment,
    is_our_comment,
    read_remote,
    schedule,
    visible,
)
from sync.commits import Commit, never
from sync.discover import Home
from sync.hrefs import is_ours, path_of
from sync.protocol import CALDAV, DAV, ICAL, KPSS, Dav, Resource, tag

if TYPE_CHECKING:  # building events (icalendar) is imported only by runs that build them
    from sync.ical import EventDoc

STATE = tag(KPSS, "state")
COMMENT = tag(DAV, "comment")
"""Where our cache lives on a server that refuses `STATE` but keeps this (Xandikos)."""
DISPLAYNAME, DESCRIPTION, COLOR = (tag(DAV, "displayname"), tag(CALDAV, "calendar-description"),
                                   tag(ICAL, "calendar-color"))
GETETAG, SYNC_TOKEN = tag(DAV, "getetag"), tag(DAV, "sync-token")
COMPONENTS = tag(CALDAV, "supported-calendar-component-set")
CALENDAR = (tag(DAV, "resourcetype"), DISPLAYNAME, DESCRIPTION, COLOR, STATE, COMMENT,
            COMPONENTS)
"""What discovery asks of every calendar in the home: never its ETag, CTag or sync token, which
make some servers (Radicale) read every event of every calendar."""
LISTING = (*CALENDAR, GETETAG)
ICS = {"Content-Type": "text/calendar; charset=utf-8"}


@dataclass
class Action:
    kind: str  # create | update | delete | unchanged
    name: str
    record: str
    """The id of the record the event shows (a meeting, a dated item, ...)."""
    etag: str = ""
    sequence: int = 0
    doc: EventDoc | None = None
    commit: Commit | None = None
    """The commit the event on the server was written from, where known."""
    href: str = ""
    """Where to write: the href the server listed for an existing event, as it gave it; for a
    new one the calendar's path and our own name (sync/hrefs.py)."""


@dataclass
class Look:
    """One calendar as the server shows it, read before the records are (reads only)."""

    id: str
    href: str
    exists: bool
    current: dict[str, str] = field(default_factory=dict)
    """The calendar's properties now (name, description, colour, by tag)."""
    state: State = field(default_factory=State)
    state_supported: bool = False
    """The server keeps our state cache (it held one)."""
    cache_at: str = ""
    """The property that held the cache (`STATE` or `COMMENT`); "" when none did."""
    comment_free: bool = True
    """The calendar's comment is empty or our cache: ours to write."""
    members: dict[str, str] = field(default_factory=dict)
    """Every resource in the calendar: name → ETag."""
    hrefs: dict[str, str] = field(default_factory=dict)
    """The path of the href the server gave each member it listed in this run, by name (as
    given: not decoded, not rebuilt)."""
    skipped: list[str] = field(default_factory=list)
    """Hrefs the server listed that are not plainly members of this calendar: never used."""
    token: str = ""
    """The calendar's sync token as of `members` ("" when not asked for)."""

    def quiet(self, fingerprint: str | None) -> bool:
        """Nothing to do: made from the same inputs, and nobody changed the calendar since."""
        state = self.state
        return (self.exists and bool(fingerprint) and state.fingerprint == fingerprint
                and bool(state.props) and state.vouches(self.members)
                and all(same_prop(k, self.current.get(k, ""), v)
                        for k, v in state.props.items()))


@dataclass
class CalendarPlan:
    """What one calendar needs, found with reads only."""

    id: str
    href: str
    exists: bool
    props: dict[str, str]
    props_to_set: dict[str, str]
    actions: list[Action] = field(default_factory=list)
    state: State = field(default_factory=State)
    foreign: dict[str, str] = field(default_factory=dict)
    ours_on_server: int = 0
    state_supported: bool = True
    """The server holds our state cache (or the calendar is new): keep it current."""
    cache_at: str = ""
    """The property the cache is in, so writes go straight to it; "" when not known yet."""
    comment_free: bool = True
    """The comment may hold the cache where the server refuses `STATE` (nobody else's is in
    it)."""
    newer: Commit | None = None
    """A commit newer than ours wrote this calendar: this (late) run must not touch it."""
    token: str = ""
    """The sync token the plan was made at (see State.token)."""
    hrefs: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    """Hrefs left alone: outside the calendar, or events that only looked like ours."""
    unsure: bool = False
    """A member was listed but not returned when read: neither ours nor foreign in the cache,
    so the cache must keep no sync token (the next run lists the calendar and sees it)."""

    def base(self) -> str:
        return self.href if self.href.endswith("/") else self.href + "/"

    def href_of(self, name: str) -> str:
        """Where the event `name` is: as the server listed it, else below the calendar."""
        return self.hrefs.get(name) or self.base() + name

    def count(self, kind: str) -> int:
        return sum(a.kind == kind for a in self.actions)


def name_of(doc: EventDoc) -> str:
    """The resource name of an event: its UID's local part, which is a record id (URL-safe)."""
    return doc.uid.split("@", 1)[0] + ".ics"


def look(dav: Dav, home: Home, cal_id: str) -> Look:
    """Read one calendar: 1 sync-collection REPORT when discovery listed it with a cache that
    holds a sync token (RFC 6578), else 1 PROPFIND listing every resource's ETag."""
    href = home.path + cal_id + "/"
    if home.children is None:
        return _listed(dav, href, cal_id)
    collection = home.children.get(cal_id)
    if collection is None:
        return Look(cal_id, href, exists=False)
    _check_calendar(dav, collection, href)
    seen = _look_at(cal_id, href, collection)
    if not seen.state.token:  # no cache, or one whose last run could not vouch for a token
        return _listed(dav, href, cal_id)
    try:
        token, changes = dav.sync_collection(href, seen.state.token)
    except errors.TokenRefused:  # forgotten or expired: list (the next write stores a new one)
        return _listed(dav, href, cal_id)
    members = {n: k.etag for n, k in seen.state.events.items()}
    members.update(seen.state.foreign)
    for resource in changes:
        name = dav.child(href, resource.href)
        if name is None:
            seen.skipped.append(resource.href)
        elif resource.status == 404:
            members.pop(name, None)
        else:
            members[name] = resource.text(GETETAG) or ""
            seen.hrefs[name] = path_of(resource.href) or ""
    seen.members, seen.token = members, token
    return seen


def _listed(dav: Dav, href: str, cal_id: str) -> Look:
    """Read one calendar whole: every resource's ETag, and the calendar's sync token, which a
    run that writes stores in the cache so that later runs need only the changes since."""
    try:
        listing = dav.propfind(href, (*LISTING, SYNC_TOKEN), depth=1)
    except errors.NotFound:
        return Look(cal_id, href, exists=False)
    collection = next((r for r in listing if dav.names(r.href, href)), None)
    if collection is None:
        raise errors.NotACalendar(dav.url(href), url=dav.url(href))
    _check_calendar(dav, collection, href)
    seen = _look_at(cal_id, href, collection)
    _members(dav, seen, [r for r in listing if r is not collection])
    seen.token = (collection.text(SYNC_TOKEN) or "").strip()
    return seen


def _look_at(cal_id: str, href: str, collection: Resource) -> Look:
    """The calendar's properties and our cache: from `STATE`, else from a comment that is ours
    (a person's comment is never read as a cache, nor ever overwritten)."""
    current = {k: (collection.text(k) or "").strip() for k in (DISPLAYNAME, DESCRIPTION, COLOR)}
    seen = Look(cal_id, href, True, current)
    cached, comment = collection.text(STATE), collection.text(COMMENT)
    if cached is not None:
        seen.state, seen.cache_at = State.decode(cached), STATE
    elif is_our_comment(comment):
        seen.state, seen.cache_at = from_comment(comment), COMMENT
    seen.state_supported = bool(seen.cache_at)
    seen.comment_free = not (comment or "").strip() or is_our_comment(comment)
    return seen


def _check_calendar(dav: Dav, collection: Resource, href: str) -> None:
    """A calendar that takes events: a collection of tasks only (a Nextcloud Deck board, a
    to-do list) is none, whatever its name (RFC 4791 §5.2.3: no such property, any
    component)."""
    components = collection.props.get(COMPONENTS)
    events = components is None or any(
        c.get("name", "").upper() == "VEVENT" for c in components.iter(tag(CALDAV, "comp")))
    if tag(CALDAV, "calendar") not in _types(collection):
        raise errors.NotACalendar(dav.url(href), url=dav.url(href))
    if not events:
        raise errors.NoEvents(dav.url(href), url=dav.url(href))


def inspect(dav: Dav, seen: Look, props: dict[str, str], docs: Sequence[EventDoc], *,
            newer: Callable[[Commit | None], bool] = never) -> CalendarPlan:
    """Plan one calendar from what `look` read (plus 1 multiget when the cache cannot vouch
    for every resource).

    `newer` tells whether a commit found on the server is newer than the one we sync from.
    """
    if not seen.exists:
        plan = CalendarPlan(seen.id, seen.href, False, props, dict(props))
        plan.actions = [Action("create", name_of(d), d.record_id, doc=d,
                               href=plan.href_of(name_of(d))) for d in docs]
        return plan
    changed = {k: v for k, v in props.items() if not same_prop(k, seen.current.get(k, ""), v)}
    # No cache on an existing calendar: not written yet, lost, or a server that keeps no dead
    # properties and whose comment (where Xandikos would keep it) holds a person's text. Then it
    # is written only together with event changes, so a run with nothing to change writes
    # nothing even where the server refuses it every time.
    plan = CalendarPlan(seen.id, seen.href, True, props, changed, state=seen.state,
                        state_supported=seen.state_supported, cache_at=seen.cache_at,
                        comment_free=seen.comment_free, token=seen.token,
                        hrefs=dict(seen.hrefs), skipped=list(seen.skipped))
    _plan_events(dav, plan, seen.members, docs)
    seen_commits = [plan.state.commit, *(a.commit for a in plan.actions)]
    plan.newer = next((c for c in seen_commits if c is not None and newer(c)), None)
    return plan


def _members(dav: Dav, seen: Look, listing: list[Resource]) -> None:
    """The calendar's members as listed: by decoded name, each with the href the server gave.
    An href that is not directly below the calendar, or two hrefs of one name, are skipped."""
    names: dict[str, list[Resource]] = {}
    for resource in listing:
        if tag(DAV, "collection") in _types(resource):
            continue
        name = dav.child(seen.href, resource.href)
        if name is None:
            seen.skipped.append(resource.href)
        else:
            names.setdefault(name, []).append(resource)
    for name, found in names.items():
        if len(found) > 1:
            seen.skipped.extend(r.href for r in found)
            continue
        seen.members[name] = found[0].text(GETETAG) or ""
        seen.hrefs[name] = path_of(found[0].href) or ""


def _types(resource: Resource) -> set[str]:
    element = resource.props.get(tag(DAV, "resourcetype"))
    return {child.tag for child in element} if element is not None else set()


def same_prop(name: str, current: str, wanted: str) -> bool:
    if name == COLOR:  # servers store #rrggbb as #rrggbbff (Apple's format)
        return current.lower()[:7] == wanted.lower()[:7]
    return current == wanted


def _plan_events(dav: Dav, plan: CalendarPlan, members: Mapping[str, str],
                 docs: Sequence[EventDoc]) -> None:
    desired = {name_of(d): d for d in docs}
    state = plan.state
    vouched = {n for n, etag in members.items()
               if n in state.events and state.events[n].etag == etag}
    # Only a name we could have given an event may be ours; any other is foreign unread.
    unknown = [n for n, etag in members.items() if n not in vouched and is_ours(n)
               and state.foreign.get(n) != etag]
    fetched = _fetch(dav, plan, unknown)
    plan.unsure = any(n not in fetched for n in unknown)
    plan.foreign = {n: e for n, e in members.items()
                    if not is_ours(n) or (n in state.foreign and state.foreign[n] == e)
                    or (n in fetched and not fetched[n].ours)}
    # Ours: what the cache vouches for or what we read and found to be one event of ours. A
    # resource listed but not returned by the multiget (deleted meanwhile, private, unreadable)
    # is not known to be ours, so it is never deleted; a wanted name among them is created with
    # If-None-Match, whose 412 makes us read it first.
    ours = {n: e for n, e in members.items()
            if n in vouched or (n in fetched and fetched[n].ours)}
    actions = [_decide(name, doc, ours.get(name), state.events.get(name) if name in vouched
                       else None, fetched.get(name))
               for name, doc in sorted(desired.items())]
    for name in sorted(set(ours) - set(desired)):
        remote, known = fetched.get(name), state.events.get(name)
        commit = remote.commit if remote else known.commit if known else None
        actions.append(Action("delete", name, name.removesuffix(".ics"), etag=ours[name],
                              commit=commit))
    plan.actions = _verified(dav, plan, actions, fetched)
    plan.ours_on_server = len(ours) - sum(n in plan.foreign for n in ours)
    for action in plan.actions:
        action.href = plan.href_of(action.name)


def _verified(dav: Dav, plan: CalendarPlan, actions: list[Action],
              fetched: Mapping[str, Remote]) -> list[Action]:
    """The actions, each overwrite or delete of an event only the cache vouched for read first
    (1 multiget for all): the cache lives on the server, where others can write, so it is no
    proof that a resource is ours. What is not one event of ours is left alone."""
    unread = [a.name for a in actions if a.kind in ("update", "delete") and a.name not in fetched]
    found = _fetch(dav, plan, unread)
    plan.unsure |= any(n not in found for n in unread)
    checked = []
    for action in actions:
        if action.name not in unread:
            checked.append(action)
            continue
        remote = found.get(action.name)
        if remote is not None and not remote.ours:  # someone else's: never ours to change
            plan.foreign[action.name] = remote.etag
            plan.skipped.append(plan.href_of(action.name))
        elif action.kind == "delete" and remote is not None:
            checked.append(replace(action, etag=remote.etag, commit=remote.commit))
        elif action.kind == "update" and action.doc is not None:
            checked.append(decide_fetched(action.name, action.doc, remote) if remote
                           else Action("create", action.name, action.record, doc=action.doc))
        # A delete of what the server no longer returns: nothing of ours to remove.
    return checked


def _fetch(dav: Dav, plan: CalendarPlan, names: Sequence[str]) -> dict[str, Remote]:
    """The members `names` read with one calendar-multiget, by name; only answers for a name
    asked for count."""
    if not names:
        return {}
    asked, result = set(names), {}
    for resource in dav.multiget(plan.href, [plan.href_of(n) for n in names]):
        name = dav.child(plan.href, resource.href)
        data = resource.text(tag(CALDAV, "calendar-data"))
        etag = resource.text(tag(DAV, "getetag")) or ""
        if name is None or name not in asked or name in result:
            continue
        if resource.status == 507:  # too large to read (Dav.multiget): someone else's
            result[name] = Remote(name, etag, ours=False)
        elif data is not None:
            result[name] = read_remote(name, etag, data)
    return result


def _decide(name: str, doc: EventDoc, etag: str | None, known: Known | None,
            remote: Remote | None) -> Action:
    if etag is None:
        return Action("create", name, doc.record_id, doc=doc)
    if remote is None and known is not None:  # the cache vouches for the server's copy
        if known.content == doc.content_hash:
            return Action("unchanged", name, doc.record_id, etag=etag, sequence=known.sequence,
                          doc=doc, commit=known.commit)
        bump = int(known.schedule != doc.schedule_key)
        return Action("update", name, doc.record_id, etag, known.sequence + bump, doc,
                      known.commit)
    if remote is None:  # listed but not returned by the multiget: treat as new
        return Action("create", name, doc.record_id, doc=doc)
    return decide_fetched(name, doc, remote)


def decide_fetched(name: str, doc: EventDoc, remote: Remote) -> Action:
    """Compare an event read from the server with the one we want: the same when it carries our
    content hash and shows what we would show (someone may have edited it in a client, which
    keeps our X- properties). What we want is compared as built, not rendered and read back:
    the fingerprints are of values (times as UTC instants), which both give alike."""
    wanted = doc.vevent(remote.sequence)
    if remote.content == doc.content_hash and remote.visible == visible(wanted):
        return Action("unchanged", name, doc.record_id, remote.etag, remote.sequence, doc,
                      remote.commit)
    bump = int(remote.schedule != schedule(wanted))
    return Action("update", name, doc.record_id, remote.etag, remote.sequence + bump, doc,
                  remote.commit)


def check_deletions(plans: Sequence[CalendarPlan], allow: bool) -> None:
    """Refuse a run that would delete most of our events (an empty or half-read records/).

    A calendar a newer commit wrote is left alone anyway: its deletions will not happen."""
    for plan in plans:
        if plan.newer is not None:
            continue
        deletes = plan.count("delete")
        if not allow and deletes >= 2 and deletes * 2 > plan.ours_on_server:
            raise errors.MassDeleteRefused(plan.id, calendar=plan.id, count=deletes,
                                           total=plan.ours_on_server)


__all__ = ["Action", "CalendarPlan", "Look", "check_deletions", "inspect", "look", "name_of"]
