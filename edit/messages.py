"""What `python -m edit` tells people, in Czech and English, and the one error type it raises."""

from __future__ import annotations

from collections.abc import Mapping

from lint.kinds import names
from lint.messages import format_date_cs

__all__ = ["MESSAGES", "EditError", "format_date_cs", "plural_cs", "say"]

LANGUAGES = ("cs", "en")

MESSAGES: Mapping[str, Mapping[str, str]] = {
    "no-root": {
        "cs": "Ve složce {root} chybí records/ nebo schemas/; spusťte příkaz v kořeni repozitáře "
              "(nebo zadejte --root).",
        "en": "{root} has no records/ or schemas/; run the command in the repository's root "
              "(or pass --root).",
    },
    "unknown": {
        "cs": "Neznámý záznam ({kind}) „{id}“.",
        "en": "Unknown {kind} '{id}'.",
    },
    "did-you-mean": {"cs": " Měli jste na mysli „{suggestion}“?",
                     "en": " Did you mean '{suggestion}'?"},
    "exists": {
        "cs": "Soubor {path} už existuje; nic se nezměnilo. Otevřete ho a upravte, nebo zvolte "
              "jiné datum či identifikátor.",
        "en": "{path} already exists; nothing was changed. Edit it, or choose another date or id.",
    },
    "invalid-record": {
        "cs": "Záznam {path} nelze načíst ({detail}); nejdřív ho opravte (python -m lint).",
        "en": "Cannot read {path} ({detail}); fix it first (python -m lint).",
    },
    "schema-errors": {
        "cs": "Záznam {path} má chyby; nejdřív je opravte (python -m lint {path}).",
        "en": "{path} has errors; fix them first (python -m lint {path}).",
    },
    "not-planned": {
        "cs": "Jednání {id} má stav {status}; tento příkaz mění jen plánované jednání (planned).",
        "en": "Meeting {id} has status {status}; this command only changes a planned meeting.",
    },
    "in-future": {
        "cs": "Jednání {id} je až {date}; zápis lze založit nejdříve v den jednání.",
        "en": "Meeting {id} is on {date}; minutes can be started on the day of the meeting at "
              "the earliest.",
    },
    "not-held": {
        "cs": "Jednání {id} má stav {status}; usnesení a úkoly patří k jednání, které se konalo "
              "(nejdřív: python -m edit new minutes --meeting {id}).",
        "en": "Meeting {id} has status {status}; decisions and tasks belong to a meeting that "
              "took place (first: python -m edit new minutes --meeting {id}).",
    },
    "which-group": {
        "cs": "Jednání {id} má více skupin ({groups}); zadejte --group.",
        "en": "Meeting {id} has several groups ({groups}); pass --group.",
    },
    "not-a-group-of": {
        "cs": "Skupina {group} nepatří k jednání {id} (skupiny: {groups}).",
        "en": "Group {group} is not a group of meeting {id} (groups: {groups}).",
    },
    "same-date": {
        "cs": "Nový termín {date} je stejný jako dosavadní; pro změnu času upravte pole start.",
        "en": "The new date {date} is the current one; to change the time edit the start field.",
    },
    "end-without-start": {
        "cs": "Konec jednání (--end) lze zadat jen se začátkem (--time).",
        "en": "An end (--end) needs a start (--time).",
    },
    "bad-date": {"cs": "„{value}“ není datum ve tvaru RRRR-MM-DD, např. 2022-08-31.",
                 "en": "'{value}' is not a date as YYYY-MM-DD, e.g. 2022-08-31."},
    "bad-time": {"cs": "„{value}“ není čas ve tvaru HH:MM, např. 14:00.",
                 "en": "'{value}' is not a time as HH:MM, e.g. 14:00."},
    "bad-name": {"cs": "Ze jména „{value}“ nelze vytvořit identifikátor; zadejte --id.",
                 "en": "Cannot make an id from '{value}'; pass --id."},
    "written": {"cs": "Založeno: {path}", "en": "Created: {path}"},
    "changed": {"cs": "Upraveno: {path}", "en": "Changed: {path}"},
    "todo": {
        "cs": "Doplňte místa označená TODO a DOPLŇTE (celkem {count}) a zkontrolujte: "
              "python -m lint",
        "en": "Fill in the places marked TODO and DOPLŇTE ({count} in all), then check: "
              "python -m lint",
    },
    "check": {"cs": "Zkontrolujte: python -m lint", "en": "Check: python -m lint"},
    "not-canonical": {"cs": "{path}: není v jednotném formátu", "en": "{path}: not canonical"},
    "formatted": {"cs": "Naformátováno: {path}", "en": "Formatted: {path}"},
    "unparsable": {
        "cs": "{path}:{detail} (soubor není platný YAML, nelze ho naformátovat; "
              "podrobnosti česky: python -m lint {path})",
        "en": "{path}:{detail} (not valid YAML, cannot format it; details: python -m lint "
              "{path})",
    },
    "no-path": {"cs": "Cesta neexistuje: {path}", "en": "No such path: {path}"},
    "format-summary": {
        "cs": "Zkontrolováno {files}: {bad} v jednotném formátu. Opravíte to příkazem "
              "python -m edit format",
        "en": "Checked {files}: {bad} not canonical. Fix them with python -m edit format",
    },
    "bad-json": {
        "cs": "Vstup není výstup příkazu python -m lint --format json: {detail}",
        "en": "The input is not the output of python -m lint --format json: {detail}",
    },
}

KINDS_CS = names("cs")
"""Kind → its Czech name (declared in lint/kinds.py)."""


class EditError(Exception):
    """A refusal for the user: a message key and its arguments; the command exits 2."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key, self.args_ = key, args


def say(key: str, lang: str, **args: object) -> str:
    """The message `key` in `lang`, with its arguments filled in."""
    if lang == "cs" and isinstance(args.get("kind"), str):
        args["kind"] = KINDS_CS.get(str(args["kind"]), args["kind"])
    text = MESSAGES[key][lang].format(**args)
    if args.get("suggestion"):
        text += MESSAGES["did-you-mean"][lang].format(**args)
    return text


def plural_cs(count: int, one: str, few: str, many: str) -> str:
    """Czech plural: 1 chyba, 2 chyby, 5 chyb (and 0 chyb)."""
    form = one if count == 1 else few if 2 <= count <= 4 else many
    return f"{count} {form}"


def files(count: int, lang: str) -> str:
    """`1 soubor`, `3 soubory`, `5 souborů` / `5 files`."""
    if lang == "cs":
        return plural_cs(count, "soubor", "soubory", "souborů")
    return f"{count} file{'s' if count != 1 else ''}"


def files_not(count: int, lang: str) -> str:
    """`1 soubor není`, `3 soubory nejsou`, `5 souborů není` (the verb agrees) / `5 files`."""
    if lang == "cs":
        verb = "nejsou" if 2 <= count <= 4 else "není"
        return f"{files(count, lang)} {verb}"
    return f"{files(count, lang)} {'is' if count == 1 else 'are'}"
