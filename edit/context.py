"""The repository a scaffold works in: the linter's model of it, where each kind's files go, and
writing a record (canonical, with its modeline) without ever overwriting one by accident."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from edit import canonical, yamlio
from edit.messages import EditError
from lint import engine, model
from lint.kinds import kind as kind_of


@dataclass(frozen=True)
class Context:
    """A repository root and the linter's model of its records."""

    root: Path
    repository: model.Repository

    @classmethod
    def open(cls, root: Path, today: dt.date) -> Context:
        if not (root / "records").is_dir() or not (root / "schemas").is_dir():
            raise EditError("no-root", root=root)
        result = engine.run(root, today=today)
        return cls(root, result.repository)

    @property
    def today(self) -> dt.date:
        return self.repository.today

    def require(self, kind: str, record_id: str) -> None:
        """Refuse an id that no record of `kind` has, naming the closest one."""
        known = self.repository.known_ids.get(kind, frozenset())
        if record_id not in known:
            close = difflib.get_close_matches(record_id, sorted(known), n=1, cutoff=0.6)
            raise EditError("unknown", kind=kind, id=record_id,
                            suggestion=close[0] if close else "")

    def meeting(self, meeting_id: str) -> model.Meeting:
        """The valid meeting record with this id (refused when unknown or invalid)."""
        self.require("meeting", meeting_id)
        found = self.repository.meetings.get(meeting_id)
        if found is None:
            raise EditError("schema-errors", path=self.file_of("meeting", meeting_id))
        return found

    def group(self, group_id: str) -> model.Group:
        self.require("group", group_id)
        found = self.repository.groups.get(group_id)
        if found is None:
            raise EditError("schema-errors", path=self.file_of("group", group_id))
        return found

    def record(self, kind: str, record_id: str) -> dict[str, Any]:
        """A record's data as parsed, valid or not (a minutes draft with TODOs is not)."""
        self.require(kind, record_id)
        rel = self.file_of(kind, record_id)
        found = self.repository.raw.get(rel, ("", None))[1]
        return found if isinstance(found, dict) else {}

    def file_of(self, kind: str, record_id: str) -> str:
        """The file of a record that parsed (valid or not), for messages."""
        for rel, (found_kind, data) in self.repository.raw.items():
            if found_kind == kind and isinstance(data, dict) and data.get("id") == record_id:
                return rel
        return record_id

    def path(self, kind: str, record_id: str, year: int | None = None) -> Path:
        """Where a new record of `kind` with this id belongs."""
        declared = kind_of(kind)
        folder = self.root / "records" / declared.folder
        if declared.id_rule.year_folders:
            folder = folder / f"{year:04d}"
        return folder / f"{record_id}.yaml"

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


def render(data: Any, kind: str, path: Path, root: Path) -> str:
    """Canonical text of a record to be written at `path`."""
    return canonical.render(data, kind, path, root)


def create(ctx: Context, kind: str, path: Path, data: Any) -> str:
    """Write a new record; refuse (exit 2) when the file already exists."""
    text = render(data, kind, path, ctx.root)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise EditError("exists", path=ctx.rel(path)) from None
    return ctx.rel(path)


def load(ctx: Context, rel: str) -> Any:
    """An existing record as round-trip data, comments and all."""
    path = ctx.root / rel
    try:
        modeline, body = yamlio.split_modeline(path.read_text(encoding="utf-8"))
        return yamlio.load(body, first_line=1 if modeline is None else 2)
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise EditError("invalid-record", path=rel, detail=str(exc).splitlines()[0]) from None


def save(ctx: Context, kind: str, rel: str, data: Any) -> str:
    """Write a changed record back in canonical form."""
    path = ctx.root / rel
    path.write_text(render(data, kind, path, ctx.root), encoding="utf-8", newline="\n")
    return rel
