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

__all__ = ["EDITIONS", "Lang", "Untranslated", "english", "localized", "russian"]
