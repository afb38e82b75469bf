"""vdirsyncer pushing the same events from a local folder (`filesystem` storage, one .ics per
event) to a calendar on the same server, through the same counting proxy."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from bench.events import Event
from bench.lintbench import executable
from bench.proxy import FaultProxy
from bench.servers import Server
from bench.steps import Step, step

CALENDAR = "vdir-bench"
CONFIG = """\
[general]
status_path = {status}

[pair bench]
a = "local"
b = "remote"
collections = null
conflict_resolution = "a wins"

[storage local]
type = "filesystem"
path = {local}
fileext = ".ics"

[storage remote]
type = "caldav"
url = {url}
username = {user}
password = {password}
"""


class Vdirsyncer:
    """One configured pair: a local folder and a calendar behind the proxy."""

    def __init__(self, folder: Path, server: Server, proxy: FaultProxy) -> None:
        self.folder, self.server, self.proxy = folder, server, proxy
        self.local, self.status = folder / "local", folder / "status"
        self.config = folder / "config"
        url = proxy.url + server.home.lstrip("/") + CALENDAR + "/"
        self.config.write_text(CONFIG.format(
            status=json.dumps(f"{self.status}/"), local=json.dumps(f"{self.local}/"),
            url=json.dumps(url), user=json.dumps(server.user),
            password=json.dumps(server.password)), encoding="utf-8")

    def write_local(self, items: Sequence[Event]) -> None:
        shutil.rmtree(self.local, ignore_errors=True)
        self.local.mkdir(parents=True)
        for item in items:
            (self.local / item.name).write_bytes(item.body)

    def run(self, *args: str) -> Step:
        return step(self.proxy, [executable("vdirsyncer"), "-c", str(self.config), *args],
                    cwd=self.folder, env={**os.environ, "HOME": str(self.folder)},
                    calendar=self.server.home + CALENDAR + "/")

    def stateless(self) -> Step:
        """A run as in CI: no status from before, so discover, then sync."""
        shutil.rmtree(self.status, ignore_errors=True)
        return self.run("discover") + self.run("sync")
