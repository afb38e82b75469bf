"""Printable minutes: every held meeting's PDF, read back with pypdf (a reader we did not write),
holds what the seed minutes hold; it is tagged, in Czech, with a title and an outline; without
WeasyPrint the site still builds and says why. (The same records give the same PDF bytes:
tests/web/test_build.py compares two whole builds.)"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.web.conftest import ROOT, TODAY, built_repository
from web.build import Built
from web.view import View

pypdf = pytest.importorskip("pypdf", reason="pip install -e .[test]")  # in the test extra

SEEDS = ("2022-08-31-rps", "2021-06-21-ps-socialni-vylouceni")
HEADER = "KOMUNITNÍ PLÁNOVÁNÍ SOCIÁLNÍCH SLUŽEB REGIONU LIBEREC – "
REQUIRED = bool(os.environ.get("CI") or os.environ.get("KPSS_CI"))
"""In CI (.ci/run installs Pango: scripts/install-pdf.sh) a missing WeasyPrint fails the tests."""


@pytest.fixture(scope="module")
def site(real_site: tuple[Path, Built]) -> Path:
    if real_site[1].skipped:
        why = real_site[1].skipped.words("en")
        if REQUIRED:
            pytest.fail(f"WeasyPrint cannot run in CI: {why}")
        pytest.skip(f"WeasyPrint cannot run here: {why} "
                    "(.ci/run installs it: scripts/install-pdf.sh)")
    return real_site[0]


def record(meeting_id: str) -> dict:
    """The meeting's YAML as written, read apart from the site's code."""
    path = next((ROOT / "records/meetings").rglob(f"{meeting_id}.yaml"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def tasks(meeting_id: str) -> list[str]:
    found = [yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "records/decisions").glob("*.yaml"))]
    return [d["text"] for d in found if d["meeting"] == meeting_id]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(data: bytes, header: str = "") -> str:
    """The PDF's text without what every page repeats: the running header, the page numbers
    and list bullets (pypdf reads them after the page's text), so a paragraph that goes on to
    the next page reads as one."""
    text = flat(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages))
    text = re.sub(r" ?\d+ / \d+\b| ?•", "", text)
    return flat(text.replace(header, " ")) if header else text


def test_every_held_meeting_has_its_pdf_linked_from_its_page(site: Path) -> None:
    held = {p.stem for p in (ROOT / "records/meetings").rglob("*.yaml")
            if record(p.stem)["status"] == "held"}
    assert set(SEEDS) <= held
    assert {p.stem for p in site.glob("jednani/*.pdf")} == held
    for page in site.glob("jednani/*.html"):
        links = re.findall(r'href="([^"]+\.pdf)"', page.read_text(encoding="utf-8"))
        assert links == ([f"{page.stem}.pdf"] if page.stem in held else []), page


@pytest.mark.parametrize("meeting_id", SEEDS)
def test_the_pdf_holds_the_minutes(site: Path, meeting_id: str) -> None:
    data = record(meeting_id)
    view = View(built_repository(ROOT), TODAY)
    header = HEADER + view.group(data["groups"][0]).name.upper()
    data_pdf = (site / f"jednani/{meeting_id}.pdf").read_bytes()
    assert header in pdf_text(data_pdf)
    text = pdf_text(data_pdf, header)
    assert "Zápis z jednání" in text
    for item in data["agenda"]:
        assert flat(item["title"]) in text
    attendance = data["attendance"]
    present = ", ".join(view.person(p) for p in attendance["present"])
    assert f"Přítomni: {present}" in text
    if attendance.get("excused"):
        assert "Omluveni: " + ", ".join(view.person(p) for p in attendance["excused"]) in text
    for task in tasks(meeting_id):
        assert flat(task) in text
    assert f"Zapsal(a): {view.person(data['minutes']['author'])}" in text
    assert ("Místo jednání: online") in text


def test_the_2022_minutes_name_the_next_meeting(site: Path) -> None:
    text = pdf_text((site / "jednani/2022-08-31-rps.pdf").read_bytes())
    assert "Příští jednání: 19. 10. 2022, od 14:00" in text
    assert "209" in text.split("Příští jednání:")[1]


@pytest.mark.parametrize("meeting_id", SEEDS)
def test_the_pdf_is_tagged_in_czech_with_title_and_outline(site: Path, meeting_id: str) -> None:
    reader = pypdf.PdfReader(site / f"jednani/{meeting_id}.pdf")
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert catalog["/Lang"] == "cs"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert reader.metadata.title.startswith("Zápis z jednání – ")
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()  # PDF/UA-1 identification
    outline = [o["/Title"] for o in flat_outline(reader.outline)]
    titles = [f"{n}) {flat(i['title'])}" for n, i in enumerate(record(meeting_id)["agenda"], 1)]
    assert outline[0] == "Zápis z jednání"
    assert [t for t in outline if t in titles] == titles


def flat_outline(outline: list) -> list:
    found = []
    for entry in outline:
        found.extend(flat_outline(entry) if isinstance(entry, list) else [entry])
    return found


@pytest.mark.parametrize(("lang", "said"), [
    ("cs", "Zápisy v PDF se nevytvořily: chybí balíček WeasyPrint"),
    ("en", "The minutes' PDFs were not written: the package WeasyPrint is missing"),
])
def test_without_weasyprint_the_site_builds_and_says_why(tmp_path: Path, lang: str,
                                                         said: str) -> None:
    # A None in sys.modules makes `import weasyprint` raise ImportError, as where it is missing.
    args = ["build", "--out", str(tmp_path), "--today", "2022-09-01", "--lang", lang]
    script = ("import sys; sys.modules['weasyprint'] = None; from web.cli import main; "
              f"sys.exit(main({args!r}))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert said in done.stderr
    assert "Traceback" not in done.stderr
    assert not list(tmp_path.rglob("*.pdf"))
    page = (tmp_path / "jednani/2022-08-31-rps.html").read_text(encoding="utf-8")
    assert ".pdf" not in page
    assert (tmp_path / "index.html").is_file()
