"""Point in country: even-odd ray casting over an outline's rings, and the distance to its edges.

Rings are indexed by latitude band on first use, so a test looks at the few edges that cross
the point's band rather than at the thousands of a large country's outline.
"""

from __future__ import annotations

import math
from collections import defaultdict

from .extract import Outline, Ring

BAND = 0.5  # degrees of latitude per band of the edge index
EARTH_KM = 6371.0
Edge = tuple[float, float, float, float]


class Shape:
    """An outline that answers `contains` and `distance_km` quickly."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self._bands: dict[int, list[Edge]] | None = None
        xs = [x for ring in outline.rings for x in ring[0::2]]
        ys = [y for ring in outline.rings for y in ring[1::2]]
        self.box = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, lon: float, lat: float) -> bool:
        west, south, east, north = self.box
        if not (west <= lon <= east and south <= lat <= north):
            return False
        inside = False
        for x0, y0, x1, y1 in self._edges_near(lat):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
        return inside

    def distance_km(self, lon: float, lat: float) -> float:
        """The shortest distance from the point to the outline's edges (locally flat: fine for the
        few kilometres it is asked about)."""
        scale = math.cos(math.radians(lat))
        best = math.inf
        for ring in self.outline.rings:
            for x0, y0, x1, y1 in _edges(ring):
                best = min(best, _segment_distance((lon - x0) * scale, lat - y0, (x1 - x0) * scale, y1 - y0))
        return math.radians(best) * EARTH_KM

    def _edges_near(self, lat: float) -> list[Edge]:
        if self._bands is None:
            bands: dict[int, list[Edge]] = defaultdict(list)
            for ring in self.outline.rings:
                for edge in _edges(ring):
                    low, high = sorted((edge[1], edge[3]))
                    for band in range(math.floor(low / BAND), math.floor(high / BAND) + 1):
                        bands[band].append(edge)
            self._bands = dict(bands)
        return self._bands.get(math.floor(lat / BAND), [])


def _edges(ring: Ring) -> list[Edge]:
    n = len(ring)
    return [(ring[i - 2], ring[i - 1], ring[i], ring[i + 1]) if i else (ring[n - 2], ring[n - 1], ring[0], ring[1])
            for i in range(0, n, 2)]


def _segment_distance(px: float, py: float, dx: float, dy: float) -> float:
    """Distance from (px, py) to the segment from the origin to (dx, dy)."""
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, (px * dx + py * dy) / length2))
    return math.hypot(px - t * dx, py - t * dy)
