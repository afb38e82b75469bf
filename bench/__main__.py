"""`python -m bench`: the lint and sync benchmarks in one run, printed as Markdown tables.

    python -m bench            # lint N = 1,000 / 10,000 / 50,000; sync N = 100 / 1,000 / 10,000
    python -m bench --quick    # lint N = 1,000; sync N = 100; one run each (what the tests run)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import lintbench, report, sitebench, syncbench, targets
from bench.events import before_requests
from bench.lintbench import LintRow
from bench.syncbench import SyncRow


@dataclasses.dataclass(frozen=True)
class Preset:
    lint: tuple[int, ...]
    sync: tuple[int, ...]
    runs: int


FULL = Preset(lint=(1_000, 10_000, 50_000), sync=(100, 1_000, 10_000), runs=3)
QUICK = Preset(lint=(1_000,), sync=(100,), runs=1)


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--lint-sizes", type=_sizes, help="e.g. 1000,10000,50000")
    parser.add_argument("--sync-sizes", type=_sizes, help="e.g. 100,1000,10000")
    parser.add_argument("--servers", default="radicale,xandikos")
    parser.add_argument("--runs", type=int, help="runs per measurement (the median is shown)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="keep corpora and servers here")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    preset = QUICK if args.quick else FULL
    lint_sizes = args.lint_sizes if args.lint_sizes is not None else preset.lint
    sync_sizes = args.sync_sizes if args.sync_sizes is not None else preset.sync
    runs = args.runs or preset.runs
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kpss-bench-") as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        lint_rows = lintbench.bench_lint(lint_sizes, runs, work, args.seed, _say)
        phases = _phases(work, lint_rows)
        broken = _broken(work, lint_rows, args.seed)
        site = [sitebench.measure(work / f"lint-{r.meetings}", work / f"site-{r.meetings}")
                for r in lint_rows]
        _say(f"site: largest page {max((r.largest_bytes for r in site), default=0) / 1024:.1f} kB")
        servers = [s for s in args.servers.split(",") if s]
        sync_rows = syncbench.bench_sync(sync_sizes, servers, runs=runs, work=work,
                                         seed=args.seed, say=_say)
        timing = _before_requests(work, sync_rows)
    lines = _report(lint_rows, phases, broken, sync_rows, timing, argv=argv, started=started)
    lines += ["", "### Site (`python -m web build`, largest page)", "", *sitebench.lines(site)]
    print("\n".join(lines))
    if args.json:
        figures = {**_figures(lint_rows, phases, broken, sync_rows, timing), "site": site}
        args.json.write_text(json.dumps(figures, indent=1, default=_plain), encoding="utf-8")
    return 0


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _phases(work: Path, rows: Sequence[LintRow]) -> dict[str, float]:
    """One cold run of bench.phases over the corpus nearest 10,000 meetings."""
    if not rows:
        return {}
    row = min(rows, key=lambda r: abs(r.meetings - targets.REFERENCE_MEETINGS))
    corpus = work / f"lint-{row.meetings}"
    done = subprocess.run([sys.executable, "-m", "bench.phases", str(corpus)],
                          capture_output=True, text=True, check=True, env=lintbench.environment())
    return {"meetings": row.meetings, **json.loads(done.stdout)}


def _broken(work: Path, rows: Sequence[LintRow], seed: int) -> dict[str, Any]:
    if not rows:
        return {}
    size = min(rows, key=lambda r: abs(r.meetings - targets.REFERENCE_MEETINGS)).meetings
    corpus, run = lintbench.broken_run(size, work, seed)
    return {"meetings": size, "broken": len(corpus.broken), "run": run}


def _before_requests(work: Path, rows: Sequence[SyncRow]) -> dict[int, dict[str, float]]:
    return {size: before_requests(work / f"sync-{size}") for size in {r.meetings for r in rows}}


def _report(lint_rows: Sequence[LintRow], phases: dict[str, float], broken: dict[str, Any],
            sync_rows: Sequence[SyncRow], timing: dict[int, dict[str, float]], *,
            argv: Sequence[str] | None, started: float) -> list[str]:
    command = shlex.join(["python", "-m", "bench", *(sys.argv[1:] if argv is None else argv)])
    lines = [f"## Benchmark (`{command}`, {time.perf_counter() - started:.0f} s)", "",
             *report.machine(), ""]
    if lint_rows:
        lines += ["### Lint", "", *report.lint_table(lint_rows), "", *report.lint_notes(lint_rows)]
        lines += _broken_line(broken)
        lines += ["", f"Where lint's time goes ({phases.get('meetings', 0):,} meetings, one cold "
                      "process, `python -m bench.phases`):", "",
                  *report.phases_table({k: v for k, v in phases.items() if k != "meetings"}),
                  "", *targets.lint_targets(lint_rows), ""]
    if sync_rows:
        lines += ["### Sync", "", *report.sync_table(sync_rows), "",
                  *(f"- our sync's own work at {n:,} meetings: the inputs fingerprint "
                    f"{t['fingerprint']:.2f} s (all a no-op computes); where records changed, "
                    f"lint {t['lint']:.2f} s, events and their hashes {t['events']:.2f} s"
                    for n, t in sorted(timing.items())),
                  "", *targets.sync_targets(sync_rows)]
    return lines


def _broken_line(broken: dict[str, Any]) -> list[str]:
    if not broken:
        return []
    run = broken["run"]
    return [f"- the variant with 1 % broken meetings ({broken['broken']} of "
            f"{broken['meetings']:,}): lint {run.seconds:.2f} s, {run.peak_mb:.0f} MB, "
            f"exit {run.code}"]


def _figures(*parts: Any) -> dict[str, Any]:
    lint_rows, phases, broken, sync_rows, timing = parts
    return {"lint": lint_rows, "phases": phases, "broken": broken, "sync": sync_rows,
            "before_requests": timing}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


if __name__ == "__main__":
    raise SystemExit(main())
