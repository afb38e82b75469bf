"""Turn problems into text for people, JSON for tools, or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from lint import yamlerrors
from lint.codes import names
from lint.messages import KIND_NAMES
from lint.problem import Problem, Severity
from messages import CATALOGUES, counted, say

FORMATS = ("text", "json", "github")
RULES_DOC = "docs/rules.md"
FIX_IS_THE_HINT = frozenset({"KP101", "KP203", "KP205", "KP206"})
"""Codes whose general hint a corrected line (`fixed`, lint/fixes.py) makes superfluous."""


def render(problem: Problem, lang: str) -> tuple[str, str]:
    """The message and the hint of a problem in `lang`."""
    code, args = problem.code, _arguments(problem, lang)
    reason = f"lint.{code}.reason.{args.get('reason')}"
    if reason in CATALOGUES[lang]:  # a rule's `reason` stands for a clause of the message
        args["reason"] = say(reason, lang, **args)
    message = say(f"lint.{code}", lang, **args)
    if args.get("suggestion"):
        message += say("common.did-you-mean", lang, **args)
    return message, _hint(code, args, lang)


def _arguments(problem: Problem, lang: str) -> dict[str, object]:
    """The problem's arguments as `lang` reads them: `x_en` stands for `x` in English (a
    holiday's name, a weekday), kinds and types by their names, the top level as "the record"."""
    args = dict(problem.args)
    if lang != "cs":  # rules give their arguments in Czech, `x_en` where English differs
        suffix = f"_{lang}"
        args.update({k.removesuffix(suffix): v for k, v in problem.args.items()
                     if k.endswith(suffix)})
    if isinstance(args.get("kind"), str):
        args["kind"] = KIND_NAMES[lang].get(str(args["kind"]), args["kind"])
    if args.get("field") == "":
        args["field"] = say("lint.whole-record", lang)
    if problem.code == "KP101":
        _yaml_arguments(args, lang)
    if problem.code == "KP203":
        for name in ("expected", "actual"):
            if isinstance(args.get(name), str):
                args[name] = _types(str(args[name]), lang)
    return args


def _yaml_arguments(args: dict[str, object], lang: str) -> None:
    if lang == "cs" and isinstance(args.get("detail"), str):
        args["detail"] = yamlerrors.czech(str(args["detail"]))
    args.setdefault("reason", "other")


def _types(types: str, lang: str) -> str:
    """`string,null` as `text nebo prázdná hodnota`."""
    texts = CATALOGUES[lang]
    return say("lint.or", lang).join(texts.get(f"lint.type.{t}", t) for t in types.split(","))


def _hint(code: str, args: dict[str, object], lang: str) -> str:
    """The catalogue's hint, after the corrected line when there is one, followed by the
    field's own description from the schema (Czech: the schemas describe fields in Czech)."""
    parts = [say("lint.fixed", lang, **args)] if args.get("fixed") else []
    if not parts or code not in FIX_IS_THE_HINT:
        parts.append(say(f"lint.{code}.hint", lang, **args))
    if args.get("about") and lang == "cs":
        parts.append(str(args["about"]))
    return " ".join(parts) + f" ({RULES_DOC}#{code.lower()})"


def summary(problems: Sequence[Problem], files: int, lang: str) -> str:
    errors, warnings, notes = (counted(sum(p.severity is s for p in problems), word, lang)
                               for s, word in ((Severity.ERROR, "count.error"),
                                               (Severity.WARNING, "count.warning"),
                                               (Severity.INFO, "count.note")))
    return say("lint.summary", lang, files=counted(files, "count.file", lang), errors=errors,
               warnings=warnings, notes=notes)


def text(problems: Iterable[Problem], lang: str) -> str:
    lines = []
    label = say("lint.label.hint", lang)
    for p in problems:
        message, hint = render(p, lang)
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
