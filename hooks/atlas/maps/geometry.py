"""Country outlines projected into a map's SVG units, as path data: computed once per build.

A `Frame` fits a projection to a rectangle of the plane and maps degrees to SVG units (x to the
right, y down). `project_outlines` clips each projected ring to the frame (with a margin, so
no border runs along the map's edge) and writes it as compact path data: whole units,
relative moves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..geo.extract import Box, Outline
from .projection import Projection

Point = tuple[float, float]


@dataclass(frozen=True)
class Frame:
    """A projection scaled and shifted so that `box` (in degrees) fills `width` SVG units."""

    projection: Projection
    scale: float  # SVG units per kilometre of the projection plane
    left: float  # plane coordinates of the frame's top-left corner
    top: float
    width: int
    height: int

    @classmethod
    def fit(cls, projection: Projection, box: Box, width: int, samples: int = 24) -> Frame:
        """The frame around the whole of `box` as projected (for the world)."""
        west, south, east, north = box
        edge = [(west + (east - west) * i / samples, lat) for i in range(samples + 1) for lat in (south, north)]
        edge += [(lon, south + (north - south) * i / samples) for i in range(samples + 1) for lon in (west, east)]
        points = [projection(lon, lat) for lon, lat in edge]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return cls._of(projection, min(xs), max(xs), min(ys), max(ys), width)

    @classmethod
    def fit_middle(cls, projection: Projection, box: Box, width: int) -> Frame:
        """The frame through the middles of `box`'s sides (for a conic, whose parallels curve):
        the map shows the box's full width and height, and a little beyond it at the corners,
        which the extract's clip rectangle covers (tests/test_maps.py)."""
        west, south, east, north = box
        lon, lat = (west + east) / 2, (south + north) / 2
        left, right = projection(west, lat)[0], projection(east, lat)[0]
        bottom, top = projection(lon, south)[1], projection(lon, north)[1]
        return cls._of(projection, left, right, bottom, top, width)

    @classmethod
    def _of(cls, projection: Projection, left: float, right: float, bottom: float, top: float,
            width: int) -> Frame:
        scale = width / (right - left)
        return cls(projection, scale, left, top, width, round((top - bottom) * scale))

    def xy(self, lon: float, lat: float) -> Point:
        x, y = self.projection(lon, lat)
        return (x - self.left) * self.scale, (self.top - y) * self.scale

    def contains(self, lon: float, lat: float, margin: float = 0.0) -> bool:
        x, y = self.xy(lon, lat)
        return margin <= x <= self.width - margin and margin <= y <= self.height - margin

    def km_per_unit(self, lon: float, lat: float) -> float:
        """The map's scale along the parallel through the point (kilometres per SVG unit)."""
        step = 0.5
        (x0, y0), (x1, y1) = self.xy(lon - step, lat), self.xy(lon + step, lat)
        true_km = math.radians(2 * step) * 6371.0 * math.cos(math.radians(lat))
        return true_km / math.hypot(x1 - x0, y1 - y0)


@dataclass(frozen=True)
class Shape:
    """One country projected: its path data, the box of its main parts and a label point."""

    iso: str | None
    name: str
    d: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in SVG units
    label: Point | None


def project_outlines(outlines: Iterable[Outline], frame: Frame, margin: float = 8) -> list[Shape]:
    clip = (-margin, -margin, frame.width + margin, frame.height + margin)
    shapes = []
    for outline in outlines:
        rings: list[list[Point]] = []
        parts: list[tuple[float, list[Point]]] = []
        for polygon in outline.polygons:
            for k, flat in enumerate(polygon):
                ring = _clip([frame.xy(x, y) for x, y in zip(flat[0::2], flat[1::2], strict=True)], clip)
                ring = _rounded(ring)
                if len(ring) < 3:
                    if k == 0:
                        break
                    continue
                rings.append(ring)
                if k == 0:
                    parts.append((abs(_area(ring)), ring))
        if not rings:
            continue
        biggest = max(a for a, _ in parts)
        main = [p for a, ring in parts if a >= 0.15 * biggest for p in ring]
        box = (min(p[0] for p in main), min(p[1] for p in main), max(p[0] for p in main), max(p[1] for p in main))
        label = frame.xy(*outline.label) if outline.label else None
        shapes.append(Shape(outline.iso, outline.name, path_data(rings), box, label))
    return shapes


def path_data(rings: list[list[Point]]) -> str:
    """`M x y` then relative steps, whole units, one subpath per ring (fill-rule evenodd)."""
    out = []
    for ring in rings:
        x, y = ring[0]
        steps = [f"M{_n(x)} {_n(y)}l"]
        numbers = []
        for px, py in ring[1:]:
            numbers += [px - x, py - y]
            x, y = px, py
        steps.append(_join(numbers))
        out.append("".join(steps) + "z")
    return "".join(out)


def _join(numbers: list[float]) -> str:
    text = ""
    for value in numbers:
        word = _n(value)
        text += word if (not text or word.startswith("-")) else " " + word
    return text


def _n(value: float) -> str:
    return str(int(value))


def _rounded(ring: list[Point]) -> list[Point]:
    out: list[Point] = []
    for x, y in ring:
        point = (float(round(x)), float(round(y)))
        if not out or point != out[-1]:
            out.append(point)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _area(ring: list[Point]) -> float:
    return sum(ring[i - 1][0] * y - x * ring[i - 1][1] for i, (x, y) in enumerate(ring)) / 2


def _clip(ring: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland–Hodgman against a rectangle; crossings computed from the edge's endpoints in a
    fixed order, so that neighbours sharing an edge get the same point."""
    out = ring
    for axis, bound, above in ((0, box[0], True), (0, box[2], False), (1, box[1], True), (1, box[3], False)):
        if not out:
            break
        src, out = out, []
        for i, cur in enumerate(src):
            prev = src[i - 1]
            cur_in = cur[axis] >= bound if above else cur[axis] <= bound
            prev_in = prev[axis] >= bound if above else prev[axis] <= bound
            if cur_in != prev_in:
                a, b = sorted((prev, cur))
                t = (bound - a[axis]) / (b[axis] - a[axis])
                other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
                out.append((bound, other) if axis == 0 else (other, bound))
            if cur_in:
                out.append(cur)
    return out
