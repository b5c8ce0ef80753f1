"""Small pieces of SVG markup shared by the maps. Every text from the data goes through `attr`
(HTML-escaped): the figures reach the page as raw HTML, which Markdown leaves alone."""

from __future__ import annotations

import posixpath

from ..text import attr

FACILITY, EVENT, CAPITAL = "facility", "event", "capital"


def num(value: float) -> str:
    """A coordinate with one decimal at most: 12, 12.5, -3.2."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def marker(kind: str, x: float, y: float, size: float) -> str:
    """A pin's shape: a square for a facility, a circle for an event, a ringed dot for a capital.
    Shapes differ as well as colours, so the layers can be told apart without colour."""
    if kind == FACILITY:
        h = size * 0.9
        return (f'<rect class="atlas-map-mark" x="{num(x - h)}" y="{num(y - h)}"'
                f' width="{num(2 * h)}" height="{num(2 * h)}"/>')
    if kind == CAPITAL:
        return (f'<circle class="atlas-map-mark" cx="{num(x)}" cy="{num(y)}" r="{num(size * 0.7)}"/>'
                f'<circle class="atlas-map-dot" cx="{num(x)}" cy="{num(y)}" r="{num(size * 0.25)}"/>')
    return f'<circle class="atlas-map-mark" cx="{num(x)}" cy="{num(y)}" r="{num(size)}"/>'


def legend_key(kind: str) -> str:
    """The marker as a tiny SVG for the legend."""
    return (f'<svg class="atlas-map-key atlas-map-key--{kind}" viewBox="0 0 20 20" aria-hidden="true">'
            f"{marker(kind, 10, 10, 7)}</svg>")


def page_folder(here: str) -> str:
    """The folder of a page's URL: `countries/kyrgyzstan.md` is served at `countries/kyrgyzstan/`,
    `countries/index.md` at `countries/`, `index.md` at the root (MkDocs' directory URLs)."""
    path = here.removesuffix(".md")
    if posixpath.basename(path) == "index":
        return posixpath.dirname(path)
    return path


def site_href(here: str, target: str) -> str:
    """A link from the page `here` to `target`, a path from the site's root (`facilities/kant/`,
    `assets/maps/region.svg#base`): relative, so the site works under any address."""
    folder = page_folder(here)
    up = "../" * (folder.count("/") + 1) if folder else ""
    return up + target


__all__ = ["attr", "num", "marker", "legend_key", "site_href", "page_folder", "FACILITY", "EVENT", "CAPITAL"]
