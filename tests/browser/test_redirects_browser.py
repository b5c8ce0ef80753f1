"""A former address, opened in a real browser, lands on the renamed record (anchor kept) and
leaves no history entry behind, and the record page's JSON-LD is what the browser itself
parses from the page."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import QuietHandler, serve

pytestmark = pytest.mark.browser

OLD_IDS = ["old-security-pact", "test-pact-1995"]
NEW_PAGE = "treaties/test-security-pact-1995/#cite-this-page"


class HeldRedirect(QuietHandler):
    """Sends a redirect page up to its <script>, and the rest once `release` is set."""

    release: threading.Event  # one per server: see held_url

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        name = self.path.split("?")[0].strip("/").split("/")
        if len(name) != 2 or name[1] not in OLD_IDS:
            return super().do_GET()
        body = (Path(self.directory) / name[0] / name[1] / "index.html").read_bytes()
        head, script, rest = body.partition(b"<script>")
        assert script, "the redirect page has no <script>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(head)
        self.wfile.flush()
        self.release.wait(10)
        self.wfile.write(script + rest)


@pytest.fixture
def held_url(export_site: Path) -> Iterator[tuple[str, threading.Event]]:
    """tests/fixtures/export served so that each redirect page's script waits for the test."""
    handler = type("Held", (HeldRedirect,), {"release": threading.Event()})
    with serve(export_site, handler) as url:
        yield url, handler.release


@pytest.mark.parametrize("old", OLD_IDS)
def test_old_address_lands_on_the_renamed_record(page: Any, export_url: str, old: str) -> None:
    page.goto(f"{export_url}treaties/{old}/#cite-this-page")
    page.wait_for_url(export_url + NEW_PAGE)
    assert page.locator("h1").inner_text().strip().rstrip("¶") == "Security Pact"


@pytest.mark.parametrize("old", OLD_IDS)
def test_the_old_address_is_not_left_in_the_history(page: Any, held_url: tuple[str, threading.Event],
                                                    old: str) -> None:
    """What location.replace guarantees over location.assign. A browser replaces the entry of a
    page that navigates before it has loaded anyway, unless the reader has just pressed a key or
    clicked: so the reader presses a key while the moved page loads, before its script runs."""
    url, release = held_url
    page.goto(f"{url}treaties/{old}/#cite-this-page", wait_until="commit")
    page.keyboard.press("Shift")
    assert page.evaluate("[navigator.userActivation.isActive, document.readyState]") == [True, "loading"]
    release.set()
    page.wait_for_url(url + NEW_PAGE)
    assert page.evaluate("history.length") == 2  # the blank page the test began on, then the new address
    page.go_back()
    assert page.url == "about:blank"  # with an entry for the old address, Back would bounce to the new page


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
