"""The README as a newcomer reads it: its first two commands are the ones CI runs, and every
link in it and in docs/ leads somewhere inside the repository."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"(?<!\!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


def readme_commands() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readme_commands",
                                                  ROOT / "scripts/readme_commands.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_first_two_commands_are_the_main_job_and_the_tests() -> None:
    main_job, tests = readme_commands().commands((ROOT / "README.md").read_text("utf-8"))[:2]
    assert main_job == "python3 kpss.py -s serve"
    assert tests == "python3 kpss.py -s quality lint tests"


def test_ci_runs_the_readme_commands_in_a_clean_environment() -> None:
    script = readme_commands()
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "python3 scripts/readme_commands.py" in [line.strip() for line in ci.splitlines()]
    assert "nox" not in re.sub(r"#.*", "", ci)  # nothing else runs nox: the README's lines do
    assert script.CLEAN_PATH == "PATH=/usr/bin:/bin"
    source = (ROOT / "scripts/readme_commands.py").read_text(encoding="utf-8")
    assert '"env", "-i"' in source


def test_commands_are_read_from_the_first_sh_block_only() -> None:
    text = "x\n```sh\nfirst one   # note\n\nsecond  # note\n```\n```sh\nthird\n```\n"
    assert readme_commands().commands(text) == ["first one", "second"]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`|\*\*|\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip()).lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text, re.MULTILINE):
        base, n = slug(heading), 0
        while (name := base if n == 0 else f"{base}-{n}") in found:
            n += 1
        found.add(name)
    found.update(re.findall(r"""<a\s+(?:id|name)=["']([^"']+)["']""", text))
    return found


def links(path: Path) -> list[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    text = re.sub(r"`[^`\n]*`", "", text)
    return LINK.findall(text)


@pytest.mark.parametrize("doc", DOCS, ids=[d.relative_to(ROOT).as_posix() for d in DOCS])
def test_every_relative_link_and_anchor_resolves(doc: Path) -> None:
    broken = []
    for target in links(doc):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:, webcal: lead outside
            continue
        file, _, anchor = target.partition("#")
        dest = (doc.parent / unquote(file)).resolve() if file else doc
        missing = not dest.is_relative_to(ROOT) or not dest.exists()
        if missing or (anchor and dest.suffix == ".md" and unquote(anchor) not in anchors(dest)):
            broken.append(target)
    assert not broken, broken


def test_the_slug_is_githubs() -> None:
    assert slug("Linter: `python -m lint`") == "linter-python--m-lint"
    assert slug("Vlastní repozitář pro jiné město") == "vlastní-repozitář-pro-jiné-město"
