"""The issue's targets, each said as met or missed with the measured figure."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bench.lintbench import LintRow
from bench.syncbench import SyncRow

REFERENCE_MEETINGS = 10_000
CHANGES = 3


def _line(met: bool, text: str) -> str:
    return f"- {'met' if met else '**missed**'}: {text}"


def lint_targets(rows: Sequence[LintRow]) -> list[str]:
    if not rows:
        return []
    row = min(rows, key=lambda r: abs(r.meetings - REFERENCE_MEETINGS))
    r = row.results
    lint, floor, schema = r["lint"].seconds, r["floor"].seconds, r["check-jsonschema"].seconds
    at = f"at {row.meetings:,} meetings"
    lines = [
        _line(lint * 8 <= schema, f"lint ≤ ⅛ of check-jsonschema {at}: {lint:.2f} s vs "
                                  f"{schema:.2f} s (1/{schema / lint:.1f})"),
        _line(lint <= 2 * floor, f"lint within 2× of the parse-only floor {at}: "
                                 f"{lint:.2f} s vs {floor:.2f} s ({lint / floor:.2f}×)"),
        _line(r["lint"].peak_mb < 300, f"peak memory under 300 MB {at}: "
                                       f"{r['lint'].peak_mb:.0f} MB"),
    ]
    if len(rows) > 2:
        slopes = _marginal(rows)
        spread = max(slopes) / min(slopes)
        text = ", ".join(f"{s * 1000:.3f} s" for s in slopes)
        lines.append(_line(spread < 1.5, "time linear in N: the cost of 1,000 more meetings "
                                         f"between the sizes is {text} (within "
                                         f"{(spread - 1) * 100:.0f} %)"))
    return lines


def _marginal(rows: Sequence[LintRow]) -> list[float]:
    """Seconds per meeting added between consecutive sizes (start-up cancels out)."""
    ordered = sorted(rows, key=lambda r: r.meetings)
    return [(b.results["lint"].seconds - a.results["lint"].seconds) / (b.meetings - a.meetings)
            for a, b in itertools.pairwise(ordered)]


def sync_targets(rows: Sequence[SyncRow]) -> list[str]:
    lines: list[str] = []
    for row in rows:
        lines += _sync_row(row)
    return lines


def _sync_row(row: SyncRow) -> list[str]:
    at = f"{row.server}, {row.events:,} events"
    return [*_noop(row, at), *_change(row, at), *_first(row, at)]


def _noop(row: SyncRow, at: str) -> list[str]:
    if "noop" not in row.kpss:
        return []
    noop = row.kpss["noop"]
    lines = [_line(noop.calendar <= 2 and noop.writes == 0,
                   f"no-op ≤ 2 requests for the calendar and no writes ({at}): "
                   f"{noop.calendar} to the calendar + {noop.requests - noop.calendar} "
                   f"to find it ({noop.methods}), {noop.writes} writes")]
    if "stateless" in row.vdir:
        other = row.vdir["stateless"].seconds
        lines.append(_line(noop.seconds * 4 <= other,
                           f"no-op in ≤ ¼ of vdirsyncer's stateless no-op ({at}): "
                           f"{noop.seconds:.2f} s vs {other:.2f} s"))
    return lines


def _change(row: SyncRow, at: str) -> list[str]:
    if "change" not in row.kpss:
        return []
    change = row.kpss["change"]
    return [_line(change.requests <= CHANGES + 3,
                  f"{CHANGES} changes in ≤ {CHANGES + 3} requests ({at}): "
                  f"{change.requests} ({change.methods})")]


def _first(row: SyncRow, at: str) -> list[str]:
    ours, theirs = row.kpss, row.vdir
    lines = []
    if "first" in ours and "first" in theirs:
        mine, other = ours["first"], theirs["first"]
        lines.append(_line(mine.seconds <= other.seconds,
                           f"first push no slower than vdirsyncer's ({at}): "
                           f"{mine.seconds:.1f} s vs {other.seconds:.1f} s; the tools' own "
                           f"share (the rest is the server's) {mine.own:.2f} s vs "
                           f"{other.own:.2f} s"))
    if len(row.turns) > 1:
        faster = sum(mine.seconds <= other.seconds for mine, other in row.turns)
        leaner = sum(mine.own <= other.own for mine, other in row.turns)
        gaps = ", ".join(f"{mine.seconds - other.seconds:+.2f}" for mine, other in row.turns)
        lines.append(f"- turn by turn ({at}): our first push the faster in {faster} of "
                     f"{len(row.turns)} turns (ours minus vdirsyncer's: {gaps} s), our own "
                     f"share the smaller in {leaner} of {len(row.turns)}")
    if "killed" in ours and "resumed" in ours:
        done, rest = ours["killed"].puts, ours["resumed"].puts
        lines.append(_line(done + rest == row.events,
                           f"interrupted first push resumes ({at}): killed after {done} "
                           f"PUTs, the next run made {rest} (of {row.events - done} left)"))
    return lines
