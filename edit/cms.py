"""The Decap CMS configuration (`/admin/config.yml`), generated from the schemas, the folder of
each record kind and the table of references: one folder collection per kind, never kept by
hand. `python -m edit cms` writes it; `python -m web build` writes it into the site."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from edit.cmsfields import Form, Target, enum_labels
from lint import kinds
from lint.kinds import ANY, Kind

SHIPPED = Path("web/admin/config.yml")
"""The configuration kept in the repository, for review and for the test that it is current."""
HEADER = ("# Vytvořeno příkazem `python -m edit cms` ze schémat ve složce schemas/; neupravujte\n"
          "# ručně (test tests/edit/test_cms.py porovná tento soubor s tím, co schémata dají).\n")
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
"""File names as ids want them: ASCII, no diacritics, words joined by hyphens."""
SHORT_NAME = 40
"""Characters of a title or text kept in a file name (e.g. a decision's <meeting>-<short name>)."""


@dataclass(frozen=True)
class Settings:
    """Where the CMS saves: the site's settings, from the environment of the build."""

    backend: str = "github"
    repo: str = "example/kpss"
    branch: str = "main"
    auth_url: str | None = None
    """GitHub: the OAuth proxy that exchanges the login for a token (docs/ci.md)."""
    app_id: str | None = None
    """GitLab: the application id of the PKCE login (docs/ci.md)."""
    site_url: str | None = None
    local_backend: str | None = None
    """decap-server's address, for trying the CMS on one's own computer and for tests."""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls, site_url: str | None = None) -> Settings:
        """KPSS_CMS_BACKEND, KPSS_CMS_REPO (or GitHub's/GitLab's own), KPSS_CMS_BRANCH,
        KPSS_CMS_AUTH_URL, KPSS_CMS_APP_ID."""
        env = os.environ
        return cls(
            backend=env.get("KPSS_CMS_BACKEND") or cls.backend,
            repo=(env.get("KPSS_CMS_REPO") or env.get("GITHUB_REPOSITORY")
                  or env.get("CI_PROJECT_PATH") or cls.repo),
            branch=env.get("KPSS_CMS_BRANCH") or cls.branch,
            auth_url=env.get("KPSS_CMS_AUTH_URL") or None,
            app_id=env.get("KPSS_CMS_APP_ID") or None, site_url=site_url)

    def backend_config(self) -> dict[str, Any]:
        backend: dict[str, Any] = {"name": self.backend, "repo": self.repo,
                                   "branch": self.branch, "squash_merges": True}
        if self.backend == "gitlab":
            # A PKCE login needs no server of ours: the browser proves it started the login.
            backend.update(auth_type="pkce", app_id=self.app_id or "GITLAB_APPLICATION_ID")
        elif self.auth_url:
            backend["base_url"] = self.auth_url
        return backend


def schemas(root: Path) -> dict[str, dict[str, Any]]:
    """Every kind's schema, by kind (lint/kinds.py declares them)."""
    return {k.name: json.loads((root / "schemas" / k.schema).read_text("utf-8"))
            for k in kinds.KINDS}


def _slug(declared: Kind, schema: Mapping[str, Any], form: Form) -> tuple[str, str]:
    """The identifier field and the file-name template of a kind: `<date>-<name>` (the id
    rule's date field), `<meeting>-<short text>` or `<name>`; a kind without a name takes its
    first reference."""
    required = schema.get("required", ())
    names = [n for n in ("name", "title", "text") if n in required]
    refs = {path[0]: kind for path, kind in form.references.items() if path[0] in required}
    days = [declared.id_rule.date_field] if declared.id_rule.date_field else []
    meeting = [n for n, target in refs.items() if target == "meeting" and len(refs) > 1]
    prefix = [f"{{{{fields.{n}}}}}-" for n in (days or meeting)[:1]]
    if names:
        return names[0], "".join(prefix) + f"{{{{slug | truncate({SHORT_NAME}, '-')}}}}"
    first = next(n for n in refs if n not in (days or meeting)[:1])
    index = ".0" if (first, ANY) in form.references else ""
    # Decap needs a filled identifier even where the template does not use it.
    return (days or [first])[0], "".join(prefix) + f"{{{{fields.{first}{index}}}}}"


def collection(declared: Kind, schema: Mapping[str, Any], form: Form) -> dict[str, Any]:
    """One folder collection: a YAML file per record under records/<folder>/."""
    identifier, slug = _slug(declared, schema, form)
    target = form.targets[declared.name]
    entry: dict[str, Any] = {
        "name": declared.folder, "label": _capital(declared.names.cs_plural),
        "label_singular": _capital(declared.names.cs),
        "description": schema.get("description", ""),
        "folder": f"records/{declared.folder}", "extension": "yaml", "format": "yaml",
        "create": True, "slug": slug, "identifier_field": identifier,
        "editor": {"preview": False},  # a record is data, not a page: the form gets the width
        "summary": " · ".join(f"{{{{{name}}}}}" for name in target.display),
        "sortable_fields": list(dict.fromkeys((*target.display, "id"))),
    }
    if declared.id_rule.year_folders:
        entry["path"] = "{{year}}/{{slug}}"
    entry["fields"] = form.fields(schema)
    return entry


def config(root: Path, settings: Settings) -> dict[str, Any]:
    """The whole configuration as data."""
    documents = schemas(root)
    targets = {k.name: Target.of(k.folder, documents[k.name]) for k in kinds.KINDS}
    labels = enum_labels(documents.values())
    collections = []
    for declared in kinds.KINDS:
        form = Form(documents[declared.name], dict(declared.references), targets, labels)
        collections.append(collection(declared, documents[declared.name], form))
    result: dict[str, Any] = {"locale": "cs", "backend": settings.backend_config(),
                              "publish_mode": "editorial_workflow"}
    if settings.local_backend:
        result["local_backend"] = {"url": settings.local_backend}
    if settings.site_url:
        result.update(site_url=settings.site_url, display_url=settings.site_url)
    result.update(media_folder="docs/media", public_folder="/media", slug=SLUG,
                  collections=collections)
    return result


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


class _Dumper(yaml.SafeDumper):
    """Every repeated value written out in full: a reader of config.yml meets no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render(root: Path, settings: Settings) -> str:
    """The configuration as the YAML text written to config.yml."""
    body = yaml.dump(config(root, settings), Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, width=100)
    return HEADER + body
