#!/usr/bin/env python3
"""Regenerate the Atlas's boundary extract from Natural Earth, as the `world-atlas` npm package ships it.

    python3 scripts/map_extract.py                      # runs `npm pack world-atlas@2.0.2` in a temp folder
    python3 scripts/map_extract.py --package DIR        # an unpacked world-atlas package (DIR/package.json)

Writes three files into hooks/atlas/geo/ (package data, read by the build and by `atlas check`):

- region.json: Central Asia from countries-10m.json, clipped to a rectangle around the regional
  map, simplified to about 300 m; it holds the Ferghana valley's borders and enclaves;
- world.json: every country from countries-50m.json, simplified to about 2 km: the outlines that
  coordinates are checked against outside the region;
- world-map.json: every country from countries-110m.json (Natural Earth's own small-scale
  generalisation), for the world map and the small maps outside the region.

The TopoJSON is decoded here. Lines are simplified per arc (Douglas–Peucker with the arc's
ends fixed) before the rings are assembled, so a border shared by two countries is the same
line in both. Countries are keyed by their ISO 3166-1 alpha-2 code, looked up from the numeric
code that Natural Earth gives, in Debian's iso-codes table (/usr/share/iso-codes, package
`iso-codes`). Coordinates are rounded (region 0.001°, world 0.01°) and rings stored flat:
[lon, lat, lon, lat, ...], closing point left out.

Natural Earth is public domain; world-atlas (ISC licence, Mike Bostock) redistributes Natural
Earth 4.1.0 as TopoJSON.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "hooks" / "atlas" / "geo"
PACKAGE, VERSION = "world-atlas", "2.0.2"
ISO_TABLE = Path("/usr/share/iso-codes/json/iso_3166-1.json")

Point = tuple[float, float]
Ring = list[Point]

# The regional map shows this rectangle (degrees); rings are clipped to a wider one, so that the
# conic projection's curved parallels still cover the map's corners.
VIEW = {"west": 46.0, "south": 29.5, "east": 90.0, "north": 56.0}
CLIP = {"west": 38.0, "south": 22.0, "east": 98.0, "north": 62.0}
# The Ferghana valley, drawn enlarged as an inset: its borders and enclaves.
INSET = {"west": 69.3, "south": 39.55, "east": 73.9, "north": 41.75}
INSET_CLIP = {"west": 68.8, "south": 39.2, "east": 74.4, "north": 42.1}
# Features without an ISO code that belong to a country for the Atlas's purposes: Baikonur is
# Kazakh territory leased to Russia; Natural Earth cuts it out of Kazakhstan.
MERGE = {"Baikonur": "KZ"}
NO_NUMERIC = {"Kosovo": "XK"}  # Natural Earth gives no numeric code; XK is the code in common use
# Reference points of the regional map (rounded to 0.01°).
CAPITALS = [
    ("KG", "Bishkek", 42.87, 74.59), ("KZ", "Astana", 51.17, 71.43), ("UZ", "Tashkent", 41.31, 69.28),
    ("TJ", "Dushanbe", 38.56, 68.77), ("TM", "Ashgabat", 37.95, 58.38), ("AF", "Kabul", 34.53, 69.17),
    ("PK", "Islamabad", 33.69, 73.06), ("IR", "Tehran", 35.69, 51.39), ("AZ", "Baku", 40.41, 49.87),
]


# --- TopoJSON ---------------------------------------------------------------------------------

def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The arcs in degrees: TopoJSON stores them quantized and delta-encoded."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def polygons_of(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def ring_from_arcs(indices: list[int], arcs: list[list[Point]]) -> Ring:
    ring: Ring = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


# --- simplification ---------------------------------------------------------------------------

def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker with both ends kept; a closed arc is split at its farthest point first.
    Longitude is scaled by cos(latitude) so that the tolerance is the same distance everywhere."""
    if len(points) <= 2:
        return points
    if points[0] == points[-1]:
        far = max(range(len(points)), key=lambda i: _dist2(points[i], points[0]))
        if far in (0, len(points) - 1):
            return points
        return simplify(points[:far + 1], tolerance)[:-1] + simplify(points[far:], tolerance)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        best, at = 0.0, -1
        for i in range(a + 1, b):
            d = _segment_distance(points[i], points[a], points[b])
            if d > best:
                best, at = d, i
        if at >= 0 and best > tolerance:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _scaled(p: Point, q: Point) -> tuple[float, float]:
    c = math.cos(math.radians((p[1] + q[1]) / 2))
    return ((q[0] - p[0]) * c, q[1] - p[1])


def _dist2(p: Point, q: Point) -> float:
    dx, dy = _scaled(p, q)
    return dx * dx + dy * dy


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    bx, by = _scaled(a, b)
    px, py = _scaled(a, p)
    length2 = bx * bx + by * by
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, (px * bx + py * by) / length2))
    return math.hypot(px - t * bx, py - t * by)


# --- clipping ---------------------------------------------------------------------------------

def clip_ring(ring: Ring, box: dict[str, float]) -> Ring:
    """Sutherland–Hodgman against a lon/lat rectangle. The crossing of an edge with a side is
    computed from its endpoints in a fixed order, so two countries sharing the edge get the
    same point."""
    out = ring
    for axis, bound, keep_above in ((0, box["west"], True), (0, box["east"], False),
                                    (1, box["south"], True), (1, box["north"], False)):
        if not out:
            break
        src, out = out, []
        for i, cur in enumerate(src):
            prev = src[i - 1]
            cur_in = (cur[axis] >= bound) if keep_above else (cur[axis] <= bound)
            prev_in = (prev[axis] >= bound) if keep_above else (prev[axis] <= bound)
            if cur_in != prev_in:
                out.append(_crossing(prev, cur, axis, bound))
            if cur_in:
                out.append(cur)
    return out


def split_antimeridian(ring: Ring) -> list[Ring]:
    """A ring that crosses the 180th meridian (an edge jumping more than 180° of longitude),
    made continuous and cut into its parts on either side: each part stays within ±180°."""
    if all(abs(ring[i][0] - ring[i - 1][0]) <= 180 for i in range(len(ring))):
        return [ring]
    unwrapped = [ring[0]]
    for x, y in ring[1:]:
        px = unwrapped[-1][0]
        x += 360 * round((px - x) / 360)
        unwrapped.append((x, y))
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180:  # the ring goes round a pole (Antarctica): close it there
        pole = -90.0 if sum(y for _, y in ring) < 0 else 90.0
        unwrapped += [(unwrapped[-1][0], pole), (unwrapped[0][0], pole)]
    parts = []
    for shift in (-360.0, 0.0, 360.0):
        moved = [(x + shift, y) for x, y in unwrapped]
        part = clip_ring(moved, {"west": -180.0, "east": 180.0, "south": -90.0, "north": 90.0})
        if len(part) >= 3:
            parts.append(part)
    return parts


def _crossing(p: Point, q: Point, axis: int, bound: float) -> Point:
    a, b = sorted((p, q))
    t = (bound - a[axis]) / (b[axis] - a[axis])
    other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
    return (bound, other) if axis == 0 else (other, bound)


# --- rings and labels -------------------------------------------------------------------------

def area(ring: Ring) -> float:
    """Signed area in square degrees (plain shoelace: only compared with a threshold)."""
    return sum(ring[i - 1][0] * y - x * ring[i - 1][1] for i, (x, y) in enumerate(ring)) / 2


def inside(point: Point, rings: Iterable[Ring]) -> bool:
    x, y = point
    result = False
    for ring in rings:
        for i, (x1, y1) in enumerate(ring):
            x0, y0 = ring[i - 1]
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                result = not result
    return result


def label_point(polygon: list[Ring]) -> Point:
    """A point well inside the polygon (its outer ring and holes): the grid point farthest from
    any edge, refined once on a finer grid around it."""
    outer = polygon[0]
    xs, ys = [p[0] for p in outer], [p[1] for p in outer]
    box = (min(xs), min(ys), max(xs), max(ys))
    best: tuple[float, Point] = (-1.0, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
    for step_count in (40, 20):
        w, s, e, n = box
        for i in range(step_count + 1):
            for j in range(step_count + 1):
                p = (w + (e - w) * i / step_count, s + (n - s) * j / step_count)
                if not inside(p, polygon):
                    continue
                d = min(_segment_distance(p, r[k - 1], r[k]) for r in polygon for k in range(len(r)))
                if d > best[0]:
                    best = (d, p)
        cx, cy = best[1]
        dx, dy = (box[2] - box[0]) / 20, (box[3] - box[1]) / 20
        box = (cx - dx, cy - dy, cx + dx, cy + dy)
    return best[1]


def flat(ring: Ring, digits: int) -> list[float]:
    out: list[float] = []
    last = None
    for x, y in ring:
        point = (round(x, digits), round(y, digits))
        if point != last:
            out.extend(point)
            last = point
    if len(out) > 2 and out[:2] == out[-2:]:
        del out[-2:]
    return out


# --- countries --------------------------------------------------------------------------------

def iso_codes() -> dict[str, str]:
    if not ISO_TABLE.is_file():
        sys.exit(f"{ISO_TABLE} is missing: install Debian's iso-codes package (apt-get install iso-codes)")
    table = json.loads(ISO_TABLE.read_text(encoding="utf-8"))["3166-1"]
    return {entry["numeric"]: entry["alpha_2"] for entry in table}


def countries(topology: dict[str, Any], tolerance: float, min_area: float,
              box: dict[str, float] | None = None) -> list[dict[str, Any]]:
    """Every country as {iso, name, polygons: [[outer, hole, ...], ...]} in degrees."""
    raw = decode_arcs(topology)
    uses: dict[int, int] = {}
    geometries = topology["objects"]["countries"]["geometries"]
    for g in geometries:
        for polygon in polygons_of(g):
            for ring in polygon:
                for i in ring:
                    uses[i if i >= 0 else ~i] = uses.get(i if i >= 0 else ~i, 0) + 1
    arcs = [simplify(a, tolerance) for a in raw]
    numeric = iso_codes()
    merged: dict[str, list[list[list[int]]]] = {}
    names: dict[str, str] = {}
    for g in geometries:
        name = g["properties"]["name"]
        if name in MERGE:
            continue
        iso = numeric.get(g.get("id") or "", NO_NUMERIC.get(name, ""))
        key = iso or f"~{name}"
        merged.setdefault(key, []).extend(polygons_of(g))
        names[key] = name
    for name, iso in MERGE.items():
        part = next((g for g in geometries if g["properties"]["name"] == name), None)
        if part is not None:
            merged[iso] = _absorb(merged[iso], polygons_of(part))
    out = []
    for key, polygons in sorted(merged.items()):
        shapes = []
        for polygon in polygons:
            pieces: list[list[Ring]] = []  # a polygon cut at the antimeridian becomes several
            polar = False
            for k, indices in enumerate(polygon):
                island = all(uses[i if i >= 0 else ~i] == 1 for i in indices)
                raw_ring = ring_from_arcs(indices, arcs)
                if k == 0 and all(abs(y) > 89.9 for _, y in raw_ring):
                    # Antarctica: on the sphere, the area between a circle round the pole and the
                    # coast (its "hole"); on the plane, the coast closed along the pole.
                    polar = True
                    continue
                if polar:
                    k = 0
                parts = split_antimeridian(raw_ring)
                if box is not None:
                    parts = [clip_ring(ring, box) for ring in parts]
                parts = [r for r in parts if len(r) >= 3 and not (island and k == 0 and abs(area(r)) < min_area)]
                if k == 0:
                    pieces += [[r] for r in parts]
                else:
                    for hole in parts:
                        host = next((p for p in pieces if inside(hole[0], [p[0]])), None)
                        if host is not None:
                            host.append(hole)
                if not pieces and not polar:
                    break
            shapes.extend(pieces)
        if shapes:
            out.append({"iso": None if key.startswith("~") else key, "name": names[key], "polygons": shapes})
    return out


def _absorb(host: list[list[list[int]]], part: list[list[list[int]]]) -> list[list[list[int]]]:
    """`host` with `part` filled in: the hole of host made of the same arcs as part's outer ring
    goes, and so does part (an enclave fully inside, like Baikonur in Kazakhstan)."""
    outline = {i if i >= 0 else ~i for polygon in part for i in polygon[0]}
    result, found = [], False
    for polygon in host:
        holes = [r for r in polygon[1:] if {i if i >= 0 else ~i for i in r} != outline]
        found |= len(holes) < len(polygon) - 1
        result.append([polygon[0], *holes])
    if not found:
        sys.exit("merging: no hole of the host matches the part's outline; check MERGE")
    return result


def encode(shapes: list[dict[str, Any]], digits: int, labels: dict[str, float] | None = None) -> list[dict[str, Any]]:
    out = []
    for country in shapes:
        polygons = [[flat(r, digits) for r in polygon] for polygon in country["polygons"]]
        polygons = [[r for r in p if len(r) >= 6] for p in polygons]
        polygons = [p for p in polygons if p and len(p[0]) >= 6]
        if not polygons:
            continue
        entry: dict[str, Any] = {"iso": country["iso"], "name": country["name"]}
        if labels is not None:
            view = [clip_ring(polygon[0], labels) for polygon in country["polygons"]]
            biggest = max(range(len(view)), key=lambda i: abs(area(view[i])) if len(view[i]) > 2 else 0)
            if len(view[biggest]) > 2:
                holes = [clip_ring(h, labels) for h in country["polygons"][biggest][1:]]
                x, y = label_point([view[biggest], *[h for h in holes if len(h) > 2]])
                entry["label"] = [round(x, 2), round(y, 2)]
        entry["polygons"] = polygons
        out.append(entry)
    return out


def write(name: str, content: dict[str, Any]) -> None:
    path = OUT / name
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for c in content["countries"] for p in c["polygons"] for r in p)
    print(f"wrote {path.relative_to(ROOT)}: {len(content['countries'])} countries, {points} points, "
          f"{len(text) / 1000:.0f} KB")


def fetch(into: Path) -> Path:
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=into, check=True,
                   stdout=subprocess.DEVNULL)
    tarball = next(into.glob(f"{PACKAGE}-{VERSION}.tgz"))
    subprocess.run(["tar", "xzf", tarball.name], cwd=into, check=True)
    return into / "package"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", type=Path, help=f"an unpacked {PACKAGE} package (default: npm pack it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = args.package or fetch(Path(tmp))
        meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
        if (meta["name"], meta["version"]) != (PACKAGE, VERSION):
            sys.exit(f"expected {PACKAGE} {VERSION}, found {meta['name']} {meta['version']}")

        def load(name: str) -> dict[str, Any]:
            return json.loads((package / name).read_text(encoding="utf-8"))

        source = {"package": f"npm {PACKAGE}@{VERSION}", "data": "Natural Earth 4.1.0, Admin 0 countries",
                  "licence": "public domain (Natural Earth); world-atlas ISC", "script": "scripts/map_extract.py"}
        ten = load("countries-10m.json")
        capitals = [{"iso": i, "name": n, "lat": la, "lon": lo} for i, n, la, lo in CAPITALS]
        write("region.json", {"source": {**source, "file": "countries-10m.json", "tolerance_deg": 0.003},
                              "clip": CLIP,
                              "countries": encode(countries(ten, tolerance=0.003, min_area=0.002, box=CLIP), 3)})
        write("world.json", {"source": {**source, "file": "countries-50m.json", "tolerance_deg": 0.02},
                             "countries": encode(countries(load("countries-50m.json"), 0.02, min_area=0.01), 2)})
        write("region-map.json", {
            "source": {**source, "file": "countries-10m.json", "tolerance_deg": [0.02, 0.005]},
            "view": VIEW, "clip": CLIP, "inset": INSET, "inset_clip": INSET_CLIP, "capitals": capitals,
            "countries": encode(countries(ten, tolerance=0.02, min_area=0.02, box=CLIP), 3, labels=VIEW),
            "inset_countries": encode(countries(ten, tolerance=0.005, min_area=0.0005, box=INSET_CLIP), 3,
                                      labels=INSET),
        })
        small = countries(load("countries-110m.json"), tolerance=0.05, min_area=0.5)
        write("world-map.json", {"source": {**source, "file": "countries-110m.json", "tolerance_deg": 0.05},
                                 "countries": encode(small, 2, labels={"west": -180, "south": -90, "east": 180,
                                                                       "north": 90})})

if __name__ == "__main__":
    main()
