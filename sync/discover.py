"""Find the account's calendar home from the configured URL (RFC 5397, RFC 4791 §6.2.1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from sync import hrefs
from sync.protocol import CALDAV, DAV, Dav, Resource, tag

PRINCIPAL = tag(DAV, "current-user-principal")
HOME = tag(CALDAV, "calendar-home-set")


@dataclass(frozen=True)
class Home:
    path: str
    """The calendar home's path, ending in `/`: calendars are `path + id + "/"`."""
    children: dict[str, Resource] | None = None
    """The home's collections (name → the properties asked for), when the answer that found the
    home listed them too; None when listing them would take another request."""


def calendar_home(dav: Dav, props: Sequence[str] = ()) -> Home:
    """The calendar home: from the URL's own home-set, its principal's, or the URL itself.

    KPSS_CALDAV_URL may be the server root (Radicale, Nextcloud's /remote.php/dav/), a principal,
    or the calendar home itself; one or two PROPFINDs tell which. With `props`, each PROPFIND
    also lists the resource's children with those properties, so where the home is the URL or
    its principal (Radicale), the calendars' own properties come with it at no extra request.
    """
    start = urlsplit(dav.settings.url).path or "/"
    own, children = _ask(dav, start, props)
    home = _href(own.props.get(HOME)) if own else None
    if not home:
        principal = _href(own.props.get(PRINCIPAL)) if own else None
        if not principal:
            return Home(_slash(start), children)
        start = _path(dav, principal)
        own, children = _ask(dav, start, props)
        home = _href(own.props.get(HOME)) if own else None
        if not home:
            return Home(_slash(urlsplit(dav.settings.url).path or "/"))
    path = _path(dav, home)
    same = hrefs.same(path, start)
    return Home(path, children if same else None)


def _ask(dav: Dav, path: str, props: Sequence[str]) -> tuple[Resource | None,
                                                             dict[str, Resource] | None]:
    """The resource at `path` and, when `props` are asked for, its children by name."""
    found = dav.propfind(path, [PRINCIPAL, HOME, *props], depth=1 if props else 0)
    # Read-only: where a server spells its own href otherwise, its first answer is itself.
    own = next((r for r in found if dav.names(r.href, path)), found[0] if found else None)
    if not props:
        return own, None
    children = {}
    for resource in found:
        name = dav.child(path, resource.href.rstrip("/"))
        if name:
            children[name] = resource
    return own, children


def _href(element: object) -> str | None:
    if element is None:
        return None
    href = element.find(tag(DAV, "href"))  # type: ignore[attr-defined]
    return href.text.strip() if href is not None and href.text else None


def _slash(path: str) -> str:
    return path if path.endswith("/") else path + "/"


def _path(dav: Dav, href: str) -> str:
    url = dav.url(href)  # refuses a home on another server, or with a dot segment
    return _slash(urlsplit(url).path)
