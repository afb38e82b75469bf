"""`python -m sync`: push the schedule to CalDAV, or write .ics files; the one place that turns
failures into messages and exit codes."""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

from lint import engine, report
from lint.model import Calendar, Repository
from lint.problem import Severity
from sync import commits, errors, ical, settings, stamps
from sync.apply import Outcome, apply
from sync.dav import Dav
from sync.discover import calendar_home
from sync.ics import record_url_from_env
from sync.ics import write_ics as write
from sync.messages import say
from sync.push import COLOR, DESCRIPTION, DISPLAYNAME, CalendarPlan, check_deletions, inspect
from sync.serve import serve
from web import cli as web


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sync",
        description="Nahraje harmonogram jednání do kalendáře CalDAV (nastavení v KPSS_CALDAV_*). "
                    "`python -m sync ics --out SLOŽKA` místo toho zapíše soubory .ics.")
    parser.add_argument("--dry-run", action="store_true", help="jen vypsat plán, nic nezapsat")
    parser.add_argument("--calendar", metavar="ID", help="jen tento kalendář (id záznamu)")
    parser.add_argument("--lang", choices=("cs", "en"), default="cs")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="kořen repozitáře")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--timeout", type=float, default=30.0, help="sekund na jeden požadavek")
    parser.add_argument("--allow-mass-delete", action="store_true",
                        help="povolit smazání většiny jednání v kalendáři")
    parser.add_argument("--allow-insecure-http", action="store_true",
                        help="povolit nešifrované http i mimo tento počítač")
    parser.add_argument("--ca-bundle", metavar="FILE", help="certifikační autorita serveru")
    parser.add_argument("--verbose", action="store_true", help="vypsat i nezměněná jednání")
    return parser


def _serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sync serve",
        description="Spustí místní Radicale, nahraje do něj harmonogram a vypíše adresy k odběru.")
    parser.add_argument("--port", type=int, default=0, help="port (výchozí: volný port)")
    parser.add_argument("--data", metavar="DIR", help="složka pro data serveru (výchozí: dočasná)")
    parser.add_argument("--once", action="store_true", help="po nahrání server hned ukončit")
    parser.add_argument("--lang", choices=("cs", "en"), default="cs")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.set_defaults(dry_run=False, calendar=None, timeout=30.0, allow_mass_delete=False,
                        verbose=False)
    return parser


def _ics_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sync ics",
                                     description="Zapíše jeden soubor .ics za každý kalendář.")
    parser.add_argument("--out", type=Path, required=True, help="cílová složka")
    parser.add_argument("--calendar", metavar="ID")
    parser.add_argument("--lang", choices=("cs", "en"), default="cs")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    return parser


def load(root: Path, today: dt.date | None, lang: str) -> Repository:
    """The validated model, or RecordsInvalid after printing the linter's errors."""
    if not (root / "schemas").is_dir():
        raise errors.ConfigError(str(root / "schemas"), name=f"--root {root}")
    result = engine.run(root, today=today or dt.date.today())
    failing = [p for p in result.problems if p.severity is Severity.ERROR]
    if failing:
        print(report.text(failing, lang), file=sys.stderr)
        raise errors.RecordsInvalid()
    return result.repository


def select(repo: Repository, wanted: str | None) -> list[Calendar]:
    if wanted is None:
        return [repo.calendars[k] for k in sorted(repo.calendars)]
    if wanted not in repo.calendars:
        known = sorted(repo.calendars)
        close = difflib.get_close_matches(wanted, known, n=1)
        error = errors.UnknownCalendar(wanted, id=wanted, known=", ".join(known),
                                       close=close[0] if close else "")
        if close:
            error.key = "unknown_calendar_close"
        raise error
    return [repo.calendars[wanted]]


def push(args: argparse.Namespace, out: list[str],
         config: settings.Settings | None = None) -> int:
    """Validate, then bring every selected calendar on the server to the records' state."""
    config = config or settings.from_env(allow_http=args.allow_insecure_http,
                                         timeout=args.timeout, ca_bundle=args.ca_bundle)
    args.secret = config.password
    repo = load(args.root, args.today, args.lang)
    calendars = select(repo, args.calendar)
    args.calendars_pushed = [(c.id, c.name) for c in calendars]
    times = stamps.record_times(args.root, [m.file for m in repo.meetings.values()])
    record_url = record_url_from_env()
    commit = commits.head(args.root)
    order = commits.Order(args.root, commit)
    with Dav(config) as dav:
        home = calendar_home(dav)
        plans = [inspect(dav, home + cal.id + "/", cal.id, _props(cal),
                         ical.events(repo, cal, stamps=times, record_url=record_url),
                         newer=order.newer)
                 for cal in calendars]
        check_deletions(plans, args.allow_mass_delete)
        if args.dry_run:
            out.extend(_describe(p, args.lang, args.verbose, commit) for p in plans)
            out.append(say("dry_run", args.lang))
        else:
            for plan in plans:
                out.append(_summary(apply(dav, plan, commit, order.newer), args.lang, commit))
        out.append(say("requests", args.lang, requests=dav.requests, writes=dav.writes))
    return errors.EXIT_OK


def _props(calendar: Calendar) -> dict[str, str]:
    props = {DISPLAYNAME: calendar.name, DESCRIPTION: calendar.description}
    if calendar.color:
        props[COLOR] = calendar.color
    return props


def _describe(plan: CalendarPlan, lang: str, verbose: bool,
              commit: commits.Commit | None) -> str:
    words = {"cs": {"create": "vytvořit", "update": "změnit", "delete": "smazat",
                    "unchanged": "beze změny", "calendar": "založit kalendář"},
             "en": {"create": "create", "update": "update", "delete": "delete",
                    "unchanged": "unchanged", "calendar": "create calendar"}}[lang]
    if plan.newer is not None:
        return say("plan_newer", lang, id=plan.id, newer=plan.newer.sha,
                   ours=commit.sha if commit else "")
    lines = [f"{plan.id}:" + (f" {words['calendar']}" if not plan.exists else "")]
    for action in plan.actions:
        if action.kind != "unchanged" or verbose:
            lines.append(f"  {words[action.kind]:<12} {action.meeting}")
    lines.append("  " + ", ".join(f"{words[k]} {plan.count(k)}"
                                  for k in ("create", "update", "delete", "unchanged")))
    return "\n".join(lines)


def _summary(outcome: Outcome, lang: str, commit: commits.Commit | None) -> str:
    line = say("summary", lang, id=outcome.id, created=len(outcome.created),
               updated=len(outcome.updated), deleted=len(outcome.deleted),
               unchanged=outcome.unchanged)
    notes = [say(f"warn_{w}", lang, id=outcome.id) for w in outcome.warnings]
    if outcome.newer is not None:
        notes.append(say("warn_newer", lang, id=outcome.id, newer=outcome.newer.sha,
                         ours=commit.sha if commit else ""))
    return "\n".join([line, *notes])


def write_ics(args: argparse.Namespace, out: list[str]) -> int:
    repo = load(args.root, args.today, args.lang)
    select(repo, args.calendar)
    for path in write(repo, args.out, root=args.root, calendar_id=args.calendar):
        out.append(str(path))
    return errors.EXIT_OK


def redact(text: str, secret: str | None) -> str:
    """Remove the password, and the Basic-auth forms that carry it, from any text we print."""
    if not secret:
        return text
    for form in _secret_forms(secret):
        text = text.replace(form, "***")
    return text


def _secret_forms(secret: str) -> list[str]:
    forms = [secret, base64.b64encode(secret.encode()).decode()]
    user = settings.os.environ.get(settings.ENV_USER, "")
    forms.append(base64.b64encode(f"{user}:{secret}".encode()).decode())
    return [f for f in forms if len(f) >= 3]


def _serve(args: argparse.Namespace, out: list[str]) -> int:
    return serve(args, out, push)


_COMMANDS = {"ics": (_ics_parser, write_ics), "serve": (_serve_parser, _serve),
             "site": (web.parser, web.build_command)}  # the public site: web/cli.py


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in _COMMANDS:
        make_parser, command = _COMMANDS[argv[0]]
        args = make_parser().parse_args(argv[1:])
    else:
        args, command = _parser().parse_args(argv), push
    args.secret = settings.os.environ.get(settings.ENV_PASSWORD)
    out: list[str] = []
    try:
        code = command(args, out)
    except errors.SyncError as exc:
        _print(out, args.secret)
        message = say(exc.key, args.lang, detail=exc.detail, **exc.args_)
        print(redact(message, args.secret), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        _print(out, args.secret)
        return 130
    _print(out, args.secret)
    return code


def _print(lines: list[str], secret: str | None) -> None:
    for line in lines:
        print(redact(line, secret))
