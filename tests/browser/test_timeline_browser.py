"""The timeline's filters in a real browser: each facet, their combination, the URL,
loading a filtered URL, the keyboard, no JavaScript, and the page at phone width in both
palettes. Expected entries come from the catalog, not from the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from atlas.catalog import Catalog, TimelineEntry
from atlas.project import load_catalog

pytestmark = pytest.mark.browser

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
VISIBLE = """() => [...document.querySelectorAll('.atlas-tl-entry')]
  .filter(e => e.offsetParent !== null)
  .map(e => [e.dataset.date, e.dataset.kind, e.querySelector('strong a').textContent])"""
VISIBLE_YEARS = """() => [...document.querySelectorAll('.atlas-tl-year')]
  .filter(s => s.offsetParent !== null).map(s => s.dataset.year)"""


@pytest.fixture(scope="module")
def catalog(timeline_site: Path) -> Catalog:
    return load_catalog(timeline_site.parent)


def expected(catalog: Catalog, keep: Callable[[TimelineEntry], bool]) -> list[list[str]]:
    return [[e.date.iso(), e.kind, e.title] for e in catalog.timeline() if keep(e)]


def years_of(entries: list[list[str]]) -> list[str]:
    return sorted({e[0][:4] for e in entries})


def query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query, keep_blank_values=True)


def count_text(page: Any) -> str:
    return str(page.locator(".atlas-tl-count").text_content())


def open_timeline(page: Any, base: str, search: str = "") -> None:
    page.goto(f"{base}timeline/{search}")
    page.locator("#atlas-tl-filters").wait_for(state="visible")


def test_without_javascript_the_full_list_is_readable(browser: Any, timeline_url: str, catalog: Catalog) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{timeline_url}timeline/?country=betaland")
        assert not page.locator("#atlas-tl-filters").is_visible()
        assert page.evaluate(VISIBLE) == expected(catalog, lambda e: True)
    finally:
        context.close()


def test_kind_filter(page: Any, timeline_url: str, catalog: Catalog, page_errors: list[str]) -> None:
    open_timeline(page, timeline_url)
    total = len(catalog.timeline())
    assert count_text(page) == f"{total} of {total} entries"
    page.get_by_role("checkbox", name="event").uncheck()
    page.get_by_role("checkbox", name="document").uncheck()
    want = expected(catalog, lambda e: e.kind not in ("event", "document"))
    assert page.evaluate(VISIBLE) == want
    assert page.evaluate(VISIBLE_YEARS) == years_of(want)  # 2002 had only a document
    assert "2002" not in page.evaluate(VISIBLE_YEARS)
    assert query(page) == {"kind": ["organization", "treaty", "facility", "membership"]}
    assert count_text(page) == f"{len(want)} of {total} entries"
    assert page.locator('.md-nav--secondary a[href="#2002"]').first.is_hidden()
    assert page_errors == []


def test_country_filter(page: Any, timeline_url: str, catalog: Catalog) -> None:
    open_timeline(page, timeline_url)
    page.locator("select[name=country]").select_option("betaland")
    want = expected(catalog, lambda e: "betaland" in e.parties)
    assert page.evaluate(VISIBLE) == want
    assert page.evaluate(VISIBLE_YEARS) == years_of(want)
    assert query(page) == {"country": ["betaland"]}


def test_organization_filter(page: Any, timeline_url: str, catalog: Catalog) -> None:
    open_timeline(page, timeline_url)
    page.locator("select[name=org]").select_option("river-forum")
    want = expected(catalog, lambda e: "river-forum" in e.organizations)
    assert page.evaluate(VISIBLE) == want
    assert query(page) == {"org": ["river-forum"]}


def test_filters_combine(page: Any, timeline_url: str, catalog: Catalog) -> None:
    open_timeline(page, timeline_url)
    for kind in ("organization", "facility", "membership", "document"):
        page.get_by_role("checkbox", name=kind).uncheck()
    page.locator("select[name=country]").select_option("alphaland")
    page.locator("select[name=org]").select_option("north-pact")
    want = expected(catalog, lambda e: e.kind in ("treaty", "event") and "alphaland" in e.parties
                    and "north-pact" in e.organizations)
    assert [w[2] for w in want] == ["Treaty of the North Pact", "Treaty of the North Pact", "Pact summit"]
    assert page.evaluate(VISIBLE) == want
    assert query(page) == {"kind": ["treaty", "event"], "country": ["alphaland"], "org": ["north-pact"]}
    assert count_text(page) == f"3 of {len(catalog.timeline())} entries"
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function("() => !location.search")
    assert page.evaluate(VISIBLE) == expected(catalog, lambda e: True)


def test_a_filtered_url_applies_on_load(page: Any, timeline_url: str, catalog: Catalog) -> None:
    open_timeline(page, timeline_url, "?kind=event&kind=membership&country=alphaland#2006")
    want = expected(catalog, lambda e: e.kind in ("event", "membership") and "alphaland" in e.parties)
    assert page.evaluate(VISIBLE) == want
    assert page.get_by_role("checkbox", name="event").is_checked()
    assert not page.get_by_role("checkbox", name="treaty").is_checked()
    assert page.locator("select[name=country]").input_value() == "alphaland"
    assert page.locator("select[name=org]").input_value() == ""
    assert urlsplit(page.url).fragment == "2006"


def test_unknown_values_in_the_url_are_ignored(page: Any, timeline_url: str, catalog: Catalog,
                                               page_errors: list[str]) -> None:
    open_timeline(page, timeline_url, "?country=atlantis&org=%3Cscript%3E")
    assert page.evaluate(VISIBLE) == expected(catalog, lambda e: True)
    assert page.locator("select[name=country]").input_value() == ""
    open_timeline(page, timeline_url, "?kind=")
    assert page.evaluate(VISIBLE) == []
    assert count_text(page) == f"0 of {len(catalog.timeline())} entries"
    assert page_errors == []


def test_filters_by_keyboard_alone(page: Any, timeline_url: str, catalog: Catalog) -> None:
    open_timeline(page, timeline_url)
    first = page.get_by_role("checkbox", name="organization")
    first.focus()
    for _ in range(4):  # past treaty, facility and membership to "event"
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "event"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "country"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("ArrowDown")  # first country: Alphaland
    want = expected(catalog, lambda e: e.kind != "event" and "alphaland" in e.parties)
    assert page.evaluate(VISIBLE) == want
    assert query(page) == {"kind": ["organization", "treaty", "facility", "membership", "document"],
                           "country": ["alphaland"]}
    page.keyboard.press("Tab")  # the organization
    page.keyboard.press("Tab")  # the evidence
    assert page.evaluate("document.activeElement.name") == "provenance"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "reset"
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.search")
    assert len(page.evaluate(VISIBLE)) == len(catalog.timeline())


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ["timeline/", "organizations/", "organizations/north-pact/"])
def test_layout_fits_and_follows_the_palette(browser: Any, timeline_url: str, path: str, width: int,
                                             scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(timeline_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
        if path != "timeline/":
            colours = page.evaluate("""() => {
              const bar = getComputedStyle(document.querySelector('.atlas-chart-bar--founding'));
              return [bar.backgroundColor, getComputedStyle(document.body).backgroundColor];
            }""")
            assert colours[0] != colours[1] and "rgba(0, 0, 0, 0)" not in colours[0]
        RESULTS.mkdir(exist_ok=True)
        name = f"timeline-{path.strip('/').replace('/', '-')}-{width}-{scheme}.png"
        page.screenshot(path=str(RESULTS / name), full_page=True)
    finally:
        context.close()
