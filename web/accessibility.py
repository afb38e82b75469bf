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

from web.publisher import Publisher

PATH = "pristupnost.html"
RESULTS = "accessibility.json"
IMPACT = {"minor": "drobná", "moderate": "střední", "serious": "závažná", "critical": "kritická"}
# Where to report a problem: the publisher's name and public e-mail come from the site's
# configuration (web/publisher.py: --publisher, --contact-email or their variables); without an
# e-mail, the city office's generic address (no person's data: the repository is public).
DEFAULT_EMAIL = "posta@magistrat.liberec.cz"
ADDRESS, PHONE = "KPSS_PUBLISHER_ADDRESS", "KPSS_CONTACT_PHONE"
DEFAULT_ADDRESS = "nám. Dr. E. Beneše 1/1, 460 59 Liberec"
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


def contact(publisher: Publisher, environ: Mapping[str, str] | None = None) -> Contact:
    """The contact for `publisher`, its address and phone from the environment."""
    env = os.environ if environ is None else environ
    return Contact(publisher.name, env.get(ADDRESS) or DEFAULT_ADDRESS,
                   publisher.email or DEFAULT_EMAIL, env.get(PHONE) or "")


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
