#!/usr/bin/env python3
"""Run nox from this repository's own virtual environment (.venv), creating it first.

    python3 kpss.py -s serve                 # the main job (README, first command)
    python3 kpss.py -s quality lint tests    # the tests (README, second command; CI)

Everything after `kpss.py` goes to nox unchanged. It needs only a Python >= 3.11 and access to
PyPI: no pip in the system Python (Debian and Ubuntu forbid installing into it, PEP 668), no
python3-venv package (Debian ships ensurepip only in it), no virtualenv. Without ensurepip the
environment is made without pip and pip's own wheel is fetched from PyPI's JSON API, checked
against the SHA-256 digest PyPI lists for it, and run from the wheel to install itself (the way
pip's own get-pip works). Standard library only; it must start on the Python 3.9 of macOS's
command-line tools too, to find a newer Python and hand over to it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MINIMUM = (3, 11)
CANDIDATES = ("python3.14", "python3.13", "python3.12", "python3.11", "python3")
NOX = "nox>=2024.3"
PYPI = os.environ.get("KPSS_PYPI", "https://pypi.org/pypi").rstrip("/")
"""PyPI's JSON API (`<PYPI>/pip/json`); KPSS_PYPI points at a mirror that serves the same."""
MAX_WHEEL = 32 * 1024 * 1024
TIMEOUT = 60
EXIT_SETUP = 2


class SetupError(Exception):
    """A step of the set-up failed; the message says what to do, in Czech."""


def bin_path(env: Path, name: str) -> Path:
    """A program in a virtual environment (bin/ on POSIX, Scripts/*.exe on Windows)."""
    if os.name == "nt":
        return env / "Scripts" / f"{name}.exe"
    return env / "bin" / name


def newer_python() -> str | None:
    """A Python >= 3.11 on PATH, for when this one is older (macOS ships 3.9)."""
    check = f"import sys; sys.exit(sys.version_info[:2] < {MINIMUM!r})"
    for name in CANDIDATES:
        found = shutil.which(name)
        if found and subprocess.run([found, "-c", check], check=False).returncode == 0:
            return found
    return None


def make_venv(env: Path) -> str:
    """Create `env` with pip in it; says where pip came from."""
    venv.EnvBuilder(with_pip=False, clear=True, symlinks=os.name != "nt").create(str(env))
    python = str(bin_path(env, "python"))
    done = subprocess.run([python, "-m", "ensurepip", "--upgrade", "--default-pip"],
                          capture_output=True, check=False)
    if done.returncode == 0:
        return "ensurepip"
    pip_from_pypi(python)
    return "PyPI"


def pip_from_pypi(python: str) -> None:
    """Install pip into the environment of `python` from the wheel PyPI serves."""
    url, digest = _pip_wheel()
    with tempfile.TemporaryDirectory(prefix="kpss-pip-") as scratch:
        wheel = Path(scratch) / urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1]
        wheel.write_bytes(_download(url, digest))
        # A wheel is a zip that Python can run: pip installs itself from its own wheel.
        command = [python, str(wheel / "pip"), "install", "--quiet", str(wheel)]
        if subprocess.run(command, check=False).returncode != 0:
            raise SetupError("Pip se z balíčku z PyPI nenainstaloval (viz výpis výše).")


def _pip_wheel() -> tuple[str, str]:
    """The URL and SHA-256 of the newest pip wheel, from PyPI's JSON API."""
    try:
        with urllib.request.urlopen(f"{PYPI}/pip/json", timeout=TIMEOUT) as answer:  # noqa: S310
            files = json.loads(answer.read(MAX_WHEEL))["urls"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SetupError(f"Nepodařilo se zjistit, kde je pip na PyPI ({PYPI}/pip/json: {exc}). "
                         "Zkontrolujte připojení k internetu (při chybě certifikátu: sudo apt "
                         "install ca-certificates), nebo nainstalujte balíček python3-venv "
                         "(sudo apt install python3-venv).") from exc
    for entry in files:
        if entry.get("packagetype") == "bdist_wheel" and entry.get("url", "").endswith(".whl"):
            # A mirror may list the file relative to the JSON document (RFC 3986, 5.2).
            url = urllib.parse.urljoin(f"{PYPI}/pip/json", str(entry["url"]))
            return url, str(entry["digests"]["sha256"])
    raise SetupError(f"PyPI ({PYPI}/pip/json) neuvádí žádný balíček wheel s pipem.")


def _download(url: str, digest: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as answer:  # noqa: S310
            data = bytes(answer.read(MAX_WHEEL + 1))
    except (OSError, ValueError) as exc:
        raise SetupError(f"Stažení pipu z {url} selhalo ({exc}).") from exc
    if len(data) > MAX_WHEEL or hashlib.sha256(data).hexdigest() != digest:
        raise SetupError(f"Soubor {url} nesouhlasí s otiskem SHA-256, který uvádí PyPI; "
                         "nic se neinstalovalo.")
    return data


def ensure_nox(env: Path) -> None:
    """Create the environment if it is missing or broken, and install nox into it."""
    python = bin_path(env, "python")
    if bin_path(env, "nox").exists() and python.exists():
        return
    if not python.exists() or subprocess.run([str(python), "-m", "pip", "--version"],
                                             capture_output=True, check=False).returncode:
        print(f"Zakládám virtuální prostředí {env} …", file=sys.stderr, flush=True)
        source = make_venv(env)
        print(f"  pip je z: {source}", file=sys.stderr, flush=True)
    print("Instaluji nox …", file=sys.stderr, flush=True)
    command = [str(python), "-m", "pip", "install", "--quiet", NOX]
    if subprocess.run(command, check=False).returncode != 0:
        raise SetupError("Nox se nenainstaloval (viz výpis výše). Zkontrolujte připojení k PyPI "
                         f"a spusťte příkaz znovu; při potížích smažte složku {env}.")


def run_nox(env: Path, args: list[str]) -> int:
    """Hand over to nox; on POSIX nox takes this process, so Ctrl+C reaches it directly."""
    nox = str(bin_path(env, "nox"))
    os.chdir(ROOT)
    if os.name == "posix":
        os.execv(nox, [nox, *args])  # noqa: S606 - our own environment's nox
    return subprocess.run([nox, *args], check=False).returncode


def main(argv: list[str]) -> int:
    if sys.version_info[:2] < MINIMUM:
        found = newer_python()
        if found is None:
            print(f"kpss potřebuje Python {MINIMUM[0]}.{MINIMUM[1]} nebo novější; tento je "
                  f"{sys.version.split()[0]}. Nainstalujte novější (Debian/Ubuntu: sudo apt "
                  "install python3; macOS: https://www.python.org/downloads/ nebo brew install "
                  "python) a spusťte příkaz znovu.", file=sys.stderr)
            return EXIT_SETUP
        os.execv(found, [found, str(Path(__file__).resolve()), *argv])  # noqa: S606
    try:
        ensure_nox(VENV)
    except SetupError as exc:
        print(f"Chyba: {exc}", file=sys.stderr)
        return EXIT_SETUP
    return run_nox(VENV, argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
