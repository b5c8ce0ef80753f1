"""The shared base maps: one SVG file per base, written once per build, that every small map
draws with `<use href="…/assets/maps/region.svg#base">`.

Each country's fill is `var(--m-XX, var(--atlas-map-land))` (XX its ISO code): custom
properties inherit from the `<use>` element into the drawing, so a page colours a country by
setting `--m-KG` on it, without a copy of the geometry. Strokes keep their width at any zoom.
"""

from __future__ import annotations

from .bases import Base

FOLDER = "assets/maps"
FALLBACK = {"land": "#e4e5ea", "sea": "#f4f7fb", "border": "#ffffff"}  # when the page's CSS is missing


def asset_path(base: Base) -> str:
    return f"{FOLDER}/{base.name}.svg"


def base_svg(base: Base) -> bytes:
    frame = base.frame
    paths = []
    for shape in base.shapes:
        fill = f"var(--m-{shape.iso},var(--atlas-map-land,{FALLBACK['land']}))" if shape.iso \
            else f"var(--atlas-map-land,{FALLBACK['land']})"
        paths.append(f'<path d="{shape.d}" style="fill:{fill}" vector-effect="non-scaling-stroke"/>')
    text = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} {frame.height}">'
        f'<g id="base"><rect width="{frame.width}" height="{frame.height}"'
        f' style="fill:var(--atlas-map-sea,{FALLBACK["sea"]})"/>'
        f'<g style="stroke:var(--atlas-map-border,{FALLBACK["border"]});stroke-width:var(--atlas-map-stroke,0.75px);'
        f'stroke-linejoin:round;fill-rule:evenodd">{"".join(paths)}</g></g></svg>\n'
    )
    return text.encode("utf-8")
