"""Carry out a calendar's plan with conditional writes, coping with races and lost answers.

Creates use `If-None-Match: *` and updates/deletes `If-Match` on the ETag we saw (RFC 7232
§3.1-3.2, RFC 4791 §5.3.2), so a concurrent change is never overwritten blindly. A 412 means
someone else got there first (another sync, a person, or our own create whose answer was lost
in a timeout): we read the resource again and decide once more, at most once per event.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sync import errors
from sync.dav import CALDAV, DAV, Dav, Response, expect, tag
from sync.plan import Known, Remote, State, read_remote
from sync.push import (
    ICS,
    STATE,
    Action,
    CalendarPlan,
    decide_fetched,
    same_prop,
)


@dataclass
class Outcome:
    """What one calendar's sync did."""

    id: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)


def apply(dav: Dav, plan: CalendarPlan, commit: str | None) -> Outcome:
    outcome = Outcome(plan.id)
    _calendar(dav, plan, outcome)
    base = plan.href if plan.href.endswith("/") else plan.href + "/"
    known: dict[str, Known] = {}
    for action in plan.actions:
        done = _event(dav, base + action.name, action, commit, outcome)
        if done is not None:
            known[action.name] = done
    state = State(known, plan.foreign)
    wrote = bool(outcome.created or outcome.updated or outcome.deleted)
    changed = state.encode() != plan.state.encode()
    if changed and (plan.state_supported or wrote) \
            and not dav.proppatch(plan.href, {STATE: state.encode()}):
        outcome.warnings.append("state")
    return outcome


def _calendar(dav: Dav, plan: CalendarPlan, outcome: Outcome) -> None:
    if not plan.exists:
        try:
            dav.mkcalendar(plan.href, plan.props)
        except (errors.Rejected, errors.Forbidden):
            # Refused because the calendar exists now (RFC 4791 §5.3.1.1 resource-must-be-null:
            # Radicale answers 409, Xandikos 403): another sync made it since we looked.
            if not _is_calendar(dav, plan.href):
                raise
        missing = _missing_props(dav, plan.href, plan.props)
        if missing:  # some servers ignore properties in MKCALENDAR; set them separately
            dav.proppatch(plan.href, missing)
            if _missing_props(dav, plan.href, plan.props):
                outcome.warnings.append("props")
    elif plan.props_to_set:
        dav.proppatch(plan.href, plan.props_to_set)
        if _missing_props(dav, plan.href, plan.props_to_set):
            outcome.warnings.append("props")


def _is_calendar(dav: Dav, href: str) -> bool:
    try:
        found = dav.propfind(href, [tag(DAV, "resourcetype")], depth=0)
    except errors.NotFound:
        return False
    types = [r.props.get(tag(DAV, "resourcetype")) for r in found]
    return any(t is not None and t.find(tag(CALDAV, "calendar")) is not None for t in types)


def _missing_props(dav: Dav, href: str, props: Mapping[str, str]) -> dict[str, str]:
    found = dav.propfind(href, list(props), depth=0)
    current = found[0] if found else None
    return {k: v for k, v in props.items()
            if current is None or not same_prop(k, (current.text(k) or "").strip(), v)}


def _event(dav: Dav, href: str, action: Action, commit: str | None,
           outcome: Outcome) -> Known | None:
    if action.kind == "unchanged":
        outcome.unchanged += 1
        return _known(action, action.etag)
    if action.kind == "delete":
        _delete(dav, href, action, outcome)
        return None
    return _put(dav, href, action, commit, outcome, retry=True)


def _put(dav: Dav, href: str, action: Action, commit: str | None, outcome: Outcome,
         *, retry: bool) -> Known | None:
    assert action.doc is not None  # noqa: S101 - creates and updates always carry a doc
    body = action.doc.render(action.sequence, commit)
    condition = {"If-None-Match": "*"} if action.kind == "create" else {"If-Match": action.etag}
    response = dav.send("PUT", href, body, {**ICS, **condition})
    if response.status in (200, 201, 204):
        (outcome.created if action.kind == "create" else outcome.updated).append(action.meeting)
        return _known(action, _etag(response))
    if response.status == 412 and retry:
        return _again(dav, href, action, commit, outcome)
    _fail(response, dav.url(href))
    return None  # pragma: no cover - _fail raises


def _again(dav: Dav, href: str, action: Action, commit: str | None,
           outcome: Outcome) -> Known | None:
    """The resource changed under us: read it and decide once more."""
    remote = _get(dav, href)
    assert action.doc is not None  # noqa: S101
    if remote is None:
        fresh = Action("create", action.name, action.meeting, doc=action.doc)
    elif not remote.ours:
        raise errors.PreconditionFailed(dav.url(href), url=dav.url(href))
    else:
        fresh = decide_fetched(action.name, action.doc, remote)
    if fresh.kind == "unchanged":
        outcome.unchanged += 1
        return _known(fresh, fresh.etag)
    return _put(dav, href, fresh, commit, outcome, retry=False)


def _delete(dav: Dav, href: str, action: Action, outcome: Outcome) -> None:
    for attempt in range(2):
        response = dav.send("DELETE", href, b"", {"If-Match": action.etag})
        if response.status in (200, 204, 404):
            outcome.deleted.append(action.meeting)
            return
        if response.status != 412 or attempt:
            _fail(response, dav.url(href))
        remote = _get(dav, href)
        if remote is None:
            outcome.deleted.append(action.meeting)
            return
        if not remote.ours:
            return
        action = Action("delete", action.name, action.meeting, etag=remote.etag)


def _get(dav: Dav, href: str) -> Remote | None:
    response = dav.send("GET", href)
    if response.status == 404:
        return None
    if response.status != 200:
        _fail(response, dav.url(href))
    return read_remote(href.rsplit("/", 1)[-1], _etag(response) or "", response.body)


def _etag(response: Response) -> str | None:
    for key, value in response.headers.items():
        if key.lower() == "etag" and not value.startswith("W/"):
            return value
    return None


def _known(action: Action, etag: str | None) -> Known | None:
    if action.doc is None or not etag:
        return None
    return Known(etag, action.doc.content_hash, action.sequence, action.doc.schedule_key)


def _fail(response: Response, href: str) -> None:
    expect(response, 200, 201, 204, href=href)
