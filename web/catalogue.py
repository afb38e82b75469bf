"""The catalogue record of the open data: a DCAT-AP-CZ dataset with its distributions, in the
form of the open formal norm "Rozhraní katalogů otevřených dat" (2021-01-11), the form NKOD's
registration takes (docs/ci.md says how a city sends it). Written only when the site's public
address is known: a record's IRIs and download URLs must be absolute."""

from __future__ import annotations

import json
from typing import Any

from web import ofn, spreadsheet
from web.subscribe import archive_path
from web.view import View

PATH = "opendata/datova-sada.jsonld"
CONTEXT = ("https://ofn.gov.cz/rozhraní-katalogů-otevřených-dat/2021-01-11/kontexty/"
           "rozhraní-katalogů-otevřených-dat.jsonld")
EU = "http://publications.europa.eu/resource/authority"
IANA = "http://www.iana.org/assignments/media-types"
TERMS = "https://data.gov.cz/podmínky-užití"
FREQUENCY = f"{EU}/frequency/IRREG"
"""The files change whenever the records do (every merged change), not on a schedule."""
THEMES = (f"{EU}/data-theme/SOCI", f"{EU}/data-theme/GOVE")
KEYWORDS = {"cs": ["komunitní plánování", "sociální služby", "jednání", "pracovní skupiny",
                   "kalendář", "události"],
            "en": ["community planning", "social services", "meetings", "working groups",
                   "calendar", "events"]}
TERMS_OF_USE = {
    # Dates, times, places and titles of public meetings: no work of authorship, no database
    # protected as such, no personal data (the files name no people).
    "typ": "Specifikace podmínek užití",
    "autorské_dílo": f"{TERMS}/neobsahuje-autorská-díla/",
    "databáze_jako_autorské_dílo": f"{TERMS}/není-autorskoprávně-chráněnou-databází/",
    "databáze_chráněná_zvláštními_právy":
        f"{TERMS}/není-chráněna-zvláštním-právem-pořizovatele-databáze/",
    "osobní_údaje": f"{TERMS}/neobsahuje-osobní-údaje/",
}


def _distribution(base: str, path: str, name: str, media: str,
                  extra: dict[str, str]) -> dict[str, Any]:
    url = base + path
    return {"typ": "Distribuce", "iri": f"{url}#distribuce", "název": {"cs": name},
            "podmínky_užití": TERMS_OF_USE, "přístupové_url": url, "soubor_ke_stažení": url,
            "typ_média": f"{IANA}/{media}", **extra}


def distributions(view: View, base: str) -> list[dict[str, Any]]:
    """JSON-LD by OFN Události, the CSV, and the iCalendar archive of every meeting."""
    found = [
        _distribution(base, ofn.ALL, "Jednání a termíny jako události podle OFN Události (JSON-LD)",
                      "application/ld+json",
                      {"formát": f"{EU}/file-type/JSON_LD",
                       "schéma": "https://ofn.gov.cz/události/2020-07-01/schémata/události.json"}),
        _distribution(base, spreadsheet.PATH, "Všechna jednání jako tabulka (CSV)", "text/csv",
                      {"formát": f"{EU}/file-type/CSV"}),
    ]
    everything = [c for c in view.calendars() if c.shows_all and c.takes("meeting")]
    if everything:
        found.append(_distribution(base, archive_path(everything[0].id),
                                   "Všechna jednání jako kalendář (iCalendar)", "text/calendar",
                                   {}))
    return found


def record(view: View) -> dict[str, Any] | None:
    """The dataset, or None without the site's address."""
    base = view.base_url
    if not base:
        return None
    publisher = view.publisher
    contact: dict[str, Any] = {"typ": "Organizace", "jméno": {"cs": publisher.name}}
    if publisher.email:
        contact["e-mail"] = f"mailto:{publisher.email}"
    return {
        "@context": CONTEXT, "iri": f"{base}{PATH}#datova-sada", "typ": "Datová sada",
        "název": {"cs": f"Jednání komunitního plánování sociálních služeb – {publisher.name}"},
        "popis": {"cs": "Termíny, místa a stav jednání řídicí skupiny a pracovních skupin "
                        "komunitního plánování sociálních služeb a termíny (uzávěrky, výzvy, "
                        "akce), které uvádějí zápisy, ze záznamů, ze kterých vzniká web a "
                        "kalendáře k odběru."},
        "poskytovatel": publisher.ovm_iri, "téma": list(THEMES),
        "periodicita_aktualizace": FREQUENCY, "klíčové_slovo": KEYWORDS,
        "prvek_rúian": [publisher.area], "kontaktní_bod": contact,
        "dokumentace": base + "otevrena-data.html",
        "specifikace": ["https://ofn.gov.cz/události/2020-07-01/"],
        "distribuce": distributions(view, base),
    }


def files(view: View) -> dict[str, bytes]:
    found = record(view)
    if found is None:
        return {}
    return {PATH: json.dumps(found, ensure_ascii=False, indent=1).encode("utf-8")}
