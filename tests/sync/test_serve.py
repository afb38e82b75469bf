"""`python -m sync serve` (what `nox -s serve` runs): the server keeps its folder and port between
runs, so the addresses it printed once stay valid; a port in use is a clear message."""

from __future__ import annotations

import argparse
import re
import socket
from pathlib import Path

import pytest

from sync import errors
from sync.cli import main
from sync.radicale import free_port
from sync.serve import DEFAULT_DATA, data_folder

ROOT = Path(__file__).resolve().parents[2]
URL = re.compile(r"^    (http://127\.0\.0\.1:\d+/\S+)$", re.MULTILINE)


def serve_once(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["serve", "--once", "--root", str(ROOT), "--today", "2022-09-01", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_two_runs_keep_the_addresses_and_the_data(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    port = str(free_port())
    code, first, _ = serve_once(capsys, "--port", port, "--data", str(tmp_path))
    assert code == 0
    urls = URL.findall(first)
    assert urls
    assert all(f":{port}/kpss/" in u for u in urls)
    assert re.search(r"vytvořeno [1-9]", first)
    kept = sorted(p.name for p in tmp_path.rglob("*.ics"))
    assert kept
    code, second, _ = serve_once(capsys, "--port", port, "--data", str(tmp_path))
    assert code == 0
    assert URL.findall(second) == urls
    assert "nezměnily" in second  # the events from the first run were still there
    assert not re.search(r"vytvořeno [1-9]", second)
    assert sorted(p.name for p in tmp_path.rglob("*.ics")) == kept
    assert str(tmp_path) in second  # where the data are, to reset it


@pytest.mark.parametrize(("lang", "words"), [("cs", "jiný program"), ("en", "Another program")])
def test_a_port_in_use_is_a_message_and_exit_2(tmp_path: Path, lang: str, words: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, out, err = serve_once(capsys, "--port", str(port), "--data", str(tmp_path),
                                    "--lang", lang)
    assert code == errors.EXIT_USAGE
    assert words in err
    assert f"--port {port + 1}" in err
    assert "Traceback" not in err
    assert not out


def test_the_default_folder_is_in_the_repository_and_ignored_by_git() -> None:
    args = argparse.Namespace(data=None, root=ROOT)
    assert data_folder(args) == ROOT / DEFAULT_DATA
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert f"{DEFAULT_DATA}/" in ignored
