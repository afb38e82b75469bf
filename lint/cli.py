"""The command line of the linter; the one place that turns failures into exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from lint import engine, report
from lint.arguments import Bilingual, language, parser_for, pick
from lint.gitbase import GitError
from lint.messages import LANGUAGES
from lint.problem import Problem, Severity

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


HELP: dict[str, Bilingual] = {
    "description": ("Zkontroluje záznamy ve složce records/: schéma každého záznamu a pravidla "
                    "konzistence mezi nimi. Chyby vypíše česky s číslem řádku a nápovědou.",
                    "Checks the records in records/: each record's schema and the consistency "
                    "rules between them. Errors come with a line number and a hint."),
    "paths": ("hlásit jen problémy v těchto souborech či složkách (kontroluje se vždy celý "
              "repozitář)", "report only problems in these files or folders (the whole "
              "repository is always checked)"),
    "format": ("podoba výpisu: text (pro lidi), json (pro nástroje), github (anotace v pull "
               "requestu)", "output: text (for people), json (for tools), github (pull-request "
               "annotations)"),
    "lang": ("jazyk hlášení a nápovědy: cs (čeština), en (angličtina)",
             "language of messages and help: cs (Czech), en (English)"),
    "strict": ("varování také vedou k chybě (exit 1)", "warnings fail the run too (exit 1)"),
    "today": ("dnešní datum pro pravidla o čase (RRRR-MM-DD)",
              "today's date for the rules about time (YYYY-MM-DD)"),
    "base": ("porovnat se stavem v této větvi či commitu (schválené zápisy se nemění)",
             "compare with this branch or commit (approved minutes do not change)"),
    "root": ("kořen repozitáře (výchozí: aktuální složka)",
             "root of the repository (default: the current folder)"),
    "jobs": ("počet souběžných procesů (výchozí: počet jader)",
             "number of parallel processes (default: the number of cores)"),
}
METAVARS: dict[str, Bilingual] = {"paths": ("CESTA", "PATH"), "today": ("RRRR-MM-DD", "YYYY-MM-DD"),
                                  "base": ("REF", "REF"), "root": ("SLOŽKA", "FOLDER"),
                                  "jobs": ("POČET", "COUNT")}


def _parser(lang: str) -> argparse.ArgumentParser:
    def say(name: str) -> str:
        return pick(HELP[name], lang)

    def metavar(name: str) -> str:
        return pick(METAVARS[name], lang)

    parser = parser_for(lang, prog="python -m lint", description=say("description"))
    parser.add_argument("paths", nargs="*", metavar=metavar("paths"), help=say("paths"))
    parser.add_argument("--format", choices=report.FORMATS, default="text", help=say("format"))
    parser.add_argument("--lang", choices=LANGUAGES, default="cs", help=say("lang"))
    parser.add_argument("--strict", action="store_true", help=say("strict"))
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        metavar=metavar("today"), help=say("today"))
    parser.add_argument("--base", metavar=metavar("base"), help=say("base"))
    parser.add_argument("--root", type=Path, default=Path.cwd(), metavar=metavar("root"),
                        help=say("root"))
    parser.add_argument("--jobs", type=int, default=None, metavar=metavar("jobs"),
                        help=say("jobs"))
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


def _refuse(template: str, **args: object) -> int:
    print("python -m lint: " + template.format(**args), file=sys.stderr)
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
            return _refuse(pick(("cesta neexistuje: {path}", "no such path: {path}"), lang),
                           path=raw)
    if not (root / "schemas").is_dir():
        return _refuse(pick(("ve složce {root} chybí schemas/ (spusťte v kořeni repozitáře)",
                             "{root} has no schemas/ (run at the root of the repository)"),
                            lang), root=root)
    today = args.today or dt.date.today()
    try:
        result = engine.run(root, today=today, base_ref=args.base, jobs=args.jobs,
                            freeze=PROCESS_ENDS_WITH_RUN)
    except GitError as exc:
        return _refuse("--base {base}: {exc}", base=args.base, exc=exc)
    except engine.InternalError as exc:
        return _refuse(pick(("vnitřní chyba při čtení {file}: {detail}",
                             "internal error reading {file}: {detail}"), lang),
                       file=exc.file, detail=exc.detail)
    problems = _select(result.problems, args.paths, root)
    output = {"text": report.text, "json": report.as_json, "github": report.github}[args.format]
    rendered = output(problems, args.lang)
    if rendered:
        print(rendered)
    if args.format == "text":
        print(report.summary(problems, result.files, args.lang), file=sys.stderr)
    failing = Severity.WARNING if args.strict else Severity.ERROR
    return EXIT_PROBLEMS if any(p.severity >= failing for p in problems) else EXIT_OK
