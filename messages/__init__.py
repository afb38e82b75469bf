"""Every text kpss shows people, one catalogue per language, and the helpers that word them.

`messages/cs.py` and `messages/en.py` each hold one flat mapping, key → text, for every package
(`lint.KP201`, `sync.auth`, `edit.written`, `web.built`, ...); `say(key, lang, **args)` fills one
in. This package imports none of lint, sync, edit or web: they all import it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping

from messages import cs, en

CATALOGUES: Mapping[str, Mapping[str, str]] = {"cs": cs.TEXTS, "en": en.TEXTS}
"""language → key → text; two plain dicts, so a lookup is two hashes (the linter says many)."""
LANGUAGES = tuple(CATALOGUES)

ESCAPED = "sync."
"""Keys whose every text argument goes through `shown`: the sync quotes what servers send, and a
server's text is hostile (tests/robustness)."""


class _Args(dict[str, object]):
    """Arguments of a text; one the caller did not give reads as empty, never a KeyError."""

    def __missing__(self, key: str) -> str:
        return ""


def say(key: str, lang: str, /, **args: object) -> str:
    """The text `key` in `lang`, filled with `args` (for `sync.` keys each str `shown` first)."""
    text = CATALOGUES[lang][key]
    if key.startswith(ESCAPED):
        args = {k: shown(v) if isinstance(v, str) else v for k, v in args.items()}
    try:  # the common case first: every argument given, no copy into _Args
        return text.format_map(args)
    except KeyError:
        return text.format_map(_Args(args))


SHOWN_LIMIT = 300
"""Characters of one value in a message: a server's text can be of any length."""


def shown(text: str, limit: int = SHOWN_LIMIT) -> str:
    """A value fit for one line of output: control, format and line-separator characters (a
    newline, a carriage return, ESC, bidi overrides) written as escapes, and long text
    shortened. What a server sends can then never start a line of its own in a log, where CI
    would read it as a command (GitHub's `::error`), nor repaint the terminal."""
    escaped = "".join(ch if unicodedata.category(ch)[0] not in "CZ" or ch == " "
                      else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return escaped if len(escaped) <= limit else escaped[:limit - 1] + "…"


def plural_form(count: int, lang: str) -> str:
    """Which form a counted word takes: `one`, `few` (Czech 2-4: 3 soubory) or `many` (0, 5
    and up: 5 souborů; English has no `few`)."""
    if count == 1:
        return "one"
    return "few" if lang == "cs" and 2 <= count <= 4 else "many"


def counted(count: int, key: str, lang: str) -> str:
    """`count` with its word in the right form: `counted(3, "count.file", "cs")` → 3 soubory."""
    return say(f"{key}.{plural_form(count, lang)}", lang, count=count)


def plural_cs(count: int, one: str, few: str, many: str) -> str:
    """Czech plural of a word given in its three forms: 1 jednání, 3 úkoly, 5 úkolů, 0 úkolů."""
    form = plural_form(count, "cs")
    return f"{count} {one if form == 'one' else few if form == 'few' else many}"


MONTHS_CS = ("leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen",
             "září", "říjen", "listopad", "prosinec")
"""The months in the nominative: `červenec 2022`."""
MONTHS_GENITIVE_CS = ("ledna", "února", "března", "dubna", "května", "června", "července",
                      "srpna", "září", "října", "listopadu", "prosince")
"""The months in the genitive, as a date says them: `31. srpna 2022`."""
WEEKDAYS_CS = ("pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota", "neděle")


def date_cs(day: dt.date) -> str:
    """A date the way Czech minutes write it: `31. 8. 2022`."""
    return f"{day.day}. {day.month}. {day.year}"


def long_date_cs(day: dt.date) -> str:
    """A date with its month in words: `31. srpna 2022`."""
    return f"{day.day}. {MONTHS_GENITIVE_CS[day.month - 1]} {day.year}"


def month_cs(year: int, month: int) -> str:
    """A month of a year: `červenec 2022`."""
    return f"{MONTHS_CS[month - 1]} {year}"
