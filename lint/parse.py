"""Read one record file into plain data, keeping where every value came from.

libyaml composes the node tree (fast, with line and column); we turn nodes into values ourselves
so that YAML 1.1 surprises never reach the schema: `17:00` stays a string (not 1020), `no` stays a
string (not False), `010` stays a string, and dates stay strings until the schema has seen them.
Aliases, merge keys and tags are refused: records are data typed by hand, and an alias bomb must
cost nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from lint import slips
from lint.problem import Finding, Pointer

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64
"""Levels of nesting a record may have, the top-level mapping being the first."""
_CHEAP_DEPTH_BOUND = 2000
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = {_STR, _SEQ, _MAP, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
               "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"}

# YAML 1.2 core schema, narrowed: what a person typing a record means by a bare word.
_NULL = {"null", "Null", "NULL", "~", ""}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_MAYBE_NOT_TEXT = frozenset("nN~tTfF+-.0123456789")
"""First characters of every null, boolean and number above."""

try:
    _Base: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - PyYAML wheels ship libyaml; source builds may not
    _Base = yaml.BaseLoader

_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}


class _Loader(_Base):
    """libyaml's loader, answering the resolver's questions without the resolver's work.

    libyaml composes in C but asks these three Python methods about every node. BaseResolver
    has no implicit or path resolvers, so its answers are always the default tags: answered
    directly, composing takes a quarter less time.
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]


@dataclass(frozen=True)
class Parsed:
    """A file's data (None when it could not be read) and what went wrong reading it."""

    data: Any
    findings: tuple[Finding, ...]
    text: str = ""


class _RefusedError(Exception):
    def __init__(self, code: str, line: int, column: int, **args: object) -> None:
        super().__init__(code)
        self.code, self.line, self.column, self.args_ = code, line, column, args


def read_text(path: Path, rel: str) -> tuple[str | None, list[Finding]]:
    """Read a file as UTF-8 text, refusing what is too big, binary or in another encoding."""
    try:
        with open(path, "rb") as handle:  # one open and read, no separate stat per file
            raw = handle.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                size = os.fstat(handle.fileno()).st_size
                return None, [Finding("KP109", rel, args={"size": size, "limit": MAX_BYTES})]
    except OSError as exc:
        return None, [Finding("KP114", rel, args={"reason": exc.strerror or str(exc)})]
    findings: list[Finding] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        findings.append(Finding("KP112", rel, line=1, column=1))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Finding("KP104", rel, line=line, column=column,
                              args={"byte": f"0x{raw[exc.start]:02x}"})]
    if "\x00" in text:
        line, column = position(text, text.index("\x00"))
        return None, [Finding("KP104", rel, line=line, column=column, args={"byte": "0x00"})]
    return text, findings


def parse_file(path: Path, rel: str) -> Parsed:
    """Read and parse one record file; never raises for bad content."""
    text, findings = read_text(path, rel)
    if text is None:
        return Parsed(None, tuple(findings))
    data, more = parse_text(text, rel)
    return Parsed(data, tuple(findings + more), text)


def parse_text(text: str, rel: str) -> tuple[Any, list[Finding]]:
    """Parse YAML text into plain values; problems carry their own line and column."""
    if not text.strip() or all(_is_comment(line) for line in text.splitlines()):
        return None, [Finding("KP105", rel, line=1, column=1)]
    tabs = slips.tab_fixes(text) if "\t" in text else []
    findings = [Finding("KP103", rel, line=line, column=col, args={"spaces": spaces,
                                                                   "fixed": fixed.strip()})
                for line, col, spaces, fixed in tabs]
    try:
        _check_depth(text)
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            data = None
        elif _without_anchors_or_tags(text):
            data = _plain(node, 1)
        else:
            data = _Converter().value(node, 1)
        if data is None:  # no document, `~`, `null`, a bare `---`: a record with nothing in it
            return None, [*findings, Finding("KP105", rel, line=1, column=1)]
    except _RefusedError as exc:
        line, column = _first_alias(text) if exc.code == "KP106" else (exc.line, exc.column)
        refused = Finding(exc.code, rel, line=line, column=column, args=exc.args_)
        return None, [*findings, refused]
    except yaml.YAMLError as exc:
        if tabs and _parses(_without_tabs(text, tabs)):
            return None, findings  # the tabs are the mistake: one message each, no KP101
        return None, [*findings, _syntax_error(text, rel, exc)]
    return data, findings


def _without_tabs(text: str, tabs: list[tuple[int, int, int, str]]) -> str:
    lines = text.split("\n")
    for line, _column, _spaces, fixed in tabs:
        lines[line - 1] = fixed
    return "\n".join(lines)


def _parses(text: str) -> bool:
    try:
        yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return False
    return True


def _syntax_error(text: str, rel: str, exc: yaml.YAMLError) -> Finding:
    if not isinstance(exc, yaml.MarkedYAMLError):
        # libyaml's reader errors carry no mark: find the character it refused.
        bad = _UNACCEPTABLE.search(text)
        line, column = position(text, bad.start()) if bad else (1, 1)
        return Finding("KP101", rel, line=line, column=column, args={"detail": str(exc)})
    if exc.problem_mark and _LIBYAML_TOO_DEEP in (exc.problem or ""):
        line, column = _too_deep_at(text, exc.problem_mark)
        return Finding("KP113", rel, line=line, column=column, args={"limit": MAX_DEPTH})
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and exc.problem and "end of stream" in exc.problem:
        # An unclosed quote or bracket is found only at the end of the file; the place
        # where it was opened is where the editor has to look.
        mark = exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = " ".join(filter(None, [exc.context, exc.problem]))
    slip = slips.diagnose(text, exc)
    if slip is not None:
        return Finding("KP101", rel, line=slip.line, column=slip.column, args={
            "detail": problem, "reason": slip.reason, "fixed": slip.fixed, "key": slip.key,
            "spaces": slip.spaces})
    return Finding("KP101", rel, line=line, column=column,
                   args={"detail": problem, "reason": "other"})


_UNACCEPTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff"
                           "\ud800-\udfff]")
"""Characters YAML 1.1 does not accept in a stream (libyaml's reader refuses them)."""


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _first_alias(text: str) -> tuple[int, int]:
    """Where the first alias (`*name`) is: the composer reports the anchor it points to."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark:
            return event.start_mark.line + 1, event.start_mark.column + 1
    return 1, 1


def _check_depth(text: str) -> None:
    """Refuse deep nesting before libyaml's recursive composer can overflow the C stack."""
    # Every level of nesting needs one of these indicators, so their count bounds the depth.
    bound = sum(text.count(c) for c in "[{-:?")
    if bound >= _CHEAP_DEPTH_BOUND:
        _walk_depth(text)


def _too_deep_at(text: str, mark: yaml.Mark) -> tuple[int, int]:
    """Where nesting first passes MAX_DEPTH, in a text libyaml refused as nested too deep.

    The libyaml in PyYAML 6.0.4's wheels stops at 1,000 levels itself, and for flow
    collections its scanner reads that far ahead before the parser hands us the 65th level.
    The text before its refusal holds fewer levels, so walking it finds our own limit."""
    lines = text.split("\n", mark.line + 1)
    last = lines[mark.line][:mark.column] if mark.line < len(lines) else ""
    before = "\n".join([*lines[:mark.line], last])
    try:
        _walk_depth(before)
    except _RefusedError as exc:
        return exc.line, exc.column
    except yaml.YAMLError:
        pass
    return mark.line + 1, mark.column + 1


def _walk_depth(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise _RefusedError("KP113", line, column, limit=MAX_DEPTH)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _without_anchors_or_tags(text: str) -> bool:
    """No `&` means no anchors (so no alias can resolve) and no `!` means no tags: the fast
    converter below is then exact. Nearly every record qualifies."""
    return "&" not in text and "!" not in text


def _plain(node: Any, depth: int) -> Any:
    """`_Converter().value` for a text without anchors and tags, without their checks.

    `node` is a yaml.Node; told apart by `type(...) is`, which mypy does not narrow on."""
    if depth > MAX_DEPTH:
        raise _RefusedError("KP113", node.start_mark.line + 1, node.start_mark.column + 1,
                            limit=MAX_DEPTH)
    kind = type(node)
    if kind is yaml.ScalarNode:
        return node.value if node.style else scalar(node.value)
    if kind is yaml.SequenceNode:
        return [_plain(item, depth + 1) for item in node.value]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if type(key_node) is not yaml.ScalarNode or (key == "<<" and not key_node.style):
            _refuse_key(key_node)
        if key in result:
            mark = key_node.start_mark
            raise _RefusedError("KP102", mark.line + 1, mark.column + 1, key=key)
        result[key] = _plain(value_node, depth + 1)
    return result


def _refuse_key(key_node: yaml.Node) -> None:
    mark = key_node.start_mark
    if isinstance(key_node, yaml.ScalarNode):  # a plain `<<`: a merge key
        raise _RefusedError("KP107", mark.line + 1, mark.column + 1)
    raise _RefusedError("KP108", mark.line + 1, mark.column + 1, tag=short_tag(key_node.tag))


class _Converter:
    """Turns a node tree into dicts, lists and scalars, refusing aliases and tags."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def value(self, node: yaml.Node, depth: int) -> Any:
        if id(node) in self.seen:
            raise _RefusedError("KP106", node.start_mark.line + 1, node.start_mark.column + 1)
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _RefusedError("KP113", node.start_mark.line + 1, node.start_mark.column + 1,
                                limit=MAX_DEPTH)
        if node.tag not in _PLAIN_TAGS:
            code = "KP107" if node.tag == _MERGE else "KP108"
            raise _RefusedError(code, node.start_mark.line + 1, node.start_mark.column + 1,
                                tag=short_tag(node.tag))
        if isinstance(node, yaml.ScalarNode):
            # libyaml reports plain style as "", the pure-Python parser as None.
            return scalar(node.value) if not node.style else node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, depth + 1) for item in node.value]
        return self.mapping(cast(yaml.MappingNode, node), depth)

    def mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            if key_node.tag == _MERGE or (key_node.value == "<<" and not key_node.style):
                raise _RefusedError("KP107", mark.line + 1, mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                raise _RefusedError("KP108", mark.line + 1, mark.column + 1,
                                    tag=short_tag(key_node.tag))
            if id(key_node) in self.seen:  # an alias used as a key
                raise _RefusedError("KP106", mark.line + 1, mark.column + 1)
            self.seen.add(id(key_node))
            key = key_node.value
            if key in result:
                raise _RefusedError("KP102", mark.line + 1, mark.column + 1, key=key)
            result[key] = self.value(value_node, depth + 1)
        return result


def short_tag(tag: str) -> str:
    """A tag as it was written: `!!timestamp` rather than `tag:yaml.org,2002:timestamp`."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag.removeprefix(prefix) if tag.startswith(prefix) else tag


def scalar(text: str) -> Any:
    """Resolve a plain scalar the YAML 1.2 way, keeping anything ambiguous a string."""
    if text and text[0] not in _MAYBE_NOT_TEXT:  # ids and words: most scalars end here
        return text
    return _resolve(text)


def _resolve(text: str) -> Any:
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def compose(text: str) -> yaml.Node | None:
    """The node tree of a text (for locating many pointers in it), or None if it does not parse."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None


def locate(text: str, pointer: Pointer, *, key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the value at `pointer`, or of the nearest enclosing node."""
    return locate_in(compose(text), pointer, key=key)


def locate_in(node: yaml.Node | None, pointer: Pointer, *, key: bool = False) -> tuple[int, int]:
    """Like `locate`, in an already composed node tree."""
    mark = node.start_mark if node is not None else None
    for step in pointer:
        child = _child(node, step)
        if child is None:
            break
        key_node, node = child
        mark = key_node.start_mark if key else node.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _child(node: yaml.Node | None, step: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == step:
                return key_node, value_node
    elif (isinstance(node, yaml.SequenceNode) and isinstance(step, int)
          and 0 <= step < len(node.value)):
        item = node.value[step]
        return item, item
    return None
