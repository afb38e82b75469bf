"""The registry of record kinds: one declaration per kind, read by every package.

A kind's folder, schema, model class and builder, id rule, reference fields, names, calendar
events, site pages and scaffold are declared here and nowhere else; docs/kinds.md says how to add
one, and tests/lint/test_kinds.py fails when a kind is declared only in part.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from lint import model as typed

ANY = "*"
"""Stands for every index of a list in a reference path."""

Reference = tuple[tuple[str, ...], str]
"""(path in the record, kind of the record referred to)."""


@dataclass(frozen=True)
class Names:
    """What people call the kind, in Czech and English: singular and plural."""

    cs: str
    cs_plural: str
    en: str
    en_plural: str

    def one(self, lang: str) -> str:
        return self.cs if lang == "cs" else self.en

    def many(self, lang: str) -> str:
        return self.cs_plural if lang == "cs" else self.en_plural


@dataclass(frozen=True)
class IdRule:
    """How a record's id is formed and where its file goes. Every id is the file name (KP301)
    and matches the schema's id pattern; `date_field`: the id starts with that field's date
    (`2022-08-31-…`); `year_folders`: the file lies in `<folder>/<year of that date>/`."""

    date_field: str | None = None
    year_folders: bool = False


@dataclass(frozen=True)
class Site:
    """The kind on the site: its list page (path from the site's root), its title, and the
    template (web/templates/) of its macros: `list_page(kind)` fills the list page
    (kind.html.j2), `upcoming(items)` goes on the home page and `reported(items)` on a
    meeting's page (the items web/view.py gives for the kind)."""

    path: str
    template: str
    title: str


@dataclass(frozen=True)
class ScaffoldField:
    """One option of a generic scaffold `python -m edit new <kind>`: `--<flag>` sets `field`."""

    field: str
    help: tuple[str, str]
    """(Czech, English)."""
    required: bool = False
    type: str = "text"
    """text, date, time, int, flag (true when given), ref:<kind>, list:<kind> (repeatable)."""


@dataclass(frozen=True)
class Scaffold:
    """How `python -m edit new …` creates a record of the kind: `commands` are hand-written
    subcommands of edit (edit/arguments.py NEW); `fields` make a generic one named after the
    kind, whose id is `id_from` joined (a date field's date, then the slug of `--name`)."""

    commands: tuple[str, ...] = ()
    fields: tuple[ScaffoldField, ...] = ()
    id_from: tuple[str, ...] = ()
    label: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class Kind:
    """Everything the packages need to know about one record kind."""

    name: str
    folder: str
    """Under records/; also the name of the Repository attribute that holds the records."""
    model: type[typed.Record]
    build: Callable[[dict[str, Any], Mapping[str, Any]], typed.Record]
    names: Names
    references: tuple[Reference, ...] = ()
    id_rule: IdRule = IdRule()
    calendar: str | None = None
    """None, or how sync/ical.py makes its events: "meetings" (postponement chains of
    meetings, timed), "dates" (a day or a span of days, times optional, in the calendars the
    record names)."""
    site: Site | None = None
    scaffold: Scaffold | None = None
    """None: records of the kind are written by hand (from the schema's example)."""

    @property
    def schema(self) -> str:
        """The schema's file name under schemas/."""
        return f"{self.name}.schema.json"


_ATTENDANCE = tuple(((("attendance", part, ANY), "person"),
                     (("attendance", part, ANY, "person"), "person"))
                    for part in ("present", "excused", "guests"))

KINDS: tuple[Kind, ...] = (
    Kind("organisation", "organisations", typed.Organisation, typed.build_organisation,
         Names("organizace", "organizace", "organisation", "organisations"),
         scaffold=Scaffold(commands=("organisation",))),
    Kind("person", "people", typed.Person, typed.build_person,
         Names("osoba", "osoby", "person", "people"),
         references=((("organisation",), "organisation"),),
         scaffold=Scaffold(commands=("person",))),
    Kind("venue", "venues", typed.Venue, typed.build_venue,
         Names("místo", "místa", "venue", "venues")),
    Kind("group", "groups", typed.Group, typed.build_group,
         Names("skupina", "skupiny", "group", "groups"),
         references=(
             (("members", ANY, "person"), "person"),
             (("members", ANY, "organisation"), "organisation"),
             (("usual", "venue"), "venue"),
             (("calendar",), "calendar"),
             (("history", ANY, "source"), "meeting"),
         )),
    Kind("calendar", "calendars", typed.Calendar, typed.build_calendar,
         Names("kalendář", "kalendáře", "calendar", "calendars"),
         references=((("groups", ANY), "group"),)),
    Kind("meeting", "meetings", typed.Meeting, typed.build_meeting,
         Names("jednání", "jednání", "meeting", "meetings"),
         references=(
             (("groups", ANY), "group"),
             (("venue",), "venue"),
             (("postponed_to",), "meeting"),
             (("postponed_from",), "meeting"),
             (("next_meeting",), "meeting"),
             (("facilitators", ANY), "person"),
             *(ref for pair in _ATTENDANCE for ref in pair),
             (("agenda", ANY, "presenters", ANY), "person"),
             (("agenda", ANY, "organisations", ANY), "organisation"),
             (("agenda", ANY, "reports", ANY, "person"), "person"),
             (("agenda", ANY, "reports", ANY, "organisation"), "organisation"),
             (("agenda", ANY, "reports", ANY, "group"), "group"),
             (("task_checks", ANY, "task"), "decision"),
             (("minutes", "author"), "person"),
             (("minutes", "approved_at"), "meeting"),
         ),
         id_rule=IdRule(date_field="date", year_folders=True), calendar="meetings",
         scaffold=Scaffold(commands=("meeting", "minutes"))),
    Kind("decision", "decisions", typed.Decision, typed.build_decision,
         Names("usnesení/úkol", "usnesení a úkoly", "decision/task", "decisions and tasks"),
         references=(
             (("meeting",), "meeting"),
             (("group",), "group"),
             (("assignees", ANY), "person"),
             (("assignee_organisations", ANY), "organisation"),
         ),
         scaffold=Scaffold(commands=("decision", "task"))),
    Kind("plan", "plans", typed.Plan, typed.build_plan,
         Names("plán", "plány", "plan", "plans"),
         references=(
             (("phases", ANY, "people", ANY), "person"),
             (("decided_at",), "meeting"),
         )),
    Kind("dated", "dates", typed.Dated, typed.build_dated,
         Names("termín", "termíny", "dated item", "dated items"),
         references=((("organisation",), "organisation"), (("reported_at",), "meeting"),
                     (("calendars", ANY), "calendar")),
         id_rule=IdRule(date_field="start"), calendar="dates",
         site=Site("terminy.html", "dated.html.j2", "Termíny a výzvy"),
         scaffold=Scaffold(label=("termín ze zápisu (uzávěrka, výzva, akce, …)",
                                  "a dated item of the minutes (deadline, call, campaign, …)"),
                           id_from=("start",), fields=(
             ScaffoldField("type", ("druh: deadline, call, campaign, project, decision, "
                                    "opening, milestone, other", "the type: deadline, call, "
                                    "campaign, project, decision, opening, milestone, other"),
                           required=True),
             ScaffoldField("title", ("krátký název", "a short title"), required=True),
             ScaffoldField("start", ("první den", "the first day"), required=True, type="date"),
             ScaffoldField("end", ("poslední den (včetně)", "the last day (inclusive)"),
                           type="date"),
             ScaffoldField("start_time", ("čas začátku", "start time"), type="time"),
             ScaffoldField("end_time", ("čas konce", "end time"), type="time"),
             ScaffoldField("precision", ("month, je-li známý jen měsíc",
                                         "month when only the month is known")),
             ScaffoldField("tentative", ("termín je předpokládaný", "the date is expected"),
                           type="flag"),
             ScaffoldField("organisation", ("id organizace", "the organisation's id"),
                           type="ref:organisation"),
             ScaffoldField("reported_at", ("id jednání, jehož zápis termín uvádí",
                                           "id of the meeting whose minutes report it"),
                           required=True, type="ref:meeting"),
             ScaffoldField("agenda_item", ("číslo bodu programu", "number of the agenda item"),
                           type="int"),
             ScaffoldField("calendars", ("id kalendáře (lze opakovat)",
                                         "a calendar's id (repeatable)"),
                           required=True, type="list:calendar"),
             ScaffoldField("description", ("podrobnosti podle zápisu", "details from the minutes")),
             ScaffoldField("link", ("webová adresa výzvy", "the call's web address")),
         ))),
)
"""Every record kind, in the order the site and the documentation list them."""

_BY_NAME = {k.name: k for k in KINDS}
BY_FOLDER: Mapping[str, Kind] = {k.folder: k for k in KINDS}
"""Folder under records/ → kind."""


def kind(name: str) -> Kind:
    """The declaration of the kind called `name` (KeyError for an unknown one)."""
    return _BY_NAME[name]


def build(kind_name: str, rel: str, data: Mapping[str, Any]) -> typed.Record:
    """One schema-valid record's data as its typed model object."""
    base: dict[str, Any] = {"id": data["id"], "file": rel, "data": data}
    return _BY_NAME[kind_name].build(base, data)


def names(lang: str) -> Mapping[str, str]:
    """Kind → its singular name in `lang` (cs, en), for messages."""
    return {k.name: k.names.one(lang) for k in KINDS}


def records(repo: typed.Repository, kind_name: str) -> Mapping[str, typed.Record]:
    """The valid records of one kind (the Repository attribute named after its folder)."""
    found: Mapping[str, typed.Record] = getattr(repo, _BY_NAME[kind_name].folder)
    return found


def calendar_files(repo: typed.Repository) -> list[str]:
    """The files of every record that can become a calendar event, sorted."""
    return sorted(r.file for k in KINDS if k.calendar for r in records(repo, k.name).values())
