"""`--help` of `python -m lint` and `python -m edit` (every subcommand): Czech throughout,
English with `--lang en`, and no option without its help text."""

from __future__ import annotations

import argparse
import re

import pytest

import edit.cli
import lint.cli
from edit.arguments import COMMANDS, NEW, build

ENGLISH_ARGPARSE = re.compile(r"usage:|options:|positional arguments|show this help")
CZECH_ARGPARSE = re.compile(r"použití:|volby:|argumenty:|zobrazí tuto nápovědu")
HELPS = [["--help"], *([*cmd, "--help"] for cmd in (
    *(["new", kind] for kind in NEW), *([command] for command in COMMANDS), ["new"]))]


def _help(main: object, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exc:
        main(argv)  # type: ignore[operator]
    assert exc.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("argv", HELPS, ids=" ".join)
def test_edit_help_in_czech_and_english(argv: list[str],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    czech = _help(edit.cli.main, argv, capsys)
    assert CZECH_ARGPARSE.search(czech)
    assert not ENGLISH_ARGPARSE.search(czech), czech
    english = _help(edit.cli.main, [*argv, "--lang", "en"], capsys)
    assert ENGLISH_ARGPARSE.search(english)
    assert not CZECH_ARGPARSE.search(english), english
    assert "RRRR" not in english
    assert "SLOŽKA" not in english


def test_lint_help_in_czech_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    czech = _help(lint.cli.main, ["--help"], capsys)
    english = _help(lint.cli.main, ["--help", "--lang", "en"], capsys)
    assert "Zkontroluje záznamy" in czech
    assert not ENGLISH_ARGPARSE.search(czech), czech
    assert "Checks the records" in english
    assert not CZECH_ARGPARSE.search(english), english
    assert not re.search("[áčďéěíňóřšťúůýž]", english), english


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _actions(sub)
        else:
            found.append(action)
    return found


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_every_option_has_help(lang: str) -> None:
    parsers = [build(lang), lint.cli._parser(lang)]
    missing = [a.option_strings or a.dest for p in parsers for a in _actions(p) if not a.help]
    assert missing == []


def test_usage_errors_in_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, word in ((["--today", "31.8.2022"], "chyba"),
                       (["--today", "31.8.2022", "--lang", "en"], "error")):
        with pytest.raises(SystemExit) as exc:
            lint.cli.main(argv)
        assert exc.value.code == 2
        assert f"python -m lint: {word}: " in capsys.readouterr().err
