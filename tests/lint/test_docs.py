"""docs/rules.md is generated from the rules, the messages and the cases, and kept up to date."""

from __future__ import annotations

import re

from lint import docs
from lint.codes import names

RULES_MD = docs.ROOT / "docs" / "rules.md"


def test_rules_md_is_up_to_date() -> None:
    current = RULES_MD.read_text(encoding="utf-8") if RULES_MD.exists() else ""
    assert current == docs.render(), (
        "docs/rules.md is out of date: run `python -m lint.docs > docs/rules.md`")


def test_every_code_has_an_anchor_and_a_heading() -> None:
    text = docs.render()
    for code, (name, _) in names().items():
        assert f'<a id="{code.lower()}"></a>' in text
        assert re.search(rf"^## {code} {re.escape(name)}$", text, re.MULTILINE), code
