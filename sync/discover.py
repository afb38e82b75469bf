"""Find the account's calendar home from the configured URL (RFC 5397, RFC 4791 §6.2.1)."""

from __future__ import annotations

from urllib.parse import urlsplit

from sync.dav import CALDAV, DAV, Dav, tag

PRINCIPAL = tag(DAV, "current-user-principal")
HOME = tag(CALDAV, "calendar-home-set")


def calendar_home(dav: Dav) -> str:
    """The calendar home path: from the URL's own home-set, its principal's, or the URL itself.

    KPSS_CALDAV_URL may be the server root (Radicale, Nextcloud's /remote.php/dav/), a principal,
    or the calendar home itself; one or two PROPFINDs tell which.
    """
    start = dav.settings.url
    found = dav.propfind(start, [PRINCIPAL, HOME], depth=0)
    resource = found[0] if found else None
    home = _href(resource.props.get(HOME)) if resource else None
    if home:
        return _path(dav, home)
    principal = _href(resource.props.get(PRINCIPAL)) if resource else None
    if principal:
        found = dav.propfind(principal, [HOME], depth=0)
        home = _href(found[0].props.get(HOME)) if found else None
        if home:
            return _path(dav, home)
    return urlsplit(start).path


def _href(element: object) -> str | None:
    if element is None:
        return None
    href = element.find(tag(DAV, "href"))  # type: ignore[attr-defined]
    return href.text.strip() if href is not None and href.text else None


def _path(dav: Dav, href: str) -> str:
    url = dav.url(href)  # refuses a home on another server
    path = urlsplit(url).path
    return path if path.endswith("/") else path + "/"
