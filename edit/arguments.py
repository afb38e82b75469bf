"""The command line of `python -m edit`: every help text in Czech and English (lint.arguments
puts argparse's own words in the reader's language too)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from edit.entities import ORGANISATION_KINDS
from edit.generic import GENERIC, option, option_flag
from edit.messages import LANGUAGES, say
from lint.arguments import Bilingual, Parser, language, parser_for, pick

__all__ = ["Parser", "build", "language"]
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")

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
    common.add_argument("--root", type=Path, default=Path.cwd(),
                        metavar=pick(("SLOŽKA", "FOLDER"), lang),
                        help=pick(("kořen repozitáře (výchozí: aktuální složka)",
                                   "root of the repository (default: the current folder)"), lang))
    common.add_argument("--lang", choices=LANGUAGES, default="cs",
                        help=pick(("jazyk hlášení a nápovědy: cs, en",
                                   "language of messages and help: cs, en"), lang))
    common.add_argument("--today", type=_date(lang), default=None, metavar=pick(DATE_NAME, lang),
                        help=pick(("dnešní datum, pro zkoušky", "today's date, for trials"),
                                  lang))
    return common


Option = tuple[str, dict[str, Any]]
BILINGUAL = ("help", "metavar")
"""Keys of an option given as (Czech, English)."""
DATE_NAME: Bilingual = ("RRRR-MM-DD", "YYYY-MM-DD")
ID, DATE, TIME = {"metavar": ("ID", "ID")}, {"metavar": DATE_NAME}, {"metavar": ("HH:MM", "HH:MM")}
TEXT: dict[str, Any] = {"metavar": ("TEXT", "TEXT")}
MEETING: Option = ("--meeting", {**ID, "required": True,
                                 "help": ("id jednání, např. 2022-10-19-rps",
                                          "the meeting's id, e.g. 2022-10-19-rps")})
DECISION: list[Option] = [
    ("--meeting", {**ID, "required": True, "help": ("id jednání, které ho přijalo",
                                                    "id of the meeting that made it")}),
    ("--text", {**TEXT, "required": True, "help": ("znění podle zápisu",
                                                   "the wording of the minutes")}),
    ("--group", {**ID, "help": ("skupina (jen u jednání více skupin)",
                                "the group (only at a meeting of several groups)")}),
    ("--item", {"type": int, "metavar": ("ČÍSLO", "NUMBER"),
                "help": ("číslo bodu programu (od 1)", "number of the agenda item (from 1)")}),
    ("--name", {"metavar": ("NÁZEV", "NAME"),
                "help": ("krátký název do id (výchozí: první slova textu)",
                         "a short name for the id (default: the text's first words)")}),
]
NEW: dict[str, tuple[Bilingual, list[Option]]] = {
    "meeting": (("plánované jednání skupiny", "a planned meeting of a group"), [
        ("--group", {**ID, "required": True, "help": ("id skupiny, např. rps",
                                                      "the group's id, e.g. rps")}),
        ("--date", {**DATE, "required": True, "type": "date",
                    "help": ("datum jednání", "date of the meeting")}),
        ("--time", {**TIME, "type": "time", "help": ("začátek (výchozí: obvyklý)",
                                                     "start (default: the usual)")}),
        ("--end", {**TIME, "type": "time", "help": ("konec (výchozí: obvyklý)",
                                                    "end (default: the usual)")}),
        ("--venue", {**ID, "help": ("id místa (výchozí: obvyklé místo skupiny)",
                                    "the venue's id (default: the group's usual venue)")}),
        ("--room", {"metavar": ("MÍSTNOST", "ROOM"), "help": ("místnost, např. 209",
                                                              "the room, e.g. 209")}),
        ("--title", {**TEXT, "help": ("název jednání (výchozí: Jednání <zkratka skupiny>)",
                                      "the meeting's title (default: Jednání <group>)")}),
    ]),
    "minutes": (("zápis z proběhlého jednání", "minutes of a meeting that took place"),
                [MEETING]),
    "person": (("osoba", "a person"), [
        ("--name", {**TEXT, "required": True, "help": ('jméno, např. "Jana Nováková"',
                                                       'the name, e.g. "Jana Nováková"')}),
        ("--organisation", {**ID, "help": ("id organizace, kterou zastupuje",
                                           "id of the organisation they represent")}),
        ("--id", {**ID, "help": ("vlastní id (výchozí: ze jména, např. jana-novakova)",
                                 "an id of your own (default: from the name)")}),
    ]),
    "organisation": (("organizace", "an organisation"), [
        ("--name", {**TEXT, "required": True, "help": ("celý název", "the full name")}),
        ("--abbreviation", {**TEXT, "help": ("zkratka ze zápisů, např. OCHL",
                                             "the abbreviation minutes use, e.g. OCHL")}),
        ("--kind", {"choices": ORGANISATION_KINDS, "help": ("druh organizace",
                                                            "kind of organisation")}),
        ("--id", {**ID, "help": ("vlastní id (výchozí: ze zkratky nebo názvu)",
                                 "an id of your own (default: from the abbreviation or name)")}),
    ]),
    "task": (("úkol z jednání", "a task given at a meeting"), [*DECISION,
        ("--assignee", {**ID, "action": "append", "default": [],
                        "help": ("id odpovědné osoby nebo organizace (lze opakovat)",
                                 "id of the person or organisation responsible (repeatable)")}),
        ("--due", {**DATE, "type": "date", "help": ("termín splnění", "due date")}),
    ]),
    "decision": (("usnesení jednání", "a decision of a meeting"), DECISION),
}
COMMANDS: dict[str, tuple[Bilingual, list[Option]]] = {
    "cancel": (("zrušit plánované jednání", "cancel a planned meeting"), [
        MEETING, ("--reason", {**TEXT, "required": True,
                               "help": ("důvod zrušení (uvidí ho odběratelé)",
                                        "the reason (subscribers see it)")}),
    ]),
    "postpone": (("přesunout jednání na jiný den", "move a meeting to another day"), [
        MEETING, ("--date", {**DATE, "required": True, "type": "date",
                             "help": ("nové datum", "the new date")}),
        ("--time", {**TIME, "type": "time", "help": ("nový začátek (výchozí: dosavadní)",
                                                     "the new start (default: unchanged)")}),
        ("--end", {**TIME, "type": "time", "help": ("nový konec (výchozí: se stejnou délkou)",
                                                    "the new end (default: the same length)")}),
    ]),
    "format": (("sjednotit formát záznamů", "bring records into the one layout"), [
        ("paths", {"nargs": "*", "metavar": ("CESTA", "PATH"),
                   "help": ("soubory či složky (výchozí: records/)",
                            "files or folders (default: records/)")}),
        ("--check", {"action": "store_true",
                     "help": ("nic neměnit, jen vypsat rozdíly (exit 1, pokud nějaké jsou)",
                              "change nothing, print the differences (exit 1 if any)")}),
    ]),
    "codequality": (("JSON z python -m lint --format json → GitLab Code Quality",
                     "JSON of python -m lint --format json → GitLab Code Quality"), []),
}


def _add(commands: argparse._SubParsersAction[Parser], name: str,
         command: tuple[Bilingual, list[Option]], common: Parser, lang: str) -> None:
    label, options = command
    parser = commands.add_parser(name, parents=[common], help=pick(label, lang),
                                 description=pick(label, lang))
    types = {"date": _date(lang), "time": _time(lang)}
    for flag, bilingual in options:
        spec = {key: pick(value, lang) if key in BILINGUAL else value
                for key, value in bilingual.items()}
        kind = spec.get("type")
        parser.add_argument(flag, **({**spec, "type": types[kind]} if isinstance(kind, str)
                                     else spec))


def _generic() -> dict[str, tuple[Bilingual, list[Option]]]:
    """`new <kind>` for the kinds scaffolded from their declaration (edit/generic.py)."""
    name: Option = ("--name", {"metavar": ("NÁZEV", "NAME"),
                               "help": ("krátký název do id (výchozí: první slova názvu)",
                                        "a short name for the id (default: the title's first "
                                        "words)")})
    return {kind: (declared.scaffold.label if declared.scaffold else ("", ""),
                   [*((option_flag(f), option(f)) for f in (declared.scaffold.fields
                                                     if declared.scaffold else ())), name])
            for kind, declared in GENERIC.items()}


def build(lang: str) -> Parser:
    """The whole command line; edit.cli dispatches on `command` (and `what` for `new`)."""
    common = _common(lang)
    parser = parser_for(lang, prog="python -m edit", description=pick((
        "Založí nebo upraví záznam (jednání, zápis, osobu, ...) a udržuje jednotný formát "
        "souborů v records/.", "Creates or changes a record (meeting, minutes, person, ...) and "
        "keeps the files in records/ in one layout."), lang))
    # Also before the command (`python -m edit --lang en --help`); edit.cli reads the value
    # from argv, as a subcommand's default would otherwise overwrite it.
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=pick(("jazyk hlášení a nápovědy: cs, en",
                                   "language of messages and help: cs, en"), lang))
    commands = parser.add_subparsers(dest="command", required=True,
                                     metavar=pick(("PŘÍKAZ", "COMMAND"), lang))
    new = commands.add_parser("new", help=pick(("založit nový záznam", "create a new record"),
                                                lang),
                              description=pick(("založit nový záznam", "create a new record"),
                                               lang))
    kinds = new.add_subparsers(dest="what", required=True, metavar=pick(("DRUH", "KIND"), lang))
    for name, command in {**NEW, **_generic()}.items():
        _add(kinds, name, command, common, lang)
    for name, command in COMMANDS.items():
        _add(commands, name, command, common, lang)
    return parser
