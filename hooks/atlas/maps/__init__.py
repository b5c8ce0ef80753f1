"""Maps drawn at build time as SVG: the regional map (home page), the world map of partners
(countries index) and the small maps of record pages. Geometry comes from `atlas.geo`'s extract
and is projected and written once per build (`Maps`); pages get a figure's Markdown.
"""

from __future__ import annotations

from .facade import Bases, Maps

__all__ = ["Bases", "Maps"]
