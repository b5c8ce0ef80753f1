"""The maps in Chromium: layers switch and their state lives in the URL, names show on hover and
focus, small maps draw the shared base, every map page passes axe in both palettes and on a
phone, and nothing is fetched from another host."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

VISIBLE_PINS = """kind => [...document.querySelectorAll('#atlas-map-region .atlas-map-pin--' + kind)]
    .filter(a => a.getBoundingClientRect().width > 0).length"""
MEMBERS = "() => [...document.querySelectorAll('#atlas-map-region .atlas-map-member')].map(a => a.dataset.country)"
MAP_PAGES = {
    "home": "", "countries index": "countries/", "country": "countries/kyrgyzstan/",
    "facility": "facilities/kant-air-base/", "event": "events/moscow-summit-2002/",
    "organization": "organizations/collective-alliance/",
}


def query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query, keep_blank_values=True)


def open_home(page: Any, url: str) -> None:
    page.goto(url)
    page.locator("#atlas-map-layers").wait_for(state="visible")


def test_layers_switch_and_the_url_keeps_them(page: Any, maps_url: str, external_requests: list[str],
                                              page_errors: list[str]) -> None:
    open_home(page, maps_url)
    facilities, events = page.evaluate(VISIBLE_PINS, "facility"), page.evaluate(VISIBLE_PINS, "event")
    assert facilities == 4 and events == 2  # Batken's two events share a pin; Moscow is off this map
    assert query(page) == {}

    page.get_by_role("checkbox", name="Foreign military facilities").uncheck()
    assert page.evaluate(VISIBLE_PINS, "facility") == 0
    assert page.evaluate(VISIBLE_PINS, "event") == events
    assert query(page) == {"layer": ["events"]}

    page.get_by_label("Members of").select_option("collective-alliance")
    assert sorted(page.evaluate(MEMBERS)) == ["kazakhstan", "kyrgyzstan", "russia", "tajikistan"]
    assert query(page) == {"layer": ["events"], "members": ["collective-alliance"]}
    status = page.locator(".atlas-map-status").inner_text()
    assert "Collective Alliance" in status and "Not on this map: 1" in status
    assert page.locator(".atlas-map-legend-members").is_visible()

    page.get_by_role("checkbox", name="Events").uncheck()
    assert query(page)["layer"] == [""]  # no layer at all
    page.get_by_label("Members of").select_option("")
    page.get_by_role("checkbox", name="Events").check()
    page.get_by_role("checkbox", name="Foreign military facilities").check()
    assert query(page) == {} and page.evaluate(MEMBERS) == []
    assert not page.locator(".atlas-map-legend-members").is_visible()
    assert external_requests == [] and page_errors == []


def test_the_messages_come_from_the_page(page: Any, maps_url: str) -> None:
    """maps.js writes the form's data-* texts, whatever their language (the Russian edition's here)."""
    open_home(page, maps_url)
    page.evaluate("""() => Object.assign(document.getElementById('atlas-map-layers').dataset, {
        legendMember: 'член организации: {organization}',
        statusMembers: 'Организация: {organization}. Её члены на карте (штриховка): {names}.',
        statusElsewhere: 'Вне этой карты: {count}.'})""")
    page.get_by_label("Members of").select_option("collective-alliance")
    status = page.locator(".atlas-map-status").inner_text()
    assert status.startswith("Организация: Collective Alliance. Её члены на карте (штриховка): ")
    assert status.endswith(". Вне этой карты: 1.")
    assert page.locator(".atlas-map-legend-org").inner_text() == "член организации: Collective Alliance"


def test_a_shared_url_applies_the_layers(page: Any, maps_url: str) -> None:
    page.goto(maps_url + "?layer=facilities&members=central-forum")
    page.locator("#atlas-map-layers").wait_for(state="visible")
    assert page.evaluate(VISIBLE_PINS, "event") == 0 and page.evaluate(VISIBLE_PINS, "facility") == 4
    assert sorted(page.evaluate(MEMBERS)) == ["kazakhstan", "kyrgyzstan", "tajikistan", "uzbekistan"]
    assert page.get_by_role("checkbox", name="Events").is_checked() is False
    page.goto(maps_url + "?layer=&members=no-such-organization")
    page.locator("#atlas-map-layers").wait_for(state="visible")
    assert page.evaluate(VISIBLE_PINS, "facility") == 0 and page.evaluate(MEMBERS) == []
    assert page.get_by_label("Members of").input_value() == ""


def test_without_javascript_the_map_is_a_picture_with_links(browser: Any, maps_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(maps_url + "?layer=")
        assert page.locator("#atlas-map-layers").is_hidden()
        assert page.evaluate(VISIBLE_PINS, "facility") == 4  # every layer shows
        page.locator('#atlas-map-region a[href="facilities/kant-air-base/"] rect').click()
        assert page.url.endswith("/facilities/kant-air-base/")
    finally:
        context.close()


def tab_to(page: Any, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_names_show_on_focus_and_hover(page: Any, maps_url: str) -> None:
    open_home(page, maps_url)
    tab_to(page, "#atlas-map-region a.atlas-map-country")
    tip = page.locator(".atlas-map-tip")
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert tip.is_visible() and tip.inner_text() == name
    tab_to(page, "#atlas-map-region a.atlas-map-pin")
    label = page.evaluate("getComputedStyle(document.activeElement.querySelector('.atlas-map-pin-name')).opacity")
    assert label == "1"
    with page.expect_navigation():
        page.keyboard.press("Enter")  # a link, as a keyboard user follows it
    assert "/facilities/" in page.url

    page.goto(maps_url + "countries/")
    page.locator('#atlas-map-partners a[href="../countries/kazakhstan/"] path').hover()
    assert page.locator(".atlas-map-tip").inner_text() == "Kazakhstan: 3 treaties with Kyrgyzstan"


def test_small_maps_draw_the_shared_base(page: Any, maps_url: str, external_requests: list[str]) -> None:
    loaded: list[str] = []
    page.on("requestfinished", lambda r: loaded.append(urlsplit(r.url).path))
    for path in ("countries/kyrgyzstan/", "organizations/collective-alliance/"):
        page.goto(maps_url + path)
        page.wait_for_load_state("networkidle")
        box = page.evaluate("document.querySelector('.atlas-map--small use').getBBox().width")
        assert box > 100  # the base file's drawing, not an empty <use>
    assert "/assets/maps/region.svg" in loaded and "/assets/maps/world.svg" in loaded
    assert external_requests == []


def test_a_small_maps_pins_are_links_named_by_their_titles(page: Any, maps_url: str) -> None:
    """A small map's pin has no aria-label (a third of a map with long Russian names): a
    link in SVG takes its name from its <title>; each pin must be a link of that name."""
    page.goto(maps_url + "countries/kyrgyzstan/")
    small = page.locator(".atlas-map--small")
    titles = small.locator("a.atlas-map-pin title").all_text_contents()
    assert len(titles) >= 2
    for title in titles:
        assert small.get_by_role("link", name=title, exact=True).count() == 1, title


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", MAP_PAGES)
def test_map_pages_pass_axe(browser: Any, maps_url: str, axe: Axe, name: str, scheme: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(maps_url + MAP_PAGES[name])
        page.wait_for_load_state("networkidle")
        results = axe.run(page).response["violations"]
        assert [f"{v['id']}: {v['help']}" for v in results if v["impact"] in ("serious", "critical")] == []
        # Readable at 375 px: the page does not scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
