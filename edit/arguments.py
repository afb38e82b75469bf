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
from lint.arguments import Parser, language, parser_for
from messages import LANGUAGES, say

__all__ = ["Parser", "build", "language"]
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")

def _date(lang: str) -> Callable[[str], dt.date]:
    def parse(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(say("edit.bad-date", lang, value=value)) from None
    return parse


def _time(lang: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if not _TIME.fullmatch(value):
            raise argparse.ArgumentTypeError(say("edit.bad-time", lang, value=value))
        return value
    return parse


def _common(lang: str) -> Parser:
    common = Parser(add_help=False)
    common.add_argument("--root", type=Path, default=Path.cwd(),
                        metavar=say("edit.metavar.folder", lang), help=say("edit.help.root", lang))
    common.add_argument("--lang", choices=LANGUAGES, default="cs",
                        help=say("edit.help.lang", lang))
    common.add_argument("--today", type=_date(lang), default=None,
                        metavar=say("edit.metavar.date", lang), help=say("edit.help.today", lang))
    return common


Option = tuple[str, dict[str, Any]]
TEXTS = ("help", "metavar")
"""Keys of an option whose value is a key of messages/ (said in the reader's language)."""
ID, DATE = {"metavar": "edit.metavar.id"}, {"metavar": "edit.metavar.date"}
TIME, TEXT = {"metavar": "edit.metavar.time"}, {"metavar": "edit.metavar.text"}
MEETING: Option = ("--meeting", {**ID, "required": True, "help": "edit.help.meeting"})
DECISION: list[Option] = [
    ("--meeting", {**ID, "required": True, "help": "edit.help.decision.meeting"}),
    ("--text", {**TEXT, "required": True, "help": "edit.help.decision.text"}),
    ("--group", {**ID, "help": "edit.help.decision.group"}),
    ("--item", {"type": int, "metavar": "edit.metavar.number", "help": "edit.help.decision.item"}),
    ("--name", {"metavar": "edit.metavar.name", "help": "edit.help.decision.name"}),
]
NEW: dict[str, list[Option]] = {
    "meeting": [
        ("--group", {**ID, "required": True, "help": "edit.help.meeting.group"}),
        ("--date", {**DATE, "required": True, "type": "date", "help": "edit.help.meeting.date"}),
        ("--time", {**TIME, "type": "time", "help": "edit.help.meeting.time"}),
        ("--end", {**TIME, "type": "time", "help": "edit.help.meeting.end"}),
        ("--venue", {**ID, "help": "edit.help.meeting.venue"}),
        ("--room", {"metavar": "edit.metavar.room", "help": "edit.help.meeting.room"}),
        ("--title", {**TEXT, "help": "edit.help.meeting.title"}),
    ],
    "minutes": [MEETING],
    "person": [
        ("--name", {**TEXT, "required": True, "help": "edit.help.person.name"}),
        ("--organisation", {**ID, "help": "edit.help.person.organisation"}),
        ("--id", {**ID, "help": "edit.help.person.id"}),
    ],
    "organisation": [
        ("--name", {**TEXT, "required": True, "help": "edit.help.organisation.name"}),
        ("--abbreviation", {**TEXT, "help": "edit.help.organisation.abbreviation"}),
        ("--kind", {"choices": ORGANISATION_KINDS, "help": "edit.help.organisation.kind"}),
        ("--id", {**ID, "help": "edit.help.organisation.id"}),
    ],
    "task": [*DECISION,
        ("--assignee", {**ID, "action": "append", "default": [],
                        "help": "edit.help.task.assignee"}),
        ("--due", {**DATE, "type": "date", "help": "edit.help.task.due"}),
    ],
    "decision": DECISION,
}
"""`python -m edit new <kind>`: its options; its help is `edit.help.new.<kind>`."""
COMMANDS: dict[str, list[Option]] = {
    "cancel": [MEETING, ("--reason", {**TEXT, "required": True,
                                      "help": "edit.help.cancel.reason"})],
    "postpone": [
        MEETING, ("--date", {**DATE, "required": True, "type": "date",
                             "help": "edit.help.postpone.date"}),
        ("--time", {**TIME, "type": "time", "help": "edit.help.postpone.time"}),
        ("--end", {**TIME, "type": "time", "help": "edit.help.postpone.end"}),
    ],
    "format": [
        ("paths", {"nargs": "*", "metavar": "edit.metavar.path", "help": "edit.help.format.paths"}),
        ("--check", {"action": "store_true", "help": "edit.help.format.check"}),
    ],
    "settle": [
        ("paths", {"nargs": "*", "metavar": "edit.metavar.path", "help": "edit.help.format.paths"}),
    ],
    "cms": [
        ("--out", {"metavar": "edit.metavar.file", "default": None, "help": "edit.help.cms.out"}),
        ("--check", {"action": "store_true", "help": "edit.help.cms.check"}),
        ("--local-backend", {"metavar": "edit.metavar.url", "default": None,
                             "help": "edit.help.cms.local-backend"}),
    ],
    "codequality": [],
}
"""`python -m edit <command>`: its options; its help is `edit.help.<command>`."""


def _text(value: str | tuple[str, str], lang: str) -> str:
    """A key of messages/, or a kind declaration's own (Czech, English) pair (lint/kinds.py)."""
    if isinstance(value, tuple):
        return value[LANGUAGES.index(lang) if lang in LANGUAGES else 0]
    return say(value, lang)


def _add(commands: argparse._SubParsersAction[Parser], name: str, options: list[Option],
         common: Parser, lang: str, *, label: str) -> None:
    parser = commands.add_parser(name, parents=[common], help=label, description=label)
    types = {"date": _date(lang), "time": _time(lang)}
    for flag, given in options:
        spec = {key: _text(value, lang) if key in TEXTS else value
                for key, value in given.items()}
        kind = spec.get("type")
        parser.add_argument(flag, **({**spec, "type": types[kind]} if isinstance(kind, str)
                                     else spec))


def _generic() -> dict[str, tuple[tuple[str, str], list[Option]]]:
    """`new <kind>` for the kinds scaffolded from their declaration (edit/generic.py)."""
    name: Option = ("--name", {"metavar": "edit.metavar.name", "help": "edit.help.generic.name"})
    return {kind: (declared.scaffold.label if declared.scaffold else ("", ""),
                   [*((option_flag(f), option(f)) for f in (declared.scaffold.fields
                                                     if declared.scaffold else ())), name])
            for kind, declared in GENERIC.items()}


def build(lang: str) -> Parser:
    """The whole command line; edit.cli dispatches on `command` (and `what` for `new`)."""
    common = _common(lang)
    parser = parser_for(lang, prog="python -m edit", description=say("edit.help.edit", lang))
    # Also before the command (`python -m edit --lang en --help`); edit.cli reads the value
    # from argv, as a subcommand's default would otherwise overwrite it.
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=say("edit.help.lang", lang))
    commands = parser.add_subparsers(dest="command", required=True,
                                     metavar=say("edit.metavar.command", lang))
    new = commands.add_parser("new", help=say("edit.help.new", lang),
                              description=say("edit.help.new", lang))
    kinds = new.add_subparsers(dest="what", required=True,
                               metavar=say("edit.metavar.kind", lang))
    for name, options in NEW.items():
        _add(kinds, name, options, common, lang, label=say(f"edit.help.new.{name}", lang))
    for name, (label, options) in _generic().items():
        _add(kinds, name, options, common, lang, label=_text(label, lang))
    for name, options in COMMANDS.items():
        _add(commands, name, options, common, lang, label=say(f"edit.help.{name}", lang))
    return parser
