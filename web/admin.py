"""The form editor at /admin/: the Decap CMS bundle, checked against the hashes pinned in
web/admin/bundle.sha256, its page and its configuration generated from the schemas."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from edit import cms

FOLDER = Path(__file__).parent / "admin"
"""package.json, package-lock.json, bundle.sha256, index.html; node_modules/ once installed."""
DIST = Path("node_modules/decap-cms/dist")
PINNED = "bundle.sha256"
SITE = "admin"


@dataclass(frozen=True)
class Admin:
    """The files of /admin/ by path from the site's root, or why the editor is left out."""

    files: dict[str, bytes]
    problem: str | None = None
    """"missing" (not installed: scripts/install-cms.sh) or "wrong" (a file differs from its
    pinned hash), with the file's name after a colon."""


def pinned(folder: Path | None = None) -> dict[str, str]:
    """File name → SHA-256 from bundle.sha256 (the format of sha256sum)."""
    folder = folder or FOLDER
    lines = (folder / PINNED).read_text(encoding="utf-8").splitlines()
    return {name.strip(): digest for digest, name in (line.split(None, 1) for line in lines
                                                      if line.strip())}


def bundle(folder: Path | None = None) -> Admin:
    """The bundle's files, each exactly as pinned; none when one is missing or differs."""
    folder = folder or FOLDER
    dist = folder / DIST
    files: dict[str, bytes] = {}
    for name, digest in pinned(folder).items():
        path = dist / name
        if not path.is_file():
            return Admin({}, f"missing:{path}")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            return Admin({}, f"wrong:{path}")
        files[f"{SITE}/{name}"] = data
    return Admin(files)


def admin(root: Path, site_url: str | None, folder: Path | None = None) -> Admin:
    """Everything /admin/ needs, or only the problem when the bundle cannot be trusted."""
    folder = folder or FOLDER
    found = bundle(folder)
    if found.problem:
        return found
    config = cms.render(root, cms.Settings.from_env(site_url=site_url)).encode("utf-8")
    page = (folder / "index.html").read_bytes()
    return Admin({**found.files, f"{SITE}/index.html": page, f"{SITE}/config.yml": config})
