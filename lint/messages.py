"""The record kinds' names in Czech and English; every other text is in messages/ (cs.py, en.py)."""

from __future__ import annotations

from collections.abc import Mapping

KIND_NAMES: Mapping[str, Mapping[str, str]] = {
    "cs": {"organisation": "organizace", "person": "osoba", "venue": "místo", "group": "skupina",
           "calendar": "kalendář", "meeting": "jednání", "decision": "usnesení/úkol",
           "plan": "plán"},
    "en": {"organisation": "organisation", "person": "person", "venue": "venue", "group": "group",
           "calendar": "calendar", "meeting": "meeting", "decision": "decision/task",
           "plan": "plan"},
}
