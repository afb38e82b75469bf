"""The consistency rules, listed explicitly; a test checks the list against this folder.

Each rule module has a `CODE`, a kebab-case `NAME` saying what it flags, a `SEVERITY`, `READS`
(the kinds of other records it judges by), a docstring
with *What it flags* and *Why it matters*, and `check(model) -> Iterator[Finding]`.

The rules of one record kind may instead share a module named after the kind: it lists them in
`RULES`, each a class with the same attributes (and `check` a staticmethod), so that adding a
kind adds one rule file.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType
from typing import Protocol, cast

from lint.model import Repository
from lint.problem import Finding, Severity
from lint.rules import (
    ambiguous_local_time,
    approved_minutes_changed,
    attendance_on_unheld_meeting,
    attendee_not_member,
    cancelled_without_reason,
    check_not_after_decision,
    dated,
    decision_meeting_mismatch,
    duplicate_id,
    end_before_start,
    group_calendar_mismatch,
    held_in_the_future,
    id_file_name,
    meeting_on_public_holiday,
    meeting_on_weekend,
    meeting_outside_group_period,
    nonexistent_local_time,
    overdue_task,
    overlapping_membership,
    person_double_booked,
    planned_in_the_past,
    postponement_not_linked,
    present_and_excused,
    record_in_wrong_folder,
    room_double_booked,
    status_without_check,
    unfilled_placeholder,
    unresolved_reference,
)


class Rule(Protocol):
    CODE: str
    NAME: str
    SEVERITY: Severity
    READS: tuple[str, ...]
    """Kinds of other records whose facts the rule's conclusions rest on: where one of them
    failed to parse or to validate, or is referred to but missing, the rule says nothing about
    the records it touches (lint/unknown.py)."""
    __doc__: str | None

    def check(self, model: Repository) -> Iterator[Finding]: ...


_MODULES: tuple[ModuleType, ...] = (
    id_file_name,
    duplicate_id,
    unresolved_reference,
    unfilled_placeholder,
    record_in_wrong_folder,
    group_calendar_mismatch,
    end_before_start,
    nonexistent_local_time,
    ambiguous_local_time,
    meeting_on_public_holiday,
    meeting_on_weekend,
    meeting_outside_group_period,
    present_and_excused,
    person_double_booked,
    room_double_booked,
    held_in_the_future,
    planned_in_the_past,
    postponement_not_linked,
    cancelled_without_reason,
    attendance_on_unheld_meeting,
    attendee_not_member,
    overlapping_membership,
    decision_meeting_mismatch,
    status_without_check,
    check_not_after_decision,
    overdue_task,
    approved_minutes_changed,
    dated,
)



def _rules(module: ModuleType) -> tuple[Rule, ...]:
    """The module itself when it is one rule; the rules it lists in `RULES` otherwise (their
    docstrings without the class body's indentation, as a module's has none)."""
    listed = getattr(module, "RULES", None)
    if listed is None:
        return (cast(Rule, module),)
    for rule in listed:
        rule.__doc__ = inspect.cleandoc(rule.__doc__ or "")
    return tuple(cast(Rule, r) for r in listed)


RULES: tuple[Rule, ...] = tuple(rule for module in _MODULES for rule in _rules(module))
