"""Hostile data in a real browser: every page of the hostile fixture site shows its markup as
text, opens no dialog, runs nothing from the data and does not overflow sideways."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import serve

pytestmark = pytest.mark.browser

# Elements and attributes that would exist only if data had turned into markup.
SCAN_DOM = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith('on')) found.push(`${el.tagName} ${a.name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name.toLowerCase())
          && a.value.trim().toLowerCase().startsWith('javascript:')) found.push(`${el.tagName} ${a.name}=${a.value}`);
    }
  }
  for (const el of document.querySelectorAll('img[src="x"], .not-a-class, svg[onload], iframe, object, embed'))
    found.push(el.outerHTML.slice(0, 120));
  for (const el of document.querySelectorAll('script:not([src])')) {
    if (/json/.test(el.type)) {
      // Data for machines may hold the text, but must stay one intact JSON value.
      try { JSON.parse(el.textContent); } catch (e) { found.push(`broken ${el.type}: ${e}`); }
    } else if (el.textContent.includes('alert')) found.push(el.outerHTML.slice(0, 120));
  }
  return found;
}"""


# Resolves once nothing is left that markup made from data could still set off: every image has
# loaded or failed (its onload or onerror has run), two frames have been rendered (pageshow,
# autofocus, toggle and animation events have fired by then), and the browser is idle, with no
# task left in its queue. Only then does "no dialog" mean that none will open.
SETTLED = """() => Promise.all([...document.images].filter(img => !img.complete).map(img => new Promise(done => {
    img.addEventListener('load', done, {once: true});
    img.addEventListener('error', done, {once: true});
  }))).then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
    () => requestIdleCallback(() => done(document.readyState))))))"""


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


def hostile_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))


def test_every_page_shows_data_as_text_and_runs_none_of_it(
    page: Any, hostile_site: Path, hostile_url: str, dialogs: list[str], page_errors: list[str],
    external_requests: list[str],
) -> None:
    paths = hostile_pages(hostile_site)
    assert len(paths) >= 15
    for path in paths:
        page.goto(hostile_url + path.removeprefix("./"))
        page.wait_for_load_state("load")
        assert page.evaluate(SETTLED) == "complete", path
        assert dialogs == [], path
        assert page.evaluate(SCAN_DOM) == [], path
        if "/hostile-" in path or "/other-land/" in path:
            text = page.locator("article").text_content()
            assert '<script>alert("' in text and "<img src=x onerror=alert(" in text, path
            assert "{{ 7*7 }}" in text and "{% raw %}" in text and "](javascript:alert(" in text, path
            assert "\u202e" in text and "\u200b" in text, path
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{path} scrolls sideways: {width}"
    assert dialogs == [] and page_errors == [] and external_requests == []


def test_the_wait_sees_a_handler_that_fires_late(page: Any, hostile_url: str, dialogs: list[str]) -> None:
    """The checks above are not vacuous: had the data become markup, its handlers' dialogs are seen."""
    page.goto(hostile_url + "treaties/hostile-treaty/")
    page.wait_for_load_state("load")
    assert page.evaluate(SETTLED) == "complete"
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
      '<img src="x" onerror="alert(1)"><details ontoggle="alert(2)" open></details>')""")
    assert page.evaluate(SETTLED) == "complete"
    assert sorted(dialogs) == ["1", "2"]


def test_hostile_page_looks_like_text(page: Any, hostile_url: str, dialogs: list[str]) -> None:
    page.goto(hostile_url + "treaties/hostile-treaty/")
    heading = page.locator("h1").first
    assert heading.inner_text().startswith('hostile-treaty.name <script>alert("hostile-treaty.name")</script>')
    assert page.title().startswith('hostile-treaty.name <script>alert("hostile-treaty.name")</script>')
    assert dialogs == []


def test_search_results_show_data_as_text(page: Any, hostile_url: str, dialogs: list[str]) -> None:
    page.goto(hostile_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially("onerror", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible")
    assert results.count() > 0
    assert page.evaluate(SCAN_DOM) == []
    assert "<img src=x onerror=" in page.locator(".md-search-result").text_content()
    assert page.evaluate(SETTLED) == "complete"
    assert dialogs == []
