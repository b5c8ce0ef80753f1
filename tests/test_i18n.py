"""The Russian edition's language (atlas.i18n): dates at their precision, plural forms, the
records' texts in Russian or marked as untranslated English, text in a third language marked
with it, and an interface whose every word the Russian edition uses has its translation.

The built pages of both editions are checked by test_editions.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from atlas.catalog import Catalog
from atlas.i18n import english, localized, russian
from atlas.i18n.lang import Lang
from atlas.i18n.localize import TRANSLATED
from atlas.i18n.strings_ru import RU
from atlas.model import PartialDate, Record
from atlas.project import load_catalog
from atlas.render import Renderer
from atlas.text import Foreign, Untranslated, finalize, title_language

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "hooks" / "atlas" / "schemas"


# --- dates and counts ---------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "russian_text", "english_text"), [
    ("1992-05-15", "15 мая 1992 г.", "15 May 1992"),
    ("1991-12", "декабрь 1991 г.", "December 1991"),  # a month on its own: nominative
    ("1992", "1992 г.", "1992"),
    ("late 2006-10", "конец октября 2006 г.", "late October 2006"),  # a qualified month: genitive
    ("early 2006", "начало 2006 г.", "early 2006"),
    ("mid 2010-06", "середина июня 2010 г.", "mid June 2010"),
    ("about 2001-06-15", "около 15 июня 2001 г.", "about 15 June 2001"),
    ("before 1995", "до 1995 г.", "before 1995"),
    ("after 2014-03", "после марта 2014 г.", "after March 2014"),
])
def test_dates_at_their_precision(written: str, russian_text: str, english_text: str) -> None:
    date = PartialDate.parse(written)
    assert russian.date(date) == russian_text
    assert english.date(date) == english_text


@pytest.mark.parametrize(("n", "russian_text", "english_text"), [
    (1, "1 договор", "1 treaty"),
    (2, "2 договора", "2 treaties"),
    (5, "5 договоров", "5 treaties"),
    (11, "11 договоров", "11 treaties"),
    (21, "21 договор", "21 treaties"),
    (22, "22 договора", "22 treaties"),
    (1000, "1\u00a0000 договоров", "1000 treaties"),
])
def test_counts_take_the_plural_form_of_their_number(n: int, russian_text: str, english_text: str) -> None:
    assert russian.count(n, "treaty|treaties") == russian_text
    assert english.count(n, "treaty|treaties") == english_text


def test_every_plural_has_three_russian_forms() -> None:
    """one|few|many: a table entry with fewer forms would write "2 договоров"."""
    plurals = {key: value for key, value in RU.items() if "|" in key}
    assert plurals
    assert {key: value for key, value in plurals.items() if value.count("|") != 2} == {}


def test_interface_words_fall_back_to_english() -> None:
    assert russian.t("Cite this page") == "Как цитировать эту страницу"
    assert russian.t("no such words in the table") == "no such words in the table"
    assert english.t("Cite this page") == "Cite this page"


# --- the records' texts -------------------------------------------------------------------------

def _one(collection: str, data: dict[str, Any]) -> Record:
    return localized([Record(collection, "x", data, f"data/{collection}/x.yaml")], "ru", "ru/")[0]


def test_a_text_with_its_russian_version_gives_it() -> None:
    record = _one("treaties", {"name": "Collective Security Treaty", "name_ru": "Договор о коллективной безопасности",
                               "place": "Tashkent", "place_ru": "Ташкент", "place_in_ru": "Ташкенте"})
    assert record.data["name"] == "Договор о коллективной безопасности"
    assert not isinstance(record.data["name"], Foreign)
    assert record.data["place"] == "Ташкент" and record.data["place_in"] == "Ташкенте"
    assert not [key for key in record.data if key.endswith("_ru")]
    assert record.edition == "ru/" and record.src_uri.startswith("ru/")


def test_a_text_without_it_stays_english_and_is_marked() -> None:
    record = _one("treaties", {"name": "Collective Security Treaty", "summary": "Signed in Tashkent.",
                               "aliases": [{"name": "Ташкентский договор", "lang": "ru"}]})
    assert isinstance(record.data["name"], Untranslated)
    assert isinstance(record.data["summary"], Untranslated)
    assert not isinstance(record.data["aliases"][0]["name"], Untranslated)  # a name in its own language
    shown = str(finalize(record.data["name"]))
    assert shown.startswith('<span lang="en" class="atlas-untranslated"')


def test_fields_that_are_not_texts_are_left_as_they_are() -> None:
    record = _one("treaties", {"name": "T", "signed": "1992-05-15", "parties": ["kyrgyzstan"]})
    assert record.data["signed"] == "1992-05-15" and record.data["parties"] == ["kyrgyzstan"]
    assert not isinstance(record.data["signed"], Foreign)


@pytest.mark.parametrize(("title", "lang", "in_english", "in_russian"), [
    ("Договор о коллективной безопасности", "ru", "ru", None),
    ("InoSMI translation of a Eurasianet Q&A", "ru", None, "en"),  # the editors' description
    ("L'OTAN prête à développer sa coopération", "fr", "fr", "fr"),
    ("NATO's relations with the Kyrgyz Republic", "en", None, "en"),
    ("A title of a source without a language", None, None, "en"),
    ("Кант авиабазасы", "ky", "ky", "ky"),
])
def test_a_sources_title_is_marked_with_the_language_it_is_written_in(
        title: str, lang: str | None, in_english: str | None, in_russian: str | None) -> None:
    data = {"title": title, **({"lang": lang} if lang else {})}
    for record, expected in ((Record("sources", "x", data, "data/sources/x.yaml"), in_english),
                             (_one("sources", data), in_russian)):
        name = record.name
        assert name == title
        assert (name.lang if isinstance(name, Foreign) else None) == expected
        if expected:
            assert f'lang="{expected}"' in str(finalize(name))


def test_title_language_reads_the_script() -> None:
    assert title_language("Договор", "ru") == "ru"
    assert title_language("Treaty", "ru") == "en"
    assert title_language("Traité", "fr") == "fr"
    assert title_language("Treaty", None) == "en"


def test_foreign_text_is_escaped_inside_its_mark() -> None:
    shown = str(finalize(Foreign("<b>*x*</b>", "fr")))
    assert shown.startswith('<span lang="fr">') and "<b>" not in shown and "*x*" not in shown
    assert isinstance(finalize(Foreign("x", "fr")), Markup)


# --- the schemas and the translated fields ------------------------------------------------------

def _properties(node: object) -> Iterator[dict[str, Any]]:
    """Every `properties` mapping of a JSON Schema, however deep."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield node["properties"]
        for value in node.values():
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


def test_translated_fields_are_in_step_with_the_schemas() -> None:
    """Each F_ru a schema declares stands beside its F, and F is one of the texts localize
    translates; each text it translates has an F_ru somewhere (place_in_ru is the place after «в»)."""
    declared: set[str] = set()
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        for properties in _properties(json.loads(path.read_text(encoding="utf-8"))):
            for key in properties:
                if key.endswith("_ru"):
                    base = key.removesuffix("_ru")
                    if base != "place_in":
                        assert base in properties, f"{path.name}: {key} without {base}"
                    declared.add(base)
    assert declared - {"place_in"} == set(TRANSLATED)


# --- the interface's words ----------------------------------------------------------------------

def test_every_word_the_russian_edition_uses_is_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render every page of the Russian edition of the repository's data and collect the texts
    it asks the table for: each has its Russian (a missing one would show in English)."""
    asked: set[str] = set()
    original = Lang.t

    def t(self: Lang, text: str, **values: object) -> str:
        if self.code == "ru":
            asked.add(text)
        return original(self, text, **values)

    monkeypatch.setattr(Lang, "t", t)
    catalog = load_catalog(ROOT)
    renderer = Renderer(Catalog(localized(catalog.records, "ru", "ru/"), russian), lang=russian)
    pages = [plan.make() for plan in renderer.plans()]
    assert len(pages) > len(catalog.records)
    assert len(asked) > 100
    assert sorted(asked - set(RU)) == []
