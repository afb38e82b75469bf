"""A synthetic repository like records/: N meetings over realistic groups, people, venues,
organisations and tasks, with Czech minutes, that lints without errors; optionally a share of the
meeting files broken the way editors break them.

    python -m bench.corpus OUT [--meetings 10000] [--seed 1] [--broken 0.01]

Deterministic: the same seed and size give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench import render, schedule
from bench.breakage import break_text
from bench.cast import Cast, make_cast
from bench.minutes import meeting_text
from bench.schedule import Decision, Meeting

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
DEFAULT_MEETINGS = 10_000
DEFAULT_SEED = 1


@dataclass(frozen=True)
class Corpus:
    """A generated repository: where it is, how big, and which files were broken and how."""

    root: Path
    meetings: int
    files: int
    broken: dict[str, str] = field(default_factory=dict)
    """Repository-relative path → the mistake made in it."""

    @property
    def meeting_files(self) -> list[Path]:
        return sorted((self.root / "records" / "meetings").glob("*/*.yaml"))


def generate(root: Path, meetings: int = DEFAULT_MEETINGS, *, seed: int = DEFAULT_SEED,
             broken: float = 0.0) -> Corpus:
    """Write schemas/ and records/ under `root` (which must not hold records/ yet)."""
    if (root / "records").exists():
        raise FileExistsError(root / "records")
    rng = random.Random(seed)  # noqa: S311 - a seeded corpus, no secret
    cast = make_cast(rng)
    planned, decisions = schedule.plan(rng, meetings, cast)
    since = planned[0].date.replace(month=1, day=1) if planned else schedule.TODAY
    files = dict(_static(cast, since, decisions))
    for meeting in planned:
        text = meeting_text(render.random_for(seed, meeting), meeting, cast)
        files[render.meeting_path(meeting)] = text
    mistakes = _break(files, _breakable(planned, decisions, seed, broken))
    shutil.copytree(SCHEMAS, root / "schemas", dirs_exist_ok=True)
    _write(root / "records", files)
    return Corpus(root, len(planned), len(files), mistakes)


def _static(cast: Cast, since: dt.date, decisions: list[Decision]) -> render.Files:
    yield from render.organisations()
    yield from render.people(cast)
    yield from render.venues()
    yield from render.groups(cast, since)
    yield from render.calendars()
    yield from render.plan()
    yield from render.decisions(decisions)


def _breakable(planned: list[Meeting], decisions: list[Decision], seed: int,
               share: float) -> list[str]:
    """Paths of the meetings to break: a `share` of all, among those nothing refers to."""
    if share <= 0 or not planned:
        return []
    referred = {d.meeting.id for d in decisions}
    for meeting in planned:
        referred.update(filter(None, (meeting.next_meeting, meeting.postponed_to,
                                      meeting.postponed_from)))
        if meeting.postponed_to or meeting.postponed_from or meeting.checks:
            referred.add(meeting.id)
    free = [m for m in planned if m.id not in referred]
    count = min(len(free), max(1, round(len(planned) * share)))
    chosen = random.Random(f"{seed}:broken").sample(free, count)  # noqa: S311 - seeded
    return sorted(render.meeting_path(m) for m in chosen)


def _break(files: dict[str, str], paths: Iterable[str]) -> dict[str, str]:
    mistakes = {}
    for index, path in enumerate(paths):
        files[path], mistakes["records/" + path] = break_text(files[path], index)
    return mistakes


def _write(records: Path, files: dict[str, str]) -> None:
    folders = {records / path.rsplit("/", 1)[0] for path in files}
    for folder in sorted(folders):
        folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        with open(records / path, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to create schemas/ and records/ in")
    parser.add_argument("--meetings", type=int, default=DEFAULT_MEETINGS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--broken", type=float, default=0.0, help="share of meetings to break")
    args = parser.parse_args(argv)
    corpus = generate(args.out, args.meetings, seed=args.seed, broken=args.broken)
    print(f"{corpus.root}: {corpus.meetings} meetings, {corpus.files} files, "
          f"{len(corpus.broken)} broken; lint with --today {schedule.TODAY.isoformat()}")
    for path, mistake in corpus.broken.items():
        print(f"  {path}: {mistake}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
