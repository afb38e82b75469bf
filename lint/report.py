"""Turn problems into text for people, JSON for tools, or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from lint import yamlerrors
from lint.codes import names
from lint.messages import (
    CATALOGUE,
    FIX_IS_THE_HINT,
    FIXED,
    KIND_NAMES,
    OR,
    REASONS,
    RULES_DOC,
    SUGGESTION,
    TYPE_NAMES,
)
from lint.problem import Problem, Severity

FORMATS = ("text", "json", "github")
WHOLE_RECORD = {"cs": "záznamu", "en": "the record"}
"""What an empty field path (the record's top level) reads as in a message."""


class _Args(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return ""


def render(problem: Problem, lang: str) -> tuple[str, str]:
    """The message and the hint of a problem in `lang`."""
    text = CATALOGUE[problem.code][lang]
    args = _Args(problem.args)
    if isinstance(args.get("kind"), str):
        args["kind"] = KIND_NAMES[lang].get(str(args["kind"]), args["kind"])
    if args.get("field") == "":
        args["field"] = WHOLE_RECORD[lang]
    if problem.code == "KP101" and lang == "cs" and isinstance(args.get("detail"), str):
        args["detail"] = yamlerrors.czech(str(args["detail"]))
    if problem.code == "KP101" and "reason" not in args:
        args["reason"] = "other"
    for name in ("expected", "actual"):
        if problem.code == "KP203" and isinstance(args.get(name), str):
            args[name] = OR[lang].join(TYPE_NAMES[lang].get(t, t) for t in
                                       str(args[name]).split(","))
    reason = REASONS.get(problem.code, {}).get(str(args.get("reason")))
    if reason is not None:
        args["reason"] = reason[lang].format_map(args)
    message = text.message.format_map(args)
    if args.get("suggestion"):
        message += SUGGESTION[lang].format_map(args)
    return message, _hint(problem.code, text.hint, args, lang)


def _hint(code: str, template: str, args: _Args, lang: str) -> str:
    """The catalogue's hint, after the corrected line when there is one, followed by the
    field's own description from the schema (Czech: the schemas describe fields in Czech)."""
    parts = [FIXED[lang].format_map(args)] if args.get("fixed") else []
    if not parts or code not in FIX_IS_THE_HINT:
        parts.append(template.format_map(args))
    if args.get("about") and lang == "cs":
        parts.append(str(args["about"]))
    return " ".join(parts) + f" ({RULES_DOC}#{code.lower()})"


def plural_cs(count: int, one: str, few: str, many: str) -> str:
    """Czech plural: 1 chyba, 2 chyby, 5 chyb."""
    if count == 1:
        return f"{count} {one}"
    if 2 <= count <= 4:
        return f"{count} {few}"
    return f"{count} {many}"


def summary(problems: Sequence[Problem], files: int, lang: str) -> str:
    counts = [sum(p.severity is s for p in problems) for s in (Severity.ERROR, Severity.WARNING,
                                                                 Severity.INFO)]
    if lang == "cs":
        parts = [plural_cs(counts[0], "chyba", "chyby", "chyb"),
                 plural_cs(counts[1], "varování", "varování", "varování"),
                 plural_cs(counts[2], "poznámka", "poznámky", "poznámek")]
        return f"Zkontrolováno {plural_cs(files, 'soubor', 'soubory', 'souborů')}: " \
               + ", ".join(parts) + "."
    words = [("error", "errors"), ("warning", "warnings"), ("note", "notes")]
    parts = [f"{n} {w[0] if n == 1 else w[1]}" for n, w in zip(counts, words, strict=True)]
    return f"Checked {files} file{'s' if files != 1 else ''}: " + ", ".join(parts) + "."


def text(problems: Iterable[Problem], lang: str) -> str:
    lines = []
    for p in problems:
        message, hint = render(p, lang)
        label = "nápověda" if lang == "cs" else "hint"
        lines.append(f"{p.file}:{p.line}:{p.column}: {p.code} {p.severity.label}: {message}")
        lines.append(f"    {label}: {hint}")
    return "\n".join(lines)


def as_json(problems: Iterable[Problem], lang: str) -> str:
    table = names()
    items = []
    for p in problems:
        message, hint = render(p, lang)
        items.append({
            "file": p.file, "line": p.line, "column": p.column, "code": p.code,
            "name": table[p.code][0], "severity": p.severity.label,
            "message": message, "hint": hint,
            "args": {k: v if isinstance(v, str | int | float | bool) else str(v)
                     for k, v in p.args.items()},
        })
    return json.dumps(items, ensure_ascii=False, indent=2)


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(problems: Iterable[Problem], lang: str) -> str:
    table = names()
    lines = []
    for p in problems:
        message, hint = render(p, lang)
        title = f"{p.code} {table[p.code][0]}"
        props = f"file={_escape(p.file, prop=True)},line={p.line},col={p.column}," \
                f"title={_escape(title, prop=True)}"
        lines.append(f"::{_GITHUB_LEVEL[p.severity]} {props}::{_escape(message + ' ' + hint)}")
    return "\n".join(lines)
