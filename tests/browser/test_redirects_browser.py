"""A former address, opened in a real browser, lands on the renamed record (anchor kept),
and the record page's JSON-LD is what the browser itself parses from the page."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("old", ["old-security-pact", "test-pact-1995"])
def test_old_address_lands_on_the_renamed_record(page: Any, export_url: str, old: str) -> None:
    page.goto(f"{export_url}treaties/{old}/#cite-this-page")
    page.wait_for_url(f"{export_url}treaties/test-security-pact-1995/#cite-this-page")
    assert page.locator("h1").inner_text().strip().rstrip("¶") == "Security Pact"
    page.go_back()  # location.replace: the old address is not left in the history to bounce back to
    assert not page.url.startswith(f"{export_url}treaties/{old}/")


def test_redirect_without_javascript_still_arrives(browser: Any, export_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{export_url}treaties/old-security-pact/")
        page.wait_for_url(f"{export_url}treaties/test-security-pact-1995/")  # the meta refresh
    finally:
        context.close()


def test_hostile_jsonld_is_one_intact_script(page: Any, export_url: str, dialogs: list[str]) -> None:
    page.goto(f"{export_url}events/hostile-summit/")
    texts = page.eval_on_selector_all('script[type="application/ld+json"]', "els => els.map(e => e.textContent)")
    assert len(texts) == 1
    assert json.loads(texts[0])["@type"] == "Event"
    assert "</script>" in json.loads(texts[0])["name"]
    assert dialogs == []  # no alert() from the data ran
