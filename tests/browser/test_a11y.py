"""Accessibility: axe-core finds no serious or critical violation on each kind of page, in
both palettes, and the timeline filters and the treaty finder work from the keyboard alone.

axe-core comes bundled with axe-playwright-python, so this runs offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

COLLECTIONS_DIRS = ("treaties", "organizations", "countries", "directions", "facilities", "events", "documents",
                    "sources")
BLOCKING = ("serious", "critical")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}
SHOWN_ENTRIES = "() => [...document.querySelectorAll('.atlas-tl-entry')].filter(e => e.offsetParent !== null).length"
SHOWN_ROWS = "() => [...document.querySelectorAll('#atlas-treaty-table tbody tr')].map(r => r.cells[0].innerText)"


def pages_to_check() -> dict[str, str]:
    """Every kind of page, in both editions: home, each index, one record of each collection, the
    timeline (whole and filtered), the editing and downloads pages, and the 404 page. Records are the first of each
    collection in the data, so a new collection is checked without touching this list."""
    from atlas.load import load_data  # the repository's data, as the built site shows it

    records = load_data(ROOT / "data", ROOT).records
    pages = {"home": "", "timeline": "timeline/", "timeline filtered": "timeline/?kind=treaty&country=kyrgyzstan",
             "editing": "editing/", "downloads": "downloads/", "404": "404.html"}
    for collection in COLLECTIONS_DIRS:
        pages[f"{collection} index"] = f"{collection}/"
        first = min((r.id for r in records if r.collection == collection), default=None)
        assert first is not None, f"no record of {collection} to check"
        pages[f"{collection} record"] = f"{collection}/{first}/"
    # The Russian edition: the same pages under ru/ (one 404 page serves both editions).
    pages.update({f"ru {name}": f"ru/{path}" for name, path in list(pages.items()) if name != "404"})
    return pages


PAGES = pages_to_check()


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def violations(axe: Axe, page: Any) -> list[str]:
    results = axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:5]]}"
        for v in results.response["violations"] if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(page: Any, site_url: str, axe: Axe, name: str, scheme: str,
                                             viewport: str) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    assert violations(axe, page) == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("address", ["treaties/?q=friend", "ru/treaties/?q=дружбе"])
def test_search_dialog_with_results_has_no_serious_violations(page: Any, site_url: str, axe: Axe, scheme: str,
                                                              viewport: str, address: str) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + address)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert page.locator(".md-search-result__meta").is_visible()
    assert violations(axe, page) == []


def test_axe_does_report_a_violation(page: Any, site_url: str, axe: Axe) -> None:
    """The check above is not vacuous: a nameless button on the same page is reported."""
    page.goto(site_url)
    page.evaluate("document.querySelector('article').append(document.createElement('button'))")
    assert any(v.startswith("button-name (critical)") for v in violations(axe, page))


def tab_to(page: Any, selector: str, limit: int = 200) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_timeline_filters_work_from_the_keyboard(page: Any, site_url: str) -> None:
    page.goto(site_url + "timeline/")
    page.locator("#atlas-tl-filters").wait_for(state="visible")
    everything = page.evaluate(SHOWN_ENTRIES)
    memberships = page.locator(".atlas-tl-entry[data-kind=membership]").count()
    assert memberships > 0

    tab_to(page, "input[name=kind][value=membership]")
    page.keyboard.press("Space")
    assert page.evaluate(SHOWN_ENTRIES) == everything - memberships
    assert "kind=" in page.url

    tab_to(page, "select[name=country]")
    page.keyboard.press("ArrowDown")  # the first country after "All countries"
    country = page.evaluate("document.activeElement.value")
    assert country
    shown = page.evaluate(SHOWN_ENTRIES)
    assert 0 < shown < everything - memberships
    parties = page.evaluate(
        "() => [...document.querySelectorAll('.atlas-tl-entry')].filter(e => e.offsetParent !== null)"
        ".map(e => ' ' + e.dataset.countries + ' ')")
    assert all(f" {country} " in p for p in parties)

    tab_to(page, "button[type=reset], input[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({SHOWN_ENTRIES})() === {everything}")


def test_treaty_finder_works_from_the_keyboard(page: Any, site_url: str) -> None:
    page.goto(site_url + "treaties/")
    page.locator("form.atlas-finder").wait_for(state="visible")
    everything = page.evaluate(SHOWN_ROWS)

    tab_to(page, "form.atlas-finder input[name=find]")
    page.keyboard.type("eternal friendship")
    page.wait_for_function(f"() => ({SHOWN_ROWS})().length < {len(everything)}")
    rows = page.evaluate(SHOWN_ROWS)
    assert rows and all("Eternal Friendship" in r for r in rows), rows

    tab_to(page, "th button.atlas-finder-sort")
    page.keyboard.press("Enter")
    assert page.locator("th[aria-sort]").count() == 1

    tab_to(page, "tbody a")
    assert "Eternal Friendship" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_url("**/treaties/*eternal-friendship*/")
