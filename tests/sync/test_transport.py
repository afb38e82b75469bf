"""The sync against a hostile server of our own (tests/sync/rawserver.py): every way an answer
can be slow, endless, huge, compressed or malformed ends the run by itself, with the documented
exit code and a message on one line, no traceback, a bounded peak memory, and no form of the
password in the output.

Each run is `python -m sync` in a child process (its peak RSS: VmHWM), killed if it
has not ended within KILL_AFTER: a run that needs the kill fails the test. Every scenario runs on
both HTTP paths: the standard library's (the first look of a run) and caldav's session (with
--verbose, which skips that look).
"""

from __future__ import annotations

import base64
import functools
import gzip
import signal
import subprocess
import sys
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from messages import say
from sync import errors
from sync.cli import redact
from sync.protocol import Dav, tag
from sync.settings import ENV_PASSWORD, ENV_PASSWORD_FILE, ENV_URL, ENV_USER, Settings
from tests.sync.rawserver import Connection, RawServer, Request, answer, stream_for
from tests.sync.sandbox import ROOT, SECRETS, TODAY, Sandbox, clean_env

USER = "kpss-sync"
PASSWORD = "Hesl0 s mezerou+/=&?x"
SECRETS.add(PASSWORD)
KILL_AFTER = 120.0
"""Seconds before a run is killed (and the test fails): far above --deadline, for a busy CI."""
MAX_RSS_MB = 300
ARGS = ("--timeout", "2", "--deadline", "12")
MULTISTATUS = b'<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">'
PATHS = {"plain": (), "caldav": ("--verbose",)}


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    peak_mb: float


PEAK = """
import os, runpy
try:
    runpy.run_module("sync", run_name="__main__", alter_sys=True)
finally:
    with open("/proc/self/status") as status, open(os.environ["KPSS_TEST_PEAK"], "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM:")))
"""
"""`python -m sync` that writes its peak resident memory on the way out. VmHWM is this
process's own: `ru_maxrss` (getrusage, wait4) also counts the parent's memory the child
had before its exec, which is the whole test process."""


def run_sync(root: Path, env: dict[str, str], *args: str) -> Run:
    """`python -m sync` as a child; its exit code, output and peak resident memory."""
    out_path, err_path = root.parent / "stdout.txt", root.parent / "stderr.txt"
    peak = root.parent / "peak.txt"
    peak.unlink(missing_ok=True)
    with out_path.open("wb") as out, err_path.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-c", PEAK, *args, "--root", str(root), "--today", TODAY],
            cwd=ROOT, env={**clean_env(), **env, "KPSS_TEST_PEAK": str(peak)}, stdout=out,
            stderr=err)
    try:
        process.wait(timeout=KILL_AFTER)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        pytest.fail(f"the run did not end within {KILL_AFTER} s: killed")
    kilobytes = int(peak.read_text("ascii").split()[1])  # "VmHWM:   12345 kB"
    return Run(process.returncode, out_path.read_text("utf-8"), err_path.read_text("utf-8"),
               kilobytes / 1024)


def secret_forms(user: str, password: str) -> list[str]:
    """The password as a server could echo it: plain, percent-encoded, Base64 alone and as the
    Basic-auth `user:password`, padded or not, and in a Base64 stream at offsets 1 and 2."""
    forms = [password, quote(password, safe=""), quote(password), quote_plus(password)]
    for raw in (password.encode(), f"{user}:{password}".encode()):
        full = base64.b64encode(raw).decode()
        forms += [full, full.rstrip("=")]
        forms += [base64.b64encode(b"x" * shift + raw).decode()[4:-4] for shift in (1, 2)]
    return forms


def assert_clean(run: Run, code: int, phrase: str = "") -> None:
    text = run.out + run.err
    assert "Traceback" not in text, run.err
    assert run.code == code, run.err
    assert phrase in run.err, run.err
    # One line per failure: the run, or each calendar the server refused and a summary.
    assert len(run.err.splitlines()) <= 1 + 3 + 1, run.err
    assert not any(line.lstrip().startswith("::") for line in text.splitlines()), text
    for form in secret_forms(USER, PASSWORD):
        assert form not in text, "a form of the password was printed"
    assert run.peak_mb < MAX_RSS_MB, f"peak memory {run.peak_mb:.0f} MB"


# --- scenarios: each answers every request --------------------------------------------------

def drip_head(connection: Connection, request: Request) -> bool:
    """A status line and headers one byte every 50 ms: each read succeeds, none ends."""
    connection.drip(b"HTTP/1.1 207 Multi-Status\r\nX-Slow: " + b"a" * 100_000, 0.05)
    return False


def continue_forever(connection: Connection, request: Request) -> bool:
    while connection.send(b"HTTP/1.1 100 Continue\r\n\r\n") and connection.pause(0.01):
        pass
    return False


def drip_body(connection: Connection, request: Request) -> bool:
    connection.send(answer("207 Multi-Status", headers=(("Content-Length", "100000"),)))
    connection.drip(MULTISTATUS + b" " * 100_000, 0.05)
    return False


def huge_body(connection: Connection, request: Request) -> bool:
    """A 200 MB multistatus, sent as fast as the client reads it."""
    connection.send(answer("207 Multi-Status", headers=(("Content-Length", str(200 << 20)),)))
    connection.send(MULTISTATUS)
    stream_for(connection, b"<D:response><D:href>/dav/x</D:href></D:response>" * 1000, 60)
    return False


def endless_chunked(connection: Connection, request: Request) -> bool:
    connection.send(answer("207 Multi-Status", headers=(("Transfer-Encoding", "chunked"),)))
    stream_for(connection, b"8000\r\n" + b" " * 0x8000 + b"\r\n", 60)
    return False


@functools.cache
def bomb(wbits: int) -> bytes:
    """256 MB of spaces after a multistatus start, compressed (about 260 kB)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    block = b" " * (1 << 20)
    parts = [packer.compress(MULTISTATUS)]
    parts += [packer.compress(block) for _ in range(256)]
    return b"".join([*parts, packer.flush()])


def compressed(coding: str, body: Callable[[], bytes]) -> Callable[[Connection, Request], bool]:
    def scenario(connection: Connection, request: Request) -> bool:
        return connection.send(answer("207 Multi-Status", body(),
                                      (("Content-Encoding", coding),)))
    return scenario


def status(line: str, body: bytes = b"", *headers: tuple[str, str],
           ) -> Callable[[Connection, Request], bool]:
    def scenario(connection: Connection, request: Request) -> bool:
        return connection.send(answer(line, body, headers))
    return scenario


def raw(data: bytes) -> Callable[[Connection, Request], bool]:
    def scenario(connection: Connection, request: Request) -> bool:
        connection.send(data)
        return False
    return scenario


def multistatus(inner: str) -> bytes:
    return MULTISTATUS + inner.encode() + b"</D:multistatus>"


ECHO = secret_forms(USER, PASSWORD)
LOCATION_ECHO = f"https://evil.example/{ECHO[1]}/{ECHO[5]}?{ECHO[2]}"
MANY = "".join(f"<D:response><D:href>/dav/{i}.ics</D:href></D:response>" for i in range(20_001))

SCENARIOS: dict[str, tuple[Callable[[Connection, Request], bool], int, str]] = {
    "dripped-head": (drip_head, 3, "neodpověděl včas"),
    "100-continue-forever": (continue_forever, 3, "neodpověděl včas"),
    "dripped-body": (drip_body, 3, "neodpověděl včas"),
    "200-mb-multistatus": (huge_body, 3, "delší než 16 MB"),
    "endless-chunked-body": (endless_chunked, 3, "delší než 16 MB"),
    "gzip-bomb": (compressed("gzip", lambda: bomb(31)), 3, "delší než 16 MB"),
    "deflate-bomb": (compressed("deflate", lambda: bomb(15)), 3, "delší než 16 MB"),
    "raw-deflate-bomb": (compressed("deflate", lambda: bomb(-15)), 3, "delší než 16 MB"),
    "brotli-unasked": (compressed("br", lambda: b"\x1b\x00\x00"), 3, "nelze rozumět"),
    "gzip-that-is-not": (compressed("gzip", lambda: b"<D:multistatus/>"), 3, "nelze rozumět"),
    "too-many-members": (status("207 Multi-Status", multistatus(MANY)), 3, "víc než 20000"),
    "four-million-elements": (status("207 Multi-Status", multistatus("<a/>" * 4_000_000)), 3,
                              "víc než 400000"),
    "deeply-nested": (status("207 Multi-Status", multistatus("<a>" * 1_000_000)), 3,
                      "víc než 400000"),
    "doctype-padded": (status("207 X", b" " * 8000 + b'<!DOCTYPE a [<!ENTITY e "x">]>'
                              + multistatus("")), 3, "DTDForbidden"),
    "doctype-utf16": (status("207 X", ('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE a>'
                                       "<a/>").encode("utf-16")), 3, "DTDForbidden"),
    "newline-in-namespace": (status("207 X", b'<x:multistatus xmlns:x="urn:a&#10;::error::pwned'
                                    b'&#13;&#10;b"/>'), 3, "\\n::error::pwned\\r\\nb"),
    "escape-in-location": (status("307 X", b"", ("Location", "https://e.example/\x1b[2J::error"
                                                 "::x\x85")), 3, "\\x1b[2J"),
    "echoed-password-in-location": (status("307 X", b"", ("Location", LOCATION_ECHO)), 3,
                                    "přesměrovává"),
    "echoed-password-in-namespace": (status("207 X", f'<x:y xmlns:x="{"n" * 190}{PASSWORD}"/>'
                                            .encode()), 3, "nelze rozumět"),
    "long-reason-and-namespace": (status("207 " + "R" * 5000, f'<x:y xmlns:x="{"n" * 5000}"/>'
                                         .encode()), 3, "…"),
    "status-out-of-range": (raw(b"HTTP/1.1 2077 OK\r\nContent-Length: 0\r\n\r\n"), 3, ""),
    "status-not-a-number": (raw(b"HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n"), 3, ""),
    "status-line-garbage": (raw(b"SPAM\r\n\r\n"), 3, "Spojení se serverem"),
    "item-status-unicode-digits": (status("207 X", multistatus(
        "<D:response><D:href>/dav/</D:href><D:status>HTTP/1.1 \u00b2\u2070\u2077 X</D:status>"
        "</D:response>")), 3, ""),
    "item-status-5000-digits": (status("207 X", multistatus(
        f"<D:response><D:href>/dav/</D:href><D:status>HTTP/1.1 {'9' * 5000} X</D:status>"
        "</D:response>")), 3, ""),
    "401-forever": (status("401 Unauthorized", b"", ("WWW-Authenticate", 'Basic realm="x"')),
                    3, "odmítl přihlášení"),
}
RETRY_AFTER = ["nan", "inf", "-inf", "-5", "1e999", "9" * 400, "\u0661\u0662",
               "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
               "Mon, 99 Foo 2024 99:99:99 GMT", "garbage"]


def env_for(server: RawServer) -> dict[str, str]:
    return {ENV_URL: server.url, ENV_USER: USER, ENV_PASSWORD: PASSWORD}


@pytest.mark.parametrize("path", list(PATHS))
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_hostile_answer_ends_the_run_cleanly(records: Path, name: str, path: str) -> None:
    scenario, code, phrase = SCENARIOS[name]
    for wbits in (31, 15, -15) if "bomb" in name else ():
        bomb(wbits)  # made before the server answers, not while the sync waits
    with RawServer(scenario) as server:
        run = run_sync(records, env_for(server), *ARGS, *PATHS[path])
    assert server.requests, "the sync never asked"
    assert_clean(run, code, phrase)


@pytest.mark.parametrize("value", RETRY_AFTER)
def test_a_malformed_retry_after_is_a_server_error(records: Path, value: str) -> None:
    with RawServer(status("503 Busy", b"", ("Retry-After", value))) as server:
        run = run_sync(records, env_for(server), *ARGS)
    assert_clean(run, 3)
    # Retried after waits of at most 10 s each, unless the next wait would pass the deadline.
    assert len(server.requests) in (2, 3)


def test_the_run_deadline_cuts_a_request_short(records: Path) -> None:
    with RawServer(drip_head) as server:
        run = run_sync(records, env_for(server), "--timeout", "30", "--deadline", "2")
    assert_clean(run, 3, "nestihla skončit do 2 s")
    assert len(server.requests) == 1


def test_a_long_retry_after_is_not_waited_past_the_deadline(records: Path) -> None:
    with RawServer(status("503 Busy", b"", ("Retry-After", "8"))) as server:
        run = run_sync(records, env_for(server), "--deadline", "3")
    assert_clean(run, 3, "nestihla skončit do 3 s")
    assert len(server.requests) == 1


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:99999/dav/", "http://127.0.0.1:-1/", "http://[::1/", "http://[::1]:70000/",
    "http://[fe80::1%zz/", "http://127.0.0.1:0/", "http://127.0.0.1/da v/",
    "http://127.0.0.1/\r\nX-Injected: 1", "http://127.0.0.1:port/"])
def test_a_malformed_url_is_a_configuration_error(records: Path, url: str) -> None:
    run = run_sync(records, {ENV_URL: url, ENV_USER: USER, ENV_PASSWORD: PASSWORD})
    assert_clean(run, 2, ENV_URL)


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "x"])
@pytest.mark.parametrize("option", ["--timeout", "--deadline"])
def test_a_bad_time_limit_is_a_usage_error(records: Path, option: str, value: str) -> None:
    run = run_sync(records, {}, option, value)
    assert "Traceback" not in run.err
    assert run.code == 2
    assert option in run.err


@pytest.mark.parametrize("content", [b"\xff\xfe\x00binary", b"x" * 10_000])
def test_a_bad_password_file_is_a_configuration_error(records: Path, tmp_path: Path,
                                                      content: bytes) -> None:
    secret = tmp_path / "heslo"
    secret.write_bytes(content)
    run = run_sync(records, {ENV_URL: "http://127.0.0.1:9/", ENV_USER: USER,
                             ENV_PASSWORD_FILE: str(secret)})
    assert_clean(run, 2, ENV_PASSWORD_FILE)


def test_an_unexpected_error_is_exit_2_on_one_line(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from sync import cli  # noqa: PLC0415

    def starved(args: object, out: list[str]) -> int:
        raise MemoryError

    monkeypatch.setattr(cli, "push", starved)
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "MemoryError" in err
    assert "Traceback" not in err


# --- the multiget: an event too large to read is skipped, the rest read --------------------

CALENDAR = "/dav/cal/"
EVENT = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
         "DTSTAMP:20220801T080000Z\r\nDTSTART:20221020T080000Z\r\nSUMMARY:{summary}\r\n"
         "END:VEVENT\r\nEND:VCALENDAR\r\n")


def event_item(name: str, summary: str) -> str:
    data = EVENT.format(uid=name, summary=summary)
    return (f"<D:response><D:href>{CALENDAR}{name}</D:href><D:propstat><D:prop>"
            f'<D:getetag>"{name}"</D:getetag><C:calendar-data>{data}</C:calendar-data>'
            "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>")


def calendar_server(connection: Connection, request: Request) -> bool:
    """A multiget whose answer is endless while it names `huge.ics`, of 1.5 MB where it names
    `large.ics`; a PROPFIND of one member gives its ETag."""
    body = request.body.decode()
    if request.method == "PROPFIND":
        name = request.path.rsplit("/", 1)[-1]
        inner = (f"<D:response><D:href>{request.path}</D:href><D:propstat><D:prop><D:getetag>"
                 f'"{name}"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status>'
                 "</D:propstat></D:response>")
        return connection.send(answer("207 X", multistatus(inner)))
    if "huge.ics" in body:
        return endless_chunked(connection, request)
    names = [n for n in ("a.ics", "b.ics", "large.ics") if n in body]
    inner = "".join(event_item(n, "x" * (1_500_000 if n == "large.ics" else 10)) for n in names)
    data = (MULTISTATUS.replace(b'xmlns:D="DAV:"', b'xmlns:D="DAV:" '
                                b'xmlns:C="urn:ietf:params:xml:ns:caldav"')
            + inner.encode() + b"</D:multistatus>")
    return connection.send(answer("207 X", data))


def test_an_oversized_event_is_skipped_and_the_others_read() -> None:
    with RawServer(calendar_server) as server, \
            Dav(Settings(server.url, USER, PASSWORD, timeout=5, deadline=60)) as dav:
        members = [server.url + f"cal/{n}" for n in ("a.ics", "huge.ics", "b.ics", "large.ics")]
        found = {r.href.rsplit("/", 1)[-1]: r for r in dav.multiget(CALENDAR, members)}
    assert sorted(found) == ["a.ics", "b.ics", "huge.ics", "large.ics"]
    assert found["a.ics"].status == found["b.ics"].status == 200
    for name in ("huge.ics", "large.ics"):
        assert found[name].status == 507
        assert found[name].text(tag("DAV:", "getetag")) == f'"{name}"'
        assert found[name].props.keys() == {tag("DAV:", "getetag")}
    assert sorted(h.rsplit("/", 1)[-1] for h in dav.oversized) == ["huge.ics", "large.ics"]


def test_bombs_are_what_they_claim() -> None:
    """The scenarios' own check: each bomb inflates to far more than the sync reads."""
    assert len(bomb(31)) < 1 << 20
    assert len(gzip.decompress(bomb(31))) > 256 << 20


LARGE_EVENT = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone else//EN\r\nBEGIN:VEVENT\r\n"
               "UID:large-{uid}@example.org\r\nDTSTAMP:20220801T080000Z\r\n"
               "DTSTART:20221020T080000Z\r\nDTEND:20221020T090000Z\r\nSUMMARY:Příloha\r\n"
               "DESCRIPTION:{text}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_a_strangers_oversized_event_is_skipped_once_and_never_blocks(sandbox: Sandbox) -> None:
    assert sandbox.run().code == 0
    text = "\r\n ".join(["x" * 70] * 20_000)  # 1.4 MB, folded (RFC 5545 §3.1)
    data = LARGE_EVENT.format(uid=uuid.uuid4().hex, text=text).encode()
    reply = sandbox.backend.request("PUT", sandbox.path("rps") + "large.ics", data,
                                    {"Content-Type": "text/calendar; charset=utf-8",
                                     "If-None-Match": "*"})
    assert reply.status in (201, 204), reply
    before = sandbox.events("rps")["large.ics"]
    first = sandbox.run()
    assert first.code == 0, first.err
    assert first.out.count("větší než 1 MB") == 1
    assert "large.ics" in first.out
    again = sandbox.run()
    assert again.code == 0, again.err
    assert "větší než 1 MB" not in again.out  # remembered as someone else's: not read again
    assert sandbox.events("rps")["large.ics"] == before


def test_an_etag_with_a_line_break_is_never_sent_as_a_header() -> None:
    """An ETag comes from a server; one that would split our If-Match header is refused as a bad
    answer before anything is sent."""
    with RawServer(status("204 No Content")) as server, \
            Dav(Settings(server.url, USER, PASSWORD, timeout=5, deadline=60)) as dav:
        with pytest.raises(errors.BadResponse) as raised:
            dav.send("DELETE", "/dav/cal/a.ics", b"",
                     {"If-Match": '"x"\r\nX-Injected: 1'})
        assert server.requests == []
    message = say(raised.value.key, "cs", detail=raised.value.detail, **raised.value.args_)
    assert "\n" not in message
    assert "\\r\\nX-Injected" in message


@pytest.mark.parametrize("shift", [0, 1, 2])
@pytest.mark.parametrize("framed", [False, True])
def test_the_password_is_redacted_at_any_base64_offset(shift: int, framed: bool,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_USER, USER)
    raw = (f"{USER}:{PASSWORD}" if framed else PASSWORD).encode()
    stream = base64.b64encode(b"z" * shift + raw + b"tail").decode()
    shown = redact(f"Location: /{stream}/", PASSWORD)
    for form in secret_forms(USER, PASSWORD):
        assert form not in shown
    assert base64.b64decode(stream).count(PASSWORD.encode()) == 1  # the check is not empty
