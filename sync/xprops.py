"""The properties kpss adds to every event it writes (RFC 5545 §3.8.8.2 non-standard
properties), in a module of their own: reading them needs no iCalendar builder."""

from __future__ import annotations

MARKER = "X-KPSS-RECORD"
"""On every event we create: the meeting's record file. Says "this event belongs to kpss"."""
COMMIT = "X-KPSS-COMMIT"
"""The commit (12 hex digits) the event was written from; with COMMIT_TIME, its committer time.
A sync of an older commit finding a newer one here leaves the event alone (sync/commits.py)."""
COMMIT_TIME = "X-KPSS-COMMIT-TIME"
HASH = "X-KPSS-HASH"
"""The hash of the data the event was made from (see sync/ical.py, HASH_FORMAT)."""

__all__ = ["COMMIT", "COMMIT_TIME", "HASH", "MARKER"]
