"""Write the site: every page, the style sheet, one .ics per calendar and, when asked, a PDF of
every held meeting's minutes; the same bytes for the same records and day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from lint.kinds import calendar_files, records
from sync import stamps
from sync.ics import feeds, record_url_from_env
from web import printable, published
from web.admin import admin
from web.render import SITE_KINDS, environment, meeting_path, pages, render
from web.subscribe import CALENDARS
from web.view import View

STATIC = ("style.css",)
OWNED = ("jednani", "skupiny", "kalendare", "ukoly", "opendata", "atom", "admin")
"""Folders the site owns: files there that this build did not write are stale and removed."""
SUFFIXES = (".html", ".ics", ".jsonld", ".csv", ".xml", ".js", ".yml", ".pdf")


@dataclass(frozen=True)
class Built:
    """What a build wrote, by path from the site's root, with sizes in bytes."""

    files: dict[str, int]
    admin: str | None = None
    """Why /admin/ was left out (web.admin.Admin.problem), or None."""
    skipped: printable.Unavailable | None = None
    """Why the PDFs of the minutes were not written, when they were asked for."""


def _record_url(view: View) -> Callable[[str], str | None]:
    """An event's URL: its record's page (a meeting's own, a dated item's place in its list) on
    this site when the site's address is known."""
    if not view.base_url:
        return record_url_from_env()
    base = view.base_url
    pages_by_file = {m.file: base + meeting_path(m.id) for m in view.repo.meetings.values()}
    pages_by_file.update({r.file: f"{base}{k.site.path}#{r.id}" for k in SITE_KINDS if k.site
                          for r in records(view.repo, k.name).values()})
    return pages_by_file.get


def _calendars(view: View, times: dict[str, dt.datetime]) -> dict[str, bytes]:
    repo = view.repo
    record_url = _record_url(view)
    return {f"{CALENDARS}/{name}": data for cid in sorted(repo.calendars)
            for name, data in feeds(repo, cid, view.today, stamps=times,
                                    record_url=record_url).items()}


def _write(out: Path, rel: str, data: bytes) -> None:
    """Write through a temporary file, so a visitor never gets half a page."""
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)


def _remove_stale(out: Path, written: set[str]) -> None:
    for folder in OWNED:
        for path in sorted((out / folder).rglob("*")):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and path.suffix in SUFFIXES and rel not in written:
                path.unlink()


def _minutes(env: jinja2.Environment,
             view: View) -> tuple[dict[str, bytes], printable.Unavailable | None]:
    """The minutes' PDFs, or none and the reason WeasyPrint cannot run here."""
    printer = printable.load()
    if isinstance(printer, printable.Unavailable):
        return {}, printer
    return printable.write_all(printer, env, view), None


def build(view: View, out: Path, *, root: Path, pdf: bool = False) -> Built:
    """Render the site of `view` into `out`; with `pdf`, the minutes' PDFs too."""
    env = environment()
    env.globals.update(published.GLOBALS)
    files, skipped = _minutes(env, view) if pdf else ({}, None)
    # Meeting pages link their PDF, with its size, only when it was written.
    env.globals["printed"] = {path: len(data) for path, data in files.items()}
    for page in [*pages(view), published.page(view)]:
        files[page.path] = render(env, view, page).encode("utf-8")
    static = resources.files("web") / "static"
    for name in STATIC:
        files[name] = static.joinpath(name).read_bytes()
    times = stamps.record_times(root, calendar_files(view.repo))
    files.update(_calendars(view, times))
    files.update(published.files(view, times))
    editor = admin(root, view.base_url)
    files.update(editor.files)
    out.mkdir(parents=True, exist_ok=True)
    for rel in sorted(files):
        _write(out, rel, files[rel])
    _remove_stale(out, set(files))
    return Built({rel: len(data) for rel, data in sorted(files.items())}, editor.problem,
                 skipped)
