"""The boundary extract and the coordinate check (atlas.geo): real places land in their country."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.geo.check import coordinate_problems
from atlas.geo.extract import CHECK_FILES, MAP_FILES, load
from atlas.geo.locate import Gazetteer
from atlas.geo.shapes import Shape
from atlas.model import Record

ROOT = Path(__file__).resolve().parent.parent
# (lat, lon) of places in Kyrgyzstan: the capital, Osh, and the sites of foreign military facilities.
IN_KYRGYZSTAN = {
    "Bishkek": (42.87, 74.59), "Osh": (40.53, 72.80), "Kant": (42.85, 74.85), "Manas airport": (43.06, 74.48),
    "Batken": (40.06, 70.82), "Kara-Balta": (42.81, 73.85), "Karakol": (42.49, 78.39),
    "Mailuu-Suu": (41.27, 72.45),
}
ELSEWHERE = {
    "Almaty": ((43.24, 76.89), "KZ"), "Tashkent": ((41.31, 69.28), "UZ"), "Dushanbe": ((38.56, 68.77), "TJ"),
    "Kashgar": ((39.47, 75.99), "CN"), "Moscow": ((55.75, 37.62), "RU"), "Minsk": ((53.90, 27.56), "BY"),
    "Beijing": ((39.90, 116.40), "CN"), "Sokh enclave": ((39.96, 71.13), "UZ"),
    "Vorukh enclave": ((39.82, 70.59), "TJ"), "Shakhimardan enclave": ((39.95, 71.75), "UZ"),
    "Baikonur (leased, Kazakh soil)": ((45.62, 63.31), "KZ"),
    "Washington": ((38.90, -77.04), "US"), "Canberra": ((-35.28, 149.13), "AU"),
    "Vostok station (a ring round the pole)": ((-78.46, 106.84), "AQ"),
}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize("name", sorted(IN_KYRGYZSTAN))
def test_places_in_kyrgyzstan(gazetteer: Gazetteer, name: str) -> None:
    lat, lon = IN_KYRGYZSTAN[name]
    assert gazetteer.place_of(lon, lat).iso == "KG"
    assert gazetteer.within("KG", lon, lat)


@pytest.mark.parametrize("name", sorted(ELSEWHERE))
def test_places_elsewhere(gazetteer: Gazetteer, name: str) -> None:
    (lat, lon), iso = ELSEWHERE[name]
    assert gazetteer.place_of(lon, lat).iso == iso
    assert not gazetteer.within("KG", lon, lat)


def test_water_is_no_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.place_of(51.0, 42.0).iso is None  # the Caspian Sea
    assert gazetteer.place_of(-30.0, 0.0).iso is None  # the Atlantic


def test_issyk_kul_lies_inside_kyrgyzstan_without_being_land(gazetteer: Gazetteer) -> None:
    # Natural Earth's admin-0 outlines include lakes inside a country: Issyk-Kul is Kyrgyz.
    assert gazetteer.place_of(77.3, 42.45).iso == "KG"


def test_the_enclaves_are_holes_in_kyrgyzstan() -> None:
    kyrgyzstan = load(CHECK_FILES[0]).by_iso()["KG"]
    assert sum(len(polygon) - 1 for polygon in kyrgyzstan.polygons) >= 3  # Sokh, Shakhimardan, Vorukh
    shape = Shape(kyrgyzstan)
    assert not shape.contains(71.13, 39.96)
    assert shape.contains(71.0, 40.2)  # between Sokh and the Uzbek border


@pytest.mark.parametrize("name", [*CHECK_FILES, *MAP_FILES])
def test_shared_borders_agree(name: str) -> None:
    """Borders are simplified per shared arc: no vertex of one neighbour lies inside the other."""
    by_iso = load(name).by_iso()
    for a, b in (("KG", "KZ"), ("KG", "UZ"), ("KG", "TJ"), ("KG", "CN"), ("UZ", "TJ"), ("KZ", "RU")):
        shape_b = Shape(by_iso[b])
        vertices_b = {point for ring in by_iso[b].rings for point in zip(ring[0::2], ring[1::2], strict=True)}
        shared = 0
        for ring in by_iso[a].rings:
            for lon, lat in zip(ring[0::2], ring[1::2], strict=True):
                if (lon, lat) in vertices_b:
                    shared += 1
                else:
                    assert not shape_b.contains(lon, lat), f"{name}: a vertex of {a} at {lon}, {lat} is inside {b}"
        assert shared >= 3, f"{name}: {a} and {b} share no border"


def test_the_extract_says_where_it_comes_from() -> None:
    for name in (*CHECK_FILES, *MAP_FILES):
        source = load(name).meta["source"]
        assert source["package"] == "npm world-atlas@2.0.2"
        assert "Natural Earth" in source["data"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "world-atlas@2.0.2" in readme and "Natural Earth" in readme and "public domain" in readme


def test_the_extract_is_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"geo/*.json"' in pyproject


def _record(collection: str, record_id: str, **data: object) -> Record:
    return Record(collection, record_id, {"id": record_id, **data}, f"data/{collection}/{record_id}.yaml",
                  {("coordinates", "lat"): (7, 15)})


def test_the_check_skips_countries_without_an_outline() -> None:
    made_up = _record("countries", "testland", iso="XT")
    no_code = _record("countries", "nocode")
    base = _record("facilities", "base", host="testland", coordinates={"lat": 42.85, "lon": 74.85})
    other = _record("facilities", "other", host="nocode", coordinates={"lat": 42.85, "lon": 74.85})
    ids = {r.id: r for r in (made_up, no_code, base, other)}
    assert list(coordinate_problems(list(ids.values()), ids)) == []


def test_the_check_names_the_country_a_point_falls_in() -> None:
    kyrgyzstan = _record("countries", "kyrgyzstan", name="Kyrgyzstan", iso="KG")
    event = _record("events", "summit", country="kyrgyzstan", coordinates={"lat": 41.31, "lon": 69.28})
    fine = _record("events", "fine", country="kyrgyzstan", coordinates={"lat": 42.87, "lon": 74.59})
    ids = {r.id: r for r in (kyrgyzstan, event, fine)}
    problems = list(coordinate_problems(list(ids.values()), ids))
    assert [str(p) for p in problems] == [
        "data/events/summit.yaml:7:15: coordinates: 41.31° N, 69.28° E lies in Uzbekistan, not in Kyrgyzstan "
        "(its country 'kyrgyzstan') — check the coordinates (lat: degrees north, lon: degrees east)"
    ]
