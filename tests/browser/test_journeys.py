"""What readers and editors do, in a real browser: browse from the home page to a treaty's
year on the timeline, find a treaty with search, and see an edited record after a rebuild."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import build, make_project, serve

pytestmark = pytest.mark.browser


def test_browse_from_home_to_a_treaty_year_on_the_timeline(
    page: Any, site_url: str, external_requests: list[str], page_errors: list[str]
) -> None:
    page.goto(site_url)
    page.locator("article a[href='organizations/']").first.click()
    page.wait_for_url("**/organizations/")

    page.locator("article a[href='csto/']").first.click()
    page.wait_for_url("**/organizations/csto/")
    assert "Collective Security Treaty Organization" in page.locator("h1").inner_text()

    page.locator("#members ~ * a[href='../../countries/kyrgyzstan/']").first.click()
    page.wait_for_url("**/countries/kyrgyzstan/")
    assert page.locator("h1").inner_text().startswith("Kyrgyzstan")

    treaty = page.locator("article a[href='../../treaties/kg-ru-friendship-1992/']").first
    treaty.scroll_into_view_if_needed()
    treaty.click()
    page.wait_for_url("**/treaties/kg-ru-friendship-1992/")
    assert "Russian Federation" in page.locator("h1").inner_text()

    page.locator("article a[href='../../timeline/#1992']").click()
    page.wait_for_url("**/timeline/#1992")
    heading = page.locator("[id='1992']")
    assert heading.is_visible() and heading.inner_text().startswith("1992")
    top = heading.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 300, f"the year's heading should be scrolled to the top, it is at {top}px"
    assert page.locator("article a[href='../treaties/kg-ru-friendship-1992/']").first.is_visible()
    assert external_requests == [] and page_errors == []


def test_search_finds_a_treaty(page: Any, site_url: str, external_requests: list[str]) -> None:
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("allied relations", delay=30)
    result = page.locator(".md-search-result__item a[href*='treaties/kg-kz-allied-relations-2003/']").first
    result.wait_for(state="visible")
    assert "Allied Relations" in result.inner_text()
    result.click()
    page.wait_for_url(re.compile(r".*/treaties/kg-kz-allied-relations-2003/.*"))
    assert page.locator("h1").inner_text().startswith("Treaty on Allied Relations")
    assert external_requests == []


def test_an_edited_record_shows_after_a_rebuild(page: Any, tmp_path: Path, external_requests: list[str]) -> None:
    project = make_project(tmp_path / "project")
    record = project / "data" / "treaties" / "kg-kz-allied-relations-2003.yaml"
    text = record.read_text(encoding="utf-8")
    assert "place: Astana\n" in text
    record.write_text(text.replace("place: Astana\n", "place: Edited Place for the Journey Test\n"), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        page.goto(url + "treaties/kg-kz-allied-relations-2003/")
        facts = page.locator("article table").first
        assert "Edited Place for the Journey Test" in facts.inner_text()
        assert "Astana" not in facts.inner_text()
    assert external_requests == []


def test_pages_load_nothing_from_other_hosts(page: Any, site_url: str, external_requests: list[str],
                                            page_errors: list[str]) -> None:
    """Each kind of page, with its scripts running, asks no other host for anything."""
    for path in ("", "timeline/", "treaties/", "organizations/", "organizations/csto/", "countries/kyrgyzstan/",
                 "treaties/kg-ru-friendship-1992/", "editing/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("csto", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert external_requests == []
    assert page_errors == []


def test_the_network_guard_blocks_and_records(page: Any, site_url: str, external_requests: list[str]) -> None:
    """The guard the other tests rely on: a request to another host is blocked and listed."""
    page.goto(site_url)
    failed = page.evaluate("fetch('https://example.org/probe').then(() => false, () => true)")
    assert failed is True
    assert external_requests == ["https://example.org/probe"]
