"""The command line of `python -m edit`, with argparse's own words in Czech."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from edit.entities import ORGANISATION_KINDS
from edit.messages import LANGUAGES, say

_CZECH = (
    ("usage:", "použití:"), ("positional arguments:", "argumenty:"), ("options:", "volby:"),
    ("show this help message and exit", "zobrazí tuto nápovědu a skončí"),
    ("the following arguments are required:", "chybí povinné argumenty:"),
    ("invalid choice:", "neplatná volba:"), ("choose from", "vyberte z"),
    ("unrecognized arguments:", "neznámé argumenty:"),
    ("expected one argument", "očekávána jedna hodnota"), ("argument ", "argument "),
)
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


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


def language(argv: Sequence[str]) -> str:
    """The --lang given anywhere in argv (parsers need it before parsing)."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return "cs"


def _date(lang: str) -> Callable[[str], dt.date]:
    def parse(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(say("bad-date", lang, value=value)) from None
    return parse


def _time(lang: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if not _TIME.fullmatch(value):
            raise argparse.ArgumentTypeError(say("bad-time", lang, value=value))
        return value
    return parse


def _common(lang: str) -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--root", type=Path, default=Path.cwd(), metavar="SLOŽKA",
                        help="kořen repozitáře (výchozí: aktuální složka)")
    common.add_argument("--lang", choices=LANGUAGES, default="cs", help="jazyk hlášení")
    common.add_argument("--today", type=_date(lang), default=None, metavar="RRRR-MM-DD",
                        help="dnešní datum, pro zkoušky")
    return common


Option = tuple[str, dict[str, Any]]
ID, DATE, TIME = {"metavar": "ID"}, {"metavar": "RRRR-MM-DD"}, {"metavar": "HH:MM"}
MEETING: Option = ("--meeting", {**ID, "required": True,
                                 "help": "id jednání, např. 2022-10-19-rps"})
DECISION: list[Option] = [
    ("--meeting", {**ID, "required": True, "help": "id jednání, které ho přijalo"}),
    ("--text", {"required": True, "help": "znění podle zápisu"}),
    ("--group", {**ID, "help": "skupina (jen u jednání více skupin)"}),
    ("--item", {"type": int, "metavar": "ČÍSLO", "help": "číslo bodu programu (od 1)"}),
    ("--name", {"metavar": "NÁZEV", "help": "krátký název do id (výchozí: první slova textu)"}),
]
NEW: dict[str, tuple[str, list[Option]]] = {
    "meeting": ("plánované jednání skupiny", [
        ("--group", {**ID, "required": True, "help": "id skupiny, např. rps"}),
        ("--date", {**DATE, "required": True, "type": "date", "help": "datum jednání"}),
        ("--time", {**TIME, "type": "time", "help": "začátek (výchozí: obvyklý)"}),
        ("--end", {**TIME, "type": "time", "help": "konec (výchozí: obvyklý)"}),
        ("--venue", {**ID, "help": "id místa (výchozí: obvyklé místo skupiny)"}),
        ("--room", {"help": "místnost, např. 209"}),
        ("--title", {"help": "název jednání (výchozí: Jednání <zkratka skupiny>)"}),
    ]),
    "minutes": ("zápis z proběhlého jednání", [MEETING]),
    "person": ("osoba", [
        ("--name", {"required": True, "help": 'jméno, např. "Jana Nováková"'}),
        ("--organisation", {**ID, "help": "id organizace, kterou zastupuje"}),
        ("--id", {"help": "vlastní id (výchozí: ze jména, např. jana-novakova)"}),
    ]),
    "organisation": ("organizace", [
        ("--name", {"required": True, "help": "celý název"}),
        ("--abbreviation", {"help": "zkratka ze zápisů, např. OCHL"}),
        ("--kind", {"choices": ORGANISATION_KINDS, "help": "druh organizace"}),
        ("--id", {"help": "vlastní id (výchozí: ze zkratky nebo názvu)"}),
    ]),
    "task": ("úkol z jednání", [*DECISION,
        ("--assignee", {**ID, "action": "append", "default": [],
                        "help": "id odpovědné osoby nebo organizace (lze opakovat)"}),
        ("--due", {**DATE, "type": "date", "help": "termín splnění"}),
    ]),
    "decision": ("usnesení jednání", DECISION),
}
COMMANDS: dict[str, tuple[str, list[Option]]] = {
    "cancel": ("zrušit plánované jednání", [
        MEETING, ("--reason", {"required": True, "help": "důvod zrušení (uvidí ho odběratelé)"}),
    ]),
    "postpone": ("přesunout jednání na jiný den", [
        MEETING, ("--date", {**DATE, "required": True, "type": "date", "help": "nové datum"}),
        ("--time", {**TIME, "type": "time", "help": "nový začátek (výchozí: dosavadní)"}),
        ("--end", {**TIME, "type": "time", "help": "nový konec (výchozí: se stejnou délkou)"}),
    ]),
    "format": ("sjednotit formát záznamů", [
        ("paths", {"nargs": "*", "metavar": "CESTA", "help": "soubory či složky (records/)"}),
        ("--check", {"action": "store_true",
                     "help": "nic neměnit, jen vypsat rozdíly (exit 1, pokud nějaké jsou)"}),
    ]),
    "codequality": ("JSON z python -m lint --format json → GitLab Code Quality", []),
}


def _add(commands: argparse._SubParsersAction[Parser], name: str,
         command: tuple[str, list[Option]], common: Parser, lang: str) -> None:
    label, options = command
    parser = commands.add_parser(name, parents=[common], help=label, description=label)
    types = {"date": _date(lang), "time": _time(lang)}
    for flag, spec in options:
        kind = spec.get("type")
        parser.add_argument(flag, **({**spec, "type": types[kind]} if isinstance(kind, str)
                                     else spec))


def build(lang: str) -> Parser:
    """The whole command line; edit.cli dispatches on `command` (and `what` for `new`)."""
    Parser.czech = lang != "en"
    common = _common(lang)
    parser = Parser(prog="python -m edit",
                    description="Založí nebo upraví záznam (jednání, zápis, osobu, ...) a "
                                "udržuje jednotný formát souborů v records/.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="PŘÍKAZ")
    new = commands.add_parser("new", help="založit nový záznam")
    kinds = new.add_subparsers(dest="what", required=True, metavar="DRUH")
    for name, command in NEW.items():
        _add(kinds, name, command, common, lang)
    for name, command in COMMANDS.items():
        _add(commands, name, command, common, lang)
    return parser
