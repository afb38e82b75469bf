"""The command line of the linter; the one place that turns failures into exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from lint import engine, report
from lint.arguments import language, parser_for
from lint.gitbase import GitError
from lint.problem import Problem, Severity
from messages import LANGUAGES, say

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser(lang: str) -> argparse.ArgumentParser:
    def help_(name: str) -> str:
        return say(f"lint.help.{name}", lang)

    def metavar(name: str) -> str:
        return say(f"lint.metavar.{name}", lang)

    parser = parser_for(lang, prog="python -m lint", description=help_("description"))
    parser.add_argument("paths", nargs="*", metavar=metavar("paths"), help=help_("paths"))
    parser.add_argument("--format", choices=report.FORMATS, default="text", help=help_("format"))
    parser.add_argument("--lang", choices=LANGUAGES, default="cs", help=help_("lang"))
    parser.add_argument("--strict", action="store_true", help=help_("strict"))
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        metavar=metavar("today"), help=help_("today"))
    parser.add_argument("--base", metavar=metavar("base"), help=help_("base"))
    parser.add_argument("--root", type=Path, default=Path.cwd(), metavar=metavar("root"),
                        help=help_("root"))
    parser.add_argument("--jobs", type=int, default=None, metavar=metavar("jobs"),
                        help=help_("jobs"))
    return parser


def _select(problems: Sequence[Problem], paths: Sequence[str], root: Path) -> list[Problem]:
    if not paths:
        return list(problems)
    prefixes = []
    for raw in paths:
        path = Path(raw).resolve()
        try:
            prefixes.append(path.relative_to(root.resolve()).as_posix())
        except ValueError:
            prefixes.append(raw)
    return [p for p in problems
            if any(p.file == pre or p.file.startswith(pre.rstrip("/") + "/") or pre == "."
                   for pre in prefixes)]


def _refuse(message: str) -> int:
    print("python -m lint: " + message, file=sys.stderr)
    return EXIT_USAGE


PROCESS_ENDS_WITH_RUN = False
"""Set by `python -m lint`: the model may then be frozen (`engine.run(freeze=...)`)."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parser(language(argv)).parse_args(argv)
    root: Path = args.root
    lang = args.lang
    for raw in args.paths:
        if not Path(raw).exists():
            return _refuse(say("lint.no-path", lang, path=raw))
    if not (root / "schemas").is_dir():
        return _refuse(say("lint.no-schemas", lang, root=root))
    today = args.today or dt.date.today()
    try:
        result = engine.run(root, today=today, base_ref=args.base, jobs=args.jobs,
                            freeze=PROCESS_ENDS_WITH_RUN)
    except GitError as exc:
        return _refuse(f"--base {args.base}: {exc}")
    except engine.InternalError as exc:
        return _refuse(say("lint.internal", lang, file=exc.file, detail=exc.detail))
    problems = _select(result.problems, args.paths, root)
    output = {"text": report.text, "json": report.as_json, "github": report.github}[args.format]
    rendered = output(problems, args.lang)
    if rendered:
        print(rendered)
    if args.format == "text":
        print(report.summary(problems, result.files, args.lang), file=sys.stderr)
    failing = Severity.WARNING if args.strict else Severity.ERROR
    return EXIT_PROBLEMS if any(p.severity >= failing for p in problems) else EXIT_OK
