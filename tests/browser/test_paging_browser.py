"""Paged lists in a real browser: the timeline's filters and the treaty finder search all of the
data through the feeds, from any page; without JavaScript the pager walks the pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from atlas.catalog import Catalog
from atlas.project import load_catalog

pytestmark = pytest.mark.browser

VISIBLE = """() => [...document.querySelectorAll('.atlas-tl-entry')]
  .filter(e => e.offsetParent !== null)
  .map(e => [e.dataset.date, e.dataset.kind, e.querySelector('strong a').textContent])"""
ROWS = """() => [...document.querySelectorAll('#atlas-treaty-table tbody tr')]
  .filter(tr => tr.offsetParent !== null).map(tr => tr.querySelector('td a').textContent)"""


@pytest.fixture(scope="module")
def catalog(paged_site: Path) -> Catalog:
    return load_catalog(paged_site.parent)


def test_a_filter_on_a_later_page_finds_entries_of_every_page(page: Any, paged_url: str, catalog: Catalog) -> None:
    last = catalog.timeline()[-1].date.year
    page.goto(f"{paged_url}timeline/")
    later = page.locator("a.atlas-pager-next").get_attribute("href")
    page.goto(f"{paged_url}timeline/{later}")
    page.locator("#atlas-tl-filters").wait_for(state="visible")
    own = page.evaluate(VISIBLE)
    assert 0 < len(own) < len(catalog.timeline())
    assert page.locator(".atlas-pager").is_visible()

    page.locator("select[name=country]").select_option("alphaland")
    want = [[e.date.iso(), e.kind, e.title] for e in catalog.timeline() if "alphaland" in e.parties]
    assert {w[0][:4] for w in want} - {o[0][:4] for o in own}, "the country has entries on other pages"
    assert page.evaluate(VISIBLE) == want
    assert not page.locator(".atlas-pager").is_visible()
    assert page.locator(".atlas-tl-count").text_content() == f"{len(want)} of {len(catalog.timeline())} entries"
    # A result links to its record from this page's address.
    first = page.locator("#atlas-tl-results .atlas-tl-entry strong a").first
    entry = next(e for e in catalog.timeline() if "alphaland" in e.parties)
    href = first.evaluate("a => a.href")
    assert href == f"{paged_url}{entry.record.url}"
    first.click()
    page.wait_for_url(href)

    page.go_back()
    page.locator("#atlas-tl-filters").wait_for(state="visible")
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function("() => !location.search")
    assert page.evaluate(VISIBLE) == own
    assert str(last) in page.locator(".atlas-tl-years").inner_text()


def test_the_evidence_filter(page: Any, paged_url: str, catalog: Catalog) -> None:
    page.goto(f"{paged_url}timeline/?provenance=research")
    page.locator("#atlas-tl-filters").wait_for(state="visible")
    want = [[e.date.iso(), e.kind, e.title] for e in catalog.timeline() if e.provenance == "research"]
    assert want and page.evaluate(VISIBLE) == want


def test_the_finder_searches_every_treaty_from_the_first_page(page: Any, paged_url: str, catalog: Catalog) -> None:
    page.goto(f"{paged_url}treaties/")
    page.locator("form.atlas-finder").wait_for(state="visible")
    assert not page.locator(".atlas-pager").is_visible()
    everything = sorted(catalog.collection("treaties"), key=lambda t: (t.date("signed").sort_key(), t.name.casefold()))  # type: ignore[union-attr]
    assert page.evaluate(ROWS) == [t.name for t in everything]  # more than the page's own rows
    last = everything[-1]
    page.locator("input[name=find]").fill(last.name.split()[-1])
    page.wait_for_function(f"() => ({ROWS})().length < {len(everything)}")
    assert last.name in page.evaluate(ROWS)
    link = page.get_by_role("link", name=last.name)
    link.click()
    page.wait_for_url(f"**/treaties/{last.id}/")


def test_without_javascript_the_pager_walks_the_treaties(browser: Any, paged_url: str, catalog: Catalog) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{paged_url}treaties/")
        names: list[str] = []
        while True:
            names += page.evaluate(ROWS)
            following = page.locator("a.atlas-pager-next")
            if not following.count():
                break
            following.click()
            page.wait_for_load_state()
        assert sorted(names) == sorted(t.name for t in catalog.collection("treaties"))
    finally:
        context.close()
