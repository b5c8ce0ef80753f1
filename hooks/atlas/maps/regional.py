"""The regional map: Kyrgyzstan and its neighbours, with the Ferghana valley enlarged.

The figure is raw HTML: an SVG whose countries and pins are links (keyboard-reachable, named by
aria-label, their names shown on hover and focus), the inset, a legend and the scale. Layers
(facilities, events, an organization's members) are groups a script can hide (maps.js); without
it everything shows. The template adds the form and the text alternative with the same links.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from markupsafe import Markup

from ..i18n import Lang, english
from ..model import Record
from .bases import Base, Capital
from .geometry import Shape
from .inset import inset_svg
from .places import Pin
from .svg import CAPITAL, EVENT, FACILITY, attr, legend_key, marker, num, site_href
from .words import capital_name, country_name, credit, english_attr, html, name_svg, plain

MAP_ID = "atlas-map-region"
PIN_SIZE = 11  # half the width of a pin, in map units (the map is 2,000 units wide)
LABEL_MIN_AREA = 6000  # countries whose visible box is smaller than this (units²) get no name on the map
HATCH = (f'<defs><pattern id="{MAP_ID}-hatch" width="16" height="16" patternUnits="userSpaceOnUse"'
         ' patternTransform="rotate(45)"><rect class="atlas-map-hatch-ground" width="16" height="16"/>'
         '<rect class="atlas-map-hatch-line" width="6" height="16"/></pattern></defs>')


@dataclass(frozen=True)
class OrganizationLayer:
    organization: Record
    on_map: tuple[str, ...]  # ids of its member countries drawn on this map
    elsewhere: tuple[str, ...]  # ids of its members this map does not show

    @property
    def name(self) -> str:
        """The organization's name as plain text (for an <option>, which holds no markup)."""
        return f"{self.organization.name}"

    @property
    def lang(self) -> str:
        """"en" when the name is left in English in another edition (for the option's lang), else ""."""
        return "en" if english_attr(self.organization.name) else ""


# The regional map pins the places of the latest events, at most this many: with thousands of
# events each place would add a pin and an entry to the home page (the timeline lists them all).
EVENT_PLACES = 60
FACILITY_PLACES = 15  # likewise the places of facilities, the latest opened (their index lists them all)


@dataclass(frozen=True)
class RegionalMap:
    figure: Markup
    countries: list[Record]  # the Atlas's countries drawn on the map, by name
    facility_pins: list[Pin]
    event_pins: list[Pin]  # the places of the latest events (EVENT_PLACES), in the order of `pins`
    capitals: list[Capital]  # named in the edition's language
    organizations: list[OrganizationLayer]
    scale_km: int
    event_places: int = 0  # the places of events in the map's view, pinned or not
    facility_places: int = 0  # the places of facilities in the map's view, pinned or not

    @property
    def events_left_out(self) -> bool:
        return self.event_places > len(self.event_pins)

    @property
    def facilities_left_out(self) -> bool:
        return self.facility_places > len(self.facility_pins)


def latest_places(pins: list[Pin], limit: int) -> list[Pin]:
    """The `limit` pins whose latest record is the most recent, in their given order."""
    if len(pins) <= limit:
        return pins
    def latest(pin: Pin) -> tuple[int, ...]:
        dates = [r.main_date.sort_key() for r in pin.records if r.main_date]
        return max(dates, default=(0,))
    kept = {id(p) for p in sorted(pins, key=latest, reverse=True)[:limit]}
    return [p for p in pins if id(p) in kept]


def regional_map(base: Base, here: str, atlas: dict[str, Record], all_pins: list[Pin],
                 organizations: list[tuple[Record, list[str]]], lang: Lang = english) -> RegionalMap:
    """The map for the page `here`, in `lang`. `atlas`: the Atlas's countries by ISO code;
    `organizations`: each with its current member countries."""
    frame = base.frame
    shown = {iso: record for iso, record in atlas.items() if iso in base.by_iso and _visible(base.by_iso[iso], base)}
    in_view = [p for p in all_pins if base.shows(p.lat, p.lon)]
    facility_places = [p for p in in_view if p.kind == FACILITY]
    facility_pins = latest_places(facility_places, FACILITY_PLACES)
    event_places = [p for p in in_view if p.kind == EVENT]
    event_pins = latest_places(event_places, EVENT_PLACES)
    pins = facility_pins + event_pins
    layers = []
    drawn = {r.id for r in shown.values()}
    for org, members in organizations:
        on_map = tuple(m for m in members if m in drawn)
        if on_map:
            layers.append(OrganizationLayer(org, on_map, tuple(m for m in members if m not in drawn)))
    capitals = [replace(c, name=capital_name(lang, c.iso, c.name)) for c in base.capitals if base.shows(c.lat, c.lon)]
    scale_km, scale_svg = _scale_bar(base, lang)
    parts = [
        f'<svg class="atlas-map-svg" id="{MAP_ID}" viewBox="0 0 {frame.width} {frame.height}" role="group"'
        f' aria-labelledby="{MAP_ID}-name">', HATCH,
        f'<rect class="atlas-map-sea" width="{frame.width}" height="{frame.height}"/>',
        _countries(base, shown, here, lang),
        _labels(base, shown, lang),
        _capitals(base, capitals),
        _inset_frame(base),
        _pins(base, facility_pins, here, "facilities", lang),
        _pins(base, event_pins, here, "events", lang),
        scale_svg,
        "</svg>",
    ]
    detail = ""
    if base.inset:
        detail = (f'<div class="atlas-map-detail">{inset_svg(base.inset, atlas, pins, lang)}'
                  f'<p class="atlas-map-detail-name">{html(lang, "Detail: the Ferghana valley (the dashed rectangle)")}'
                  "</p></div>")
    figure = Markup(
        f'<figure class="atlas-map atlas-map--region" data-search-exclude>\n'
        f'<div class="atlas-map-frame">{"".join(parts)}</div>\n'
        f'<figcaption id="{MAP_ID}-name">{html(lang, "Kyrgyzstan and its neighbours")}</figcaption>\n'
        f'<div class="atlas-map-more">{detail}'
        f"{_legend(bool(facility_pins), bool(event_pins), bool(capitals), bool(layers), lang)}</div>\n"
        "</figure>"
    )
    ordered = sorted(shown.values(), key=lambda r: r.name.casefold())
    return RegionalMap(figure, ordered, facility_pins, event_pins, capitals, layers, scale_km, len(event_places),
                       len(facility_places))


def _visible(shape: Shape, base: Base) -> bool:
    x0, y0, x1, y1 = shape.box
    return x1 > 0 and y1 > 0 and x0 < base.frame.width and y0 < base.frame.height


def _countries(base: Base, atlas: dict[str, Record], here: str, lang: Lang) -> str:
    others = []
    for s in base.shapes:
        if s.iso not in atlas:
            name = country_name(lang, s.iso, s.name)
            others.append(f'<path class="atlas-map-land"{english_attr(name)} d="{s.d}"><title>{attr(name)}</title>'
                          "</path>")
    linked = [
        f'<a class="atlas-map-country" href="{site_href(here, atlas[s.iso].url)}"'
        f' data-country="{attr(atlas[s.iso].id)}"{english_attr(atlas[s.iso].name)}'
        f' aria-label="{attr(atlas[s.iso].name)}"><path d="{s.d}"/><title>{attr(atlas[s.iso].name)}</title></a>'
        for s in base.shapes if s.iso in atlas
    ]
    return f'<g class="atlas-map-shapes">{"".join(others)}{"".join(linked)}</g>'


def _labels(base: Base, atlas: dict[str, Record], lang: Lang) -> str:
    """Country names at their label points: the Atlas's countries always, others when large enough."""
    out = []
    for shape in base.shapes:
        if shape.label is None or not _inside(shape.label, base, margin=60):
            continue
        x0, y0, x1, y1 = shape.box
        record = atlas.get(shape.iso or "")
        if record is None and (shape.iso is None or (x1 - x0) * (y1 - y0) < LABEL_MIN_AREA):
            continue
        cls = "atlas-map-label atlas-map-label--atlas" if record else "atlas-map-label"
        x, y = shape.label
        name = record.name if record else country_name(lang, shape.iso, shape.name)
        out.append(f'<text class="{cls}"{english_attr(name)} x="{num(x)}" y="{num(y)}">{attr(name)}</text>')
    return f'<g class="atlas-map-labels" aria-hidden="true">{"".join(out)}</g>'


def _inside(point: tuple[float, float], base: Base, margin: float) -> bool:
    x, y = point
    return margin <= x <= base.frame.width - margin and margin <= y <= base.frame.height - margin


def _capitals(base: Base, capitals: list[Capital]) -> str:
    out = []
    for c in capitals:
        x, y = base.frame.xy(c.lon, c.lat)
        out.append(f'{marker(CAPITAL, x, y, PIN_SIZE)}<text class="atlas-map-capital-name"{english_attr(c.name)}'
                   f' x="{num(x + PIN_SIZE * 1.2)}" y="{num(y - PIN_SIZE * 0.9)}">{attr(c.name)}</text>')
    return f'<g class="atlas-map-capitals" aria-hidden="true">{"".join(out)}</g>'


def _inset_frame(base: Base) -> str:
    """The Ferghana valley's rectangle on the main map, where the inset enlarges it."""
    if base.inset is None or base.inset.box is None:
        return ""
    west, south, east, north = base.inset.box
    corners = [base.frame.xy(lon, lat) for lon in (west, east) for lat in (south, north)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return (f'<rect class="atlas-map-inset-frame" x="{num(min(xs))}" y="{num(min(ys))}" '
            f'width="{num(max(xs) - min(xs))}" height="{num(max(ys) - min(ys))}" aria-hidden="true"/>')


def _pins(base: Base, pins: list[Pin], here: str, layer: str, lang: Lang) -> str:
    out = []
    for pin in pins:
        x, y = base.frame.xy(pin.lon, pin.lat)
        href = site_href(here, pin.records[0].url) if len(pin.records) == 1 else f"#{pin.anchor}"
        kind = "{name} (foreign military facility)" if pin.kind == FACILITY else "{name} (event)"
        label = plain(lang, kind, name=pin.name) if len(pin.records) == 1 else attr(pin.name)
        shown = attr(pin.name) if len(pin.records) == 1 else f"{name_svg(pin.place)}: {attr(pin.count)}"
        right = x < base.frame.width * 0.75
        tx = x + PIN_SIZE * 1.6 if right else x - PIN_SIZE * 1.6
        anchor = "" if right else ' text-anchor="end"'
        out.append(
            f'<a class="atlas-map-pin atlas-map-pin--{pin.kind}" href="{attr(href)}" aria-label="{label}">'
            f"{marker(pin.kind, x, y, PIN_SIZE)}"
            f'<text class="atlas-map-pin-name"{english_attr(pin.name)} x="{num(tx)}" y="{num(y + PIN_SIZE * 0.4)}"'
            f"{anchor}>{shown}</text>"
            f"<title>{label}</title></a>"
        )
    return f'<g class="atlas-map-layer" data-layer="{layer}">{"".join(out)}</g>'


def _scale_bar(base: Base, lang: Lang) -> tuple[int, str]:
    """A bar of a round length, about a sixth of the map wide, true along the middle parallel."""
    assert base.box is not None
    west, south, east, north = base.box
    lat = (south + north) / 2
    km_per_unit = base.frame.km_per_unit((west + east) / 2, lat)
    wanted = base.frame.width / 6 * km_per_unit
    km = max(k for k in (50, 100, 200, 250, 500, 1000, 2000) if k <= max(wanted, 50))
    length = km / km_per_unit
    x, y = 40.0, base.frame.height - 40.0
    ticks = "".join(f'<line x1="{num(x + length * f)}" y1="{num(y - 10)}" x2="{num(x + length * f)}" y2="{num(y)}"/>'
                    for f in (0, 0.5, 1))
    svg = (f'<g class="atlas-map-scale" aria-hidden="true"><line x1="{num(x)}" y1="{num(y)}" x2="{num(x + length)}"'
           f' y2="{num(y)}"/>{ticks}<text x="{num(x)}" y="{num(y - 18)}">'
           f'{plain(lang, "{km} km (along {lat}° N)", km=lang.number(km), lat=math.floor(lat))}</text></g>')
    return km, svg


def _legend(facilities: bool, events: bool, capitals: bool, members: bool, lang: Lang) -> str:
    def t(text: str) -> str:
        return html(lang, text)

    swatch = '<span class="atlas-map-swatch atlas-map-swatch--{}"></span>'.format
    items = [f'<li>{swatch("atlas")} {t("a country of the Atlas (a link)")}</li>',
             f'<li>{swatch("land")} {t("another country")}</li>']
    if facilities:
        items.append(f'<li data-layer="facilities">{legend_key(FACILITY)} {t("a foreign military facility")}</li>')
    if events:
        items.append(f'<li data-layer="events">{legend_key(EVENT)} {t("an event")}</li>')
    if capitals:
        items.append(f"<li>{legend_key(CAPITAL)} {t('a capital')}</li>")
    if members:
        items.append(f'<li class="atlas-map-legend-members" hidden>{swatch("member")}'
                     f' <span class="atlas-map-legend-org">{t("a member")}</span></li>')
    projection = credit(lang, "Boundaries: {source} · Albers equal-area projection")
    items.append(f'<li class="atlas-map-credit">{projection}</li>')
    return f'<ul class="atlas-map-legend">{"".join(items)}</ul>'
