"""The real records/ lint with no errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lint import engine
from lint.problem import Severity

ROOT = Path(__file__).resolve().parent.parent


def test_records_have_no_errors() -> None:
    result = engine.run(ROOT, today=dt.date.today(), jobs=1)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert errors == []
    assert result.files > 50


def test_parallel_and_serial_runs_agree() -> None:
    serial = engine.run(ROOT, today=dt.date(2022, 9, 1), jobs=1)
    parallel_engine = engine.PARALLEL_FROM
    try:
        engine.PARALLEL_FROM = 1
        parallel = engine.run(ROOT, today=dt.date(2022, 9, 1), jobs=2)
    finally:
        engine.PARALLEL_FROM = parallel_engine
    assert parallel.problems == serial.problems
