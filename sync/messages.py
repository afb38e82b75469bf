"""What the sync says to people, in Czech and English."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

MESSAGES: Mapping[str, Mapping[str, str]] = {
    "config": {
        "cs": "Chybí nebo je špatně nastavení: {name}. Nastavte proměnné prostředí "
              "KPSS_CALDAV_URL, KPSS_CALDAV_USERNAME a KPSS_CALDAV_PASSWORD "
              "(nebo KPSS_CALDAV_PASSWORD_FILE); viz README.",
        "en": "Missing or invalid setting: {name}. Set KPSS_CALDAV_URL, KPSS_CALDAV_USERNAME and "
              "KPSS_CALDAV_PASSWORD (or KPSS_CALDAV_PASSWORD_FILE); see the README.",
    },
    "insecure": {
        "cs": "Adresa serveru {host} používá nešifrované http; heslo by šlo sítí čitelně. Použijte "
              "https, nebo (jen pokud víte proč) přidejte --allow-insecure-http.",
        "en": "The server {host} uses plain http; the password would cross the network readable. "
              "Use https, or (only if you know why) pass --allow-insecure-http.",
    },
    "outside": {
        "cs": "Adresa {url} vede mimo nastavený server; synchronizace ji odmítá.",
        "en": "The address {url} points outside the configured server; refused.",
    },
    "records": {
        "cs": "Záznamy obsahují chyby (viz výše); do kalendáře se nic neodeslalo.",
        "en": "The records have errors (see above); nothing was sent to the calendar.",
    },
    "auth": {
        "cs": "Server odmítl přihlášení (HTTP 401) na {url}: zkontrolujte uživatelské jméno a "
              "heslo servisního účtu.",
        "en": "The server refused the login (HTTP 401) at {url}: check the service account's "
              "username and password.",
    },
    "forbidden": {
        "cs": "Účet nemá oprávnění (HTTP 403) k {url}{reason}: požádejte správce serveru (IT "
              "města) o právo čtení a zápisu (DAV:read, DAV:write) servisního účtu do jeho "
              "kalendářů a o právo zakládat kalendáře v jeho domovské složce.",
        "en": "The account has no permission (HTTP 403) for {url}{reason}: ask the server's "
              "administrator (the city's IT) to give the service account read and write access "
              "(DAV:read, DAV:write) to its calendars and the right to create calendars in its "
              "home.",
    },
    "notfound": {
        "cs": "Adresa {url} na serveru neexistuje (HTTP 404): zkontrolujte KPSS_CALDAV_URL.",
        "en": "{url} does not exist on the server (HTTP 404): check KPSS_CALDAV_URL.",
    },
    "noevents": {
        "cs": "{url} je kalendář jen pro úkoly (třeba tabule aplikace Deck v Nextcloudu), ne "
              "pro události: synchronizace do něj nic nezapíše. Dejte kalendáři v záznamech "
              "jiné id, nebo ten na serveru přejmenujte či odstraňte.",
        "en": "{url} is a calendar for tasks only (a Nextcloud Deck board, say), not events: "
              "the sync writes nothing into it. Give the calendar another id in the records, or "
              "rename or remove the one on the server.",
    },
    "notcalendar": {
        "cs": "{url} není kalendář CalDAV: zkontrolujte KPSS_CALDAV_URL (má vést na kořen serveru "
              "nebo na domovskou složku kalendářů).",
        "en": "{url} is not a CalDAV calendar: check KPSS_CALDAV_URL (the server root or the "
              "calendar home).",
    },
    "tls": {
        "cs": "Certifikát serveru {url} nelze ověřit (TLS). Je-li certifikát vydán vlastní "
              "autoritou, předejte ji přes --ca-bundle SOUBOR.",
        "en": "The certificate of {url} cannot be verified (TLS). For a private authority pass "
              "--ca-bundle FILE.",
    },
    "timeout": {
        "cs": "Server {url} neodpověděl včas ani po opakování. Spusťte synchronizaci znovu "
              "později; dokončí, co zbylo.",
        "en": "{url} did not answer in time, even after retries. Run the sync again later; it "
              "finishes what is left.",
    },
    "network": {
        "cs": "Spojení se serverem {url} selhalo ({detail}). Spusťte synchronizaci znovu; dokončí, "
              "co zbylo.",
        "en": "The connection to {url} failed ({detail}). Run the sync again; it finishes what is "
              "left.",
    },
    "server": {
        "cs": "Server {url} hlásí chybu ({detail}) i po opakování. Spusťte synchronizaci později.",
        "en": "{url} reports an error ({detail}) even after retries. Run the sync again later.",
    },
    "rejected": {
        "cs": "Server {url} odmítl data ({detail}).",
        "en": "{url} refused the data ({detail}).",
    },
    "badresponse": {
        "cs": "Odpovědi serveru {url} nelze rozumět ({detail}). Spusťte synchronizaci znovu.",
        "en": "The answer of {url} cannot be read ({detail}). Run the sync again.",
    },
    "toolarge": {
        "cs": "Odpověď serveru {url} je delší než {limit} MB; synchronizace ji nečte dál. "
              "Zkontrolujte KPSS_CALDAV_URL a server.",
        "en": "The answer of {url} is longer than {limit} MB; the sync reads no further. Check "
              "KPSS_CALDAV_URL and the server.",
    },
    "toomany": {
        "cs": "Odpověď serveru {url} má víc než {limit} položek; synchronizace tolik nepřijímá.",
        "en": "The answer of {url} has more than {limit} items; the sync does not take that "
              "many.",
    },
    "deadline": {
        "cs": "Synchronizace nestihla skončit do {seconds} s (--deadline); server {url} odpovídá "
              "příliš pomalu. Spusťte ji znovu; dokončí, co zbylo.",
        "en": "The sync did not finish within {seconds} s (--deadline); {url} answers too "
              "slowly. Run it again; it finishes what is left.",
    },
    "internal": {
        "cs": "Vnitřní chyba synchronizace ({detail}); nic dalšího se nezapsalo. Nahlaste ji "
              "prosím správcům repozitáře.",
        "en": "Internal error of the sync ({detail}); nothing more was written. Please report "
              "it to the repository's maintainers.",
    },
    "warn_oversized": {
        "cs": "Upozornění: událost {url} v kalendáři je větší než {limit} MB; synchronizace ji "
              "nečte a nechává ji být (není její).",
        "en": "Note: the event {url} in the calendar is larger than {limit} MB; the sync does "
              "not read it and leaves it alone (it is not the sync's).",
    },
    "redirect": {
        "cs": "Server přesměrovává {url} jinam ({target}); synchronizace přesměrování "
              "nenásleduje. Zkontrolujte KPSS_CALDAV_URL (má vést přímo na server CalDAV).",
        "en": "The server redirects {url} elsewhere ({target}); the sync does not follow "
              "redirects. Check KPSS_CALDAV_URL (it must point at the CalDAV server itself).",
    },
    "token": {
        "cs": "Server {url} nevydal změny od poslední synchronizace (RFC 6578).",
        "en": "The server {url} did not list the changes since the last sync (RFC 6578).",
    },
    "precondition": {
        "cs": "Událost {url} se mezitím na serveru změnila (HTTP 412). Spusťte synchronizaci "
              "znovu; změny se sladí.",
        "en": "The event {url} changed on the server meanwhile (HTTP 412). Run the sync again.",
    },
    "massdelete": {
        "cs": "Synchronizace by v kalendáři {calendar} smazala {count} z {total} jednání. To "
              "vypadá na chybu v záznamech, proto se nic nezměnilo. Pokud je to záměr, "
              "spusťte ji s --allow-mass-delete.",
        "en": "The sync would delete {count} of {total} meetings in calendar {calendar}. That "
              "looks like a mistake, so nothing changed. If intended, pass --allow-mass-delete.",
    },
    "props": {
        "cs": "Server nepřevzal název, popis nebo barvu kalendáře {url}.",
        "en": "The server did not keep the name, description or colour of {url}.",
    },
    "serve_running": {
        "cs": "Místní kalendářový server Radicale běží na {url}. Kalendáře k odběru "
              "(adresu vložte do kalendáře jako odběr / „přidat kalendář z internetu“):",
        "en": "The local Radicale calendar server runs at {url}. Calendars to subscribe to:",
    },
    "serve_stop": {
        "cs": "Server běží, dokud ho neukončíte klávesami Ctrl+C. Data má ve složce {folder}, "
              "takže adresy platí i po dalším spuštění; smazáním složky server vynulujete.",
        "en": "The server runs until you stop it with Ctrl+C. Its data stay in {folder}, so the "
              "addresses still work after the next start; delete the folder to reset it.",
    },
    "serve_port": {
        "cs": "Port {port} na tomto počítači už používá jiný program (třeba jiný běžící "
              "`nox -s serve`). Ukončete ho, nebo zvolte jiný port: `nox -s serve -- --port "
              "{other}` (odběry z portu {port} pak přestanou platit).",
        "en": "Another program already uses port {port} on this computer (perhaps another "
              "`nox -s serve`). Stop it, or choose another port: `nox -s serve -- --port "
              "{other}` (subscriptions made on port {port} then stop working).",
    },
    "serve_failed": {
        "cs": "Místní server Radicale se nespustil ({detail}); jeho výpis je v {log}.",
        "en": "The local Radicale server did not start ({detail}); its log is in {log}.",
    },
    "serve_once": {
        "cs": "Server se ukončuje (--once); data zůstávají ve složce {folder} pro další spuštění.",
        "en": "Stopping the server (--once); its data stay in {folder} for the next start.",
    },
    "sync": {"cs": "Synchronizace selhala: {detail}", "en": "Sync failed: {detail}"},
    "unknown_calendar": {
        "cs": "Kalendář „{id}“ v záznamech není. Dostupné: {known}.",
        "en": "There is no calendar '{id}' in the records. Known: {known}.",
    },
    "unknown_calendar_close": {
        "cs": "Kalendář „{id}“ v záznamech není. Nemysleli jste „{close}“? Dostupné: {known}.",
        "en": "There is no calendar '{id}' in the records. Did you mean '{close}'? Known: "
              "{known}.",
    },
    "summary": {
        "cs": "{id}: vytvořeno {created}, změněno {updated}, smazáno {deleted}, beze změny "
              "{unchanged}",
        "en": "{id}: created {created}, updated {updated}, deleted {deleted}, unchanged "
              "{unchanged}",
    },
    "quiet": {
        "cs": "Záznamy se od poslední synchronizace nezměnily a kalendáře na serveru také ne: "
              "není co nahrát (záznamy byly zkontrolovány, když se nahrávaly).",
        "en": "Neither the records nor the calendars on the server changed since the last sync: "
              "nothing to push (the records were checked when they were pushed).",
    },
    "requests": {
        "cs": "Požadavků na server: {requests} (zápisů: {writes}).",
        "en": "Requests to the server: {requests} (writes: {writes}).",
    },
    "dry_run": {
        "cs": "Zkouška nanečisto (--dry-run): nic se nezapsalo.",
        "en": "Dry run (--dry-run): nothing was written.",
    },
    "warn_state": {
        "cs": "Upozornění: server neuložil pomocnou vlastnost kalendáře {id}; příští běh "
              "bude stahovat více dat.",
        "en": "Note: the server did not keep the helper property of calendar {id}; the next run "
              "downloads more.",
    },
    "not_created": {
        "cs": "Server ho zatím nezaložil (HTTP {status}: nejspíš limit nových kalendářů za "
              "hodinu nebo počtu kalendářů; Nextcloud jich za hodinu povolí 10). Ostatní "
              "kalendáře se nahrály, tento založí příští běh; trvá-li to, požádejte správce "
              "serveru o zvýšení limitu.",
        "en": "The server did not create it yet (HTTP {status}: most likely a limit on new "
              "calendars an hour or on calendars in all; Nextcloud allows 10 an hour). The other "
              "calendars were pushed, the next run creates this one; if it persists, ask the "
              "server's admin to raise the limit.",
    },
    "no_cache": {
        "cs": "Server neukládá mezipaměť synchronizace (ani vlastnost kalendáře, ani "
              "DAV:comment); každý běh proto porovná události přímo: víc požadavků, stejný "
              "výsledek.",
        "en": "The server keeps no sync cache (neither a calendar property nor DAV:comment); "
              "every run compares the events instead: more requests, the same result.",
    },
    "no_cache_yet": {
        "cs": "Kalendáře na serveru nemají mezipaměť synchronizace; události se porovnaly "
              "přímo.",
        "en": "The calendars on the server hold no sync cache; the events were compared "
              "directly.",
    },
    "warn_newer": {
        "cs": "Přeskočeno: kalendář {id} už nese novější commit {newer} (tento běh je z {ours}); "
              "starší obsah se zpět nenahrává.",
        "en": "Skipped: calendar {id} already holds the newer commit {newer} (this run is from "
              "{ours}); older content is not put back.",
    },
    "plan_newer": {
        "cs": "{id}: přeskočit — na serveru je novější commit {newer} (tento běh je z {ours})",
        "en": "{id}: skip — the server holds the newer commit {newer} (this run is from {ours})",
    },
    "warn_skipped": {
        "cs": "Upozornění: v kalendáři {id} synchronizace nechala beze změny {count} položek, "
              "které nejsou její událostí nebo jejichž adresa nevede přímo do kalendáře "
              "(např. {example}).",
        "en": "Note: in calendar {id} the sync left alone {count} items that are not its events "
              "or whose address does not lead directly into the calendar (e.g. {example}).",
    },
    "event_failed": {
        "cs": "{id}: {file} se nezapsalo. {reason}",
        "en": "{id}: {file} was not written. {reason}",
    },
    "calendar_failed": {
        "cs": "{id}: kalendář se nepodařilo synchronizovat. {reason}",
        "en": "{id}: the calendar could not be synced. {reason}",
    },
    "partly": {
        "cs": "Synchronizace skončila s chybami: server odmítl {count} zápisů (důvody výše); "
              "vše ostatní se zapsalo. Po opravě spusťte synchronizaci znovu, dokončí jen to, "
              "co zbylo.",
        "en": "The sync ended with errors: the server refused {count} writes (reasons above); "
              "everything else was written. Run it again once fixed; it finishes only what is "
              "left.",
    },
    "warn_props": {
        "cs": "Upozornění: server nepřevzal název, popis nebo barvu kalendáře {id}.",
        "en": "Note: the server did not keep the name, description or colour of calendar {id}.",
    },
}


class _Args(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return ""


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


def say(key: str, lang: str, **args: object) -> str:
    """The message `key` in `lang`; every text value in it shown on one line (`shown`)."""
    values = {k: shown(v) if isinstance(v, str) else v for k, v in args.items()}
    return MESSAGES[key][lang].format_map(_Args(values))
