"""/admin/ in the built site: the Decap CMS bundle exactly as pinned, its page loading only this
site's own scripts, its configuration generated; a damaged bundle is never published."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from edit import cms
from tests.web.conftest import ROOT
from web import admin, cli

if not (admin.FOLDER / admin.DIST).is_dir():
    pytest.skip("the CMS bundle is not installed: bash scripts/install-cms.sh (.ci/run does)",
                allow_module_level=True)


def _build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["build", "--out", str(tmp_path / "out"), "--root", str(ROOT),
                     "--today", "2022-09-01", "--base-url", "https://kpss.example.org/"])
    return code, capsys.readouterr().err


def _copy_of_the_bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "admin"
    dist = folder / admin.DIST
    dist.mkdir(parents=True)
    for name in ("index.html", admin.PINNED):
        shutil.copy(admin.FOLDER / name, folder / name)
    for name in admin.pinned():
        shutil.copy(admin.FOLDER / admin.DIST / name, dist / name)
    return folder


def test_the_site_serves_the_pinned_bundle_and_the_generated_config(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _build(tmp_path, capsys)
    assert code == 0, err
    out = tmp_path / "out/admin"
    for name, digest in admin.pinned().items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    built = (out / "config.yml").read_text("utf-8")
    site_url = "https://kpss.example.org/"
    assert built == cms.render(ROOT, cms.Settings.from_env(site_url=site_url))  # generated
    config = yaml.safe_load(built)
    assert config["collections"] == yaml.safe_load(
        (ROOT / cms.SHIPPED).read_text("utf-8"))["collections"]  # the shipped one's forms
    assert config["locale"] == "cs"
    assert config["site_url"] == "https://kpss.example.org/"
    assert len(config["collections"]) >= 8
    page = (out / "index.html").read_text("utf-8")
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", page)
    assert scripts == ["decap-cms.js"]  # same origin, no CDN
    assert "script-src 'self'" in page


def test_a_damaged_bundle_is_left_out_with_a_czech_message_and_exit_3(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy_of_the_bundle(tmp_path)
    monkeypatch.setattr(admin, "FOLDER", folder)
    chunk = folder / admin.DIST / "decap-cms.js"
    chunk.write_bytes(chunk.read_bytes() + b"\n/* forged */")
    code, err = _build(tmp_path, capsys)
    assert code == 3
    assert "se liší od otisku" in err
    assert "decap-cms.js" in err
    assert not (tmp_path / "out/admin").exists()
    assert (tmp_path / "out/index.html").is_file()  # the rest of the site is built


def test_a_missing_bundle_leaves_the_site_without_the_editor(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy_of_the_bundle(tmp_path)
    monkeypatch.setattr(admin, "FOLDER", folder)
    (folder / admin.DIST / next(iter(admin.pinned(folder)))).unlink()
    code, err = _build(tmp_path, capsys)
    assert code == 0
    assert "chybí" in err
    assert "install-cms.sh" in err
    assert not (tmp_path / "out/admin").exists()
    assert (tmp_path / "out/index.html").is_file()
