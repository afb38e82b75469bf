"""The site as a person sees it: headless Chromium (Debian's) driven by Playwright opens the
built site from a server on 127.0.0.1, follows links, reads what is shown, checks it with the
axe-core accessibility engine and keeps screenshots at phone and desktop width."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import CANCELLED, REASON, ROOT
from web import accessibility
from web.build import Built

CHROMIUM = Path(os.environ.get("KPSS_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("KPSS_TEST_ARTIFACTS", ROOT / "tests/web/artifacts"))
# As root in a closed network: no sandbox, and none of Chromium's own background connections.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SERIOUS = ("serious", "critical")
EDITOR = "admin/"
"""The form editor (Decap CMS, tests/web/test_cms.py) is an application for editors, not a page
of the public site: its layout and contrast are Decap's own."""
RESULTS = ROOT / "web" / accessibility.RESULTS
"""The result the accessibility statement shows: this file's run keeps it true."""
STANDARD = "WCAG 2.0 a 2.1, úrovně A a AA, a doporučené postupy axe-core"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); "
                ".ci/run does", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e .[test]")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright",
                              reason="pip install -e .[test]")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport=DESKTOP, locale="cs-CZ",  # type: ignore[attr-defined]
                                  timezone_id="UTC", java_script_enabled=True)
    tab = context.new_page()
    yield tab
    context.close()


def test_from_home_to_the_seniors_meeting_its_group_and_subscription(page, real_url: str) -> None:
    page.goto(real_url + "index.html")
    coming = page.locator("h2:text('Nejbližší jednání') + ul.meetings")
    coming.get_by_role("link", name="Jednání Pracovní skupiny pro seniory").click()
    assert page.url.endswith("/jednani/2022-09-22-ps-seniori.html")
    facts = page.locator("dl.facts").first.inner_text()
    assert "čtvrtek 22. 9. 2022" in facts
    assert "Krejčího" in facts
    assert "plánováno" in facts
    page.locator("dl.facts").get_by_role("link", name="Pracovní skupina pro seniory").click()
    assert page.url.endswith("/skupiny/ps-seniori.html")
    assert page.get_by_role("heading", level=1).inner_text() == "Pracovní skupina pro seniory"
    subscribe = page.get_by_role("link", name="Přidat do kalendáře")
    assert subscribe.get_attribute("href") == "webcal://kpss.example.org/kalendare/ps-seniori.ics"
    page.get_by_role("link", name="Jak kalendář přidat").click()
    assert page.get_by_role("heading", name="Thunderbird").is_visible()
    download = page.get_by_role("link", name="Stáhnout soubor .ics")
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + download.get_attribute("href"))
    assert response.ok
    assert response.body().startswith(b"BEGIN:VCALENDAR")


def test_minutes_of_31_8_2022_and_their_tasks(page, real_url: str) -> None:
    page.goto(real_url + "index.html")
    page.get_by_role("link", name="Všechna jednání").click()
    page.locator("ul.years").get_by_role("link", name="2022", exact=True).click()
    page.locator("li.meeting", has_text="31. 8. 2022").get_by_role("link").first.click()
    assert page.url.endswith("/jednani/2022-08-31-rps.html")
    assert page.get_by_role("heading", name="Informace ze SML").is_visible()
    tasks = page.locator("h2:text('Usnesení a úkoly z tohoto jednání') + ul.decisions > li")
    assert tasks.count() == 5
    text = tasks.all_inner_texts()
    assert sum(t.startswith("Úkol") for t in text) == 3
    assert any("Kateřina Jírová" in t and "13. 9. 2022" in t for t in text)
    page.get_by_role("link", name="Úkoly a usnesení").click()
    page.get_by_role("link", name="Otevřené úkoly").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == "Otevřené úkoly"
    assert page.locator("ul.decisions > li").count() == 4


def test_long_minutes_on_a_phone_jump_to_attendance_and_tasks(browser, real_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(real_url + "jednani/2022-08-31-rps.html")
    toc = tab.get_by_role("navigation", name="Na této stránce")
    for label, heading in (("Účast", "Účast"), ("Usnesení a úkoly", "Usnesení a úkoly z tohoto "
                                                                   "jednání")):
        toc.get_by_role("link", name=label, exact=True).click()
        target = tab.get_by_role("heading", name=heading, exact=True)
        box, scrolled = target.bounding_box(), tab.evaluate("window.scrollY")
        assert box is not None
        assert scrolled > 1000  # the long page did move
        assert -1 < box["y"] < PHONE["height"]  # and the heading is on the screen
    context.close()


def test_a_cancelled_meeting_is_visibly_marked(page, edited_url: str) -> None:
    page.goto(edited_url + "index.html")
    item = page.locator("li.meeting", has=page.locator(f"a[href='jednani/{CANCELLED}.html']"))
    assert "ZRUŠENO." in item.inner_text()  # text-transform: uppercase, as seen
    assert REASON in item.inner_text()
    title = item.locator("h3 s")
    assert "line-through" in title.evaluate("e => getComputedStyle(e).textDecorationLine")
    colours = item.evaluate("e => getComputedStyle(e).backgroundColor")
    planned = page.locator("li.meeting.planned").first.evaluate(
        "e => getComputedStyle(e).backgroundColor")
    assert colours != planned
    item.get_by_role("link").first.click()
    page.wait_for_url(f"**/jednani/{CANCELLED}.html")
    page.wait_for_load_state("load")  # the style sheet too: the text is read as shown
    assert "ZRUŠENO." in page.locator("main").inner_text()
    assert page.locator("dd.status").inner_text() == "zrušeno"


def test_printing_a_meeting_page_keeps_the_minutes_only(page, real_url: str) -> None:
    page.goto(real_url + "jednani/2022-08-31-rps.html")
    assert page.get_by_role("link", name="Zápis k tisku (PDF").is_visible()
    page.emulate_media(media="print")
    for hidden in ("header.site nav", "nav.toc", "p.print", "a.skip"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.get_by_role("heading", name="Informace ze SML").is_visible()
    assert page.locator("h2#ucast").is_visible()
    out = page.locator("main a[href^='https://']").first
    after = out.evaluate("e => getComputedStyle(e, '::after').content")
    assert out.get_attribute("href") in after  # where the link leads, written out on paper


@pytest.mark.parametrize(("path", "shown", "utc"), [
    ("jednani/2022-09-22-ps-seniori.html", "čtvrtek 22. 9. 2022, 10:00–12:00",
     "2022-09-22T08:00:00.000Z"),  # CEST, UTC+2
    # After the change of 30. 10. 2022: CET, UTC+1; no end in the record, and the page says so.
    ("jednani/2022-11-01-spolecna-setkani.html",
     "úterý 1. 11. 2022, 10:00 Konec jednání nebyl uveden.", "2022-11-01T09:00:00.000Z"),
])
def test_times_across_the_dst_change(page, edited_url: str, path: str, shown: str,
                                     utc: str) -> None:
    page.goto(edited_url + path)
    when = page.locator("dl.facts dd").first
    assert when.inner_text() == shown
    start = when.locator("time").first.evaluate(
        "e => new Date(e.getAttribute('datetime')).toISOString()")
    assert start == utc


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots(browser, real_url: str, edited_url: str, name: str,
                     viewport: dict[str, int]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    tab = context.new_page()
    shots = [(real_url, "index.html", "domov"), (real_url, "jednani/2022-08-31-rps.html", "zapis"),
             (real_url, "skupiny/ps-seniori.html", "seniori"),
             (edited_url, "index.html", "zruseno")]
    for base, path, label in shots:
        tab.goto(base + path)
        # Readable on a phone: nothing wider than the screen, nothing to scroll sideways.
        assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        target = ARTIFACTS / f"{label}-{name}.png"
        tab.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 1000
        print(f"screenshot: {target}")
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(browser, real_site: tuple[Path, Built],
                                             real_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=True)
    tab = context.new_page()
    wide = []
    for rel in real_site[1].files:
        if rel.endswith(".html") and not rel.startswith(EDITOR):
            tab.goto(real_url + rel)
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide.append((rel, width))
    context.close()
    assert not wide


def _violations(page, url: str) -> list[tuple[str, str, int]]:
    page.goto(url)
    result = axe_api.Axe().run(page)
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result.response["violations"]]


def _record(found: dict[str, list[tuple[str, str, int]]]) -> str | None:
    """Keep web/accessibility.json equal to this run's findings: when the statement claims
    another result, write this run's (dated today) and say so."""
    seen = {accessibility.Finding(rule, impact) for vs in found.values() for rule, impact, _ in vs}
    claimed = accessibility.last_check()
    if set(claimed.findings) == seen and claimed.standard == STANDARD:
        return None
    run = accessibility.Check(dt.date.today(), "axe-core", STANDARD, tuple(seen))
    RESULTS.write_text(accessibility.dump(run), encoding="utf-8")
    return (f"{RESULTS} claimed {sorted(claimed.findings)}, the run found {sorted(seen)}; "
            "the file now holds this run's result: commit it")


def test_accessibility_of_every_page(page, real_site: tuple[Path, Built], real_url: str,
                                     edited_url: str) -> None:
    urls = [real_url + rel for rel in real_site[1].files
            if rel.endswith(".html") and not rel.startswith(EDITOR)]
    urls += [edited_url + "index.html", edited_url + f"jednani/{CANCELLED}.html"]
    found = {url: _violations(page, url) for url in urls}
    for url, violations in found.items():
        if violations:
            print(url, violations)
    stale = _record(found)
    serious = {url: [v for v in vs if v[1] in SERIOUS] for url, vs in found.items()}
    assert not any(serious.values()), serious
    assert stale is None, stale
