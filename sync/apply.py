"""Carry out a calendar's plan with conditional writes, coping with races and lost answers.

Creates use `If-None-Match: *` and updates/deletes `If-Match` on the ETag we saw (RFC 7232
§3.1-3.2, RFC 4791 §5.3.2), so a concurrent change is never overwritten blindly. A 412 means
someone else got there first (another sync, a person, or our own create whose answer was lost
in a timeout): we read the resource again and decide once more, at most once per event.

A calendar that a newer commit's sync already wrote is left alone, and so is an event a newer
commit wrote while we worked: a late job of an older commit never puts old content back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from sync import errors, guard
from sync.cache import Known, Remote, State, read_remote, to_comment
from sync.commits import Commit, never
from sync.plan import (
    COMMENT,
    ICS,
    STATE,
    Action,
    CalendarPlan,
    decide_fetched,
    same_prop,
)
from sync.protocol import CALDAV, DAV, Dav, expect, tag
from sync.transport import Response


@dataclass
class Outcome:
    """What one calendar's sync did."""

    id: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)
    newer: Commit | None = None
    """Left alone: a commit newer than ours wrote the calendar, or these events."""
    kept: list[str] = field(default_factory=list)
    """Events left as a newer commit wrote them."""
    cached: bool = False
    """Our cache on the calendar was written, and the server kept it."""
    unsure: bool = False
    """An answer did not prove what happened (a DELETE answered 404: gone before, or never
    there?): the cache then keeps no sync token, so the next run lists the calendar."""
    failed: list[tuple[str, errors.SyncError]] = field(default_factory=list)
    """Events the server refused (the record, why): the run went on with the others."""
    skipped: list[str] = field(default_factory=list)
    """Hrefs left alone: not plainly members of the calendar, or not events of ours."""


class _Ahead:
    """Renders each body we PUT while the request before it is with the server.

    Rendering an event takes about 0.6 ms of our CPU; a PUT takes the server 2 to 30 ms, all of
    which we would otherwise spend waiting. The worker renders one body ahead and no more, and
    starts on it only once the request before has been sent in full (`Dav.tell_when_sent`):
    started earlier, it holds the GIL while that request is being written and delays it. Where
    the HTTP library cannot tell, the next render starts as soon as a body is handed out. Every
    render goes through the worker, so no two run at once."""

    def __init__(self, actions: Iterable[Action], commit: Commit | None,
                 dav: Dav | None = None) -> None:
        self._sha = commit.sha if commit else None
        self._time = commit.time if commit else None
        writes = [a for a in actions if a.kind in ("create", "update")]
        self._queue = iter(writes)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="kpss-render")
        self._next = self._submit(next(self._queue, None))
        self._waiting: Action | None = None
        """The next body to render, once the request with the current one has been sent."""
        self._dav = dav if writes else None  # no body to render: caldav need not be imported
        self._told = self._dav is not None and self._dav.tell_when_sent(self.sent)

    def __enter__(self) -> _Ahead:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._dav is not None:
            self._dav.tell_when_sent(None)
        self._pool.shutdown(cancel_futures=True)

    def sent(self) -> None:
        """A request has been sent: start on the body that waits for it, if one does."""
        if self._waiting is not None:
            self._next, self._waiting = self._submit(self._waiting), None

    def body(self, action: Action) -> bytes:
        """`action`'s body: the one rendered ahead if it is next in the plan, else made now."""
        self.sent()  # a body still waiting: the request before it went without telling us
        pending = self._next
        if pending is not None and pending[0] is action:
            following = next(self._queue, None)
            if self._told:
                self._next, self._waiting = None, following
            else:
                self._next = self._submit(following)
            return pending[1].result()
        submitted = self._submit(action)
        assert submitted is not None  # noqa: S101 - given an action, _submit returns its job
        return submitted[1].result()

    def _submit(self, action: Action | None) -> tuple[Action, Future[bytes]] | None:
        if action is None:
            return None
        return action, self._pool.submit(self._render, action)

    def _render(self, action: Action) -> bytes:
        assert action.doc is not None  # noqa: S101 - creates and updates always carry a doc
        return action.doc.render(action.sequence, self._sha, self._time)


@dataclass(frozen=True)
class _Run:
    """What every write of one run needs: the connection, our commit, the commit order, and
    the bodies rendered ahead."""

    dav: Dav
    commit: Commit | None
    newer: Callable[[Commit | None], bool]
    outcome: Outcome
    ahead: _Ahead
    existing: bool = True
    """The calendar was there before this run: someone else may write in it meanwhile."""

    def write(self, method: str, href: str, body: bytes = b"",
              headers: Mapping[str, str] | None = None) -> Response:
        """A conditional PUT or DELETE; checked by us first where the server ignores the
        condition (sync/guard.py), in a calendar others may write to."""
        if self.existing:
            return guard.send(self.dav, method, href, body, headers)
        return self.dav.send(method, href, body, headers)


REFRESH_AFTER = 20
"""After more writes than this, ask for a fresh sync token, so that later runs are not handed
our own writes again (a first push's would be every event)."""


def apply(dav: Dav, plan: CalendarPlan, commit: Commit | None,
          newer: Callable[[Commit | None], bool] = never, *,
          fingerprint: str | None = None) -> Outcome:
    """Carry out `plan`; `fingerprint` is what the inputs hashed to (stored with the cache)."""
    outcome = Outcome(plan.id, unsure=plan.unsure)
    if plan.newer is not None:  # a late job: the server holds a newer commit's schedule
        outcome.newer = plan.newer
        return outcome
    _calendar(dav, plan, outcome)
    outcome.skipped.extend(plan.skipped)
    known: dict[str, Known] = {}
    with _Ahead(plan.actions, commit, dav) as ahead:
        run = _Run(dav, commit, newer, outcome, ahead, existing=plan.exists)
        for action in plan.actions:
            done = _isolated(run, plan, action)
            if done is not None:
                known[action.name] = done
            if outcome.newer is not None:
                # A newer commit's sync is writing this calendar right now: leave the rest,
                # and the cache, to it.
                return outcome
    writes = len(outcome.created) + len(outcome.updated) + len(outcome.deleted)
    # A refused event is not done: without the fingerprint the next run takes the full path.
    made_from = "" if outcome.failed else fingerprint or ""
    state = State(known, plan.foreign, plan.state.commit, made_from, plan.state.token,
                  plan.props)
    # A new sync token alone is no reason to write: the old one still tells the same story.
    if state.encode() == plan.state.encode():
        return outcome
    # The calendar's commit moves whenever its cache is written: with event changes, or when
    # the records changed (a new fingerprint). A late job of an older commit then sees that a
    # newer one wrote here and leaves the calendar, cache included, alone. A run whose records
    # did not change writes nothing, even when HEAD moved (see docs/robustness.md).
    token = _fresher(dav, plan, known) if writes > REFRESH_AFTER else plan.token
    state = replace(state, token="" if outcome.unsure else token,
                    commit=commit or plan.state.commit)
    if plan.state_supported or writes:
        outcome.cached = _keep(dav, plan, state)
        if not outcome.cached and not keeps_no_cache(dav):  # that is said once per run
            outcome.warnings.append("state")
    return outcome


def keeps_no_cache(dav: Dav) -> bool:
    """The server refused the cache in both places it can live, in this run (sabre/dav)."""
    return {STATE, COMMENT} <= dav.refused


def adopt(dav: Dav, plan: CalendarPlan, outcome: Outcome, commit: Commit | None,
          fingerprint: str | None) -> None:
    """Give our cache to a calendar that has our events but none of it (made by an older
    version, restored from a backup, its cache removed), once another calendar's cache was
    just kept: on a server that keeps it nowhere no run keeps asking."""
    if not plan.exists or plan.state_supported or plan.newer is not None or outcome.cached \
            or outcome.created or outcome.updated or outcome.deleted or outcome.failed:
        return
    known = {a.name: k for a in plan.actions
             if a.kind == "unchanged" and (k := _known(a, a.etag, a.commit)) is not None}
    state = State(known, plan.foreign, commit or plan.state.commit, fingerprint or "",
                  "" if outcome.unsure else plan.token, plan.props)
    outcome.cached = _keep(dav, plan, state)


def _keep(dav: Dav, plan: CalendarPlan, state: State) -> bool:
    """Write the cache where the calendar holds it; True when the server kept it.

    A calendar without one gets it in our own property, or where the server refuses that
    (Xandikos) in its `DAV:comment`, unless someone else's comment is there: one request more,
    once, as later runs read where it is and write straight there. A property the server
    refused once in this run is not offered again (`Dav.refused`): where it keeps neither
    (sabre/dav), only the first calendar written asks, and every run compares the events."""
    if plan.cache_at:
        value = to_comment(state) if plan.cache_at == COMMENT else state.encode()
        return dav.proppatch(plan.href, {plan.cache_at: value})
    if _offer(dav, plan.href, STATE, state.encode()):
        return True
    return plan.comment_free and _offer(dav, plan.href, COMMENT, to_comment(state))


def _offer(dav: Dav, href: str, name: str, value: str) -> bool:
    if name in dav.refused:
        return False
    kept = dav.proppatch(href, {name: value})
    if not kept:
        dav.refused.add(name)
    return kept


def _fresher(dav: Dav, plan: CalendarPlan, known: Mapping[str, Known]) -> str:
    """A sync token from after our writes, if the changes since the plan's are all ours."""
    if not plan.token:
        return ""
    try:
        token, changes = dav.sync_collection(plan.href, plan.token)
    except errors.TokenRefused:
        return plan.token
    for resource in changes:
        name = dav.child(plan.href, resource.href)
        if name is None:
            continue  # not a member: never ours, and never used
        etag = None if resource.status == 404 else resource.text(tag(DAV, "getetag"))
        mine = known[name].etag if name in known else plan.foreign.get(name)
        if etag != mine:
            return plan.token  # someone else wrote too: the next run must see it
    return token


LATER = {403, 429, 507}
"""MKCALENDAR answers that leave the other calendars to sync: Nextcloud's rate limit (429,
10 new calendars an hour by default) and its cap on calendars (403), a full quota (507)."""


def _calendar(dav: Dav, plan: CalendarPlan, outcome: Outcome) -> None:
    if not plan.exists:
        try:
            dav.mkcalendar(plan.href, plan.props)
        except (errors.Rejected, errors.Forbidden, errors.ServerError) as exc:
            # Refused because the calendar exists now (RFC 4791 §5.3.1.1 resource-must-be-null:
            # Radicale answers 409, Xandikos 403): another sync made it since we looked.
            if not _is_calendar(dav, plan.href):
                status = 403 if isinstance(exc, errors.Forbidden) else \
                    int(str(exc.args_.get("status", 0)))
                if status in LATER:
                    raise errors.NotCreatedYet(dav.url(plan.href), url=dav.url(plan.href),
                                               status=status) from exc
                raise
        missing, plan.token = _missing_props(dav, plan.href, plan.props)
        if missing:  # some servers ignore properties in MKCALENDAR; set them separately
            dav.proppatch(plan.href, missing)
            if _missing_props(dav, plan.href, plan.props)[0]:
                outcome.warnings.append("props")
    elif plan.props_to_set:
        dav.proppatch(plan.href, plan.props_to_set)
        if _missing_props(dav, plan.href, plan.props_to_set)[0]:
            outcome.warnings.append("props")


def _is_calendar(dav: Dav, href: str) -> bool:
    try:
        found = dav.propfind(href, [tag(DAV, "resourcetype")], depth=0)
    except errors.NotFound:
        return False
    types = [r.props.get(tag(DAV, "resourcetype")) for r in found]
    return any(t is not None and t.find(tag(CALDAV, "calendar")) is not None for t in types)


def _missing_props(dav: Dav, href: str,
                   props: Mapping[str, str]) -> tuple[dict[str, str], str]:
    """The properties that did not take, and the calendar's sync token ("" if none)."""
    found = dav.propfind(href, [*props, tag(DAV, "sync-token")], depth=0)
    current = found[0] if found else None
    missing = {k: v for k, v in props.items()
               if current is None or not same_prop(k, (current.text(k) or "").strip(), v)}
    return missing, ((current.text(tag(DAV, "sync-token")) or "").strip() if current else "")


EVENT_FAULTS = (errors.Rejected, errors.Forbidden, errors.PreconditionFailed, errors.NotFound,
                errors.Redirected, errors.BadResponse)
"""What a server may answer about one event without saying anything about the others."""
GIVE_UP_AFTER = 20
"""Refusals in a row, with nothing written, after which the calendar is given up."""


def _isolated(run: _Run, plan: CalendarPlan, action: Action) -> Known | None:
    """One action, its failure recorded for the summary instead of ending the run; a write only
    ever goes to a member of this calendar (sync/hrefs.py)."""
    href = action.href or plan.href_of(action.name)
    if action.kind != "unchanged" and run.dav.child(plan.href, href) != action.name:
        run.outcome.skipped.append(href)  # a plan holds no such href; kept as a last guard
        return None
    try:
        return _event(run, href, action)
    except EVENT_FAULTS as exc:
        outcome = run.outcome
        outcome.failed.append((action.doc.file if action.doc else action.name, exc))
        outcome.unsure = True  # the cache cannot account for this event: no sync token
        done = len(outcome.created) + len(outcome.updated) + len(outcome.deleted)
        if not done and len(outcome.failed) >= GIVE_UP_AFTER:
            raise
        return None


def _event(run: _Run, href: str, action: Action) -> Known | None:
    if action.kind == "unchanged":
        run.outcome.unchanged += 1
        return _known(action, action.etag, action.commit)
    if action.kind == "delete":
        _delete(run, href, action)
        return None
    return _put(run, href, action, retry=True)


def _put(run: _Run, href: str, action: Action, *, retry: bool) -> Known | None:
    commit = run.commit
    body = run.ahead.body(action)
    condition = {"If-None-Match": "*"} if action.kind == "create" else {"If-Match": action.etag}
    response = run.write("PUT", href, body, {**ICS, **condition})
    if response.status in (200, 201, 204):
        done = run.outcome.created if action.kind == "create" else run.outcome.updated
        done.append(action.record)
        return _known(action, _etag(response), commit)  # the event now says our commit
    if response.status == 412 and retry:
        return _again(run, href, action)
    _fail(response, run.dav.url(href))
    return None  # pragma: no cover - _fail raises


def _again(run: _Run, href: str, action: Action) -> Known | None:
    """The resource changed under us: read it and decide once more. What the re-read returns
    must be one event of ours under this name; anything else is a conflict, never a licence."""
    remote = _get(run.dav, href, action.name)
    assert action.doc is not None  # noqa: S101
    if remote is None:
        fresh = Action("create", action.name, action.record, doc=action.doc)
    elif not remote.ours:
        raise errors.PreconditionFailed(run.dav.url(href), url=run.dav.url(href))
    elif run.newer(remote.commit):  # a newer commit's sync wrote it meanwhile: keep that
        _kept(run, action, remote)
        return None
    else:
        fresh = decide_fetched(action.name, action.doc, remote)
    if fresh.kind == "unchanged":
        run.outcome.unchanged += 1
        return _known(fresh, fresh.etag, fresh.commit)
    return _put(run, href, fresh, retry=False)


def _delete(run: _Run, href: str, action: Action) -> None:
    for attempt in range(2):
        response = run.write("DELETE", href, b"", {"If-Match": action.etag})
        if response.status in (200, 204, 404):
            run.outcome.deleted.append(action.record)
            run.outcome.unsure |= response.status == 404
            return
        if response.status != 412 or attempt:
            _fail(response, run.dav.url(href))
        remote = _get(run.dav, href, action.name)
        if remote is None:
            run.outcome.deleted.append(action.record)
            run.outcome.unsure = True
            return
        if not remote.ours:  # someone else's now: a conflict, left alone
            raise errors.PreconditionFailed(run.dav.url(href), url=run.dav.url(href))
        if run.newer(remote.commit):
            _kept(run, action, remote)
            return
        action = Action("delete", action.name, action.record, etag=remote.etag)


def _kept(run: _Run, action: Action, remote: Remote) -> None:
    """Leave an event a newer commit wrote (and, the caller sees, the rest of the calendar)."""
    run.outcome.kept.append(action.record)
    run.outcome.newer = remote.commit


def _get(dav: Dav, href: str, name: str) -> Remote | None:
    response = dav.send("GET", href)
    if response.status == 404:
        return None
    if response.status != 200:
        _fail(response, dav.url(href))
    return read_remote(name, _etag(response) or "", response.body)


def _etag(response: Response) -> str | None:
    for key, value in response.headers.items():
        if key.lower() == "etag" and not value.startswith("W/"):
            return value
    return None


def _known(action: Action, etag: str | None, commit: Commit | None) -> Known | None:
    """The cache entry for an event we wrote or checked, and the commit it now says."""
    if action.doc is None or not etag:
        return None
    return Known(etag, action.doc.content_hash, action.sequence, action.doc.schedule_key,
                 commit)


def _fail(response: Response, href: str) -> None:
    expect(response, 200, 201, 204, href=href)
