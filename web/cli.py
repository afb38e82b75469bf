"""`python -m web build --out DIR`: the public site."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from lint import engine, report
from lint.arguments import Parser, language
from lint.problem import Severity
from messages import LANGUAGES, say
from web import publisher, subscribe
from web.view import View

EXIT_OK, EXIT_RECORDS, EXIT_USAGE, EXIT_ADMIN = 0, 1, 2, 3


def parser(lang: str = "cs") -> argparse.ArgumentParser:
    """The options of `build`, their help in `lang`."""
    parser = Parser(prog="python -m web build", description=say("web.help.build", lang))
    parser.add_argument("--out", type=Path, required=True, help=say("web.help.out", lang))
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help=say("web.help.today", lang))
    parser.add_argument("--base-url", metavar="URL", default=None,
                        help=say("web.help.base-url", lang))
    parser.add_argument("--calendar-url", metavar="URL", default=None,
                        help=say("web.help.calendar-url", lang,
                                 variable=subscribe.CALENDAR_URL))
    parser.add_argument("--publisher", metavar="NÁZEV", default=None,
                        help=say("web.help.publisher", lang, variable=publisher.NAME,
                                 default=publisher.DEFAULT_NAME))
    parser.add_argument("--publisher-ico", metavar="IČO", default=None,
                        help=say("web.help.publisher-ico", lang, variable=publisher.ICO,
                                 default=publisher.DEFAULT_ICO))
    parser.add_argument("--contact-email", metavar="E-MAIL", default=None,
                        help=say("web.help.contact-email", lang, variable=publisher.EMAIL))
    parser.add_argument("--no-pdf", dest="pdf", action="store_false",
                        help=say("web.help.no-pdf", lang))
    parser.add_argument("--lang", choices=LANGUAGES, default="cs")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=say("web.help.root", lang))
    return parser


def build_command(args: argparse.Namespace, out: list[str]) -> int:
    """Validate the records, then write the site into `args.out`."""
    lang = args.lang
    if not (args.root / "schemas").is_dir():
        print(say("web.root", lang, root=args.root), file=sys.stderr)
        return EXIT_USAGE
    try:
        # Imported here: `python -m sync` lists this command without needing the site's extras.
        from web.build import build  # noqa: PLC0415
    except ImportError as exc:
        print(say("web.extras", lang, name=exc.name), file=sys.stderr)
        return EXIT_USAGE
    today = args.today or dt.date.today()
    result = engine.run(args.root, today=today)
    failing = [p for p in result.problems if p.severity is Severity.ERROR]
    if failing:
        print(report.text(failing, args.lang), file=sys.stderr)
        print(say("web.records", lang), file=sys.stderr)
        return EXIT_RECORDS
    view = View(result.repository, today, base_url=subscribe.normalise_base(args.base_url),
                calendar_url=subscribe.calendar_pattern(args.calendar_url),
                publisher=publisher.publisher(args.publisher, args.publisher_ico,
                                              args.contact_email))
    built = build(view, args.out, root=args.root, pdf=args.pdf)
    if built.skipped:
        # Exit 0 all the same: the pages and calendars are complete, only the PDFs are missing.
        print(say("web.pdf", lang, why=built.skipped.words(lang)), file=sys.stderr)
    html = {k: v for k, v in built.files.items() if k.endswith(".html")}
    out.append(say("web.built", lang,
        out=args.out, pages=len(html), calendars=sum(k.endswith(".ics") for k in built.files),
        largest=round(max(html.values()) / 1024, 1)))
    if built.admin:
        reason, path = built.admin.split(":", 1)
        print(say(f"web.admin-{reason}", lang, path=path), file=sys.stderr)
    # A bundle that is not installed leaves the site as it was before the editor existed; one
    # that differs from its pinned hash is never published and fails the build (exit 3).
    return EXIT_ADMIN if built.admin and built.admin.startswith("wrong") else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language(argv)
    if argv[:1] != ["build"]:
        if argv[:1] in (["-h"], ["--help"]):
            print(say("web.usage", lang))
            return EXIT_OK
        print(say("web.usage", lang), file=sys.stderr)
        return EXIT_USAGE
    Parser.czech = lang != "en"
    args = parser(lang).parse_args(argv[1:])
    lines: list[str] = []
    code = build_command(args, lines)
    for line in lines:
        print(line)
    return code
