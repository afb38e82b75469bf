"""Hostile records through the real command line: each gives its code at its line, exit 1 (or
what the case says), no traceback, no hang, and not one byte written.

Static cases are folders under hostile/ (overlays on the lint fixture, marked like the lint
cases: `# expect: KP101` on the line, or `path:line:CODE` lines in expect.txt; options.txt may
set `exit`, `args`, and `bug` for a known bug, which makes the case a strict xfail). Cases that
cannot be files in git (huge, binary, deep, links, pipes, odd names) are built below.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_repo
from tests.lint.test_cases import expected
from tests.robustness.matrix import Row, record

HOSTILE = Path(__file__).parent / "hostile"
TODAY = "2022-09-01"
HANG_GUARD = 5.0
"""Seconds before a run counts as hung and is killed (the linter takes about 0.2 s)."""
PROBLEM = re.compile(r"^(.+?):(\d+):(\d+): (KP\d{3}) (error|warning|info): ", re.MULTILINE)
M = "records/meetings/2022/2022-10-19-rps.yaml"
P = "records/people/jan-novy.yaml"
PERSON = ("# yaml-language-server: $schema=../../schemas/person.schema.json\n"
          "id: jan-novy\nname: Jan Nový\ngiven_name: Jan\nsurname: Nový\norganisation: sml\n")
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    group: str
    expect: frozenset[tuple[str, int, str]]
    build: Callable[[Path], None] | None = None
    exit: int = 1
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    bug: str = ""
    overlay: Path | None = None


# --- cases built at test time ----------------------------------------------------------------

def _write(rel: str, data: bytes) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return build


def _person_bytes(encoding: str) -> bytes:
    return "id: jan-novy\nname: Jan Nový\nsurname: Černý\n".encode(encoding)


def _big(size: int) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        line = b"# " + b"x" * 77 + b"\n"
        with (root / P).open("wb") as out:
            out.write(PERSON.encode())
            written = len(PERSON.encode())
            block = line * 1000
            while written + len(block) <= size:
                out.write(block)
                written += len(block)
            out.write(b"#" * (size - written - 1) + b"\n")
    return build


def _nested(text: str) -> Callable[[Path], None]:
    return _write(P, (PERSON + text).encode())


def _symlink(target: Callable[[Path], Path], rel: str = P) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).symlink_to(target(root))
    return build


def _outside(root: Path) -> Path:
    outside = root.parent / "mimo-repozitar.yaml"
    outside.write_text(PERSON, encoding="utf-8")
    return outside


def _directory(root: Path) -> None:
    (root / P).mkdir(parents=True)
    (root / P / "poznamka.txt").write_text("omylem složka\n", encoding="utf-8")


def _empty_records(root: Path) -> None:
    shutil.rmtree(root / "records")
    (root / "records" / "meetings" / "2022").mkdir(parents=True)


def _no_records(root: Path) -> None:
    shutil.rmtree(root / "records")


def _records_is_a_file(root: Path) -> None:
    shutil.rmtree(root / "records")
    (root / "records").write_text("id: x\n", encoding="utf-8")


def _fifo(root: Path) -> None:
    os.mkfifo(root / P)


def _named(name: bytes, text: str) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        folder = os.fsencode(root / "records" / "people")
        with open(os.path.join(folder, name), "wb") as out:
            out.write(text.encode())
    return build


NFC = unicodedata.normalize("NFC", "jiří-černý")
NFD = unicodedata.normalize("NFD", "jiří-černý")
ODD_NAME = "jiri-cerny.yaml"
GENERATED = [
    Case("windows-1250", "encoding", frozenset({(P, 2, "KP104")}),
         _write(P, _person_bytes("cp1250"))),
    Case("iso-8859-2", "encoding", frozenset({(P, 2, "KP104")}),
         _write(P, "id: jan-novy\nname: Jiří\n".encode("iso-8859-2"))),
    Case("utf-16-with-bom", "encoding", frozenset({(P, 1, "KP104")}),
         _write(P, _person_bytes("utf-16"))),
    Case("utf-16-be-without-bom", "encoding", frozenset({(P, 2, "KP104")}),
         _write(P, _person_bytes("utf-16-be"))),
    Case("utf-32", "encoding", frozenset({(P, 1, "KP104")}), _write(P, _person_bytes("utf-32"))),
    Case("png-image", "encoding", frozenset({(P, 1, "KP104")}),
         _write(P, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))),
    Case("gzip-archive", "encoding", frozenset({(P, 1, "KP104")}),
         _write(P, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(200, 256)))),
    Case("random-bytes", "encoding", frozenset({(P, 1, "KP104")}),
         _write(P, hashlib.sha512(b"kpss").digest() * 64)),
    Case("overlong-utf8", "encoding", frozenset({(P, 3, "KP104")}),
         _write(P, b"id: jan-novy\nname: Jan\nsurname: \xc0\xafNov\n")),
    Case("encoded-surrogate", "encoding", frozenset({(P, 3, "KP104")}),
         _write(P, b"id: jan-novy\nname: Jan\nsurname: \xed\xa0\x80\n")),
    Case("cut-multibyte-at-end", "encoding", frozenset({(P, 3, "KP104")}),
         _write(P, b"id: jan-novy\nname: Jan\nsurname: Nov" + "ý".encode()[:1])),
    Case("nul-byte-in-text", "encoding", frozenset({(P, 4, "KP104")}),
         _write(P, b"id: jan-novy\nname: Jan\ngiven_name: Jan\nsurname: No\x00vy\n")),
    Case("50-mb-file", "size", frozenset({(P, 1, "KP109")}), _big(50 * MB)),
    Case("1-mib-and-a-byte", "size", frozenset({(P, 1, "KP109")}), _big(MB + 1)),
    Case("10000-deep-flow-sequences", "nesting", frozenset({(P, 7, "KP113")}),
         _nested("x: " + "[" * 10_000 + "]" * 10_000 + "\n")),
    Case("10000-deep-flow-mappings", "nesting", frozenset({(P, 7, "KP113")}),
         _nested("x: " + "{a: " * 10_000 + "b" + "}" * 10_000 + "\n")),
    Case("10000-deep-block-sequences", "nesting", frozenset({(P, 8, "KP113")}),
         _nested("x:\n  " + "- " * 10_000 + "z\n")),
    Case("500-deep-block-mappings", "nesting", frozenset({(P, 71, "KP113")}),
         _nested("".join("  " * level + f"k{level}:\n" for level in range(500))
                 + "  " * 500 + "z\n")),
    Case("65-deep-flow-sequences", "nesting", frozenset({(P, 7, "KP113")}),
         _nested("x: " + "[" * 65 + "]" * 65 + "\n")),
    Case("symlink-outside-the-repository", "files", frozenset({(P, 1, "KP115")}),
         _symlink(_outside)),
    Case("symlink-to-etc-passwd", "files", frozenset({(P, 1, "KP115")}),
         _symlink(lambda _root: Path("/etc/passwd"))),
    Case("symlink-to-dev-zero", "files", frozenset({(P, 1, "KP115")}),
         _symlink(lambda _root: Path("/dev/zero"))),
    Case("symlink-loop", "files", frozenset({(P, 1, "KP115")}),
         _symlink(lambda root: root / P)),
    Case("dangling-symlink", "files", frozenset({(P, 1, "KP114")}),
         _symlink(lambda root: root / "records" / "people" / "neni.yaml")),
    Case("directory-named-like-a-record", "files", frozenset({(P, 1, "KP114")}), _directory),
    Case("fifo-named-like-a-record", "files", frozenset({(P, 1, "KP114")}), _fifo),
    Case("empty-records-folder", "files", frozenset({("records", 1, "KP116")}), _empty_records),
    Case("no-records-folder", "files", frozenset({("records", 1, "KP116")}), _no_records),
    Case("records-is-a-file", "files", frozenset({("records", 1, "KP116")}),
         _records_is_a_file),
    Case("non-ascii-file-name", "files",
         frozenset({(f"records/people/{NFC}.yaml", 2, "KP301")}),
         _named(f"{NFC}.yaml".encode(), PERSON.replace("jan-novy", "jiri-cerny"))),
    Case("decomposed-file-name", "files",
         frozenset({(f"records/people/{NFD}.yaml", 2, "KP301")}),
         _named(f"{NFD}.yaml".encode(), PERSON.replace("jan-novy", "jiri-cerny"))),
    Case("windows-1250-file-name", "files", frozenset({("*", 0, "*")}),
         _named("jiří.yaml".encode("cp1250"), PERSON), env={"PYTHONIOENCODING": "utf-8"}),
]


def _static() -> list[Case]:
    cases = []
    for folder in sorted(p for p in HOSTILE.iterdir() if p.is_dir()):
        options: dict[str, str] = {}
        listing = folder / "options.txt"
        if listing.exists():
            for line in listing.read_text(encoding="utf-8").splitlines():
                key, _, value = line.partition(": ")
                options[key] = value
        cases.append(Case(folder.name, options["group"], frozenset(expected(folder)), None,
                          int(options.get("exit", "1")), tuple(options.get("args", "").split()),
                          bug=options.get("bug", ""), overlay=folder))
    return cases


CASES = _static() + GENERATED
CASE_IDS = [c.name for c in CASES]


# --- the run ---------------------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, tuple[str, ...]]:
    """Every entry below `root`: kind, and content hash and mtime for files (pipes unopened)."""
    seen: dict[str, tuple[str, ...]] = {}
    for folder, dirs, files in os.walk(os.fsencode(root)):
        for name in dirs + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            rel = os.fsdecode(os.path.relpath(path, os.fsencode(root)))
            if stat.S_ISLNK(info.st_mode):
                seen[rel] = ("link", os.fsdecode(os.readlink(path)))
            elif stat.S_ISREG(info.st_mode):
                digest = hashlib.sha256()
                with open(path, "rb") as data:
                    for block in iter(lambda d=data: d.read(MB), b""):  # type: ignore[misc]
                        digest.update(block)
                seen[rel] = ("file", digest.hexdigest(), str(info.st_mtime_ns))
            else:
                seen[rel] = ("dir" if stat.S_ISDIR(info.st_mode) else "other",)
    return seen


@dataclass(frozen=True)
class Run:
    code: int | None
    out: str
    err: str
    seconds: float

    @property
    def problems(self) -> set[tuple[str, int, str]]:
        return {(m[1], int(m[2]), m[4]) for m in PROBLEM.finditer(self.out)}


def lint(root: Path, cwd: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    """`python -m lint --root ROOT` as a child process, killed after HANG_GUARD seconds."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1",
               **(env or {})}
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "lint", "--root", str(root), "--today", TODAY, *args],
            cwd=cwd, env=environ, capture_output=True, timeout=HANG_GUARD, check=False)
    except subprocess.TimeoutExpired as hung:
        return Run(None, _text(hung.stdout), _text(hung.stderr), time.perf_counter() - started)
    return Run(done.returncode, _text(done.stdout), _text(done.stderr),
               time.perf_counter() - started)


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", errors="replace")


def _matches(case: Case, found: set[tuple[str, int, str]]) -> bool:
    if ("*", 0, "*") in case.expect:  # any located problem will do
        return bool(found)
    return case.expect <= found


def _outcome(run: Run, case: Case, found: set[tuple[str, int, str]]) -> str:
    if run.code is None:
        return f"hang: killed after {HANG_GUARD:.0f} s"
    if "Traceback" in run.err:
        last = run.err.strip().splitlines()[-1]
        return f"exit {run.code}, traceback: {last.split(':')[0]}"
    mine = sorted(f for f in found if case.overlay is None or f in case.expect) or sorted(found)
    codes = ", ".join(f"{code} @ {line}" for _file, line, code in mine[:3])
    return f"exit {run.code}: {codes or 'nothing reported'}"


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=[pytest.mark.xfail(
    strict=True, reason=c.bug)] if c.bug else []) for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", *([case.overlay] if case.overlay else []))
    if case.build is not None:
        case.build(root)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    before = snapshot(tmp_path)
    run = lint(root, cwd, *case.args, env=case.env)
    after = snapshot(tmp_path)
    found = run.problems
    located = _matches(case, found)
    ok = (run.code == case.exit and located and "Traceback" not in run.err + run.out
          and before == after)
    expect = ", ".join(f"{code} @ {line}" for _f, line, code in sorted(case.expect)
                       if code != "*") or "any located problem"
    record(Row("hostile", case.name, _outcome(run, case, found), ok, case.bug,
               round(run.seconds, 3), {"inputs": 1},
               {"group": case.group, "expect": f"exit {case.exit}: {expect}"}))
    assert run.code is not None, f"hung: killed after {HANG_GUARD} s"
    assert "Traceback" not in run.err + run.out, run.err
    assert run.code == case.exit, run.out + run.err
    assert located, (sorted(case.expect), sorted(found))
    assert run.err.strip().splitlines()[-1].startswith("Zkontrolováno"), run.err
    for _file, _line, code in case.expect:  # every expected problem names its file first
        assert code == "*" or any(line.split(":")[0] == _file and code in line
                                  for line in run.out.splitlines())
    assert before == after, "the linter wrote or changed something"
    assert list(cwd.iterdir()) == []


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 50
    assert {c.group for c in CASES} == set(GROUPS)


GROUPS = {
    "syntax": "YAML syntax errors of every kind",
    "tabs": "tabs",
    "duplicate-keys": "duplicate keys",
    "encoding": "other encodings and binary files",
    "bom-and-line-ends": "byte order mark, CRLF, CR",
    "size": "huge files",
    "nesting": "deep nesting",
    "aliases-and-merge-keys": "aliases, anchors (billion laughs), merge keys",
    "tags": "`!!python/object` and other tags",
    "dates-and-times": "impossible dates, 24:00, DST-gap times",
    "types": "numbers, booleans and nulls where text belongs",
    "unicode": "invisible and look-alike characters",
    "not-records": "empty files and files that are not records",
    "files": "links, directories, pipes, empty records/, non-ASCII names",
}
"""The groups of the corpus, as the matrix in docs/robustness.md titles them."""
