"""The boundary extract: country outlines in degrees, keyed by ISO 3166-1 alpha-2 code.

Four files, written by scripts/map_extract.py and shipped as package data:
`region.json` and `world.json` are what coordinates are checked against (Central Asia at
Natural Earth's 1:10m, clipped to a rectangle; the world at 1:50m); `region-map.json` and
`world-map.json` are what the maps draw (coarser, and for the region an inset of the Ferghana
valley). A ring is a flat tuple lon, lat, lon, lat, ... without the closing point.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

Ring = tuple[float, ...]
Polygon = tuple[Ring, ...]  # the outer ring, then its holes
Box = tuple[float, float, float, float]  # west, south, east, north

CHECK_FILES = ("region.json", "world.json")
MAP_FILES = ("region-map.json", "world-map.json")


@dataclass(frozen=True)
class Outline:
    """One country of the extract (`iso` is None for a territory without a code)."""

    iso: str | None
    name: str
    polygons: tuple[Polygon, ...]
    label: tuple[float, float] | None = None  # a point well inside, for its name on a map

    @property
    def rings(self) -> tuple[Ring, ...]:
        return tuple(ring for polygon in self.polygons for ring in polygon)


@dataclass(frozen=True)
class Extract:
    """The outlines of one file, and what else it says (the region's rectangle, capitals, source)."""

    name: str
    outlines: tuple[Outline, ...]
    inset: tuple[Outline, ...] = ()  # region-map.json: the Ferghana valley, in finer detail
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def by_iso(self) -> dict[str, Outline]:
        return {o.iso: o for o in self.outlines if o.iso}

    def box(self, key: str) -> Box | None:
        """A rectangle the file names (`clip`, `view`, `inset`), as (west, south, east, north)."""
        raw = self.meta.get(key)
        return None if raw is None else (raw["west"], raw["south"], raw["east"], raw["north"])


@cache
def load(name: str) -> Extract:
    """One file of the extract. Remembered for the process: package data never changes under
    it (`mkdocs serve` imports the package afresh for each build)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    raw = json.loads(text)
    return Extract(name, tuple(_outlines(raw.pop("countries", []))), tuple(_outlines(raw.pop("inset_countries", []))),
                   raw)


def _outlines(countries: list[dict[str, Any]]) -> list[Outline]:
    return [
        Outline(c["iso"], c["name"], tuple(tuple(tuple(r) for r in p) for p in c["polygons"]),
                tuple(c["label"]) if c.get("label") else None)
        for c in countries
    ]
