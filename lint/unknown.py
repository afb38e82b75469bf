"""One mistake, one message: what the linter cannot see, and the findings that would rest on it.

A record that fails to parse or to validate is left out of the model. A rule judging other records
by it would then conclude from its absence ("no meeting checked this task") or from a half-typed
value ("jana-novakva is not a member"): a second, false error in a file the editor did not touch.
Two general filters keep every mistake to its own message:

- facts: a rule declares the kinds of records it judges by (`READS`). Its finding about a record
  is dropped when that record refers to a record of those kinds which failed or does not exist,
  or when a failed record of those kinds mentions the record's id (it may hold the very fact the
  rule missed, a task check for instance).
- places: at one value, one message. A placeholder (`TODO`, KP306) is said instead of the
  schema's complaint about it; the schema's complaint instead of any rule's about the same value.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lint.fixes import render
from lint.model import Repository
from lint.parse import MAX_BYTES
from lint.problem import Finding, Pointer
from lint.references import references
from lint.rules import RULES, Rule

PLACEHOLDER = "KP306"
REFERENCE = "KP303"


@dataclass(frozen=True)
class Failed:
    """A record the model lacks: its kind, the ids it may have had, and its text as read."""

    kind: str
    ids: frozenset[str]
    text: str

    def mentions(self, record_id: str) -> bool:
        return record_id in self.text and re.search(
            rf"(?<![\w-]){re.escape(record_id)}(?![\w-])", self.text) is not None


def failed(records: Iterable[tuple[str, str, Path, Any]]) -> list[Failed]:
    """The records left out of the model (kind, file, path, data as parsed), read again as
    text: they are few, and only the start of a file too large to read counts."""
    found = []
    for kind, rel, path, data in records:
        ids = {rel.rsplit("/", 1)[-1].removesuffix(".yaml")}
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
        try:
            with open(path, "rb") as handle:
                text = handle.read(MAX_BYTES).decode("utf-8", errors="replace")
        except OSError:
            text = ""
        found.append(Failed(kind, frozenset(ids), text))
    return found


def rule_findings(repository: Repository, failed: Sequence[Failed]) -> list[Finding]:
    """Every rule's findings, without those resting on facts the linter cannot see."""
    missing: dict[str, set[str]] = defaultdict(set)
    for record in failed:
        missing[record.kind] |= record.ids
    by_rule = [(rule, list(rule.check(repository))) for rule in RULES]
    for rule, findings in by_rule:  # a record naming a missing one is half known
        if rule.CODE == REFERENCE:
            for finding in findings:
                kind, data = repository.raw.get(finding.file, ("", None))
                if isinstance(data, dict) and isinstance(data.get("id"), str):
                    missing[kind].add(data["id"])
    found: list[Finding] = []
    for rule, findings in by_rule:
        found += [f for f in findings if not rule.READS
                  or not _rests_on_unknown(f, rule, repository, failed, missing)]
    return found


def existing_references(findings: Iterable[Finding], repository: Repository) -> list[Finding]:
    """A corrected line that names a record names one that exists: the closest existing id
    stands in for a guess that does not, or no line is offered."""
    return [_existing(f, repository) if isinstance(f.args.get("guess"), str) else f
            for f in findings]


def _existing(finding: Finding, repository: Repository) -> Finding:
    kind, data = repository.raw.get(finding.file, ("", None))
    target = next((t for pointer, t, _ in references(kind, data) if pointer == finding.pointer),
                  None)
    guess = str(finding.args["guess"])
    known = repository.known_ids.get(target or "", frozenset())
    if target is None or guess in known:
        return finding
    args = dict(finding.args)
    close = difflib.get_close_matches(guess, sorted(known), n=1, cutoff=0.6)
    if close:
        args["fixed"] = str(args["fixed"]).replace(render(guess), render(close[0]))
        args["guess"] = close[0]
    else:
        args.pop("fixed", None)
        args.pop("guess", None)
    return replace(finding, args=args)


def _rests_on_unknown(finding: Finding, rule: Rule, repository: Repository,
                      failed: Sequence[Failed], missing: Mapping[str, set[str]]) -> bool:
    kind, data = repository.raw.get(finding.file, ("", None))
    for _pointer, target, value in references(kind, data):
        if target in rule.READS and (value in missing.get(target, ())
                                     or value not in repository.known_ids.get(target, ())):
            return True
    own = data.get("id") if isinstance(data, dict) else None
    return isinstance(own, str) and any(
        record.kind in rule.READS and record.mentions(own) for record in failed)


def one_per_place(findings: Iterable[Finding]) -> list[Finding]:
    """At one value of one file one message: placeholder, then schema, then rules."""
    findings = list(findings)
    placeholders = {(f.file, f.pointer) for f in findings if f.code == PLACEHOLDER}
    schema: dict[str, list[Pointer]] = defaultdict(list)
    for f in findings:
        if _is_schema(f.code) and f.pointer and (f.file, f.pointer) not in placeholders:
            schema[f.file].append(f.pointer)
    kept = []
    for f in findings:
        if _is_schema(f.code):
            if (f.file, f.pointer) in placeholders:
                continue
        elif f.code != PLACEHOLDER and is_rule(f.code) and any(
                f.pointer[:len(p)] == p for p in schema.get(f.file, ())):
            continue
        kept.append(f)
    return kept


def _is_schema(code: str) -> bool:
    return code.startswith("KP2")


def is_rule(code: str) -> bool:
    """Whether a code is a rule's (parse and schema codes are below KP300)."""
    return code >= "KP3"
