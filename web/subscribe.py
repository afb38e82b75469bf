"""Where a calendar can be subscribed to: the city's CalDAV server, or the .ics on this site."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from sync.ics import archive_name

CALENDAR_URL = "KPSS_CALENDAR_URL"
"""Environment variable: the public address of the calendars on the CalDAV server (a prefix, or
a pattern with `{id}`), used when `--calendar-url` is not given."""


@dataclass(frozen=True)
class Subscription:
    """The links a calendar's page offers; `https` and `webcal` are None when not known."""

    download: str
    """The .ics file on this site, as a path from the site's root."""
    https: str | None
    webcal: str | None
    on_server: bool
    """True when the subscribe links go to the city's calendar server, not to this site."""


CALENDARS = "kalendare"


def ics_path(calendar_id: str) -> str:
    return f"{CALENDARS}/{calendar_id}.ics"


def archive_path(calendar_id: str) -> str:
    """Every meeting of the calendar, beside the feed of the past year and what is ahead."""
    return f"{CALENDARS}/{archive_name(calendar_id)}"


def webcal(url: str) -> str:
    """The same address with the webcal scheme, which calendar apps open as a subscription."""
    parts = urlsplit(url)
    return urlunsplit(("webcal", *parts[1:]))


def server_url(pattern: str, calendar_id: str) -> str:
    """`https://…/kpss/{id}.ics` with the id filled in, or a prefix with `<id>/` appended."""
    if "{id}" in pattern:
        return pattern.replace("{id}", quote(calendar_id))
    return pattern.rstrip("/") + "/" + quote(calendar_id) + "/"


def normalise_base(url: str | None) -> str | None:
    """A base URL with exactly one trailing slash, or None."""
    url = (url or "").strip()
    return url.rstrip("/") + "/" if url else None


def calendar_pattern(option: str | None) -> str | None:
    """`--calendar-url`, else KPSS_CALENDAR_URL, else None."""
    value = (option or os.environ.get(CALENDAR_URL, "")).strip()
    return value or None


def subscription(calendar_id: str, *, base_url: str | None,
                 calendar_url: str | None) -> Subscription:
    """The links for one calendar: the server's when configured, else this site's absolute .ics."""
    download = ics_path(calendar_id)
    if calendar_url:
        https = server_url(calendar_url, calendar_id)
        return Subscription(download, https, webcal(https), on_server=True)
    if base_url:
        https = base_url + download
        return Subscription(download, https, webcal(https), on_server=False)
    return Subscription(download, None, None, on_server=False)
