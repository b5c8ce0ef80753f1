"""`Maps`: every map of one build, from one catalog, in its edition's language. The bases are
projected on first use and kept for the build, so each map's geometry is computed once, however
many pages show it; the editions share them (`Maps(catalog_ru, russian, bases=maps.bases)`)."""

from __future__ import annotations

from functools import cached_property

from markupsafe import Markup

from ..catalog import Catalog
from ..i18n import Lang, english
from ..model import Record
from .assets import asset_path, base_svg
from .bases import Base, region_base, world_base
from .partners import PartnersMap, partners_map
from .places import HOME_ISO, Pin, countries_by_iso, current_members, pins, treaty_partners
from .record_maps import RecordMaps
from .regional import RegionalMap, regional_map


class Bases:
    """The two base maps, projected on first use: the same for every edition (they hold no text)."""

    @cached_property
    def region(self) -> Base:
        return region_base()

    @cached_property
    def world(self) -> Base:
        return world_base()


class Maps:
    def __init__(self, catalog: Catalog, lang: Lang = english, bases: Bases | None = None) -> None:
        self.catalog = catalog
        self.lang = lang  # every text the maps write is in it; names come from the catalog's records
        self.bases = bases or Bases()

    @property
    def region(self) -> Base:
        return self.bases.region

    @property
    def world(self) -> Base:
        return self.bases.world

    @cached_property
    def atlas(self) -> dict[str, Record]:
        """The Atlas's countries by ISO code."""
        return countries_by_iso(self.catalog)

    @cached_property
    def pins(self) -> list[Pin]:
        return pins(self.catalog, self.lang)

    @cached_property
    def _records(self) -> RecordMaps:
        return RecordMaps(self.catalog, self.region, self.world, self.lang)

    def regional(self, here: str) -> RegionalMap:
        organizations = [(org, current_members(org)) for org in self.catalog.collection("organizations")]
        return regional_map(self.region, here, self.atlas, self.pins, organizations, self.lang)

    def partners(self, here: str) -> PartnersMap | None:
        """The world map of Kyrgyzstan's treaty partners, or None without a country coded KG."""
        home = self.atlas.get(HOME_ISO)
        if home is None:
            return None
        counts = treaty_partners(self.catalog, home)
        return partners_map(self.world, here, home, counts, self.atlas, self.catalog.by_id, self.lang)

    def record(self, record: Record, here: str) -> Markup:
        """The small map of a record page, or nothing for a record with no place on a map."""
        return self._records.of(record, here)

    def assets(self) -> dict[str, bytes]:
        """The shared base files the record pages' small maps draw on, by their path in the site
        (one set for every edition: they hold no text). They follow from the catalog, not from the
        pages rendered (the live preview renders only some): every small map is drawn once here to
        learn which bases are used."""
        for record in self.catalog.records:
            self._records.of(record, record.src_uri)
        return {asset_path(base): base_svg(base) for base in self._records.used}
