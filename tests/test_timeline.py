"""The timeline page, the timeline slices of record pages, and the membership chart.

Most checks run on tests/fixtures/timeline, a made-up data set with dates at every
precision, entries that share a date, a founding member without a join date, a member
whose join date is not known, an observer, and an organization that ceased to exist.
The order and link checks also run on the repository's own data.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from atlas.catalog import KIND_ORDER, Catalog, TimelineEntry
from atlas.chart import membership_chart
from atlas.model import PartialDate
from atlas.project import load_catalog
from atlas.timeline import timeline_filters

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "timeline"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE)


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def page_entries(doc: BeautifulSoup | Tag) -> list[Tag]:
    return doc.select(".atlas-tl-entry")


def described(e: TimelineEntry) -> tuple[str, str, str, str]:
    return (e.date.iso(), e.kind, e.title, f"{e.record.collection}/{e.record.id}/")


def shown(entry: Tag, here: str) -> tuple[str, str, str, str]:
    link = entry.select_one("strong a")
    assert link is not None
    target = posixpath.normpath(posixpath.join(here, urlsplit(str(link["href"])).path)) + "/"
    return (str(entry["data-date"]), str(entry["data-kind"]), link.get_text(), target)


# --- dates ------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "text"), [
    ("1996", "1996"),
    ("2005-10", "October 2005"),
    ("2003-12-25", "25 December 2003"),
    ("early 2006", "early 2006"),
    ("late 2006-10", "late October 2006"),
    ("about 1992-05-15", "about 15 May 1992"),
])
def test_partial_dates_read_at_their_precision(raw: str, text: str) -> None:
    assert str(PartialDate.parse(raw)) == text


# --- order ------------------------------------------------------------------------------

def test_fixture_timeline_follows_the_documented_order(catalog: Catalog) -> None:
    order = [(str(e.date), e.kind, e.title) for e in catalog.timeline()]
    assert order == [
        # Same day: the organization before the treaty signed that day.
        ("15 May 1992", "organization", "North Pact"),
        ("15 May 1992", "treaty", "Treaty of the North Pact"),
        ("1993", "treaty", "Treaty of the North Pact"),
        ("1994", "membership", "Gammaland joins North Pact"),
        # Year-only dates first in their year; among them organization, treaty, document.
        ("1996", "organization", "River Forum"),
        ("1996", "treaty", "Alphaland–Gammaland Treaty of Eternal Friendship"),
        ("1996", "document", "Betaland statement on the river"),
        ("26 April 1996", "event", "River summit"),
        ("early 2001", "membership", "Betaland joins River Forum"),
        ("2002", "document", "Alphaland Military Doctrine"),
        ("23 October 2003", "facility", "Beta Station"),
        # Same day: the treaty, then the events by title.
        ("25 December 2003", "treaty", "Treaty on Allied Relations"),
        ("25 December 2003", "event", "Alpha visit"),
        ("25 December 2003", "event", "Zeta visit"),
        # A month before a day of that month.
        ("October 2005", "organization", "River Forum"),
        ("7 October 2005", "event", "Decision to merge the River Forum"),
        # early, plain and late year-only dates before any month.
        ("early 2006", "event", "Bank talks"),
        ("2006", "facility", "Beta Station"),
        ("2006", "event", "Joint exercise"),
        ("late 2006", "event", "Annual review"),
        ("12 January 2006", "membership", "Alphaland joins EB"),
        ("October 2006", "event", "Pact summit"),
        ("2007", "membership", "Gammaland joins EB"),
        ("March 2010", "treaty", "Alphaland–Gammaland Treaty of Eternal Friendship"),
        ("June 2012", "membership", "Gammaland leaves North Pact"),
    ]


def test_undated_records_and_unknown_joins_have_no_entry(catalog: Catalog) -> None:
    titles = {e.title for e in catalog.timeline()}
    assert "An undated policy" not in titles
    assert not any(t.startswith("Deltaland joins") for t in titles)  # no join date
    assert not any(t.startswith("Betaland joins North Pact") for t in titles)  # founding member


def test_sort_key_is_date_then_kind_then_title(catalog: Catalog) -> None:
    keys = [(e.date.sort_key(), KIND_ORDER.index(e.kind), e.title.casefold()) for e in catalog.timeline()]
    assert keys == sorted(keys)


@pytest.fixture(params=["timeline_site", "built_site"])
def site_and_catalog(request: pytest.FixtureRequest) -> tuple[Path, Catalog]:
    site: Path = request.getfixturevalue(request.param)
    return site, load_catalog(site.parent)


def test_built_page_lists_the_catalog_timeline_in_order(site_and_catalog: tuple[Path, Catalog]) -> None:
    site, catalog = site_and_catalog
    entries = catalog.timeline()
    assert entries, "the data set has no dated records"
    assert [shown(e, "timeline") for e in page_entries(soup(site, "timeline"))] == [described(e) for e in entries]


def test_every_timeline_link_reaches_a_built_page(site_and_catalog: tuple[Path, Catalog]) -> None:
    site, _ = site_and_catalog
    links = [a for e in page_entries(soup(site, "timeline")) for a in e.select("a[href]")]
    assert links
    for a in links:
        path = posixpath.normpath(posixpath.join("timeline", urlsplit(str(a["href"])).path))
        assert (site / path / "index.html").is_file(), f"{a.get_text()} → {a['href']}"


def test_entries_are_grouped_by_year_with_anchors(site_and_catalog: tuple[Path, Catalog]) -> None:
    site, catalog = site_and_catalog
    doc = soup(site, "timeline")
    sections = doc.select("#atlas-timeline > .atlas-tl-year")
    years = [int(str(s["data-year"])) for s in sections]
    assert years == sorted({e.date.year for e in catalog.timeline()})
    toc = [a["href"] for a in doc.select(".md-nav--secondary a.md-nav__link")]
    for section, year in zip(sections, years, strict=True):
        heading = section.find("h2")
        assert heading is not None and heading["id"] == str(year) and heading.get_text(strip=True).startswith(str(year))
        assert f"#{year}" in toc
        assert all(str(e["data-date"]).startswith(str(year)) for e in page_entries(section))


def test_dates_are_shown_at_their_precision(timeline_site: Path, catalog: Catalog) -> None:
    shown_dates = [d.get_text() for d in soup(timeline_site, "timeline").select(".atlas-tl-entry .atlas-tl-date")]
    assert shown_dates == [str(e.date) for e in catalog.timeline()]
    for text in ("1996", "October 2005", "25 December 2003", "early 2006", "late 2006"):
        assert text in shown_dates


def test_each_entry_shows_kind_parties_and_summary(timeline_site: Path, catalog: Catalog) -> None:
    for tag, entry in zip(page_entries(soup(timeline_site, "timeline")), catalog.timeline(), strict=True):
        kind = tag.select_one(".atlas-tl-kind")
        assert kind is not None and kind.get_text() == entry.kind
        parties = [a.get_text() for a in tag.select(".atlas-tl-parties a")]
        assert parties == [catalog.get(p).label for p in entry.parties]
        summary = tag.select_one(".atlas-tl-summary")
        assert summary is not None and summary.get_text() == entry.summary
        assert str(tag["data-countries"]).split() == list(entry.parties)
        assert str(tag["data-orgs"]).split() == list(entry.organizations)


def test_the_order_is_explained_on_the_page(timeline_site: Path) -> None:
    text = soup(timeline_site, "timeline").article.get_text(" ")  # type: ignore[union-attr]
    assert "organization, treaty, facility, membership, event, document, then title" in text
    assert "“early 2006”, “2006” or “about 2006”" in text


# --- filters (their behaviour is tested in tests/browser/test_timeline_browser.py) ------

def test_filter_form_offers_what_the_entries_contain(timeline_site: Path, catalog: Catalog) -> None:
    """The page names every kind; the countries, organizations and counts come from the feed,
    which the script puts into the form (so pages need not change when the data grows)."""
    form = soup(timeline_site, "timeline").select_one("form#atlas-tl-filters")
    assert form is not None
    assert form.has_attr("hidden"), "without JavaScript the form stays hidden"
    assert [i["value"] for i in form.select('input[name="kind"]')] == list(KIND_ORDER)
    assert all(i.has_attr("checked") for i in form.select('input[name="kind"]'))
    assert [o["value"] for o in form.select('select[name="country"] option')] == [""]
    assert [o["value"] for o in form.select('select[name="provenance"] option')] == ["", "source-text", "research"]
    assert form["data-feed"] == "../feeds/timeline.json"
    feed = json.loads((timeline_site / "feeds" / "timeline.json").read_text(encoding="utf-8"))
    options = feed["options"]
    assert [o[0] for o in options["country"]] == ["alphaland", "betaland", "deltaland", "gammaland"]
    assert [(o[0], o[1], o[2]) for o in options["org"]] == [
        ("east-bank", "EB", 3), ("north-pact", "North Pact", 7), ("river-forum", "River Forum", 6)]
    assert sum(o[2] for o in options["kind"]) == len(catalog.timeline())
    count = form.select_one(".atlas-tl-count")
    assert count is not None and count["aria-live"] == "polite"
    assert count.get_text() == f"{len(catalog.timeline())} entries"


def test_filter_options_count_entries(catalog: Catalog) -> None:
    filters = timeline_filters(catalog, catalog.timeline())
    assert {o.value: o.count for o in filters.kinds} == {
        "organization": 3, "treaty": 5, "facility": 2, "membership": 5, "event": 8, "document": 2}
    assert {o.value: o.count for o in filters.countries}["deltaland"] == 2


# --- slices on record pages -------------------------------------------------------------

@pytest.mark.parametrize("record_id", ["alphaland", "deltaland", "north-pact", "river-forum", "north-direction",
                                       "bilateral-direction"])
def test_record_pages_show_their_slice(timeline_site: Path, catalog: Catalog, record_id: str) -> None:
    record = catalog.get(record_id)
    here = f"{record.collection}/{record.id}"
    doc = soup(timeline_site, here)
    slice_ = doc.select_one(".atlas-timeline--slice")
    assert slice_ is not None and doc.find("h2", id="timeline") is not None
    expected = [described(e) for e in catalog.timeline_of(record)]
    assert expected
    assert [shown(e, here) for e in page_entries(slice_)] == expected


def test_a_multilateral_direction_holds_its_organizations_entries(catalog: Catalog) -> None:
    # It also names Betaland as a partner; Betaland's River Forum summit is not its business.
    titles = [e.title for e in catalog.timeline_of(catalog.get("north-direction"))]
    assert titles == ["North Pact", "Treaty of the North Pact", "Treaty of the North Pact",
                      "Gammaland joins North Pact", "Joint exercise", "Pact summit", "Gammaland leaves North Pact"]


def test_a_bilateral_direction_holds_its_partners_entries_outside_organizations(catalog: Catalog) -> None:
    titles = [e.title for e in catalog.timeline_of(catalog.get("bilateral-direction"))]
    assert titles == ["Alphaland–Gammaland Treaty of Eternal Friendship", "Treaty on Allied Relations",
                      "Zeta visit", "Annual review", "Alphaland–Gammaland Treaty of Eternal Friendship"]


def test_slices_concern_their_record(catalog: Catalog) -> None:
    deltaland = catalog.timeline_of(catalog.get("deltaland"))
    assert [e.title for e in deltaland] == ["Treaty on Allied Relations", "Zeta visit"]
    river = [e.title for e in catalog.timeline_of(catalog.get("river-forum"))]
    assert "Betaland statement on the river" in river and "Pact summit" not in river


# --- membership chart -------------------------------------------------------------------

def bars(doc: BeautifulSoup) -> dict[str, Tag]:
    out = {}
    for row in doc.select(".atlas-chart-table tbody tr:not(.atlas-chart-group)"):
        name, bar = row.select_one("th[scope=row]"), row.select_one(".atlas-chart-bar")
        assert name is not None and bar is not None
        out[name.get_text()] = bar
    return out


def test_organization_page_charts_its_members(timeline_site: Path) -> None:
    doc = soup(timeline_site, "organizations/north-pact")
    chart = doc.select_one("figure.atlas-chart")
    assert chart is not None and chart.figcaption is not None
    assert chart.figcaption.get_text() == "Members of the North Pact over time, 1992–2012"
    found = bars(doc)
    assert sorted(found) == ["Alphaland", "Betaland", "Deltaland", "Gammaland"]
    for bar in found.values():
        assert bar["role"] == "img" and bar["aria-label"] == bar["title"]
    assert found["Alphaland"]["aria-label"] == "Alphaland, founding member: joined 15 May 1992, still a member"
    assert found["Betaland"]["aria-label"] == (
        "Betaland, founding member: a member from the founding, 15 May 1992, still a member")
    assert found["Gammaland"]["aria-label"] == "Gammaland, member: joined 1994, left June 2012"
    assert found["Deltaland"]["aria-label"] == "Deltaland, member: join date not known, still a member"
    assert "atlas-chart-bar--unknown" in found["Deltaland"]["class"]
    assert "atlas-chart-bar--unknown" not in found["Betaland"]["class"]
    assert "atlas-chart-bar--ongoing" in found["Alphaland"]["class"]
    assert "atlas-chart-bar--ongoing" not in found["Gammaland"]["class"]
    legend = chart.select_one(".atlas-chart-legend")
    assert legend is not None and legend.get_text(" ", strip=True) == "member join date not known still a member"
    for link in chart.select("th[scope=row] a"):
        assert (timeline_site / posixpath.normpath(posixpath.join("organizations/north-pact", str(link["href"])))
                / "index.html").is_file()


def test_organizations_index_charts_every_organization(timeline_site: Path) -> None:
    doc = soup(timeline_site, "organizations")
    groups = [g.select_one("a").get_text() for g in doc.select(".atlas-chart-group")]  # type: ignore[union-attr]
    assert groups == ["EB", "North Pact", "River Forum"]
    river = doc.select(".atlas-chart-table tbody")[2]
    labels = [b["aria-label"] for b in river.select(".atlas-chart-bar")]
    assert labels == [
        "Alphaland, founding member: joined 1996, until the organization ceased to exist (October 2005)",
        "Betaland, observer: joined early 2001, until the organization ceased to exist (October 2005)",
    ]
    assert "atlas-chart-bar--observer" in river.select(".atlas-chart-bar")[1]["class"]
    legend = doc.select_one(".atlas-chart-legend")
    assert legend is not None and "observer or partner" in legend.get_text()
    bank = doc.select(".atlas-chart-table tbody")[0]
    assert [b["aria-label"] for b in bank.select(".atlas-chart-bar")] == [
        "Alphaland, member: joined 12 January 2006, still a member",
        "Gammaland, partner: joined 2007, still a partner",
    ]


def test_chart_places_bars_on_a_shared_axis(catalog: Catalog) -> None:
    chart = membership_chart(catalog, catalog.collection("organizations"))
    assert chart is not None
    assert (chart.first_year, chart.last_year) == (1992, 2012)
    by_member = {(b.organization.id, b.member.id): b for g in chart.groups for b in g.bars}
    gamma = by_member[("north-pact", "gammaland")]
    assert chart.percent(gamma.start) == pytest.approx(100 * 2 / 21, abs=0.001)
    assert chart.percent(gamma.end) == pytest.approx(100 * (20 + 5 / 12) / 21, abs=0.01)
    ongoing = by_member[("north-pact", "alphaland")]
    assert chart.percent(ongoing.end) == 100
    unknown = by_member[("north-pact", "deltaland")]
    assert not unknown.start_known and unknown.start == ongoing.start  # from the founding, hatched
    ended = by_member[("river-forum", "betaland")]
    assert not ended.ongoing and ended.end == pytest.approx(2005 + 273 / 365)
    assert chart.tick_years() == [1995, 2000, 2005, 2010]
    assert [style.split(";")[1] for _, style in chart.ticks()] == ["--atlas-shift:-50%"] * 4
    assert "--atlas-from:9.524%" in chart.style(gamma)


def test_no_chart_without_members(catalog: Catalog) -> None:
    assert membership_chart(catalog, []) is None
