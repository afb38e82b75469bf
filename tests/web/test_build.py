"""The built site as files: every page there, small, without scripts or outside resources,
in Czech, the same bytes for the same records."""

from __future__ import annotations

import re
import shlex
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.web.conftest import BASE_URL, CANCELLED, REASON, ROOT, TODAY, build_site
from web import cli, markup, text
from web.build import Built
from web.subscribe import server_url, webcal

LIMIT = 100 * 1024
EXPECTED = {
    "index.html", "jednani/index.html", "skupiny/index.html", "ukoly.html", "plan.html",
    "kalendare/index.html", "style.css",
    "jednani/2022-08-31-rps.html", "jednani/2021-06-21-ps-socialni-vylouceni.html",
    "skupiny/ps-seniori.html", "skupiny/ps-socialni-vylouceni.html",
    "kalendare/ps-seniori.html", "kalendare/ps-seniori.ics", "kalendare/vse.html",
    "kalendare/vse.ics",
}
OUTSIDE = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)
FONT_OR_TRACKER = re.compile(r"fonts\.googleapis|fonts\.gstatic|googletagmanager|"
                             r"google-analytics|@font-face|@import|url\(", re.IGNORECASE)


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


EDITOR = "admin/"
"""The form editor (tests/web/test_admin.py, test_cms.py): an application with its own script,
not a page of the public site."""


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(EDITOR))


def test_every_page_is_there(real_site: tuple[Path, Built]) -> None:
    site, built = real_site
    assert set(built.files) >= EXPECTED
    ids = {p.stem for p in (ROOT / "records/meetings").rglob("*.yaml")}
    assert {f"jednani/{i}.html" for i in ids} <= set(built.files)
    assert sorted(built.files) == sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_every_page_is_small_and_has_no_script(real_site: tuple[Path, Built]) -> None:
    site, built = real_site
    for rel, size in built.files.items():
        assert size < LIMIT or rel.startswith(EDITOR), rel
    for path in html_files(site):
        page = path.read_text(encoding="utf-8")
        assert "<script" not in page.lower(), path
        assert not re.search(r"<[^>]+\son\w+\s*=", page), path  # no inline event handlers
        assert not FONT_OR_TRACKER.search(page), path
        # Links out are plain <a href> to public pages (minutes' links, subscribe URLs);
        # nothing is loaded from elsewhere: every src and stylesheet is local.
        for tag in re.findall(r"<(?:link|img|iframe|source|video|audio)\b[^>]*>", page):
            assert not OUTSIDE.search(tag), (path, tag)
    assert not FONT_OR_TRACKER.search(read(site, "style.css"))


def test_the_same_records_give_the_same_bytes(real_site: tuple[Path, Built],
                                              tmp_path: Path) -> None:
    site, built = real_site
    again = build_site(ROOT, tmp_path / "again", pdf=True)  # the minutes' PDFs too
    assert again == built
    for rel in built.files:
        assert (tmp_path / "again" / rel).read_bytes() == (site / rel).read_bytes(), rel


class _Outline(HTMLParser):
    """Headings, landmarks and `lang` of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self.tags: set[str] = set()
        self.lang: str | None = None
        self.th_without_scope = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag == "th" and "scope" not in dict(attrs):
            self.th_without_scope += 1


def test_pages_are_semantic(real_site: tuple[Path, Built]) -> None:
    for path in html_files(real_site[0]):
        outline = _Outline()
        outline.feed(path.read_text(encoding="utf-8"))
        assert outline.lang == "cs", path
        assert {"main", "nav", "header", "footer"} <= outline.tags, path
        assert outline.levels[0] == 1, path
        assert outline.levels.count(1) == 1, path
        pairs = zip(outline.levels, outline.levels[1:], strict=False)
        jumps = [(a, b) for a, b in pairs if b > a + 1]
        assert not jumps, (path, jumps)
        assert outline.th_without_scope == 0, path


def test_home_lists_the_coming_meetings_in_czech(real_site: tuple[Path, Built]) -> None:
    home = read(real_site[0], "index.html")
    coming = home.split("<h2>Nejbližší jednání</h2>")[1].split("<h2>")[0]
    assert "čtvrtek 22. 9. 2022" in coming
    assert 'href="jednani/2022-09-22-ps-seniori.html"' in coming
    assert coming.index("13. 9. 2022") < coming.index("22. 9. 2022") < coming.index("1. 11. 2022")
    assert "31. 8. 2022" not in coming  # before today: among the recent ones
    assert "31. 8. 2022" in home.split("<h2>Nedávná jednání</h2>")[1]
    assert 'datetime="2022-09-13T13:00+02:00"' in coming
    assert f'Přehled ke dni <time datetime="2022-09-01">{text.day(TODAY)}</time>' in home


def test_minutes_of_31_8_2022_show_agenda_attendance_and_tasks(
        real_site: tuple[Path, Built]) -> None:
    page = read(real_site[0], "jednani/2022-08-31-rps.html")
    assert "středa 31. 8. 2022" in page
    assert "Nový komunitní plán 2023 – 2027" in page
    assert "<table class=\"data\">" in page
    assert '<th scope="col">Skupina</th>' in page
    assert "<h4>Humanitární pomoc pro ukrajinské uprchlíky</h4>" in page  # ### under an h3
    assert "Přítomni (8)" in page
    assert "Omluveni (2)" in page
    assert "Zapsal/a</dt><dd>Adéla Machová" in page
    tasks = page.split('<h2 id="usneseni">Usnesení a úkoly z tohoto jednání</h2>')[1]
    tasks = tasks.split("<h2")[0]
    assert tasks.count('class="decision task open"') == 3
    assert tasks.count('class="decision decision adopted"') == 2
    assert "Kateřina Jírová" in tasks
    assert "13. 9. 2022" in tasks
    assert 'href="2022-10-19-rps.html"' in page  # the next meeting


def test_group_page_has_history_members_meetings_and_subscription(
        real_site: tuple[Path, Built]) -> None:
    site = real_site[0]
    page = read(site, "skupiny/ps-socialni-vylouceni.html")
    assert ("Pracovní skupina pro cizince, národnostní menšiny a osoby ohrožené sociálním "
            "vyloučením") in page
    assert "<caption>Současní členové</caption>" in page
    assert "Oblastní charita Liberec" in page
    assert 'href="ps-socialni-vylouceni/2021.html"' in page  # the group's archive by year
    year = read(site, "skupiny/ps-socialni-vylouceni/2021.html")
    assert 'href="../../jednani/2021-06-21-ps-socialni-vylouceni.html"' in year
    seniors = read(site, "skupiny/ps-seniori.html")
    next_meeting = seniors.split("<h2>Příští jednání</h2>")[1].split("<h2>")[0]
    assert "22. 9. 2022" in next_meeting
    assert "Krejčího" in next_meeting
    assert f'href="{webcal(BASE_URL)}kalendare/ps-seniori.ics"' in seniors
    assert f'href="{BASE_URL}kalendare/ps-seniori.ics"' in seniors
    assert 'href="../kalendare/ps-seniori.ics"' in seniors


def test_every_calendar_page_has_links_and_instructions(real_site: tuple[Path, Built]) -> None:
    site = real_site[0]
    for ics in sorted((site / "kalendare").glob("*.ics")):
        if ics.stem.endswith("-archiv"):
            continue
        page = read(site, f"kalendare/{ics.stem}.html")
        assert f'href="{ics.name}"' in page
        assert f'href="{ics.stem}-archiv.ics"' in page
        assert "webcal://kpss.example.org/kalendare/" + ics.name in page
        for app in ("Google Kalendář", "Outlook", "Apple Kalendář", "Thunderbird"):
            assert f"<h3>{app}" in page, (ics, app)
        assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_tasks_page_and_plan(real_site: tuple[Path, Built]) -> None:
    site = real_site[0]
    overview = read(site, "ukoly.html")
    assert "4 otevřené úkoly" in overview
    assert 'href="ukoly/otevrene.html"' in overview
    tasks = read(site, "ukoly/otevrene.html")
    assert tasks.count('class="decision task') == 4
    assert tasks.count("zatím žádná") == 4
    plan = read(site, "plan.html")
    assert "červenec – srpen 2022" in plan
    assert "leden 2023" in plan
    assert "(proběhlo)" in plan
    assert "(probíhá)" in plan
    assert "(připravuje se)" in plan


def test_cancelled_meeting_and_dst(edited_site: Path) -> None:
    home = read(edited_site, "index.html")
    item = home.split(f'jednani/{CANCELLED}.html">')[1].split("</li>")[0]
    assert item.startswith("<s>")
    assert "Zrušeno." in item
    assert REASON in item
    seniors = read(edited_site, "jednani/2022-09-22-ps-seniori.html")
    assert 'datetime="2022-09-22T10:00+02:00"' in seniors
    assert "10:00</time>–" in seniors
    joint = read(edited_site, "jednani/2022-11-01-spolecna-setkani.html")
    assert 'datetime="2022-11-01T10:00+01:00"' in joint
    assert "úterý 1. 11. 2022, 10:00" in joint


def test_raw_html_and_script_links_from_records_are_escaped(edited_site: Path) -> None:
    page = read(edited_site, "jednani/2022-10-04-ps-dusevni-zdravi.html")
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;" in page
    assert "Bod s &lt;b&gt;HTML&lt;/b&gt;" in page
    assert 'href="javascript:' not in page
    assert '<a href="https://www.liberec.cz/">web</a>' in page


def test_stale_pages_are_removed_and_other_files_kept(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "jednani").mkdir(parents=True)
    (out / "jednani/zruseny-zaznam.html").write_text("stará", encoding="utf-8")
    (out / "CNAME").write_text("kpss.example.org", encoding="utf-8")
    build_site(ROOT, out)
    assert not (out / "jednani/zruseny-zaznam.html").exists()
    assert (out / "CNAME").exists()


def test_markdown_headings_shift_and_tables_get_scope() -> None:
    html = markup.markdown("# A\n\n## B\n\n| x |\n| - |\n| 1 |\n", level=4)
    assert "<h4>A</h4>" in html
    assert "<h5>B</h5>" in html
    assert '<th scope="col">x</th>' in html
    assert markup.markdown("###### deep", level=5).startswith("<h5>")


def test_subscribe_urls() -> None:
    assert webcal("https://a.example/k/x.ics") == "webcal://a.example/k/x.ics"
    assert server_url("https://cal.example/kpss", "rps") == "https://cal.example/kpss/rps/"
    assert server_url("https://cal.example/{id}.ics", "rps") == "https://cal.example/rps.ics"


def test_calendar_server_links_when_configured(tmp_path: Path) -> None:
    build_site(ROOT, tmp_path, calendar_url="https://kalendar.example.cz/kpss/")
    page = read(tmp_path, "kalendare/rps.html")
    assert 'href="webcal://kalendar.example.cz/kpss/rps/"' in page
    assert 'href="rps.ics" download="rps.ics"' in page


def test_without_a_base_url_the_links_stay_relative(tmp_path: Path) -> None:
    build_site(ROOT, tmp_path, base_url=None)
    page = read(tmp_path, "kalendare/rps.html")
    assert "webcal:" not in page
    assert 'href="rps.ics"' in page


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--out", str(tmp_path / "out"), "--root", str(ROOT), "--today", "2022-09-01"]
    code = cli.main(["build", *args])
    assert code == 0
    assert "stránek" in capsys.readouterr().out
    assert (tmp_path / "out/index.html").is_file()


def test_command_line_refuses_invalid_records(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "repo"
    for name in ("schemas", "records"):
        shutil.copytree(ROOT / name, root / name)
    bad = root / "records/meetings/2022/2022-09-22-ps-seniori.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("venue: krejciho", "venue: nikde"),
                   encoding="utf-8")
    code = cli.main(["build", "--out", str(tmp_path / "out"), "--root", str(root)])
    assert code == 1
    assert "stránky se nevytvořily" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert cli.main([]) == 2


def doc_commands() -> list[list[str]]:
    text_ = (ROOT / "docs/site.md").read_text(encoding="utf-8")
    lines = [line for body in re.findall(r"^```sh\n(.*?)^```", text_, re.MULTILINE | re.DOTALL)
             for line in body.splitlines()]
    return [shlex.split(line)[2:] for line in lines
            if line.startswith("python -m web ")]


def test_the_commands_of_the_guide_run(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    commands = doc_commands()
    assert [c[0] for c in commands] == ["web"]
    for number, (_entry, *args) in enumerate(commands):
        out = tmp_path / str(number)
        args[args.index("--out") + 1] = str(out)
        args += ["--root", str(ROOT)]
        code = cli.main(args)
        assert code == 0, capsys.readouterr().err
        assert (out / "index.html").is_file()


def test_a_meeting_without_an_end_says_so(real_site: tuple[Path, Built]) -> None:
    # 2022-10-19-rps and 2021-06-21-ps-socialni-vylouceni give a start but no end: the calendar
    # shows the group's usual length, the page says the end was not given (issue 16).
    site, _built = real_site
    no_end = read(site, "jednani/2021-06-21-ps-socialni-vylouceni.html")
    assert "Konec jednání nebyl uveden." in no_end
    assert "Konec jednání nebyl uveden." not in read(site, "jednani/2022-08-31-rps.html")
    calendar = (site / "kalendare/vse.ics").read_bytes().replace(b"\r\n ", b"")
    assert "Konec jednání nebyl uveden.".encode() in calendar
