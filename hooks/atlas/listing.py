"""The list pages: the timeline, each collection's index, and the treaty lists by party and
by decade that stand in for the finder's filters when JavaScript is off.

What goes on which page comes from paging.py (pages by period); the scripts filter over all
of the data through the feeds (feeds.py), so a page never holds more than its period.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from typing import TYPE_CHECKING

from .catalog import TimelineEntry
from .feeds import TIMELINE_FEED, TREATY_FEED
from .finder import TreatyRow, treaty_finder
from .model import Record
from .paging import Book, paged

if TYPE_CHECKING:
    from .render import Page, Renderer

# Collections whose index is listed by date, and paged by period when long.
DATED = {"treaties": "signed", "events": "date"}


def site_root(src_uri: str) -> str:
    """The relative path from a page's address to the site's root (directory URLs):
    index.md → "", timeline.md → "../", treaties/x.md → "../../", treaties/index.md → "../"."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = posixpath.dirname(path)
    depth = len([part for part in path.split("/") if part])
    return "../" * depth


def timeline_book(entries: list[TimelineEntry], limit: int) -> Book[TimelineEntry]:
    return paged(entries, lambda e: e.date.year, "timeline.md", "timeline", limit)


def timeline_pages(renderer: Renderer, book: Book[TimelineEntry]) -> list[Page]:
    from .render import Page

    years = sorted({e.date.year for page in book.pages for e in page.items})
    links = [(year, book.page_of(year).src_uri) for year in years]
    out = []
    for page in book.pages:
        previous, following = book.neighbours(page)
        out.append(Page(page.src_uri, renderer.render(
            "timeline.md.j2", page.src_uri, page=page, paged=len(book.pages) > 1, entries=list(page.items),
            years=links, previous=previous, following=following,
            feed=site_root(page.src_uri) + TIMELINE_FEED, root=site_root(page.src_uri),
        ), in_nav=page.src_uri == "timeline.md"))
    return out


def index_pages(renderer: Renderer, collection: str, limit: int) -> list[Page]:
    """A collection's index: dated collections by date, paged by period; the treaty index
    carries the finder and the lists by party and by decade."""
    from .render import Page

    if collection == "treaties":
        return treaty_pages(renderer, limit)
    records = renderer.catalog.collection(collection)
    if collection in DATED:
        records = sorted(records, key=_by_date)
        book = paged(records, _year, f"{collection}/index.md", f"{collection}/dated", limit)
    else:
        book = paged(records, _year, f"{collection}/index.md", f"{collection}/dated", len(records) or 1)
    template = f"index_{collection}.md.j2" if renderer.has_template(f"index_{collection}.md.j2") else "index.md.j2"
    out = []
    for page in book.pages:
        previous, following = book.neighbours(page)
        out.append(Page(page.src_uri, renderer.render(
            template, page.src_uri, collection=collection, records=records, page=page, book=book,
            previous=previous, following=following), in_nav=page.src_uri == f"{collection}/index.md"))
    return out


def treaty_pages(renderer: Renderer, limit: int) -> list[Page]:
    """The treaty index (with the finder) and the lists by party and by decade, by period."""
    from .render import Page

    finder = treaty_finder(renderer.catalog, renderer.catalog.collection("treaties"))
    by_party: dict[str, list[TreatyRow]] = defaultdict(list)
    by_decade: dict[int, list[TreatyRow]] = defaultdict(list)
    for row in finder.rows:
        for party in row.parties:
            by_party[party.id].append(row)
        by_decade[row.decade].append(row)

    def year(row: TreatyRow) -> int:
        return row.signed.year

    lists = [("", "", paged(finder.rows, year, "treaties/index.md", "treaties/signed", limit), True)]
    for party_id, rows in sorted(by_party.items()):
        party = renderer.catalog.get(party_id)
        uri = treaty_list_uri("party", party_id)
        lists.append((f"Treaties of {party.name}",
                      f"Every treaty in the Atlas to which {party.name} is a party, oldest first.",
                      paged(rows, year, uri, posixpath.dirname(uri), limit), False))
    for decade, rows in sorted(by_decade.items()):
        uri = treaty_list_uri("decade", f"{decade}s")
        lists.append((f"Treaties of the {decade}s", f"Every treaty in the Atlas signed in the {decade}s, oldest first.",
                      paged(rows, year, uri, posixpath.dirname(uri), limit), False))
    out = []
    for title, intro, book, is_index in lists:
        for page in book.pages:
            previous, following = book.neighbours(page)
            markdown = renderer.render(
                "index_treaties.md.j2", page.src_uri, collection="treaties", finder=finder, page=page, book=book,
                previous=previous, following=following, title=title, intro=intro, is_index=is_index,
                feed=site_root(page.src_uri) + TREATY_FEED, root=site_root(page.src_uri))
            out.append(Page(page.src_uri, markdown, in_nav=is_index and page.src_uri == "treaties/index.md"))
    return out


def treaty_list_uri(facet: str, value: str) -> str:
    """treaties/party/kyrgyzstan/index.md, treaties/decade/1990s/index.md: a list the finder's
    filter stands for without JavaScript."""
    return f"treaties/{facet}/{value}/index.md"


def _by_date(record: Record) -> tuple[object, ...]:
    when = record.main_date
    return ((when.sort_key() if when else (9999, 0, 0, 0)), record.name.casefold(), record.id)


def _year(record: Record) -> int:
    when = record.main_date
    return when.year if when else 9999
