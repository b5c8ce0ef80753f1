"""The regional map's inset: the Ferghana valley enlarged, where the borders of Kyrgyzstan,
Uzbekistan and Tajikistan wind round one another and enclose each other's enclaves.

A picture (role="img"), named by its title, which says which enclaves it shows; the enclaves are
found in the geometry (a country's polygon that fills another's hole), not written by hand.
Its pins repeat the main map's, without links: the main map and the text alternative have them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..geo.extract import MAP_FILES, load
from ..i18n import Lang, english
from ..model import Record
from .bases import Base
from .places import Pin
from .svg import attr, marker, num
from .words import and_list, country_name, english_attr

INSET_ID = "atlas-map-region-inset"
PIN_SIZE = 9


@dataclass(frozen=True)
class Enclave:
    country: str  # ISO code of the country the enclave belongs to
    host: str  # ISO code of the country around it
    lon: float
    lat: float


def enclaves() -> list[Enclave]:
    """Polygons of one country whose outer ring is a hole of another's, in the inset's outlines."""
    outlines = load(MAP_FILES[0]).inset
    holes: dict[frozenset[tuple[float, float]], str] = {}
    for outline in outlines:
        for polygon in outline.polygons:
            for hole in polygon[1:]:
                holes[_points(hole)] = outline.iso or ""
    found = []
    for outline in outlines:
        for polygon in outline.polygons:
            host = holes.get(_points(polygon[0]))
            if host and outline.iso:
                ring = polygon[0]
                xs, ys = ring[0::2], ring[1::2]
                found.append(Enclave(outline.iso, host, sum(xs) / len(xs), sum(ys) / len(ys)))
    return sorted(found, key=lambda e: (e.host, e.country, e.lon))


def _points(ring: tuple[float, ...]) -> frozenset[tuple[float, float]]:
    return frozenset(zip(ring[0::2], ring[1::2], strict=True))


def describe(found: list[Enclave], names: dict[str, str], lang: Lang = english) -> str:
    """'of Uzbekistan (2) and Tajikistan (1) in Kyrgyzstan, and of Tajikistan (1) in Uzbekistan'
    (in Russian, with the names in the nominative: «анклавы, которые окружает Кыргызстан: …»)."""
    by_host: dict[str, Counter[str]] = {}
    for e in found:
        by_host.setdefault(e.host, Counter())[e.country] += 1
    parts = []
    for host, counts in by_host.items():
        listed = [f"{names.get(c, c)} ({n})" for c, n in sorted(counts.items())]
        owners = " and ".join(listed) if lang.code == "en" else and_list(lang, listed)
        parts.append(lang.t("of {owners} in {host}", owners=owners, host=names.get(host, host)))
    return lang.t(", and ").join(parts)


def inset_svg(base: Base, atlas: dict[str, Record], pins: list[Pin], lang: Lang = english) -> str:
    frame = base.frame
    names = {s.iso: (atlas[s.iso].name if s.iso in atlas else country_name(lang, s.iso, s.name))
             for s in base.shapes if s.iso}
    ranked = sorted((s for s in base.shapes if s.iso), key=lambda s: -(s.box[2] - s.box[0]) * (s.box[3] - s.box[1]))
    tone = {s.iso: i % 4 + 1 for i, s in enumerate(ranked)}
    found = enclaves()
    countries = [names[s.iso] for s in ranked if s.iso][:3]
    title = lang.t("The Ferghana valley, enlarged: the borders of {countries}", countries=and_list(lang, countries))
    if found:
        title += lang.t(", with enclaves {enclaves}", enclaves=describe(found, names, lang))
    title += "."
    shapes = "".join(f'<path class="atlas-map-tone-{tone.get(s.iso or "", 0)}" d="{s.d}"/>' for s in base.shapes)
    big = frame.width * frame.height * 0.04  # a country's sliver at the edge gets no name
    labels = "".join(
        f'<text class="atlas-map-label atlas-map-label--atlas"{english_attr(names[s.iso])} x="{num(s.label[0])}"'
        f' y="{num(s.label[1])}">{attr(names[s.iso])}</text>'
        for s in ranked if s.label and s.iso and (s.box[2] - s.box[0]) * (s.box[3] - s.box[1]) >= big
    )
    enclave_labels = []
    for e in found:
        x, y = frame.xy(e.lon, e.lat)
        name = names.get(e.country, e.country)
        enclave_labels.append(f'<text class="atlas-map-enclave"{english_attr(name)} x="{num(x)}" y="{num(y + 30)}">'
                              f"{attr(name)}</text>")
    marks = []
    for pin in pins:
        if base.shows(pin.lat, pin.lon):
            x, y = frame.xy(pin.lon, pin.lat)
            marks.append(f'<g class="atlas-map-pin atlas-map-pin--{pin.kind}"{english_attr(pin.name)}>'
                         f"{marker(pin.kind, x, y, PIN_SIZE)}<title>{attr(pin.name)}</title></g>")
    return (
        f'<svg class="atlas-map-inset" viewBox="0 0 {frame.width} {frame.height}" role="img"'
        f' aria-labelledby="{INSET_ID}-name"><title id="{INSET_ID}-name">{attr(title)}</title>'
        f'<rect class="atlas-map-sea" width="{frame.width}" height="{frame.height}"/>'
        f'<g class="atlas-map-shapes">{shapes}</g>'
        f'<g class="atlas-map-labels">{labels}{"".join(enclave_labels)}</g>'
        f'<g class="atlas-map-layer" data-layer="inset">{"".join(marks)}</g></svg>'
    )
