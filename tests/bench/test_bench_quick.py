"""The quick benchmark, end to end, once: so the benchmark itself cannot rot. No timings are
asserted, only that every tool ran and did what it was asked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

TOOLS = ("check-jsonschema", "yamllint", "vdirsyncer")
pytestmark = pytest.mark.bench


def _missing() -> list[str]:
    here = Path(sys.executable).parent
    return [tool for tool in TOOLS if not (here / tool).exists()]


@pytest.mark.skipif(bool(_missing()), reason=f"needs {', '.join(TOOLS)} (nox -s tests has them)")
def test_quick_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--json", str(figures),
                           "--work", str(tmp_path / "work")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "### Lint" in done.stdout
    assert "### Sync" in done.stdout
    assert "### Site" in done.stdout
    data = json.loads(figures.read_text(encoding="utf-8"))
    _lint(data)
    _sync(data)
    [site] = data["site"]
    assert site["code"] == 0
    assert 0 < site["largest_bytes"] < 100 * 1024
    assert f"`{site['largest']}`" in done.stdout


def _lint(data: dict) -> None:
    [row] = data["lint"]
    codes = {tool: run["code"] for tool, run in row["results"].items()}
    assert codes["lint"] == 0
    assert codes["check-jsonschema"] == 0
    assert codes["floor"] == 0
    assert codes["yamllint"] in (0, 1)  # its default style rules complain about long lines
    assert data["broken"]["run"]["code"] == 1
    assert any(key.startswith("rule ") for key in data["phases"])


def _sync(data: dict) -> None:
    rows = {row["server"]: row for row in data["sync"]}
    assert set(rows) == {"radicale", "xandikos"}
    for row in rows.values():
        ours, theirs = row["kpss"], row["vdir"]
        assert all(step["code"] == 0 for name, step in ours.items() if name != "killed")
        assert ours["first"]["puts"] == row["events"]
        assert ours["noop"]["writes"] == 0
        assert ours["change"]["puts"] == 2  # one changed, one added (and one DELETE)
        assert ours["killed"]["puts"] + ours["resumed"]["puts"] == row["events"]
        assert [pair[0]["puts"] for pair in row["turns"]] == [row["events"]]  # --quick: 1 turn
        assert all(step["code"] == 0 for step in theirs.values())
        assert theirs["first"]["puts"] == row["events"]
        assert theirs["stateless"]["writes"] == 0
        assert theirs["noop"]["writes"] == 0
        for first in (ours["first"], theirs["first"]):  # the server's share, timed by the proxy
            assert 0 < first["server"] < first["seconds"]
