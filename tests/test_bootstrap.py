"""kpss.py, the README's first command: nox from the repository's own .venv on a machine with
only the system Python. The path Debian takes without python3-venv (no ensurepip) is played
here against a PyPI of our own on 127.0.0.1 serving a real pip wheel."""

from __future__ import annotations

import ast
import hashlib
import http.server
import importlib.metadata
import importlib.util
import json
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_kpss() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kpss_bootstrap", ROOT / "kpss.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pip_wheel(folder: Path) -> Path:
    """A wheel of the pip this test runs with, made from its installed files."""
    dist = importlib.metadata.distribution("pip")
    wheel = folder / f"pip-{dist.version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as out:
        for file in dist.files or ():
            source = Path(str(dist.locate_file(file)))
            if str(file).startswith("..") or "__pycache__" in str(file) or not source.is_file():
                continue
            out.write(source, str(file))
    return wheel


class FakePyPI(http.server.BaseHTTPRequestHandler):
    """PyPI's JSON API for pip only: /pip/json and the wheel it names (relative, as mirrors do)."""

    wheel: Path
    digest: str
    seen: list[str]

    def do_GET(self) -> None:
        self.seen.append(self.path)
        if self.path == "/pypi/pip/json":
            body = json.dumps({"urls": [
                {"packagetype": "sdist", "url": "../../files/pip.tar.gz", "digests": {}},
                {"packagetype": "bdist_wheel", "url": f"../../files/{self.wheel.name}",
                 "digests": {"sha256": self.digest}}]}).encode()
        elif self.path == f"/files/{self.wheel.name}":
            body = self.wheel.read_bytes()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def pypi(tmp_path: Path) -> Iterator[tuple[str, type[FakePyPI]]]:
    wheel = pip_wheel(tmp_path)
    handler = type("Handler", (FakePyPI,), {
        "wheel": wheel, "digest": hashlib.sha256(wheel.read_bytes()).hexdigest(), "seen": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/pypi", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def no_ensurepip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python without ensurepip, as Debian's without the python3-venv package."""
    shadow = tmp_path / "shadow" / "ensurepip"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("", encoding="utf-8")
    (shadow / "__main__.py").write_text(
        'raise SystemExit("No module named ensurepip (python3-venv missing)")\n', encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(shadow.parent))


@pytest.mark.usefixtures("no_ensurepip")
def test_without_ensurepip_pip_comes_from_pypi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               pypi: tuple[str, type[FakePyPI]]) -> None:
    kpss = load_kpss()
    url, handler = pypi
    monkeypatch.setattr(kpss, "PYPI", url)
    env = tmp_path / "venv"
    assert kpss.make_venv(env) == "PyPI"
    python = str(kpss.bin_path(env, "python"))
    done = subprocess.run([python, "-m", "pip", "--version"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert str(env) in done.stdout  # pip inside the new environment, not the system's
    assert handler.seen == ["/pypi/pip/json", f"/files/{handler.wheel.name}"]


def test_with_ensurepip_nothing_is_downloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              pypi: tuple[str, type[FakePyPI]]) -> None:
    """Where ensurepip works (python.org, Homebrew, Debian with python3-venv) it is used."""
    kpss = load_kpss()
    monkeypatch.setattr(kpss, "PYPI", pypi[0])
    shadow = tmp_path / "shadow" / "ensurepip"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("", encoding="utf-8")
    called = tmp_path / "ensurepip-ran"
    (shadow / "__main__.py").write_text(f"open({str(called)!r}, 'w').close()\n", "utf-8")
    monkeypatch.setenv("PYTHONPATH", str(shadow.parent))
    assert kpss.make_venv(tmp_path / "venv") == "ensurepip"
    assert called.exists()
    assert pypi[1].seen == []


def test_a_wheel_that_does_not_match_its_digest_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        pypi: tuple[str, type[FakePyPI]]) -> None:
    kpss = load_kpss()
    url, handler = pypi
    monkeypatch.setattr(kpss, "PYPI", url)
    handler.digest = "0" * 64
    with pytest.raises(kpss.SetupError, match="SHA-256"):
        kpss.pip_from_pypi(str(tmp_path / "never-run"))


def test_unreachable_pypi_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    kpss = load_kpss()
    monkeypatch.setattr(kpss, "PYPI", "http://127.0.0.1:9/pypi")  # discard: nothing listens
    with pytest.raises(kpss.SetupError, match="python3-venv"):
        kpss.pip_from_pypi("python3")


def test_it_starts_on_the_python_of_macos() -> None:
    """macOS's command-line tools ship Python 3.9: kpss.py must parse there to hand over."""
    ast.parse((ROOT / "kpss.py").read_text(encoding="utf-8"), feature_version=(3, 9))


def test_an_older_python_hands_over_to_a_newer_one_on_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kpss = load_kpss()
    (tmp_path / "python3.12").symlink_to(kpss.sys.executable)  # this Python is >= 3.11
    monkeypatch.setenv("PATH", str(tmp_path))
    assert kpss.newer_python() == str(tmp_path / "python3.12")


def test_without_a_new_enough_python_it_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    kpss = load_kpss()
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing to hand over to
    monkeypatch.setattr(kpss, "MINIMUM", (99, 0))  # as macOS's 3.9 sees 3.11
    assert kpss.main(["-s", "serve"]) == kpss.EXIT_SETUP
    err = capsys.readouterr().err
    assert "Python 99.0 nebo novější" in err
    assert "python.org" in err
