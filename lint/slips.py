"""Where a YAML syntax error really is, and which slip of the editor's hand caused it.

libyaml reports where it gave up, which is often lines after the slip: an unclosed quote on line 5
is found at the next line that looks like a key, `status:held` on line 10 at line 11. When a
text does not parse, the lines up to that place are read for the slips editors make, and the
first one found is reported at its own line, named in the editor's words, with the corrected line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import yaml

_INDENT = r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][A-Za-z0-9_]*)"
"""A line's indentation (with a list item's dash) and a field name."""
_QUOTED = re.compile(r"^(?P<head>\s*(?:-\s+)*(?:[^\s:#'\"-][^:#]*?:\s+)?)(?P<q>[\"'])"
                     r"(?P<rest>.*)$")
_NO_SPACE = re.compile(_INDENT + r":(?P<rest>[^\s/].*)$")
_KEY = re.compile(_INDENT + r":(?:\s+(?P<value>.*))?$")
_BLOCK_START = re.compile(r"^(?P<indent>\s*(?:-\s+)?)[A-Za-z_][A-Za-z0-9_]*:\s+[|>][-+]?\s*$")
_MARKDOWN_LINE = re.compile(r"^\s*(?:[-*]\s+)?(?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ*#>|]|\d+\.)")
"""A line of text as minutes write it: a capital letter, bold, a heading, a table, a number."""
_FIELD_LINE = re.compile(r"^\s*(?:-\s+)?[a-z_]+:(?:\s|$)")
"""A line that starts like a field of a record (field names are lower-case ASCII)."""
_SPACED_TIME = re.compile(r"\d{1,2}\s*:\s+\d{2}")
_WORD_THEN_TEXT = re.compile(_INDENT + r"\s+(?P<rest>[^:]+)$")


@dataclass(frozen=True)
class Slip:
    """A diagnosed syntax error: its place, what it is (a key of the KP101 reasons), the line
    as it should be (or "" when no single line fixes it) and arguments for the message."""

    line: int
    column: int
    reason: str
    fixed: str = ""
    key: str = ""
    spaces: int = 0


def diagnose(text: str, exc: yaml.MarkedYAMLError) -> Slip | None:
    """The slip that made `text` fail to parse with `exc`, if it is one editors make."""
    lines = text.split("\n")
    marks = [m for m in (exc.problem_mark, exc.context_mark) if m is not None]
    last = min(max((m.line for m in marks), default=len(lines) - 1), len(lines) - 1)
    for check in _CHECKS:
        slip = check(lines, last, exc)
        if slip is not None:
            return slip
    return None


def _odd_space(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    """A non-breaking or other unusual space in the indentation (pasted from Word or the web):
    YAML indents with plain spaces only."""
    for number, line in _content(lines, last):
        indent = line[:len(line) - len(line.lstrip())]
        odd = next((i for i, c in enumerate(indent) if c not in " \t"), None)
        if odd is not None:
            fixed = " " * len(indent) + line.lstrip()
            return Slip(number, odd + 1, "odd-space", fixed.strip(), spaces=len(indent))
    return None


def _block_text(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    """A line of a `|` text indented less than the text's first line: YAML ends the text
    there and reads the line as a field."""
    line = lines[last]
    indent = len(line) - len(line.lstrip())
    for index in range(last - 1, -1, -1):
        match = _BLOCK_START.match(lines[index])
        if match is None:
            continue
        body = [row for row in lines[index + 1:last] if row.strip()]
        width = len(body[0]) - len(body[0].lstrip()) if body else 0
        beside = len(match["indent"]) < indent or not _FIELD_LINE.match(line)
        if body and beside and indent < width and all(
                len(row) - len(row.lstrip()) >= width for row in body):
            return Slip(last + 1, indent + 1, "text-indentation", line.strip(), spaces=width)
        return None
    return None


def _missing_pipe(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    """`content:` followed by lines of Markdown text: the `|` that starts a text is missing."""
    for index in range(last, -1, -1):
        match = _KEY.match(lines[index])
        if match is None or match["value"]:
            continue
        following = next((row for row in lines[index + 1:last + 1] if row.strip()), "")
        if _MARKDOWN_LINE.match(following) and len(following) - len(following.lstrip()) > len(
                match["indent"]):
            return Slip(index + 1, len(match["indent"]) + 1, "missing-pipe",
                        lines[index].strip() + " |", match["key"])
        return None
    return None


def _quotes(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    for number, line in _content(lines, last):
        match = _QUOTED.match(line)
        if not match:
            continue
        quote, rest = match["q"], match["rest"]
        end = _closing(rest, quote)
        column = len(match["head"]) + 1
        if end is None:
            return Slip(number, column, "unclosed-quote", line.rstrip() + quote)
        after = rest[end + 1:].split(" #", 1)[0].strip()
        if after:
            return Slip(number, column, "text-after-quote",
                        f'{match["head"].strip()} {_requoted(rest.split(" #", 1)[0], quote)}')
    return None


def _requoted(rest: str, quote: str) -> str:
    """The text between the first and the last quote, in the other kind of quotes (an
    apostrophe or a quotation inside it is then plain text), or without inner quotes."""
    body = rest.rstrip()
    if body.endswith(quote) and len(body) > 1:
        inner = body[:-1]
        other = "'" if quote == '"' else '"'
        if other not in inner:
            return f"{other}{inner}{other}"
    return '"' + " ".join(body.replace('"', "").split()) + '"'


def _closing(rest: str, quote: str) -> int | None:
    index = 0
    while index < len(rest):
        char = rest[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and rest[index + 1:index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _no_space(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    for number, line in _content(lines, last):
        match = _NO_SPACE.match(line)
        if match and not _QUOTED.match(line):
            fixed = f"{match['indent']}{match['key']}: {match['rest']}".strip()
            return Slip(number, len(match["indent"]) + len(match["key"]) + 1, "missing-space",
                        fixed, match["key"])
    return None


def _no_colon(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    if "could not find expected ':'" not in (exc.problem or "") or exc.context_mark is None:
        return None
    number = exc.context_mark.line
    match = _WORD_THEN_TEXT.match(lines[number])
    fixed = f"{match['indent']}{match['key']}: {match['rest']}".strip() if match else ""
    return Slip(number + 1, exc.context_mark.column + 1, "missing-colon", fixed)


def _colon_in_value(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    if "mapping values are not allowed" not in (exc.problem or ""):
        return None
    line = lines[last]
    match = _KEY.match(line)
    if match and match["value"] and _SPACED_TIME.fullmatch(match["value"].strip()):
        time = "".join(match["value"].split())
        return Slip(last + 1, len(match["indent"]) + 1, "space-in-time",
                    f'{match["indent"].strip()} {match["key"]}: "{time}"'.strip())
    if not _FIELD_LINE.match(line) and _continues_text(lines, last):
        return Slip(last + 1, len(line) - len(line.lstrip()) + 1, "colon-in-text")
    if match and match["value"] and ": " in match["value"]:
        value = match["value"].replace('"', "'")
        return Slip(last + 1, len(match["indent"]) + 1, "colon-in-value",
                    f'{match["indent"].strip()} {match["key"]}: "{value}"'.strip())
    return _indentation(lines, last, exc)


def _continues_text(lines: list[str], last: int) -> bool:
    """Whether line `last` goes on with the plain text of the field above it (indented more
    than that field, and the field's text not a quoted or block one)."""
    indent = len(lines[last]) - len(lines[last].lstrip())
    for before in reversed(lines[:last]):
        if not before.strip():
            continue
        match = _KEY.match(before)
        if match is None:
            continue  # a line of the text itself
        value = (match["value"] or "").strip()
        return (len(match["indent"]) < indent and bool(value)
                and value[0] not in "|>\"'[{&*!")
    return False


def _indentation(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    problem = exc.problem or ""
    if not any(p in problem for p in ("did not find expected key", "did not find expected '-'",
                                       "mapping values are not allowed", "expected <block end>")):
        return None
    line = lines[last]
    unindented = _unindented_before(lines, last)
    if unindented is not None:
        return unindented
    width = _expected_indent(lines, last, exc)
    fixed = " " * width + line.strip() if width is not None else ""
    reason = "indentation" if width else "indentation-none"
    return Slip(last + 1, len(line) - len(line.lstrip()) + 1, reason, fixed.strip(),
                spaces=width or 0)


def _unindented_before(lines: list[str], last: int) -> Slip | None:
    """`minutes:` / `author: x` / `  status: y`: the field after an empty field should have
    been indented under it, like the field that follows it."""
    before = [(i, row) for i, row in enumerate(lines[:last]) if row.strip()
              and not row.strip().startswith("#")][-2:]
    if len(before) < 2:
        return None
    (_, parent), (index, field) = before
    above, here = _KEY.match(parent), _KEY.match(field)
    indent = len(lines[last]) - len(lines[last].lstrip())
    if (above and here and not above["value"] and len(above["indent"]) == len(here["indent"])
            and indent > len(here["indent"])):
        return Slip(index + 1, len(here["indent"]) + 1, "indentation", field.strip(),
                    spaces=indent)
    return None


def _expected_indent(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> int | None:
    """How far the offending line should be indented: like the fields around it."""
    here = lines[last].lstrip()
    if exc.context_mark is not None and "block collection" in (exc.context or ""):
        return exc.context_mark.column + (0 if here.startswith("- ") else 2)
    if exc.context_mark is not None and "block mapping" in (exc.context or ""):
        return exc.context_mark.column
    for before in reversed(lines[:last]):
        match = _KEY.match(before)
        if match:
            return len(match["indent"])
    return None


def _flow(lines: list[str], last: int, exc: yaml.MarkedYAMLError) -> Slip | None:
    problem = exc.problem or ""
    if "block sequence entries are not allowed" in problem:
        match = _KEY.match(lines[last])
        item = (match["value"] or "").lstrip("- ").strip() if match else ""
        fixed = f"{match['indent']}{match['key']}: [{item}]".strip() if match else ""
        return Slip(last + 1, exc.problem_mark.column + 1 if exc.problem_mark else 1,
                    "list-on-key-line", fixed)
    if "did not find expected ','" in problem and exc.context_mark is not None:
        number = exc.context_mark.line
        closing = "]" if "sequence" in (exc.context or "") else "}"
        return Slip(number + 1, exc.context_mark.column + 1, "unclosed-bracket",
                    lines[number].rstrip() + closing)
    return None


def _content(lines: list[str], last: int) -> Iterator[tuple[int, str]]:
    """(1-based number, line) of lines up to `last` that hold more than a comment."""
    for index, line in enumerate(lines[:last + 1]):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped != "---":
            yield index + 1, line


_CHECKS: tuple[Callable[[list[str], int, yaml.MarkedYAMLError], Slip | None], ...] = (
    _odd_space, _block_text, _missing_pipe, _quotes, _no_space, _no_colon, _flow,
    _colon_in_value, _indentation)


def tab_fixes(text: str) -> list[tuple[int, int, int, str]]:
    """(line, column, spaces, corrected line) for every line with a tab.

    A tab in the indentation is replaced by as many spaces as the line's place needs, judged the
    way the formatter lays records out: a list under its field two spaces in, a field like the
    field before it, a field of a list item under the item's first field."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        column = line.find("\t")
        if column < 0:
            continue
        body = line.lstrip(" \t")
        if "\t" not in line[:len(line) - len(body)]:
            found.append((index + 1, column + 1, 1, line.replace("\t", " ")))
            continue
        width = _indent_after(lines[:index], body)
        found.append((index + 1, column + 1, width, " " * width + body))
        lines[index] = " " * width + body
    return found


def _indent_after(before: list[str], body: str) -> int:
    for line in reversed(before):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if stripped.endswith(":"):
            return indent + 2
        if stripped.startswith("- ") and not body.startswith("- ") and _KEY.match(line):
            return indent + 2
        return indent
    return 0
