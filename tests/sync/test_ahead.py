"""Bodies rendered one ahead in a worker thread while a PUT is with the server (sync/apply.py)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Any, cast

import pytest

from sync.apply import _Ahead
from sync.commits import Commit
from sync.push import Action

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
