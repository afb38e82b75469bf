"""What the sync tests work with: a server's address, one test's sandbox of records and
calendars behind a fault proxy, the sync run in this process or as a child process."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import http.client
import os
import re
import subprocess
import sys
import textwrap
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import icalendar
import pytest

from bench.proxy import Entry, FaultProxy
from lint import engine
from sync import ical
from sync.cli import main
from sync.settings import ENV_PASSWORD, ENV_PASSWORD_FILE, ENV_URL, ENV_USER
from tests.conftest import ROOT

TODAY = "2022-09-01"
ENV_NAMES = (ENV_URL, ENV_USER, ENV_PASSWORD, ENV_PASSWORD_FILE, "KPSS_RECORD_URL")
REQUESTS_LINE = re.compile(r"(?:Požadavků na server|Requests to the server): (\d+) "
                           r"\((?:zápisů|writes): (\d+)\)")
DAV, CALDAV = "DAV:", "urn:ietf:params:xml:ns:caldav"

# Meetings added to the lint fixture (which has 2022-08-31-rps, held, and 2022-10-19-rps,
# planned, both 14:00-16:00 at the town hall). 2022-09-22-ps-seniori replaces the fixture's.
MEETINGS = {
    "2022-09-22-ps-seniori": """
        groups: [ps-seniori]
        title: Jednání PS Senioři
        date: 2022-09-22
        start: "14:00"
        end: "16:00"
        venue: radnice
        room: "209"
        status: planned
        """,
    "2022-10-05-rps": """
        groups: [rps]
        title: Jednání ŘPS
        date: 2022-10-05
        start: "10:00"
        end: "12:00"
        venue: online
        status: planned
        """,
    "2022-10-12-ps-seniori": """
        groups: [ps-seniori]
        title: Jednání PS Senioři
        date: 2022-10-12
        start: "09:00"
        end: "11:00"
        venue: online
        status: planned
        """,
    "2022-11-01-rps": """
        groups: [rps]
        title: Jednání ŘPS
        date: 2022-11-01
        start: "14:00"
        end: "16:00"
        venue: radnice
        room: "209"
        status: planned
        """,
    "2022-11-15-ps-seniori": """
        groups: [ps-seniori]
        title: Jednání PS Senioři
        date: 2022-11-15
        start: "09:00"
        venue: online
        status: cancelled
        cancellation_reason: Nemoc manažerky skupiny.
        """,
    "2022-12-07-rps": """
        groups: [rps]
        title: Jednání ŘPS
        date: 2022-12-07
        start: "14:00"
        end: "16:00"
        venue: radnice
        room: "209"
        status: planned
        """,
}
CALENDARS = ("ps-seniori", "rps", "vse")

SECRETS: set[str] = set()
"""Every password a test used; none of them, nor its Basic-auth forms, may ever be printed."""


def secret_forms(user: str, password: str) -> list[str]:
    return [password, base64.b64encode(password.encode()).decode(),
            base64.b64encode(f"{user}:{password}".encode()).decode()]


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Backend:
    """One running server, reached directly (not through the proxy) for the tests' own looks."""

    name: str
    port: int
    user: str
    password: str
    principal: str
    home: str
    keeps_state: bool
    """The server keeps the sync's cache on the calendar (in a dead property of ours, or in the
    calendar's `DAV:comment`)."""
    state_in_comment: bool = False
    """It refuses our property but keeps `DAV:comment` (Xandikos): the first calendar whose
    cache a run writes tries our property first, one request more."""
    feed: str = ""
    """What a subscription URL adds to the calendar's path (sabre/dav: `?export`)."""
    anonymous: bool = True
    """Anyone may read the calendars (a subscriber needs no password)."""
    root: str = "/"
    """The server's DAV root, the URL a user is told to give (DAViCal: /caldav.php/)."""
    lists_calendars: bool = False
    """Discovery from the root ends with a PROPFIND of the calendar home itself (Radicale: the
    principal is the home), which lists every calendar with its properties and cache, so no
    calendar needs a PROPFIND of its own. (DAViCal's root names the home at once: not asked.)"""

    def keep_cost(self, *, first: bool, cached: bool = False) -> int:
        """Requests that write one calendar's cache in a run that changed it: one PROPPATCH
        where it lives or will live; where the calendar holds none yet, the first calendar a
        run writes also tries our property before the comment (Xandikos), or tries both and
        the rest of the run tries neither (a server that keeps no cache)."""
        if not self.keeps_state:
            return 2 if first else 0
        return 1 + (self.state_in_comment and first and not cached)


    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.root}"

    def request(self, method: str, path: str, body: bytes = b"",
                headers: dict[str, str] | None = None, *, auth: bool = True) -> Reply:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            sent = dict(headers or {})
            if auth:
                token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
                sent["Authorization"] = f"Basic {token}"
            conn.request(method, path, body=body or None, headers=sent)
            response = conn.getresponse()
            return Reply(response.status, dict(response.getheaders()), response.read())
        finally:
            conn.close()


@dataclass
class Result:
    code: int
    out: str
    err: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def counts(self) -> tuple[int, int]:
        """(requests, writes) as the sync printed them."""
        match = REQUESTS_LINE.search(self.out)
        assert match, self.out
        return int(match[1]), int(match[2])

    @property
    def requests(self) -> int:
        return self.counts[0]

    @property
    def writes(self) -> int:
        return self.counts[1]

    def calls(self, path: str = "", method: str | None = None) -> list[Entry]:
        """Requests the proxy saw under `path` during this run."""
        return [e for e in self.entries
                if e.path.startswith(path) and (method is None or e.method == method)]


@dataclass(frozen=True)
class Event:
    name: str
    uid: str
    etag: str
    data: bytes

    @property
    def vevent(self) -> icalendar.Event:
        return icalendar.Calendar.from_ical(self.data).walk("VEVENT")[0]


class Sandbox:
    """One test's records, calendars, proxy and runs."""

    def __init__(self, backend: Backend, proxy: FaultProxy, root: Path, *, outputs: list[str],
                 capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.backend, self.proxy, self.root = backend, proxy, root
        self.outputs, self.capsys, self.monkeypatch = outputs, capsys, monkeypatch
        suffix = "t" + uuid.uuid4().hex[:8]
        self.ids = {cid: f"{cid}-{suffix}" for cid in CALENDARS}
        self._rename_calendars()

    # records

    def _rename_calendars(self) -> None:
        folder = self.root / "records"
        for short, unique in self.ids.items():
            old = folder / "calendars" / f"{short}.yaml"
            text = re.sub(r"(?m)^id: .*$", f"id: {unique}", old.read_text(encoding="utf-8"))
            (folder / "calendars" / f"{unique}.yaml").write_text(text, encoding="utf-8")
            old.unlink()
        for group in (folder / "groups").glob("*.yaml"):
            text = group.read_text(encoding="utf-8")
            text = re.sub(r"(?m)^calendar: (\S+)$", lambda m: f"calendar: {self.ids[m[1]]}", text)
            group.write_text(text, encoding="utf-8")

    def meeting_file(self, mid: str) -> Path:
        return self.root / "records" / "meetings" / mid[:4] / f"{mid}.yaml"

    def write_meeting(self, mid: str, body: str) -> None:
        path = self.meeting_file(mid)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"id: {mid}\n" + textwrap.dedent(body).lstrip(), encoding="utf-8")

    def edit_meeting(self, mid: str, old: str, new: str) -> None:
        path = self.meeting_file(mid)
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    def remove_meeting(self, mid: str) -> None:
        self.meeting_file(mid).unlink(missing_ok=True)

    def expected(self, short: str) -> set[str]:
        """The UIDs the records put in a calendar."""
        repo = engine.run(self.root, today=dt.date.fromisoformat(TODAY)).repository
        docs = ical.events(repo, repo.calendars[self.ids[short]], stamps={},
                           record_url=lambda _f: None)
        return {d.uid for d in docs}

    # runs

    def env(self, *, password: str | None = None, url: str | None = None) -> dict[str, str]:
        root = self.proxy.url.rstrip("/") + self.backend.root
        return {ENV_URL: url or root, ENV_USER: self.backend.user,
                ENV_PASSWORD: self.backend.password if password is None else password}

    def run(self, *args: str, env: dict[str, str] | None = None) -> Result:
        """`python -m sync ARGS` in this process, against the proxy."""
        env = self.env() if env is None else env
        start = len(self.proxy.log)
        with self.monkeypatch.context() as patch:
            for name in ENV_NAMES:
                patch.delenv(name, raising=False)
            for name, value in env.items():
                patch.setenv(name, value)
            self.capsys.readouterr()
            code = main([*args, "--root", str(self.root), "--today", TODAY])
            out, err = self.capsys.readouterr()
        self.outputs.extend([out, err])
        return Result(code, out, err, self.proxy.entries()[start:])

    def run_process(self, *args: str, env: dict[str, str] | None = None) -> Result:
        """`python -m sync ARGS` as a child process: the real exit code and streams."""
        start = len(self.proxy.log)
        done = self.run_process_raw(self.env() if env is None else env, *args)
        return Result(done.returncode, done.stdout, done.stderr, self.proxy.entries()[start:])

    def run_process_raw(self, env: dict[str, str],
                        *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "sync", *args, "--root", str(self.root), "--today", TODAY],
            cwd=ROOT, env={**clean_env(), **env}, capture_output=True, text=True,
            encoding="utf-8", timeout=120, check=False)
        self.outputs.extend([done.stdout, done.stderr])
        return done

    def start_process(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "sync", *args, "--root", str(self.root), "--today", TODAY],
            cwd=ROOT, env={**clean_env(), **self.env()}, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8")

    # the server, seen directly

    def path(self, short: str) -> str:
        return self.backend.home + self.ids[short] + "/"

    def proppatch(self, short: str, prop: str, xmlns: str = "") -> bytes:
        """Set one property on the calendar as another client would (`prop` is its XML, with
        `xmlns` declaring any prefix it uses besides `D:`); the 207 body."""
        body = (f'<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"{xmlns}>'
                f"<D:set><D:prop>{prop}</D:prop></D:set></D:propertyupdate>").encode()
        reply = self.backend.request("PROPPATCH", self.path(short), body,
                                     {"Content-Type": "application/xml"})
        assert reply.status == 207, reply
        return reply.body

    def occupy(self, short: str, method: str, body: bytes) -> None:
        """Make a collection of another kind at a calendar's address, as another client
        would (MKCOL of an address book, MKCALENDAR of a task list)."""
        made = self.backend.request(method, self.path(short), body,
                                    {"Content-Type": "application/xml"})
        assert made.status == 201, made

    def events(self, short: str) -> dict[str, Event]:
        """Every resource in the calendar: name → UID, ETag and data (one calendar-query)."""
        body = (b'<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" '
                b'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/>'
                b'</D:prop><C:filter><C:comp-filter name="VCALENDAR"/></C:filter>'
                b"</C:calendar-query>")
        reply = self.backend.request("REPORT", self.path(short), body,
                                     {"Depth": "1", "Content-Type": "application/xml"})
        assert reply.status == 207, reply
        found = {}
        for response in ET.fromstring(reply.body).iter(f"{{{DAV}}}response"):  # noqa: S314
            name = response.findtext(f"{{{DAV}}}href", "").rstrip("/").rsplit("/", 1)[-1]
            etag = response.findtext(f".//{{{DAV}}}getetag") or ""
            data = (response.findtext(f".//{{{CALDAV}}}calendar-data") or "").encode()
            uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
            assert len(set(uids)) == 1, (name, uids)
            found[name] = Event(name, uids[0], etag, data)
        return found

    def ours(self, short: str) -> dict[str, Event]:
        return {n: e for n, e in self.events(short).items() if ical.MARKER in e.vevent}

    def properties(self, short: str) -> dict[str, str]:
        body = (b'<?xml version="1.0"?><D:propfind xmlns:D="DAV:" '
                b'xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:I="http://apple.com/ns/ical/">'
                b"<D:prop><D:displayname/><C:calendar-description/><I:calendar-color/>"
                b"<D:resourcetype/></D:prop></D:propfind>")
        reply = self.backend.request("PROPFIND", self.path(short), body,
                                     {"Depth": "0", "Content-Type": "application/xml"})
        assert reply.status == 207, reply
        props = {}
        for stat in ET.fromstring(reply.body).iter(f"{{{DAV}}}propstat"):  # noqa: S314
            if " 200 " not in (stat.findtext(f"{{{DAV}}}status") or ""):
                continue
            for prop in stat.iter(f"{{{DAV}}}prop"):
                for child in prop:
                    local = child.tag.rsplit("}", 1)[-1]
                    if local == "resourcetype":
                        props[local] = " ".join(c.tag for c in child)
                    else:
                        props[local] = child.text or ""
        return props

    def put_foreign(self, short: str, name: str = "foreign-event.ics") -> Event:
        """An event someone else made in our calendar: its own UID, no X-KPSS-RECORD."""
        data = FOREIGN_EVENT.replace("{UID}", f"foreign-{uuid.uuid4().hex}@example.org")
        reply = self.backend.request("PUT", self.path(short) + name, data.encode(),
                                     {"Content-Type": "text/calendar; charset=utf-8",
                                      "If-None-Match": "*"})
        assert reply.status in (201, 204), reply
        return self.events(short)[name]

    def assert_converged(self, *foreign: tuple[str, Event],
                         calendars: tuple[str, ...] = CALENDARS) -> None:
        """The server holds exactly the records' events, once each; foreign events untouched."""
        for short in calendars:
            ours = self.ours(short)
            uids = [e.uid for e in ours.values()]
            assert len(uids) == len(set(uids)), f"duplicates in {short}: {sorted(uids)}"
            assert set(uids) == self.expected(short), short
            assert all(n == e.uid.split("@")[0] + ".ics" for n, e in ours.items())
        for short, event in foreign:
            assert self.events(short).get(event.name) == event, "a foreign event changed"

    def exists(self, short: str) -> bool:
        reply = self.backend.request("PROPFIND", self.path(short), b"", {"Depth": "0"})
        return reply.status == 207 and b"404 Not Found" not in reply.body

    def cleanup(self) -> None:
        for short in CALENDARS:
            with contextlib.suppress(OSError):
                self.backend.request("DELETE", self.path(short))


def assert_in_place(result: Result) -> None:
    """No event was deleted and written again in one run: updates happen in place."""
    methods: dict[str, set[str]] = {}
    for entry in result.entries:
        methods.setdefault(entry.path, set()).add(entry.method)
    assert not [p for p, m in methods.items() if {"PUT", "DELETE"} <= m]


NEW_MEETING = """
    groups: [rps]
    title: Jednání ŘPS
    date: 2022-12-14
    start: "14:00"
    end: "16:00"
    venue: radnice
    room: "209"
    status: planned
    """
"""The meeting `change` adds (written by `Sandbox.write_meeting`, which dedents it)."""


def change(sandbox: Sandbox) -> None:
    """Move one ŘPS meeting by an hour, add one, remove one: k = 3 in `rps` and `vse`."""
    sandbox.edit_meeting("2022-10-19-rps", 'start: "14:00"\nend: "16:00"',
                         'start: "15:00"\nend: "17:00"')
    sandbox.write_meeting("2022-12-14-rps", NEW_MEETING)
    sandbox.remove_meeting("2022-12-07-rps")


FOREIGN_EVENT = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone else//EN\r\n"
    "BEGIN:VEVENT\r\nUID:{UID}\r\nDTSTAMP:20220801T080000Z\r\n"
    "DTSTART:20221020T080000Z\r\nDTEND:20221020T090000Z\r\n"
    "SUMMARY:Porada vedení (cizí událost)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
