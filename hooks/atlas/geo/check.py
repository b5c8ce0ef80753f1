"""The data check's rule for places: a facility's coordinates fall inside its host country, an
event's inside its `country`. Countries without an outline in the extract (no `iso`, or a code
Natural Earth does not draw, like the test fixtures' made-up countries) are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..model import Record
from ..problems import Problem
from .locate import Gazetteer

# The field that names the country a record's coordinates must fall in, per collection.
COUNTRY_FIELD = {"facilities": "host", "events": "country"}
ROLE = {"facilities": "its host", "events": "its country"}


def coordinate_problems(records: list[Record], ids: Mapping[str, Record],
                        gazetteer: Gazetteer | None = None) -> Iterator[Problem]:
    """A problem for each record whose coordinates lie outside the country it names."""
    checked = [r for r in records if _point(r) is not None and _iso(r, ids)]
    if not checked:
        return  # no outline is loaded for data that has nothing to check
    gazetteer = gazetteer or Gazetteer()
    for record in checked:
        lat, lon = _point(record) or (0.0, 0.0)
        iso = _iso(record, ids)
        if not iso or not gazetteer.has_outline(iso) or gazetteer.within(iso, lon, lat):
            continue
        country = ids[record.data[COUNTRY_FIELD[record.collection]]]
        found = gazetteer.place_of(lon, lat)
        where = f"in {_name(found.iso, found.name, ids)}" if found.iso or found.name else "in no country (sea or lake)"
        hint = "check the coordinates (lat: degrees north, lon: degrees east)"
        if -90 <= lon <= 90 and gazetteer.within(iso, lat, lon):
            hint = f"lat and lon look swapped: {{lat: {lon:g}, lon: {lat:g}}} is in {country.name}"
        line, column = record.mark(("coordinates", "lat"))
        yield Problem(record.file, line, column, "coordinates",
                      f"{_degrees(lat, lon)} lies {where}, not in {country.name} ({ROLE[record.collection]} "
                      f"'{country.id}')", hint)


def _point(record: Record) -> tuple[float, float] | None:
    if record.collection not in COUNTRY_FIELD:
        return None
    point: Any = record.data.get("coordinates")
    if not isinstance(point, dict) or not all(isinstance(point.get(k), int | float) for k in ("lat", "lon")):
        return None
    return float(point["lat"]), float(point["lon"])


def _iso(record: Record, ids: Mapping[str, Record]) -> str | None:
    country = ids.get(str(record.data.get(COUNTRY_FIELD.get(record.collection, ""), "")))
    if country is None or country.collection != "countries":
        return None
    iso = country.data.get("iso")
    return iso if isinstance(iso, str) else None


def _name(iso: str | None, fallback: str | None, ids: Mapping[str, Record]) -> str:
    """The Atlas's name of a country where it has a record with that code, else Natural Earth's."""
    for record in ids.values():
        if record.collection == "countries" and iso and record.data.get("iso") == iso:
            return record.name
    return fallback or str(iso)


def _degrees(lat: float, lon: float) -> str:
    return f"{abs(lat):g}° {'N' if lat >= 0 else 'S'}, {abs(lon):g}° {'E' if lon >= 0 else 'W'}"
