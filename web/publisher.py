"""Who publishes the site's open data: the organiser of the events (OFN Události) and the
publisher and contact point of the catalogue record (DCAT-AP-CZ). Set by `python -m web build`
options or environment variables; the defaults are the city whose records these are."""

from __future__ import annotations

import os
from dataclasses import dataclass

NAME = "KPSS_PUBLISHER"
ICO = "KPSS_PUBLISHER_ICO"
EMAIL = "KPSS_CONTACT_EMAIL"
AREA = "KPSS_PUBLISHER_AREA"
"""Environment variables read when the matching option is not given."""

DEFAULT_NAME = "Statutární město Liberec"
DEFAULT_ICO = "00262978"
"""IČO of the statutory city of Liberec (the organisation number the registers use)."""
DEFAULT_AREA = "https://linked.cuzk.cz/resource/ruian/obec/563889"
"""The municipality of Liberec in RÚIAN: the area the data covers (DCAT-AP-CZ `prvek_rúian`)."""


@dataclass(frozen=True)
class Publisher:
    """The public body that organises the meetings and publishes their data."""

    name: str = DEFAULT_NAME
    ico: str = DEFAULT_ICO
    email: str | None = None
    """A public contact address for questions about the data (no private addresses: the
    repository is public); without it the contact point is the publisher's name only."""
    area: str = DEFAULT_AREA

    @property
    def ovm_iri(self) -> str:
        """The body in the register of rights and duties (RPP), as NKOD names a publisher."""
        return f"https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/{self.ico}"


def publisher(name: str | None = None, ico: str | None = None,
              email: str | None = None) -> Publisher:
    """The options, else the environment variables, else the defaults; blank means unset."""
    def pick(option: str | None, variable: str) -> str | None:
        return (option or os.environ.get(variable, "")).strip() or None

    return Publisher(name=pick(name, NAME) or DEFAULT_NAME, ico=pick(ico, ICO) or DEFAULT_ICO,
                     email=pick(email, EMAIL), area=pick(None, AREA) or DEFAULT_AREA)
