"""CalDAV servers for the sync benchmark, each started fresh on 127.0.0.1 with a free port."""

from __future__ import annotations

import base64
import contextlib
import http.client
import secrets
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from bench import xandikos
from sync import radicale
from sync.protocol import CALDAV, DAV, parse_multistatus, tag

START_TIMEOUT = 30.0


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    user: str
    password: str
    home: str
    """The calendar home: calendars are `home + id + "/"`."""
    data: Path
    principal: str
    """The URL path our sync is given (KPSS_CALDAV_URL): one PROPFIND finds the home."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def request(self, method: str, path: str, body: bytes = b"",
                headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        """One request straight to the server (not through the counting proxy)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        try:
            conn.request(method, path, body=body or None,
                         headers={"Authorization": f"Basic {token}", **(headers or {})})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def make_calendar(self, calendar: str) -> None:
        status, _body = self.request("MKCALENDAR", self.home + calendar + "/")
        if status != 201:
            raise RuntimeError(f"MKCALENDAR {calendar}: HTTP {status}")

    def delete_calendar(self, calendar: str) -> None:
        status, _body = self.request("DELETE", self.home + calendar + "/")
        if status not in (200, 204):
            raise RuntimeError(f"DELETE {calendar}: HTTP {status}")

    def download(self, calendar: str) -> dict[str, bytes]:
        """Resource name → calendar data of every event, in one calendar-query REPORT."""
        root = ET.Element(tag(CALDAV, "calendar-query"))
        ET.SubElement(ET.SubElement(root, tag(DAV, "prop")), tag(CALDAV, "calendar-data"))
        outer = ET.SubElement(ET.SubElement(root, tag(CALDAV, "filter")),
                              tag(CALDAV, "comp-filter"), name="VCALENDAR")
        ET.SubElement(outer, tag(CALDAV, "comp-filter"), name="VEVENT")
        path = self.home + calendar + "/"
        status, body = self.request("REPORT", path, ET.tostring(root, encoding="utf-8"),
                                    {"Depth": "1", "Content-Type": "application/xml"})
        if status != 207:
            raise RuntimeError(f"REPORT {calendar}: HTTP {status}")
        return {r.href.rsplit("/", 1)[-1]: (r.text(tag(CALDAV, "calendar-data")) or "").encode()
                for r in parse_multistatus(body, self.url + path.lstrip("/"))}

    def seed(self, calendar: str, items: dict[str, bytes]) -> None:
        """Put events into a new calendar the quick way: files in Radicale's own storage folder
        (one .ics per event, as its PUT writes them). N PUTs would cost time quadratic in N."""
        if self.name != "radicale":
            raise NotImplementedError(f"seeding {self.name}")
        self.make_calendar(calendar)
        folder = self.data / "collections" / "collection-root" / self.home.strip("/") / calendar
        for name, body in items.items():
            (folder / name).write_bytes(body)


@contextlib.contextmanager
def running_radicale(folder: Path) -> Iterator[Server]:
    with radicale.running(folder) as server:
        port = int(server.url.rstrip("/").rsplit(":", 1)[1])
        yield Server("radicale", port, server.user, server.password, f"/{server.user}/", folder,
                     f"/{server.user}/")


@contextlib.contextmanager
def running_xandikos(folder: Path) -> Iterator[Server]:
    with xandikos.running(folder, START_TIMEOUT) as port:
        # No authentication in Xandikos: the credentials are sent and ignored.
        yield Server("xandikos", port, "kpss", secrets.token_urlsafe(16), xandikos.HOME, folder,
                     xandikos.PRINCIPAL)


SERVERS: dict[str, Callable[[Path], AbstractContextManager[Server]]] = {
    "radicale": running_radicale, "xandikos": running_xandikos,
}
