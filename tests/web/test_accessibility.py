"""The accessibility statement: linked from every page, in the decree's sections, showing the
result the browser test's axe run recorded (web/accessibility.json) and the configured contact."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from tests.web.conftest import ROOT, TODAY, built_repository
from web import accessibility, cli, published
from web.build import Built
from web.publisher import Publisher
from web.render import Page, environment, render
from web.view import View

SECTIONS = ("Stav souladu", "Nepřístupný obsah", "Vypracování tohoto prohlášení",
            "Zpětná vazba a kontaktní údaje", "Postupy pro prosazování práva")
"""The model statement's headings (vyhláška č. 515/2020 Sb.), in its order."""


def statement(check: accessibility.Check, contact: accessibility.Contact) -> str:
    view = View(built_repository(ROOT), TODAY)
    page = Page(accessibility.PATH, "accessibility.html.j2", "Prohlášení o přístupnosti",
                {"check": check, "contact": contact, "supervisor": accessibility.SUPERVISOR})
    env = environment()
    env.globals.update(published.GLOBALS)  # as web/build.py does
    return render(env, view, page)


def test_every_page_links_to_the_statement(real_site: tuple[Path, Built]) -> None:
    site, built = real_site
    # /admin/ is the editors' form application (Decap CMS), not a page of the public site.
    pages = [rel for rel in built.files if rel.endswith(".html") and not rel.startswith("admin/")]
    assert accessibility.PATH in pages
    unlinked = []
    for rel in pages:
        html = (site / rel).read_text(encoding="utf-8")
        footer = html[html.index('<footer class="site">'):]
        targets = {posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
                   for href in re.findall(r'href="([^"#]+)"', footer)}
        if accessibility.PATH not in targets:
            unlinked.append(rel)
    assert not unlinked


def test_the_statement_has_the_decrees_sections_in_order(real_site: tuple[Path, Built]) -> None:
    html = (real_site[0] / accessibility.PATH).read_text(encoding="utf-8")
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert headings == list(SECTIONS)
    assert "zákonem č. 99/2019 Sb." in html
    assert "EN 301 549" in html
    assert "WCAG 2.1" in html


def test_the_statement_shows_the_recorded_check(real_site: tuple[Path, Built]) -> None:
    html = (real_site[0] / accessibility.PATH).read_text(encoding="utf-8")
    check = accessibility.last_check()
    assert f'<time datetime="{check.checked.isoformat()}">' in html
    assert check.standard in html
    for finding in check.findings:
        assert f"<code>{finding.rule}</code>" in html
    assert ("nenašla žádný nedostatek" in html) == (not check.findings)


def test_a_recorded_finding_is_listed_as_a_gap() -> None:
    check = accessibility.parse({
        "checked": "2026-11-30", "engine": "axe-core", "standard": "WCAG 2.1 AA",
        "findings": [{"rule": "region", "impact": "moderate"},
                     {"rule": "color-contrast", "impact": "serious"}]})
    html = statement(check, accessibility.contact(Publisher(), {}))
    assert "<code>region</code> (závažnost střední)" in html
    assert "<code>color-contrast</code> (závažnost závažná)" in html
    assert "našla 2 druhy nedostatků, z toho 1 závažných nebo kritických" in html
    assert "nenašla žádný nedostatek" not in html
    assert '<time datetime="2026-11-30">30. 11. 2026</time>' in html


def test_the_results_file_round_trips() -> None:
    text = (ROOT / "web" / accessibility.RESULTS).read_text(encoding="utf-8")
    assert accessibility.dump(accessibility.parse(json.loads(text))) == text


def test_the_contact_comes_from_the_configuration(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    default = accessibility.contact(Publisher(), {})
    assert default.email == accessibility.DEFAULT_EMAIL
    assert default.publisher == "Statutární město Liberec"
    monkeypatch.setenv(accessibility.PHONE, "+420 000 000 000")
    monkeypatch.setenv(accessibility.ADDRESS, "Náměstí 1, 100 00 Příkladov")
    args = ["build", "--out", str(tmp_path), "--root", str(ROOT), "--today", "2022-09-01",
            "--no-pdf", "--publisher", "Město Příkladov", "--contact-email",
            "pristupnost@example.org"]
    assert cli.main(args) == 0
    html = (tmp_path / accessibility.PATH).read_text(encoding="utf-8")
    assert 'href="mailto:pristupnost@example.org"' in html
    assert "Město Příkladov se zavazuje" in html
    assert "Náměstí 1, 100 00 Příkladov" in html
    assert "telefon: +420 000 000 000" in html
    assert default.email not in html
