"""The list pages: the timeline in pages of whole years, each collection's index in pages of
rows, and the treaty lists by party and by decade that stand in for the finder's filters
when JavaScript is off.

Each function returns `Page`s rendered through the renderer's templates; what goes on
which page comes from paging.py, and the scripts filter over all of the data through the
feeds (feeds.py), so a page never needs to hold more than its share.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .catalog import TimelineEntry
from .feeds import TIMELINE_FEED, TREATY_FEED
from .finder import TreatyRow, treaty_finder
from .paging import ListPage, TimelinePage, list_pages, timeline_pages
from .timeline import timeline_filters

if TYPE_CHECKING:
    from .render import Page, Renderer


def site_root(src_uri: str) -> str:
    """The relative path from a page's address to the site's root (directory URLs):
    index.md → "", timeline.md → "../", treaties/x.md → "../../", treaties/index.md → "../"."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = posixpath.dirname(path)
    depth = len([part for part in path.split("/") if part])
    return "../" * depth


class TimelineBook:
    """The timeline's pages, and which page holds a year (for links such as a treaty's year)."""

    def __init__(self, entries: list[TimelineEntry], limit: int) -> None:
        self.entries = entries
        self.pages = timeline_pages(entries, limit)
        self._page_of_year = {e.date.year: page for page in self.pages for e in page.entries}

    def page_of(self, year: int) -> TimelinePage:
        return self._page_of_year.get(year, self.pages[0])

    def render(self, renderer: Renderer) -> list[Page]:
        from .render import Page

        filters = timeline_filters(renderer.catalog, self.entries)
        years = [(year, self.page_of(year).src_uri) for year in sorted(self._page_of_year)]
        return [
            Page(page.src_uri, renderer.render(
                "timeline.md.j2", page.src_uri, page=page, pages=self.pages, entries=list(page.entries),
                total=len(self.entries), filters=filters, years=years,
                feed=site_root(page.src_uri) + TIMELINE_FEED, root=site_root(page.src_uri),
            ), in_nav=page.number == 1)
            for page in self.pages
        ]


@dataclass(frozen=True)
class TreatyList:
    """A paged list of treaty rows: all of them, or those of one party or one decade."""

    title: str
    intro: str
    pages: list[ListPage[TreatyRow]]


def index_pages(renderer: Renderer, collection: str, limit: int) -> list[Page]:
    """A collection's index in pages of `limit` rows; the treaty index carries the finder."""
    from .render import Page

    records = renderer.catalog.collection(collection)
    template = f"index_{collection}.md.j2" if renderer.has_template(f"index_{collection}.md.j2") else "index.md.j2"
    if collection == "treaties":
        return treaty_pages(renderer, limit)
    pages = list_pages(records, f"{collection}/index.md", limit)
    return [Page(p.src_uri, renderer.render(template, p.src_uri, collection=collection, records=records, page=p),
                 in_nav=p.number == 1)
            for p in pages]


def treaty_pages(renderer: Renderer, limit: int) -> list[Page]:
    """The treaty index (with the finder) and the lists by party and by decade, all paged."""
    from .render import Page

    finder = treaty_finder(renderer.catalog, renderer.catalog.collection("treaties"))
    by_party: dict[str, list[TreatyRow]] = defaultdict(list)
    by_decade: dict[int, list[TreatyRow]] = defaultdict(list)
    for row in finder.rows:
        for party in row.parties:
            by_party[party.id].append(row)
        by_decade[row.decade].append(row)
    lists = [(TreatyList("", "", list_pages(finder.rows, "treaties/index.md", limit)), True)]
    for party_id, rows in sorted(by_party.items()):
        party = renderer.catalog.get(party_id)
        lists.append((TreatyList(f"Treaties of {party.name}", f"Every treaty in the Atlas to which {party.name} is a "
                                 "party, oldest first.", list_pages(rows, treaty_list_uri("party", party_id), limit)),
                      False))
    for decade, rows in sorted(by_decade.items()):
        lists.append((TreatyList(f"Treaties of the {decade}s", f"Every treaty in the Atlas signed in the {decade}s, "
                                 "oldest first.", list_pages(rows, treaty_list_uri("decade", f"{decade}s"), limit)),
                      False))
    out = []
    for treaty_list, is_index in lists:
        for page in treaty_list.pages:
            markdown = renderer.render(
                "index_treaties.md.j2", page.src_uri, collection="treaties", finder=finder, page=page,
                title=treaty_list.title, intro=treaty_list.intro, is_index=is_index,
                feed=site_root(page.src_uri) + TREATY_FEED, root=site_root(page.src_uri))
            out.append(Page(page.src_uri, markdown, in_nav=is_index and page.number == 1))
    return out


def treaty_list_uri(facet: str, value: str) -> str:
    """treaties/party/kyrgyzstan/index.md, treaties/decade/1990s/index.md: a list the finder's
    filter stands for without JavaScript."""
    return f"treaties/{facet}/{value}/index.md"
