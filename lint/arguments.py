"""argparse in the reader's language: its own words (usage, options, errors) in Czech unless
`--lang en` (the help texts themselves are in messages/). Shared by `python -m lint`,
`python -m edit`, `python -m sync` and `python -m web`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from messages import LANGUAGES

_CZECH = (
    ("usage:", "použití:"), ("positional arguments:", "argumenty:"), ("options:", "volby:"),
    ("show this help message and exit", "zobrazí tuto nápovědu a skončí"),
    ("the following arguments are required:", "chybí povinné argumenty:"),
    ("invalid choice:", "neplatná volba:"), ("choose from", "vyberte z"),
    ("unrecognized arguments:", "neznámé argumenty:"),
    ("expected one argument", "očekávána jedna hodnota"),
    ("ambiguous option:", "nejednoznačná volba:"), ("could match", "může znamenat"),
    ("not allowed with argument", "nelze spolu s argumentem"),
    ("invalid int value:", "není celé číslo:"), ("invalid Path value:", "není cesta:"),
    ("invalid fromisoformat value:", "není datum ve tvaru RRRR-MM-DD:"),
)


def language(argv: Sequence[str]) -> str:
    """The --lang given anywhere in argv, `cs` unless it is one of messages.LANGUAGES (the parser
    needs it before parsing, for its help texts; argparse itself then refuses any other)."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return _known(arg.split("=", 1)[1])
        if arg == "--lang" and index + 1 < len(argv):
            return _known(argv[index + 1])
    return "cs"


def _known(lang: str) -> str:
    return lang if lang in LANGUAGES else "cs"


class Parser(argparse.ArgumentParser):
    """argparse with its usage, headings and errors in Czech (unless --lang en)."""

    czech = True

    def _cs(self, text: str) -> str:
        if self.czech:
            for english, czech in _CZECH:
                text = text.replace(english, czech)
        return text

    def format_help(self) -> str:
        return self._cs(super().format_help())

    def format_usage(self) -> str:
        return self._cs(super().format_usage())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        word = "chyba" if self.czech else "error"
        self.exit(2, f"{self.prog}: {word}: {self._cs(message)}\n")


def parser_for(lang: str, **kwargs: object) -> Parser:
    """A parser speaking `lang` (its subparsers too: the class attribute is shared)."""
    Parser.czech = lang != "en"
    return Parser(**kwargs)  # type: ignore[arg-type]
