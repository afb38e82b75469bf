"""The people of the synthetic corpus and who sits in which group.

Every working group has its own members, so groups meeting at the same hour never share a person
(no double booking); a pool of guests comes from the organisations.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench import czech

MEMBERS_PER_GROUP = 12
GUESTS = 30


@dataclass(frozen=True)
class Person:
    id: str
    given: str
    surname: str
    feminine: bool
    organisation: str
    title_before: str | None = None
    title_after: str | None = None

    @property
    def speaker(self) -> czech.Speaker:
        return czech.Speaker(self.surname, self.feminine)


@dataclass(frozen=True)
class Cast:
    """Everyone, each group's members (the first is its manager), and the guests."""

    people: tuple[Person, ...]
    members: dict[str, tuple[Person, ...]] = field(default_factory=dict)
    guests: tuple[Person, ...] = ()

    def managers(self) -> list[Person]:
        return [people[0] for people in self.members.values()]


class _Names:
    """Unique person ids from names: a second Jana Nováková becomes `jana-novakova-2`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def person(self, organisation: str) -> Person:
        feminine = self.rng.random() < 0.7  # social services: mostly women, as in the seeds
        given = self.rng.choice(czech.GIVEN["f" if feminine else "m"])
        surname = self.rng.choice(czech.SURNAMES)[1 if feminine else 0]
        base = czech.slug(f"{given} {surname}")
        pid, number = base, 1
        while pid in self.used:
            number += 1
            pid = f"{base}-{number}"
        self.used.add(pid)
        title = self.rng.choice(czech.TITLES_BEFORE) if self.rng.random() < 0.5 else None
        after = self.rng.choice(czech.TITLES_AFTER) if self.rng.random() < 0.1 else None
        return Person(pid, given, surname, feminine, organisation, title, after)


def make_cast(rng: random.Random) -> Cast:
    """Members for every group, then guests, each tied to an organisation."""
    names = _Names(rng)
    orgs = [o[0] for o in czech.ORGANISATIONS]
    members = {gid: tuple(names.person(rng.choice(orgs)) for _ in range(MEMBERS_PER_GROUP))
               for gid, *_rest in czech.GROUPS}
    guests = tuple(names.person(rng.choice(orgs)) for _ in range(GUESTS))
    people = tuple(p for group in members.values() for p in group) + guests
    return Cast(people, members, guests)
