"""Every code the linter can report, with its name and severity."""

from __future__ import annotations

from collections.abc import Mapping

from lint.problem import Severity
from lint.rules import RULES

__all__ = ["ENGINE", "Severity", "names", "severity"]

ENGINE: Mapping[str, tuple[str, Severity]] = {
    "KP101": ("yaml-syntax-error", Severity.ERROR),
    "KP102": ("duplicate-key", Severity.ERROR),
    "KP103": ("tab-character", Severity.ERROR),
    "KP104": ("not-utf8", Severity.ERROR),
    "KP105": ("empty-file", Severity.ERROR),
    "KP106": ("yaml-alias", Severity.ERROR),
    "KP107": ("yaml-merge-key", Severity.ERROR),
    "KP108": ("yaml-tag", Severity.ERROR),
    "KP109": ("file-too-large", Severity.ERROR),
    "KP110": ("unknown-file-type", Severity.ERROR),
    "KP111": ("unknown-folder", Severity.ERROR),
    "KP112": ("byte-order-mark", Severity.WARNING),
    "KP113": ("nesting-too-deep", Severity.ERROR),
    "KP114": ("unreadable-file", Severity.ERROR),
    "KP115": ("symlink-outside-records", Severity.ERROR),
    "KP116": ("no-records", Severity.ERROR),
    "KP117": ("missing-schema-modeline", Severity.WARNING),
    "KP201": ("missing-field", Severity.ERROR),
    "KP202": ("unknown-field", Severity.ERROR),
    "KP203": ("wrong-type", Severity.ERROR),
    "KP204": ("value-not-allowed", Severity.ERROR),
    "KP205": ("invalid-format", Severity.ERROR),
    "KP206": ("pattern-mismatch", Severity.ERROR),
    "KP207": ("schema-violation", Severity.ERROR),
}
"""Codes of the parse and schema steps; rule codes live in their rule modules."""

_ALL: dict[str, tuple[str, Severity]] = {
    **ENGINE, **{rule.CODE: (rule.NAME, rule.SEVERITY) for rule in RULES},
}


def severity(code: str) -> Severity:
    return _ALL[code][1]


def names() -> Mapping[str, tuple[str, Severity]]:
    """Code → (name, severity) for every code, engine and rules alike."""
    return dict(_ALL)
