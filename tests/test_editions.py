"""The two editions of the built site: every English page has its Russian counterpart under ru/
and the other way round, each says its language, the header's switch and the sitemap pair
them, each edition searches only its own pages, and no page leaves text of the other language
unmarked (tests/language_walk.py).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from language_walk import unmarked

NOT_PAGES = ("assets/", "search/", "javascripts/", "stylesheets/", "feeds/")
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
HTML_LANG = re.compile(r'<html lang="([a-z]+)"')
HEADING_ID = re.compile(r'<h[1-6] id="([^"]*)"')
SWITCH = re.compile(r'<a href="([^"]*)" hreflang="([a-z]+)" lang="[a-z]+" class="md-select__link atlas-language"')


def pages(site: Path) -> dict[str, Path]:
    """Each HTML page by its path under the site, the 404 page and the redirects' stubs left out."""
    found = {}
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        inner = rel.removeprefix("ru/")
        if inner.startswith(NOT_PAGES) or 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]:
            continue
        found[rel] = path
    return found


@pytest.fixture(scope="module")
def site_pages(built_site: Path) -> dict[str, Path]:
    return pages(built_site)


def test_every_page_has_its_counterpart_in_the_other_edition(site_pages: dict[str, Path]) -> None:
    english = {p for p in site_pages if not p.startswith("ru/")}
    russian = {p.removeprefix("ru/") for p in site_pages if p.startswith("ru/")}
    assert len(english) > 500
    assert english - russian == set()
    assert russian - english == set()


def test_each_page_says_its_language(site_pages: dict[str, Path]) -> None:
    wrong = {}
    for rel, path in site_pages.items():
        found = HTML_LANG.search(path.read_text(encoding="utf-8"))
        expected = "ru" if rel.startswith("ru/") else "en"
        if not found or found.group(1) != expected:
            wrong[rel] = found.group(1) if found else None
    assert wrong == {}


def test_headings_are_anchored_by_their_words_in_either_script(site_pages: dict[str, Path]) -> None:
    """Python-Markdown's default slugify keeps ASCII only: a Russian heading's anchor was "_1",
    a number in it "-2014". The Atlas slugifies in Unicode, so a link to a heading reads."""
    wordless = {}
    for rel, path in site_pages.items():
        ids = HEADING_ID.findall(path.read_text(encoding="utf-8"))
        bad = [i for i in ids if not re.search(r"[^\W\d_]", i)]
        if bad:
            wordless[rel] = bad
    russian_home = HEADING_ID.findall(site_pages["ru/index.html"].read_text(encoding="utf-8"))
    assert russian_home[0] == "атлас-безопасности-кыргызстана"
    assert wordless == {}


ATTRIBUTE_TEXT = re.compile(r'<[a-z]+ [^>]*?\b(aria-label|title|placeholder|alt)="([^"]*)"')


def test_russian_pages_name_their_controls_in_russian(site_pages: dict[str, Path]) -> None:
    """Text in attributes, which the language walker does not read: the palette switch (named
    in mkdocs.yml), the headings' links (the toc extension's "Permanent link"), every label.
    A file name (atlas.json) is not a word of either language."""
    english = {}
    for rel, path in site_pages.items():
        if not rel.startswith("ru/"):
            continue
        for tag in ATTRIBUTE_TEXT.finditer(path.read_text(encoding="utf-8")):
            value = unescape(tag.group(2))
            if re.search(r"[A-Za-z]{2}", value) and not re.search(r"[А-яЁё]", value) \
                    and not re.fullmatch(r"[\w.-]+\.[a-z]+", value) and 'lang="en"' not in tag.group(0):
                english.setdefault(value, rel)
    assert english == {}


def test_the_home_page_names_the_site_once(site_pages: dict[str, Path]) -> None:
    titles = {rel: TITLE.search(site_pages[rel].read_text(encoding="utf-8")).group(1).strip()
              for rel in ("index.html", "ru/index.html")}
    assert titles == {"index.html": "Kyrgyz Security Atlas", "ru/index.html": "Атлас безопасности Кыргызстана"}


def test_the_language_switch_links_each_page_to_its_counterpart(site_pages: dict[str, Path]) -> None:
    wrong = {}
    for rel, path in site_pages.items():
        here = "/" + rel.removesuffix("index.html")
        english = here.removeprefix("/ru") if here.startswith("/ru/") else here
        expected = {"en": english, "ru": "/ru" + english}
        links = {lang: urlsplit(urljoin(here, unescape(href))).path
                 for href, lang in SWITCH.findall(path.read_text(encoding="utf-8"))}
        if links != expected:
            wrong[rel] = links
    assert wrong == {}


def test_the_sitemap_pairs_every_page_with_its_translation(built_site: Path, site_pages: dict[str, Path]) -> None:
    root = ET.parse(built_site / "sitemap.xml").getroot()
    urls = root.findall("s:url", SITEMAP)
    base = urlsplit(urls[0].findtext("s:loc", namespaces=SITEMAP) or "").path
    listed = {}
    for url in urls:
        loc = urlsplit(url.findtext("s:loc", namespaces=SITEMAP) or "").path.removeprefix(base)
        pairs = {link.get("hreflang"): urlsplit(link.get("href") or "").path.removeprefix(base)
                 for link in url.findall("x:link", SITEMAP)}
        listed[loc] = pairs
    english = {rel.removesuffix("index.html") for rel in site_pages if not rel.startswith("ru/")}
    assert english <= set(listed)
    for loc in english:
        assert listed[loc] == {"en": loc, "ru": "ru/" + loc}, loc
    for loc, pairs in listed.items():
        if loc.startswith("ru/"):
            assert pairs == {"en": loc.removeprefix("ru/"), "ru": loc}, loc


@pytest.mark.parametrize("edition", ["", "ru/"])
def test_each_edition_searches_its_own_pages(built_site: Path, site_pages: dict[str, Path], edition: str) -> None:
    """Each search index lists the edition's pages (locations relative to the edition's root),
    titled as the pages are: English titles in the English index, Russian in the Russian one."""
    index = json.loads((built_site / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d["title"] for d in index["docs"] if "#" not in d["location"] and d["location"]}
    assert len(docs) > 400
    wrong = {}
    for location, title in docs.items():
        page = site_pages.get(edition + location + "index.html")
        assert page is not None, location
        shown = unescape(TITLE.search(page.read_text(encoding="utf-8")).group(1)).rsplit(" - ", 1)[0]
        if unescape(title) != shown:
            wrong[location] = (title, shown)
    assert wrong == {}


def test_the_russian_index_is_russian(built_site: Path) -> None:
    index = json.loads((built_site / "ru" / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    assert titles["treaties/collective-security-treaty-1992/"] == "Договор о коллективной безопасности"
    english = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {d["location"]: d["title"] for d in english["docs"]}["treaties/collective-security-treaty-1992/"] \
        == "Collective Security Treaty"


def test_no_page_leaves_the_other_language_unmarked(site_pages: dict[str, Path]) -> None:
    """Russian pages: no run of English words outside an element marked lang="en" (or another
    language); English pages: no Cyrillic word outside one marked lang="ru" (or ky, …)."""
    found = {}
    for rel, path in site_pages.items():
        runs = unmarked(path.read_text(encoding="utf-8"), "ru" if rel.startswith("ru/") else "en")
        if runs:
            found[rel] = runs[:3]
    assert found == {}


def test_the_walker_finds_what_it_looks_for() -> None:
    """The check above can fail: unmarked text of the other language is found, marked text is not."""
    page = ('<html lang="ru"><body><p>Договор signed in Tashkent today</p><p><span lang="en">signed in '
            'Tashkent today</span></p><p>газета The Moscow Times</p><code>some code words here</code></body></html>')
    assert [run for run, _ in unmarked(page, "ru")] == ["signed in Tashkent today"]
    page = '<html lang="en"><body><p>The treaty (Договор) was signed</p><p>in Ташкент</p></body></html>'
    assert [run for run, _ in unmarked(page, "en")] == ["Ташкент"]


@pytest.mark.parametrize("edition", ["", "ru/"])
def test_search_boosts_are_numbers(built_site: Path, edition: str) -> None:
    """A page's boost reaches the search index as a number: sources rank low (0.1), records by
    kind. (Escaped as text, 0.1 became the string 0&#46;1, which lunr cannot weigh.)"""
    index = json.loads((built_site / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
    boosts = {d["location"]: d.get("boost") for d in index["docs"] if "#" not in d["location"]}
    assert all(isinstance(b, (int, float)) for b in boosts.values() if b is not None)
    assert boosts["sources/open-kg-foreign-policy-aspects/"] == 0.1
    assert boosts["organizations/csto/"] > boosts["treaties/collective-security-treaty-1992/"] > 1
