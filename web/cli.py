"""`python -m web build --out DIR` (also `python -m sync site --out DIR`): the public site."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from lint import engine, report
from lint.problem import Severity
from web import subscribe
from web.view import View

EXIT_OK, EXIT_RECORDS, EXIT_USAGE = 0, 1, 2
MESSAGES = {
    "cs": {"records": "Záznamy obsahují chyby (viz výše); stránky se nevytvořily.",
           "extras": "Chybí balíček {name}: nainstalujte `pip install -e .[site]`.",
           "root": "Ve složce {root} nejsou záznamy (chybí schemas/); zadejte --root.",
           "done": "Stránky jsou ve složce {out}: {pages} stránek, {calendars} kalendářů .ics, "
                   "největší stránka {largest} kB.",
           "usage": "Použití: python -m web build --out SLOŽKA [--today RRRR-MM-DD] "
                    "[--base-url URL] [--calendar-url URL]"},
    "en": {"records": "The records have errors (see above); no pages were written.",
           "extras": "The package {name} is missing: run `pip install -e .[site]`.",
           "root": "No records in {root} (schemas/ is missing); pass --root.",
           "done": "The site is in {out}: {pages} pages, {calendars} .ics calendars, "
                   "largest page {largest} kB.",
           "usage": "Usage: python -m web build --out DIR [--today YYYY-MM-DD] "
                    "[--base-url URL] [--calendar-url URL]"},
}


def parser() -> argparse.ArgumentParser:
    """The options of `build`."""
    parser = argparse.ArgumentParser(
        prog="python -m web build",
        description="Vytvoří statické webové stránky z ověřených záznamů (jednání, skupiny, "
                    "úkoly, komunitní plán, kalendáře k odběru).")
    parser.add_argument("--out", type=Path, required=True, help="cílová složka")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="den, od kterého jsou jednání „nadcházející“ (výchozí: dnes)")
    parser.add_argument("--base-url", metavar="URL", default=None,
                        help="veřejná adresa webu, např. https://kpss.liberec.cz/ (pro odkazy "
                             "webcal:// a https:// na soubory .ics)")
    parser.add_argument("--calendar-url", metavar="URL", default=None,
                        help="veřejná adresa kalendářů na serveru CalDAV: předpona, za kterou "
                             "se připojí id kalendáře, nebo vzor s {id} "
                             f"(výchozí: proměnná {subscribe.CALENDAR_URL})")
    parser.add_argument("--lang", choices=("cs", "en"), default="cs")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="kořen repozitáře")
    return parser


def build_command(args: argparse.Namespace, out: list[str]) -> int:
    """Validate the records, then write the site into `args.out`."""
    words = MESSAGES[args.lang]
    if not (args.root / "schemas").is_dir():
        print(words["root"].format(root=args.root), file=sys.stderr)
        return EXIT_USAGE
    try:
        # Imported here: `python -m sync` lists this command without needing the site's extras.
        from web.build import build  # noqa: PLC0415
    except ImportError as exc:
        print(words["extras"].format(name=exc.name), file=sys.stderr)
        return EXIT_USAGE
    today = args.today or dt.date.today()
    result = engine.run(args.root, today=today)
    failing = [p for p in result.problems if p.severity is Severity.ERROR]
    if failing:
        print(report.text(failing, args.lang), file=sys.stderr)
        print(words["records"], file=sys.stderr)
        return EXIT_RECORDS
    view = View(result.repository, today, base_url=subscribe.normalise_base(args.base_url),
                calendar_url=subscribe.calendar_pattern(args.calendar_url))
    built = build(view, args.out, root=args.root)
    html = {k: v for k, v in built.files.items() if k.endswith(".html")}
    out.append(words["done"].format(
        out=args.out, pages=len(html), calendars=sum(k.endswith(".ics") for k in built.files),
        largest=round(max(html.values()) / 1024, 1)))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] != ["build"]:
        if argv[:1] in (["-h"], ["--help"]):
            print(MESSAGES["cs"]["usage"])
            return EXIT_OK
        print(MESSAGES["cs"]["usage"], file=sys.stderr)
        return EXIT_USAGE
    args = parser().parse_args(argv[1:])
    lines: list[str] = []
    code = build_command(args, lines)
    for line in lines:
        print(line)
    return code
