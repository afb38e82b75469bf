"""Settings, secrets and the errors a person meets first: missing variables, plain http, a wrong
password, no rights, a wrong URL, TLS. Exit codes: 1 records, 2 usage, 3 server, 4 refused."""

from __future__ import annotations

import socket
import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from bench.proxy import FaultProxy
from sync import transport
from sync.cli import main
from sync.plain import USER_AGENT
from sync.settings import ENV_PASSWORD, ENV_PASSWORD_FILE, ENV_URL, ENV_USER
from tests.sync.sandbox import ENV_NAMES, SECRETS, TODAY, Result, Sandbox, clean_env

GOOD = {ENV_URL: "https://kalendar.example.org/dav/", ENV_USER: "kpss",
        ENV_PASSWORD: "heslo-ktere-nesmi-ven"}
SECRETS.add(GOOD[ENV_PASSWORD])


class Offline:
    """Runs the sync in this process with every network call refused and recorded."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch, outputs: list[str]) -> None:
        self.root, self.capsys, self.monkeypatch, self.outputs = root, capsys, monkeypatch, outputs
        self.attempts: list[object] = []

        def refuse(*args: object, **_kwargs: object) -> None:
            self.attempts.append(args)
            raise OSError("no network in this test")

        monkeypatch.setattr(socket, "getaddrinfo", refuse)
        monkeypatch.setattr(socket.socket, "connect", refuse)
        monkeypatch.setattr(transport, "BACKOFF", (0.01, 0.02))  # no waiting between refusals

    def run(self, env: dict[str, str], *args: str) -> Result:
        for name in ENV_NAMES:
            self.monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            self.monkeypatch.setenv(name, value)
        self.capsys.readouterr()
        code = main([*args, "--root", str(self.root), "--today", TODAY])
        out, err = self.capsys.readouterr()
        self.outputs.extend([out, err])
        assert "Traceback" not in out + err
        return Result(code, out, err)


@pytest.fixture
def offline(records: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
            outputs: list[str]) -> Offline:
    return Offline(records, capsys, monkeypatch, outputs)


# --- no server needed: refused before any request ----------------------------------------

@pytest.mark.parametrize("missing", [ENV_URL, ENV_USER, ENV_PASSWORD])
def test_a_missing_setting_is_named(offline: Offline, missing: str) -> None:
    env = {k: v for k, v in GOOD.items() if k != missing}
    result = offline.run(env)
    assert result.code == 2
    assert "Chybí nebo je špatně nastavení" in result.err
    assert missing in result.err
    assert offline.attempts == []


def test_missing_settings_in_english(offline: Offline) -> None:
    result = offline.run({}, "--lang", "en")
    assert result.code == 2
    assert "Missing or invalid setting: KPSS_CALDAV_URL, KPSS_CALDAV_USERNAME" in result.err


def test_missing_settings_in_a_real_process(records: Path, outputs: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "sync", "--root", str(records), "--today", TODAY],
                          cwd=Path(__file__).resolve().parents[2], env=clean_env(),
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=False)
    outputs.extend([done.stdout, done.stderr])
    assert done.returncode == 2
    assert "KPSS_CALDAV_URL" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("url", ["http://example.org/", "http://10.0.0.7:5232/",
                                 "http://kalendar.liberec.cz/dav/"])
def test_plain_http_is_refused_without_touching_the_network(offline: Offline, url: str) -> None:
    result = offline.run({**GOOD, ENV_URL: url})
    assert result.code == 2
    assert "nešifrované http" in result.err
    assert "--allow-insecure-http" in result.err
    assert offline.attempts == []


def test_plain_http_with_the_flag_goes_ahead(offline: Offline) -> None:
    result = offline.run({**GOOD, ENV_URL: "http://example.org/"}, "--allow-insecure-http",
                         "--timeout", "0.2")
    assert offline.attempts, "the flag should let the sync try"
    assert result.code == 3
    assert "Spojení se serverem" in result.err


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/", "http://localhost:9/",
                                 "http://[::1]:9/", "https://example.org/"])
def test_loopback_http_and_https_are_allowed(offline: Offline, url: str) -> None:
    result = offline.run({**GOOD, ENV_URL: url}, "--timeout", "0.2")
    assert offline.attempts
    assert result.code == 3


@pytest.mark.parametrize("url", ["ftp://example.org/", "example.org", "https://",
                                 "https://kpss:heslo-ktere-nesmi-ven@example.org/"])
def test_a_malformed_url_is_refused(offline: Offline, url: str) -> None:
    result = offline.run({**GOOD, ENV_URL: url})
    assert result.code == 2
    assert ENV_URL in result.err
    assert offline.attempts == []


def test_an_unreadable_password_file_is_named(offline: Offline, tmp_path: Path) -> None:
    env = {k: v for k, v in GOOD.items() if k != ENV_PASSWORD}
    result = offline.run({**env, ENV_PASSWORD_FILE: str(tmp_path / "neni.txt")})
    assert result.code == 2
    assert ENV_PASSWORD_FILE in result.err


def test_an_unknown_calendar_gets_a_suggestion(offline: Offline) -> None:
    result = offline.run(GOOD, "--calendar", "rsp")
    assert result.code == 2
    assert "Kalendář „rsp“ v záznamech není. Nemysleli jste „rps“?" in result.err
    assert "ps-seniori, rps, vse" in result.err
    assert offline.attempts == []
    english = offline.run(GOOD, "--calendar", "zzz", "--lang", "en")
    assert english.code == 2
    assert "no calendar 'zzz'" in english.err
    assert "Did you mean" not in english.err


def test_an_unknown_calendar_for_ics(offline: Offline, tmp_path: Path) -> None:
    result = offline.run({}, "ics", "--out", str(tmp_path / "ics"), "--calendar", "vs")
    assert result.code == 2
    assert "„vse“" in result.err
    assert not (tmp_path / "ics").exists()


def test_invalid_records_come_first(offline: Offline) -> None:
    # The sync first looks whether the calendars were made from these very records (reads
    # only); the server cannot be reached here, yet the records' error is what counts.
    path = offline.root / "records" / "meetings" / "2022" / "2022-10-19-rps.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: planned",
                                                             "status: snad"), encoding="utf-8")
    result = offline.run(GOOD)
    assert result.code == 1
    assert "2022-10-19-rps.yaml" in result.err
    assert "nic neodeslalo" in result.err
    assert "Spojení" not in result.err
    assert 1 <= len(offline.attempts) <= transport.MAX_ATTEMPTS  # the first look, and its retries


# --- against the servers -----------------------------------------------------------------

@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_a_wrong_password(sandbox: Sandbox) -> None:
    wrong = "spatne-heslo-123"
    SECRETS.add(wrong)
    result = sandbox.run(env=sandbox.env(password=wrong))
    assert result.code == 3
    assert "odmítl přihlášení (HTTP 401)" in result.err
    assert [e.status for e in result.entries] == [401]  # stops at once, no retries
    process = sandbox.run_process("--lang", "en", env=sandbox.env(password=wrong))
    assert process.code == 3
    assert "Traceback" not in process.err
    assert "refused the login (HTTP 401)" in process.err


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_the_password_from_a_file(sandbox: Sandbox, tmp_path: Path) -> None:
    secret = tmp_path / "heslo.txt"
    secret.write_text(sandbox.backend.password + "\n", encoding="utf-8")
    env = {k: v for k, v in sandbox.env().items() if k != ENV_PASSWORD}
    result = sandbox.run(env={**env, ENV_PASSWORD_FILE: str(secret)})
    assert result.code == 0, result.err
    sandbox.assert_converged()


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_no_rights(sandbox: Sandbox) -> None:
    result = sandbox.run(env=sandbox.env(url=sandbox.proxy.url + "someone-else/"))
    assert result.code == 3
    assert "nemá oprávnění (HTTP 403)" in result.err


def test_a_wrong_url(sandbox: Sandbox) -> None:
    url = sandbox.proxy.url.rstrip("/") + sandbox.backend.home + "neni/tady/"
    result = sandbox.run(env=sandbox.env(url=url))
    assert result.code == 3
    assert "neexistuje (HTTP 404)" in result.err
    assert "KPSS_CALDAV_URL" in result.err
    assert not [e for e in result.entries if e.method != "PROPFIND"]


def test_not_a_calendar(sandbox: Sandbox) -> None:
    if sandbox.backend.name == "sabre":
        pytest.skip("sabre/dav holds nothing but calendars in a calendar home")
    body = (b'<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" '
            b'xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype>'
            b"<D:collection/><CR:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>")
    sandbox.occupy("rps", "MKCOL", body)
    result = sandbox.run()
    assert result.code == 3
    assert "není kalendář CalDAV" in result.err
    assert result.err.startswith(sandbox.ids["rps"] + ": ")  # that calendar, alone
    # Nothing is written into the address book; the other calendars are synced.
    assert not [e for e in result.calls(sandbox.path("rps"))
                if e.method not in ("PROPFIND", "REPORT")]
    assert sandbox.ours("ps-seniori")


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@pytest.mark.parametrize("server", ["radicale"], indirect=True)
def test_tls_unknown_authority_then_ca_bundle(sandbox: Sandbox,
                                              certificate: tuple[Path, Path]) -> None:
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FaultProxy(sandbox.backend.port, tls=context) as tls_proxy:
        env = sandbox.env(url=tls_proxy.url)
        refused = sandbox.run("--timeout", "2", env=env)
        assert refused.code == 3
        assert "(TLS)" in refused.err
        assert "--ca-bundle" in refused.err
        assert tls_proxy.entries() == []
        trusted = sandbox.run("--ca-bundle", str(cert), env=env)
        assert trusted.code == 0, trusted.err
        assert tls_proxy.entries()
        # The first look's reads go over the standard library (sync/plain.py), verified
        # against the same bundle: a run with nothing to do sends nothing through caldav.
        tls_proxy.clear()
        quiet = sandbox.run("--ca-bundle", str(cert), env=env)
        assert quiet.code == 0, quiet.err
        agents = {e.headers.get("User-Agent") for e in tls_proxy.entries()}
        assert agents == {USER_AGENT}
        assert tls_proxy.writes() == []
    sandbox.assert_converged()
