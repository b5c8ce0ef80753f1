"""The treaty and organization finders and what the search index learns from record pages.

The model (atlas/finder.py) is checked on a few records made here; the rendered pages
and the search index on the repository's own site. What only a browser shows — typing,
filtering, sorting, Material's search box — is in tests/browser/test_search.py.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from atlas.catalog import Catalog
from atlas.finder import every_treaty, names_of, organization_rows, treaty_finder
from atlas.model import Record
from atlas.project import load_catalog
from atlas.render import search_boost
from atlas.search import search_tags

ROOT = Path(__file__).resolve().parent.parent
DATE = re.compile(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|"
                  r"December) \d{4}\b")


def record(collection: str, data: dict[str, Any]) -> Record:
    return Record(collection, data["id"], data, f"data/{collection}/{data['id']}.yaml")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    country = {"summary": "s", "citations": []}
    return Catalog([
        record("countries", {"id": "alpha", "name": "Alpha", "aliases": [{"name": "Альфа", "lang": "ru"}], **country}),
        record("countries", {"id": "beta", "name": "Béta", "official_name": "Republic of Béta", **country}),
        record("organizations", {
            "id": "union", "name": "Partnership Union", "abbreviations": ["PU", "ПЁС"], "kind": "regional-forum",
            "aliases": [{"name": "Партнёрский союз", "lang": "ru"}], "founded": "2001-06-15", "summary": "s",
            "citations": [],
        }),
        record("organizations", {"id": "academy", "name": "Academy", "kind": "regional-forum", "summary": "s",
                                 "citations": []}),
        record("treaties", {
            "id": "b-2001", "name": "Treaty of Friendship", "short_name": "Alpha–Béta Treaty (2001)", "kind": "treaty",
            "signed": "2001-03-02", "place": "Chișinău", "parties": ["alpha", "beta"], "organization": "union",
            "summary": "s", "citations": [],
        }),
        record("treaties", {
            "id": "a-1996", "name": "Treaty of Friendship", "short_name": "Alpha Treaty (1996)", "kind": "agreement",
            "signed": "early 1996", "parties": ["alpha", "union"], "summary": "s", "citations": [],
        }),
    ])


# --- the model ----------------------------------------------------------------------------

def test_names_of_lists_every_name_a_reader_may_type(catalog: Catalog) -> None:
    assert names_of(catalog.get("union")) == ["Partnership Union", "PU", "ПЁС", "Партнёрский союз"]
    assert names_of(catalog.get("beta")) == ["Béta", "Republic of Béta"]


def test_treaty_rows_are_oldest_first_and_carry_folded_names(catalog: Catalog) -> None:
    finder = treaty_finder(catalog, catalog.collection("treaties"))
    assert [r.record.id for r in finder.rows] == ["a-1996", "b-2001"]
    older, newer = finder.rows
    assert older.names == "treaty of friendship · alpha treaty (1996)"
    # Accents go, ё becomes е: the script folds what the reader types by the same rules.
    assert "chisinau" in newer.context and "republic of beta" in newer.context
    assert "пес" in newer.context and "партнерскии союз" in newer.context
    assert "alpha treaty" not in newer.context  # its own names are not its context
    assert (older.decade, newer.decade) == (1990, 2000)
    assert newer.organization is catalog.get("union") and older.organization is None


def test_every_treaty_is_the_finder_of_all_treaties_made_once_per_catalog(catalog: Catalog) -> None:
    finder = every_treaty(catalog)
    assert finder == treaty_finder(catalog, catalog.collection("treaties"))
    assert every_treaty(catalog) is finder  # the index and the feed share it
    other = Catalog(catalog.records)
    assert every_treaty(other) is not finder and every_treaty(other) == finder


def test_treaty_filter_options_come_from_the_rows(catalog: Catalog) -> None:
    finder = treaty_finder(catalog, catalog.collection("treaties"))
    # An organization that is a party is offered too, by its label; counts are treaties.
    assert [(o.value, o.label, o.count) for o in finder.parties] == [
        ("alpha", "Alpha", 2), ("beta", "Béta", 1), ("union", "Partnership Union", 1)]
    assert [(o.value, o.label, o.count) for o in finder.decades] == [("1990", "1990s", 1), ("2000", "2000s", 1)]


def test_organization_rows_are_by_name(catalog: Catalog) -> None:
    rows = organization_rows(catalog.collection("organizations"))
    assert [r.record.id for r in rows] == ["academy", "union"]
    assert rows[1].names == "partnership union · pu · пес · партнерскии союз"
    assert rows[0].founded is None and str(rows[1].founded) == "15 June 2001"


# --- the built site -------------------------------------------------------------------------

@cache
def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@cache
def search_index(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return data


def entry(site: Path, location: str) -> dict[str, Any]:
    found = [d for d in search_index(site)["docs"] if d["location"] == location]
    assert len(found) == 1, location
    return found[0]


def table(site: Path, collection: str) -> Tag:
    found = page(site, collection).select_one(f"table#atlas-{collection.rstrip('s').replace('ie', 'y')}-table")
    assert found is not None
    return found


@pytest.mark.parametrize("collection", ["treaties", "organizations"])
def test_without_javascript_the_table_lists_every_record(built_site: Path, collection: str) -> None:
    catalog = load_catalog(ROOT)
    rows = table(built_site, collection).select("tbody tr")
    links = [r.select_one("td a") for r in rows]
    assert sorted(str(a["href"]).strip("/").split("/")[-1] for a in links if a) == sorted(
        r.id for r in catalog.collection(collection))
    assert not any(r.has_attr("hidden") for r in rows)
    form = page(built_site, collection).select_one("form[data-finder]")
    assert form is not None and form.has_attr("hidden"), "the form must wait for the script"
    assert all(r["data-names"] for r in rows)


def test_treaty_rows_carry_what_the_filters_match(built_site: Path) -> None:
    catalog = load_catalog(ROOT)
    rows = {str(r.select_one("td a")["href"]).strip("/").split("/")[-1]: r  # type: ignore[index]
            for r in table(built_site, "treaties").select("tbody tr")}
    for treaty in catalog.collection("treaties"):
        row = rows[treaty.id]
        assert str(row["data-party"]).split() == treaty.data["parties"]
        signed = treaty.date("signed")
        assert signed is not None and row["data-decade"] == str(signed.year // 10 * 10)
        assert row.select_one("time")["datetime"] == signed.iso()  # type: ignore[index]
        for abbreviation in treaty.data.get("abbreviations", []):
            assert abbreviation.lower() in row["data-names"]
    options = page(built_site, "treaties").select("select[name=party] option[value!='']")
    offered = {str(o["value"]) for o in options}
    assert offered == {p for t in catalog.collection("treaties") for p in t.data["parties"]}


@pytest.mark.parametrize("collection", ["treaties", "organizations"])
def test_finder_tables_stay_out_of_the_search_index(built_site: Path, collection: str) -> None:
    text = entry(built_site, f"{collection}/")["text"]
    someone = load_catalog(ROOT).collection(collection)[-1]
    assert someone.name not in text, "search should lead to the record page, not the index table"


NAMING_SECTIONS = ("relations", "milestones", "members", "memberships", "membership")


@pytest.mark.parametrize("edition", ["", "ru/"])
def test_search_leaves_out_citation_marks_and_the_sections_that_name_other_records(built_site: Path,
                                                                                  edition: str) -> None:
    """A record is found by its own page: its relations, milestones, members and memberships
    (and a chart of them) name other records, like its backlinks; "[1]" is noise. Both stay
    out of the index, which also keeps it light at thousands of treaties."""
    docs = json.loads((built_site / edition / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [d["location"] for d in docs if d["location"].rsplit("#", 1)[-1] in NAMING_SECTIONS]
    assert not [d["location"] for d in docs if "<sup" in d["text"]]  # (quotes may hold a "[5]" of their own)
    # The pages have them all: the index leaves them out, not the site.
    html = {section: sum(f'id="{section}"' in path.read_text(encoding="utf-8")
                         for path in (built_site / edition).glob("*/*/index.html")) for section in NAMING_SECTIONS[:4]}
    assert all(count > 0 for count in html.values()), html
    assert 'class="atlas-cite" data-search-exclude' in (
        built_site / edition / "treaties" / "kg-uz-eternal-friendship-1996" / "index.html").read_text(encoding="utf-8")


def test_search_tags_are_the_other_names(catalog: Catalog) -> None:
    assert search_tags(catalog.get("union")) == ["PU", "ПЁС", "Партнёрский союз"]
    assert search_tags(catalog.get("beta")) == ["Republic of Béta"]
    assert search_tags(catalog.get("b-2001")) == ["Alpha–Béta Treaty (2001)"]
    # A short name that is the title plus a qualifier would count the title's words twice.
    cst = record("treaties", {"id": "cst", "name": "Collective Security Treaty", "abbreviations": ["CST"],
                              "short_name": "Collective Security Treaty (Tashkent, 1992)"})
    assert search_tags(cst) == ["CST"]
    # Other names (aliases) too: "Киргизия" finds Kyrgyzstan before the treaties of the "Киргизской Республики".
    kg = record("countries", {"id": "kg", "name": "Kyrgyzstan", "iso": "KG",
                              "aliases": [{"name": "Киргизия", "lang": "ru"}, {"name": "Kyrgyzstan"}]})
    assert search_tags(kg) == ["KG", "Киргизия"]


def test_record_pages_give_search_their_names_as_tags(built_site: Path) -> None:
    catalog = load_catalog(ROOT)
    for record in catalog.records:
        if record.collection == "sources":
            continue
        doc = entry(built_site, record.url)
        assert doc.get("tags", []) == search_tags(record), record.id
        assert doc["boost"] == search_boost(record)
    assert entry(built_site, "organizations/csto/")["tags"] == [
        "CSTO", "ОДКБ", "Организация Договора о коллективной безопасности", "Collective Security Treaty Organisation"]
    assert entry(built_site, "countries/kyrgyzstan/")["tags"][:3] == ["Kyrgyz Republic", "KG", "Кыргызская Республика"]
    assert "Киргизия" in entry(built_site, "countries/kyrgyzstan/")["tags"]
    config = search_index(built_site)["config"]
    assert config["fields"]["tags"]["boost"] == config["fields"]["title"]["boost"]
    assert config["lang"] == ["en", "ru"]


@pytest.mark.parametrize("text", ["Kyrgyz–Uzbek", "CSTO/ОДКБ", "«Партнёрство»", "Alma-Ata", "(CACO)", "Russia's"])
def test_the_search_separator_splits_dashes_slashes_quotes_and_brackets(built_site: Path, text: str) -> None:
    separator = re.compile(search_index(built_site)["config"]["separator"])
    words = [w for w in separator.split(text) if w]
    assert words == re.findall(r"\w+", text.replace("'s", "")), words


def test_treaty_pages_say_when_and_between_whom_right_under_the_title(built_site: Path) -> None:
    catalog = load_catalog(ROOT)
    for treaty in catalog.collection("treaties"):
        doc = entry(built_site, f"treaties/{treaty.id}/")
        first = re.match(r"<p>(.*?)</p>", doc["text"])
        assert first is not None, treaty.id
        assert f"signed {treaty.date('signed')}" in first.group(1)
        assert all(catalog.get(p).label in first.group(1) for p in treaty.data["parties"])


def test_same_named_treaties_read_differently_in_search(built_site: Path) -> None:
    ids = ["kg-uz-eternal-friendship-1996", "kg-kz-eternal-friendship-1997", "kz-kg-uz-eternal-friendship-1997"]
    heads = [entry(built_site, f"treaties/{i}/")["text"].split("</p>")[0] for i in ids]
    assert len(set(heads)) == 3
    assert all(DATE.search(h) for h in heads), heads
