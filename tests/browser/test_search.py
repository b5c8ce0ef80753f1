"""Finding records by name in a real browser: Material's search box and the finders on the
treaty and organization indexes, on the repository's own site.

Queries are typed key by key (press_sequentially), as a reader types them: full names,
beginnings of words, abbreviations in English and Russian, odd casing, a two-letter ISO
code. Material reads the box on keyup; characters that no US key produces (Cyrillic)
reach the box as text input without one, so a final End key stands in for the reader's
last key release. Expected pages are named by record id; dates come from the catalog.
"""

from __future__ import annotations

import json
import re
import sys
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from atlas.catalog import Catalog
from atlas.project import load_catalog

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from bench_first_result import COUNT_QUERIES  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ETERNAL = ("kg-uz-eternal-friendship-1996", "kg-kz-eternal-friendship-1997", "kz-kg-uz-eternal-friendship-1997")
DATE = re.compile(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|"
                  r"December) \d{4}\b")

# (what the reader types, the page that must come first)
SEARCH_BOX = [
    ("CSTO", "organizations/csto/"),
    ("csto", "organizations/csto/"),
    ("ОДКБ", "organizations/csto/"),
    ("Collective Security Treaty Organization", "organizations/csto/"),
    ("SCO", "organizations/sco/"),
    ("ШОС", "organizations/sco/"),
    ("shanghai coop", "organizations/sco/"),
    ("CIS", "organizations/cis/"),
    ("снг", "organizations/cis/"),
    ("EurAsEC", "organizations/eurasec/"),
    ("EURASEC", "organizations/eurasec/"),
    ("ЕврАзЭС", "organizations/eurasec/"),
    ("CACO", "organizations/caco/"),
    ("EDB", "organizations/eurasian-development-bank/"),
    ("eurasian dev", "organizations/eurasian-development-bank/"),
    ("PfP", "organizations/partnership-for-peace/"),
    ("partnership for peace", "organizations/partnership-for-peace/"),
    ("KG", "countries/kyrgyzstan/"),
    ("Киргизия", "countries/kyrgyzstan/"),
    ("Collective Security Treaty", "treaties/collective-security-treaty-1992/"),
    ("Treaty on Eternal Friendship between the Kyrgyz Republic and the Republic of Uzbekistan",
     "treaties/kg-uz-eternal-friendship-1996/"),
    ("CSTO Charter", "treaties/csto-charter-2002/"),
    ("SCO Founding Declaration", "treaties/sco-founding-declaration-2001/"),
    ("Alma-Ata Protocol", "treaties/cis-alma-ata-protocol-1991/"),
    ("treaty on allied relations", "treaties/kg-kz-allied-relations-2003/"),
]

# (typed into the treaty finder, the first row, rows that must be listed too)
TREATY_FINDER = [
    ("etern", "kg-uz-eternal-friendship-1996", ETERNAL),
    ("ETERNAL friend", "kg-uz-eternal-friendship-1996", ETERNAL),
    ("Kazakh–Kyrgyz–Uzbek", "kz-kg-uz-eternal-friendship-1997", ()),
    ("csto", "csto-charter-2002", ()),
    # The CRRF agreement has ОДКБ in its own Russian name; the others match through their organization.
    ("ОДКБ", "crrf-agreement-2009", ("collective-security-treaty-1992", "csto-charter-2002")),
    ("EurAsEC", "eurasec-treaty-2000", ()),
    ("еврАзЭС", "eurasec-treaty-2000", ()),
    ("SCO", "sco-founding-declaration-2001", ()),
    ("CACO", "caco-treaty-2002", ("caco-russia-accession-2004",)),
    ("EDB", "edb-agreement-2006", ()),
    ("CIS", "cis-alma-ata-protocol-1991", ()),
    ("договор о вечной", "kg-kz-eternal-friendship-1997", ()),
    ("Chisinau", "csto-charter-2002", ()),  # the place is written Chișinău
]

ORGANIZATION_FINDER = [
    ("ШОС", "sco"),
    ("eurasian dev", "eurasian-development-bank"),
    ("НАТО", "nato"),
    ("pfp", "partnership-for-peace"),
    ("Партнерство", "partnership-for-peace"),  # written Партнёрство: ё = е
    ("collective sec", "csto"),
]

# The rows the finder shows, in order: record id and the row's text.
ROWS = """(id) => [...document.getElementById(id).tBodies[0].rows]
  .filter(tr => tr.offsetParent !== null)
  .map(tr => [tr.querySelector('td a').getAttribute('href'), tr.innerText])"""
# The queries to Material's search worker not answered yet (window.atlasSearchPending): each
# query gets one reply, and the result list is drawn while that reply is handled. The same
# script as the benchmark's first-result check (scripts/bench_first_result.py).
PENDING = COUNT_QUERIES
# What Material's search result list shows: each result's link and the text of its article.
RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')].map(li => {
  const a = li.querySelector('a.md-search-result__link');
  return [a ? a.href : '', li.querySelector('article').innerText];
})"""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT)


def record_id(href: str) -> str:
    return urlsplit(href).path.rstrip("/").split("/")[-1]


def site_path(href: str, base: str) -> str:
    return urlsplit(href).path[len(urlsplit(base).path):]


# --- Material's search box ------------------------------------------------------------------

def open_search(page: Any, base: str) -> None:
    page.add_init_script(PENDING)
    page.goto(base)
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/initiali/i.test(m.textContent) && window.atlasSearchPending === 0; }")


def search(page: Any, query: str) -> list[tuple[str, str]]:
    """Type `query` into the search box; the results of the whole query."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.press_sequentially(query, delay=20)
    box.press("End")
    page.wait_for_function("() => window.atlasSearchPending === 0")
    assert box.input_value() == query
    return [(str(href), str(text)) for href, text in page.evaluate(RESULTS)]


def test_search_box_finds_each_record_first_by_its_names(page: Any, site_url: str, page_errors: list[str],
                                                         external_requests: list[str]) -> None:
    open_search(page, site_url)
    wrong = []
    for query, expected in SEARCH_BOX:
        results = search(page, query)
        first = site_path(results[0][0], site_url)
        if first != expected:
            wrong.append(f"{query!r}: first {first}, expected {expected}; then "
                         f"{[site_path(h, site_url) for h, _ in results[1:4]]}")
    assert not wrong, "\n".join(wrong)
    assert len({q for q, _ in SEARCH_BOX}) >= 12
    assert not page_errors and not external_requests


def test_search_results_tell_the_eternal_friendship_treaties_apart(page: Any, site_url: str,
                                                                   catalog: Catalog) -> None:
    open_search(page, site_url)
    results = search(page, "Treaty of Eternal Friendship")
    top = {record_id(href): text for href, text in results[:3]}
    assert set(top) == set(ETERNAL), list(top)
    for a, b in combinations(ETERNAL, 2):
        assert top[a] != top[b]
    for treaty_id in ETERNAL:
        signed = str(catalog.get(treaty_id).date("signed"))
        assert signed in top[treaty_id], f"{treaty_id}: {top[treaty_id]!r} lacks {signed}"


def test_search_results_show_names_as_tags(page: Any, site_url: str) -> None:
    open_search(page, site_url)
    search(page, "ОДКБ")
    article = page.locator(".md-search-result__item").first.locator("article").first
    tags = article.locator(".md-tag").all_inner_texts()
    assert tags == ["CSTO", "ОДКБ", "Организация Договора о коллективной безопасности",
                    "Collective Security Treaty Organisation"]


# --- the finders ----------------------------------------------------------------------------

def open_finder(page: Any, base: str, collection: str, search: str = "") -> None:
    page.goto(f"{base}{collection}/{search}")
    page.locator("form[data-finder]").wait_for(state="visible")


def find(page: Any, query: str) -> None:
    box = page.locator("form[data-finder] input[name=find]")
    box.fill("")
    box.press_sequentially(query, delay=10)


def rows(page: Any, table: str) -> list[tuple[str, str]]:
    return [(record_id(href), text) for href, text in page.evaluate(ROWS, table)]


def test_treaty_finder_narrows_as_one_types(page: Any, site_url: str, catalog: Catalog,
                                            page_errors: list[str]) -> None:
    open_finder(page, site_url, "treaties")
    total = len(catalog.collection("treaties"))
    assert len(rows(page, "atlas-treaty-table")) == total
    wrong = []
    for query, first, also in TREATY_FINDER:
        find(page, query)
        shown = [i for i, _ in rows(page, "atlas-treaty-table")]
        if not shown or shown[0] != first or not set(also) <= set(shown):
            wrong.append(f"{query!r}: {shown}, expected {first} first and {list(also)}")
        status = page.locator(".atlas-finder-status").inner_text()
        assert status == f"{len(shown)} of {total} treaties" or len(shown) == total, status
    assert not wrong, "\n".join(wrong)
    find(page, "no such treaty")
    assert rows(page, "atlas-treaty-table") == []
    assert page.locator(".atlas-finder-status").inner_text() == "No treaties match."
    assert not page_errors


def test_treaty_finder_tells_the_eternal_friendship_treaties_apart(page: Any, site_url: str,
                                                                   catalog: Catalog) -> None:
    open_finder(page, site_url, "treaties")
    find(page, "eternal friendship")
    shown = dict(rows(page, "atlas-treaty-table"))
    assert set(shown) == set(ETERNAL)
    assert len(set(shown.values())) == 3
    for treaty_id, text in shown.items():
        treaty = catalog.get(treaty_id)
        assert str(treaty.date("signed")) in text
        assert all(catalog.get(p).label in text for p in treaty.data["parties"])


def test_treaty_finder_filters_sorts_and_keeps_it_in_the_url(page: Any, site_url: str, catalog: Catalog) -> None:
    open_finder(page, site_url, "treaties")
    page.select_option("select[name=party]", "uzbekistan")
    page.select_option("select[name=decade]", "1990")
    expected = {t.id for t in catalog.collection("treaties")
                if "uzbekistan" in t.data["parties"] and 1990 <= t.date("signed").year < 2000}  # type: ignore[union-attr]
    assert {i for i, _ in rows(page, "atlas-treaty-table")} == expected

    signed = page.locator("th[data-sort=signed]")
    assert signed.get_attribute("aria-sort") == "ascending"  # the table's own order
    signed.locator("button").click()
    assert signed.get_attribute("aria-sort") == "ascending"
    signed.locator("button").click()
    assert signed.get_attribute("aria-sort") == "descending"
    assert page.locator("th[data-sort=name]").get_attribute("aria-sort") is None
    order = [i for i, _ in rows(page, "atlas-treaty-table")]
    dates = [catalog.get(i).date("signed").sort_key() for i in order]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True)
    find(page, "friend")

    state = parse_qs(urlsplit(page.url).query)
    assert state == {"party": ["uzbekistan"], "decade": ["1990"], "sort": ["signed"], "order": ["desc"],
                     "find": ["friend"]}
    shown = rows(page, "atlas-treaty-table")

    page.goto(page.url)  # a shared link: the same view
    page.locator("form[data-finder]").wait_for(state="visible")
    assert page.locator("input[name=find]").input_value() == "friend"
    assert page.locator("select[name=party]").input_value() == "uzbekistan"
    assert page.locator("th[data-sort=signed]").get_attribute("aria-sort") == "descending"
    assert rows(page, "atlas-treaty-table") == shown

    page.locator(".atlas-finder-reset").click()
    assert len(rows(page, "atlas-treaty-table")) == len(catalog.collection("treaties"))
    assert urlsplit(page.url).query == ""


def test_organization_finder_finds_by_name_or_abbreviation(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "organizations")
    assert page.locator(".atlas-chart").count() == 1, "the membership chart stays on the page"
    wrong = []
    for query, first in ORGANIZATION_FINDER:
        find(page, query)
        shown = [i for i, _ in rows(page, "atlas-organization-table")]
        if not shown or shown[0] != first:
            wrong.append(f"{query!r}: {shown}, expected {first} first")
    assert not wrong, "\n".join(wrong)
    page.locator("th[data-sort=founded] button").click()
    assert "sort=founded" in page.url


@pytest.mark.parametrize("collection", ["treaties", "organizations"])
def test_without_javascript_the_whole_table_is_there(browser: Any, site_url: str, catalog: Catalog,
                                                     collection: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}{collection}/?find=csto&party=russia")
        assert not page.locator("form[data-finder]").is_visible()
        table = "atlas-treaty-table" if collection == "treaties" else "atlas-organization-table"
        listed = page.locator(f"#{table} tbody tr").evaluate_all(
            "trs => trs.filter(tr => tr.offsetParent !== null).length")
        assert listed == len(catalog.collection(collection))
    finally:
        context.close()


def test_finder_state_survives_bad_urls(page: Any, site_url: str, catalog: Catalog) -> None:
    open_finder(page, site_url, "treaties", "?party=atlantis&decade=1850&sort=nonsense&order=sideways")
    assert page.locator("select[name=party]").input_value() == ""
    assert page.locator("select[name=decade]").input_value() == ""
    assert len(rows(page, "atlas-treaty-table")) == len(catalog.collection("treaties"))
    assert json.loads(page.evaluate("() => JSON.stringify(document.getElementById('atlas-treaty-table')"
                                    ".atlasFinder.state())"))["sort"] == ""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_finder_fits_a_phone(browser: Any, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    try:
        page = context.new_page()
        open_finder(page, site_url, "treaties", "?find=etern")
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the page scrolls sideways: {width}"
        box = page.locator("form[data-finder] input[name=find]").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        # The table may be wider than the phone: it scrolls inside its own box.
        assert page.evaluate("getComputedStyle(document.querySelector('.atlas-finder-scroll')).overflowX") == "auto"
        assert len(rows(page, "atlas-treaty-table")) == len(ETERNAL)
    finally:
        context.close()


# --- the Russian edition's search box -------------------------------------------------------

# (what the reader types on a Russian page, the page that must come first)
RUSSIAN_SEARCH_BOX = [
    ("Договор о коллективной безопасности", "ru/treaties/collective-security-treaty-1992/"),
    ("ОДКБ", "ru/organizations/csto/"),
    ("ШОС", "ru/organizations/sco/"),
    ("Киргизия", "ru/countries/kyrgyzstan/"),
    ("CSTO", "ru/organizations/csto/"),
    ("Шанхайская организация сотрудничества", "ru/organizations/sco/"),
    ("Договор о вечной дружбе между Кыргызской Республикой и Республикой Узбекистан",
     "ru/treaties/kg-uz-eternal-friendship-1996/"),
]


def test_the_russian_search_finds_russian_pages_by_their_russian_names(
        page: Any, site_url: str, page_errors: list[str], external_requests: list[str]) -> None:
    """The Russian edition searches its own index: the first result is the page named, every
    result a page of the Russian edition, titled in Russian."""
    open_search(page, site_url + "ru/")
    wrong = []
    for query, expected in RUSSIAN_SEARCH_BOX:
        results = search(page, query)
        paths = [site_path(href, site_url) for href, _ in results]
        if not paths or paths[0] != expected or not all(p.startswith("ru/") for p in paths):
            wrong.append(f"{query!r}: {paths[:4]}, expected {expected} first")
    assert not wrong, "\n".join(wrong)
    for query in ("вечной дружбе", "вечная дружба"):  # any form of the words: their stems are searched
        results = search(page, query)
        assert {record_id(href) for href, _ in results[:3]} == set(ETERNAL), query
        assert all(re.search("[а-я]", text) for _, text in results[:3])
    assert not page_errors and not external_requests


def test_the_language_switch_keeps_the_page_and_its_section(page: Any, site_url: str) -> None:
    """From a section of a Russian page to the same section of the English page, and back."""
    page.goto(f"{site_url}ru/treaties/collective-security-treaty-1992/#citations")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.locator(".md-select").first.hover()
    page.locator("a.atlas-language[hreflang=en]").click()
    page.wait_for_url("**/treaties/collective-security-treaty-1992/#citations")
    assert site_path(page.url, site_url) == "treaties/collective-security-treaty-1992/"
    assert urlsplit(page.url).fragment == "citations"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Collective Security Treaty")
    page.locator(".md-select").first.hover()
    page.locator("a.atlas-language[hreflang=ru]").click()
    page.wait_for_url("**/ru/treaties/collective-security-treaty-1992/#citations")
    assert page.locator("h1").inner_text().startswith("Договор о коллективной безопасности")
