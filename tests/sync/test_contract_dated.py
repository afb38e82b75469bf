"""Dated items through the same sync, against every server: all-day events whose DTEND is the
day after the last day (RFC 5545 §3.6.1), updated in place when their dates change, removed
when their record is, beside the meetings of the same calendar."""

from __future__ import annotations

import datetime as dt

import icalendar

from tests.sync.sandbox import Sandbox, assert_in_place

ITEM = "2022-10-17-mpsv-dotace-2023"


def _dated(sandbox: Sandbox, end: str) -> None:
    calendar = sandbox.root / "records" / "calendars" / f"{sandbox.ids['rps']}.yaml"
    text = calendar.read_text(encoding="utf-8")
    if "kinds:" not in text:
        calendar.write_text(text + "kinds:\n  - meeting\n  - dated\n", encoding="utf-8")
    folder = sandbox.root / "records" / "dates"
    folder.mkdir(exist_ok=True)
    (folder / f"{ITEM}.yaml").write_text(
        f"id: {ITEM}\ntype: call\ntitle: Podávání žádostí o dotace MPSV na rok 2023\n"
        f'start: "2022-10-17"\nend: "{end}"\nreported_at: 2022-08-31-rps\n'
        f"calendars:\n  - {sandbox.ids['rps']}\n", encoding="utf-8")


def _event(sandbox: Sandbox) -> icalendar.Event:
    found = [e for e in sandbox.ours("rps").values() if e.uid == f"{ITEM}@kpss"]
    assert len(found) == 1
    return found[0].vevent


def test_a_dated_item_is_an_all_day_event_kept_in_step(sandbox: Sandbox) -> None:
    _dated(sandbox, "2022-11-16")
    result = sandbox.run()
    assert result.code == 0, result.err
    sandbox.assert_converged()
    event = _event(sandbox)
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (dt.date(2022, 10, 17),
                                                                  dt.date(2022, 11, 17))
    assert not any(e.uid == f"{ITEM}@kpss" for e in sandbox.ours("ps-seniori").values())

    _dated(sandbox, "2022-11-30")  # the window is extended: the same event, moved
    result = sandbox.run()
    assert result.code == 0, result.err
    assert_in_place(result)
    sandbox.assert_converged()
    event = _event(sandbox)
    assert event.decoded("DTEND") == dt.date(2022, 12, 1)
    assert int(event["SEQUENCE"]) == 1  # the time changed (RFC 5545 §3.8.7.4)

    (sandbox.root / "records" / "dates" / f"{ITEM}.yaml").unlink()
    result = sandbox.run()
    assert result.code == 0, result.err
    sandbox.assert_converged()
