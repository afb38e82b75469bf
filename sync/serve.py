"""`python -m sync serve`: the embedded default. Validate the records, start Radicale on
127.0.0.1, push the schedule, print the subscribe URLs, serve until Ctrl-C.

The server keeps its data in a folder of the repository (`.kpss-serve/`, ignored by git) and
listens on a fixed port, so the addresses it prints, once added to a calendar app, keep working
at the next start; deleting the folder resets it."""

from __future__ import annotations

import argparse
import contextlib
import time
from pathlib import Path

from messages import say
from sync import errors, radicale
from sync.settings import Settings

DEFAULT_PORT = 5232
"""Radicale's own default port; `--port 0` takes any free one (the tests do)."""
DEFAULT_DATA = ".kpss-serve"
"""The server's folder under the repository's root (in .gitignore)."""


def data_folder(args: argparse.Namespace) -> Path:
    return Path(args.data) if args.data else Path(args.root) / DEFAULT_DATA


def serve(args: argparse.Namespace, out: list[str], push: object) -> int:
    """Run the embedded server; `push` is sync.cli.push_to (passed in to keep imports one-way)."""
    folder = data_folder(args)
    folder.mkdir(parents=True, exist_ok=True)
    port = DEFAULT_PORT if args.port is None else args.port
    if port and not radicale.port_free(port):
        raise errors.PortTaken(port=port, other=port + 1)
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(radicale.running(folder, port or None))
        except RuntimeError as exc:
            raise errors.ServeFailed(str(exc), log=folder / radicale.LOG) from exc
        return _push_and_wait(args, out, push, server, folder)


def _push_and_wait(args: argparse.Namespace, out: list[str], push: object,
                   server: radicale.Server, folder: Path) -> int:
    config = Settings(server.url, server.user, server.password, timeout=args.timeout)
    code = push(args, out, config)  # type: ignore[operator]
    out.append(say("sync.serve_running", args.lang, url=server.url))
    for calendar_id, name in getattr(args, "calendars_pushed", []):
        url = server.calendar_url(calendar_id)
        out.append(f"  {name}\n    {url}\n    {url.replace('http://', 'webcal://', 1)}")
    out.append(say("sync.serve_once" if args.once else "sync.serve_stop", args.lang, folder=folder))
    _flush(out)
    while not args.once and server.process.poll() is None:
        time.sleep(0.5)
    return int(code)


def _flush(out: list[str]) -> None:
    for line in out:
        print(line, flush=True)
    out.clear()
