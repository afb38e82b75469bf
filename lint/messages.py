"""The message catalogue: every code in Czech and English, with a hint on how to fix it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

LANGUAGES = ("cs", "en")
RULES_DOC = "docs/rules.md"


class Text(NamedTuple):
    message: str
    hint: str


KIND_NAMES: Mapping[str, Mapping[str, str]] = {
    "cs": {"organisation": "organizace", "person": "osoba", "venue": "místo", "group": "skupina",
           "calendar": "kalendář", "meeting": "jednání", "decision": "usnesení/úkol",
           "plan": "plán"},
    "en": {"organisation": "organisation", "person": "person", "venue": "venue", "group": "group",
           "calendar": "calendar", "meeting": "meeting", "decision": "decision/task",
           "plan": "plan"},
}

SUGGESTION = {"cs": " Měli jste na mysli „{suggestion}“?", "en": " Did you mean '{suggestion}'?"}

CATALOGUE: Mapping[str, Mapping[str, Text]] = {
    "KP101": {
        "cs": Text("Chyba v zápisu YAML: {detail}",
                   "Zkontrolujte odsazení (mezery, ne tabulátory), dvojtečky za názvy polí a "
                   "uzavřené uvozovky na tomto a předchozím řádku."),
        "en": Text("YAML syntax error: {detail}",
                   "Check the indentation (spaces, not tabs), the colons after field names and "
                   "closed quotes on this line and the one before."),
    },
    "KP102": {
        "cs": Text("Pole „{key}“ je v záznamu dvakrát.",
                   "Každé pole smí být v jednom objektu jen jednou; spojte obě hodnoty do jedné."),
        "en": Text("Field '{key}' appears twice.",
                   "A field may appear only once in an object; merge the two values."),
    },
    "KP103": {
        "cs": Text("Řádek obsahuje tabulátor.",
                   "YAML odsazuje jen mezerami; nahraďte tabulátor dvěma mezerami."),
        "en": Text("The line contains a tab character.",
                   "YAML indents with spaces only; replace the tab with two spaces."),
    },
    "KP104": {
        "cs": Text("Soubor není v kódování UTF-8 (bajt {byte}).",
                   "Uložte soubor v kódování UTF-8 (ve VS Code: „Save with Encoding“ → UTF-8); "
                   "soubory z Wordu nebo Windows-1250 je třeba převést."),
        "en": Text("The file is not UTF-8 (byte {byte}).",
                   "Save the file as UTF-8 (in VS Code: 'Save with Encoding' → UTF-8)."),
    },
    "KP105": {
        "cs": Text("Soubor je prázdný.", "Doplňte záznam, nebo soubor smažte."),
        "en": Text("The file is empty.", "Fill in the record or delete the file."),
    },
    "KP106": {
        "cs": Text("Odkazy YAML (&kotva a *alias) nejsou v záznamech povoleny.",
                   "Napište hodnotu celou na každé místo, kde je potřeba."),
        "en": Text("YAML anchors and aliases (&anchor, *alias) are not allowed in records.",
                   "Write the value out in full wherever it is needed."),
    },
    "KP107": {
        "cs": Text("Slučovací klíč YAML „<<“ není v záznamech povolen.",
                   "Vypište všechna pole přímo do objektu."),
        "en": Text("The YAML merge key '<<' is not allowed in records.",
                   "Write every field directly into the object."),
    },
    "KP108": {
        "cs": Text("Značka YAML „{tag}“ není v záznamech povolena.",
                   "Odstraňte značku začínající „!“; záznamy obsahují jen text, čísla a seznamy."),
        "en": Text("The YAML tag '{tag}' is not allowed in records.",
                   "Remove the tag starting with '!'; records hold only text, numbers and lists."),
    },
    "KP109": {
        "cs": Text("Soubor je příliš velký ({size} B, nejvýše {limit} B).",
                   "Záznam jednoho jednání má pár kilobajtů; rozdělte obsah nebo odstraňte vložená "
                   "data."),
        "en": Text("The file is too large ({size} B, at most {limit} B).",
                   "A meeting record is a few kilobytes; split it or remove embedded data."),
    },
    "KP110": {
        "cs": Text("Soubor „{name}“ není záznam (záznamy mají příponu .yaml).",
                   "Přejmenujte soubor na .yaml, nebo ho přesuňte mimo složku records/."),
        "en": Text("'{name}' is not a record (records end in .yaml).",
                   "Rename the file to .yaml or move it out of records/."),
    },
    "KP111": {
        "cs": Text("Složka „{folder}“ není složka záznamů.",
                   "Záznamy patří do jedné ze složek: {allowed}."),
        "en": Text("'{folder}' is not a records folder.",
                   "Records belong in one of: {allowed}."),
    },
    "KP112": {
        "cs": Text("Soubor začíná značkou BOM.",
                   "Uložte soubor jako UTF-8 bez BOM."),
        "en": Text("The file starts with a byte order mark.",
                   "Save the file as UTF-8 without BOM."),
    },
    "KP113": {
        "cs": Text("Záznam je vnořený hlouběji než {limit} úrovní.",
                   "Záznamy mají jen několik úrovní; zkontrolujte závorky a odsazení."),
        "en": Text("The record is nested deeper than {limit} levels.",
                   "Records have only a few levels; check brackets and indentation."),
    },
    "KP114": {
        "cs": Text("Soubor nelze přečíst: {reason}.",
                   "Zkontrolujte, že jde o obyčejný soubor s příponou .yaml."),
        "en": Text("The file cannot be read: {reason}.",
                   "Check that it is a plain file ending in .yaml."),
    },
    "KP115": {
        "cs": Text("Symbolický odkaz vede mimo složku records/.",
                   "Záznamy musí ležet přímo v repozitáři; nahraďte odkaz souborem."),
        "en": Text("The symbolic link points outside records/.",
                   "Records must live in the repository; replace the link with a file."),
    },
    "KP116": {
        "cs": Text("Ve složce records/ nejsou žádné záznamy.",
                   "Zkontrolujte, že příkaz spouštíte v kořeni repozitáře."),
        "en": Text("There are no records in records/.",
                   "Check that you run the command at the root of the repository."),
    },
    "KP201": {
        "cs": Text("Chybí povinné pole „{property}“ (v {field}).",
                   "Doplňte pole „{property}“; popis a příklad ukáže editor (VS Code) nebo schéma."),
        "en": Text("Required field '{property}' is missing (in {field}).",
                   "Add the field '{property}'; the editor (VS Code) or the schema shows an "
                   "example."),
    },
    "KP202": {
        "cs": Text("Neznámé pole „{property}“.",
                   "Povolená pole: {allowed}."),
        "en": Text("Unknown field '{property}'.", "Allowed fields: {allowed}."),
    },
    "KP203": {
        "cs": Text("Pole {field} má špatný typ: očekáván {expected}, je zde {actual}.",
                   "Text, který vypadá jako číslo, dejte do uvozovek, např. \"209\"."),
        "en": Text("Field {field} has the wrong type: expected {expected}, found {actual}.",
                   "Quote text that looks like a number, e.g. \"209\"."),
    },
    "KP204": {
        "cs": Text("Hodnota „{value}“ v poli {field} není povolena.",
                   "Povolené hodnoty: {allowed}."),
        "en": Text("Value '{value}' is not allowed in {field}.", "Allowed values: {allowed}."),
    },
    "KP205": {
        "cs": Text("Hodnota „{value}“ v poli {field} není platná (datum nebo adresa).",
                   "Datum pište jako RRRR-MM-DD a jen skutečné dny (ne 2022-02-30); příklad: "
                   "{example}"),
        "en": Text("Value '{value}' in {field} is not valid (a date or an address).",
                   "Write dates as YYYY-MM-DD and only real days (not 2022-02-30); example: "
                   "{example}"),
    },
    "KP206": {
        "cs": Text("Hodnota „{value}“ v poli {field} nemá správný tvar.",
                   "Čas pište jako HH:MM (00:00–23:59), id malými písmeny bez diakritiky s "
                   "pomlčkami; příklad: {example}"),
        "en": Text("Value '{value}' in {field} has the wrong form.",
                   "Write times as HH:MM (00:00–23:59), ids in lowercase ASCII with hyphens; "
                   "example: {example}"),
    },
    "KP207": {
        "cs": Text("Pole {field} neodpovídá schématu: {detail}",
                   "Porovnejte pole s příkladem ve schématu; příklad: {example}"),
        "en": Text("Field {field} does not match the schema: {detail}",
                   "Compare the field with the schema's example: {example}"),
    },
    "KP301": {
        "cs": Text("Id „{id}“ neodpovídá názvu souboru (očekáváno „{expected}“).",
                   "Id a název souboru (bez .yaml) musí být stejné; přejmenujte jedno z nich."),
        "en": Text("Id '{id}' does not match the file name (expected '{expected}').",
                   "The id and the file name (without .yaml) must be equal; rename one."),
    },
    "KP302": {
        "cs": Text("Id „{id}“ už má jiný záznam ({other}).",
                   "Každý záznam potřebuje jedinečné id; zvolte jiné."),
        "en": Text("Id '{id}' is already used by {other}.",
                   "Every record needs a unique id; choose another."),
    },
    "KP303": {
        "cs": Text("Odkaz na neexistující záznam ({kind}) „{id}“.",
                   "Zkontrolujte překlep, nebo záznam nejdřív založte."),
        "en": Text("Reference to a {kind} '{id}' that does not exist.",
                   "Check for a typo, or create the record first."),
    },
}
