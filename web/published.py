"""What the site publishes besides its pages: the open data (OFN Události JSON-LD, the CSV,
the DCAT-AP-CZ record), the Atom feeds, and the page that lists them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from web import atom, catalogue, ofn, spreadsheet
from web.render import Page
from web.view import View

PAGE = "otevrena-data.html"
GLOBALS: Mapping[str, Callable[..., Any]] = {"feed_links": atom.links}
"""For base.html.j2: every page names the feeds in <link rel="alternate">."""


def files(view: View, stamps: Mapping[str, dt.datetime]) -> dict[str, bytes]:
    """Every open-data file and feed by path from the site's root."""
    found = ofn.files(view, stamps)
    found[spreadsheet.PATH] = spreadsheet.table(view)
    found.update(catalogue.files(view))
    found.update(atom.files(view, stamps))
    return found


def page(view: View) -> Page:
    """The page listing the files and feeds, with what each holds."""
    calendars = [(c, ofn.calendar_path(c.id)) for c in view.calendars()]
    return Page(PAGE, "opendata.html.j2", "Otevřená data a kanály Atom", {
        "feeds": atom.feeds(view), "calendars": calendars, "all_events": ofn.ALL,
        "table": spreadsheet.PATH,
        "record": catalogue.PATH if view.base_url else None,
    })
