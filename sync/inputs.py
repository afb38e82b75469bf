"""Everything a sync's outcome depends on, as one hash: the inputs fingerprint.

A sync that succeeded stores the fingerprint of its inputs in its cache on every calendar. When
the next run computes the same fingerprint and the server shows no change since (RFC 6578
sync-collection), there is nothing to do, and the records need not even be parsed: they were
validated when that fingerprint was stored, and the linter's errors never appear as time passes
(only its warnings do, such as a past meeting still planned).

The fingerprint covers the bytes of records/ and schemas/, the code of the linter and the sync,
the versions of the libraries that shape an event, the Europe/Prague rules in use, the record
link setting, and the last commit that touched records/ (which pins every event's DTSTAMP).
Reading and hashing 12,000 record files takes about a tenth of a second; linting them, seconds.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import zoneinfo
from pathlib import Path

from sync import stamps

FORMAT = b"kpss inputs 2"
"""Bump when the fingerprint's recipe changes."""
CODE = Path(__file__).resolve().parent.parent
"""The checkout holding the `lint` and `sync` packages."""
_PACKAGES = frozenset({"icalendar", "ics_vtimezones", "tzdata", "jsonschema_rs", "pyyaml"})
_ZONE = "Europe/Prague"


def fingerprint(root: Path, *, record_url: str | None) -> str | None:
    """The inputs fingerprint of the repository at `root`, or None when a file cannot be read
    (the sync then takes the full path, which reports the problem properly)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(FORMAT)
    try:
        for folder in (root / "records", root / "schemas"):
            _tree(digest, folder, folder)
        for package in ("lint", "sync"):
            _tree(digest, CODE / package, CODE / package, suffix=".py")
        digest.update(_zone_rules())
    except OSError:
        return None
    digest.update(_versions().encode())
    digest.update(f"\0python={sys.version_info[:2]}\0url={record_url or ''}".encode())
    digest.update(f"\0records@{stamps.last_change(root)}".encode())
    return digest.hexdigest()


def _tree(digest: hashlib.blake2b, folder: Path, base: Path, suffix: str = "") -> None:
    """Names, kinds and contents under `folder`, in a fixed order; links are not followed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        digest.update(b"\0missing " + os.fsencode(folder.name))
        return
    for entry in entries:
        if entry.name == "__pycache__":
            continue
        mode = entry.stat(follow_symlinks=False).st_mode
        name = os.fsencode(os.path.relpath(entry.path, base))
        if stat.S_ISDIR(mode):
            if suffix and not os.path.isfile(os.path.join(entry.path, "__init__.py")):
                continue  # in the code, only packages: lint/cases/ holds the rules' examples
            digest.update(b"\0dir " + name)
            _tree(digest, Path(entry.path), base, suffix)
        elif stat.S_ISREG(mode) and entry.name.endswith(suffix):
            with open(entry.path, "rb") as handle:
                data = handle.read()
            digest.update(b"\0file %s %d\0" % (name, len(data)))
            digest.update(data)
        elif stat.S_ISLNK(mode):
            digest.update(b"\0link " + name + b" " + os.fsencode(os.readlink(entry.path)))
        elif not suffix:  # a FIFO, socket or device: its kind, never its content
            digest.update(b"\0other %s %o" % (name, stat.S_IFMT(mode)))


def _zone_rules() -> bytes:
    """The Europe/Prague rules zoneinfo would load: the system's file, else the tzdata one."""
    for base in zoneinfo.TZPATH:
        candidate = Path(base, _ZONE)
        if candidate.is_file():
            return candidate.read_bytes()
    return b"tzdata"  # from the tzdata package, whose version is hashed


def _versions() -> str:
    """The installed versions of the libraries that shape events, from their dist-info folders
    (what importlib.metadata reads, without its import time)."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found += [n for n in names
                  if n.endswith(".dist-info") and n.split("-", 1)[0].lower() in _PACKAGES]
    return "\0" + ",".join(sorted(found))
