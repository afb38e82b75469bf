"""libyaml's syntax error phrases in Czech, for editors who do not read English."""

from __future__ import annotations

import re

# Longest phrases first: "while scanning a quoted scalar" before "while scanning".
_CS: tuple[tuple[str, str], ...] = (
    ("found unexpected end of stream",
     "soubor skončil dřív, než se uzavřely uvozovky nebo závorka"),
    ("while scanning a quoted scalar", "v textu v uvozovkách"),
    ("while scanning a simple key", "u názvu pole"),
    ("while scanning for the next token", "na tomto místě:"),
    ("while scanning a plain scalar", "v textu"),
    ("while scanning a block scalar", "v blokovém textu (|)"),
    ("while parsing a block mapping", "v objektu"),
    ("while parsing a block collection", "v seznamu"),
    ("while parsing a flow sequence", "v seznamu v hranatých závorkách"),
    ("while parsing a flow mapping", "v objektu ve složených závorkách"),
    ("while parsing a block node", "v hodnotě"),
    ("while parsing a flow node", "v hodnotě"),
    ("mapping values are not allowed in this context",
     "dvojtečka tu být nemůže (text s dvojtečkou dejte do uvozovek, nebo opravte odsazení)"),
    ("mapping values are not allowed here",
     "dvojtečka tu být nemůže (text s dvojtečkou dejte do uvozovek, nebo opravte odsazení)"),
    ("could not find expected ':'", "chybí dvojtečka za názvem pole"),
    ("did not find expected key", "očekáváno další pole se stejným odsazením"),
    ("did not find expected '-' indicator", "očekávána další položka seznamu (-)"),
    ("did not find expected ',' or ']'", "chybí čárka nebo ]"),
    ("did not find expected ',' or '}'", "chybí čárka nebo }"),
    ("did not find expected node content", "chybí hodnota"),
    ("expected a single document in the stream", "soubor má obsahovat jediný záznam"),
    ("but found another document", "ale obsahuje další (---)"),
    ("found undefined alias", "nalezen nedefinovaný alias (*)"),
    ("found character that cannot start any token",
     "znak, kterým hodnota nemůže začínat (např. @ nebo `): dejte text do uvozovek"),
    ("found a tab character that violates indentation", "tabulátor v odsazení"),
    ("found unknown escape character", "neznámá sekvence se zpětným lomítkem"),
    ("expected <block end>, but found", "špatné odsazení: nalezeno"),
)
_CHARACTER = re.compile(r"found character '(.+?)' that cannot start any token")


_ENGLISH = re.compile(r"\b(found|while|expected|scanning|parsing|but|the|not|could|did|"
                      r"character|allowed|stream|document|token|mapping|sequence)\b")
GENERIC = "text nelze přečíst (zkontrolujte odsazení, dvojtečky a uvozovky)"
"""Said instead of a libyaml phrase we have no Czech for: editors never read library English."""


def czech(detail: str) -> str:
    """The detail in Czech: every phrase we know translated, or the generic sentence."""
    detail = _CHARACTER.sub(r"found character that cannot start any token (\1)", detail)
    for english, czech_text in _CS:
        detail = detail.replace(english, czech_text)
    return GENERIC if _ENGLISH.search(detail) else detail
