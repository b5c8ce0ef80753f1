"""The list pages: the timeline, each collection's index, and the treaty lists by party that
stand in for the finder's party filter when JavaScript is off (its decade filter has the
index's own pages by period).

What goes on which page comes from paging.py (pages by period); the scripts filter over all
of the data through the feeds (feeds.py), so a page never holds more than its period.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from .catalog import TimelineEntry
from .feeds import TIMELINE_FEED, TREATY_FEED
from .finder import TreatyRow, every_treaty
from .model import Record
from .paging import Book, Period, paged

if TYPE_CHECKING:
    from .render import Plan, Renderer

T = TypeVar("T")
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


def timeline_book(entries: list[TimelineEntry], limit: int, prefix: str = "") -> Book[TimelineEntry]:
    return paged(entries, lambda e: e.date.year, f"{prefix}timeline.md", f"{prefix}timeline", limit)


def timeline_plans(renderer: Renderer, book: Book[TimelineEntry]) -> list[Plan]:
    from .render import Plan

    years = sorted({e.date.year for page in book.pages for e in page.items})
    links = [(year, book.page_of(year).src_uri) for year in years]
    out = []
    for page in book.pages:
        previous, following = book.neighbours(page)
        context = dict(page=page, paged=len(book.pages) > 1, entries=list(page.items), years=links,
                       previous=previous, following=following,
                       feed=site_root(page.src_uri) + renderer.lang.uri(TIMELINE_FEED),
                       root=site_root(page.src_uri))
        inputs = ("timeline", tuple(map(_entry_shown, page.items)), links, _around(previous, following))
        out.append(Plan(page.src_uri, renderer.later("timeline.md.j2", page.src_uri, context),
                        in_nav=page.src_uri == "timeline.md", inputs=inputs))  # the English edition's
    return out


def index_plans(renderer: Renderer, collection: str, limit: int) -> list[Plan]:
    """A collection's index: dated collections by date, paged by period; the treaty index
    carries the finder and the lists by party."""
    from .render import Plan

    if collection == "treaties":
        return treaty_plans(renderer, limit)
    records = renderer.catalog.collection(collection)
    first, folder = renderer.lang.uri(f"{collection}/index.md"), renderer.lang.uri(f"{collection}/dated")
    if collection in DATED:
        records = sorted(records, key=_by_date)
        book = paged(records, _year, first, folder, limit)
    else:
        book = paged(records, _year, first, folder, len(records) or 1)
    template = f"index_{collection}.md.j2" if renderer.has_template(f"index_{collection}.md.j2") else "index.md.j2"
    out = []
    for page in book.pages:
        previous, following = book.neighbours(page)
        context = dict(collection=collection, records=records, page=page, book=book, previous=previous,
                       following=following)
        inputs = ("index", _shown(page.items, lambda r: r), tuple(p.src_uri for p in book.pages),
                  _around(previous, following), _partners(renderer) if collection == "countries" else ())
        out.append(Plan(page.src_uri, renderer.later(template, page.src_uri, context),
                        in_nav=page.src_uri == f"{collection}/index.md", inputs=inputs))
    return out


def treaty_plans(renderer: Renderer, limit: int) -> list[Plan]:
    """The treaty index (with the finder) and the lists by party, by period."""
    from .render import Plan

    finder = every_treaty(renderer.catalog)
    by_party: dict[str, list[TreatyRow]] = defaultdict(list)
    for row in finder.rows:
        for party in row.parties:
            by_party[party.id].append(row)

    def year(row: TreatyRow) -> int:
        return row.signed.year

    t, uri_of = renderer.lang.t, renderer.lang.uri
    lists = [("", "", paged(finder.rows, year, uri_of("treaties/index.md"), uri_of("treaties/signed"), limit), True)]
    for party_id, rows in sorted(by_party.items()):
        party = renderer.catalog.get(party_id)
        uri = uri_of(treaty_list_uri("party", party_id))
        lists.append((t("Treaties of {name}", name=party.name),
                      t("Every treaty in the Atlas to which {name} is a party, oldest first.", name=party.name),
                      paged(rows, year, uri, posixpath.dirname(uri), limit), False))
    out = []
    for title, intro, book, is_index in lists:
        for page in book.pages:
            previous, following = book.neighbours(page)
            context = dict(collection="treaties", finder=finder, page=page, book=book, previous=previous,
                           following=following, title=title, intro=intro, is_index=is_index,
                           feed=site_root(page.src_uri) + renderer.lang.uri(TREATY_FEED),
                           root=site_root(page.src_uri))
            first = page is book.pages[0]
            inputs = ("treaties", title, tuple(map(_row_shown, page.items)),
                      tuple(p.src_uri for p in book.pages), _around(previous, following),
                      tuple(map(_row_shown, finder.rows)) if is_index and first else ())
            out.append(Plan(page.src_uri, renderer.later("index_treaties.md.j2", page.src_uri, context),
                            in_nav=is_index and page.src_uri == "treaties/index.md", inputs=inputs))
    return out


def _shown(items: Iterable[T], record: Callable[[T], Record]) -> tuple[int, ...]:
    """The records a page shows, by object: an unchanged record is the same object from one
    build of the live preview to the next (see atlas.preview.session)."""
    return tuple(id(record(item)) for item in items)


def _partners(renderer: Renderer) -> tuple[tuple[str, int], ...]:
    """How many treaties each party has: the countries index's world map shades by it."""
    counts: dict[str, int] = defaultdict(int)
    for treaty in renderer.catalog.collection("treaties"):
        for party in treaty.data["parties"]:
            counts[party] += 1
    return tuple(sorted(counts.items()))


def _entry_shown(e: TimelineEntry) -> tuple[object, ...]:
    """What a timeline entry shows (names of countries aside: their change renders all pages)."""
    return (e.date, e.kind, e.title, e.record.url, e.what, e.parties, e.organizations, e.summary, e.provenance)


def _row_shown(row: TreatyRow) -> tuple[object, ...]:
    """What a row of a treaty list shows, and what the finder matches in it."""
    record = row.record
    return (record.url, record.name, record.data.get("short_name"), tuple(record.data.get("abbreviations", ())),
            row.signed, tuple(p.id for p in row.parties), record.kind,
            row.organization.id if row.organization else None, row.names, row.context)


def _around(previous: Period[Any] | None, following: Period[Any] | None) -> tuple[str | None, str | None]:
    return (previous.src_uri if previous else None, following.src_uri if following else None)


def treaty_list_uri(facet: str, value: str) -> str:
    """treaties/party/kyrgyzstan/index.md: a list the finder's party filter stands for without
    JavaScript."""
    return f"treaties/{facet}/{value}/index.md"


def _by_date(record: Record) -> tuple[object, ...]:
    when = record.main_date
    return ((when.sort_key() if when else (9999, 0, 0, 0)), record.name.casefold(), record.id)


def _year(record: Record) -> int:
    when = record.main_date
    return when.year if when else 9999
