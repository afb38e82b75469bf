"""The command line of the linter; the one place that turns failures into exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from lint import engine, report
from lint.gitbase import GitError
from lint.messages import LANGUAGES
from lint.problem import Problem, Severity

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lint",
        description="Zkontroluje záznamy ve složce records/ (schéma a pravidla konzistence).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="hlásit jen problémy v těchto souborech či složkách "
                             "(kontroluje se vždy celé repozitář)")
    parser.add_argument("--format", choices=report.FORMATS, default="text")
    parser.add_argument("--lang", choices=LANGUAGES, default="cs")
    parser.add_argument("--strict", action="store_true", help="varování také vedou k chybě")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="dnešní datum pro pravidla o čase (RRRR-MM-DD)")
    parser.add_argument("--base", metavar="GIT_REF",
                        help="porovnat se stavem v této větvi/commitu (schválené zápisy)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="kořen repozitáře (výchozí: aktuální složka)")
    parser.add_argument("--jobs", type=int, default=None, help="počet procesů")
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


PROCESS_ENDS_WITH_RUN = False
"""Set by `python -m lint`: the model may then be frozen (`engine.run(freeze=...)`)."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.root
    for raw in args.paths:
        if not Path(raw).exists():
            print(f"python -m lint: cesta neexistuje: {raw}", file=sys.stderr)
            return EXIT_USAGE
    if not (root / "schemas").is_dir():
        print(f"python -m lint: ve složce {root} chybí schemas/ (spusťte v kořeni repozitáře)",
              file=sys.stderr)
        return EXIT_USAGE
    today = args.today or dt.date.today()
    try:
        result = engine.run(root, today=today, base_ref=args.base, jobs=args.jobs,
                            freeze=PROCESS_ENDS_WITH_RUN)
    except GitError as exc:
        print(f"python -m lint: --base {args.base}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except engine.InternalError as exc:
        print(f"python -m lint: vnitřní chyba při čtení {exc.file}: {exc.detail}", file=sys.stderr)
        return EXIT_USAGE
    problems = _select(result.problems, args.paths, root)
    output = {"text": report.text, "json": report.as_json, "github": report.github}[args.format]
    rendered = output(problems, args.lang)
    if rendered:
        print(rendered)
    if args.format == "text":
        print(report.summary(problems, result.files, args.lang), file=sys.stderr)
    failing = Severity.WARNING if args.strict else Severity.ERROR
    return EXIT_PROBLEMS if any(p.severity >= failing for p in problems) else EXIT_OK
