"""Where lint's time goes: the steps of `lint.engine.run`, timed one by one in a cold process.

    python -m bench.phases ROOT [--jobs N]    (prints JSON: seconds per step and per rule)
"""

from __future__ import annotations

import time

_START = time.perf_counter()

import argparse  # noqa: E402 - the imports are what the first step times
import datetime as dt  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
from pathlib import Path  # noqa: E402

from bench.schedule import TODAY  # noqa: E402
from lint import engine  # noqa: E402
from lint.discover import discover  # noqa: E402
from lint.rules import RULES  # noqa: E402


def phases(root: Path, jobs: int, today: dt.date) -> dict[str, float]:
    """Seconds per step, and per rule as `rule <name>`."""
    took: dict[str, float] = {"imports": time.perf_counter() - _START}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        took[name] = took.get(name, 0.0) + now - clock
        clock = now

    with engine.without_gc():
        sources, _found = discover(root, root / "records")
        lap("discover")
        checked = engine.check_files(sources, root / "schemas", jobs)
        lap("read, parse, schema")
        repository = engine.build_repository(checked, today)
        lap("model")
        for rule in RULES:
            list(rule.check(repository))
            lap(f"rule {rule.NAME}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.phases")
    parser.add_argument("root", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    print(json.dumps(phases(args.root, args.jobs, TODAY)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
