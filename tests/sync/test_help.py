"""`python -m sync` speaks Czech in argparse's own words too (usage, errors), English with
--lang en; its exit code for a usage error is 2 (configuration), as documented."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(("args", "words"), [
    (["--bogus"], ("použití:", "chyba: neznámé argumenty: --bogus")),
    (["--lang", "en", "--bogus"], ("usage:", "error: unrecognized arguments: --bogus")),
    (["ics", "--bogus"], ("použití:", "chyba:")),
])
def test_usage_errors_in_the_readers_language(args: list[str], words: tuple[str, ...]) -> None:
    done = subprocess.run([sys.executable, "-m", "sync", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 2
    for word in words:
        assert word in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_help_is_czech() -> None:
    done = subprocess.run([sys.executable, "-m", "sync", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("použití:")
    assert "volby:" in done.stdout
    assert "show this help" not in done.stdout


@pytest.mark.parametrize("command", [[], ["ics"], ["serve"], ["site"]])
def test_help_is_english_with_lang_en(command: list[str]) -> None:
    czech = subprocess.run([sys.executable, "-m", "sync", *command, "--help"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60, check=False)
    done = subprocess.run([sys.executable, "-m", "sync", *command, "--help", "--lang", "en"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("usage:")
    assert re.search("[áčďéěíňóřšťúůýž]", done.stdout, re.IGNORECASE) is None, done.stdout
    assert re.search("[áčďéěíňóřšťúůýž]", czech.stdout, re.IGNORECASE) is not None
