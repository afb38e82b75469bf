"""Secrets: the password (and its Basic-auth forms) never appears in stdout, stderr, logs at
DEBUG, the caldav library's communication dumps, exceptions, --verbose or the dry-run plan;
TLS is verified by default; no credentials over plain http to another host; neither
--calendar nor what the server answers can send the sync to another server."""

from __future__ import annotations

import argparse
import logging
import ssl
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.loopback import Handler, Server
from bench.proxy import FaultProxy
from sync import errors, protocol, settings, transport
from sync.cli import _parser, push
from tests.conftest import ROOT
from tests.robustness.matrix import Row, record
from tests.sync.sandbox import SECRETS, TODAY, Sandbox, change, clean_env, secret_forms
from tests.sync.test_settings import GOOD, Offline

SECRET_IDS = [
    "outputs-and-debug-logs", "caldav-debug-and-communication-dump", "exceptions",
    "tls-verified-by-default", "plain-http-to-another-host", "calendar-option",
    "home-on-another-server", "redirect-to-another-server",
]
LOGGERS = ("caldav", "niquests", "urllib3", "urllib3_future", "urllib3.connectionpool", "sync",
           "radicale", "")


def leaks(text: str, user: str, password: str) -> list[str]:
    return [form for form in secret_forms(user, password) if form in text]


@pytest.fixture
def debug_everything(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger at DEBUG (caldav sets its own to WARNING). (http.client has no logger: its
    wire dump is a per-connection debug level, which the sync's plain reads leave at 0.)"""
    names = set(LOGGERS) | set(logging.root.manager.loggerDict)
    for name in names:
        caplog.set_level(logging.DEBUG, logger=name or None)
    return caplog


class Other(Server):
    """Another server on 127.0.0.1 (another port: another origin) that records what reaches
    it; nothing ever should."""

    def __init__(self) -> None:
        super().__init__(_Recorded)
        self.seen: list[tuple[str, str, str | None]] = []
        self.url = self.origin + "/"


class _Recorded(Handler):
    owner: Other

    def serve(self) -> None:
        request = self.received()
        self.owner.seen.append((request.method, request.path,
                                request.header("Authorization") or None))
        self.write_answer(500, "Internal Server Error", [], b"")


# --- nothing printed, logged or dumped ---------------------------------------------------------

@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_no_password_in_outputs_or_debug_logs(sandbox: Sandbox, debug_everything:
                                              pytest.LogCaptureFixture) -> None:
    user, password = sandbox.backend.user, sandbox.backend.password
    runs = [sandbox.run(), sandbox.run("--dry-run", "--verbose")]
    change(sandbox)
    runs += [sandbox.run("--dry-run", "--verbose", "--lang", "en"), sandbox.run("--verbose")]
    wrong = "jine-heslo-4711"
    SECRETS.add(wrong)
    runs.append(sandbox.run(env=sandbox.env(password=wrong)))  # 401
    sandbox.proxy.add("status", method="PUT", status=500, times=99)
    sandbox.edit_meeting("2022-10-19-rps", 'start: "15:00"', 'start: "13:00"')
    runs.append(sandbox.run())  # 500 on a write
    sandbox.proxy.rules.clear()
    proxy = sandbox.proxy
    proxy.add("refuse", times=99)
    runs.append(sandbox.run("--timeout", "1"))  # the server goes away
    proxy.rules.clear()
    proxy.up()  # type: ignore[attr-defined]
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.args!r}" for r in
                       debug_everything.get_records("call"))
    text = "\n".join([*(r.out + r.err for r in runs), logged])
    found = leaks(text, user, password) + leaks(text, user, wrong)
    record(Row("secrets", SECRET_IDS[0], f"{len(runs)} runs and the DEBUG logs: "
               f"{len(found)} leaks", not found,
               numbers={"checks": 1},
               cells={"check": "stdout, stderr, --verbose, --dry-run, both languages, 401, 500, "
                               "refused; every logger at DEBUG"}))
    assert [r.code for r in runs] == [0, 0, 0, 0, 3, 3, 3], [r.err for r in runs]
    assert "caldav" in logged, "caldav logged nothing at DEBUG"
    assert "urllib3" in logged, "the HTTP library logged nothing at DEBUG"
    assert not found, "a password form was printed or logged"


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_no_password_with_caldav_debug_and_dumps(sandbox: Sandbox, tmp_path: Path) -> None:
    """caldav's own switches: PYTHON_CALDAV_DEBUGMODE and PYTHON_CALDAV_COMMDUMP (which writes
    every request and answer, headers included, to files in the temporary folder, for requests
    sent by caldav's `request`; the sync sends through caldav's session, so none is written, and
    any that were would be searched too)."""
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    env = {**sandbox.env(), "PYTHON_CALDAV_DEBUGMODE": "DEBUG", "PYTHON_CALDAV_COMMDUMP": "1",
           "TMPDIR": str(dumps)}
    program = ("import logging, sys; logging.basicConfig(level=logging.DEBUG); "
               "from sync.cli import main; sys.exit(main())")
    done = subprocess.run(
        [sys.executable, "-c", program, "--root", str(sandbox.root), "--today", TODAY,
         "--verbose"], cwd=ROOT, env={**clean_env(), **env}, capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False)
    sandbox.outputs.extend([done.stdout, done.stderr])
    files = sorted(p for p in dumps.rglob("*") if p.is_file())
    text = done.stdout + done.stderr + "".join(p.read_text(encoding="utf-8", errors="replace")
                                               for p in files)
    found = leaks(text, sandbox.backend.user, sandbox.backend.password)
    record(Row("secrets", SECRET_IDS[1], f"output and caldav's dump files ({len(files)}): "
               f"{len(found)} leaks", done.returncode == 0 and not found,
               numbers={"checks": 1},
               cells={"check": "a child process with logging at DEBUG, "
                               "PYTHON_CALDAV_DEBUGMODE=DEBUG and PYTHON_CALDAV_COMMDUMP=1"}))
    assert done.returncode == 0, done.stderr
    assert not found, "a password form is in the output or caldav's dumps"


# --- exceptions ------------------------------------------------------------------------------

def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]


def failure(monkeypatch: pytest.MonkeyPatch, env: dict[str, str],
            *argv: str) -> errors.SyncError:
    """The SyncError one run raises, before the command line turns it into a message."""
    for name in ("KPSS_CALDAV_URL", "KPSS_CALDAV_USERNAME", "KPSS_CALDAV_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    args: argparse.Namespace = _parser().parse_args(list(argv))
    with pytest.raises(errors.SyncError) as caught:
        push(args, [])
    return caught.value


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_no_password_in_exceptions(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch,
                                   certificate: tuple[Path, Path]) -> None:
    monkeypatch.setattr(transport, "BACKOFF", (0.01, 0.02))
    user, password = sandbox.backend.user, sandbox.backend.password
    base = ["--root", str(sandbox.root), "--today", TODAY, "--timeout", "5"]
    # 401: Radicale answers a wrong password after a delay (against guessing), hence 5 s.
    caught = [failure(monkeypatch, sandbox.env(password="x" + password), *base)]
    sandbox.proxy.add("status", method="PROPFIND", status=403, times=99)
    caught.append(failure(monkeypatch, sandbox.env(), *base))
    sandbox.proxy.rules.clear()
    sandbox.proxy.add("garbage", method="PROPFIND", times=99)
    caught.append(failure(monkeypatch, sandbox.env(), *base))
    sandbox.proxy.rules.clear()
    sandbox.proxy.add("delay", method="PROPFIND", seconds=1.0, times=99)
    caught.append(failure(monkeypatch, sandbox.env(), *base, "--timeout", "0.4"))
    sandbox.proxy.rules.clear()
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FaultProxy(sandbox.backend.port, tls=context) as tls:
        caught.append(failure(monkeypatch, sandbox.env(url=tls.url), *base))
    caught.append(failure(monkeypatch, sandbox.env(url="http://127.0.0.1:9/"), *base))
    SECRETS.add("x" + password)
    texts = []
    for exc in caught:
        for link in _chain(exc):
            texts += [repr(link), str(link), repr(link.args), repr(getattr(link, "args_", "")),
                      repr(vars(link))]
        texts.append("".join(traceback.format_exception(exc)))
    text = "\n".join(texts)
    found = leaks(text, user, password) + leaks(text, user, "x" + password)
    kinds = [type(e).__name__ for e in caught]
    record(Row("secrets", SECRET_IDS[2], f"{', '.join(kinds)}: {len(found)} leaks",
               not found, numbers={"checks": 1},
               cells={"check": "repr, str, args and traceback of every exception in the chain"}))
    assert kinds == ["AuthError", "Forbidden", "BadResponse", "Timeout", "TLSError",
                     "NetworkError"]
    assert not found


# --- TLS, plain http, where requests may go ----------------------------------------------------

@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_tls_is_verified_by_default(sandbox: Sandbox, certificate: tuple[Path, Path]) -> None:
    config = settings.from_env({**GOOD})
    assert config.verify_tls is True
    with protocol.Dav(config) as connection:
        assert connection.client.ssl_verify_cert is True
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FaultProxy(sandbox.backend.port, tls=context) as tls:
        refused = sandbox.run("--timeout", "2", env=sandbox.env(url=tls.url))
        reached = tls.entries()
    ok = refused.code == 3 and not reached
    record(Row("secrets", SECRET_IDS[3], f"a self-signed server: exit {refused.code}, "
               f"requests that reached it: {len(reached)}", ok, numbers={"checks": 1},
               cells={"check": "TLS verification on by default; nothing (no credentials) sent "
                               "to a server whose certificate fails"}))
    assert refused.code == 3
    assert "(TLS)" in refused.err
    assert reached == []


TRICKY_HTTP = ["http://example.org/", "HTTP://example.org/", "http://10.0.0.7:5232/",
               "http://localhost.example.org/", "http://0.0.0.0:5232/", "http://127.1/",
               "http://[::ffff:127.0.0.1]/", "http://127.0.0.1.nip.io/",
               "http://127.0.0.1@example.org/", "http://example.org#@127.0.0.1/"]


def test_no_credentials_over_plain_http_to_another_host(offline: Offline) -> None:
    codes = []
    for url in TRICKY_HTTP:
        result = offline.run({**GOOD, "KPSS_CALDAV_URL": url})
        codes.append(result.code)
    ok = codes == [2] * len(TRICKY_HTTP) and offline.attempts == []
    record(Row("secrets", SECRET_IDS[4], f"{len(TRICKY_HTTP)} URLs: exit {sorted(set(codes))}, "
               f"{len(offline.attempts)} connections", ok, numbers={"checks": 1},
               cells={"check": "plain http to hosts that are not loopback, spelled in tricky "
                               "ways, without --allow-insecure-http"}))
    assert codes == [2] * len(TRICKY_HTTP)
    assert offline.attempts == []


CALENDAR_TRICKS = ["../rps", "rps/../../other", "https://evil.example/kpss/", "//evil.example/",
                   "%2e%2e/rps", "rps/", "RPS", "rps\n"]


def test_the_calendar_option_cannot_leave_the_records(offline: Offline) -> None:
    codes = [offline.run(GOOD, "--calendar", value).code for value in CALENDAR_TRICKS]
    ok = codes == [2] * len(CALENDAR_TRICKS) and offline.attempts == []
    record(Row("secrets", SECRET_IDS[5], f"{len(CALENDAR_TRICKS)} values: exit "
               f"{sorted(set(codes))}, {len(offline.attempts)} connections", ok,
               numbers={"checks": 1},
               cells={"check": "--calendar with paths, URLs and look-alikes: only calendar ids "
                               "from records/ are accepted"}))
    assert codes == [2] * len(CALENDAR_TRICKS)
    assert offline.attempts == []


def _home_elsewhere(url: str) -> bytes:
    return (
        '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:" '
        'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:response><D:href>/</D:href><D:propstat>'
        f"<D:prop><C:calendar-home-set><D:href>{url}kpss/</D:href></C:calendar-home-set>"
        "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
        "</D:multistatus>").encode()


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_a_home_on_another_server_is_refused(sandbox: Sandbox) -> None:
    with Other() as other:
        sandbox.proxy.add("status", method="PROPFIND", path="^/$", status=207,
                          body=_home_elsewhere(other.url),
                          headers={"Content-Type": "application/xml; charset=utf-8"})
        result = sandbox.run()
    ok = result.code == 2 and other.seen == []
    record(Row("secrets", SECRET_IDS[6], f"exit {result.code}, requests that reached the other "
               f"server: {len(other.seen)}", ok, numbers={"checks": 1},
               cells={"check": "the server names a calendar home on another server"}))
    assert result.code == 2, result.err
    assert "mimo nastavený server" in result.err
    assert other.seen == []


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_a_redirect_to_another_server_is_not_followed(sandbox: Sandbox) -> None:
    with Other() as other:
        sandbox.proxy.add("status", method="PROPFIND", path="^/$", status=307,
                          headers={"Location": other.url + "kpss/"})
        result = sandbox.run()
    ok = result.code != 0 and other.seen == []
    record(Row("secrets", SECRET_IDS[7], f"exit {result.code}, requests that reached the other "
               f"server: {len(other.seen)}, with credentials: "
               f"{sum(a is not None for _m, _p, a in other.seen)}", ok,
               numbers={"checks": 1},
               cells={"check": "the server answers 307 to another server"}))
    assert all(auth is None for _m, _p, auth in other.seen), "credentials were sent"
    assert other.seen == [], "a request went to another server"
    assert "přesměrování nenásleduje" in result.err


def test_the_password_is_not_in_settings_repr() -> None:
    config = settings.from_env({**GOOD})
    assert GOOD["KPSS_CALDAV_PASSWORD"] not in repr(config)
