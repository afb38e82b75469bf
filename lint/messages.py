"""The message catalogue: every code in Czech and English, with a hint on how to fix it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from lint.kinds import names

LANGUAGES = ("cs", "en")
RULES_DOC = "docs/rules.md"


class Text(NamedTuple):
    message: str
    hint: str


KIND_NAMES: Mapping[str, Mapping[str, str]] = {lang: names(lang) for lang in LANGUAGES}
"""Kind → its name, per language (declared in lint/kinds.py)."""

SUGGESTION = {"cs": " Měli jste na mysli „{suggestion}“?", "en": " Did you mean '{suggestion}'?"}
OR = {"cs": " nebo ", "en": " or "}
FIXED = {"cs": "Napište řádek takto: „{fixed}“.", "en": "Write the line as: '{fixed}'."}
"""Put before a hint when the linter found a value the field accepts (lint/fixes.py)."""
FIX_IS_THE_HINT = frozenset({"KP101", "KP203", "KP205", "KP206"})
"""Codes whose general hint a corrected line makes superfluous."""

TYPE_NAMES: Mapping[str, Mapping[str, str]] = {
    "cs": {"string": "text", "integer": "celé číslo", "number": "číslo", "boolean": "ano/ne "
           "(true/false)", "object": "skupina polí (pole: hodnota na dalších řádcích)",
           "array": "seznam (položky s pomlčkou)", "null": "prázdná hodnota"},
    "en": {"string": "text", "integer": "integer", "number": "number",
           "boolean": "true/false", "object": "an object (field: value lines)",
           "array": "a list (items with a dash)", "null": "an empty value"},
}


def format_date_cs(day: dt.date) -> str:
    """A date the way Czech minutes write it: `31. 8. 2022`."""
    return f"{day.day}. {day.month}. {day.year}"

CATALOGUE: Mapping[str, Mapping[str, Text]] = {
    "KP101": {
        "cs": Text("Chyba v zápisu YAML: {reason}.",
                   "Zkontrolujte odsazení (mezery, ne tabulátory), dvojtečky za názvy polí a "
                   "uzavřené uvozovky na tomto a předchozím řádku."),
        "en": Text("YAML syntax error: {reason}.",
                   "Check the indentation (spaces, not tabs), the colons after field names and "
                   "closed quotes on this line and the one before."),
    },
    "KP102": {
        "cs": Text("Pole „{key}“ je v záznamu dvakrát.",
                   "Každé pole smí být v jednom objektu jen jednou; spojte obě hodnoty do jedné "
                   "a tento řádek smažte."),
        "en": Text("Field '{key}' appears twice.",
                   "A field may appear only once in an object; merge the two values and delete "
                   "this line."),
    },
    "KP103": {
        "cs": Text("Řádek obsahuje tabulátor.",
                   "YAML odsazuje jen mezerami: nahraďte tabulátor mezerami (zde {spaces})."),
        "en": Text("The line contains a tab character.",
                   "YAML indents with spaces only: replace the tab with spaces (here {spaces})."),
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
    "KP117": {
        "cs": Text("První řádek neodkazuje na schéma záznamu.",
                   "Dejte na první řádek „{expected}“; editor (VS Code) pak napovídá pole a "
                   "hodnoty. Doplní ho i `python -m edit format`."),
        "en": Text("The first line does not point at the record's schema.",
                   "Put '{expected}' on the first line so the editor (VS Code) offers fields "
                   "and values; `python -m edit format` adds it too."),
    },
    "KP201": {
        "cs": Text("Chybí povinné pole „{property}“ (v {field}).",
                   "Doplňte pole „{property}“."),
        "en": Text("Required field '{property}' is missing (in {field}).",
                   "Add the field '{property}'."),
    },
    "KP202": {
        "cs": Text("Neznámé pole „{property}“.",
                   "Názvy polí jsou anglicky; povolená pole zde: {allowed}."),
        "en": Text("Unknown field '{property}'.", "Allowed fields here: {allowed}."),
    },
    "KP203": {
        "cs": Text("Pole {field} má špatný typ: {reason}.",
                   "Hodnotu zapište v podobě, jakou pole čeká."),
        "en": Text("Field {field} has the wrong type: {reason}.",
                   "Write the value in the form the field expects."),
    },
    "KP204": {
        "cs": Text("Hodnota „{value}“ v poli {field} není povolena.",
                   "Povolené hodnoty: {allowed}."),
        "en": Text("Value '{value}' is not allowed in {field}.", "Allowed values: {allowed}."),
    },
    "KP205": {
        "cs": Text("Hodnota „{value}“ v poli {field} {reason}.",
                   "Datum pište jako RRRR-MM-DD a jen skutečné dny (ne 2022-02-30), adresu celou "
                   "i s https://."),
        "en": Text("Value '{value}' in {field} {reason}.",
                   "Write dates as YYYY-MM-DD and only real days (not 2022-02-30), addresses in "
                   "full with https://."),
    },
    "KP206": {
        "cs": Text("Hodnota „{value}“ v poli {field} nemá správný tvar.",
                   "Zapište hodnotu v tvaru, který pole čeká."),
        "en": Text("Value '{value}' in {field} has the wrong form.",
                   "Write the value in the form the field expects."),
    },
    "KP207": {
        "cs": Text("Pole {field}: {reason}.",
                   "Opravte hodnotu tak, jak říká popis pole."),
        "en": Text("Field {field}: {reason}.",
                   "Correct the value as the field's description says."),
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
    "KP306": {
        "cs": Text("Pole {field} ještě obsahuje zástupný text TODO.",
                   "Nahraďte TODO skutečnou hodnotou, nebo pole smažte, není-li "
                   "povinné."),
        "en": Text("Field {field} still holds the placeholder TODO.",
                   "Fill in the real value, or delete the field if it is optional."),
    },
    "KP304": {
        "cs": Text("Záznam je uložen na nesprávném místě: {reason} Patří do „{expected}“.",
                   "Přesuňte nebo přejmenujte soubor (a id upravte tak, aby se shodovalo s názvem "
                   "souboru); pokud je chybné datum záznamu, opravte datum."),
        "en": Text("The record is in the wrong place: {reason} It belongs in '{expected}'.",
                   "Move or rename the file (and change the id to match the file name); if the "
                   "record's date is wrong, fix the date."),
    },
    "KP305": {
        "cs": Text("Skupina „{group}“ má uvedený kalendář „{calendar}“, který ji nezobrazuje.",
                   "Doplňte skupinu do seznamu groups v souboru records/calendars/{calendar}.yaml, "
                   "nebo u skupiny uveďte správný kalendář."),
        "en": Text("Group '{group}' names calendar '{calendar}', which does not show it.",
                   "Add the group to the groups list in records/calendars/{calendar}.yaml, or "
                   "name the right calendar in the group."),
    },
    "KP401": {
        "cs": Text("Konec jednání ({end}) {reason}.",
                   "Zkontrolujte časy start a end (HH:MM ve 24hodinovém formátu, např. 14:00 a "
                   "16:00); konec uvádějte jen spolu se začátkem."),
        "en": Text("The meeting's end ({end}) {reason}.",
                   "Check start and end (HH:MM on the 24-hour clock, e.g. 14:00 and 16:00); give "
                   "an end only together with a start."),
    },
    "KP402": {
        "cs": Text("Čas {time} dne {date} neexistuje: v tu noc se hodiny posouvají na letní čas "
                   "(ze 2:00 na 3:00).",
                   "Zvolte čas před 2:00 nebo od 3:00; nejspíš jde o překlep v čase nebo v datu."),
        "en": Text("The time {time} on {date} does not exist: clocks go forward to summer time "
                   "that night (from 2:00 to 3:00).",
                   "Choose a time before 2:00 or from 3:00 on; it is probably a typo in the time "
                   "or the date."),
    },
    "KP403": {
        "cs": Text("Čas {time} dne {date} nastane dvakrát: v tu noc se hodiny vracejí z letního "
                   "na zimní čas (ze 3:00 na 2:00).",
                   "Zvolte jiný čas, nebo do poznámky (note) napište, zda jde o letní, nebo zimní "
                   "čas."),
        "en": Text("The time {time} on {date} happens twice: clocks go back from summer to "
                   "winter time that night (from 3:00 to 2:00).",
                   "Choose another time, or say in the note whether summer or winter time is "
                   "meant."),
    },
    "KP404": {
        "cs": Text("Jednání {date} připadá na státní svátek ({holiday}).",
                   "Zkontrolujte den a měsíc; ve svátek je většina úřadů a služeb zavřená."),
        "en": Text("The meeting on {date} falls on a public holiday ({holiday_en}).",
                   "Check the day and the month; most offices and services are closed on public "
                   "holidays."),
    },
    "KP405": {
        "cs": Text("Jednání {date} připadá na víkend ({day}).",
                   "Zkontrolujte den a měsíc; skupiny se scházejí v pracovní dny."),
        "en": Text("The meeting on {date} falls on a weekend ({day_en}).",
                   "Check the day and the month; the groups meet on working days."),
    },
    "KP406": {
        "cs": Text("Jednání {date} je mimo období činnosti skupiny {group} ({period}).",
                   "Zkontrolujte datum a skupinu: přejmenovaná nebo sloučená skupina má nový "
                   "záznam, uveďte ten. Případně opravte active.from a active.until ve skupině."),
        "en": Text("The meeting on {date} is outside the active period of group {group} "
                   "({period}).",
                   "Check the date and the group: a renamed or merged group has a new record, "
                   "name that one. Or fix active.from and active.until in the group."),
    },
    "KP407": {
        "cs": Text("Osoba „{person}“ je v účasti na jednání uvedena podruhé (poprvé v {first}).",
                   "Každá osoba patří jen do jednoho seznamu: present (přítomni), excused "
                   "(omluveni), nebo guests (hosté). Druhý výskyt smažte."),
        "en": Text("Person '{person}' is listed a second time in the attendance (first in "
                   "{first}).",
                   "Each person belongs in one list only: present, excused or guests. Delete the "
                   "second entry."),
    },
    "KP408": {
        "cs": Text("Osoba „{person}“ je ve stejnou dobu i na jednání {other} ({date}).",
                   "Zkontrolujte účast a časy obou jednání; nikdo nemůže být na dvou jednáních "
                   "zároveň."),
        "en": Text("Person '{person}' is at meeting {other} ({date}) at the same time.",
                   "Check the attendance and the times of both meetings; nobody can be at two "
                   "meetings at once."),
    },
    "KP409": {
        "cs": Text("Místo „{place}“ je ve stejnou dobu obsazeno jednáním {other} ({date}).",
                   "Zvolte jinou místnost nebo čas; pokud je čas některého jednání zapsán chybně, "
                   "opravte ho."),
        "en": Text("'{place}' is taken at that time by meeting {other} ({date}).",
                   "Choose another room or time; if one meeting's time is wrong, correct it."),
    },
    "KP410": {
        "cs": Text("Jednání {date} má stav held (konalo se), ale teprve nastane (dnes je "
                   "{today}).",
                   "Opravte datum, nebo stav změňte na planned; held zapište až po jednání."),
        "en": Text("The meeting on {date} has status held but is in the future (today is "
                   "{today}).",
                   "Fix the date, or set the status to planned; write held after the meeting."),
    },
    "KP411": {
        "cs": Text("Jednání {date} už proběhlo, ale má stále stav planned.",
                   "Zapište, zda se jednání konalo: status held (s účastí a zápisem), cancelled "
                   "(s důvodem zrušení), nebo postponed (s odkazem na nový termín)."),
        "en": Text("The meeting on {date} is in the past but still has status planned.",
                   "Record whether the meeting took place: status held (with attendance and "
                   "minutes), cancelled (with a reason) or postponed (with the new date)."),
    },
    "KP412": {
        "cs": Text("Odložení není propojené s novým termínem: jednání „{other}“ má mít "
                   "„{field}: {value}“.",
                   "Odložené jednání má status postponed a v poli postponed_to id nového termínu; "
                   "nové jednání má v poli postponed_from id odloženého. Doplňte chybějící odkaz "
                   "(a případně založte záznam nového termínu)."),
        "en": Text("The postponement is not linked with the new date: meeting '{other}' must "
                   "have '{field}: {value}'.",
                   "A postponed meeting has status postponed and the new meeting's id in "
                   "postponed_to; the new meeting has the old one's id in postponed_from. Add the "
                   "missing link (and create the new meeting's record if needed)."),
    },
    "KP413": {
        "cs": Text("Zrušené jednání nemá uvedený důvod zrušení.",
                   "Doplňte pole cancellation_reason, např. „nemoc vedoucí skupiny“; důvod se "
                   "zobrazí v kalendáři u zrušeného jednání."),
        "en": Text("The cancelled meeting gives no reason.",
                   "Add cancellation_reason, e.g. 'the manager is ill'; the calendar shows it with "
                   "the cancelled meeting."),
    },
    "KP414": {
        "cs": Text("Jednání se stavem {status} má vyplněno {field}; přítomné a zápis má jen "
                   "jednání, které se konalo (held).",
                   "Pokud se jednání konalo, změňte status na held; jinak pole {field} odstraňte "
                   "(omluvené lze uvést předem)."),
        "en": Text("A meeting with status {status} has {field}; only a meeting that took place "
                   "(held) has attendance and minutes.",
                   "If the meeting took place, set status to held; otherwise remove {field} "
                   "(apologies may be listed in advance)."),
    },
    "KP501": {
        "cs": Text("Osoba „{person}“ byla přítomna, ale v den jednání není členem skupiny "
                   "({groups}).",
                   "Pokud je osoba členem, doplňte ji do members ve skupině (s datem from); "
                   "pokud přišla jako host, přesuňte ji do attendance.guests."),
        "en": Text("Person '{person}' was present but is not a member of the group ({groups}) "
                   "on the meeting's date.",
                   "If the person is a member, add them to the group's members (with a from "
                   "date); if they came as a guest, move them to attendance.guests."),
    },
    "KP502": {
        "cs": Text("Členství osoby „{person}“ se překrývá s {other}. záznamem téže osoby v "
                   "members (platným do {until}).",
                   "Při změně role ukončete předchozí záznam polem until (den před from nového "
                   "záznamu), nebo oba záznamy spojte do jednoho."),
        "en": Text("This membership of '{person}' overlaps entry no. {other} of the same "
                   "person in members (running until {until}).",
                   "When a role changes, end the earlier entry with until (the day before the "
                   "new entry's from), or merge the two entries."),
    },
    "KP601": {
        "cs": Text("Usnesení či úkol nesedí k jednání „{meeting}“: {reason}.",
                   "Zkontrolujte pole meeting a group: usnesení patří k jednání, které se konalo, "
                   "a ke skupině, která ho přijala."),
        "en": Text("The decision or task does not fit meeting '{meeting}': {reason}.",
                   "Check meeting and group: a decision belongs to a meeting that took place and "
                   "to the group that made it."),
    },
    "KP602": {
        "cs": Text("Stav „{status}“ není doložen kontrolou úkolů: {reason}.",
                   "Stav se mění jen kontrolou na pozdějším jednání: do jeho záznamu doplňte "
                   "task_checks s tímto úkolem a stavem a stejný stav uveďte zde."),
        "en": Text("Status '{status}' is not backed by a task check: {reason}.",
                   "A status changes only by a check at a later meeting: add the task and its "
                   "status to that meeting's task_checks and give the same status here."),
    },
    "KP603": {
        "cs": Text("Kontrola úkolu „{task}“ je u nesprávného jednání: {reason}.",
                   "Přesuňte položku task_checks do záznamu pozdějšího jednání, které se konalo "
                   "(status held)."),
        "en": Text("The check of task '{task}' is at the wrong meeting: {reason}.",
                   "Move the task_checks entry to the record of a later meeting that took place "
                   "(status held)."),
    },
    "KP604": {
        "cs": Text("Úkol měl být splněn do {due}, ale má stále stav {status}.",
                   "Zařaďte úkol do kontroly úkolů na nejbližším jednání a zapište nový stav "
                   "(done, cancelled) nebo nový termín."),
        "en": Text("The task was due on {due} but its status is still {status}.",
                   "Put the task on the next meeting's task check and record its new status "
                   "(done, cancelled) or a new due date."),
    },
    "KP701": {
        "cs": Text("Zápis z tohoto jednání už byl schválen a nesmí se měnit.",
                   "Vraťte změny v tomto souboru; pozdější fakta a opravy zapište do záznamu "
                   "dalšího jednání (do poznámky nebo do kontroly úkolů)."),
        "en": Text("The minutes of this meeting have been approved and must not change.",
                   "Revert the changes to this file; record later facts and corrections in a later "
                   "meeting's record (a note or a task check)."),
    },
    "KP801": {
        "cs": Text("Konec termínu ({end}) {reason}.",
                   "Zkontrolujte pole start, end, start_time a end_time podle zápisu; nejčastěji "
                   "jde o překlep v měsíci nebo roce."),
        "en": Text("The end of the dated item ({end}) {reason}.",
                   "Check start, end, start_time and end_time against the minutes; most often "
                   "the month or year is mistyped."),
    },
    "KP802": {
        "cs": Text("Termín uvádí jednání „{meeting}“, které má stav {status}; termíny pocházejí "
                   "jen ze zápisu z jednání, které se konalo.",
                   "Do reported_at uveďte id jednání, jehož zápis termín uvádí (status held)."),
        "en": Text("The dated item names meeting '{meeting}', whose status is {status}; dated "
                   "items come only from the minutes of a meeting that took place.",
                   "Put the id of the meeting whose minutes report the date (status held) in "
                   "reported_at."),
    },
    "KP803": {
        "cs": Text("U termínu s přesností na měsíc má {field} být „{expected}“, je zde „{value}“.",
                   "Při precision: month je start první den měsíce a end poslední den měsíce; "
                   "pokud zápis uvádí přesný den, pole precision odstraňte."),
        "en": Text("A month-precision dated item must have {field} '{expected}', not '{value}'.",
                   "With precision: month, start is the first day of a month and end the last "
                   "day of a month; if the minutes give the exact day, remove precision."),
    },
    "KP804": {
        "cs": Text("Výzva (type: call) od {start} nemá uvedený konec.",
                   "Doplňte pole end (poslední den, kdy lze podávat žádosti); pokud jde o jediný "
                   "den, zvolte type: deadline."),
        "en": Text("The call (type: call) from {start} has no end.",
                   "Add end (the last day applications are accepted); for a single day use "
                   "type: deadline."),
    },
    "KP805": {
        "cs": Text("Datum {field} ({value}) je víc než 10 let od jednání „{meeting}“ ({date}), "
                   "které termín uvedlo.",
                   "Zkontrolujte rok; nejspíš jde o překlep (např. 2202 místo 2022)."),
        "en": Text("The date {field} ({value}) is more than 10 years from meeting '{meeting}' "
                   "({date}), which reported the item.",
                   "Check the year; it is most likely a typo (e.g. 2202 for 2022)."),
    },
    "KP806": {
        "cs": Text("Kalendář „{calendar}“ termíny nezobrazuje (kinds: {kinds}).",
                   "Uveďte kalendář, který termíny přijímá (např. terminy), nebo do záznamu "
                   "kalendáře doplňte dated do pole kinds."),
        "en": Text("Calendar '{calendar}' does not show dated items (kinds: {kinds}).",
                   "Name a calendar that takes dated items (e.g. terminy), or add dated to the "
                   "calendar record's kinds."),
    },
}

REASONS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "KP203": {
        "type": {"cs": "má tu být {expected}, je zde {actual}",
                 "en": "expected {expected}, found {actual}"},
        "missing-pipe": {"cs": "má tu být {expected}, je zde {actual}; víceřádkový text začíná "
                               "znakem | hned za názvem pole",
                         "en": "expected {expected}, found {actual}; a multi-line text starts "
                               "with | right after the field name"},
    },
    "KP205": {
        "date": {"cs": "není datum ve tvaru RRRR-MM-DD, nebo takový den není",
                 "en": "is not a date as YYYY-MM-DD, or no such day exists"},
        "uri": {"cs": "není celá webová adresa (https://…)",
                "en": "is not a full web address (https://…)"},
        "other": {"cs": "nemá platný tvar", "en": "is not in a valid form"},
    },
    "KP101": {
        "unclosed-quote": {"cs": "uvozovky otevřené na tomto řádku se neuzavírají",
                           "en": "the quote opened on this line is not closed"},
        "text-after-quote": {"cs": "za uzavřenými uvozovkami pokračuje text",
                             "en": "text goes on after the closing quote"},
        "missing-space": {"cs": "za dvojtečkou u pole „{key}“ chybí mezera",
                          "en": "the colon after '{key}' is not followed by a space"},
        "missing-colon": {"cs": "za názvem pole chybí dvojtečka",
                          "en": "the field name is not followed by a colon"},
        "colon-in-value": {"cs": "text obsahuje dvojtečku s mezerou, takový text musí být "
                                 "v uvozovkách",
                           "en": "the text holds a colon and a space; such text must be quoted"},
        "text-indentation": {"cs": "řádek textu je odsazený méně než text nad ním; má začínat "
                                   "{spaces} mezerami jako ostatní řádky textu",
                             "en": "the line of text is indented less than the text above it; "
                                   "it must start with {spaces} spaces like the others"},
        "missing-pipe": {"cs": "text pole „{key}“ začíná na dalším řádku, ale za dvojtečkou "
                               "chybí znak |",
                         "en": "the text of '{key}' starts on the next line, but the | after "
                               "the colon is missing"},
        "odd-space": {"cs": "odsazení obsahuje nezlomitelnou nebo jinou zvláštní mezeru "
                            "(nejspíš zkopírovanou z Wordu nebo webu); odsazujte obyčejnými "
                            "mezerami",
                      "en": "the indentation holds a non-breaking or other unusual space "
                            "(probably pasted from Word or the web); indent with plain spaces"},
        "space-in-time": {"cs": "v čase je za dvojtečkou mezera",
                          "en": "the time has a space after its colon"},
        "colon-in-text": {"cs": "text pole na předchozím řádku pokračuje a obsahuje dvojtečku "
                                "s mezerou; takový víceřádkový text začněte znakem | hned za "
                                "názvem pole (např. content: |) a na dalších řádcích ho "
                                "odsaďte",
                          "en": "the text of the field above goes on and holds a colon and a "
                                "space; start such multi-line text with | right after the "
                                "field name (e.g. content: |) and indent it below"},
        "indentation": {"cs": "řádek je odsazený jinak než pole, ke kterým patří; má začínat "
                              "{spaces} mezerami",
                        "en": "the line is indented differently from the fields it belongs "
                              "to; it must start with {spaces} spaces"},
        "indentation-none": {"cs": "řádek je odsazený, ale pole na nejvyšší úrovni začínají "
                                   "na začátku řádku",
                             "en": "the line is indented, but top-level fields start at the "
                                   "beginning of the line"},
        "list-on-key-line": {"cs": "položka seznamu (-) nemůže být na řádku s názvem pole",
                             "en": "a list item (-) cannot be on the line of the field name"},
        "unclosed-bracket": {"cs": "závorka otevřená na tomto řádku se neuzavírá",
                             "en": "the bracket opened on this line is not closed"},
        "other": {"cs": "{detail}", "en": "libyaml says: {detail}"},
    },
    "KP207": {
        "min-items": {"cs": "seznam nesmí být prázdný (alespoň {limit} položka)",
                      "en": "the list must not be empty (at least {limit} item)"},
        "min-length": {"cs": "hodnota nesmí být prázdná", "en": "the value must not be empty"},
        "max-length": {"cs": "text je delší, než pole dovoluje ({limit} znaků)",
                       "en": "the text is longer than the field allows ({limit} characters)"},
        "unique-items": {"cs": "některá položka je v seznamu dvakrát",
                         "en": "an item appears twice in the list"},
        "minimum": {"cs": "číslo „{value}“ je menší než {limit}",
                    "en": "the number '{value}' is less than {limit}"},
        "maximum": {"cs": "číslo „{value}“ je větší než {limit}",
                    "en": "the number '{value}' is greater than {limit}"},
        "other": {"cs": "hodnota „{value}“ neodpovídá popisu pole",
                  "en": "the value '{value}' does not fit the field's description"},
    },
    "KP304": {
        "year-folder": {
            "cs": "záznam ({kind}) patří do složky roku svého data.",
            "en": "a record ({kind}) belongs in the folder of its date's year.",
        },
        "id-date": {
            "cs": "id záznamu ({kind}) i název souboru začínají jeho datem z pole {field} "
                  "(RRRR-MM-DD-).",
            "en": "the id and file name of a record ({kind}) start with its date from {field} "
                  "(YYYY-MM-DD-).",
        },
        "kind-folder": {
            "cs": "záznam ({kind}) patří přímo do složky svého druhu, ne do podsložky.",
            "en": "a record ({kind}) belongs directly in the folder of its kind, not in a "
                  "subfolder.",
        },
    },
    "KP401": {
        "end-not-after-start": {"cs": "není později než jeho začátek ({start})",
                                "en": "is not later than its start ({start})"},
        "end-without-start": {"cs": "je uveden bez času začátku",
                              "en": "is given without a start time"},
    },
    "KP801": {
        "end-before-start": {"cs": "je dřív než jeho začátek ({start})",
                             "en": "is before its start ({start})"},
        "end-without-start": {"cs": "je uveden bez času začátku",
                              "en": "is given without a start time"},
        "end-time-not-after-start": {"cs": "není později než čas začátku ({start})",
                                     "en": "is not later than the start time ({start})"},
    },
    "KP601": {
        "group": {"cs": "je to jednání skupin {groups}, ne skupiny {group}",
                  "en": "it is a meeting of {groups}, not of {group}"},
        "not-held": {"cs": "jednání má stav {status}, usnesení se přijímají jen na jednání, "
                           "které se konalo (held)",
                     "en": "the meeting has status {status}; decisions are made only at a "
                           "meeting that took place (held)"},
    },
    "KP602": {
        "no-check": {"cs": "žádné jednání úkol nezkontrolovalo, stav má proto být {initial}",
                     "en": "no meeting has checked it, so the status must be {initial}"},
        "differs": {"cs": "poslední kontrola na jednání {meeting} ({date}) zapsala stav {checked}",
                    "en": "the latest check, at meeting {meeting} ({date}), recorded {checked}"},
    },
    "KP603": {
        "not-after": {"cs": "úkol vznikl na jednání {origin} ({date}), zkontrolovat ho lze až "
                            "na pozdějším jednání",
                      "en": "the task was given at meeting {origin} ({date}); it can only be "
                            "checked at a later meeting"},
        "not-held": {"cs": "toto jednání má stav {status}, kontrola patří do záznamu jednání, "
                           "které se konalo",
                     "en": "this meeting has status {status}; a check belongs in the record of a "
                           "meeting that took place"},
    },
}
"""Code → value of the `reason` argument → the clause it stands for, per language.

A rule that flags one thing for several reasons passes `reason`; the report puts the clause into
the message in the reader's language, filled with the same arguments.
"""
