"""`python -m edit codequality < lint.json > gl-code-quality-report.json`: the linter's JSON
report as a GitLab Code Quality report, so problems show in the merge request.

GitLab reads a subset of the Code Climate issue format: `description`, `check_name`,
`fingerprint`, `severity` and `location.path` / `location.lines.begin`
(https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from edit.messages import EditError

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
"""Linter severity → Code Climate severity (info, minor, major, critical, blocker)."""


def _fingerprint(problem: Mapping[str, Any], seen: Counter[str]) -> str:
    """Stable across line moves (no line number), unique within one report."""
    key = f"{problem['file']}\0{problem['code']}\0{problem['message']}"
    seen[key] += 1
    return hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()


def convert(problems: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Code Quality issues for the linter's problems, in the same order."""
    seen: Counter[str] = Counter()
    issues = []
    for problem in problems:
        issues.append({
            "type": "issue",
            "description": f"{problem['code']} {problem['message']}",
            "content": {"body": str(problem.get("hint", ""))},
            "check_name": f"{problem['code']} {problem.get('name', '')}".strip(),
            "fingerprint": _fingerprint(problem, seen),
            "severity": SEVERITY.get(str(problem.get("severity")), "major"),
            "location": {"path": problem["file"],
                         "lines": {"begin": int(problem.get("line") or 1)}},
        })
    return issues


def parse(text: str) -> list[Mapping[str, Any]]:
    """The linter's JSON output; empty input (the linter stopped early) is no problems."""
    if not text.strip():
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EditError("bad-json", detail=str(exc)) from None
    if not isinstance(data, list) or not all(_is_problem(p) for p in data):
        raise EditError("bad-json", detail="[{file, line, code, message, ...}]")
    return data


def _is_problem(item: object) -> bool:
    return isinstance(item, dict) and all(k in item for k in ("file", "code", "message"))


def run(text: str) -> str:
    """The report for the linter output `text`."""
    return json.dumps(convert(parse(text)), ensure_ascii=False, indent=2) + "\n"
