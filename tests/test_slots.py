"""Slots (atlas/slots.py): fragments carried through Markdown, and those search never parses.

An unsearched slot is filled after Material's search has indexed the page, so it may only hold
what search would have skipped anyway. The build test checks that with Material's own index:
for every page of the repository's site, the entries search makes of the page as it sees it
(unsearched slots unfilled) are those it makes of the page with them filled.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

from atlas.slots import fill, fill_unsearched, slot, unsearched

ROOT = Path(__file__).resolve().parent.parent


def test_each_kind_of_slot_is_filled_by_its_own_pass() -> None:
    page = f"<p>a</p>{slot('<b>searched</b>')}<p>b</p>{slot('<i>skipped</i>', searched=False)}"
    searched = fill(page)
    assert "<b>searched</b>" in searched and "<i>skipped</i>" not in searched
    assert "<!--atlas-unsearched:" in searched
    whole = fill_unsearched(searched)
    assert "<b>searched</b>" in whole and "<i>skipped</i>" in whole and "<!--atlas" not in whole


def test_unsearched_keeps_nothing_as_nothing() -> None:
    assert unsearched("") == ""
    assert "<!--atlas-unsearched:" in unsearched("<figure data-search-exclude></figure>")


def test_fragments_keep_any_text() -> None:
    text = "<p>Кыргызстан &amp; «ОДКБ» --> <!-- </p>"
    assert fill(f"x{slot(text)}y") == f"x\n\n{text}\n\ny"
    assert fill_unsearched(f"x{slot(text, searched=False)}y") == f"x\n\n{text}\n\ny"


class _SearchProbe(BasePlugin):  # type: ignore[type-arg]
    """Runs before Material's search on each page: the entries of the page as search sees it
    and of the page with its unsearched slots filled."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]], int]] = {}

    @event_priority(100)
    def on_page_context(self, context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
        self.pages[page.url] = (_entries(page, page.content), _entries(page, fill_unsearched(page.content)),
                                page.content.count("<!--atlas-unsearched:"))
        return context


def _entries(page: Any, content: str) -> list[dict[str, Any]]:
    index = SearchIndex()
    index.add_entry_from_context(SimpleNamespace(meta=page.meta, content=content, toc=page.toc, url=page.url,
                                                 title=page.title))
    return list(index.entries)


@pytest.fixture(scope="module")
def probed(tmp_path_factory: pytest.TempPathFactory) -> tuple[_SearchProbe, Path]:
    """The repository's site built in-process with the probe; the site's folder."""
    site = tmp_path_factory.mktemp("slots") / "site"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    probe = _SearchProbe()
    config.plugins["slots-probe"] = probe
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return probe, site


def test_search_indexes_every_page_as_if_its_slots_were_filled(probed: tuple[_SearchProbe, Path]) -> None:
    probe, _ = probed
    assert len(probe.pages) > 1000  # both editions, every page
    differing = [url for url, (seen, whole, _) in probe.pages.items() if seen != whole]
    assert not differing, f"search would index these pages differently with their slots filled: {differing[:5]}"


def test_unsearched_slots_hold_the_maps_timelines_treaty_tables_and_citations(
        probed: tuple[_SearchProbe, Path]) -> None:
    probe, _ = probed
    with_slots = {url for url, (_, _, count) in probe.pages.items() if count}
    # the home page's map, the timeline, a treaty's citations and small map, a hub's timeline
    # slice, the treaties index, the countries index's world map; in both editions
    for url in ("", "timeline/", "treaties/kg-kz-border-demarcation-2017/", "countries/kyrgyzstan/", "treaties/",
                "countries/"):
        assert url in with_slots and f"ru/{url}" in with_slots, url


def test_the_finished_pages_hold_no_slot(probed: tuple[_SearchProbe, Path]) -> None:
    _, site = probed
    pages = list(site.rglob("*.html"))
    assert len(pages) > 1000
    left = [p.relative_to(site).as_posix() for p in pages if "<!--atlas" in p.read_text(encoding="utf-8")]
    assert not left
