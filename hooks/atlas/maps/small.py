"""Small maps on record pages: a country highlighted, a facility's or event's place pinned, an
organization's members shaded.

A few hundred bytes each: the geometry is the shared base file (assets.py), drawn with `<use>`
and coloured through custom properties; only the view, the colours and the pins are the page's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Record
from .assets import asset_path
from .bases import Base
from .places import point_of
from .svg import attr, marker, num, site_href
from .words import english_attr

ASPECT = 1.5  # width / height of every small map
MIN_WIDTH = {"region": 520.0, "world": 240.0}  # the narrowest view, in base units: enough context around
CAPTION_ID = "atlas-map-small-name"
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class SmallPin:
    kind: str
    lat: float
    lon: float
    name: str
    href: str | None = None  # a link, or None for the page's own place


def small_map(base: Base, here: str, caption: Markup, colours: Mapping[str, str], focus: Box,
              pins: Iterable[SmallPin] = ()) -> Markup:
    """A figure showing `focus` (a box in base units) with room around it, named by `caption`
    (HTML, its texts escaped: words.html). `colours`: ISO code →
    the CSS colour (a custom property of maps.css) of that country; a country the base draws as a
    dot (Base.points) gets a dot of that colour."""
    x, y, w, h = _view(base, focus)
    size = w / 60
    style = ";".join(f"--m-{iso}:var(--atlas-map-{colour})" for iso, colour in sorted(colours.items())
                     if iso not in base.points)
    marks = [f'<circle class="atlas-map-spot" cx="{num(base.points[iso][0])}" cy="{num(base.points[iso][1])}"'
             f' r="{num(size * 0.8)}" style="fill:var(--atlas-map-{colour})"/>'
             for iso, colour in sorted(colours.items()) if iso in base.points]
    linked = False
    for pin in pins:
        px, py = base.frame.xy(pin.lon, pin.lat)
        shape = marker(pin.kind, px, py, size)
        if pin.href:
            linked = True
            marks.append(f'<a class="atlas-map-pin atlas-map-pin--{pin.kind}" href="{attr(pin.href)}"'
                         f'{english_attr(pin.name)}>{shape}'
                         f'<text class="atlas-map-pin-name" x="{num(px + size * 1.6)}"'
                         f' y="{num(py + size * 0.4)}" style="font-size:{num(size * 2.2)}px">{attr(pin.name)}</text>'
                         f"<title>{attr(pin.name)}</title></a>")
        else:
            marks.append(f'<g class="atlas-map-pin atlas-map-pin--{pin.kind}">{shape}</g>')
    role = "group" if linked else "img"
    use_style = f' style="{style}"' if style else ""
    return Markup(
        f'<figure class="atlas-map atlas-map--small" data-search-exclude>\n'
        f'<svg class="atlas-map-svg" viewBox="{num(x)} {num(y)} {num(w)} {num(h)}" role="{role}"'
        f' aria-labelledby="{CAPTION_ID}"><use href="{site_href(here, asset_path(base))}#base"'
        f'{use_style}/>{"".join(marks)}</svg>\n'
        f'<figcaption id="{CAPTION_ID}">{caption}</figcaption>\n</figure>'
    )


def _view(base: Base, focus: Box) -> tuple[float, float, float, float]:
    """`focus` with a margin, at least MIN_WIDTH wide, at the ASPECT ratio, kept inside the map."""
    x0, y0, x1, y1 = focus
    w = max((x1 - x0) * 1.5, (y1 - y0) * 1.5 * ASPECT, MIN_WIDTH.get(base.name, 0.0))
    w = min(w, base.frame.width, base.frame.height * ASPECT)
    h = w / ASPECT
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    x = min(max(cx - w / 2, 0.0), base.frame.width - w)
    y = min(max(cy - h / 2, 0.0), base.frame.height - h)
    return x, y, w, h


def country_box(base: Base, iso: str) -> Box | None:
    """The box of a country on the base: its main parts' outline, or its dot."""
    if iso in base.by_iso:
        return base.by_iso[iso].box
    if iso in base.points:
        x, y = base.points[iso]
        return (x, y, x, y)
    return None


def point_box(base: Base, lat: float, lon: float) -> Box:
    x, y = base.frame.xy(lon, lat)
    return (x, y, x, y)


def union(boxes: Iterable[Box]) -> Box | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def fully_shown(base: Base, box: Box) -> bool:
    """The box lies inside the map with a margin: the country is not cut by the map's edge."""
    margin = 0.02 * base.frame.width
    return (box[0] > margin and box[1] > margin and box[2] < base.frame.width - margin
            and box[3] < base.frame.height - margin)


def pin_of(record: Record, kind: str, href: str | None = None) -> SmallPin | None:
    point = point_of(record)
    if point is None:
        return None
    return SmallPin(kind, point[0], point[1], record.name, href)

