"""The accessibility statement (prohlášení o přístupnosti, zákon č. 99/2019 Sb., § 8; its structure
by vyhláška č. 515/2020 Sb.): who publishes the site, whom to write to, and what the last
automated check found.

The check's result is not written by hand: tests/web/test_browser.py runs axe-core on every
built page and keeps `web/accessibility.json` equal to what it found (it fails when the file
claims another result), so the statement cannot say more than the test saw.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

PATH = "pristupnost.html"
RESULTS = "accessibility.json"
IMPACT = {"minor": "drobná", "moderate": "střední", "serious": "závažná", "critical": "kritická"}
# The site's publisher and contact: the city office's generic address by default (no person's
# data: the repository is public); a city sets its own through the environment, like the sync.
DEFAULTS = {
    "KPSS_PUBLISHER": "Statutární město Liberec",
    "KPSS_PUBLISHER_ADDRESS": "nám. Dr. E. Beneše 1/1, 460 59 Liberec",
    "KPSS_CONTACT_EMAIL": "posta@magistrat.liberec.cz",
    "KPSS_CONTACT_PHONE": "",
}
SUPERVISOR = ("Digitální a informační agentura", "https://www.dia.gov.cz/")
"""Who supervises compliance (§ 10 and § 11 of zákon č. 99/2019 Sb. as amended by
zákon č. 471/2022 Sb.): where a visitor turns when the publisher does not fix a problem."""


@dataclass(frozen=True)
class Finding:
    """One axe-core rule the last run found broken somewhere, with its impact."""

    rule: str
    impact: str

    @property
    def impact_cs(self) -> str:
        return IMPACT.get(self.impact, self.impact)


@dataclass(frozen=True)
class Check:
    """What the last automated check found, as the test wrote it."""

    checked: dt.date
    engine: str
    standard: str
    findings: tuple[Finding, ...]

    @property
    def serious(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.impact in ("serious", "critical"))


@dataclass(frozen=True)
class Contact:
    """The public body the statement speaks for and where to report a problem."""

    publisher: str
    address: str
    email: str
    phone: str


def contact(environ: Mapping[str, str] | None = None) -> Contact:
    """The contact from the environment, else the defaults above."""
    env = os.environ if environ is None else environ
    value = {key: env.get(key) or default for key, default in DEFAULTS.items()}
    return Contact(value["KPSS_PUBLISHER"], value["KPSS_PUBLISHER_ADDRESS"],
                   value["KPSS_CONTACT_EMAIL"], value["KPSS_CONTACT_PHONE"])


def parse(data: Mapping[str, Any]) -> Check:
    """The results file's content as a Check."""
    findings = tuple(Finding(str(f["rule"]), str(f["impact"])) for f in data["findings"])
    return Check(dt.date.fromisoformat(data["checked"]), str(data["engine"]),
                 str(data["standard"]), tuple(sorted(set(findings), key=lambda f: f.rule)))


def last_check() -> Check:
    """The result the browser test last recorded (shipped with the package)."""
    text = resources.files("web").joinpath(RESULTS).read_text(encoding="utf-8")
    return parse(json.loads(text))


def dump(check: Check) -> str:
    """The results file for `check`: sorted keys and findings, so an equal result is equal text."""
    data = {"checked": check.checked.isoformat(), "engine": check.engine,
            "standard": check.standard,
            "findings": [{"rule": f.rule, "impact": f.impact}
                         for f in sorted(set(check.findings), key=lambda f: f.rule)]}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
