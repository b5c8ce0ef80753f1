"""The maps' words in the edition's language (`Lang`): their texts through `Lang.t`, names the
catalog does not give (countries outside the Atlas, capitals), coordinates, and text left in
English marked as such.

Names of the Atlas's own countries and organizations come from the records, which the Russian
catalog holds in Russian already (an untranslated one as `Untranslated`, written with lang="en").
Other countries are named by Natural Earth in English: the Russian edition takes CLDR's names
(Babel) by ISO code, and this module's tables for capitals and the few territories without a code.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from babel import Locale
from babel.lists import format_list
from babel.numbers import get_decimal_symbol
from markupsafe import Markup

from ..i18n import Lang, Untranslated
from ..text import attr

# The capitals the regional extract holds (region-map.json), by their country's ISO code.
CAPITALS_RU = {
    "KG": "Бишкек", "KZ": "Астана", "UZ": "Ташкент", "TJ": "Душанбе", "TM": "Ашхабад", "AF": "Кабул",
    "PK": "Исламабад", "IR": "Тегеран", "AZ": "Баку", "CN": "Пекин", "RU": "Москва", "IN": "Нью-Дели",
    "MN": "Улан-Батор",
}
# Natural Earth's territories without an ISO code, by their name in the extract.
UNCODED_RU = {"Siachen Glacier": "ледник Сиачен", "N. Cyprus": "Северный Кипр", "Somaliland": "Сомалиленд"}


def english_attr(value: object) -> str:
    """' lang="en"' for an element whose whole text is left in English, else nothing."""
    return ' lang="en"' if isinstance(value, Untranslated) else ""


def name_html(value: object, lang: Lang) -> Markup:
    """A value as HTML text; English left in a translated edition marked (as the pages mark it)."""
    if isinstance(value, Untranslated):
        return Markup(f'<span lang="en" class="atlas-untranslated" title="{attr(lang.t("Not yet translated"))}">'
                      f"{attr(value)}</span>")
    return Markup(value) if isinstance(value, Markup) else attr(value)


def name_svg(value: object) -> Markup:
    """A name inside an SVG <text> that holds more: an untranslated one in its own <tspan lang="en">."""
    return Markup(f'<tspan lang="en">{attr(value)}</tspan>') if isinstance(value, Untranslated) else attr(value)


def html(lang: Lang, text: str, **values: object) -> Markup:
    """`lang.t(text, **values)` as HTML (figure captions, legends): the text escaped, the values
    escaped and their untranslated parts marked. In English, the same as escaping the whole."""
    return Markup(attr(lang.t(text)).format(**{k: name_html(v, lang) for k, v in values.items()}))


def plain(lang: Lang, text: str, **values: object) -> Markup:
    """`lang.t(text, **values)` escaped for an attribute or an SVG <title>, where no part can be marked."""
    return attr(lang.t(text, **values))


def credit(lang: Lang, text: str, **names: str) -> Markup:
    """A map's credit: `text` with {source}, Natural Earth, and other `names` kept in English
    (marked so in another edition)."""
    names = {"source": "Natural Earth", **names}
    if lang.code == "en":
        return html(lang, text, **names)
    return html(lang, text, **{k: Markup(f'<span lang="en">{attr(v)}</span>') for k, v in names.items()})


def country_name(lang: Lang, iso: str | None, name: str) -> str:
    """A country outside the Atlas, named `name` in the extract (English)."""
    if lang.code == "en":
        return name
    translated = _territories(lang.code).get(iso) if iso else (UNCODED_RU.get(name) if lang.code == "ru" else None)
    return str(translated) if translated else Untranslated(name)


def capital_name(lang: Lang, iso: str, name: str) -> str:
    if lang.code == "en":
        return name
    translated = CAPITALS_RU.get(iso) if lang.code == "ru" else None
    return translated or Untranslated(name)


def degrees(lat: float, lon: float, lang: Lang) -> str:
    """42.85, 74.85 → '42.85° N, 74.85° E' (Russian: '42,85° с. ш., 74,85° в. д.'), as the facts
    tables write coordinates."""
    north = lang.t("{degrees}° N" if lat >= 0 else "{degrees}° S", degrees=_decimal(abs(lat), lang))
    east = lang.t("{degrees}° E" if lon >= 0 else "{degrees}° W", degrees=_decimal(abs(lon), lang))
    return f"{north}, {east}"


def and_list(lang: Lang, items: Sequence[str]) -> str:
    """'A, B and C' (the English maps' way, without a serial comma); CLDR's list in other languages."""
    if lang.code == "en":
        return f"{', '.join(items[:-1])} and {items[-1]}" if len(items) > 1 else "".join(items)
    return format_list(list(items), locale=lang.code)


def _decimal(value: float, lang: Lang) -> str:
    text = f"{value:g}"
    return text if lang.code == "en" else text.replace(".", get_decimal_symbol(lang.code))


@cache
def _territories(code: str) -> dict[str, str]:
    return dict(Locale.parse(code).territories)
