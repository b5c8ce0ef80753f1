"""Long lists cut into pages that stay light at any size of the data.

The timeline is cut at year boundaries into pages of about TIMELINE_PAGE_ENTRIES entries
(a year is never split, so its anchor lives on one page); index lists into pages of
LIST_PAGE_ROWS rows. With today's data each list fits on its first page, which keeps its
usual address (`timeline/`, `treaties/`); later pages get addresses of their own.

The limits come from mkdocs.yml (`extra: atlas: paging:`) when set there, so a test can
cut a small fixture into several pages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # the catalog reads the hub limits from here
    from .catalog import TimelineEntry

TIMELINE_PAGE_ENTRIES = 600
LIST_PAGE_ROWS = 200
HUB_RECORDS = 100  # records per collection in a hub page's "Referred to by" (hubs.py)
HUB_ENTRIES = 100  # entries in a hub page's timeline

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    timeline_entries: int = TIMELINE_PAGE_ENTRIES
    list_rows: int = LIST_PAGE_ROWS
    hub_records: int = HUB_RECORDS
    hub_entries: int = HUB_ENTRIES

    @classmethod
    def from_config(cls, extra: Mapping[str, Any] | None) -> Limits:
        paging = ((extra or {}).get("atlas") or {}).get("paging") or {}
        return cls(**{name: int(paging[name]) for name in cls.__dataclass_fields__ if name in paging})


@dataclass(frozen=True)
class TimelinePage:
    """Consecutive whole years of the timeline."""

    number: int  # 1, 2, …
    src_uri: str  # timeline.md for the first page, timeline/<first>-<last>.md (or <year>.md) for the others
    first_year: int
    last_year: int
    entries: tuple[TimelineEntry, ...]

    @property
    def label(self) -> str:
        return str(self.first_year) if self.first_year == self.last_year else f"{self.first_year}–{self.last_year}"


def timeline_pages(entries: Sequence[TimelineEntry], limit: int = TIMELINE_PAGE_ENTRIES) -> list[TimelinePage]:
    """The timeline in pages of whole years, each with at most `limit` entries unless one year
    alone has more. There is always at least one page, even for an empty timeline."""
    years: list[list[TimelineEntry]] = []
    for entry in entries:
        if years and years[-1][0].date.year == entry.date.year:
            years[-1].append(entry)
        else:
            years.append([entry])
    groups: list[list[list[TimelineEntry]]] = []
    for year in years:
        if groups and sum(map(len, groups[-1])) + len(year) <= limit:
            groups[-1].append(year)
        else:
            groups.append([year])
    pages = []
    for number, group in enumerate(groups, 1):
        first, last = group[0][0].date.year, group[-1][0].date.year
        span = str(first) if first == last else f"{first}-{last}"
        uri = "timeline.md" if number == 1 else f"timeline/{span}.md"
        pages.append(TimelinePage(number, uri, first, last, tuple(e for year in group for e in year)))
    return pages or [TimelinePage(1, "timeline.md", 0, 0, ())]


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a list: its rows and where it and its neighbours live."""

    number: int
    count: int  # how many pages the list has
    src_uri: str
    rows: tuple[T, ...]
    uris: tuple[str, ...]  # the src_uri of every page of the list, in order

    @property
    def previous(self) -> str | None:
        return self.uris[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.uris[self.number] if self.number < self.count else None


def list_pages(rows: Sequence[T], first_uri: str, limit: int = LIST_PAGE_ROWS) -> list[ListPage[T]]:
    """`rows` in pages of `limit`: the first at `first_uri` (…/index.md), the next ones beside it
    as …/page/2.md, …/page/3.md; a list with no rows still has its first page."""
    folder = posixpath.dirname(first_uri)
    chunks = [tuple(rows[i:i + limit]) for i in range(0, len(rows), limit)] or [()]
    uris = tuple(first_uri if n == 1 else posixpath.join(folder, "page", f"{n}.md") for n in range(1, len(chunks) + 1))
    return [ListPage(n, len(chunks), uris[n - 1], chunk, uris) for n, chunk in enumerate(chunks, 1)]
