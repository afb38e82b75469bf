"""Which hrefs the sync may act on: opaque values, checked, never rebuilt.

A WebDAV href is the server's name for a resource (RFC 4918 §8.3). The sync never unquotes one
and joins it back into a URL: `urljoin` reads `#` as a fragment, `?` as a query and `.`/`..` as
steps up, so a member named `x#` or `..` would point at the calendar itself or its parent. An
href is used only when it is a path on the configured server, with no query, fragment or dot
segment in any encoding; it is compared with others segment by segment, each segment
percent-decoded (RFC 3986 §6.2.2: the same resource may be spelled `%2D` or `-`).

Our own events live at names we make from record ids (`OUR_NAME`), one segment below the
calendar, so an event of ours can never be addressed by anything but such a name.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

OUR_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.ics")
"""A resource name the sync writes: a record id (the schemas' id pattern) and `.ics`."""
_UNSAFE = re.compile(r"[\x00-\x20\x7f#?\\]")
"""Never in an href we act on: controls and spaces, fragment and query marks, backslashes."""
_UNSAFE_DECODED = re.compile(r"[\x00-\x1f\x7f/\\]")
"""Never in a segment once decoded: `%23` is a `#` in a name, but `%2F` would be a step."""
_DOTS = frozenset({".", ".."})


def path_of(href: str) -> str | None:
    """The path an href names, or None when it is no plain path: a query or fragment, a dot
    segment (also percent-encoded), an encoded slash, a relative reference, a scheme other
    than http(s).

    An absolute URL counts by its path alone, always on the configured server: servers behind
    a reverse proxy name themselves by the host they think they are (Xandikos writes the Host
    it was sent), and no request ever goes to a host an href names."""
    href = href.strip()
    if not href or _UNSAFE.search(href):
        return None
    if not href.startswith("/") or href.startswith("//"):
        parts = urlsplit(href if not href.startswith("//") else "http:" + href)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return None
        href = parts.path
    if not href.startswith("/"):
        return None
    for segment in href.split("/"):
        decoded = unquote(segment)
        if decoded in _DOTS or _UNSAFE_DECODED.search(decoded):
            return None
    return href


def segments(path: str) -> tuple[str, ...]:
    """The decoded, non-empty segments of a path (which `path_of` accepted)."""
    return tuple(unquote(s) for s in path.split("/") if s)


def same(a: str, b: str) -> bool:
    """Two paths name the same resource (segment by segment, decoded; a final slash aside)."""
    return segments(a) == segments(b)


def child(parent: str, href: str) -> str | None:
    """The decoded name of `href` when it is exactly one segment below `parent`, else None."""
    path = path_of(href)
    if path is None:
        return None
    found, above = segments(path), segments(parent)
    if len(found) != len(above) + 1 or found[:-1] != above:
        return None
    return found[-1]


def is_ours(name: str) -> bool:
    """The name is one the sync could have given an event."""
    return OUR_NAME.fullmatch(name) is not None


__all__ = ["OUR_NAME", "child", "is_ours", "path_of", "same", "segments"]
