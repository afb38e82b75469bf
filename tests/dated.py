"""Dated items for the tests of several packages: a calendar that takes them, and writing them."""

from __future__ import annotations

import textwrap
from pathlib import Path

TERMINY = """# yaml-language-server: $schema=../../schemas/calendar.schema.json
id: terminy
name: KPSS Liberec – Termíny a výzvy
description: Termíny a výzvy ze zápisů z jednání.
kinds:
  - dated
"""


def add_terminy(root: Path) -> None:
    """records/calendars/terminy.yaml, unless the records have it already."""
    path = root / "records" / "calendars" / "terminy.yaml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TERMINY, encoding="utf-8")


def write_records(folder: Path, records: dict[str, str], schema: str) -> None:
    """One file per id in `folder`, with the schema's modeline and the (dedented) body."""
    folder.mkdir(parents=True, exist_ok=True)
    for rid, body in records.items():
        text = f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n"
        (folder / f"{rid}.yaml").write_text(text + f"id: {rid}\n" + textwrap.dedent(body),
                                           encoding="utf-8")
