"""The quiet look's reads over the standard library (sync/plain.py), and how every request it
cannot carry goes through caldav after all."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sync.plain import USER_AGENT, _carries
from sync.settings import Settings
from tests.sync.sandbox import ROOT, TODAY, Sandbox, clean_env

QUIET = "není co nahrát"
HEAVY = ("caldav", "niquests", "requests", "icalendar", "lint.engine", "lint.model",
         "lint.schema", "jsonschema_rs", "yaml")
"""The linter proper; its small bilingual argparse (lint.arguments) is shared by every CLI."""
SETTINGS = Settings("https://kalendar.example.cz/dav/", "kpss-sync", "heslo")

radicale = pytest.mark.parametrize("server", ["radicale"], indirect=True)


def agents(sandbox: Sandbox, start: int) -> list[tuple[str, str]]:
    return [(e.method, e.headers.get("User-Agent", "")) for e in sandbox.proxy.log[start:]]


@radicale
def test_a_quiet_run_imports_neither_caldav_nor_the_linter(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    start = len(sandbox.proxy.log)
    program = ("import sys; from sync.cli import main; code = main(sys.argv[1:]); "
               f"print(sorted(m for m in sys.modules if any(m == h or m.startswith(h + '.') "
               f"for h in {HEAVY!r}))); "
               "sys.exit(code)")
    done = subprocess.run(
        [sys.executable, "-c", program, "--root", str(sandbox.root), "--today", TODAY],
        cwd=ROOT, env={**clean_env(), **sandbox.env()}, capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert QUIET in done.stdout
    assert done.stdout.rstrip().endswith("[]")  # none of the heavy packages was imported
    seen = agents(sandbox, start)
    assert seen
    assert all(agent == USER_AGENT for _, agent in seen)


@radicale
def test_a_failed_plain_read_is_sent_again_through_caldav(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    sandbox.proxy.add("reset_before", method="PROPFIND")
    start = len(sandbox.proxy.log)
    result = sandbox.run()
    assert result.code == 0, result.err
    assert QUIET in result.out
    entries = sandbox.proxy.log[start:]
    # The reset one, which never reached the server; the same PROPFIND again by caldav, and
    # every later request too: a server that failed once gets caldav's retries from then on.
    assert (entries[0].method, entries[0].fault) == ("PROPFIND", "reset_before")
    assert entries[0].headers.get("User-Agent") == USER_AGENT
    assert entries[1].method == "PROPFIND"
    assert all(e.headers.get("User-Agent") != USER_AGENT for e in entries[1:])
    assert result.requests == len(entries)


@radicale
def test_a_status_worth_retrying_goes_to_caldav_which_retries(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    sandbox.proxy.add("status", method="REPORT", status=503, headers={"Retry-After": "0"})
    start = len(sandbox.proxy.log)
    result = sandbox.run()
    assert result.code == 0, result.err
    assert QUIET in result.out
    reports = [(e.status, e.headers.get("User-Agent")) for e in sandbox.proxy.log[start:]
               if e.method == "REPORT"]
    assert reports[0] == (503, USER_AGENT)
    assert reports[1][0] == 207
    assert reports[1][1] != USER_AGENT


@radicale
def test_a_server_error_seen_plainly_is_reported_as_caldav_reports_it(
        sandbox: Sandbox) -> None:
    # 401 is no transport failure: judged above the transport, the same for both.
    assert sandbox.run().code == 0
    result = sandbox.run(env=sandbox.env(password="spatne-heslo"))
    assert result.code == 3
    assert "přihlášení" in result.err.lower() or "401" in result.err
    assert "spatne-heslo" not in result.out + result.err


@pytest.mark.parametrize(("env", "carries"), [
    ({}, True),
    ({"HTTPS_PROXY": "http://proxy.example.cz:3128"}, False),
    ({"http_proxy": "http://proxy:3128"}, False),
    ({"ALL_PROXY": "socks5://proxy:1080"}, False),
    ({"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "example.cz"}, True),
    ({"HTTPS_PROXY": "http://proxy:3128", "no_proxy": ".example.cz,localhost"}, True),
    ({"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "*"}, True),
    ({"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "other.cz"}, False),
    ({"HTTPS_PROXY": ""}, True),
])
def test_a_proxy_leaves_every_request_to_caldav(
        env: dict[str, str], carries: bool) -> None:
    assert _carries(SETTINGS, "kalendar.example.cz", env) is carries


def test_credentials_that_are_not_ascii_leave_every_request_to_caldav() -> None:
    # caldav's HTTP library and RFC 7617 may encode them differently: never guess.
    czech = Settings(SETTINGS.url, "kpss-sync", "heslíčko")
    assert _carries(czech, "kalendar.example.cz", {}) is False
    assert _carries(SETTINGS, "kalendar.example.cz", {}) is True
