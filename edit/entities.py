"""Scaffolds for the people and organisations that minutes name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap

from edit.context import Context, create
from edit.messages import EditError
from lint.fixes import slug

ORGANISATION_KINDS = ("city", "city-district", "region", "state", "provider", "agency",
                      "local-action-group", "other")
"""The `kind` enum of schemas/organisation.schema.json (a test keeps the two equal)."""
KIND_COMMENT = "DOPLŇTE druh, pokud ho víte (kind: provider, state, city, region, …)"



@dataclass(frozen=True)
class Name:
    """A person's name as minutes write it, split into its parts."""

    name: str
    given: str | None
    surname: str
    before: str | None = None
    after: str | None = None


def split_name(text: str) -> Name:
    """`Ing. Petr Ponikelský, Ph.D.` → titles, given name, surname (the last word)."""
    main, _, after = (part.strip() for part in text.partition(","))
    words = main.split()
    titles = []
    while len(words) > 1 and words[0].endswith("."):
        titles.append(words.pop(0))
    if not words:
        raise EditError("bad-name", value=text)
    given = " ".join(words[:-1]) or None
    return Name(" ".join(words), given, words[-1], " ".join(titles) or None, after or None)


def _checked_id(record_id: str, source: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", record_id):
        raise EditError("bad-name", value=source)
    return record_id


def new_person(ctx: Context, full_name: str, organisation: str | None = None,
               record_id: str | None = None) -> str:
    """Create records/people/<id>.yaml; the id is the name without titles as a slug."""
    name = split_name(full_name)
    record_id = _checked_id(record_id or slug(name.name), full_name)
    if organisation is not None:
        ctx.require("organisation", organisation)
    data = CommentedMap([("id", record_id), ("name", name.name)])
    for key, value in (("given_name", name.given), ("surname", name.surname),
                       ("title_before", name.before), ("title_after", name.after),
                       ("organisation", organisation)):
        if value is not None:
            data[key] = value
    return create(ctx, "person", ctx.path("person", record_id), data)


def new_organisation(ctx: Context, name: str, abbreviation: str | None = None,
                     kind: str | None = None, record_id: str | None = None) -> str:
    """Create records/organisations/<id>.yaml; the id is the abbreviation (or name) as a slug."""
    record_id = _checked_id(record_id or slug(abbreviation or name), name)
    data = CommentedMap([("id", record_id), ("name", name)])
    if abbreviation:
        data["abbreviation"] = abbreviation
    if kind:
        data["kind"] = kind
    else:
        data.yaml_add_eol_comment(KIND_COMMENT, "name")
    return create(ctx, "organisation", ctx.path("organisation", record_id), data)
