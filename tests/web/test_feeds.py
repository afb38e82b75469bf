"""The Atom feeds: read by feedparser without complaint, valid against the RELAX NG schema of
RFC 4287 (Appendix B, tests/web/atom.rnc converted to atom.rng), holding the records the model
says with ids that do not change between builds and times from git, linked from the pages."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from tests.web.conftest import (
    BASE_URL,
    CANCELLED,
    ROOT,
    build_site,
    built_repository,
    edited_records,
)
from web import atom
from web.view import View

SCHEMA = Path(__file__).with_name("atom.rng")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory):
    """The edited records (a cancelled meeting among them), their model and their site."""
    root = edited_records(tmp_path_factory.mktemp("feeds-records"))
    out = tmp_path_factory.mktemp("feeds-site")
    build_site(root, out)
    return built_repository(root), out


def feed_files(site: Path) -> list[Path]:
    return sorted((site / "atom").rglob("*.xml"))


def parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def expected_title(repo, meeting) -> str:
    """From the record: its title, else `Jednání <short names>`; marked when not taking place."""
    names = ", ".join(repo.groups[g].short_name for g in meeting.groups)
    title = meeting.data.get("title") or f"Jednání {names}"
    mark = {"cancelled": "ZRUŠENO: ", "postponed": "ODLOŽENO: "}.get(meeting.data["status"], "")
    day = dt.date.fromisoformat(meeting.data["date"])
    return f"{mark}{title}, {day.day}. {day.month}. {day.year}"


def selections(repo) -> dict[str, list]:
    """Which records each feed holds, from the records themselves."""
    meetings = list(repo.meetings.values())
    found = {
        "atom/jednani.xml": meetings,
        "atom/zapisy.xml": [m for m in meetings if m.data["status"] == "held"
                            and (m.data.get("minutes") or {}).get("status")],
        "atom/zmeny.xml": [m for m in meetings
                           if m.data["status"] in ("cancelled", "postponed")],
    }
    for group in repo.groups:
        found[f"atom/skupiny/{group}.xml"] = [m for m in meetings if group in m.data["groups"]]
    return found


def test_every_feed_parses_without_complaint_and_is_valid_atom(edited) -> None:
    _repo, site = edited
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    files = feed_files(site)
    assert len(files) >= 4
    for path in files:
        parse(path)
        assert schema.validate(etree.parse(str(path))), (path, schema.error_log)


def test_the_schema_rejects_an_entry_without_an_id(edited) -> None:
    _repo, site = edited
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    broken = re.sub(rb"<entry>\s*<id>[^<]*</id>", b"<entry>",
                    (site / "atom/jednani.xml").read_bytes(), count=1)
    assert not schema.validate(etree.fromstring(broken))


def test_entries_and_titles_match_the_records(edited) -> None:
    repo, site = edited
    wanted = selections(repo)
    assert {p.relative_to(site).as_posix() for p in feed_files(site)} == set(wanted)
    for rel, meetings in wanted.items():
        parsed = parse(site / rel)
        lead = "Zápis: " if rel == "atom/zapisy.xml" else ""
        titles = sorted(e.title for e in parsed.entries)
        assert titles == sorted(lead + expected_title(repo, m) for m in meetings), rel
        links = {e.link for e in parsed.entries}
        assert links == {f"{BASE_URL}jednani/{m.id}.html" for m in meetings}, rel
    changes = parse(site / "atom/zmeny.xml").entries
    assert len(changes) == 1
    assert changes[0].title.startswith("ZRUŠENO: ")
    assert "Nemoc manažerky" in changes[0].summary
    assert CANCELLED in changes[0].link


def test_ids_do_not_change_between_builds_or_addresses(edited, tmp_path: Path) -> None:
    _repo, site = edited
    root = edited_records(tmp_path / "records")
    again = build_site(root, tmp_path / "again", base_url="https://jinde.example.cz/kpss/")
    assert again.files
    for path in feed_files(site):
        first = [e.id for e in parse(path).entries]
        second = [e.id for e in parse(tmp_path / "again" / path.relative_to(site)).entries]
        assert sorted(first) == sorted(second), path
        assert len(set(first)) == len(first)
        assert all(i.startswith("urn:uuid:") for i in first)
    # An entry about a meeting and the entry about its minutes or cancellation are distinct.
    everything = {e.id for e in parse(site / "atom/jednani.xml").entries}
    assert not everything & {e.id for e in parse(site / "atom/zmeny.xml").entries}


def git_time(path: str) -> dt.datetime:
    out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.strip()
    return dt.datetime.fromtimestamp(int(out), dt.UTC)


def test_updated_is_the_records_last_commit(real_site) -> None:
    site, _built = real_site
    repo = built_repository(ROOT)
    parsed = parse(site / "atom/jednani.xml")
    assert parsed.entries
    for entry in parsed.entries:
        mid = entry.link.removeprefix(BASE_URL + "jednani/").removesuffix(".html")
        updated = dt.datetime.fromisoformat(entry.updated)
        assert updated == git_time(repo.meetings[mid].file), mid
    newest = max(dt.datetime.fromisoformat(e.updated) for e in parsed.entries)
    assert dt.datetime.fromisoformat(parsed.feed.updated) == newest


def test_every_page_links_the_feeds(edited) -> None:
    repo, site = edited
    pattern = re.compile(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"')
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == "admin":
            continue  # the form editor (Decap CMS), an application, not a page of the site
        hrefs = pattern.findall(page.read_text(encoding="utf-8"))
        assert hrefs, page
        for href in hrefs:
            assert (page.parent / href).resolve().is_file(), (page, href)
    for group in repo.groups:
        hrefs = pattern.findall((site / f"skupiny/{group}.html").read_text(encoding="utf-8"))
        assert f"../atom/skupiny/{group}.xml" in hrefs


def test_a_feed_keeps_the_most_recently_changed_records(edited, monkeypatch) -> None:
    repo, _site = edited
    monkeypatch.setattr(atom, "ENTRIES", 3)
    view = View(repo, dt.date(2022, 9, 1))
    stamps = {m.file: dt.datetime(2022, 1, 1 + i, tzinfo=dt.UTC)
              for i, m in enumerate(sorted(repo.meetings.values(), key=lambda m: m.id))}
    newest = sorted(repo.meetings.values(), key=lambda m: m.id)[-3:]
    parsed = feedparser.parse(atom.render(view, atom.feeds(view)[0], stamps))
    assert [e.link.rsplit("/", 1)[1] for e in parsed.entries] == [
        f"{m.id}.html" for m in reversed(newest)]


def test_without_the_sites_address_links_are_relative_to_the_feed(tmp_path: Path) -> None:
    build_site(ROOT, tmp_path, base_url=None)
    for path in feed_files(tmp_path):
        parsed = parse(path)
        for link in [parsed.feed.link, *(e.link for e in parsed.entries)]:
            assert not link.startswith(("http:", "https:", "/")), (path, link)
            assert (path.parent / link).resolve().is_file(), (path, link)


MOVED = "2022-10-04-ps-dusevni-zdravi"
NEW = "2022-10-11-ps-dusevni-zdravi"


def test_a_postponement_is_in_the_changes_feed_with_its_new_date(tmp_path: Path) -> None:
    root = edited_records(tmp_path / "records")
    old = root / "records/meetings/2022" / f"{MOVED}.yaml"
    text = old.read_text(encoding="utf-8")
    moved = text.replace("status: planned", f"status: postponed\npostponed_to: {NEW}")
    old.write_text(moved, encoding="utf-8")
    new = text.replace(MOVED, NEW).replace("date: 2022-10-04", "date: 2022-10-11")
    new = new.replace("status: planned", f"status: planned\npostponed_from: {MOVED}")
    (old.parent / f"{NEW}.yaml").write_text(new, encoding="utf-8")
    build_site(root, tmp_path / "site")
    entries = parse(tmp_path / "site/atom/zmeny.xml").entries
    [moved_entry] = [e for e in entries if e.link.endswith(f"/{MOVED}.html")]
    assert moved_entry.title.startswith("ODLOŽENO: ")
    assert "Nový termín: 11. 10. 2022." in moved_entry.summary
