"""`python -m sync serve`: the embedded default. Validate the records, start Radicale on
127.0.0.1, push the schedule, print the subscribe URLs, serve until Ctrl-C."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sync import radicale
from sync.messages import say
from sync.settings import Settings


def serve(args: argparse.Namespace, out: list[str], push: object) -> int:
    """Run the embedded server; `push` is sync.cli.push_to (passed in to keep imports one-way)."""
    folder = Path(args.data) if args.data else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    with radicale.running(folder, args.port or None) as server:
        config = Settings(server.url, server.user, server.password, timeout=args.timeout)
        code = push(args, out, config)  # type: ignore[operator]
        out.append(say("serve_running", args.lang, url=server.url))
        for calendar_id, name in args.calendars_pushed:
            url = server.calendar_url(calendar_id)
            out.append(f"  {name}\n    {url}\n    {url.replace('http://', 'webcal://', 1)}")
        out.append(say("serve_stop" if not args.once else "serve_once", args.lang))
        _flush(out)
        while not args.once and server.process.poll() is None:
            time.sleep(0.5)
    return int(code)


def _flush(out: list[str]) -> None:
    for line in out:
        print(line, flush=True)
    out.clear()
