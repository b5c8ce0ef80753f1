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


class Untranslated(str):
    """Text of the English original, shown as it is in an edition that lacks its translation
    (i18n.localize): wherever it is written, it comes marked lang="en" and untranslated."""

    __slots__ = ()


UNTRANSLATED_TITLE = "Ещё не переведено на русский"  # only the Russian edition has Untranslated texts


def finalize(value: object) -> object:
    """Jinja `finalize`: every `{{ value }}` that is not already markup is escaped."""
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    if isinstance(value, Untranslated):
        return Markup(f'<span lang="en" class="atlas-untranslated" title="{UNTRANSLATED_TITLE}">'
                      f"{md_text(value)}</span>")
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
