"""Escaping text from YAML so that it reaches the page as text, never as markup.

Every character that HTML, Markdown, or a Markdown extension (attribute lists,
emoji shortcodes, tables) could read as syntax becomes a numeric character reference.
Browsers and the search indexer decode those back to the characters the editor wrote.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from markupsafe import Markup, escape

_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~<>&\"':=^$%@")
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}  # str.translate: one pass in C
_WHITESPACE = re.compile(r"\s+")


def md_text(value: object) -> Markup:
    """Plain text → inline Markdown that renders exactly that text (on one line)."""
    return _md_text(str(value))


@lru_cache(maxsize=1 << 16)
def _md_text(text: str) -> Markup:
    """Remembered: the same names and labels are escaped hundreds of thousands of times per build."""
    return Markup(_WHITESPACE.sub(" ", text).translate(_ENTITIES))


class Foreign(str):
    """Text written in another language than the edition's (a source's title in its own
    language): wherever it is written, it comes marked with that language (`lang`)."""

    lang = "en"

    def __new__(cls, text: str, lang: str = "en") -> Foreign:
        value = super().__new__(cls, text)
        value.lang = lang
        return value


class Untranslated(Foreign):
    """Text of the English original, shown as it is in an edition that lacks its translation
    (i18n.localize): wherever it is written, it comes marked lang="en" and untranslated."""


UNTRANSLATED_TITLE = "Ещё не переведено на русский"  # only the Russian edition has Untranslated texts


# The languages whose own titles are written in Cyrillic: a source in one of them whose title has
# no Cyrillic letter carries the editors' English description of it, not its own title.
CYRILLIC_LANGUAGES = frozenset({"ru", "ky", "kk", "tg", "uk", "be", "mn"})
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def title_language(title: str, language: str | None) -> str:
    """The language a source's title is written in: the source's own (English when it has none),
    or English for the editors' description of a Cyrillic-script source."""
    if language in CYRILLIC_LANGUAGES and not _CYRILLIC.search(title):
        return "en"
    return language or "en"


def in_script(value: object, page: str) -> str:
    """A name whose script alone tells its language (an abbreviation: ОДКБ, CSTO): Cyrillic is
    Russian, Latin English; `Foreign` where that differs from `page`, the page's language. A
    text already marked (an untranslated one) stays as it is."""
    if isinstance(value, Foreign):
        return value
    text = str(value)
    written = title_language(text, "ru")
    return text if written == page else Foreign(text, written)


def foreign_span(value: Foreign, inner: str) -> str:
    """`inner`, the value's text made HTML or Markdown, inside the element that marks its language."""
    if isinstance(value, Untranslated):
        return f'<span lang="en" class="atlas-untranslated" title="{UNTRANSLATED_TITLE}">{inner}</span>'
    return f'<span lang="{attr(value.lang)}">{inner}</span>'


def finalize(value: object) -> object:
    """Jinja `finalize`: every `{{ value }}` that is not already markup is escaped."""
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    if isinstance(value, Foreign):
        return Markup(foreign_span(value, md_text(value)))
    return md_text(value)


def attr(value: object) -> Markup:
    """Text for an HTML attribute value: HTML-escaped, no Markdown processing applies there."""
    return escape(_WHITESPACE.sub(" ", str(value)))


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching names (ё→е, é→e)."""
    if text.isascii():  # nothing to decompose: the finder folds a few MB of mostly ASCII names
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    # Test each distinct character once, not each character: a finder's text runs to megabytes.
    marks = {c for c in set(decomposed) if unicodedata.combining(c)}
    return decomposed.translate(dict.fromkeys(map(ord, marks))) if marks else decomposed
