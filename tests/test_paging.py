"""Light pages at any size: the timeline in pages of whole years, paged indexes, treaty lists by
party and by decade, hub pages that show a selection, and the feeds the scripts filter over.

The timeline fixture is built with tiny limits (mkdocs.yml `extra: atlas: paging:`), so its
25 records fill several pages of each kind; every test compares the pages with the catalog.
"""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from atlas.catalog import Catalog
from atlas.feeds import TIMELINE_FIELDS, TREATY_FIELDS
from atlas.hubs import select
from atlas.paging import Limits, paged
from atlas.project import load_catalog
from conftest import FIXTURES, PAGED_LIMITS

LIMITS = PAGED_LIMITS


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURES / "timeline")


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def target(page: str, href: str) -> str:
    """The site path (folder/) a relative link of `page` (a folder/) leads to, query and anchor dropped."""
    return posixpath.normpath(posixpath.join(page, urlsplit(href).path)) + "/"


# --- the cutting itself ---------------------------------------------------------------------

def cut(years: list[int], limit: int) -> list[tuple[str, str, int]]:
    book = paged(years, lambda y: y, "list/index.md", "list", limit)
    return [(p.label, p.src_uri, len(p.items)) for p in book.pages]


def test_a_short_list_is_one_page_at_its_address() -> None:
    assert cut([1991, 1995, 2004], 3) == [("", "list/index.md", 3)]
    assert cut([], 3) == [("", "list/index.md", 0)]


def test_a_long_list_is_cut_by_decade_and_a_full_decade_by_year() -> None:
    years = [1991, 1992, 2001, 2001, 2001, 2002, 2003, 2015]
    assert cut(years, 3) == [("1990s", "list/index.md", 2), ("2001", "list/2001.md", 3), ("2002", "list/2002.md", 1),
                             ("2003", "list/2003.md", 1), ("2010s", "list/2010s.md", 1)]


def test_adding_an_item_changes_only_its_period() -> None:
    years = [1991, 1992, 2001, 2002, 2015, 2016]
    before = {p.src_uri: p.items for p in paged(years, lambda y: y, "l/index.md", "l", 3).pages}
    after = {p.src_uri: p.items for p in paged(sorted([*years, 2003]), lambda y: y, "l/index.md", "l", 3).pages}
    assert [uri for uri in after if after[uri] != before.get(uri)] == ["l/2000s.md"]


def test_the_page_of_a_year_and_the_neighbours() -> None:
    book = paged([1991, 2001, 2001, 2002, 2015], lambda y: y, "l/index.md", "l", 2)
    assert [p.label for p in book.pages] == ["1990s", "2001", "2002", "2010s"]
    assert book.page_of(1995).src_uri == "l/index.md" and book.page_of(2017).label == "2010s"
    assert book.page_of(2001).label == "2001" and book.page_of(1970) is book.pages[0]
    assert book.neighbours(book.pages[0]) == (None, book.pages[1])
    assert book.neighbours(book.pages[-1]) == (book.pages[-2], None)


def test_limits_come_from_the_config() -> None:
    assert Limits.from_config({"atlas": {"paging": LIMITS}}) == Limits(**LIMITS)
    assert Limits.from_config(None) == Limits()


def test_a_selection_keeps_the_key_ones_and_the_latest_in_order() -> None:
    items = list(range(10))
    chosen = select(items, 4, lambda i: i in (2, 3))
    assert chosen.shown == (2, 3, 8, 9) and chosen.total == 10 and not chosen.complete
    assert select(items, 10, lambda i: False).shown == tuple(items)
    assert select(items, 2, lambda i: True).shown == (0, 1)  # too many key ones: the earliest


# --- the built pages --------------------------------------------------------------------------

def timeline_page_paths(site: Path) -> list[str]:
    first = soup(site, "timeline")
    nav = first.select_one("nav.atlas-tl-years")
    assert nav is not None, "a paged timeline lists its years"
    return list(dict.fromkeys(["timeline/", *(target("timeline/", str(a["href"])) for a in nav.find_all("a"))]))


def shown_entries(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    root = page.select_one("#atlas-timeline")
    assert root is not None
    return [(str(e["data-date"]), str(e["data-kind"]), e.select_one("strong a").get_text())  # type: ignore[union-attr]
            for e in root.select(".atlas-tl-entry")]


def test_every_timeline_entry_is_on_exactly_one_page_of_whole_years(paged_site: Path, catalog: Catalog) -> None:
    paths = timeline_page_paths(paged_site)
    assert len(paths) > 2
    shown: list[tuple[str, str, str]] = []
    years_per_page = []
    for path in paths:
        entries = shown_entries(soup(paged_site, path))
        assert 0 < len(entries) <= LIMITS["page_items"] or len({e[0][:4] for e in entries}) == 1
        years_per_page.append({e[0][:4] for e in entries})
        shown += entries
    assert shown == [(e.date.iso(), e.kind, e.title) for e in catalog.timeline()]
    for a, b in zip(years_per_page, years_per_page[1:], strict=False):
        assert not a & b, "a year is split over two pages"


def test_the_pager_walks_the_timeline_in_order(paged_site: Path) -> None:
    paths = timeline_page_paths(paged_site)
    walked, path = ["timeline/"], "timeline/"
    while (link := soup(paged_site, path).select_one("a.atlas-pager-next")) is not None:
        path = target(path, str(link["href"]))
        walked.append(path)
    assert walked == paths
    assert soup(paged_site, "timeline").select_one("a.atlas-pager-previous") is None


def test_a_treaty_page_links_to_the_timeline_page_of_its_year(paged_site: Path, catalog: Catalog) -> None:
    for treaty in catalog.collection("treaties"):
        page = f"treaties/{treaty.id}/"
        year = str(treaty.date("signed").year)  # type: ignore[union-attr]
        link = soup(paged_site, page).find("a", string=year)
        assert link is not None
        where = target(page, str(link["href"]))
        assert urlsplit(str(link["href"])).fragment == year
        assert soup(paged_site, where).select_one(f'section.atlas-tl-year[data-year="{year}"]') is not None


def rows(page: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in page.select("#atlas-treaty-table tbody tr td:first-child a")]


def walk_list(site: Path, first: str) -> list[str]:
    out, path = rows(soup(site, first)), first
    while (link := soup(site, path).select_one("a.atlas-pager-next")) is not None:
        path = target(path, str(link["href"]))
        page_rows = rows(soup(site, path))
        assert 0 < len(page_rows)
        out += page_rows
    return out


def test_the_treaty_index_is_paged_in_date_order(paged_site: Path, catalog: Catalog) -> None:
    treaties = sorted(catalog.collection("treaties"), key=lambda t: (t.date("signed").sort_key(), t.name.casefold()))  # type: ignore[union-attr]
    assert walk_list(paged_site, "treaties/") == [t.name for t in treaties]


def test_treaty_lists_by_party_hold_exactly_their_treaties(paged_site: Path, catalog: Catalog) -> None:
    treaties = catalog.collection("treaties")
    parties = Counter(p for t in treaties for p in t.data["parties"])
    index = soup(paged_site, "treaties")
    listed = {target("treaties/", str(a["href"])) for a in index.select("nav.atlas-finder-lists a")}
    assert {f"treaties/party/{p}/" for p in parties} <= listed
    for party in parties:
        names = walk_list(paged_site, f"treaties/party/{party}/")
        assert sorted(names) == sorted(t.name for t in treaties if party in t.data["parties"])


def test_lists_by_party_stay_out_of_search(paged_site: Path) -> None:
    index = json.loads((paged_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "treaties/" in locations
    assert not any(loc.startswith(("treaties/party/", "treaties/signed/")) for loc in locations)


def test_other_indexes_are_paged_too(paged_site: Path, catalog: Catalog) -> None:
    names, path = [], "events/"
    while True:
        page = soup(paged_site, path)
        names += [a.get_text() for a in page.select("article table tbody tr td:first-child a")]
        link = page.select_one("a.atlas-pager-next")
        if link is None:
            break
        path = target(path, str(link["href"]))
    events = sorted(catalog.collection("events"), key=lambda r: (r.main_date.sort_key(), r.name.casefold()))  # type: ignore[union-attr]
    assert names == [r.name for r in events]


def test_a_hub_shows_a_selection_and_says_where_the_rest_is(paged_site: Path, catalog: Catalog) -> None:
    page = soup(paged_site, "countries/alphaland")
    timeline = shown_entries_of_slice(page)
    full = catalog.timeline_of(catalog.get("alphaland"))
    assert len(full) > LIMITS["hub_entries"] and len(timeline) == LIMITS["hub_entries"]
    assert timeline == [(e.date.iso(), e.title) for e in full][-LIMITS["hub_entries"]:] or any(
        e.what == "founded" for e in full)
    more = [p for p in page.select("p.atlas-more")]
    hrefs = [str(a["href"]) for p in more for a in p.find_all("a")]
    assert "../../timeline/?country=alphaland" in hrefs
    treaties = [t for t in catalog.collection("treaties") if "alphaland" in t.data["parties"]]
    if len(treaties) > LIMITS["hub_records"]:
        assert "../../treaties/party/alphaland/" in hrefs


@pytest.mark.parametrize("edition", ["", "ru/"])
def test_the_membership_chart_draws_the_organizations_with_the_most_members(paged_site: Path, catalog: Catalog,
                                                                            edition: str) -> None:
    """With more organizations than a hub lists, the index's chart draws those with the most
    members (a page of hundreds of organizations' bars weighed over 1 MB) and says so."""
    page = soup(paged_site, edition + "organizations")
    drawn = [str(a["href"]).strip("/") for a in page.select(".atlas-chart-group th a")]
    organizations = catalog.collection("organizations")
    most = sorted(organizations, key=lambda o: -len(o.data.get("members", [])))[:LIMITS["hub_records"]]
    assert len(organizations) > LIMITS["hub_records"]
    assert drawn == [o.id for o in organizations if o in most]  # in the index's order
    note = page.select_one("#membership ~ p").get_text()  # type: ignore[union-attr]
    assert f"{LIMITS['hub_records']}" in note and f"{len(organizations)}" in note


def shown_entries_of_slice(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(str(e["data-date"]), e.select_one("strong a").get_text())  # type: ignore[union-attr]
            for e in page.select(".atlas-timeline--slice .atlas-tl-entry")]


# --- the feeds ----------------------------------------------------------------------------------

def test_the_timeline_feed_holds_every_entry(paged_site: Path, catalog: Catalog) -> None:
    feed = json.loads((paged_site / "feeds" / "timeline.json").read_text(encoding="utf-8"))
    assert tuple(feed["fields"]) == TIMELINE_FIELDS
    f = {name: i for i, name in enumerate(feed["fields"])}
    want = catalog.timeline()
    assert len(feed["entries"]) == len(want)
    for row, e in zip(feed["entries"], want, strict=True):
        assert (row[f["date"]], row[f["kind"]], row[f["title"]], row[f["url"]]) == (
            e.date.iso(), e.kind, e.title, e.record.url)
        assert row[f["countries"]] == list(e.parties) and row[f["provenance"]] == e.provenance
        assert (paged_site / row[f["url"]] / "index.html").is_file()
    for ident, (label, url, _) in feed["records"].items():
        assert catalog.get(ident).label == label and (paged_site / url / "index.html").is_file()


def test_the_treaty_feed_holds_every_treaty(paged_site: Path, catalog: Catalog) -> None:
    feed = json.loads((paged_site / "feeds" / "treaties.json").read_text(encoding="utf-8"))
    assert tuple(feed["fields"]) == TREATY_FIELDS
    f = {name: i for i, name in enumerate(feed["fields"])}
    assert sorted(row[f["url"]] for row in feed["rows"]) == sorted(t.url for t in catalog.collection("treaties"))
    for row in feed["rows"]:
        treaty = catalog.get(row[f["url"]].split("/")[1])
        assert row[f["parties"]] == treaty.data["parties"] and row[f["name"]] == treaty.name
