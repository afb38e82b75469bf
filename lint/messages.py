"""The record kinds' names in Czech and English, as lint/kinds.py declares them; every other
text is in messages/ (cs.py, en.py)."""

from __future__ import annotations

from collections.abc import Mapping

from lint.kinds import names
from messages import LANGUAGES

KIND_NAMES: Mapping[str, Mapping[str, str]] = {lang: names(lang) for lang in LANGUAGES}
"""Kind → its name, per language (declared in lint/kinds.py)."""
