"""`python -m sync`: push the schedule to CalDAV, or write .ics files; the one place that turns
failures into messages and exit codes."""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import difflib
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, quote_plus

from lint.arguments import Parser, language
from messages import LANGUAGES, say, shown
from sync import commits, errors, inputs, limits, settings, stamps
from sync.apply import EVENT_FAULTS, Outcome, adopt, apply, keeps_no_cache
from sync.discover import Home, calendar_home
from sync.plan import (
    CALENDAR,
    COLOR,
    DESCRIPTION,
    DISPLAYNAME,
    Action,
    CalendarPlan,
    Look,
    check_deletions,
    inspect,
    look,
)
from sync.protocol import Dav
from sync.serve import DEFAULT_DATA, DEFAULT_PORT, serve

if TYPE_CHECKING:
    from lint.model import Calendar, Repository

# The linter and the iCalendar builder are imported where they are used: a run with
# nothing to do needs none of them, and their imports alone take longer than its requests.


def _parser(lang: str = "cs") -> argparse.ArgumentParser:
    def help_(name: str) -> str:
        return say(f"sync.help.{name}", lang)

    parser = Parser(prog="python -m sync", description=help_("push"))
    parser.add_argument("--dry-run", action="store_true", help=help_("dry-run"))
    parser.add_argument("--calendar", metavar="ID", help=help_("calendar"))
    parser.add_argument("--lang", choices=LANGUAGES, default="cs")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=help_("root"))
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--timeout", type=_seconds(lang), default=30.0, help=help_("timeout"))
    parser.add_argument("--deadline", type=_seconds(lang), default=600.0,
                        help=help_("deadline"))
    parser.add_argument("--allow-mass-delete", action="store_true",
                        help=help_("allow-mass-delete"))
    parser.add_argument("--allow-insecure-http", action="store_true",
                        help=help_("allow-insecure-http"))
    parser.add_argument("--ca-bundle", metavar="FILE", help=help_("ca-bundle"))
    parser.add_argument("--verbose", action="store_true", help=help_("verbose"))
    parser.add_argument("--complete-history", action="store_true",
                        help=help_("complete-history"))
    return parser


def _seconds(lang: str) -> Callable[[str], float]:
    """The type of --timeout and --deadline: a positive, finite number of seconds (not `nan`,
    `inf`, 0 or less)."""
    def seconds(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value > 0):
            raise argparse.ArgumentTypeError(say("sync.seconds", lang, value=repr(text)))
        return value
    return seconds


def _serve_parser(lang: str = "cs") -> argparse.ArgumentParser:
    parser = Parser(prog="python -m sync serve", description=say("sync.help.serve", lang))
    parser.add_argument("--port", type=int, default=None, metavar="PORT",
                        help=say("sync.help.port", lang, port=DEFAULT_PORT))
    parser.add_argument("--data", metavar=say("sync.metavar.folder", lang),
                        help=say("sync.help.data", lang, data=DEFAULT_DATA))
    parser.add_argument("--once", action="store_true", help=say("sync.help.once", lang))
    _common(parser, lang)
    parser.set_defaults(dry_run=False, calendar=None, timeout=30.0, deadline=600.0,
                        allow_mass_delete=False, verbose=False)
    return parser


def _ics_parser(lang: str = "cs") -> argparse.ArgumentParser:
    parser = Parser(prog="python -m sync ics", description=say("sync.help.ics", lang))
    parser.add_argument("--out", type=Path, required=True,
                        metavar=say("sync.metavar.folder", lang), help=say("sync.help.out", lang))
    parser.add_argument("--calendar", metavar="ID", help=say("sync.help.calendar", lang))
    _common(parser, lang)
    return parser


def _common(parser: argparse.ArgumentParser, lang: str) -> None:
    """--lang, --root and --today, as `serve` and `ics` share them."""
    parser.add_argument("--lang", choices=LANGUAGES, default="cs",
                        help=say("sync.help.lang", lang))
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        metavar=say("sync.metavar.folder", lang),
                        help=say("sync.help.root", lang))
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        metavar=say("sync.metavar.date", lang),
                        help=say("sync.help.today", lang))


PROCESS_ENDS_WITH_RUN = False
"""Set by `python -m sync`: the model may then be frozen (`engine.run(freeze=...)`)."""


def load(root: Path, today: dt.date | None, lang: str) -> Repository:
    """The validated model, or RecordsInvalid after printing the linter's errors."""
    from lint import engine, report  # noqa: PLC0415 - not needed by a run with nothing to do
    from lint.problem import Severity  # noqa: PLC0415

    if not (root / "schemas").is_dir():
        raise errors.ConfigError(str(root / "schemas"), name=f"--root {root}")
    result = engine.run(root, today=today or dt.date.today(), freeze=PROCESS_ENDS_WITH_RUN)
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
            error.key = "sync.unknown_calendar_close"
        raise error
    return [repo.calendars[wanted]]


def push(args: argparse.Namespace, out: list[str],
         config: settings.Settings | None = None) -> int:
    """Bring every selected calendar on the server to the records' state.

    First, with reads only, each calendar is looked at; if every one was made from the same
    inputs (sync/inputs.py) and nobody changed it since, there is nothing to do and the records
    need not be validated again. Otherwise the records are validated (a server failure met in
    that first look is reported only after them: bad records always come first, and never lead
    to a write), then planned and written.
    """
    config = config or settings.from_env(allow_http=args.allow_insecure_http,
                                         timeout=args.timeout, ca_bundle=args.ca_bundle,
                                         deadline=args.deadline)
    args.secret = config.password
    url_setting = os.environ.get(settings.ENV_RECORD_URL, "").strip()
    fingerprint = inputs.fingerprint(args.root, record_url=url_setting)
    with Dav(config) as dav:
        looks: dict[str, Look] = {}
        home: Home | None = None
        early: errors.SyncError | None = None
        ids = _calendar_ids(args.root, args.calendar)
        if ids and fingerprint and not args.verbose:
            try:
                with dav.plainly():  # no caldav import for a run that may end here
                    home = calendar_home(dav, CALENDAR)
                    looks = _look_each(dav, home, ids)
            except errors.SyncError as exc:
                early = exc
            if early is None and len(looks) == len(ids) \
                    and all(seen.quiet(fingerprint) for seen in looks.values()):
                _quiet(dav, list(looks.values()), args, out)
                return errors.EXIT_OK
        repo = load(args.root, args.today, args.lang)
        calendars = select(repo, args.calendar)
        if early is not None:
            raise early
        try:
            _full(dav, home or calendar_home(dav, CALENDAR), looks, repo, calendars, args=args,
                  out=out, fingerprint=fingerprint)
        finally:
            out.extend(say("sync.warn_oversized", args.lang, url=url, limit=limits.MAX_EVENT >> 20)
                       for url in dav.oversized)
        out.append(say("sync.requests", args.lang, requests=dav.requests, writes=dav.writes))
    return errors.EXIT_OK


def _look_each(dav: Dav, home: Home, ids: list[str]) -> dict[str, Look]:
    """The first look at each calendar; one that is no calendar of events (a Deck board) or
    that the account may not read is left out here, and looked at again (and reported alone)
    on the full path. Any other failure ends the first look as before."""
    looks = {}
    for cal_id in ids:
        with contextlib.suppress(errors.NotACalendar, errors.Forbidden):
            looks[cal_id] = look(dav, home, cal_id)
    return looks


def _calendar_ids(root: Path, wanted: str | None) -> list[str]:
    """The calendars' ids as their file names say (KP301 keeps the two equal), for the look
    before validation; a name that is not a calendar only makes the run take the full path."""
    try:
        found = sorted(p.name.removesuffix(".yaml") for p in (root / "records" / "calendars")
                       .iterdir() if p.name.endswith(".yaml"))
    except OSError:
        return []
    return [wanted] if wanted in found else [] if wanted else found


def _quiet(dav: Dav, looks: list[Look], args: argparse.Namespace, out: list[str]) -> None:
    """Report a run with nothing to do (it writes nothing, not even a newer sync token)."""
    args.calendars_pushed = [(s.id, s.state.props.get(DISPLAYNAME, s.id)) for s in looks]
    plans = []
    for seen in looks:
        plan = CalendarPlan(seen.id, seen.href, True, dict(seen.state.props), {},
                            state=seen.state)
        plan.actions = [Action("unchanged", n, n.removesuffix(".ics"), k.etag)
                        for n, k in sorted(seen.state.events.items())]
        plans.append(plan)
    out.append(say("sync.quiet", args.lang))
    if args.dry_run:
        out.extend(_describe(p, args.lang, False, None) for p in plans)
        out.append(say("sync.dry_run", args.lang))
    else:
        out.extend(_summary(Outcome(p.id, unchanged=len(p.actions)), args.lang, None)
                   for p in plans)
    out.append(say("sync.requests", args.lang, requests=dav.requests, writes=dav.writes))


def _full(dav: Dav, home: Home, looks: dict[str, Look], repo: Repository,
          calendars: list[Calendar], *, args: argparse.Namespace, out: list[str],
          fingerprint: str | None) -> None:
    """Plan every selected calendar from the validated records, then write."""
    from lint.kinds import calendar_files  # noqa: PLC0415
    from sync import ical  # noqa: PLC0415 - see the note on imports at the top
    from sync.ics import record_url_from_env  # noqa: PLC0415

    args.calendars_pushed = [(c.id, c.name) for c in calendars]
    times = stamps.record_times(args.root, calendar_files(repo))
    record_url = record_url_from_env()
    commit = commits.head(args.root)
    order = commits.Order(args.root, commit, complete=getattr(args, "complete_history", False))
    plans: list[CalendarPlan] = []
    failed: list[str] = []  # one line for each calendar or event the server refused
    for cal in calendars:
        try:
            plans.append(inspect(dav, looks.get(cal.id) or look(dav, home, cal.id), _props(cal),
                                 ical.events(repo, cal, stamps=times, record_url=record_url),
                                 newer=order.newer))
        except CALENDAR_FAULTS as exc:  # this calendar only: the others go on
            failed.append(_failure(cal.id, exc, args.lang))
    check_deletions(plans, args.allow_mass_delete)
    if args.dry_run:
        out.extend(_describe(p, args.lang, args.verbose, commit) for p in plans)
        out.append(say("sync.dry_run", args.lang))
        _finish(failed)
        return
    outcomes = []
    for plan in plans:
        try:
            outcomes.append(apply(dav, plan, commit, order.newer, fingerprint=fingerprint))
        except CALENDAR_FAULTS as exc:
            failed.append(_failure(plan.id, exc, args.lang))
            continue
        out.append(_summary(outcomes[-1], args.lang, commit))
        failed += [say("sync.event_failed", args.lang, id=plan.id, file=file,
                       reason=say(exc.key, args.lang, detail=exc.detail, **exc.args_))
                   for file, exc in outcomes[-1].failed]
    if any(o.cached for o in outcomes):  # this server keeps our cache: give it to every one
        for plan in plans:
            done = next((o for o in outcomes if o.id == plan.id), None)
            if done is not None:
                adopt(dav, plan, done, commit, fingerprint)
    out.extend(_cache_note(dav, plans, outcomes, args.lang))
    _finish(failed)


def _cache_note(dav: Dav, plans: Sequence[CalendarPlan], outcomes: Sequence[Outcome],
                lang: str) -> list[str]:
    """Once per run, where the server keeps no cache: every calendar's events were compared."""
    if keeps_no_cache(dav):
        return [say("sync.no_cache", lang)]
    if plans and all(p.exists and not p.cache_at for p in plans) \
            and not any(o.cached for o in outcomes):
        return [say("sync.no_cache_yet", lang)]
    return []


CALENDAR_FAULTS = (*EVENT_FAULTS, errors.NotACalendar, errors.NotCreatedYet)
"""What a server may answer about one calendar without saying anything about the others."""


def _failure(cal_id: str, exc: errors.SyncError, lang: str) -> str:
    return say("sync.calendar_failed", lang, id=cal_id,
               reason=say(exc.key, lang, detail=exc.detail, **exc.args_))


def _finish(failed: list[str]) -> None:
    """End a run in which something was refused: non-zero, after everything else was done."""
    if len(failed) == 1:
        raise errors.Reported(failed[0])
    if failed:
        raise errors.Reported("\n".join(failed), summary="sync.partly", count=len(failed))


def _props(calendar: Calendar) -> dict[str, str]:
    props = {DISPLAYNAME: calendar.name, DESCRIPTION: calendar.description}
    if calendar.color:
        props[COLOR] = calendar.color
    return props


def _describe(plan: CalendarPlan, lang: str, verbose: bool,
              commit: commits.Commit | None) -> str:
    words = {k: say(f"sync.plan.{k}", lang)
             for k in ("create", "update", "delete", "unchanged", "calendar")}
    if plan.newer is not None:
        return say("sync.plan_newer", lang, id=plan.id, newer=plan.newer.sha,
                   ours=commit.sha if commit else "")
    lines = [f"{plan.id}:" + (f" {words['calendar']}" if not plan.exists else "")]
    for action in plan.actions:
        if action.kind != "unchanged" or verbose:  # a deleted one's name is the server's
            lines.append(f"  {words[action.kind]:<12} {shown(action.record)}")
    lines.append("  " + ", ".join(f"{words[k]} {plan.count(k)}"
                                  for k in ("create", "update", "delete", "unchanged")))
    return "\n".join(lines)


def _summary(outcome: Outcome, lang: str, commit: commits.Commit | None) -> str:
    line = say("sync.summary", lang, id=outcome.id, created=len(outcome.created),
               updated=len(outcome.updated), deleted=len(outcome.deleted),
               unchanged=outcome.unchanged)
    notes = [say(f"sync.warn_{w}", lang, id=outcome.id) for w in outcome.warnings]
    if outcome.skipped:
        notes.append(say("sync.warn_skipped", lang, id=outcome.id, count=len(outcome.skipped),
                         example=outcome.skipped[0]))
    if outcome.newer is not None:
        notes.append(say("sync.warn_newer", lang, id=outcome.id, newer=outcome.newer.sha,
                         ours=commit.sha if commit else ""))
    return "\n".join([line, *notes])


def write_ics(args: argparse.Namespace, out: list[str]) -> int:
    from sync.ics import write_ics as write  # noqa: PLC0415
    repo = load(args.root, args.today, args.lang)
    select(repo, args.calendar)
    for path in write(repo, args.out, root=args.root, calendar_id=args.calendar,
                      today=args.today):
        out.append(str(path))
    return errors.EXIT_OK


def redact(text: str, secret: str | None) -> str:
    """Remove the password, in every form it could travel in, from any text we print."""
    if not secret:
        return text
    user = settings.os.environ.get(settings.ENV_USER, "").strip()
    for form in sorted(secret_forms(user, secret), key=len, reverse=True):
        text = text.replace(form, "***")
    return text


def secret_forms(user: str, secret: str) -> set[str]:
    """The password as typed, percent-encoded (as a URL path or a form would carry it), and in
    Base64 (standard and URL-safe, padded or not) alone and as `user:password` (the Basic-auth
    header, RFC 7617), also where it sits at any offset of a longer Base64 stream."""
    forms = {secret, quote(secret, safe=""), quote(secret), quote_plus(secret)}
    for raw in {secret.encode(), f"{user}:{secret}".encode()}:
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            for shift in range(3):
                forms.add(_b64_core(encode, raw, shift))
            full = encode(raw).decode("ascii")
            forms.update({full, full.rstrip("=")})
    return {f for f in forms if len(f) >= 3}


def _b64_core(encode: Callable[[bytes], bytes], raw: bytes, shift: int) -> str:
    """The Base64 characters that depend on `raw` alone when `shift` bytes precede it: each
    character carries 6 bits, so only those wholly inside the raw bytes' bits are fixed."""
    encoded = encode(b"\0" * shift + raw).decode("ascii")
    first = -(-shift * 8 // 6)  # the first character starting at or after the raw bytes
    last = (shift + len(raw)) * 8 // 6  # characters ending at or before their end
    core = encoded[first:last]
    return core if len(core) >= 4 else ""


def _serve(args: argparse.Namespace, out: list[str]) -> int:
    return serve(args, out, push)


_COMMANDS: dict[str, tuple[Callable[[str], argparse.ArgumentParser],
                           Callable[[argparse.Namespace, list[str]], int]]] = {
    "ics": (_ics_parser, write_ics), "serve": (_serve_parser, _serve)}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language(argv)
    Parser.czech = lang != "en"  # argparse's own words (usage, errors) too
    if argv and argv[0] in _COMMANDS:
        make_parser, command = _COMMANDS[argv[0]]
        args = make_parser(lang).parse_args(argv[1:])
    else:
        args, command = _parser(lang).parse_args(argv), push
    args.secret = settings.os.environ.get(settings.ENV_PASSWORD)
    out: list[str] = []
    try:
        code = command(args, out)
    except errors.Reported as exc:  # lines already said, each of one refusal
        _print(out, args.secret)
        print(redact(exc.detail, args.secret), file=sys.stderr)
        if exc.args_:
            print(redact(say(str(exc.args_["summary"]), args.lang, **exc.args_), args.secret),
                  file=sys.stderr)
        return exc.exit_code
    except errors.SyncError as exc:
        return _fail(exc, args, out)
    except KeyboardInterrupt:
        _print(out, args.secret)
        return 130
    except Exception as exc:
        return _fail(errors.Internal(type(exc).__name__), args, out)
    _print(out, args.secret)
    return code


def _fail(exc: errors.SyncError, args: argparse.Namespace, out: list[str]) -> int:
    """Print what the run did so far, then the failure on one line; its exit code."""
    _print(out, args.secret)
    # Redacted before `say` cuts a value short, so no cut leaves half a password behind.
    values = {k: redact(v, args.secret) if isinstance(v, str) else v
              for k, v in {**exc.args_, "detail": exc.detail}.items()}
    message = say(exc.key, args.lang, **values)
    print(redact(message, args.secret), file=sys.stderr)
    return exc.exit_code


def _print(lines: list[str], secret: str | None) -> None:
    for line in lines:
        print(redact(line, secret))
