"""The world map of partners: the states Kyrgyzstan shares treaties with, shaded by how many.

Classes double (1, 2–3, 4–7, 8–15, 16 or more), so a few states with many treaties do not wash
out the rest; shades are one hue from light to dark (darker = more, in both palettes' own
scale), which readers with any colour vision can order. Every country of the Atlas is a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..i18n import Lang, english
from ..model import Record
from .bases import Base
from .svg import attr, num, site_href
from .words import country_name, credit, english_attr, html, name_html, plain

MAP_ID = "atlas-map-partners"
CLASSES = ((1, 1), (2, 3), (4, 7), (8, 15), (16, None))
TREATIES = "treaty|treaties"  # the noun's plural forms (Lang.count)


@dataclass(frozen=True)
class Partner:
    country: Record
    treaties: int
    on_map: bool


@dataclass(frozen=True)
class PartnersMap:
    figure: Markup
    home: Record
    partners: list[Partner]  # most treaties first


def shade(count: int) -> int:
    """The class (1–5) of a number of treaties."""
    return next(i for i, (low, high) in enumerate(CLASSES, 1) if count >= low and (high is None or count <= high))


def class_label(index: int, lang: Lang = english) -> str:
    """'1 treaty', '2–3 treaties', '16 or more treaties': the noun in the form of the class's last number."""
    low, high = CLASSES[index - 1]
    if high is None:
        number = lang.number(low)
        return lang.t("{number} or more {noun}", number=number, noun=lang.count(low, TREATIES)[len(number) + 1:])
    if low == high:
        return lang.count(low, TREATIES)
    return f"{lang.number(low)}–{lang.count(high, TREATIES)}"


def partners_map(base: Base, here: str, home: Record, counts: Mapping[str, int], atlas: Mapping[str, Record],
                 records: Mapping[str, Record], lang: Lang = english) -> PartnersMap:
    """`counts`: country id → treaties shared with `home`; `atlas`: the Atlas's countries by ISO code;
    `records`: every record by id; `lang`: the edition's language."""
    by_id = {r.id: iso for iso, r in atlas.items()}
    home_iso = by_id.get(home.id)
    shapes, names = [], []
    for s in base.shapes:
        record = atlas.get(s.iso or "")
        if record is None:
            name = country_name(lang, s.iso, s.name)
            shapes.append(f'<path class="atlas-map-land"{english_attr(name)} d="{s.d}"><title>{attr(name)}</title>'
                          "</path>")
            continue
        cls, label = _shading(record, counts.get(record.id, 0), home, s.iso == home_iso, lang)
        shapes.append(f'<a class="atlas-map-country {cls}" href="{site_href(here, record.url)}"'
                      f' aria-label="{label}"><path d="{s.d}"/><title>{label}</title></a>')
        if s.iso == home_iso and s.label:  # too small to see at this scale: ringed
            x, y = s.label
            names.append(f'<circle class="atlas-map-home-ring" cx="{num(x)}" cy="{num(y)}" r="22"/>')
    for iso, (x, y) in sorted(base.points.items()):  # small states: a dot, shaded and linked the same way
        record = atlas.get(iso)
        if record is not None:
            cls, label = _shading(record, counts.get(record.id, 0), home, iso == home_iso, lang)
            shapes.append(f'<a class="atlas-map-country {cls}" href="{site_href(here, record.url)}"'
                          f' aria-label="{label}"><circle cx="{num(x)}" cy="{num(y)}" r="9"/>'
                          f"<title>{label}</title></a>")
    frame = base.frame
    svg = (f'<svg class="atlas-map-svg" id="{MAP_ID}" viewBox="0 0 {frame.width} {frame.height}" role="group"'
           f' aria-labelledby="{MAP_ID}-name">'
           f'<rect class="atlas-map-sea" width="{frame.width}" height="{frame.height}"/>'
           f'<g class="atlas-map-shapes">{"".join(shapes)}</g>'
           f'<g aria-hidden="true">{"".join(names)}</g></svg>')
    drawn = set(base.by_iso) | set(base.points)
    partners = sorted((Partner(records[i], n, by_id.get(i, "") in drawn) for i, n in counts.items() if n),
                      key=lambda p: (-p.treaties, p.country.name.casefold()))
    used = sorted({shade(p.treaties) for p in partners})
    figure = Markup(
        f'<figure class="atlas-map atlas-map--world" data-search-exclude>\n<div class="atlas-map-frame">{svg}</div>\n'
        f'<figcaption id="{MAP_ID}-name">'
        f'{html(lang, "The states {home} has treaties with, shaded by their number", home=home.name)}'
        f"</figcaption>\n{_legend(home, used, lang)}\n</figure>"
    )
    return PartnersMap(figure, home, partners)


def _shading(record: Record, count: int, home: Record, is_home: bool, lang: Lang) -> tuple[str, Markup]:
    """The class and the name (escaped) of a country of the Atlas on the world map."""
    if is_home:
        return "atlas-map-home", plain(lang, "{name}: the Atlas's subject", name=record.name)
    if count:
        return f"atlas-map-n{shade(count)}", plain(lang, "{name}: {treaties} with {home}", name=record.name,
                                                   treaties=lang.count(count, TREATIES), home=home.name)
    return "atlas-map-atlas", plain(lang, "{name}: no treaty with {home} in the Atlas", name=record.name,
                                    home=home.name)


def _legend(home: Record, used: list[int], lang: Lang) -> str:
    items = [f'<li><span class="atlas-map-swatch atlas-map-n{i}"></span> {attr(class_label(i, lang))}</li>'
             for i in used]
    items.append(f'<li><span class="atlas-map-swatch atlas-map-home"></span> {name_html(home.name, lang)}</li>')
    items.append('<li><span class="atlas-map-swatch atlas-map-swatch--land"></span> '
                 f'{html(lang, "no treaty in the Atlas (the countries of the Atlas are links)")}</li>')
    credit_text = credit(lang, "Boundaries: {source} · {projection} projection", projection="Equal Earth")
    items.append(f'<li class="atlas-map-credit">{credit_text}</li>')
    return f'<ul class="atlas-map-legend">{"".join(items)}</ul>'
