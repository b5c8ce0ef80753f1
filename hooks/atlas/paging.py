"""Long dated lists cut into pages by period, so that pages stay light at any size of the data
and their addresses stay put as the data grows.

A list that holds at most `limit` items is one page at its usual address (`timeline/`,
`treaties/`). A longer one is cut by decade, and a decade that alone holds more than
`limit` items by year: the first period keeps the usual address, each later one gets its
own (`timeline/2000s/`, `treaties/signed/2003/`). Adding a record then changes the page of
its period only: the rest of the list keeps its pages, which the live preview relies on
(it rebuilds what a change touches) and readers' bookmarks too.

The limits come from mkdocs.yml (`extra: atlas: paging:`) when set there, so a test can
cut a small fixture into several pages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby
from typing import Any, Generic, TypeVar

PAGE_ITEMS = 600  # entries or rows of a list page
HUB_RECORDS = 100  # records per collection in a hub page's "Referred to by" (hubs.py)
HUB_ENTRIES = 100  # entries in a hub page's timeline

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    page_items: int = PAGE_ITEMS
    hub_records: int = HUB_RECORDS
    hub_entries: int = HUB_ENTRIES

    @classmethod
    def from_config(cls, extra: Mapping[str, Any] | None) -> Limits:
        paging = ((extra or {}).get("atlas") or {}).get("paging") or {}
        return cls(**{name: int(paging[name]) for name in cls.__dataclass_fields__ if name in paging})


@dataclass(frozen=True)
class Period(Generic[T]):
    """One page of a dated list: the items of a decade or a year (or all of them)."""

    label: str  # "" for a list on one page, else "1990s" or "2003"
    src_uri: str
    items: tuple[T, ...]


@dataclass(frozen=True)
class Book(Generic[T]):
    """A dated list and its pages, in order."""

    pages: tuple[Period[T], ...]

    def page_of(self, year: int) -> Period[T]:
        """The page that holds `year` (the first page when no page does)."""
        return self._years.get(year, self.pages[0])

    @cached_property
    def _years(self) -> dict[int, Period[T]]:
        return {y: page for page in self.pages for y in _years_of(page.label)}

    def neighbours(self, page: Period[T]) -> tuple[Period[T] | None, Period[T] | None]:
        i = self.pages.index(page)
        return (self.pages[i - 1] if i else None, self.pages[i + 1] if i + 1 < len(self.pages) else None)


def paged(items: Sequence[T], year: Callable[[T], int], first_uri: str, folder: str, limit: int) -> Book[T]:
    """`items` (in their order, which must be by date) on pages of at most `limit` per period:
    one page at `first_uri` when they fit, else by decade and, for a decade too full, by year;
    the first period at `first_uri`, each other at `folder/<period>.md`."""
    if len(items) <= limit:
        return Book((Period("", first_uri, tuple(items)),))
    periods: list[tuple[str, tuple[T, ...]]] = []
    for decade, in_decade in groupby(items, key=lambda item: year(item) // 10 * 10):
        group = tuple(in_decade)
        if len(group) <= limit:
            periods.append((f"{decade}s", group))
        else:
            periods += [(str(y), tuple(in_year)) for y, in_year in groupby(group, key=year)]
    return Book(tuple(Period(label, first_uri if i == 0 else posixpath.join(folder, f"{label}.md"), group)
                      for i, (label, group) in enumerate(periods)))


def _years_of(label: str) -> range:
    if not label:
        return range(0)
    start = int(label.rstrip("s"))
    return range(start, start + 10) if label.endswith("s") else range(start, start + 1)
