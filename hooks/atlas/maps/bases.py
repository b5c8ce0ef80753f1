"""The two base maps every map of the Atlas is drawn on, projected once per build.

`region`: Central Asia and its neighbours (Albers conic, from `region-map.json`), with the
Ferghana valley enlarged as an inset; `world`: every country (Equal Earth, `world-map.json`,
Antarctica left out).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..geo.extract import CHECK_FILES, MAP_FILES, Box, Outline, load
from .geometry import Frame, Point, Shape, project_outlines
from .projection import Albers, EqualEarth

REGION_WIDTH, INSET_WIDTH, WORLD_WIDTH = 2000, 1000, 2000
WORLD_BOX: Box = (-180.0, -58.0, 180.0, 84.0)


@dataclass(frozen=True)
class Capital:
    iso: str
    name: str
    lat: float
    lon: float


@dataclass
class Base:
    """A projected base map: the frame and the shapes of its countries."""

    name: str  # region, world: also the id of the shared SVG file (assets.py)
    frame: Frame
    shapes: list[Shape]
    capitals: list[Capital] = field(default_factory=list)
    inset: Base | None = None  # the region's Ferghana valley
    box: Box | None = None  # the rectangle (degrees) the map is about
    points: dict[str, Point] = field(default_factory=dict)  # countries too small for its outlines: a dot each

    def __post_init__(self) -> None:
        self.by_iso = {s.iso: s for s in self.shapes if s.iso}

    def shows(self, lat: float, lon: float) -> bool:
        """True if the point is on this map, clear of its edges."""
        if self.box is not None:
            west, south, east, north = self.box
            if not (west <= lon <= east and south <= lat <= north):
                return False
        return self.frame.contains(lon, lat, margin=0.02 * self.frame.width)


def region_base() -> Base:
    extract = load(MAP_FILES[0])
    view, inset_box = extract.box("view"), extract.box("inset")
    assert view is not None and inset_box is not None
    west, south, east, north = view
    span = north - south
    projection = Albers(lon0=(west + east) / 2, lat0=(south + north) / 2,
                        lat1=south + span / 6, lat2=north - span / 6)
    frame = Frame.fit_middle(projection, view, REGION_WIDTH)
    inset_frame = Frame.fit_middle(projection, inset_box, INSET_WIDTH)
    inset = Base("inset", inset_frame, project_outlines(extract.inset, inset_frame), box=inset_box)
    capitals = [Capital(c["iso"], c["name"], c["lat"], c["lon"]) for c in extract.meta.get("capitals", [])]
    return Base("region", frame, project_outlines(extract.outlines, frame), capitals, inset, view)


def world_base() -> Base:
    """The world at 1:110m, where small states (Bahrain, Singapore, Andorra…) have no outline:
    they are dots, placed from the finer outlines the data check uses."""
    extract = load(MAP_FILES[1])
    frame = Frame.fit(EqualEarth(), WORLD_BOX, WORLD_WIDTH)
    outlines = [o for o in extract.outlines if o.iso != "AQ"]
    drawn = {o.iso for o in outlines}
    points = {o.iso: frame.xy(*_centre(o)) for o in load(CHECK_FILES[1]).outlines
              if o.iso and o.iso not in drawn and o.iso != "AQ"}
    return Base("world", frame, project_outlines(outlines, frame), box=WORLD_BOX, points=points)


def _centre(outline: Outline) -> tuple[float, float]:
    """The middle of a small country's largest part (lon, lat): the mean of its outer ring's points."""
    ring = max((p[0] for p in outline.polygons), key=len)
    return sum(ring[0::2]) / len(ring[0::2]), sum(ring[1::2]) / len(ring[1::2])
