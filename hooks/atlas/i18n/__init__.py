"""The Atlas in two languages: English (the data's own) and Russian.

`Lang` is what the pages of one edition need to speak its language: the interface's words
(`t`, from the tables in strings_ru.py), dates at their precision and counts with their
plural forms (from Babel's CLDR data, not hand-made tables), and where the edition's pages
live (English at the root, Russian under `ru/`). The records' own texts come in through
`localize.py`, which gives each Russian field its `_ru` version.
"""

from __future__ import annotations

from ..text import Untranslated
from .lang import EDITIONS, Lang, english, russian
from .localize import localized

__all__ = ["EDITIONS", "Lang", "Untranslated", "english", "localized", "permalinks", "russian"]

_PERMALINK = 'title="Permanent link">&para;</a>'  # the toc extension's, one title for every page


def permalinks(html: str, url: str) -> str:
    """The links of a page's headings titled in its edition's language."""
    lang = russian if url.startswith(russian.prefix) else english
    if lang is english:
        return html
    return html.replace(_PERMALINK, f'title="{lang.t("Permanent link")}">&para;</a>')
