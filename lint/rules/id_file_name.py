"""What it flags: a record whose `id` differs from its file name (without `.yaml`).

Why it matters: other records refer to this one by its id, and editors find it by its file name;
when the two differ, a reference points somewhere nobody can find.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.model import Repository
from lint.problem import Finding, Severity

CODE = "KP301"
NAME = "id-differs-from-file-name"
SEVERITY = Severity.ERROR
READS: tuple[str, ...] = ()


def check(model: Repository) -> Iterator[Finding]:
    for rel, (_kind, data) in model.raw.items():
        record_id = data.get("id") if isinstance(data, dict) else None
        stem = rel.rsplit("/", 1)[-1].removesuffix(".yaml")
        if isinstance(record_id, str) and record_id != stem:
            yield Finding(CODE, rel, ("id",), {"id": record_id, "expected": stem})
