"""The Jinja2 environment and the list of pages: which template renders which path."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import jinja2
from jinja2 import pass_context
from jinja2.runtime import Context

from lint.kinds import KINDS
from web import accessibility, markup, printable, text
from web.subscribe import archive_path
from web.view import View

SITE_KINDS = tuple(k for k in KINDS if k.site is not None)
"""The kinds with pages of their own beside the fixed ones (lint/kinds.py `site`)."""
NAV = (("index.html", "Úvod"), ("jednani/index.html", "Jednání"),
       *((k.site.path, k.site.title) for k in SITE_KINDS if k.site),
       ("skupiny/index.html", "Skupiny"), ("ukoly.html", "Úkoly a usnesení"),
       ("plan.html", "Komunitní plán"), ("kalendare/index.html", "Kalendáře"))


@dataclass(frozen=True)
class Page:
    """One HTML file of the site: its path from the root, its template and what it shows."""

    path: str
    template: str
    title: str
    values: Mapping[str, Any] = field(default_factory=dict)


def meeting_path(meeting_id: str) -> str:
    return f"jednani/{meeting_id}.html"


def group_path(group_id: str) -> str:
    return f"skupiny/{group_id}.html"


def calendar_path(calendar_id: str) -> str:
    return f"kalendare/{calendar_id}.html"


def _web_url(url: str) -> bool:
    """Whether a record's link may become an <a href>: only http and https addresses."""
    return urlsplit(url).scheme in ("http", "https")


@pass_context
def _link(context: Context, target: str) -> str:
    """`target` (a path from the site's root) relative to the page being rendered."""
    here = posixpath.dirname(context["page"].path)
    return posixpath.relpath(target, here or ".")


def environment() -> jinja2.Environment:
    """Templates from the package, HTML-escaped by default, and any undefined name an error."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("web", "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        day=text.day, long_day=text.long_day, iso=text.iso, clock=text.clock, hours=text.hours,
        month_range=text.month_range, markdown=markup.markdown, inline=markup.inline,
        web_url=_web_url,
    )
    env.globals.update(
        link=_link, nav=NAV, meeting_path=meeting_path, group_path=group_path,
        calendar_path=calendar_path, text=text, archive_path=archive_path,
        site_kinds=SITE_KINDS, pdf_path=printable.pdf_path, printed={},
    )
    return env


def pages(view: View) -> Iterator[Page]:
    """Every page of the site, in a fixed order."""
    repo = view.repo
    yield Page("index.html", "home.html.j2", "Komunitní plánování sociálních služeb v Liberci")
    yield Page("jednani/index.html", "meetings.html.j2", "Všechna jednání")
    for meeting in view.meetings:
        yield Page(meeting_path(meeting.id), "meeting.html.j2",
                   f"{view.title(meeting)}, {text.day(meeting.date)}", {"meeting": meeting})
    for declared in SITE_KINDS:
        if declared.site is not None:
            yield Page(declared.site.path, "kind.html.j2", declared.site.title,
                       {"kind": declared})
    yield Page("skupiny/index.html", "groups.html.j2", "Skupiny")
    for group in view.groups():
        yield Page(group_path(group.id), "group.html.j2", group.name, {"group": group})
    yield Page("ukoly.html", "tasks.html.j2", "Úkoly a usnesení")
    for listing in view.archive.all():
        for number, path in enumerate(listing.paths(), start=1):
            yield Page(path, "listing.html.j2", listing.title_of(number),
                       {"listing": listing, "number": number, "items": listing.page(number)})
    yield Page("plan.html", "plan.html.j2", "Komunitní plán",
               {"plans": [repo.plans[k] for k in sorted(repo.plans)]})
    yield Page("kalendare/index.html", "calendars.html.j2", "Kalendáře k odběru")
    for calendar in view.calendars():
        yield Page(calendar_path(calendar.id), "calendar.html.j2", calendar.name,
                   {"calendar": calendar})
    yield Page(accessibility.PATH, "accessibility.html.j2", "Prohlášení o přístupnosti",
               {"check": accessibility.last_check(),
                "contact": accessibility.contact(view.publisher),
                "supervisor": accessibility.SUPERVISOR})


def render(env: jinja2.Environment, view: View, page: Page) -> str:
    """One page's HTML."""
    template = env.get_template(page.template)
    return template.render(page=page, view=view, **page.values)
