"""The site at the scale of a big city and over the years: built from the bench corpus, every
page stays small because long lists are cut into pages, and every meeting is still reachable;
one status wording everywhere; "recent" means the last 90 days; long minutes have a contents."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bench import schedule
from bench.corpus import generate
from tests.web.conftest import ROOT, build_site, built_repository
from web import archive, text
from web.build import build
from web.view import View

LIMIT = 100 * 1024
MEETINGS = 1_500
"""About a year and a half of the corpus: several pages in a year."""


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = generate(tmp_path_factory.mktemp("corpus"), MEETINGS)
    out = tmp_path_factory.mktemp("big-site")
    view = View(built_repository(corpus.root, schedule.TODAY), schedule.TODAY)
    build(view, out, root=corpus.root)
    return out


def hrefs(page: Path) -> set[str]:
    return set(re.findall(r'href="([^"#]+)', page.read_text(encoding="utf-8")))


def test_every_page_is_small(big_site: Path) -> None:
    sizes = {p.relative_to(big_site).as_posix(): p.stat().st_size for p in big_site.rglob("*.html")}
    assert len(sizes) > MEETINGS
    over = {k: v for k, v in sizes.items() if v >= LIMIT}
    assert not over


def test_years_are_cut_into_pages_and_every_meeting_is_reachable(big_site: Path) -> None:
    index = hrefs(big_site / "jednani/index.html")
    pages = [p for p in sorted(big_site.glob("jednani/*.html"))
             if re.fullmatch(r"\d{4}(-\d+)?\.html", p.name)]
    assert any("-" in p.name for p in pages)  # a year of this corpus does not fit on one page
    listed: set[str] = set()
    for page in pages:
        assert page.name in index
        links = {h for h in hrefs(page) if re.fullmatch(r"\d{4}-\d\d-\d\d-[\w-]+\.html", h)}
        assert page.read_text("utf-8").count('<li class="meeting ') <= archive.MEETINGS_PER_PAGE
        listed |= links
    meetings = {p.name for p in big_site.glob("jednani/*-*-*-*.html")}
    assert listed == meetings


def test_a_groups_page_links_its_archive_instead_of_listing_everything(big_site: Path) -> None:
    group = next(p for p in sorted(big_site.glob("skupiny/*.html")) if p.stem != "index")
    page = group.read_text(encoding="utf-8")
    assert page.count('<li class="meeting ') <= 2 * View.short_list  # coming and recent
    years = [h for h in hrefs(group) if re.fullmatch(rf"{group.stem}/\d{{4}}\.html", h)]
    assert years
    assert (big_site / "skupiny" / f"{group.stem}/usneseni.html").exists()


def test_the_subscribed_feed_is_bounded_and_the_archive_is_whole(tmp_path: Path) -> None:
    later = dt.date(2023, 10, 1)  # a year after the autumn 2022 schedule: only part is recent
    repo = built_repository(ROOT, later)
    build(View(repo, later), tmp_path, root=ROOT)
    feed = (tmp_path / "kalendare/vse.ics").read_bytes()
    whole = (tmp_path / "kalendare/vse-archiv.ics").read_bytes()
    assert feed.count(b"BEGIN:VEVENT") < whole.count(b"BEGIN:VEVENT")
    assert b"2022-10-19-rps" in feed
    assert b"2022-08-31-rps" not in feed
    assert b"2022-08-31-rps" in whole


def test_one_status_on_the_group_page_and_the_meetings_own(tmp_path: Path) -> None:
    # 22. 9. 2022 is planned in the records; on 1. 10. 2022 its day has passed.
    today = dt.date(2022, 10, 1)
    build(View(built_repository(ROOT, today), today), tmp_path, root=ROOT)
    own = (tmp_path / "jednani/2022-09-22-ps-seniori.html").read_text(encoding="utf-8")
    group = (tmp_path / "skupiny/ps-seniori.html").read_text(encoding="utf-8")
    assert f'<dd class="status planned">{text.PAST_PLANNED}</dd>' in own
    item = group.split('jednani/2022-09-22-ps-seniori.html"')[1].split("</li>")[0]
    assert f"Stav: {text.PAST_PLANNED}" in item
    assert "plánováno" not in own


def test_recent_means_the_last_90_days(real_site: tuple[Path, object]) -> None:
    home = (real_site[0] / "index.html").read_text(encoding="utf-8")
    recent = home.split("<h2>Nedávná jednání</h2>")[1].split("<h2>")[0]
    assert "jednani/2022-08-31-rps.html" in recent
    assert "2021-06-21" not in recent  # 14 months before 1. 9. 2022


def test_long_minutes_have_a_table_of_contents(real_site: tuple[Path, object]) -> None:
    page = (real_site[0] / "jednani/2022-08-31-rps.html").read_text(encoding="utf-8")
    toc = page.split('<nav class="toc"')[1].split("</nav>")[0]
    targets = re.findall(r'href="#([\w-]+)"', toc)
    assert {"program", "usneseni", "ucast", "zapis", "bod-1", "bod-5"} <= set(targets)
    for target in targets:
        assert f'id="{target}"' in page, target


def test_without_a_subscribe_address_no_step_names_a_missing_button(tmp_path: Path) -> None:
    build_site(ROOT, tmp_path, base_url=None)
    page = (tmp_path / "kalendare/rps.html").read_text(encoding="utf-8")
    assert "Přidat do kalendáře" not in page
    assert "Apple Kalendář" in page
    with_base = tmp_path / "with-base"
    build_site(ROOT, with_base)
    assert "„Přidat do kalendáře“" in (with_base / "kalendare/rps.html").read_text("utf-8")
