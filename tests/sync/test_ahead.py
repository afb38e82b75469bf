"""Bodies rendered one ahead in a worker thread while a PUT is with the server (sync/apply.py),
and the Dav telling when a request has been sent (sync/transport.py)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import pytest

from sync.apply import _Ahead
from sync.commits import Commit
from sync.plan import Action
from sync.protocol import Dav
from sync.settings import ENV_PASSWORD, ENV_URL, ENV_USER, Settings
from tests.sync.sandbox import FOREIGN_EVENT, Sandbox

radicale = pytest.mark.parametrize("server", ["radicale"], indirect=True)

COMMIT = Commit("abc1234", dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC))


@dataclass
class Doc:
    """Stands in for an EventDoc: records who rendered it, with what, in which thread."""

    name: str
    log: list[tuple[str, str]]
    fail: bool = False
    calls: list[tuple[int, str | None, dt.datetime | None]] = field(default_factory=list)

    def render(self, sequence: int, commit: str | None = None,
               committed: dt.datetime | None = None) -> bytes:
        self.log.append((self.name, threading.current_thread().name))
        self.calls.append((sequence, commit, committed))
        if self.fail:
            raise ValueError(self.name)
        return f"{self.name}:{sequence}".encode()


def _action(kind: str, name: str, log: list[tuple[str, str]], **kwargs: Any) -> Action:
    doc = Doc(name, log, **kwargs)
    return Action(kind, name, name, sequence=len(name), doc=cast(Any, doc))


def test_each_body_is_rendered_once_in_the_worker_and_at_most_one_ahead() -> None:
    log: list[tuple[str, str]] = []
    actions = [_action("create", "a", log), _action("unchanged", "skip", log),
               _action("update", "bb", log), _action("delete", "gone", log),
               _action("create", "ccc", log)]
    writes = [a for a in actions if a.kind in ("create", "update")]
    with _Ahead(actions, COMMIT) as ahead:
        bodies = []
        for taken, action in enumerate(writes, start=1):
            bodies.append(ahead.body(action))
            # This body and at most the next one: never further ahead.
            assert len(log) <= taken + 1
    assert bodies == [b"a:1", b"bb:2", b"ccc:3"]
    assert [name for name, _thread in log] == ["a", "bb", "ccc"]  # none twice, none skipped
    assert all(thread.startswith("kpss-render") for _name, thread in log)
    assert cast(Doc, writes[0].doc).calls == [(1, COMMIT.sha, COMMIT.time)]


def test_an_action_out_of_turn_is_rendered_then_and_the_next_still_waits() -> None:
    log: list[tuple[str, str]] = []
    first, second = _action("create", "a", log), _action("create", "bb", log)
    again = _action("update", "a", log)  # what a 412 turns the first action into
    with _Ahead([first, second], None) as ahead:
        assert ahead.body(first) == b"a:1"
        assert ahead.body(again) == b"a:1"
        assert ahead.body(second) == b"bb:2"
    assert sorted(name for name, _thread in log) == ["a", "a", "bb"]
    assert cast(Doc, again.doc).calls == [(1, None, None)]


def test_a_failing_render_reaches_the_caller() -> None:
    log: list[tuple[str, str]] = []
    broken = _action("create", "a", log, fail=True)
    with _Ahead([broken], None) as ahead, pytest.raises(ValueError, match="a"):
        ahead.body(broken)


class Told:
    """Stands in for a Dav whose HTTP library tells (or not) when a request has been sent."""

    def __init__(self, *, can: bool = True) -> None:
        self.can = can
        self.callback: Callable[[], None] | None = None

    def tell_when_sent(self, callback: Callable[[], None] | None) -> bool:
        self.callback = callback if self.can else None
        return self.can


def test_the_next_body_waits_until_the_request_before_it_has_been_sent() -> None:
    log: list[tuple[str, str]] = []
    first, second, third = (_action("create", n, log) for n in ("a", "bb", "ccc"))
    dav = Told()
    with _Ahead([first, second, third], None, cast(Any, dav)) as ahead:
        assert ahead.body(first) == b"a:1"
        assert [name for name, _ in log] == ["a"]  # "bb" waits: "a" is being sent
        assert dav.callback is not None
        dav.callback()  # the PUT with "a" is out; its answer is not in yet
        assert ahead.body(second) == b"bb:2"
        assert ahead.body(third) == b"ccc:3"  # nobody told: rendered when asked for
    assert dav.callback is None  # told to stop at the end
    assert [name for name, _ in log] == ["a", "bb", "ccc"]
    assert all(thread.startswith("kpss-render") for _name, thread in log)


def test_where_the_library_cannot_tell_the_next_body_is_rendered_at_once() -> None:
    log: list[tuple[str, str]] = []
    first, second = _action("create", "a", log), _action("create", "bb", log)
    with _Ahead([first, second], None, cast(Any, Told(can=False))) as ahead:
        assert ahead.body(first) == b"a:1"
        for _ in range(1000):  # the worker starts on "bb" by itself (bounded wait)
            if len(log) == 2:
                break
            threading.Event().wait(0.005)
        assert [name for name, _ in log] == ["a", "bb"]
        assert ahead.body(second) == b"bb:2"


@radicale
def test_the_dav_tells_when_a_put_is_sent_before_its_answer_comes(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    held = sandbox.proxy.add("hold", method="PUT", times=3)
    told: list[int] = []

    def sent() -> None:  # the proxy holds each answer until this lets it go
        told.append(held.released)
        held.release.set()

    env = sandbox.env()
    settings = Settings(env[ENV_URL], env[ENV_USER], env[ENV_PASSWORD])
    base = sandbox.path("rps")
    with Dav(settings) as dav:
        assert dav.tell_when_sent(sent)
        for number in range(3):
            body = FOREIGN_EVENT.replace("{UID}", f"held-{number}@example.org")
            reply = dav.send("PUT", f"{base}held-{number}.ics", body.encode(),
                             {"Content-Type": "text/calendar", "If-None-Match": "*"})
            assert reply.status == 201
        assert not dav.tell_when_sent(None)
        body = FOREIGN_EVENT.replace("{UID}", "untold@example.org")
        assert dav.send("PUT", f"{base}untold.ics", body.encode(),
                        {"Content-Type": "text/calendar"}).status == 201
    assert told == [0, 1, 2]  # once per PUT, each while its answer was still held
    assert held.released == 3


def test_a_session_without_the_upload_hook_is_not_asked_for_it() -> None:
    # caldav falls back to requests when niquests is missing; requests knows only "response".
    with Dav(Settings("http://127.0.0.1:9/dav/", "kpss-sync", "heslo")) as dav:
        assert dav.tell_when_sent(lambda: None)  # niquests, as installed
        dav.client.session.hooks = {"response": []}
        assert not dav.tell_when_sent(lambda: None)
        assert not dav.tell_when_sent(None)
