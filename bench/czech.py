"""Czech words for the synthetic corpus: names, organisations, places and minutes-like sentences.

Everything is drawn from a `random.Random` the caller seeds, so the same seed gives the same text.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from messages import MONTHS_CS, date_cs

GIVEN = {
    "f": ("Jana", "Eva", "Hana", "Lenka", "Petra", "Lucie", "Kateřina", "Martina", "Alena",
          "Veronika", "Michaela", "Zuzana", "Markéta", "Adéla", "Olga", "Dana", "Vlasta",
          "Ivana", "Monika", "Barbora", "Tereza", "Radka", "Šárka", "Blanka"),
    "m": ("Jan", "Petr", "Pavel", "Tomáš", "Martin", "Jiří", "Lukáš", "Ondřej", "Michal",
          "Ivan", "Robert", "Jakub", "Karel", "Miroslav", "Zdeněk", "Vojtěch", "Radek",
          "David", "Filip", "Aleš"),
}
SURNAMES = (  # (masculine, feminine)
    ("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Dvořák", "Dvořáková"),
    ("Černý", "Černá"), ("Procházka", "Procházková"), ("Kučera", "Kučerová"),
    ("Veselý", "Veselá"), ("Horák", "Horáková"), ("Němec", "Němcová"),
    ("Pokorný", "Pokorná"), ("Marek", "Marková"), ("Pospíšil", "Pospíšilová"),
    ("Hájek", "Hájková"), ("Jelínek", "Jelínková"), ("Král", "Králová"),
    ("Růžička", "Růžičková"), ("Beneš", "Benešová"), ("Fiala", "Fialová"),
    ("Sedláček", "Sedláčková"), ("Doležal", "Doležalová"), ("Zeman", "Zemanová"),
    ("Kolář", "Kolářová"), ("Navrátil", "Navrátilová"), ("Čermák", "Čermáková"),
    ("Vaněk", "Vaňková"), ("Urban", "Urbanová"), ("Blažek", "Blažková"),
    ("Kříž", "Křížová"), ("Kovář", "Kovářová"), ("Bartoš", "Bartošová"),
    ("Vlček", "Vlčková"), ("Polák", "Poláková"), ("Musil", "Musilová"),
    ("Kopecký", "Kopecká"), ("Šimek", "Šimková"), ("Konečný", "Konečná"),
    ("Malý", "Malá"), ("Holub", "Holubová"), ("Štěpánek", "Štěpánková"),
    ("Kadlec", "Kadlecová"), ("Langr", "Langrová"), ("Průcha", "Průchová"),
    ("Merglová", "Merglová"), ("Teplý", "Teplá"), ("Jíra", "Jírová"),
    ("Morec", "Morcová"), ("Pavlů", "Pavlů"), ("Kalous", "Kalousová"),
)
TITLES_BEFORE = ("Mgr.", "Bc.", "Ing.", "PhDr.", "JUDr.", "MUDr.", "Mgr. et Mgr.")
TITLES_AFTER = ("Ph.D.", "DiS.", "MBA")

ORGANISATIONS = (  # id, abbreviation, kind, full name
    ("sml", "SML", "city", "Statutární město Liberec"),
    ("kulk", "KÚLK", "region", "Krajský úřad Libereckého kraje"),
    ("up", "ÚP", "state", "Úřad práce České republiky, krajská pobočka v Liberci"),
    ("mpsv", "MPSV", "state", "Ministerstvo práce a sociálních věcí"),
    ("asz", "ASZ", "agency", "Agentura pro sociální začleňování"),
    ("cpic", "CPIC", "agency", "Centrum na podporu integrace cizinců pro Liberecký kraj"),
    ("kacpu", "KACPU", "agency", "Krajské asistenční centrum pomoci Ukrajině"),
    ("vratislavice", "Vratislavice", "city-district", "Městský obvod Liberec-Vratislavice n. N."),
    ("mas-podjestedi", "MAS Podještědí", "local-action-group", "MAS Podještědí, z.s."),
    ("ochl", "OCHL", "provider", "Oblastní charita Liberec"),
    ("pms", "PMS", "state", "Probační a mediační služba, středisko Liberec"),
    ("clovek-v-tisni", "ČvT", "provider", "Člověk v tísni, o.p.s., pobočka Liberec"),
    ("fokus-liberec", "Fokus", "provider", "Fokus Liberec o.p.s."),
    ("nadeje", "Naděje", "provider", "Naděje, pobočka Liberec"),
    ("most-k-nadeji", "Most k naději", "provider", "Most k naději, z.s."),
    ("advaita", "Advaita", "provider", "Advaita, z.ú."),
    ("navrat", "Návrat", "provider", "Návrat o.p.s."),
    ("romodrom", "Romodrom", "provider", "Romodrom o.p.s."),
    ("aposs", "APOSS", "provider", "APOSS Liberec, příspěvková organizace"),
    ("css-liberec", "CSS", "provider", "Centrum sociálních služeb Liberec"),
    ("diakonie-liberec", "Diakonie", "provider", "Diakonie ČCE – středisko v Liberci"),
    ("armada-spasy", "AS", "provider", "Armáda spásy, Azylový dům Liberec"),
    ("tyfloservis", "Tyfloservis", "provider", "Tyfloservis, o.p.s., krajské ambulantní středisko"),
    ("rc-zirafa", "Žirafa", "provider", "Rodinné centrum Žirafa, z.s."),
    ("dps-frantiskov", "DS Františkov", "provider", "Domov pro seniory Františkov"),
    ("potravinova-banka", "PB LK", "other", "Potravinová banka Libereckého kraje, z.s."),
    ("bily-kruh-bezpeci", "BKB", "provider", "Bílý kruh bezpečí, pobočka Liberec"),
    ("spolecnost-dmp", "DMP", "provider", "Společnost pro podporu lidí s mentálním postižením"),
)

VENUES = (  # id, name, address, rooms
    ("radnice", "Historická budova radnice", "nám. Dr. E. Beneše 1, 460 59 Liberec",
     ("209", "315")),
    ("lidove-sady", "Lidové sady", "Lidové sady 425/1, 460 01 Liberec", ("malý sál",)),
    ("uran", "Uran", "Jungmannova 1028/24, 460 01 Liberec", ("17",)),
    ("krejciho", "Krejčího", "Krejčího 1117/2a, 460 06 Liberec", ()),
    ("fokus", "Fokus", "Pobřežní 524/8, 460 01 Liberec", ()),
    ("advaita", "Advaita", "Rumjancevova 1362/1, 460 01 Liberec", ()),
    ("mcu-koloseum", "MCU Koloseum", "Zeyerova 879/27, 460 01 Liberec", ("zasedačka",)),
    ("kraj", "Krajský úřad Libereckého kraje", "U Jezu 642/2a, 461 80 Liberec",
     ("zasedací místnost 4. patro",)),
)

GROUPS = (  # id, short name, kind, full name, target group, (venue, room)
    ("rps", "ŘPS", "steering-group", "Řídicí pracovní skupina", None, ("radnice", "209")),
    ("ps-seniori", "PS Senioři", "working-group", "Pracovní skupina pro seniory", "senioři",
     ("krejciho", None)),
    ("ps-dusevni-zdravi", "PS Duševní zdraví", "working-group",
     "Pracovní skupina pro duševní zdraví", "lidé s duševním onemocněním", ("fokus", None)),
    ("ps-deti-a-mladez", "PS Děti a mládež", "working-group",
     "Pracovní skupina pro děti a mládež", "děti, mládež a rodiny", ("uran", "17")),
    ("ps-zavislosti", "PS Závislosti", "working-group",
     "Pracovní skupina pro osoby ohrožené závislostmi", "osoby ohrožené závislostmi",
     ("advaita", None)),
    ("ps-zdravotne-znevyhodneni", "PS Zdravotně znevýhodnění", "working-group",
     "Pracovní skupina pro zdravotně znevýhodněné", "lidé se zdravotním postižením",
     ("mcu-koloseum", "zasedačka")),
    ("ps-socialni-vylouceni", "PS Sociální vyloučení", "working-group",
     "Pracovní skupina pro osoby a rodiny ohrožené sociálním vyloučením",
     "osoby a rodiny ohrožené sociálním vyloučením", ("radnice", "315")),
)
JOINT = ("spolecna-setkani", "Společná setkání", "joint-meeting",
         "Společná setkání pracovních skupin", None, ("lidove-sady", "malý sál"))

SERVICES = ("azylový dům pro ženy a matky s dětmi", "noclehárna", "nízkoprahové denní centrum",
            "terénní program", "sociálně aktivizační služba pro rodiny s dětmi",
            "odlehčovací služba", "osobní asistence", "pečovatelská služba", "kontaktní centrum",
            "chráněné bydlení", "podpora samostatného bydlení", "sociální rehabilitace",
            "denní stacionář", "raná péče", "odborné sociální poradenství",
            "nízkoprahové zařízení pro děti a mládež")
TOPICS = ("rozšíření kapacity terénní služby", "novém projektu Domovníci",
          "dofinancování sociálních služeb", "změnách v síti sociálních služeb kraje",
          "přípravě návrhové části komunitního plánu", "výsledcích dotazníkového šetření",
          "spolupráci s Úřadem práce při výplatě dávek", "nabídce vzdělávání pracovníků",
          "situaci v sociálně vyloučených lokalitách", "akci Milostivé léto",
          "potravinové pomoci pro rodiny s dětmi", "humanitární pomoci uprchlíkům z Ukrajiny",
          "výzvě OPZ+ na podporu sociálního začleňování", "plánu sociálního začleňování",
          "nedostatku kapacit pobytových služeb", "dluhovém poradenství a exekucích")
AGENDA = ("Informace ze Statutárního města Liberec",
          "Informace z Krajského úřadu Libereckého kraje a Úřadu práce",
          "Novinky z poskytovatelů sociálních služeb", "Komunitní plán – návrhová část",
          "Dotační řízení na příští rok", "Síť sociálních služeb Libereckého kraje",
          "Harmonogram jednání na další pololetí", "Vyhodnocení dotazníkového šetření",
          "Humanitární pomoc a uprchlíci z Ukrajiny", "Projekty OPZ+ a jejich pokračování",
          "Prezentace služby", "Bytová politika města a sociální bydlení")
AGREEMENTS = ("priority pro další období zůstávají beze změny",
              "je potřeba posílit terénní služby v okrajových částech města",
              "návrh opatření se rozešle členům k připomínkám e-mailem",
              "skupina doporučí ŘPS zařazení služby do sítě",
              "výstupy se zapracují do analytické části plánu",
              "na příští jednání se pozve zástupce odboru školství")
ACTIVITIES = ("sběr a vyhodnocení dotazníků", "práce na analytické části plánu",
              "velké setkání pracovních skupin", "revize návrhové části jednotlivými PS",
              "předložení dokumentu ke schválení orgánům města",
              "připomínkování finálního dokumentu")
ISSUES = ("nedostatek míst v pobytových službách", "rostoucí počet klientů s dluhy",
          "chybějící terénní službu ve Vratislavicích", "zdražení energií v sociálních službách",
          "nedostatek sociálních bytů", "dlouhé čekací lhůty na příspěvek na péči")
REASONS = ("Nemoc manažerky skupiny.", "Nízká účast – omluvila se většina členů.",
           "Kolize s jednáním zastupitelstva města.", "Uzavření budovy z technických důvodů.",
           "Mimořádná opatření vlády.")
TASKS = (("dotaznik", "rozešle členům dotazník k potřebám cílové skupiny"),
         ("podklady", "připraví podklady k návrhové části komunitního plánu"),
         ("kapacity", "zjistí aktuální volné kapacity pobytových služeb"),
         ("prezentace", "pošle členům prezentaci z jednání"),
         ("kontakt", "osloví zástupce odboru školství kvůli spolupráci"),
         ("harmonogram", "navrhne harmonogram jednání na příští pololetí"))
DECISIONS = (("souhlas-plan", "Skupina souhlasí s návrhem opatření pro komunitní plán."),
             ("doporuceni-sit", "Skupina doporučuje ŘPS zařadit službu do sítě sociálních "
                                "služeb."),
             ("harmonogram", "Skupina schvaluje harmonogram jednání na další pololetí."))


def slug(text: str) -> str:
    """An ASCII id from Czech text: `Jana Horáková` → `jana-horakova`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "-".join(words)


@dataclass(frozen=True)
class Speaker:
    """Who says something in the minutes: a surname and the grammatical gender."""

    surname: str
    feminine: bool

    @property
    def title(self) -> str:
        return "Paní" if self.feminine else "Pan"

    def said(self, verb: str) -> str:
        """`Paní Horáková informovala` / `Pan Langr informoval`."""
        return f"{self.title} {self.surname} {verb}{'a' if self.feminine else ''}"


def sentence(rng: random.Random, speaker: Speaker, when: dt.date, org: str) -> str:
    """One line of minutes, in the style of the seeds."""
    return rng.choice(_SENTENCES)(rng, speaker, when, org)


def _informed(rng: random.Random, speaker: Speaker, _when: dt.date, _org: str) -> str:
    return f"{speaker.said('informoval')} o {rng.choice(TOPICS)}."


def _presented(rng: random.Random, _speaker: Speaker, _when: dt.date, org: str) -> str:
    return f"Zástupce {org} představil službu {rng.choice(SERVICES)}."


def _timeline(rng: random.Random, _speaker: Speaker, when: dt.date, org: str) -> str:
    month = MONTHS_CS[(when.month + rng.randrange(1, 4)) % 12]
    return f"{month.capitalize()} – {rng.choice(ACTIVITIES)} (termín upřesní {org})."


def _money(rng: random.Random, _speaker: Speaker, _when: dt.date, _org: str) -> str:
    amount = f"{rng.randrange(1, 900)}.{rng.randrange(1000):03d}.000"
    return f"Předpokládaná alokace činí {amount} Kč, rozdělení mezi služby určí kraj."


def _survey(rng: random.Random, _speaker: Speaker, _when: dt.date, _org: str) -> str:
    count, share = rng.randrange(20, 400), rng.randrange(10, 90)
    return f"Dotazník vyplnilo {count} respondentů ({share},{rng.randrange(10)} %)."


def _agreed(rng: random.Random, _speaker: Speaker, _when: dt.date, _org: str) -> str:
    return f"Členové skupiny se shodli, že {rng.choice(AGREEMENTS)}."


def _moved(rng: random.Random, _speaker: Speaker, when: dt.date, _org: str) -> str:
    later = when + dt.timedelta(days=rng.randrange(7, 60))
    return f"Služba {rng.choice(SERVICES)} má od {date_cs(later)} nové prostory."


def _warned(rng: random.Random, speaker: Speaker, _when: dt.date, _org: str) -> str:
    return f"{speaker.said('upozornil')} na {rng.choice(ISSUES)}."


_SENTENCES = (_informed, _presented, _timeline, _money, _survey, _agreed, _moved, _warned)
