"""Texts of the pages that depend on the edition's language: quotes in their own language,
text marked with its language, names of languages, the place after "in" / «в», coordinates.

Each returns markup for a page's Markdown, its texts escaped by `text.md_text` (or `attr`
inside attributes), like every value the templates write.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel import Locale
from markupsafe import Markup

from ..text import attr, finalize, md_text
from .lang import Lang


def marked(value: object, lang: Lang) -> Markup:
    """A value as text; an untranslated one marked (text.finalize)."""
    return Markup(finalize(value))


def foreign(value: object, language: str | None, lang: Lang) -> Markup:
    """Text in `language` (ISO 639-1) on a page of `lang`: marked with lang="…" when they differ."""
    if not language or language == lang.code:
        return marked(value, lang)
    return Markup(f'<span lang="{attr(language)}">{md_text(value)}</span>')


def quoted(value: object, language: str | None, lang: Lang, marks: bool = True) -> Markup:
    """A quote, verbatim in its own language and marked with it (always, so a reader or a
    screen reader knows it is a quote's language, whatever the page's)."""
    text = md_text(value)
    inner = f"“{text}”" if marks else str(text)
    return Markup(f'<span class="atlas-quote" lang="{attr(language or "en")}">{inner}</span>')


def language_name(code: object, lang: Lang) -> str:
    """The name of a language (ISO 639-1) in the edition's language: ru → Russian / русский."""
    try:
        return str(Locale.parse(lang.code).languages.get(str(code), str(code)))
    except (ValueError, TypeError):
        return str(code)


def in_place(data: Mapping[str, Any], lang: Lang) -> Markup:
    """"in Astana" / «в Астане»: Russian needs the prepositional case, which the data gives
    (place_in); without it the place stands on its own, after a dash."""
    if lang.code == "en":
        return Markup(f"in {marked(data['place'], lang)}")
    if data.get("place_in"):
        return Markup(f"в {md_text(data['place_in'])}")
    return Markup(f"({marked(data['place'], lang)})")


def coordinates(point: Mapping[str, float], lang: Lang) -> Markup:
    """42.8532, 74.8464 → 42.8532° N, 74.8464° E (Russian: 42,8532° с. ш., 74,8464° в. д.),
    in a <span> a script or reader can parse."""
    lat, lon = float(point["lat"]), float(point["lon"])
    if lang.code == "ru":
        text = (f"{_ru(lat)}° {'с. ш.' if lat >= 0 else 'ю. ш.'}, "
                f"{_ru(lon)}° {'в. д.' if lon >= 0 else 'з. д.'}")
    else:
        text = f"{abs(lat):g}° {'N' if lat >= 0 else 'S'}, {abs(lon):g}° {'E' if lon >= 0 else 'W'}"
    return Markup(f'<span class="atlas-geo" data-lat="{lat:g}" data-lon="{lon:g}">{text}</span>')


def _ru(degrees: float) -> str:
    return f"{abs(degrees):g}".replace(".", ",")
