"""The public site built from the bench corpus: its largest page (every page is to stay under
100 kB, at 50,000 meetings too) and the calendar files subscribers download.

    python -m bench.sitebench CORPUS [OUT]    # a corpus from python -m bench.corpus
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import schedule

LIMIT = 100 * 1024
FEED = "kalendare/vse.ics"
ARCHIVE = "kalendare/vse-archiv.ics"


@dataclass(frozen=True)
class SiteRow:
    meetings: int
    pages: int
    largest: str
    """The largest HTML page, by path from the site's root."""
    largest_bytes: int
    feed_bytes: int
    """`vse.ics`, what every subscriber of all meetings downloads at each refresh."""
    archive_bytes: int
    seconds: float
    code: int


def measure(corpus: Path, out: Path) -> SiteRow:
    """Build the site with `python -m web build` as of the corpus's day, and size it."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "web", "build", "--out", str(out), "--root",
                           str(corpus), "--today", schedule.TODAY.isoformat()],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    pages = {p.relative_to(out).as_posix(): p.stat().st_size for p in out.rglob("*.html")}
    largest = max(pages, key=lambda k: pages[k]) if pages else ""
    meetings = sum(1 for _ in (corpus / "records" / "meetings").glob("*/*.yaml"))
    return SiteRow(meetings, len(pages), largest, pages.get(largest, 0), _size(out / FEED),
                   _size(out / ARCHIVE), seconds, done.returncode)


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def lines(rows: list[SiteRow]) -> list[str]:
    """The Markdown table of the report."""
    table = ["| meetings | pages | largest page | its size | `vse.ics` (subscribed) | "
             "`vse-archiv.ics` | build |", "| ---: | ---: | --- | ---: | ---: | ---: | ---: |"]
    table += [f"| {r.meetings:,} | {r.pages:,} | `{r.largest}` | {r.largest_bytes / 1024:.1f} kB"
              f"{'' if r.largest_bytes < LIMIT else ' (over 100 kB)'} | "
              f"{r.feed_bytes / 1024:.0f} kB | {r.archive_bytes / 1024:.0f} kB | "
              f"{r.seconds:.0f} s{'' if r.code == 0 else f', exit {r.code}'} |" for r in rows]
    return table


def main(argv: list[str]) -> int:
    corpus = Path(argv[0])
    with tempfile.TemporaryDirectory(prefix="kpss-site-") as scratch:
        row = measure(corpus, Path(argv[1]) if len(argv) > 1 else Path(scratch))
    print("\n".join(lines([row])))
    return row.code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
