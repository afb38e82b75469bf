"""Printable minutes: each held meeting's minutes as a tagged PDF (PDF/UA-1), written by
WeasyPrint from an HTML template of their own (templates/minutes.html.j2).

WeasyPrint needs the system's Pango; where it cannot load, `load()` says why and the site is
built without PDFs (`python -m web build` reports it in Czech or English and still exits 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2

from messages import say
from web.minutes import minutes, printable
from web.view import View

STYLE = "minutes.css"
VARIANT = "pdf/ua-1"
"""PDF/UA-1 (ISO 14289-1): tagged structure, document language and title shown, as EN 301 549
(chapter 10, non-web documents) asks of the documents a public body publishes."""


def pdf_path(meeting_id: str) -> str:
    return f"jednani/{meeting_id}.pdf"


@dataclass(frozen=True)
class Printer:
    """WeasyPrint, loaded, with the options this version supports."""

    module: Any
    options: dict[str, Any]

    def write(self, html: str) -> bytes:
        stylesheet = resources.files("web").joinpath("templates", STYLE).read_text("utf-8")
        document = self.module.HTML(string=html)
        pdf: bytes = document.write_pdf(stylesheets=[self.module.CSS(string=stylesheet)],
                                        **self.options)
        return pdf


@dataclass(frozen=True)
class Unavailable:
    """Why WeasyPrint cannot be used here: `package` or `library` (messages' `web.pdf.*`) and
    the error's own words."""

    reason: str
    detail: str = ""

    def words(self, lang: str) -> str:
        return say(f"web.pdf.{self.reason}", lang, detail=self.detail)


def load() -> Printer | Unavailable:
    """WeasyPrint ready to write, or why it cannot be used here."""
    try:
        # Imported here: the site builds without it, and it loads Pango through cffi.
        import weasyprint  # noqa: PLC0415
    except ImportError:
        return Unavailable("package")
    except OSError as exc:  # Pango or its libraries are missing (scripts/install-pdf.sh)
        return Unavailable("library", str(exc))
    known = set(getattr(weasyprint, "DEFAULT_OPTIONS", {}))
    wanted = {"pdf_variant": VARIANT, "pdf_tags": True}
    return Printer(weasyprint, {k: v for k, v in wanted.items() if k in known})


def write_all(printer: Printer, env: jinja2.Environment, view: View) -> dict[str, bytes]:
    """The PDF of every held meeting, by path from the site's root."""
    template = env.get_template("minutes.html.j2")
    return {pdf_path(m.id): printer.write(template.render(view=view, minutes=minutes(view, m)))
            for m in view.meetings if printable(m)}
