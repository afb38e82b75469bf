"""The benchmark's tables (Markdown, so they go into docs/bench.md as printed) and its checks of
the targets, which say met or missed and never fail the run."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import sys
from collections.abc import Mapping, Sequence

from bench.lintbench import LintRow, slope
from bench.measure import Run
from bench.steps import Step
from bench.syncbench import SyncRow

TOOLS_SHOWN = ("kpss", "check-jsonschema", "yamllint", "vdirsyncer", "radicale", "xandikos",
               "pyyaml", "jsonschema-rs")


def machine() -> list[str]:
    """Cores, CPU, Python and the versions of the tools compared."""
    versions = []
    for name in TOOLS_SHOWN:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [f"- machine: {os.cpu_count()} cores ({_cpu()}), {platform.system()} "
            f"{platform.release()}, load average at the end {load}",
            f"- Python {platform.python_version()} ({sys.executable})",
            f"- {', '.join(versions)}"]


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _cell(run: Run) -> str:
    return f"{run.seconds:.2f} s · {run.peak_mb:.0f} MB"


def lint_table(rows: Sequence[LintRow]) -> list[str]:
    lines = ["| meetings | files | floor (libyaml compose) | **lint** (schema + rules) | "
             "check-jsonschema (schema only) | yamllint | lint ÷ floor | "
             "check-jsonschema ÷ lint | yamllint ÷ lint |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        r = row.results
        lint = r["lint"].seconds
        lines.append(
            f"| {row.meetings:,} | {row.files:,} | {_cell(r['floor'])} | **{_cell(r['lint'])}** "
            f"| {_cell(r['check-jsonschema'])} | {_cell(r['yamllint'])} "
            f"| {lint / r['floor'].seconds:.2f} | {r['check-jsonschema'].seconds / lint:.1f} "
            f"| {r['yamllint'].seconds / lint:.1f} |")
    return lines


def lint_notes(rows: Sequence[LintRow]) -> list[str]:
    runs = ", ".join(f"N={r.meetings:,}: {_runs(r.runs)}" for r in rows)
    codes = ", ".join(f"N={r.meetings:,}: {_codes(r.results)}" for r in rows)
    lines = [f"- runs per cell (the median is shown; floor/lint/check-jsonschema/yamllint): "
             f"{runs}", f"- exit codes: {codes}"]
    if len(rows) > 1:
        per_k, intercept = slope(rows)
        per_meeting = ", ".join(f"{r.results['lint'].seconds / r.meetings * 1e6:.0f} µs"
                                for r in rows)
        lines.append(f"- lint time over N: slope {per_k:.3f} s per 1,000 meetings, intercept "
                     f"{intercept:.2f} s (least squares); per meeting {per_meeting}")
    return lines


def _runs(runs: Mapping[str, int]) -> str:
    return "/".join(str(n) for n in runs.values())


def _codes(results: Mapping[str, Run]) -> str:
    return " ".join(f"{name} {run.code}" for name, run in results.items())


def phases_table(phases: Mapping[str, float], top: int = 6) -> list[str]:
    steps = {k: v for k, v in phases.items() if not k.startswith("rule ")}
    rules = sorted(((v, k[5:]) for k, v in phases.items() if k.startswith("rule ")),
                   reverse=True)
    steps["rules (all)"] = sum(v for v, _k in rules)
    lines = ["| step | seconds |", "| --- | ---: |"]
    lines += [f"| {name} | {seconds:.3f} |" for name, seconds in steps.items()]
    lines += [f"| ↳ rule {name} | {seconds:.3f} |" for seconds, name in rules[:top]]
    return lines


def _step(result: Step | None, *, own: bool = False) -> str:
    if result is None:
        return "—"
    writes = f", {result.writes} writes" if result.writes else ""
    mine = f" (own {result.own:.2f} s)" if own else ""
    return f"{result.seconds:.2f} s{mine} · {result.requests} req ({result.calendar}){writes}"


def sync_table(rows: Sequence[SyncRow]) -> list[str]:
    lines = ["| server | events | first push: kpss | first push: vdirsyncer | no-op: **kpss** | "
             "no-op: vdirsyncer with status | no-op: vdirsyncer without status | "
             "vdirsyncer stateless ÷ kpss | 3 changes: kpss | killed → resumed: kpss |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        ours, theirs = row.kpss, row.vdir
        first = _step(ours.get("first"), own=True) if "first" in ours else \
            f"seeded; adopt: {_step(ours.get('adopt'))}"
        ratio = (theirs["stateless"].seconds / ours["noop"].seconds
                 if "stateless" in theirs and "noop" in ours else 0.0)
        lines.append(
            f"| {row.server} | {row.events:,} | {first} | {_step(theirs.get('first'), own=True)} "
            f"| **{_step(ours.get('noop'))}** | {_step(theirs.get('noop'))} "
            f"| {_step(theirs.get('stateless'))} | {ratio:.2f} | {_step(ours.get('change'))} "
            f"| {_resume(ours)} |")
    return lines


def _resume(ours: Mapping[str, Step]) -> str:
    if "killed" not in ours or "resumed" not in ours:
        return "—"
    killed, resumed = ours["killed"], ours["resumed"]
    return (f"{killed.puts} PUTs, killed → {resumed.puts} PUTs · {resumed.requests} req, "
            f"{resumed.seconds:.1f} s")
