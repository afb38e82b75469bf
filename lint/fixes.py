"""The corrected line a hint offers: a value the field accepts, guessed from what was typed.

A hint works only if following it literally fixes the record: `start: 14.00` told to "use quotes"
becomes `start: "14.00"` and fails again. So every guess below is checked against the field's own
schema before it is offered, and offered as the whole line to write (`start: "14:00"`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from lint.parse import scalar

__all__ = ["CZECH_WORDS", "candidates", "first_valid", "plain", "render", "scalar", "slug"]

_TIME = re.compile(r"(\d{1,2})\s*[.:,h ]\s*(\d{2})\s*(?:h|hod\.?|hodin)?|(\d{1,2})\s*(?:h|hod\.?)?")
_DATE_CZ = re.compile(r"(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{4})")
_DATE_WORDS = re.compile(r"(\d{1,2})\.?\s*([^\W\d_]+)\s+(\d{4})")
_MONTHS = (("cervenc", 7), ("cervene", 7), ("cerv", 6), ("led", 1), ("un", 2), ("br", 3),
           ("dub", 4), ("kv", 5), ("srp", 8), ("zar", 9), ("rij", 10), ("lis", 11), ("pro", 12))
"""How Czech month names begin, without diacritics (`července` before `června`)."""
_SECONDS = re.compile(r"^(\d{1,2}:\d{2}):\d{2}$")
_RANGE = re.compile(r"(.+?)\s*[-–]\s*(.+)")
_DATE_ISO = re.compile(r"(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})")
_NEEDS_QUOTES = re.compile(r"^[\s\[\]{}&*!|>'\"%@`#,?:-]|: | #|^\d{1,2}:\d{2}$|\s$")

CZECH_WORDS: dict[str, tuple[str, ...]] = {
    "planned": ("planovano", "naplanovano", "planovane", "naplanovane", "plan", "bude"),
    "held": ("konano", "konalo", "konalo se", "probehlo", "probehle", "uskutecneno", "ano"),
    "cancelled": ("zruseno", "zrusene", "zruseni", "nekonalo", "nekonalo se"),
    "postponed": ("odlozeno", "odlozene", "presunuto", "presunute", "prelozeno"),
    "open": ("otevreno", "otevreny", "nesplneno", "trva", "ceka"),
    "in-progress": ("probiha", "rozpracovano", "v reseni", "resi se", "plneni"),
    "done": ("splneno", "hotovo", "vyrizeno", "dokonceno", "splnen"),
    "adopted": ("prijato", "schvaleno", "prijate"),
    "revoked": ("zruseno", "zruseno usneseni", "odvolano"),
    "draft": ("koncept", "navrh", "rozpracovany"),
    "approved": ("schvaleno", "schvaleny", "schvalen"),
    "task": ("ukol", "ukoly"),
    "decision": ("usneseni", "rozhodnuti"),
    "physical": ("fyzicke", "budova", "misto", "osobne", "prezencne"),
    "manager": ("manazer", "manazerka", "vedouci", "vedouci skupiny"),
    "coordinator": ("koordinator", "koordinatorka"),
    "member": ("clen", "clenka", "clenove"),
    "guest": ("host", "hoste", "hostka"),
    "public-representative": ("zastupce verejnosti", "verejnost", "obcan"),
    "active": ("aktivni", "platne", "plati"),
    "requested": ("pozadano", "zadost", "vyzadano"),
    "city": ("mesto", "magistrat"),
    "city-district": ("mestsky obvod", "obvod"),
    "region": ("kraj", "krajsky urad"),
    "state": ("stat", "ministerstvo", "urad prace"),
    "provider": ("poskytovatel", "sluzba", "socialni sluzba"),
    "agency": ("agentura",),
    "local-action-group": ("mas", "mistni akcni skupina"),
    "other": ("jine", "jina", "ostatni"),
    "working-group": ("pracovni skupina", "ps"),
    "steering-group": ("ridici skupina", "ridici pracovni skupina", "rps"),
    "joint-meeting": ("spolecne setkani", "setkani"),
    "online": ("on-line", "onlajn", "videohovor", "distancne"),
}
"""Czech words (without diacritics) an editor may type for an enum value."""


def plain(text: str) -> str:
    """Lower case without diacritics: `Konáno` → `konano`."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    """An id from a name: `Jana Horáková` → `jana-horakova`."""
    return re.sub(r"[^a-z0-9]+", "-", plain(text)).strip("-")


def candidates(typed: str, schema: dict[str, Any]) -> Iterator[Any]:
    """Values the editor probably meant, best first (checked by the caller)."""
    text = typed.strip().strip("\"'").strip()
    enum = schema.get("enum")
    if isinstance(enum, list):
        yield from _enum_guesses(text, [str(v) for v in enum])
        return
    if schema.get("type") == "array":
        yield [text] if text else []
        yield [text.lstrip("-").strip()]
        yield [part.strip() for part in text.strip("[]").split(",") if part.strip()]
        return
    if schema.get("type") in ("integer", "number"):
        yield scalar(text)
        return
    if ":" in str(schema.get("pattern", "")):
        yield from _time_guesses(text)
    if schema.get("format") == "date":
        yield from _date_guesses(text)
    yield text
    yield slug(text)


def _enum_guesses(text: str, options: list[str]) -> Iterator[str]:
    word = plain(text)
    for option in options:
        if word in CZECH_WORDS.get(option, ()) or word == option:
            yield option
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    yield from close
    glossary = {w: o for o in options for w in CZECH_WORDS.get(o, ())}
    for match in difflib.get_close_matches(word, list(glossary), n=1, cutoff=0.7):
        yield glossary[match]


def _time_guesses(text: str) -> Iterator[str]:
    span = _RANGE.fullmatch(text)
    if span and ":" in text:  # 14:00-16:00: the start (the end has a field of its own)
        text = span[1]
    text = _SECONDS.sub(r"\1", text)
    match = _TIME.fullmatch(text)
    if match:
        hour = match[1] or match[3]
        yield f"{int(hour):02d}:{match[2] or '00'}"


def _date_guesses(text: str) -> Iterator[str]:
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if first != text.strip() and _DATE_ISO.fullmatch(first):  # a time after the date
        text = first
    match = _DATE_CZ.fullmatch(text)
    if match:
        yield f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    match = _DATE_ISO.fullmatch(text)
    if match:
        yield f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
    match = _DATE_WORDS.fullmatch(text)
    month = _month(match[2]) if match else 0
    if match and month:
        yield f"{match[3]}-{month:02d}-{int(match[1]):02d}"


def _month(word: str) -> int:
    """1-12 for a Czech month name in any case (`srpna`, `září`, `července`), else 0."""
    name = plain(word)
    return next((number for start, number in _MONTHS if name.startswith(start)), 0)


def first_valid(typed: str, schema: dict[str, Any], valid: Callable[[Any], bool]) -> Any:
    """The first guess the field's schema accepts, or None."""
    for guess in candidates(typed, schema):
        if guess not in ("", [], None) and valid(guess):
            return guess
    return None


def render(value: Any) -> str:
    """A value written as YAML the way the records write it (times and digits quoted)."""
    if isinstance(value, list):
        return "[" + ", ".join(render(v) for v in value) + "]"
    if not isinstance(value, str):
        return str(value)
    if not isinstance(scalar(value), str) or _NEEDS_QUOTES.search(value) or not value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value
