"""The form editor as an editor uses it: headless Chromium (Debian's) drives the real Decap CMS
of the built site against its local backend (decap-server, pinned in web/admin/package.json)
over a temporary clone of the repository. Each job is done by form only; then the files on disk,
settled as the pull-request workflow settles them, hold what was typed and lint with no error
and no new warning. Screenshots at 1280 and 390 px are kept as artifacts (docs/editors.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from edit import yamlio
from edit.cli import main as edit_main
from lint import engine
from lint.problem import Severity
from tests.web.conftest import ROOT, serve
from tests.web.test_browser import ARGS, ARTIFACTS, CHROMIUM, DESKTOP, PHONE
from web import admin

NODE = shutil.which("node") or shutil.which("nodejs")
SERVER = admin.FOLDER / "node_modules/decap-server/dist/index.js"
TODAY = dt.date(2022, 10, 20)
"""The day the editor works: after the ŘPS of 19. 10. 2022, before the December meeting."""
SHOTS = ARTIFACTS / "cms"
SAVED = re.compile("Položka (uložena|publikována)")
NEW = "records/meetings/2022/2022-12-07-rps.yaml"
MINUTES = "records/meetings/2022/2022-10-19-rps.yaml"
TASK = "records/decisions/2022-08-31-rps-jirova-ucast.yaml"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)",
                allow_module_level=True)
if NODE is None or not SERVER.is_file() or not (admin.FOLDER / admin.DIST).is_dir():
    pytest.skip("node or the CMS is missing: bash scripts/install-cms.sh (.ci/run does)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e .[test]")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return "publish_modes" in json.load(response)
    except OSError:
        return False


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary clone of the repository, with the working tree's records and schemas."""
    root = tmp_path_factory.mktemp("cms") / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(root)],
                   check=True, timeout=120)
    for name in ("records", "schemas"):
        shutil.rmtree(root / name)
        shutil.copytree(ROOT / name, root / name)
    # The branch the CMS saves to (config: main), holding the working tree's records; the
    # identity decap-server's commits (git mode) are made with.
    for args in (["config", "user.name", "Editorka"], ["config", "user.email", "ed@example.org"],
                 ["checkout", "--quiet", "-B", "main"],
                 ["commit", "--quiet", "--allow-empty", "-am", "records of the working tree"]):
        subprocess.run(["git", *args], cwd=root, check=True, timeout=60)
    others = subprocess.run(["git", "for-each-ref", "--format=%(refname:short)", "refs/heads"],
                            cwd=root, capture_output=True, text=True, check=True, timeout=60)
    for branch in set(others.stdout.split()) - {"main"}:  # a branch `cms` blocks `cms/…`
        subprocess.run(["git", "branch", "--quiet", "-D", branch], cwd=root, check=True,
                       timeout=60)
    return root


@pytest.fixture(scope="module")
def backend(clone: Path, tmp_path_factory: pytest.TempPathFactory,
            request: pytest.FixtureRequest) -> Iterator[str]:
    """decap-server on 127.0.0.1 over the clone; yields its API address. MODE "fs" writes the
    files in place (the CMS then publishes at once); a module's DECAP_MODE = "git" makes every
    save a branch, as on GitHub or GitLab (the editorial workflow)."""
    mode = getattr(request.module, "DECAP_MODE", "fs")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api/v1"
    log = (tmp_path_factory.mktemp("decap") / "server.log").open("w")
    env = {"PATH": os.environ.get("PATH", ""), "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "GIT_REPO_DIRECTORY": str(clone), "MODE": mode, "LOG_LEVEL": "warn"}
    server = subprocess.Popen([str(NODE), str(SERVER)], env=env, stdout=log, stderr=log)
    try:
        for _ in range(300):  # bounded: 30 s at most
            if server.poll() is not None or _answers(url):
                break
            time.sleep(0.1)
        assert _answers(url), "decap-server did not start"
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def site(clone: Path, backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site with /admin/ pointed at the local backend; yields the admin page's URL."""
    out = tmp_path_factory.mktemp("site")
    code = edit_main(["cms", "--root", str(clone), "--out", str(out / "admin/config.yml"),
                      "--local-backend", backend])
    assert code == 0
    files = admin.bundle()
    assert files.problem is None, files.problem
    for rel, data in files.files.items():
        (out / rel).write_bytes(data)
    shutil.copy(admin.FOLDER / "index.html", out / "admin/index.html")
    for url in serve(out):
        yield url + "admin/index.html"


@pytest.fixture(scope="module")
def baseline(clone: Path) -> Counter[tuple[str, str]]:
    """The warnings the records had before the editor touched them."""
    return _warnings(clone)


def _problems(clone: Path) -> list:
    return engine.run(clone, today=TODAY, jobs=1).problems


def _warnings(clone: Path) -> Counter[tuple[str, str]]:
    return Counter((p.code, p.file) for p in _problems(clone)
                   if p.severity is not Severity.ERROR)


@pytest.fixture(scope="module")
def page(site: str, baseline: Counter[tuple[str, str]]) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport=DESKTOP, locale="cs-CZ", timezone_id="Europe/Prague")
        context.set_default_timeout(20_000)
        tab = context.new_page()
        tab.on("dialog", lambda dialog: dialog.accept())  # "Opravdu chcete publikovat…?"
        outside: list[str] = []
        tab.on("request", lambda r: outside.append(r.url)
               if not r.url.startswith(("http://127.0.0.1:", "data:", "blob:")) else None)
        tab.goto(site)
        tab.get_by_role("button", name="Přihlásit").click()
        tab.get_by_role("heading", name="Kolekce").wait_for()
        tab.site = site  # type: ignore[attr-defined]
        yield tab
        assert outside == []  # the admin page reaches no other host
        browser.close()


def _open(page, fragment: str, label: str) -> None:
    """Load the admin page afresh at `fragment` (an open editor ignores a new address) and
    wait for the form; the local login is kept by the browser."""
    page.goto("about:blank")
    page.goto(page.site + "#/" + fragment)
    page.get_by_label(label, exact=True).first.wait_for()


def _pick(page, scope, label: str, typed: str, choice: str | None = None) -> None:
    """Choose in a select or relation picker: type, then take the option named `choice` (or
    the first match)."""
    field = scope.get_by_label(label, exact=True).last  # the item just added, in a list
    field.click()
    field.fill(typed)
    if choice is not None:
        page.get_by_role("option", name=choice, exact=True).click()
        return
    page.get_by_role("option").first.wait_for()
    field.press("Enter")


def _list(page, label: str):
    """A list field, with one more item added."""
    target = page.locator("label").filter(has_text=label).first.get_attribute("for")
    container = page.locator(f"[id='{target}']")
    container.get_by_role("button", name="Přidat").first.click()
    return container


def _markdown(scope, label: str, text: str) -> None:
    """Type into a Markdown field (raw mode: the text as the minutes have it)."""
    label = scope.locator("label", has_text=label).last
    label.locator("xpath=../..").locator("[contenteditable=true]").first.click()
    scope.page.keyboard.type(text)


def _shots(page, job: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{job}-1280.png"))
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SHOTS / f"{job}-390.png"))
    page.set_viewport_size(DESKTOP)


def _publish(page, clone: Path, rel: str) -> dict:
    """Save through the CMS, wait for the file, settle it as the pull request would."""
    before = (clone / rel).read_bytes() if (clone / rel).exists() else b""
    page.get_by_role("button", name="Publikovat", exact=True).click()
    page.get_by_text("Publikovat teď", exact=True).click()
    page.get_by_text(SAVED).first.wait_for()  # the backend has written the whole file
    for _ in range(200):  # bounded: 20 s at most
        if (clone / rel).exists() and (clone / rel).read_bytes() != before:
            break
        time.sleep(0.1)
    else:
        page.screenshot(path=str(SHOTS / "failed-publish.png"), full_page=True)
    assert edit_main(["settle", "--root", str(clone), str(clone / rel)]) == 0
    return _record(clone, rel)


def _record(clone: Path, rel: str) -> dict:
    """A record as the linter types it (times and dates stay text)."""
    text = (clone / rel).read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    return yamlio.load(yamlio.split_modeline(text)[1], first_line=2)


def _clean(clone: Path, baseline: Counter[tuple[str, str]]) -> None:
    problems = _problems(clone)
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    assert _warnings(clone) - baseline == Counter()


def test_plan_a_meeting(page, clone: Path, baseline: Counter[tuple[str, str]]) -> None:
    _open(page, "collections/meetings/new", "Skupiny")
    _pick(page, page, "Skupiny", "Řídicí")
    page.get_by_label("Název jednání (volitelný)").fill("Jednání ŘPS")
    page.get_by_label("Datum jednání", exact=True).fill("2022-12-07")
    page.get_by_label("Začátek (volitelný)").fill("14:00")
    page.get_by_label("Konec (volitelný)").fill("16:00")
    _pick(page, page, "Místo (volitelný)", "radnice")
    page.get_by_label("Místnost (volitelný)").fill("209")
    _pick(page, page, "Stav jednání", "naplánované")
    _shots(page, "1-nove-jednani")
    record = _publish(page, clone, NEW)
    assert record["id"] == "2022-12-07-rps"
    assert (record["groups"], record["date"], record["start"], record["end"]) == (
        ["rps"], "2022-12-07", "14:00", "16:00")
    assert (record["venue"], record["room"], record["status"]) == ("radnice", "209", "planned")
    _clean(clone, baseline)


def test_write_minutes_picking_people_and_check_a_task(page, clone: Path,
                                                      baseline: Counter[tuple[str, str]]) -> None:
    _open(page, "collections/meetings/entries/2022/2022-10-19-rps", "Stav jednání")
    _pick(page, page, "Stav jednání", "proběhlo")
    present = _list(page, "Přítomni (volitelný)")
    _pick(page, present, "Osoba", "Horáková")
    present.get_by_role("button", name="Přidat").first.click()
    _pick(page, present, "Osoba", "Průcha")
    agenda = _list(page, "Program (volitelný)")
    agenda.get_by_label("Název bodu", exact=True).fill("Informace ze SML")
    _markdown(agenda, "Obsah", "Do LK přichází každý den cca 50 lidí.")
    checks = _list(page, "Kontrola úkolů (volitelný)")
    _pick(page, checks, "Úkol", "Jírová")
    _pick(page, checks, "Nový stav", "splněný")
    _pick(page, page, "Zapisovatel (volitelný)", "Machová")
    _pick(page, page, "Stav zápisu (volitelný)", "rozpracovaný")
    _shots(page, "2-zapis")
    record = _publish(page, clone, MINUTES)
    assert record["status"] == "held"
    assert record["attendance"]["present"] == ["jana-horakova", "lukas-prucha"]
    assert record["agenda"] == [{"title": "Informace ze SML",
                                 "content": "Do LK přichází každý den cca 50 lidí."}]
    assert record["task_checks"] == [{"task": "2022-08-31-rps-jirova-ucast", "status": "done"}]
    assert record["minutes"] == {"author": "adela-machova", "status": "draft"}
    assert record["note"].startswith("Podle zápisu ŘPS z 31. 8. 2022")  # kept as it was
    _open(page, "collections/decisions/entries/2022-08-31-rps-jirova-ucast", "Stav")
    _pick(page, page, "Stav", "splněný")
    _shots(page, "3-ukol-splnen")
    task = _publish(page, clone, TASK)
    assert (task["status"], task["assignees"]) == ("done", ["katerina-jirova"])
    _clean(clone, baseline)


def test_cancel_a_meeting_at_phone_width(page, clone: Path,
                                         baseline: Counter[tuple[str, str]]) -> None:
    page.set_viewport_size(PHONE)
    _open(page, "collections/meetings/entries/2022/2022-12-07-rps", "Stav jednání")
    _pick(page, page, "Stav jednání", "zrušené")
    page.get_by_label("Důvod zrušení (volitelný)").fill("Nemoc manažerky skupiny.")
    _shots(page, "4-zruseni")
    page.set_viewport_size(PHONE)
    record = _publish(page, clone, NEW)
    page.set_viewport_size(DESKTOP)
    assert (record["status"], record["cancellation_reason"]) == ("cancelled",
                                                                 "Nemoc manažerky skupiny.")
    assert record["start"] == "14:00"
    _clean(clone, baseline)


def test_record_a_dated_item(page, clone: Path, baseline: Counter[tuple[str, str]]) -> None:
    _open(page, "collections/dates/new", "Název")
    _pick(page, page, "Druh termínu", "výzva")
    page.get_by_label("Název", exact=True).fill("Dotace MPSV na rok 2024")
    page.get_by_label("Začátek", exact=True).fill("2022-11-01")
    page.get_by_label("Konec (volitelný)").fill("2022-11-30")
    _pick(page, page, "Organizace (volitelný)", "MPSV")
    _pick(page, page, "Uvedeno na jednání", "Jednání Řídicí pracovní skupiny",
          "2022-08-31 Jednání Řídicí pracovní skupiny")
    _pick(page, page, "Kalendáře", "Termíny")
    _shots(page, "6-termin")
    rel = "records/dates/2022-11-01-dotace-mpsv-na-rok-2024.yaml"
    record = _publish(page, clone, rel)
    assert (record["type"], record["start"], record["end"]) == ("call", "2022-11-01",
                                                                 "2022-11-30")
    assert (record["reported_at"], record["calendars"]) == ("2022-08-31-rps", ["terminy"])
    assert record["organisation"] == "mpsv"
    _clean(clone, baseline)
