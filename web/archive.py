"""Long lists cut into pages, so that no page grows with the years: every meeting by year, the
coming ones, a group's meetings by year and its decisions, the tasks and resolutions. At 50,000
meetings each page stays well under 100 kB (`python -m bench` prints the largest)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lint.model import Group, Meeting

if TYPE_CHECKING:
    from web.view import View

MEETINGS_PER_PAGE = 100
"""A meeting in a list is about 0.45 kB of HTML: 100 of them about 45 kB."""
DECISIONS_PER_PAGE = 40
"""A task with its text and checks is 0.5–1.5 kB."""


@dataclass(frozen=True)
class Listing:
    """One long list and the pages it is cut into: `<base>.html`, `<base>-2.html`, ..."""

    base: str
    title: str
    items: Sequence[Any]
    kind: str
    """`meetings` or `decisions`: which macro renders an item."""
    up: tuple[str, str]
    """The page this list belongs to: (path, label)."""
    groups: bool = True
    """Whether meeting items name their groups (not on a group's own list)."""

    @property
    def per_page(self) -> int:
        return MEETINGS_PER_PAGE if self.kind == "meetings" else DECISIONS_PER_PAGE

    def paths(self) -> list[str]:
        count = max(1, -(-len(self.items) // self.per_page))
        return [f"{self.base}.html", *(f"{self.base}-{n}.html" for n in range(2, count + 1))]

    def page(self, number: int) -> Sequence[Any]:
        """The items of page `number` (from 1)."""
        start = (number - 1) * self.per_page
        return self.items[start:start + self.per_page]

    def path_of(self, index: int) -> str:
        """The page that shows item `index` (from 0)."""
        return self.paths()[index // self.per_page]

    def title_of(self, number: int) -> str:
        pages = len(self.paths())
        return self.title if pages == 1 else f"{self.title} (strana {number} z {pages})"


class Archive:
    """Every long list of the site, built once from the view."""

    def __init__(self, view: View) -> None:
        self.view = view

    @cached_property
    def years(self) -> list[Listing]:
        """Every meeting by year, newest year first; within a year in the order of the days."""
        return self._by_year(self.view.meetings, "jednani", "Jednání v roce {year}",
                             ("jednani/index.html", "Všechna jednání"), groups=True)

    @cached_property
    def coming(self) -> Listing:
        return Listing("jednani/nadchazejici", "Nadcházející jednání", self.view.coming(),
                       "meetings", ("jednani/index.html", "Všechna jednání"))

    def group_years(self, group: Group) -> list[Listing]:
        """The group's meetings by year, newest year first."""
        mine = [m for m in self.view.meetings if group.id in m.groups]
        return self._by_year(mine, f"skupiny/{group.id}", f"{group.short_name}: jednání v roce "
                             "{year}", (f"skupiny/{group.id}.html", group.name), groups=False)

    def group_decisions(self, group: Group) -> Listing:
        return Listing(f"skupiny/{group.id}/usneseni", f"{group.short_name}: usnesení a úkoly",
                       self.view.decisions(group_id=group.id), "decisions",
                       (f"skupiny/{group.id}.html", group.name))

    @cached_property
    def tasks(self) -> list[Listing]:
        """Open tasks, finished tasks, resolutions."""
        up = ("ukoly.html", "Úkoly a usnesení")
        view = self.view
        return [Listing("ukoly/otevrene", "Otevřené úkoly", view.tasks(False), "decisions", up),
                Listing("ukoly/splnene", "Splněné a zrušené úkoly", view.tasks(True),
                        "decisions", up),
                Listing("ukoly/usneseni", "Usnesení", view.decisions(kind="decision"),
                        "decisions", up)]

    @cached_property
    def _decision_pages(self) -> dict[str, str]:
        return {d.id: listing.path_of(i) for listing in self.tasks
                for i, d in enumerate(listing.items)}

    def decision_link(self, decision_id: str) -> str:
        """The page listing the decision, with its anchor."""
        return f"{self._decision_pages.get(decision_id, 'ukoly.html')}#{decision_id}"

    def all(self) -> Iterator[Listing]:
        """Every list, for the pages to write."""
        yield from self.years
        yield self.coming
        for group in self.view.groups():
            yield from self.group_years(group)
            yield self.group_decisions(group)
        yield from self.tasks

    @staticmethod
    def _by_year(meetings: Sequence[Meeting], folder: str, title: str, up: tuple[str, str], *,
                 groups: bool) -> list[Listing]:
        years: dict[int, list[Meeting]] = {}
        for meeting in meetings:
            years.setdefault(meeting.date.year, []).append(meeting)
        return [Listing(f"{folder}/{year}", title.format(year=year), found, "meetings", up,
                        groups=groups)
                for year, found in sorted(years.items(), reverse=True)]
