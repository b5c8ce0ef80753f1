"""One edition's language: words, dates and counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from ..model import PartialDate
from .strings_ru import RU

# Russian words for the qualifiers of partial dates; a qualified day or month takes the
# genitive month ("конец октября 2006 г."), a plain month the nominative ("декабрь 1991 г.").
_QUALIFIERS_RU = {"early": "начало", "mid": "середина", "late": "конец", "about": "около", "before": "до",
                  "after": "после"}


@dataclass(frozen=True)
class Lang:
    code: str  # en, ru
    prefix: str  # where the edition's pages live: "" or "ru/"
    name: str  # the language's own name, for the switch
    strings: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def t(self, text: str, **values: object) -> str:
        """The interface's `text` in this language ({name} fields filled from `values`)."""
        out = self.strings.get(text, text)
        return out.format(**values) if values else out

    def date(self, value: PartialDate | None) -> str:
        if value is None:
            return ""
        return str(value) if self.code == "en" else _date_ru(value)

    def number(self, n: int) -> str:
        return str(n) if self.code == "en" else format_decimal(n, locale=self.code)

    def count(self, n: int, forms: str) -> str:
        """`n` and the noun in the form its number takes: forms is "treaty|treaties" in English,
        translated through the table to the CLDR forms of Russian ("договор|договора|договоров",
        one|few|many; "other", for fractions, takes the last)."""
        words = self.t(forms).split("|")
        if self.code == "en":
            return f"{n} {words[0] if n == 1 else words[-1]}"
        form = _locale(self.code).plural_form(n)
        index = {"one": 0, "few": 1, "many": 2}.get(form, len(words) - 1)
        return f"{self.number(n)} {words[min(index, len(words) - 1)]}"

    def uri(self, src_uri: str) -> str:
        """A page of this edition: its source path under the edition's folder."""
        return src_uri if not self.prefix or src_uri.startswith(self.prefix) else self.prefix + src_uri


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


@cache  # Babel takes a tenth of a millisecond a date; a build asks for the same few thousand dates again and again
def _date_ru(value: PartialDate) -> str:
    day = Date(value.year, value.month or 1, value.day or 1)
    if value.day:
        text = format_date(day, "d MMMM y", locale="ru")
    elif value.month:
        text = format_date(day, "MMMM y" if value.qualifier else "LLLL y", locale="ru")
    else:
        text = str(value.year)
    text += " г."
    return f"{_QUALIFIERS_RU[value.qualifier]} {text}" if value.qualifier else text


english = Lang("en", "", "English")
russian = Lang("ru", "ru/", "Русский", RU)
EDITIONS = (english, russian)
