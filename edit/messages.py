"""The one error type `python -m edit` raises, and the record kinds' Czech names; every text
is in messages/ (cs.py, en.py) under `edit.`."""

from __future__ import annotations

from lint.kinds import names

KINDS_CS = names("cs")
"""Kind → its Czech name (declared in lint/kinds.py)."""


class EditError(Exception):
    """A refusal for the user: a message key (`edit.<key>` in messages/) and its arguments; the
    command exits 2."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key, self.args_ = key, args
