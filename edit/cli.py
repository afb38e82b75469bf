"""`python -m edit`: the one place that turns refusals into messages and exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from edit import cms, codequality, formatter, settle
from edit.arguments import build, language
from edit.context import Context
from edit.decisions import Decision, new_decision
from edit.entities import new_organisation, new_person
from edit.generic import GENERIC, new_record
from edit.meetings import When, Where, cancel, new_meeting, postpone
from edit.messages import KINDS_CS, EditError
from edit.minutes import new_minutes
from lint import engine
from messages import say

EXIT_OK, EXIT_CHANGED, EXIT_USAGE = 0, 1, 2
MARKERS = ("TODO", "DOPLŇTE")


def _context(args: argparse.Namespace) -> Context:
    return Context.open(args.root, args.today or dt.date.today())


def _created(args: argparse.Namespace, *rels: str) -> int:
    """Print the paths written (stdout) and what is left to fill in (stderr)."""
    todo = 0
    for rel in rels:
        print(rel)
        todo += sum((args.root / rel).read_text(encoding="utf-8").count(m) for m in MARKERS)
    hint = say("edit.todo", args.lang, count=todo) if todo else say("edit.check", args.lang)
    print(hint, file=sys.stderr)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    ctx = _context(args)
    what = args.what
    if what == "meeting":
        rel = new_meeting(ctx, args.group, When(args.date, args.time, args.end),
                          Where(args.venue, args.room), args.title)
    elif what == "minutes":
        rel = new_minutes(ctx, args.meeting)
    elif what == "person":
        rel = new_person(ctx, args.name, args.organisation, args.id)
    elif what == "organisation":
        rel = new_organisation(ctx, args.name, args.abbreviation, args.kind, args.id)
    elif what in GENERIC:
        rel = new_record(ctx, GENERIC[what], args)
    else:
        rel = new_decision(ctx, Decision(
            what, args.meeting, args.text, args.group, getattr(args, "assignee", ()),
            getattr(args, "due", None), args.item, args.name))
    return _created(args, rel)


def _cancel(args: argparse.Namespace) -> int:
    return _created(args, cancel(_context(args), args.meeting, args.reason))


def _postpone(args: argparse.Namespace) -> int:
    when = When(args.date, args.time, args.end)
    return _created(args, *postpone(_context(args), args.meeting, when))


def _format(args: argparse.Namespace) -> int:
    return formatter.run(args.paths, args.root, check=args.check, lang=args.lang)


def _settle(args: argparse.Namespace) -> int:
    return formatter.run(args.paths, args.root, check=False, lang=args.lang,
                         fix=settle.settle_text)


def _cms(args: argparse.Namespace) -> int:
    """Write (or with --check compare) the CMS configuration generated from the schemas."""
    out = Path(args.out) if args.out else args.root / cms.SHIPPED
    text = cms.render(args.root, cms.Settings(local_backend=args.local_backend))
    if args.check:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        if current != text:
            print(say("edit.cms-stale", args.lang, path=out), file=sys.stderr)
            return EXIT_CHANGED
        return EXIT_OK
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8", newline="\n")
    print(out)
    return EXIT_OK


def _codequality(args: argparse.Namespace) -> int:
    sys.stdout.write(codequality.run(sys.stdin.read()))
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": _new, "cancel": _cancel, "postpone": _postpone, "format": _format,
    "codequality": _codequality, "settle": _settle, "cms": _cms,
}


def refusal(error: EditError, lang: str) -> str:
    """What an EditError says: its text, the kind named in Czech, and "did you mean"."""
    args = dict(error.args_)
    if lang == "cs" and isinstance(args.get("kind"), str):
        args["kind"] = KINDS_CS.get(str(args["kind"]), args["kind"])
    text = say(f"edit.{error.key}", lang, **args)
    if args.get("suggestion"):
        text += say("common.did-you-mean", lang, **args)
    return text


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build(language(argv)).parse_args(argv)
    args.lang = language(argv)
    args.root = Path(args.root)
    try:
        return HANDLERS[args.command](args)
    except EditError as exc:
        print(f"python -m edit: {refusal(exc, args.lang)}", file=sys.stderr)
    except engine.InternalError as exc:
        print(f"python -m edit: {exc.file}: {exc.detail}", file=sys.stderr)
    return EXIT_USAGE
