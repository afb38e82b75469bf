"""How the benchmark says the first-push target: medians, and the turns they come from."""

from __future__ import annotations

from bench.steps import Step
from bench.syncbench import SyncRow
from bench.targets import sync_targets


def _push(seconds: float, server: float) -> Step:
    return Step(seconds, requests=981, writes=978, puts=978, server=server)


def test_the_first_push_is_judged_on_medians_and_shown_turn_by_turn() -> None:
    row = SyncRow("radicale", 1000, 978)
    row.turns = [(_push(32.70, 30.55), _push(33.68, 31.00)),
                 (_push(34.74, 32.41), _push(34.33, 31.49)),
                 (_push(34.86, 32.56), _push(35.09, 32.26))]
    row.kpss["first"], row.vdir["first"] = row.turns[1][0], row.turns[1][1]
    lines = sync_targets([row])
    assert lines[0].startswith("- **missed**: first push no slower than vdirsyncer's")
    assert "34.7 s vs 34.3 s" in lines[0]
    assert lines[1] == ("- turn by turn (radicale, 978 events): our first push the faster in 2 "
                        "of 3 turns (ours minus vdirsyncer's: -0.98, +0.41, -0.23 s), our own "
                        "share the smaller in 3 of 3")


def test_one_turn_gives_no_turn_by_turn_line() -> None:
    row = SyncRow("xandikos", 100, 98)
    row.turns = [(_push(1.5, 1.0), _push(1.6, 0.9))]
    row.kpss["first"], row.vdir["first"] = row.turns[0]
    lines = sync_targets([row])
    assert [line.split(":")[0] for line in lines] == ["- met"]
