"""The maps in the Russian edition (atlas.maps with `russian`): every text they write is Russian,
names outside the catalog come from CLDR (Babel) and the capitals' table, English left in the
data is marked lang="en", and every link works from the edition's pages under ru/.

The English maps are checked by test_maps.py, unchanged: their output is the same as before.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel import Locale
from bs4 import BeautifulSoup

from atlas.catalog import Catalog
from atlas.i18n import english, localized, russian
from atlas.i18n.strings_ru_maps import MAPS_RU
from atlas.maps import Maps, regional
from atlas.maps.facade import Bases
from atlas.maps.partners import CLASSES, class_label
from atlas.maps.svg import page_folder
from atlas.maps.words import CAPITALS_RU, UNCODED_RU, degrees
from atlas.project import load_catalog
from atlas.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "maps"
TEMPLATES = ROOT / "hooks" / "atlas" / "templates"
LATIN = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def bases() -> Bases:
    return Bases()


def russian_maps(root: Path, bases: Bases) -> Maps:
    catalog = load_catalog(root)
    return Maps(Catalog(localized(catalog.records, "ru", "ru/")), russian, bases)


@pytest.fixture(scope="module")
def atlas_ru(bases: Bases) -> Maps:
    """The Atlas's own data, translated: every name of a country, organization, place in Russian."""
    return russian_maps(ROOT, bases)


@pytest.fixture(scope="module")
def fixture_ru(bases: Bases) -> Maps:
    """tests/fixtures/maps, with no Russian at all: every name of the data left in English."""
    return russian_maps(FIXTURE, bases)


def figures(maps: Maps) -> dict[str, str]:
    """Every map of the edition, by the source path of the page that shows it."""
    out = {"ru/index.md": str(maps.regional("ru/index.md").figure)}
    partners = maps.partners("ru/countries/index.md")
    if partners:
        out["ru/countries/index.md"] = str(partners.figure)
    for record in maps.catalog.records:
        figure = str(maps.record(record, record.src_uri))
        if figure:
            out[record.src_uri] = figure
    return out


def english_words(figure: str, labels: bool = True) -> list[str]:
    """Latin words left outside elements marked lang="en": in the text (titles, captions, legends,
    labels) and, with `labels`, in aria-labels."""
    soup = BeautifulSoup(figure, "html.parser")
    for marked in soup.select('[lang="en"]'):
        marked.decompose()
    if not labels:
        for title in soup.select("title"):
            title.decompose()
    texts = [soup.get_text(" ")]
    if labels:
        texts += [str(e["aria-label"]) for e in soup.select("[aria-label]")]
    return LATIN.findall(" ".join(texts))


def test_every_text_of_the_maps_is_russian(atlas_ru: Maps) -> None:
    found = figures(atlas_ru)
    assert len(found) > 40  # the regional and world maps and the small maps of record pages
    for page, figure in found.items():
        assert english_words(figure) == [], page


def test_names_left_in_english_are_marked(fixture_ru: Maps) -> None:
    """The fixture's names have no Russian: each is written lang="en" wherever markup can say so
    (captions, legends, names on the map); labels that mix a name with Russian words cannot."""
    found = figures(fixture_ru)
    for page, figure in found.items():
        assert english_words(figure, labels=False) == [], page
    home = BeautifulSoup(found["ru/index.md"], "html.parser")
    kyrgyzstan = home.select_one('a.atlas-map-country[data-country="kyrgyzstan"]')
    assert kyrgyzstan is not None and kyrgyzstan["lang"] == "en"
    caption = BeautifulSoup(found["ru/facilities/kant-air-base.md"], "html.parser").figcaption
    assert caption is not None
    assert [s.get_text() for s in caption.select('span[lang="en"]')] == ["Kant Air Base", "Kant", "Kyrgyzstan"]
    assert "42,85° с. ш., 74,85° в. д.; страна — " in caption.get_text()


def test_countries_outside_the_atlas_have_cldr_names(atlas_ru: Maps) -> None:
    territories = Locale.parse("ru").territories
    atlas = set(atlas_ru.atlas)
    for page, base in (("ru/index.md", atlas_ru.region), ("ru/countries/index.md", atlas_ru.world)):
        soup = BeautifulSoup(figures(atlas_ru)[page], "html.parser")
        drawn = [t.get_text() for t in soup.select("path.atlas-map-land > title")]
        want = [territories[s.iso] if s.iso else UNCODED_RU[s.name] for s in base.shapes if s.iso not in atlas]
        assert drawn == want
    assert "Афганистан" in figures(atlas_ru)["ru/index.md"]
    assert "ледник Сиачен" in figures(atlas_ru)["ru/index.md"]


def test_capitals_have_russian_names(atlas_ru: Maps) -> None:
    regional = atlas_ru.regional("ru/index.md")
    assert regional.capitals and [c.name for c in regional.capitals] == [CAPITALS_RU[c.iso] for c in regional.capitals]
    assert "Бишкек" in str(regional.figure) and "Bishkek" not in str(regional.figure)


def test_coordinates_in_both_languages() -> None:
    assert degrees(42.85, 74.85, english) == "42.85° N, 74.85° E"
    assert degrees(42.85, 74.85, russian) == "42,85° с. ш., 74,85° в. д."
    assert degrees(-33.5, -70.25, russian) == "33,5° ю. ш., 70,25° з. д."


def test_partner_classes_take_the_plural_forms() -> None:
    indexes = range(1, len(CLASSES) + 1)
    assert [class_label(i) for i in indexes] == ["1 treaty", "2–3 treaties", "4–7 treaties", "8–15 treaties",
                                                 "16 or more treaties"]
    assert [class_label(i, russian) for i in indexes] == ["1 договор", "2–3 договора", "4–7 договоров",
                                                          "8–15 договоров", "16 и более договоров"]


def test_the_world_map_counts_treaties_in_russian(fixture_ru: Maps) -> None:
    partners = fixture_ru.partners("ru/countries/index.md")
    assert partners is not None
    labels = {a["href"]: a["aria-label"] for a in BeautifulSoup(str(partners.figure), "html.parser").select("a")}
    assert labels["../../ru/countries/russia/"] == "Russia — Kyrgyzstan: 4 договора"
    assert labels["../../ru/countries/china/"] == "China — Kyrgyzstan: 1 договор"
    assert labels["../../ru/countries/kyrgyzstan/"] == "Kyrgyzstan: страна, которой посвящён Атлас"


@pytest.mark.parametrize("which", ["atlas", "fixture"])
def test_every_link_works_from_the_russian_pages(atlas_ru: Maps, fixture_ru: Maps, which: str) -> None:
    maps = atlas_ru if which == "atlas" else fixture_ru
    pages = {r.url for r in maps.catalog.records}
    assert all(url.startswith("ru/") for url in pages)
    assets = set(maps.assets())  # the shared base files, one set for both editions
    anchors = {p.anchor for p in maps.pins}
    for here, figure in figures(maps).items():
        assert here.startswith("ru/")
        soup = BeautifulSoup(figure, "html.parser")
        for element in soup.select("a[href], use[href]"):
            url = urlsplit(urljoin(f"http://site/{page_folder(here)}/", str(element["href"])))
            assert url.hostname == "site"
            target = url.path.lstrip("/")
            if element.name == "use":
                assert target in assets and url.fragment == "base", (here, element["href"])
            elif target == page_folder(here) + "/" and url.fragment:
                assert url.fragment in anchors, (here, element["href"])
            else:
                assert target in pages, (here, element["href"])


def test_both_editions_draw_on_the_same_base_files(atlas_ru: Maps, bases: Bases) -> None:
    catalog = load_catalog(ROOT)
    assert Maps(catalog, english, bases).assets() == atlas_ru.assets()


def template_texts(name: str) -> list[str]:
    return re.findall(r'\bt\("([^"]+)"', (TEMPLATES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("template, here", [("_map_regional.md.j2", "ru/index.md"),
                                            ("_map_partners.md.j2", "ru/countries/index.md")])
def test_the_map_templates_speak_russian(fixture_ru: Maps, template: str, here: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture has every part of the templates: pins of both kinds, organizations, a partner
    without an outline (Testland, "not on the map"); and, one place of events and one of
    facilities pinned, the notes on the places left out."""
    monkeypatch.setattr(regional, "EVENT_PLACES", 1)
    monkeypatch.setattr(regional, "FACILITY_PLACES", 1)
    renderer = Renderer(fixture_ru.catalog)
    renderer.maps = fixture_ru
    renderer.env.globals["t"] = russian.t  # what the Renderer of the Russian edition binds
    text = html.unescape(renderer.render(template, here))
    texts = template_texts(template)
    assert texts
    for english_text in texts:
        assert english_text in MAPS_RU, english_text
        for part in re.split(r"\{\w+\}", MAPS_RU[english_text]):
            assert part.strip() in text, (english_text, part)
        for part in re.split(r"\{\w+\}", english_text):
            if len(part.strip()) > 3:
                assert part.strip() not in text, (english_text, part)


def test_the_maps_script_writes_no_words_of_its_own() -> None:
    """maps.js takes its messages from the form's data-* attributes (translated by the template)."""
    script = (ROOT / "docs" / "javascripts" / "maps.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    for message in ("Members of", "Not on this map", "a member of", "hatched"):
        assert message not in code
    template = (TEMPLATES / "_map_regional.md.j2").read_text(encoding="utf-8")
    messages = re.findall(r"fill\(form\.dataset\.(\w+)", code)
    assert len(messages) == 3
    for attribute in messages:
        assert "data-" + re.sub(r"[A-Z]", lambda m: "-" + m.group().lower(), attribute) in template
