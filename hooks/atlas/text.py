"""Escaping text from YAML so that it reaches the page as text, never as markup.

Every character that HTML, Markdown, or a Markdown extension (attribute lists,
emoji shortcodes, tables) could read as syntax becomes a numeric character reference.
Browsers and the search indexer decode those back to the characters the editor wrote.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~<>&\"':=^$%@")
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}  # str.translate: one pass in C
_WHITESPACE = re.compile(r"\s+")


def md_text(value: object) -> Markup:
    """Plain text → inline Markdown that renders exactly that text (on one line)."""
    text = _WHITESPACE.sub(" ", str(value))
    return Markup(text.translate(_ENTITIES))


def finalize(value: object) -> object:
    """Jinja `finalize`: every `{{ value }}` that is not already markup is escaped."""
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return md_text(value)


def attr(value: object) -> Markup:
    """Text for an HTML attribute value: HTML-escaped, no Markdown processing applies there."""
    return escape(_WHITESPACE.sub(" ", str(value)))


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching names (ё→е, é→e)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
