"""The maps (atlas.maps): projections put places where they are, pins land at their coordinates,
every map link resolves, pages stay light, and nothing is loaded from another host.

Built with the real MkDocs from tests/fixtures/maps (real countries matched to Natural Earth's
outlines by ISO code, facilities and events at real places; generate.py writes it).
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from atlas.catalog import Catalog
from atlas.geo.extract import MAP_FILES, load
from atlas.maps import Bases, Maps, regional
from atlas.maps.bases import Base, region_base, world_base
from atlas.maps.geometry import Frame
from atlas.maps.partners import shade
from atlas.maps.places import Pin
from atlas.maps.record_maps import RecordMaps
from atlas.maps.regional import RegionalMap, regional_map
from atlas.model import Record
from atlas.project import load_catalog
from atlas.render import Renderer

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "maps"
PLACES = {"Bishkek": (42.87, 74.59), "Osh": (40.53, 72.80), "Kant": (42.85, 74.85)}
MAP_BUDGET = 150_000  # bytes of HTML a map may add to a page
SMALL_BUDGET = 3_000  # bytes a record page's small map may add
Ring = list[tuple[float, float]]


@pytest.fixture(scope="module")
def region() -> Base:
    return region_base()


@pytest.fixture(scope="module")
def world() -> Base:
    return world_base()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE)


def rings_of(d: str) -> list[Ring]:
    """Our path data back into rings: `M x y l dx dy … z`, one subpath per ring."""
    rings = []
    for sub in re.findall(r"M([^z]*)z", d):
        start, _, steps = sub.partition("l")
        x, y = (float(v) for v in start.split())
        ring = [(x, y)]
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", steps)]
        for dx, dy in zip(numbers[0::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def inside(point: tuple[float, float], rings: list[Ring]) -> bool:
    x, y = point
    result = False
    for ring in rings:
        for i, (x1, y1) in enumerate(ring):
            x0, y0 = ring[i - 1]
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                result = not result
    return result


# --- projection and geometry ------------------------------------------------------------------

@pytest.mark.parametrize("base_name", ["region", "world"])
@pytest.mark.parametrize("place", sorted(PLACES))
def test_the_projection_puts_places_inside_kyrgyzstan(region: Base, world: Base, base_name: str, place: str) -> None:
    base = region if base_name == "region" else world
    lat, lon = PLACES[place]
    kyrgyzstan = rings_of(base.by_iso["KG"].d)
    assert inside(base.frame.xy(lon, lat), kyrgyzstan)
    for other in ("KZ", "UZ", "TJ", "CN"):
        assert not inside(base.frame.xy(lon, lat), rings_of(base.by_iso[other].d))


def test_the_projection_keeps_north_up_and_east_right(region: Base) -> None:
    bishkek, almaty, osh = region.frame.xy(74.59, 42.87), region.frame.xy(76.89, 43.24), region.frame.xy(72.8, 40.53)
    assert almaty[0] > bishkek[0] > osh[0]  # east is to the right
    assert osh[1] > bishkek[1]  # south is down


def test_the_enclaves_are_drawn(region: Base) -> None:
    assert region.inset is not None
    kyrgyzstan = rings_of(region.inset.by_iso["KG"].d)
    assert len(kyrgyzstan) >= 4  # its outline and the holes of Sokh, Shakhimardan and Vorukh
    sokh = region.inset.frame.xy(71.13, 39.96)
    assert not inside(sokh, kyrgyzstan)
    assert inside(sokh, rings_of(region.inset.by_iso["UZ"].d))


@pytest.mark.parametrize("which", ["map", "inset"])
def test_the_regional_map_has_no_gap_at_its_corners(region: Base, which: str) -> None:
    """The frame reaches a little beyond the view at the corners (a conic's parallels curve): the
    clip rectangle of the extract must cover them, or the corners would show no land."""
    clip = load(MAP_FILES[0]).box("clip" if which == "map" else "inset_clip")
    frame = region.frame if which == "map" else region.inset.frame if region.inset else None
    assert clip is not None and frame is not None
    west, south, east, north = clip
    steps = 40
    edge = [(west + (east - west) * i / steps, south) for i in range(steps)]
    edge += [(east, south + (north - south) * i / steps) for i in range(steps)]
    edge += [(east - (east - west) * i / steps, north) for i in range(steps)]
    edge += [(west, north - (north - south) * i / steps) for i in range(steps)]
    covered = [frame.xy(lon, lat) for lon, lat in edge]
    for corner in ((0, 0), (frame.width, 0), (0, frame.height), (frame.width, frame.height)):
        assert inside(corner, [covered])


def test_frame_scale_is_true_along_the_middle_parallel(region: Base) -> None:
    frame: Frame = region.frame
    km = frame.km_per_unit(68.0, 42.75)
    x0, _ = frame.xy(67.5, 42.75)
    x1, _ = frame.xy(68.5, 42.75)
    assert abs((x1 - x0) * km - 81.7) < 1.0  # one degree of longitude at 42.75° N is 81.7 km


# --- escaping -----------------------------------------------------------------------------

def test_names_from_the_data_are_escaped_in_the_svg(region: Base) -> None:
    hostile = '<script>alert(1)</script>"&'
    country = Record("countries", "kyrgyzstan", {"id": "kyrgyzstan", "name": hostile, "iso": "KG"},
                     "data/countries/kyrgyzstan.yaml")
    figure = str(regional_map(region, "index.md", {"KG": country}, [], []).figure)
    assert "<script>" not in figure
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&amp;" in figure


# --- the built site -------------------------------------------------------------------------

def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def resolves(site: Path, page: str, href: str) -> bool:
    """True if `href`, followed from the page at `page` (a site path), reaches a file of the site."""
    url = urljoin(f"http://site/{page}", href)
    parts = urlsplit(url)
    assert parts.hostname == "site", f"{href} leaves the site"
    target = site / parts.path.lstrip("/")
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    if not target.is_file():
        return False
    if parts.fragment and target.suffix == ".html":
        return f'id="{parts.fragment}"' in target.read_text(encoding="utf-8")
    return True


def map_links(figure: Tag) -> list[str]:
    return [str(a.get("href")) for a in figure.select("svg a[href]")]


def test_the_home_page_carries_the_regional_map(maps_site: Path, catalog: Catalog, region: Base) -> None:
    page = soup(maps_site, "")
    figure = page.select_one("figure.atlas-map--region")
    assert figure is not None
    countries = {a["data-country"] for a in figure.select("a.atlas-map-country")}
    assert countries == {"kyrgyzstan", "kazakhstan", "uzbekistan", "tajikistan", "russia", "china"}
    for link in map_links(figure):
        assert resolves(maps_site, "", link), link
    # The text alternative links to everything the map links to.
    listed = {a["href"] for a in page.select("details.atlas-map-text a[href]")}
    assert {h for h in map_links(figure) if not h.startswith("#")} <= listed
    svg = figure.select_one("svg.atlas-map-svg")
    assert svg is not None and svg.get("aria-labelledby") == "atlas-map-region-name"
    assert figure.select_one("#atlas-map-region-name").get_text() == "Kyrgyzstan and its neighbours"


def test_pins_land_where_their_coordinates_say(maps_site: Path, catalog: Catalog, region: Base) -> None:
    figure = soup(maps_site, "").select_one("figure.atlas-map--region")
    assert figure is not None
    pins = {a["href"]: a for a in figure.select("svg.atlas-map-svg a.atlas-map-pin")}
    kant = catalog.get("kant-air-base")
    mark = pins["facilities/kant-air-base/"].select_one("rect")
    assert mark is not None
    x = float(mark["x"]) + float(mark["width"]) / 2
    y = float(mark["y"]) + float(mark["height"]) / 2
    want = region.frame.xy(kant.data["coordinates"]["lon"], kant.data["coordinates"]["lat"])
    assert abs(x - want[0]) <= 0.1 and abs(y - want[1]) <= 0.1
    assert inside((x, y), rings_of(region.by_iso["KG"].d))
    # Two events at Batken share one pin, which points to both in the text alternative.
    batken = [a for href, a in pins.items() if href.startswith("#")]
    assert len(batken) == 1 and batken[0]["aria-label"] == "Batken: 2 events"
    circle = batken[0].select_one("circle")
    assert circle is not None
    want = region.frame.xy(70.82, 40.06)
    assert abs(float(circle["cx"]) - want[0]) <= 0.1 and abs(float(circle["cy"]) - want[1]) <= 0.1
    entry = soup(maps_site, "").find(id=batken[0]["href"][1:])
    assert entry is not None
    assert {a["href"] for a in entry.parent.select("a")} == {"events/batken-incursion-1999/",
                                                             "events/batken-incursion-2000/"}
    # Moscow is not on the regional map; Tashkent talks have no coordinates.
    assert "events/moscow-summit-2002/" not in pins and "events/tashkent-talks-2003/" not in pins


def test_the_layers_form_offers_organizations_with_members_on_the_map(maps_site: Path) -> None:
    form = soup(maps_site, "").select_one("form#atlas-map-layers")
    assert form is not None and form.has_attr("hidden")  # shown by maps.js only
    options = {o["value"]: o for o in form.select("option") if o["value"]}
    assert set(options) == {"collective-alliance", "central-forum"}  # the Far Club has no member here
    assert options["collective-alliance"]["data-members"].split() == ["kyrgyzstan", "kazakhstan", "russia",
                                                                     "tajikistan"]
    assert options["collective-alliance"]["data-elsewhere"] == "belarus"


def test_the_countries_index_carries_the_partners_map(maps_site: Path) -> None:
    page = soup(maps_site, "countries")
    figure = page.select_one("figure.atlas-map--world")
    assert figure is not None
    shaded = {a["href"]: a["class"] for a in figure.select("a.atlas-map-country")}
    assert "atlas-map-n3" in shaded["../countries/russia/"]  # 4 treaties: three bilateral, one collective
    assert "atlas-map-n2" in shaded["../countries/kazakhstan/"]  # 3
    assert "atlas-map-n1" in shaded["../countries/china/"]
    assert "atlas-map-home" in shaded["../countries/kyrgyzstan/"]
    assert "atlas-map-atlas" in shaded["../countries/uzbekistan/"]  # a treaty with Kazakhstan only
    for link in map_links(figure):
        assert resolves(maps_site, "countries/", link), link
    rows = [[c.get_text(" ", strip=True) for c in row.select("td")] for row in page.select("details.atlas-map-text tr")]
    assert ["Russia", "4"] in rows and ["Testland (not on the map)", "1"] in rows and ["Bahrain", "1"] in rows
    assert [r[0] for r in rows if r][:2] == ["Russia", "Kazakhstan"]  # most treaties first


def test_small_states_are_dots_on_the_world_map(maps_site: Path, world: Base) -> None:
    """Natural Earth's 1:110m has no outline for Bahrain: a dot, shaded and linked like the rest."""
    assert "BH" not in world.by_iso and "BH" in world.points
    figure = soup(maps_site, "countries").select_one("figure.atlas-map--world")
    assert figure is not None
    dot = figure.select_one('a[href="../countries/bahrain/"] circle')
    assert dot is not None and "atlas-map-n1" in dot.parent["class"]
    x, y = world.points["BH"]
    assert abs(float(dot["cx"]) - x) <= 0.1 and abs(float(dot["cy"]) - y) <= 0.1
    lon, lat = 50.55, 26.07  # Manama
    mx, my = world.frame.xy(lon, lat)
    assert abs(mx - x) < 6 and abs(my - y) < 6  # within about 1° of it
    small = soup(maps_site, "countries/bahrain").select_one("figure.atlas-map--small")
    assert small is not None and small.select_one("circle.atlas-map-spot") is not None


def test_partner_classes() -> None:
    assert [shade(n) for n in (1, 2, 3, 4, 7, 8, 15, 16, 400)] == [1, 2, 2, 3, 3, 4, 4, 5, 5]


@pytest.mark.parametrize("path, colours", [
    ("countries/kyrgyzstan", {"KG": "focus"}),
    ("countries/belarus", {"BY": "focus"}),
    ("facilities/kant-air-base", {"KG": "host"}),
    ("events/moscow-summit-2002", {"RU": "host"}),
    ("events/tashkent-talks-2003", {"UZ": "focus"}),
    ("organizations/collective-alliance", {"KG": "member", "KZ": "member", "RU": "member", "TJ": "member",
                                           "BY": "member"}),
])
def test_record_pages_carry_a_small_map(maps_site: Path, path: str, colours: dict[str, str]) -> None:
    html = (maps_site / path / "index.html").read_text(encoding="utf-8")
    figure = BeautifulSoup(html, "html.parser").select_one("figure.atlas-map--small")
    assert figure is not None
    use = figure.select_one("use")
    assert use is not None
    assert resolves(maps_site, f"{path}/", str(use["href"]))
    assert re.search(r"assets/maps/(region|world)\.svg#base$", str(use["href"]))
    style = dict(d.split(":", 1) for d in str(use.get("style", "")).split(";") if d)
    assert style == {f"--m-{iso}": f"var(--atlas-map-{colour})" for iso, colour in colours.items()}
    assert figure.select_one("figcaption").get_text()
    assert len(str(figure).encode("utf-8")) <= SMALL_BUDGET


def test_a_small_map_pins_the_place(maps_site: Path, region: Base) -> None:
    figure = soup(maps_site, "facilities/kant-air-base").select_one("figure.atlas-map--small")
    assert figure is not None
    mark = figure.select_one(".atlas-map-pin--facility rect")
    assert mark is not None
    x = float(mark["x"]) + float(mark["width"]) / 2
    y = float(mark["y"]) + float(mark["height"]) / 2
    want = region.frame.xy(74.85, 42.85)
    assert abs(x - want[0]) <= 0.1 and abs(y - want[1]) <= 0.1
    vx, vy, vw, vh = (float(v) for v in figure.select_one("svg")["viewbox"].split())
    assert vx <= x <= vx + vw and vy <= y <= vy + vh
    assert "42.85° N, 74.85° E" in figure.get_text()


def test_a_country_page_pins_the_facilities_on_its_soil(maps_site: Path) -> None:
    figure = soup(maps_site, "countries/kyrgyzstan").select_one("figure.atlas-map--small")
    assert figure is not None
    links = map_links(figure)
    assert sorted(links) == sorted(f"../../facilities/{f}/" for f in ("kant-air-base", "manas-transit-centre",
                                                                       "kara-balta-station", "karakol-test-range"))
    for link in links:
        assert resolves(maps_site, "countries/kyrgyzstan/", link)


@pytest.mark.parametrize("path", ["countries/testland", "events/undated-place-2004", "treaties/kg-ru-1992",
                                  "organizations/far-club"])
def test_pages_with_nothing_to_map_have_no_map(maps_site: Path, path: str) -> None:
    """Testland has no outline; the undated meeting no place; a treaty is no place. The Far Club's
    members are the United States and Testland: a map (world) of one member."""
    figure = soup(maps_site, path).select_one("figure.atlas-map")
    if path == "organizations/far-club":
        assert figure is not None and "not drawn: Testland" in figure.get_text()
    else:
        assert figure is None


def test_the_base_maps_are_shared_files(maps_site: Path) -> None:
    for name in ("region", "world"):
        svg = (maps_site / "assets" / "maps" / f"{name}.svg").read_text(encoding="utf-8")
        assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'id="base"' in svg
        assert "var(--m-KG," in svg


def test_maps_are_light_and_offline(maps_site: Path) -> None:
    for path, selector in (("", "figure.atlas-map--region"), ("countries", "figure.atlas-map--world")):
        page = soup(maps_site, path)
        figure = page.select_one(selector)
        assert figure is not None
        parts = [figure, *page.select("details.atlas-map-text, #atlas-map-layers")]
        added = sum(len(str(t).encode("utf-8")) for t in parts)
        assert added <= MAP_BUDGET
        assert not re.search(r"(?:href|src)=\"(?:https?:)?//", str(figure))
    for asset in (maps_site / "assets" / "maps").iterdir():
        text = asset.read_text(encoding="utf-8")
        assert "http://www.w3.org/2000/svg" in text
        assert not re.search(r"(?:href|src)=\"(?:https?:)?//", text)


def test_maps_are_left_out_of_search(maps_site: Path) -> None:
    index = (maps_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Ferghana valley" not in index and "Boundaries: Natural Earth" not in index


def cut_regional_map(catalog: Catalog, monkeypatch: pytest.MonkeyPatch, limit: str,
                     kind: str) -> tuple[RegionalMap, RegionalMap, str, Renderer]:
    """The regional map in full, then with one place of `kind` pinned (`limit`, the constant of
    regional.py, set to 1), the HTML of its figure checked, and the map's template rendered."""
    maps = Maps(catalog, bases=Bases())
    every = maps.regional("index.md")
    monkeypatch.setattr(regional, limit, 1)
    some = maps.regional("index.md")
    figure = BeautifulSoup(str(some.figure), "html.parser")
    assert len(figure.select(f"svg.atlas-map-svg a.atlas-map-pin--{kind}")) == 1
    renderer = Renderer(catalog)
    renderer.maps = maps
    return every, some, html.unescape(renderer.render("_map_regional.md.j2", "index.md")), renderer


def test_the_regional_map_pins_the_places_of_the_latest_events(catalog: Catalog,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """With more places of events than EVENT_PLACES, the map pins the latest ones, lists only
    those, and says how many it left out, with a link to the timeline."""
    every, some, text, renderer = cut_regional_map(catalog, monkeypatch, "EVENT_PLACES", "event")
    assert len(every.event_pins) >= 2 and not every.events_left_out
    assert len(some.event_pins) == 1 and some.event_places == len(every.event_pins) and some.events_left_out
    def latest(pin: Pin) -> tuple[int, ...]:
        return max(r.main_date.sort_key() for r in pin.records if r.main_date)
    assert min(map(latest, some.event_pins)) >= max(latest(p) for p in every.event_pins if p not in some.event_pins)
    assert f"The map pins the places of the latest events: 1 of {some.event_places}." in text
    assert "[Every event is on the timeline.](timeline.md)" in text
    assert "timeline.md" in {plan.src_uri for plan in renderer.plans()}  # a page of the site, paged or not
    assert text.count('<span id="atlas-map-place-') == len(some.facility_pins) + 1


def test_a_countrys_small_map_pins_the_latest_open_facilities(region: Base, world: Base) -> None:
    """With more facilities than a small map pins (two here; SMALL_PINS on the site), those
    still open come first, then the most recently opened, and the caption says how many of
    how many; the country's page lists them all."""
    dates = {"kant-air-base": {"opened": "2001-12"}, "karakol-test-range": {"opened": "1993"},
             "kara-balta-station": {"opened": "1995", "closed": "2020"},
             "manas-transit-centre": {"opened": "2001-12-16", "closed": "2014"}}
    records = [replace(r, data={**r.data, **dates.get(r.id, {})}) for r in load_catalog(FIXTURE).records]
    catalog = Catalog(records)
    figure = BeautifulSoup(str(RecordMaps(catalog, region, world, small_pins=2).country(
        catalog.get("kyrgyzstan"), "countries/kyrgyzstan.md")), "html.parser")
    pinned = [str(a["href"]).strip("/").split("/")[-1] for a in figure.select("a.atlas-map-pin")]
    assert sorted(pinned) == ["kant-air-base", "karakol-test-range"]
    assert "(the 2 latest of 4; the page lists them all)" in figure.select_one("figcaption").get_text()
    every = BeautifulSoup(str(RecordMaps(catalog, region, world).country(
        catalog.get("kyrgyzstan"), "countries/kyrgyzstan.md")), "html.parser")
    assert len(every.select("a.atlas-map-pin")) == 4 and "latest of" not in every.get_text()


def test_the_regional_map_pins_the_places_of_the_latest_facilities(catalog: Catalog,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Likewise with more places of facilities than FACILITY_PLACES: the latest opened are
    pinned and listed, and the list says how many, with a link to the facilities' index."""
    every, some, text, renderer = cut_regional_map(catalog, monkeypatch, "FACILITY_PLACES", "facility")
    assert len(every.facility_pins) >= 2 and not every.facilities_left_out
    assert len(some.facility_pins) == 1 and some.facility_places == len(every.facility_pins)
    assert some.facilities_left_out
    assert f"The map pins the places of the latest facilities: 1 of {some.facility_places}." in text
    assert "[Every facility is on their index.](facilities/index.md)" in text
    assert "facilities/index.md" in {plan.src_uri for plan in renderer.plans()}
