"""What the maps show, from the catalog: places with records (pins), the Atlas's countries
by ISO code, organizations' members, and Kyrgyzstan's treaty partners."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..i18n import Lang, english
from ..model import Record
from .svg import EVENT, FACILITY

HOME_ISO = "KG"  # the Atlas is about Kyrgyzstan: the world map counts its treaties
PIN_KINDS = {"facilities": FACILITY, "events": EVENT}


@dataclass(frozen=True)
class Pin:
    """One place on a map, and the records there of one kind (facilities or events)."""

    kind: str
    lat: float
    lon: float
    records: tuple[Record, ...]
    anchor: str  # the id of its entry in the map's text alternative
    lang: Lang = field(default=english, compare=False)

    @property
    def place(self) -> str:
        """The place's name as the data gives it (an `Untranslated` one stays so, to be marked)."""
        place = self.records[0].data.get("place")
        return place if isinstance(place, str) and place else self.records[0].name

    @property
    def name(self) -> str:
        return self.records[0].name if len(self.records) == 1 else f"{self.place}: {self.count}"

    @property
    def count(self) -> str:
        """'2 events' ('2 события'): how many records share the pin."""
        return self.lang.count(len(self.records), "facility|facilities" if self.kind == FACILITY else "event|events")


def point_of(record: Record) -> tuple[float, float] | None:
    point = record.data.get("coordinates")
    if not isinstance(point, dict):
        return None
    return float(point["lat"]), float(point["lon"])


def pins(catalog: Catalog, lang: Lang = english) -> list[Pin]:
    """The facilities and events that have coordinates, one pin per kind and place (points that
    round to the same hundredth of a degree: about a kilometre), oldest record first."""
    groups: dict[tuple[str, float, float], list[Record]] = {}
    for collection, kind in PIN_KINDS.items():
        for record in catalog.collection(collection):
            point = point_of(record)
            if point is not None:
                groups.setdefault((kind, round(point[0], 2), round(point[1], 2)), []).append(record)
    out = []
    for n, ((kind, _, _), records) in enumerate(sorted(groups.items(), key=lambda g: (g[0][0], g[1][0].name))):
        records.sort(key=lambda r: (r.main_date.sort_key() if r.main_date else (9999,), r.name))
        lat, lon = point_of(records[0]) or (0.0, 0.0)
        out.append(Pin(kind, lat, lon, tuple(records), f"atlas-map-place-{n + 1}", lang))
    return out


def countries_by_iso(catalog: Catalog) -> dict[str, Record]:
    return {str(c.data["iso"]): c for c in catalog.collection("countries") if c.data.get("iso")}


def iso_of(record: Record) -> str | None:
    iso = record.data.get("iso")
    return str(iso) if iso else None


def current_members(organization: Record) -> list[str]:
    """The countries that are members now, or were when the organization ceased; in the order written."""
    return list(dict.fromkeys(m.member for m in organization.memberships() if m.left is None))


def treaty_partners(catalog: Catalog, home: Record) -> Counter[str]:
    """Country id → the number of treaties it shares with `home` as a party."""
    counts: Counter[str] = Counter()
    for treaty in catalog.collection("treaties"):
        parties = treaty.data.get("parties", [])
        if home.id not in parties:
            continue
        for party in dict.fromkeys(parties):
            if party != home.id and catalog.by_id[party].collection == "countries":
                counts[party] += 1
    return counts
