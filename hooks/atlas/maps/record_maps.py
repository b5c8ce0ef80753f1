"""Which small map each record page gets: its country, its place, its organization's members.

A country is drawn on the regional base when the whole of it fits there (Kyrgyzstan and its
Central Asian neighbours, in finer detail), else on the world base; a place on the regional base
when it lies in the region. Records with nothing to show on a map get none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..catalog import Catalog
from ..i18n import Lang, english
from ..model import Record
from .bases import Base
from .places import current_members, iso_of, point_of
from .small import SmallPin, country_box, fully_shown, pin_of, point_box, small_map, union
from .svg import EVENT, FACILITY, attr, site_href
from .words import degrees, html, name_html

SMALL_PINS = 6  # facilities a country's small map pins: the map stays within its 3 KB


class RecordMaps:
    def __init__(self, catalog: Catalog, region: Base, world: Base, lang: Lang = english,
                 small_pins: int = SMALL_PINS) -> None:
        self.catalog = catalog
        self.small_pins = small_pins
        self.region = region
        self.world = world
        self.lang = lang
        self.used: list[Base] = []  # the bases drawn on, for the shared files (assets.py)
        self._makers: dict[str, Callable[[Record, str], Markup]] = {
            "countries": self.country, "facilities": self.place, "events": self.place,
            "organizations": self.organization,
        }

    def of(self, record: Record, here: str) -> Markup:
        make = self._makers.get(record.collection)
        return make(record, here) if make else Markup("")

    def country(self, record: Record, here: str) -> Markup:
        iso = iso_of(record)
        base = self._base_of(iso)
        if base is None or iso is None:
            return Markup("")
        hosted = [(f, pin_of(f, FACILITY, site_href(here, f.url))) for f in self.catalog.facilities_in(record)]
        placed = [(f, p) for f, p in hosted if p is not None and base.shows(p.lat, p.lon)]
        pins = [p for _, p in self._latest(placed)]
        text = "{name} (highlighted) and its neighbours" if base is self.region else "{name} (highlighted)"
        caption = html(self.lang, text, name=record.name)
        if pins:
            caption += html(self.lang, ", with the foreign military facilities on its soil")
        if len(pins) < len(placed):
            caption += html(self.lang, " (the {shown} latest of {total}; the page lists them all)",
                            shown=len(pins), total=len(placed))
        return self._small(base, here, caption, {iso: "focus"}, country_box(base, iso) or (0, 0, 0, 0), pins)

    def _latest(self, placed: list[tuple[Record, SmallPin]]) -> list[tuple[Record, SmallPin]]:
        """At most `small_pins` facilities, in their order: those still open first, then the
        most recently opened."""
        if len(placed) <= self.small_pins:
            return placed

        def key(i: int) -> tuple[bool, tuple[int, ...], int]:
            facility = placed[i][0]
            opened = facility.main_date
            return ("closed" in facility.data, _descending(opened.iso() if opened else ""), i)

        chosen = sorted(range(len(placed)), key=key)[:self.small_pins]
        return [placed[i] for i in sorted(chosen)]

    def place(self, record: Record, here: str) -> Markup:
        field = "host" if record.collection == "facilities" else "country"
        country = self.catalog.by_id.get(str(record.data.get(field, "")))
        iso = iso_of(country) if country else None
        point = point_of(record)
        colours = {iso: "host"} if iso else {}
        if point is None:  # an event known only by its country
            base = self._base_of(iso)
            if base is None or iso is None or country is None:
                return Markup("")
            caption = html(self.lang, "{name}: in {country} (highlighted); no exact place recorded",
                           name=record.name, country=country.name)
            return self._small(base, here, caption, {iso: "focus"}, country_box(base, iso) or (0, 0, 0, 0))
        lat, lon = point
        base = self.region if self.region.shows(lat, lon) else self.world
        if iso and country_box(base, iso) is None:
            colours = {}
        kind = FACILITY if record.collection == "facilities" else EVENT
        place = record.data.get("place")
        where = [name_html(place, self.lang)] if place else []
        where.append(attr(degrees(lat, lon, self.lang)))
        caption = Markup("{}: {}").format(name_html(record.name, self.lang), Markup(", ").join(where))
        if country is not None:
            caption += html(self.lang, ", in {country}", country=country.name)
        return self._small(base, here, caption, colours, point_box(base, lat, lon),
                           [SmallPin(kind, lat, lon, record.name)])

    def organization(self, record: Record, here: str) -> Markup:
        members = [self.catalog.by_id[m] for m in current_members(record)]
        coded = {iso: m for m in members if (iso := iso_of(m))}
        base = self.region if coded and all(
            iso in self.region.by_iso and fully_shown(self.region, self.region.by_iso[iso].box) for iso in coded
        ) else self.world
        boxes = {iso: box for iso in coded if (box := country_box(base, iso))}
        drawn = {iso: coded[iso] for iso in boxes}
        focus = union(boxes.values())
        if focus is None:
            return Markup("")
        caption = html(self.lang, "Members of the {name} (shaded): {count} on the map", name=record.name,
                       count=self.lang.number(len(drawn)))
        missing = [m.name for m in members if m not in drawn.values()]
        if missing:
            names = Markup(", ").join(name_html(name, self.lang) for name in missing)
            caption += html(self.lang, "; not drawn: {names}", names=names)
        return self._small(base, here, caption, dict.fromkeys(drawn, "member"), focus)

    def _small(self, base: Base, *args: Any, **kwargs: Any) -> Markup:
        if base not in self.used:
            self.used.append(base)
        return small_map(base, *args, **kwargs)

    def _base_of(self, iso: str | None) -> Base | None:
        if iso is None:
            return None
        if iso in self.region.by_iso and fully_shown(self.region, self.region.by_iso[iso].box):
            return self.region
        return self.world if country_box(self.world, iso) else None


def _descending(iso: str) -> tuple[int, ...]:
    """A key that sorts ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) latest first, an unknown one last."""
    return tuple(-int(part) for part in iso.split("-")) if iso else (1,)
