"""Which country a point falls in, against the checked outlines of the extract.

Inside the region's rectangle the finer Central Asian outlines answer (they hold the Ferghana
valley's enclaves); elsewhere the world's. The outlines are simplified, so a point within
`tolerance_km` of a country's outline counts as in it: a place on a border or a shore is not
reported because a simplified line passes a few hundred metres beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .extract import CHECK_FILES, Extract, load
from .shapes import Shape

# How far outside a simplified outline a point may lie and still count as inside (the region's
# lines are within about 0.3 km of Natural Earth's 1:10m, the world's within 2 km of its 1:50m).
TOLERANCE_KM = {"region.json": 1.0, "world.json": 10.0}


@dataclass(frozen=True)
class Place:
    """Where a point falls: the country's code and name, or None for no country (sea, lake)."""

    iso: str | None
    name: str | None


class Gazetteer:
    def __init__(self, region: Extract | None = None, world: Extract | None = None) -> None:
        self.region = region or load(CHECK_FILES[0])
        self.world = world or load(CHECK_FILES[1])
        self._shapes: dict[str, list[Shape]] = {}

    def has_outline(self, iso: str) -> bool:
        return iso in self.world.by_iso() or iso in self.region.by_iso()

    def within(self, iso: str, lon: float, lat: float) -> bool:
        """True if the point is in the country's outline, or close enough to it."""
        extract = self._extract_for(lon, lat)
        shapes = [s for s in self._shapes_of(extract) if s.outline.iso == iso]
        if any(s.contains(lon, lat) for s in shapes):
            return True
        return any(s.distance_km(lon, lat) <= TOLERANCE_KM[extract.name] for s in shapes)

    def place_of(self, lon: float, lat: float) -> Place:
        for shape in self._shapes_of(self._extract_for(lon, lat)):
            if shape.contains(lon, lat):
                return Place(shape.outline.iso, shape.outline.name)
        return Place(None, None)

    def _extract_for(self, lon: float, lat: float) -> Extract:
        box = self.region.box("clip")
        if box is not None:
            west, south, east, north = box
            margin = 0.5  # the clipped edge of the region is no border: stay clear of it
            if west + margin <= lon <= east - margin and south + margin <= lat <= north - margin:
                return self.region
        return self.world

    def _shapes_of(self, extract: Extract) -> list[Shape]:
        if extract.name not in self._shapes:
            self._shapes[extract.name] = [Shape(o) for o in extract.outlines]
        return self._shapes[extract.name]
