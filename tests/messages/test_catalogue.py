"""One catalogue per language: the same keys with the same placeholders, and the shared helpers."""

from __future__ import annotations

import datetime as dt
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from messages import (
    CATALOGUES,
    LANGUAGES,
    counted,
    date_cs,
    long_date_cs,
    month_cs,
    plural_cs,
    say,
    shown,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("lint", "sync", "edit", "web")


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_both_languages_have_the_same_keys() -> None:
    cs, en = CATALOGUES["cs"], CATALOGUES["en"]
    assert sorted(set(cs) - set(en)) == []
    assert sorted(set(en) - set(cs)) == []
    assert LANGUAGES == ("cs", "en")


@pytest.mark.parametrize("key", sorted(CATALOGUES["cs"]))
def test_both_languages_have_the_same_placeholders(key: str) -> None:
    assert _fields(CATALOGUES["cs"][key]) == _fields(CATALOGUES["en"][key]), key
    for lang in LANGUAGES:
        assert CATALOGUES[lang][key].strip(), (lang, key)


def test_keys_are_namespaced_by_package() -> None:
    spaces = {key.split(".")[0] for key in CATALOGUES["cs"]}
    assert spaces == {"common", "count", *PACKAGES}


def test_every_counted_word_has_its_three_forms() -> None:
    stems = {k.rsplit(".", 1)[0] for k in CATALOGUES["cs"] if k.startswith("count.")}
    for stem in stems:
        for form in ("one", "few", "many"):
            assert f"{stem}.{form}" in CATALOGUES["cs"], stem


@pytest.mark.parametrize(("count", "cs", "en"), [
    (0, "0 souborů", "0 files"), (1, "1 soubor", "1 file"), (2, "2 soubory", "2 files"),
    (4, "4 soubory", "4 files"), (5, "5 souborů", "5 files"), (22, "22 souborů", "22 files")])
def test_counted_words(count: int, cs: str, en: str) -> None:
    assert counted(count, "count.file", "cs") == cs
    assert counted(count, "count.file", "en") == en
    assert plural_cs(count, "soubor", "soubory", "souborů") == cs


def test_czech_dates() -> None:
    assert date_cs(dt.date(2022, 8, 31)) == "31. 8. 2022"
    assert long_date_cs(dt.date(2022, 8, 31)) == "31. srpna 2022"
    assert long_date_cs(dt.date(2023, 1, 1)) == "1. ledna 2023"
    assert long_date_cs(dt.date(2022, 7, 6)) == "6. července 2022"
    assert month_cs(2022, 7) == "červenec 2022"
    assert month_cs(2022, 12) == "prosinec 2022"


def test_sync_texts_show_every_argument_on_one_line() -> None:
    hostile = "x\n::error::forged\x1b[2J"
    said = say("sync.sync", "en", detail=hostile)
    assert "\n" not in said
    assert "\x1b" not in said
    assert said == "Sync failed: x\\n::error::forged\\x1b[2J"
    assert len(say("sync.sync", "en", detail="a" * 1000)) < 400


def test_other_texts_are_filled_as_given() -> None:
    assert say("edit.written", "en", path="a\nb") == "Created: a\nb"
    assert say("lint.KP201", "cs", property="x", field="y") == "Chybí povinné pole „x“ (v y)."


def test_a_missing_argument_reads_as_empty() -> None:
    assert say("edit.written", "cs") == "Založeno: "


def test_shown_escapes_and_shortens() -> None:
    assert shown("a\u202eb") == "a\\u202eb"
    assert shown("a b") == "a b"
    assert shown("abcdef", limit=4) == "abc…"


def test_the_catalogue_imports_no_package_of_ours() -> None:
    code = ("import sys, messages; print(' '.join(sorted({m.split('.')[0] for m in sys.modules "
            f"if m.split('.')[0] in {PACKAGES!r}}})))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=60)
    assert done.stdout.strip() == ""


def test_arguments_may_be_named_key_or_lang() -> None:
    assert say("lint.KP102", "en", key="date", lang="x") == "Field 'date' appears twice."


_SAID = re.compile(r"""\bsay\(\s*["']([a-z][\w.-]*)["']""")
_REFUSED = re.compile(r"""\bEditError\(\s*["']([a-z][\w-]*)["']""")
_SYNC_ERROR = re.compile(r"""^    key = ["']([a-z][\w.]*)["']""", re.MULTILINE)


def _found(pattern: re.Pattern[str], *packages: str) -> set[str]:
    return {key for package in packages for path in (ROOT / package).rglob("*.py")
            for key in pattern.findall(path.read_text(encoding="utf-8"))}


def test_every_literal_key_in_the_code_exists() -> None:
    """Keys written out in the code (a typo would only show when that text is said)."""
    used = _found(_SAID, *PACKAGES) | {f"edit.{key}" for key in _found(_REFUSED, "edit")}
    used |= _found(_SYNC_ERROR, "sync") - {"sync.reported"}  # Reported says its own lines
    assert len(used) > 80
    assert sorted(used - set(CATALOGUES["cs"])) == []
