"""The world map of partners: the states Kyrgyzstan shares treaties with, shaded by how many.

Classes double (1, 2–3, 4–7, 8–15, 16 or more), so a few states with many treaties do not wash
out the rest; shades are one hue from light to dark (darker = more, in both palettes' own
scale), which readers with any colour vision can order. Every country of the Atlas is a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Record
from .bases import Base
from .svg import attr, num, site_href

MAP_ID = "atlas-map-partners"
CLASSES = ((1, 1), (2, 3), (4, 7), (8, 15), (16, None))


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


def class_label(index: int) -> str:
    low, high = CLASSES[index - 1]
    if high is None:
        return f"{low} or more treaties"
    if low == high:
        return "1 treaty" if low == 1 else f"{low} treaties"
    return f"{low}–{high} treaties"


def partners_map(base: Base, here: str, home: Record, counts: Mapping[str, int], atlas: Mapping[str, Record],
                 records: Mapping[str, Record]) -> PartnersMap:
    """`counts`: country id → treaties shared with `home`; `atlas`: the Atlas's countries by ISO code;
    `records`: every record by id."""
    by_id = {r.id: iso for iso, r in atlas.items()}
    home_iso = by_id.get(home.id)
    shapes, names = [], []
    for s in base.shapes:
        record = atlas.get(s.iso or "")
        if record is None:
            shapes.append(f'<path class="atlas-map-land" d="{s.d}"><title>{attr(s.name)}</title></path>')
            continue
        cls, label = _shading(record, counts.get(record.id, 0), home, s.iso == home_iso)
        shapes.append(f'<a class="atlas-map-country {cls}" href="{site_href(here, record.url)}"'
                      f' aria-label="{attr(label)}"><path d="{s.d}"/><title>{attr(label)}</title></a>')
        if s.iso == home_iso and s.label:  # too small to see at this scale: ringed
            x, y = s.label
            names.append(f'<circle class="atlas-map-home-ring" cx="{num(x)}" cy="{num(y)}" r="22"/>')
    for iso, (x, y) in sorted(base.points.items()):  # small states: a dot, shaded and linked the same way
        record = atlas.get(iso)
        if record is not None:
            cls, label = _shading(record, counts.get(record.id, 0), home, iso == home_iso)
            shapes.append(f'<a class="atlas-map-country {cls}" href="{site_href(here, record.url)}"'
                          f' aria-label="{attr(label)}"><circle cx="{num(x)}" cy="{num(y)}" r="9"/>'
                          f"<title>{attr(label)}</title></a>")
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
        f'<figcaption id="{MAP_ID}-name">The states {attr(home.name)} has treaties with, shaded by their number'
        f"</figcaption>\n{_legend(home, used)}\n</figure>"
    )
    return PartnersMap(figure, home, partners)


def _shading(record: Record, count: int, home: Record, is_home: bool) -> tuple[str, str]:
    """The class and the name of a country of the Atlas on the world map."""
    if is_home:
        return "atlas-map-home", f"{record.name}: the Atlas's subject"
    if count:
        treaties = "1 treaty" if count == 1 else f"{count} treaties"
        return f"atlas-map-n{shade(count)}", f"{record.name}: {treaties} with {home.name}"
    return "atlas-map-atlas", f"{record.name}: no treaty with {home.name} in the Atlas"


def _legend(home: Record, used: list[int]) -> str:
    items = [f'<li><span class="atlas-map-swatch atlas-map-n{i}"></span> {attr(class_label(i))}</li>' for i in used]
    items.append(f'<li><span class="atlas-map-swatch atlas-map-home"></span> {attr(home.name)}</li>')
    items.append('<li><span class="atlas-map-swatch atlas-map-swatch--land"></span> no treaty in the Atlas'
                 ' (the countries of the Atlas are links)</li>')
    items.append('<li class="atlas-map-credit">Boundaries: Natural Earth · Equal Earth projection</li>')
    return f'<ul class="atlas-map-legend">{"".join(items)}</ul>'
