"""The broken variant: the mistakes editors make, one per chosen meeting file.

Only meetings nothing refers to are broken (no decision, task check, next_meeting or
postponement points at them, and they check no task), so each broken file yields errors in that
file alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Break = Callable[[str], str | None]


def _sub(pattern: str, replacement: str) -> Break:
    def apply(text: str) -> str | None:
        changed, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        return changed if count else None
    return apply


def _swap_times(text: str) -> str | None:
    """End before start (KP401)."""
    start = re.search(r'^start: "(\d\d:\d\d)"$', text, re.MULTILINE)
    end = re.search(r'^end: "(\d\d:\d\d)"$', text, re.MULTILINE)
    if not (start and end):
        return None
    text = text.replace(start.group(0), f'start: "{end.group(1)}"')
    return text.replace(end.group(0), f'end: "{start.group(1)}"')


def _typo_in_reference(text: str) -> str | None:
    """A person id with a letter of the surname dropped, `jana-horakva` (KP303)."""
    match = re.search(r"^  present:\n    - ([a-z]+-[a-z]+)([a-z])([a-z])((?:-\d+)?)$", text,
                      re.MULTILINE)
    if match is None:
        return None
    wrong = match.group(1) + match.group(3) + match.group(4)
    return text.replace(match.group(0), f"  present:\n    - {wrong}", 1)


BREAKS: tuple[tuple[str, Break], ...] = (
    ("unclosed quote (KP101)", _sub(r'^title: (.*)$', r'title: "\1')),
    ("misspelt field name (KP202)", _sub(r"^status: ", "stav: ")),  # one message: lint/schema
    ("status not in the list (KP204)", _sub(r"^status: \w+$", "status: konalo se")),
    ("date as Czech text (KP205)",
     _sub(r"^date: (\d{4})-0?(\d+)-0?(\d+)$", r'date: "\3. \2. \1"')),
    ("time with a dot (KP206)", _sub(r'^start: "(\d\d):(\d\d)"$', r'start: "\1.\2"')),
    ("unknown person (KP303)", _typo_in_reference),
    ("duplicated key (KP102)", _sub(r"^(title: .*)$", r"\1\n\1")),
    ("tab in indentation (KP103)", _sub(r"^  - (\S)", "\t- \\1")),
    ("end before start (KP401)", _swap_times),
)


def break_text(text: str, index: int) -> tuple[str, str]:
    """The `index`-th kind of mistake that applies to this text, and its description."""
    for step in range(len(BREAKS)):
        name, apply = BREAKS[(index + step) % len(BREAKS)]
        broken = apply(text)
        if broken is not None and broken != text:
            return broken, name
    raise ValueError("no mistake applies to this text")  # every meeting has a title
