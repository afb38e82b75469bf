"""Read and write records with ruamel.yaml round-trip, typed the way the linter reads them.

Loading resolves plain scalars exactly like `lint.parse.scalar` (YAML 1.2 core, narrowed): what
the formatter holds is what the linter sees, so `14:00`, `010` and `2022-08-31` stay strings.
Dumping quotes a string whenever *either* that reading or a stock YAML 1.2 parser (the editor's
YAML extension) would take its plain form for something else, and always with double quotes, so
a record means the same to every tool that opens it.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from lint.parse import scalar

WIDTH = 100
MODELINE_PREFIX = "# yaml-language-server: $schema="
_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=\S*\s*$")

_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"
_WORDS = re.compile(r" +|[^ ]+")
_TAGS = {type(None): "null", bool: "bool", int: "int", float: "float", str: "str"}
_STOCK = VersionedResolver(version=(1, 2))
_HARMLESS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
"""Stock YAML 1.2 tags a plain string may resolve to and still read as text everywhere (dates
stay plain, as editors write them)."""


def breakable(tokens: list[str], index: int) -> bool:
    """Whether a plain scalar may wrap at token `index`: a single space between words, where
    Czech typography allows (no line ends in a one-letter word such as v, s, k, a, or in an
    abbreviation or a date part such as p., č., 31., 8.) and the next line does not start with
    a YAML indicator."""
    if tokens[index] != " " or index == 0 or index + 1 >= len(tokens):
        return False
    before, after = tokens[index - 1].lstrip("(„\"'[«‚"), tokens[index + 1]
    short = len(before) <= 2 or (len(before) <= 3 and before.endswith("."))
    return not short and after[0] not in _INDICATORS


def _linter_tag(value: str) -> str:
    typed = scalar(str(value))
    return "tag:yaml.org,2002:" + ("str" if isinstance(typed, str) else _TAGS[type(typed)])


class LoadResolver(VersionedResolver):
    """Plain scalars typed exactly as the linter types them."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return Tag(suffix=_linter_tag(value))
        return super().resolve(kind, value, implicit)


class DumpResolver(LoadResolver):
    """Plain only where the linter and a stock YAML 1.2 parser both read a string."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(kind, value, implicit)
        if kind is ScalarNode and implicit[0] and str(tag) == "tag:yaml.org,2002:str":
            stock = str(_STOCK.resolve(ScalarNode, value, (True, False)))
            if stock not in _HARMLESS:
                return Tag(suffix=stock)
        return tag


class Emitter(RoundTripEmitter):
    """Double quotes wherever quotes are needed, and long plain text wrapped without trailing
    spaces (ruamel leaves the space before a wrapped word at the end of the line)."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        # Never wrapped: ruamel's wrapping of quoted text can add a space after an escaped
        # backslash (found by tests/edit/test_format.py); long quoted text is rare in records.
        super().write_double_quoted(text, split=False)

    def write_plain(self, text: Any, split: Any = True) -> None:
        # The emitter never picks plain style for text with line breaks or edge spaces.
        if self.root_context or not text or "\n" in text:
            super().write_plain(text, split)
            return
        if not self.whitespace:
            self._put(" ")
        self.whitespace = self.indention = False
        tokens = _WORDS.findall(text)
        for index, token in enumerate(tokens):
            if split and breakable(tokens, index) and self._overflows(tokens, index):
                self.write_indent()  # a single space folds into the line break (YAML 1.2 6.5)
                self.whitespace = self.indention = False
            else:
                self._put(token)

    def _overflows(self, tokens: list[str], index: int) -> bool:
        """Whether the text up to the next possible break no longer fits on this line."""
        end = index + 1
        while end < len(tokens) and not breakable(tokens, end):
            end += 1
        following = sum(len(token) for token in tokens[index + 1:end])
        return (self.indent is not None and self.column > self.indent
                and self.column + 1 + following > self.best_width)

    def _put(self, data: str) -> None:
        self.column += len(data)
        self.stream.write(data.encode(self.encoding) if self.encoding else data)


def _yaml(resolver: type[VersionedResolver]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = resolver
    yaml.Emitter = Emitter
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


_LOADER = _yaml(LoadResolver)
_DUMPER = _yaml(DumpResolver)


def load(text: str, first_line: int = 1) -> Any:
    """Round-trip data (CommentedMap, comments attached) from YAML text that starts at line
    `first_line` of its file (errors then name the file's line)."""
    try:
        return _LOADER.load(text)
    except YAMLError as exc:
        for mark in (getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)):
            if mark is not None:
                mark.line += first_line - 1
        raise


def dump(data: Any) -> str:
    """YAML text of round-trip data in the canonical layout (indentation, width, quoting)."""
    out = io.StringIO()
    _DUMPER.dump(data, out)
    return out.getvalue()


def modeline(path: Path, schema: Path) -> str:
    """The yaml-language-server comment pointing from `path` to `schema`, relatively."""
    rel = Path(os.path.relpath(schema, path.parent)).as_posix()
    return MODELINE_PREFIX + rel


def split_modeline(text: str) -> tuple[str | None, str]:
    """The modeline (if the first line is one) and the rest of the text."""
    first, _, rest = text.partition("\n")
    if _MODELINE.fullmatch(first.strip()):
        return first.strip(), rest
    return None, text
