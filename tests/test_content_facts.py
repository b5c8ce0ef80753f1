"""The source text's facts reach the built pages, and the data keeps its evidence honest.

(a) every fact of the source text (see ``content_facts.py``) shows on its page;
(b) every quotation of the source text in the data is verbatim;
(c) every record other than a source cites at least one source;
(d) the key dates, places and parties found by the research are the ones in the data.

The data is read with ``yaml.safe_load`` directly, independently of the Atlas package.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from content_facts import FACTS, Fact

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE_ID = "open-kg-foreign-policy-aspects"
SOURCE_TEXT = (DATA / "texts" / "000_eecf442c396144cb.txt").read_text(encoding="utf-8")
COLLECTIONS = ("treaties", "organizations", "countries", "directions", "events", "documents", "sources", "facilities")


@cache
def records() -> dict[str, tuple[str, dict[str, Any]]]:
    """id → (collection, record), for every YAML file under data/."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for collection in COLLECTIONS:
        for path in sorted((DATA / collection).glob("*.yaml")):
            out[path.stem] = (collection, yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def record(record_id: str) -> dict[str, Any]:
    return records()[record_id][1]


def citations_in(value: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every citation mapping anywhere in a record (top level, notes, ...), with where it sits."""
    if isinstance(value, dict):
        if "source" in value and "quote" in value:
            yield where, value
        for key, item in value.items():
            yield from citations_in(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from citations_in(item, f"{where}[{i}]")


def visible_text(page: Path) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    main = soup.find("article") or soup.find("main") or soup.body or soup
    return " ".join(main.get_text(" ").split())


# --- (a) the facts on the pages -------------------------------------------------------


def test_fact_slugs_are_unique() -> None:
    slugs = [fact.slug for fact in FACTS]
    assert len(slugs) == len(set(slugs))


def test_fact_pages_are_records() -> None:
    for fact in FACTS:
        collection, record_id, rest = fact.page.split("/", 2)
        assert rest == "" and records()[record_id][0] == collection, fact.page


def test_every_fact_expects_more_than_names() -> None:
    """A page's own title, or the name of another record, appears without stating the fact:
    each fact also expects words of its own (a date, a place, the source's wording)."""
    names = set()
    for _, data in records().values():
        names |= {data[key] for key in ("name", "short_name", "official_name", "title") if data.get(key)}
        names |= set(data.get("abbreviations", []))
    assert len(names) > len(records())
    only_names = [fact.slug for fact in FACTS
                  if all(s in records()[fact.page.split("/")[1]][1]["name"] or s in names for s in fact.expect)]
    assert not only_names


@pytest.mark.parametrize("fact", FACTS, ids=[fact.slug for fact in FACTS])
def test_fact_is_on_its_page(built_site: Path, fact: Fact) -> None:
    page = built_site / fact.page / "index.html"
    assert page.is_file(), f"no page {fact.page} for: {fact.text}"
    text = visible_text(page)
    missing = [s for s in fact.expect if s not in text]
    assert not missing, f"{fact.page} does not show {missing} for: {fact.text}"


# --- (b) quotations of the source text are verbatim -----------------------------------


def source_quotes() -> list[tuple[str, str]]:
    out = []
    for record_id, (_, data) in records().items():
        for where, citation in citations_in(data):
            if citation["source"] == SOURCE_ID:
                out.append((f"{record_id}:{where}", citation["quote"]))
        for i, note in enumerate(data.get("notes", [])):
            if "source_says" in note:
                out.append((f"{record_id}:notes[{i}].source_says", note["source_says"]))
        if "quote" in data and any(c["source"] == SOURCE_ID for c in data.get("citations", [])):
            out.append((f"{record_id}:quote", data["quote"]))
    return out


def test_the_source_is_quoted() -> None:
    assert len(source_quotes()) > 50


@pytest.mark.parametrize(("where", "quote"), source_quotes(), ids=[w for w, _ in source_quotes()])
def test_source_quote_is_verbatim(where: str, quote: str) -> None:
    assert quote in SOURCE_TEXT, f"{where}: not verbatim in the source text: {quote!r}"


def test_source_record_points_at_the_text() -> None:
    source = record(SOURCE_ID)
    assert source["kind"] == "source-text"
    assert source["text_file"] == "000_eecf442c396144cb.txt"
    assert source["title"] == SOURCE_TEXT.splitlines()[0]


# --- (c) every record cites evidence --------------------------------------------------


@pytest.mark.parametrize("record_id", [i for i, (c, _) in records().items() if c != "sources"])
def test_record_has_a_citation(record_id: str) -> None:
    citations = record(record_id).get("citations", [])
    assert citations, f"{record_id} cites nothing"
    for citation in citations:
        assert citation["source"] in records() and records()[citation["source"]][0] == "sources"


def test_every_source_is_cited() -> None:
    cited = {c["source"] for _, (_, data) in records().items() for _, c in citations_in(data)}
    sources = {i for i, (c, _) in records().items() if c == "sources"}
    assert sources <= cited, f"never cited: {sorted(sources - cited)}"


# --- (d) the research sheet's dates, places and parties -------------------------------

FIVE = {"china", "kazakhstan", "kyrgyzstan", "russia", "tajikistan"}
EURASEC_FOUNDERS = {"belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan"}

RESEARCH: list[tuple[str, str, Any]] = [
    ("kg-ru-friendship-1992", "signed", "1992-06-10"),
    ("kg-ru-friendship-1992", "parties", {"kyrgyzstan", "russia"}),
    ("kg-uz-eternal-friendship-1996", "signed", "1996-12-24"),
    ("kg-uz-eternal-friendship-1996", "parties", {"kyrgyzstan", "uzbekistan"}),
    ("kg-kz-eternal-friendship-1997", "signed", "1997-04-08"),
    ("kg-kz-eternal-friendship-1997", "place", "Almaty"),
    ("kg-kz-eternal-friendship-1997", "in_force", "1999-06-22"),
    ("kg-kz-eternal-friendship-1997", "parties", {"kazakhstan", "kyrgyzstan"}),
    ("kz-kg-uz-eternal-friendship-1997", "signed", "1997-01-10"),
    ("kz-kg-uz-eternal-friendship-1997", "place", "Bishkek"),
    ("kz-kg-uz-eternal-friendship-1997", "parties", {"kazakhstan", "kyrgyzstan", "uzbekistan"}),
    ("kg-kz-allied-relations-2003", "signed", "2003-12-25"),
    ("kg-kz-allied-relations-2003", "place", "Astana"),
    ("kg-kz-allied-relations-2003", "parties", {"kazakhstan", "kyrgyzstan"}),
    ("kg-cn-border-agreement-1996", "signed", "1996-07-04"),
    ("kg-cn-border-agreement-1996", "parties", {"kyrgyzstan", "china"}),
    ("kg-cn-border-supplementary-1999", "signed", "1999-08-26"),
    ("border-confidence-building-1996", "signed", "1996-04-26"),
    ("border-confidence-building-1996", "place", "Shanghai"),
    ("border-confidence-building-1996", "parties", FIVE),
    ("border-armed-forces-reduction-1997", "signed", "1997-04-24"),
    ("border-armed-forces-reduction-1997", "place", "Moscow"),
    ("border-armed-forces-reduction-1997", "parties", FIVE),
    ("kg-cn-good-neighbourliness-2002", "signed", "2002-06-24"),
    ("kg-cn-good-neighbourliness-2002", "place", "Beijing"),
    ("kg-cn-good-neighbourliness-2002", "parties", {"kyrgyzstan", "china"}),
    ("eurasec-treaty-2000", "signed", "2000-10-10"),
    ("eurasec-treaty-2000", "place", "Astana"),
    ("eurasec-treaty-2000", "in_force", "2001-05"),
    ("eurasec-treaty-2000", "parties", EURASEC_FOUNDERS),
    ("caco-treaty-2002", "signed", "2002-02-28"),
    ("caco-treaty-2002", "parties", {"kazakhstan", "kyrgyzstan", "tajikistan", "uzbekistan"}),
    ("caco-russia-accession-2004", "signed", "2004-10-18"),
    ("caco-russia-accession-2004", "place", "Dushanbe"),
    ("caco-russia-accession-2004", "kind", "protocol"),
    ("edb-agreement-2006", "signed", "2006-01-12"),
    ("edb-agreement-2006", "place", "Astana"),
    ("edb-agreement-2006", "parties", {"russia", "kazakhstan"}),
    ("cis-alma-ata-protocol-1991", "signed", "1991-12-21"),
    ("collective-security-treaty-1992", "signed", "1992-05-15"),
    ("collective-security-treaty-1992", "place", "Tashkent"),
    ("collective-security-treaty-1992", "in_force", "1994-04-20"),
    ("csto-charter-2002", "signed", "2002-10-07"),
    ("csto-charter-2002", "place", "Chișinău"),
    ("csto-charter-2002", "in_force", "2003-09-18"),
    ("cis", "founded", "1991-12-08"),
    ("csto", "founded", "2002-10-07"),
    ("csto", "founding_treaty", "csto-charter-2002"),
    ("shanghai-five", "founded", "1996-04-26"),
    ("sco", "founded", "2001-06-15"),
    ("partnership-for-peace", "parent", "nato"),
    ("partnership-for-peace", "founded", "1994-01"),
    ("eurasec", "founded", "2000-10-10"),
    ("eurasec", "ended", "2015-01-01"),
    ("eurasec", "founding_treaty", "eurasec-treaty-2000"),
    ("caco", "founded", "2002-02-28"),
    ("caco", "founding_treaty", "caco-treaty-2002"),
    ("eurasian-development-bank", "founded", "2006-01-12"),
    ("eurasian-development-bank", "founding_treaty", "edb-agreement-2006"),
    ("eurasec-founding-summit-2000", "date", "2000-10-10"),
    ("eurasec-founding-summit-2000", "place", "Astana"),
    ("sco-founding-2001", "date", "2001-06-15"),
    ("sco-founding-2001", "place", "Shanghai"),
    ("caco-eurasec-merger-decision-2005", "date", "2005-10-06"),
    ("caco-eurasec-merger-decision-2005", "place", "St Petersburg"),
    ("eurasec-termination-2014", "date", "2014-10-10"),
    ("eurasec-termination-2014", "end", "2015-01-01"),
    ("eurasec-termination-2014", "place", "Minsk"),
    ("imu-incursion-1999", "date", "1999-08"),
    ("imu-incursion-1999", "end", "1999-10"),
    ("imu-incursion-1999", "place", "Batken"),
    ("imu-incursion-2000", "date", "2000-08-11"),
    ("assistance-1999", "date", "1999-08"),
    ("assistance-1999", "end", "1999-10"),
    ("assistance-1999", "participants", {"armenia", "kazakhstan", "kyrgyzstan", "russia", "uzbekistan"}),
    ("military-doctrine-2002", "date", "2002"),
    ("military-doctrine-2002", "issuer", "kyrgyzstan"),
    # foreign facilities, the SCO after 2001, collective forces, membership changes, borders, the US and NATO
    ("kg-us-manas-agreement-2001", "signed", "2001-12-04"),
    ("kg-us-manas-agreement-2001", "parties", {"kyrgyzstan", "united-states"}),
    ("kg-us-manas-agreement-2001", "status", "superseded"),
    ("kg-us-manas-transit-center-agreement-2009", "signed", "2009-06-22"),
    ("kg-us-manas-transit-center-agreement-2009", "place", "Bishkek"),
    ("kg-us-manas-transit-center-agreement-2009", "ended", "2014-07-11"),
    ("kg-us-manas-transit-center-agreement-2009", "parties", {"kyrgyzstan", "united-states"}),
    ("kg-us-manas-transit-center-agreement-2009", "status", "terminated"),
    ("kg-ru-kant-air-base-agreement-2003", "signed", "2003-09-22"),
    ("kg-ru-kant-air-base-agreement-2003", "place", "Moscow"),
    ("kg-ru-kant-air-base-agreement-2003", "parties", {"kyrgyzstan", "russia"}),
    ("kg-ru-military-presence-memorandum-2009", "signed", "2009-08-01"),
    ("kg-ru-military-presence-memorandum-2009", "place", "Cholpon-Ata"),
    ("kg-ru-military-presence-memorandum-2009", "parties", {"kyrgyzstan", "russia"}),
    ("kg-ru-joint-military-base-agreement-2012", "signed", "2012-09-20"),
    ("kg-ru-joint-military-base-agreement-2012", "place", "Bishkek"),
    ("kg-ru-joint-military-base-agreement-2012", "parties", {"kyrgyzstan", "russia"}),
    ("kg-ru-joint-military-base-protocol-2019", "signed", "2019-03-28"),
    ("kg-ru-joint-military-base-protocol-2019", "place", "Bishkek"),
    ("kg-ru-joint-military-base-protocol-2019", "parties", {"kyrgyzstan", "russia"}),
    ("kg-us-assistance-cooperation-1993", "signed", "1993-05-19"),
    ("kg-us-assistance-cooperation-1993", "place", "Washington"),
    ("kg-us-assistance-cooperation-1993", "ended", "2015-08-20"),
    ("kg-us-assistance-cooperation-1993", "parties", {"kyrgyzstan", "united-states"}),
    ("kg-us-assistance-cooperation-1993", "status", "terminated"),
    ("kg-nato-isaf-transit-2012", "signed", "2012-05-22"),
    ("kg-nato-isaf-transit-2012", "place", "Chicago"),
    ("kg-nato-isaf-transit-2012", "parties", {"kyrgyzstan", "nato"}),
    ("shanghai-convention-2001", "signed", "2001-06-15"),
    ("shanghai-convention-2001", "place", "Shanghai"),
    ("shanghai-convention-2001", "in_force", "2003-03-29"),
    (
        "shanghai-convention-2001",
        "parties",
        {"china", "kazakhstan", "kyrgyzstan", "russia", "tajikistan", "uzbekistan"},
    ),
    ("sco-charter-2002", "signed", "2002-06-07"),
    ("sco-charter-2002", "place", "St Petersburg"),
    ("sco-charter-2002", "in_force", "2003-09-19"),
    ("sco-charter-2002", "parties", {"china", "kazakhstan", "kyrgyzstan", "russia", "tajikistan", "uzbekistan"}),
    ("rats-agreement-2002", "signed", "2002-06-07"),
    ("rats-agreement-2002", "place", "St Petersburg"),
    ("rats-agreement-2002", "parties", {"china", "kazakhstan", "kyrgyzstan", "russia", "tajikistan", "uzbekistan"}),
    ("sco-charter-protocol-2003", "signed", "2003-09-05"),
    ("sco-charter-protocol-2003", "place", "Tashkent"),
    ("sco-good-neighbourliness-treaty-2007", "signed", "2007-08-16"),
    ("sco-good-neighbourliness-treaty-2007", "place", "Bishkek"),
    ("sco-good-neighbourliness-treaty-2007", "in_force", "2012-10-31"),
    (
        "sco-good-neighbourliness-treaty-2007",
        "parties",
        {"china", "kazakhstan", "kyrgyzstan", "russia", "tajikistan", "uzbekistan"},
    ),
    ("cst-extension-protocol-1999", "signed", "1999-04-02"),
    ("cst-extension-protocol-1999", "place", "Moscow"),
    ("cst-extension-protocol-1999", "in_force", "2000-03-22"),
    (
        "cst-extension-protocol-1999",
        "parties",
        {"armenia", "belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan"},
    ),
    ("uz-csto-restoration-protocol-2006", "signed", "2006-08-16"),
    ("uz-csto-restoration-protocol-2006", "place", "Sochi"),
    ("crrf-agreement-2009", "signed", "2009-06-14"),
    ("crrf-agreement-2009", "place", "Moscow"),
    ("crrf-agreement-2009", "parties", {"armenia", "belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan"}),
    ("eaeu-treaty-2014", "signed", "2014-05-29"),
    ("eaeu-treaty-2014", "place", "Astana"),
    ("eaeu-treaty-2014", "in_force", "2015-01-01"),
    ("eaeu-treaty-2014", "parties", {"belarus", "kazakhstan", "russia"}),
    ("kg-eaeu-accession-treaty-2014", "signed", "2014-12-23"),
    ("kg-eaeu-accession-treaty-2014", "place", "Moscow"),
    ("kg-eaeu-accession-treaty-2014", "in_force", "2015-08-12"),
    ("kg-eaeu-accession-treaty-2014", "parties", {"armenia", "belarus", "kazakhstan", "kyrgyzstan", "russia"}),
    ("kg-cn-border-supplementary-1999", "place", "Bishkek"),
    ("cn-kg-kz-junction-1999", "signed", "1999-08-25"),
    ("cn-kg-kz-junction-1999", "parties", {"china", "kazakhstan", "kyrgyzstan"}),
    ("kg-cn-demarcation-protocol-2004", "signed", "2004-09"),
    ("kg-cn-demarcation-protocol-2004", "place", "Bishkek"),
    ("kg-cn-demarcation-protocol-2004", "parties", {"china", "kyrgyzstan"}),
    ("kg-kz-border-treaty-2001", "signed", "2001-12-15"),
    ("kg-kz-border-treaty-2001", "place", "Astana"),
    ("kg-kz-border-treaty-2001", "parties", {"kazakhstan", "kyrgyzstan"}),
    ("kg-kz-border-demarcation-2017", "signed", "2017-12-25"),
    ("kg-kz-border-demarcation-2017", "place", "Astana"),
    ("kg-kz-border-demarcation-2017", "parties", {"kazakhstan", "kyrgyzstan"}),
    ("kg-uz-border-treaty-2017", "signed", "2017-09-05"),
    ("kg-uz-border-treaty-2017", "place", "Bishkek"),
    ("kg-uz-border-treaty-2017", "in_force", "2017-10"),
    ("kg-uz-border-treaty-2017", "parties", {"kyrgyzstan", "uzbekistan"}),
    ("kg-uz-border-sections-2022", "signed", "2022-11-03"),
    ("kg-uz-border-sections-2022", "place", "Bishkek"),
    ("kg-uz-border-sections-2022", "parties", {"kyrgyzstan", "uzbekistan"}),
    ("kg-uz-kempir-abad-water-2022", "signed", "2022-11-03"),
    ("kg-uz-kempir-abad-water-2022", "place", "Bishkek"),
    ("kg-uz-kempir-abad-water-2022", "parties", {"kyrgyzstan", "uzbekistan"}),
    ("kg-tj-border-treaty-2025", "signed", "2025-03-13"),
    ("kg-tj-border-treaty-2025", "place", "Bishkek"),
    ("kg-tj-border-treaty-2025", "parties", {"kyrgyzstan", "tajikistan"}),
    ("kg-tj-uz-junction-2025", "signed", "2025-03-31"),
    ("kg-tj-uz-junction-2025", "place", "Khujand"),
    ("kg-tj-uz-junction-2025", "parties", {"kyrgyzstan", "tajikistan", "uzbekistan"}),
    ("rats", "kind", "security-body"),
    ("rats", "parent", "sco"),
    ("rats", "founded", "2002-06-07"),
    ("rats", "headquarters", "Tashkent"),
    ("rats", "founding_treaty", "rats-agreement-2002"),
    ("collective-rapid-deployment-forces", "kind", "collective-force"),
    ("collective-rapid-deployment-forces", "parent", "csto"),
    ("collective-rapid-deployment-forces", "founded", "2001-05-25"),
    ("collective-rapid-deployment-forces", "headquarters", "Bishkek"),
    ("collective-rapid-reaction-forces", "kind", "collective-force"),
    ("collective-rapid-reaction-forces", "parent", "csto"),
    ("collective-rapid-reaction-forces", "founded", "2009-06-14"),
    ("collective-rapid-reaction-forces", "founding_treaty", "crrf-agreement-2009"),
    ("csto-collective-peacekeeping-forces", "kind", "collective-force"),
    ("csto-collective-peacekeeping-forces", "parent", "csto"),
    ("eaeu", "founded", "2015-01-01"),
    ("eaeu", "founding_treaty", "eaeu-treaty-2014"),
    ("euro-atlantic-partnership-council", "founded", "1997-05-30"),
    ("euro-atlantic-partnership-council", "parent", "nato"),
    ("manas-transit-center", "kind", "transit-centre"),
    ("manas-transit-center", "host", "kyrgyzstan"),
    ("manas-transit-center", "users", {"united-states"}),
    ("manas-transit-center", "agreements", {"kg-us-manas-agreement-2001", "kg-us-manas-transit-center-agreement-2009"}),
    ("manas-transit-center", "opened", "2001-12"),
    ("manas-transit-center", "closed", "2014-06-03"),
    ("manas-transit-center", "status", "closed"),
    ("manas-transit-center", "coordinates", {"lat": 43.050278, "lon": 74.469444}),
    ("kant-air-base", "kind", "air-base"),
    ("kant-air-base", "host", "kyrgyzstan"),
    ("kant-air-base", "users", {"russia"}),
    (
        "kant-air-base",
        "agreements",
        {
            "kg-ru-joint-military-base-agreement-2012",
            "kg-ru-joint-military-base-protocol-2019",
            "kg-ru-kant-air-base-agreement-2003",
        },
    ),
    ("kant-air-base", "opened", "2003-10-23"),
    ("kant-air-base", "status", "active"),
    ("kant-air-base", "coordinates", {"lat": 42.85306, "lon": 74.84639}),
    ("issyk-kul-torpedo-test-range", "kind", "test-range"),
    ("issyk-kul-torpedo-test-range", "host", "kyrgyzstan"),
    ("issyk-kul-torpedo-test-range", "users", {"russia"}),
    ("issyk-kul-torpedo-test-range", "opened", "1955-08-24"),
    ("issyk-kul-torpedo-test-range", "coordinates", {"lat": 42.5767, "lon": 78.1628}),
    ("kara-balta-naval-communications-centre", "kind", "communications-centre"),
    ("kara-balta-naval-communications-centre", "host", "kyrgyzstan"),
    ("kara-balta-naval-communications-centre", "users", {"russia"}),
    ("kara-balta-naval-communications-centre", "coordinates", {"lat": 42.8167, "lon": 73.5333}),
    ("mailuu-suu-seismic-laboratory", "kind", "seismic-station"),
    ("mailuu-suu-seismic-laboratory", "host", "kyrgyzstan"),
    ("mailuu-suu-seismic-laboratory", "users", {"russia"}),
    ("mailuu-suu-seismic-laboratory", "coordinates", {"lat": 41.2457, "lon": 72.448}),
    ("manas-ratification-vote-2001", "date", "2001-12-06"),
    ("manas-ratification-vote-2001", "participants", {"kyrgyzstan", "united-states"}),
    ("manas-closure-vote-2009", "kind", "vote"),
    ("manas-closure-vote-2009", "date", "2009-02-19"),
    ("manas-closure-vote-2009", "place", "Bishkek"),
    ("manas-closure-vote-2009", "country", "kyrgyzstan"),
    ("manas-transit-center-vote-2009", "kind", "vote"),
    ("manas-transit-center-vote-2009", "date", "2009-06-25"),
    ("manas-transit-center-vote-2009", "place", "Bishkek"),
    ("manas-termination-vote-2013", "kind", "vote"),
    ("manas-termination-vote-2013", "date", "2013-06-20"),
    ("manas-termination-vote-2013", "place", "Bishkek"),
    ("manas-handover-2014", "kind", "handover"),
    ("manas-handover-2014", "date", "2014-06-03"),
    ("manas-handover-2014", "country", "kyrgyzstan"),
    ("manas-handover-2014", "coordinates", {"lat": 43.050278, "lon": 74.469444}),
    ("kant-air-base-opening-2003", "date", "2003-10-23"),
    ("kant-air-base-opening-2003", "place", "Kant"),
    ("kant-air-base-opening-2003", "country", "kyrgyzstan"),
    ("kant-air-base-opening-2003", "coordinates", {"lat": 42.85306, "lon": 74.84639}),
    ("kant-air-base-opening-2003", "participants", {"kyrgyzstan", "russia"}),
    ("crdf-founding-yerevan-2001", "date", "2001-05-25"),
    ("crdf-founding-yerevan-2001", "place", "Yerevan"),
    ("crdf-founding-yerevan-2001", "country", "armenia"),
    (
        "crdf-founding-yerevan-2001",
        "participants",
        {"armenia", "belarus", "kazakhstan", "kyrgyzstan", "russia", "tajikistan"},
    ),
    ("rats-launch-2004", "date", "2004-06-17"),
    ("rats-launch-2004", "place", "Tashkent"),
    ("rats-launch-2004", "country", "uzbekistan"),
    ("sco-bishkek-summit-2007", "date", "2007-08-16"),
    ("sco-bishkek-summit-2007", "place", "Bishkek"),
    ("sco-bishkek-summit-2007", "country", "kyrgyzstan"),
    ("sco-bishkek-summit-2007", "coordinates", {"lat": 42.87472, "lon": 74.61222}),
    (
        "sco-bishkek-summit-2007",
        "participants",
        {"china", "kazakhstan", "kyrgyzstan", "russia", "sco", "tajikistan", "uzbekistan"},
    ),
    ("crrf-moscow-summit-2009", "date", "2009-06-14"),
    ("crrf-moscow-summit-2009", "place", "Moscow"),
    ("crrf-moscow-summit-2009", "country", "russia"),
    ("csto-kazakhstan-deployment-2022", "kind", "deployment"),
    ("csto-kazakhstan-deployment-2022", "date", "2022-01-06"),
    ("csto-kazakhstan-deployment-2022", "end", "2022-01-19"),
    ("csto-kazakhstan-deployment-2022", "country", "kazakhstan"),
    ("csto-kazakhstan-deployment-2022", "coordinates", {"lat": 43.2775, "lon": 76.89583}),
    ("uzbekistan-csto-restoration-2006", "date", "2006-06-23"),
    ("uzbekistan-csto-restoration-2006", "end", "2006-08-16"),
    ("uzbekistan-csto-restoration-2006", "participants", {"csto", "uzbekistan"}),
    ("uzbekistan-csto-suspension-2012", "date", "2012-06-28"),
    ("uzbekistan-csto-suspension-2012", "end", "2012-12-19"),
    ("uzbekistan-csto-suspension-2012", "participants", {"csto", "uzbekistan"}),
    ("uzbekistan-eurasec-suspension-2008", "date", "2008-10"),
    ("uzbekistan-eurasec-suspension-2008", "end", "2008-11-12"),
    ("uzbekistan-eurasec-suspension-2008", "participants", {"eurasec", "uzbekistan"}),
    ("kyrgyzstan-eaeu-accession-2015", "date", "2015-08-12"),
    ("kyrgyzstan-eaeu-accession-2015", "participants", {"eaeu", "kyrgyzstan"}),
    ("armenia-csto-freeze-2024", "date", "2024-02-22"),
    ("armenia-csto-freeze-2024", "participants", {"armenia", "csto"}),
    ("batken-region-creation-1999", "kind", "administrative"),
    ("batken-region-creation-1999", "date", "1999-10-12"),
    ("batken-region-creation-1999", "place", "Batken"),
    ("batken-region-creation-1999", "country", "kyrgyzstan"),
    ("batken-region-creation-1999", "coordinates", {"lat": 40.05, "lon": 70.8167}),
    ("aksy-events-2002", "date", "2002-03-17"),
    ("aksy-events-2002", "end", "2002-03-18"),
    ("aksy-events-2002", "country", "kyrgyzstan"),
    ("kg-tj-clash-2014", "kind", "clash"),
    ("kg-tj-clash-2014", "date", "2014-01-11"),
    ("kg-tj-clash-2014", "country", "kyrgyzstan"),
    ("kg-tj-clash-2014", "participants", {"kyrgyzstan", "tajikistan"}),
    ("kg-tj-clash-2014", "coordinates", {"lat": 39.9497, "lon": 70.5358}),
    ("kg-tj-clash-2021", "kind", "clash"),
    ("kg-tj-clash-2021", "date", "2021-04-28"),
    ("kg-tj-clash-2021", "end", "2021-05-01"),
    ("kg-tj-clash-2021", "country", "kyrgyzstan"),
    ("kg-tj-clash-2021", "participants", {"kyrgyzstan", "tajikistan"}),
    ("kg-tj-clash-2021", "coordinates", {"lat": 39.9497, "lon": 70.5358}),
    ("kg-tj-clash-2022", "kind", "clash"),
    ("kg-tj-clash-2022", "date", "2022-09-14"),
    ("kg-tj-clash-2022", "end", "2022-09-17"),
    ("kg-tj-clash-2022", "country", "kyrgyzstan"),
    ("kg-tj-clash-2022", "participants", {"kyrgyzstan", "tajikistan"}),
    ("centrasbat-97-exercise", "date", "1997-09-15"),
    ("centrasbat-97-exercise", "end", "1997-09-20"),
    ("centrasbat-97-exercise", "participants", {"kazakhstan", "kyrgyzstan", "russia", "united-states", "uzbekistan"}),
    ("kg-us-agreement-denunciation-2015", "date", "2015-07-21"),
    ("kg-us-agreement-denunciation-2015", "place", "Bishkek"),
    ("kg-us-agreement-denunciation-2015", "participants", {"kyrgyzstan", "united-states"}),
    ("kyrgyzstan-joins-parp-2007", "date", "2007"),
    ("kyrgyzstan-joins-parp-2007", "participants", {"kyrgyzstan", "nato"}),
    ("otunbayeva-nato-visit-2011", "date", "2011-02-28"),
    ("otunbayeva-nato-visit-2011", "participants", {"kyrgyzstan", "nato"}),
    ("atambayev-nato-visit-2013", "date", "2013-09-17"),
    ("atambayev-nato-visit-2013", "participants", {"kyrgyzstan", "nato"}),
    ("pfp-anniversary-bishkek-2014", "date", "2014-11-10"),
    ("pfp-anniversary-bishkek-2014", "end", "2014-11-14"),
    ("pfp-anniversary-bishkek-2014", "place", "Bishkek"),
    ("scorpion-training-compound-tokmok-2009", "date", "2009-10"),
    ("scorpion-training-compound-tokmok-2009", "place", "Tokmok"),
]


@pytest.mark.parametrize(("record_id", "field", "expected"), RESEARCH, ids=[f"{i}.{f}" for i, f, _ in RESEARCH])
def test_research_value(record_id: str, field: str, expected: Any) -> None:
    value = record(record_id).get(field)
    if isinstance(expected, set):
        assert set(value or ()) == expected
    else:
        assert value == expected


MEMBERSHIPS: list[tuple[str, str, str | None, str | None]] = [
    # (organization, member, joined, role)
    ("cis", "kyrgyzstan", "1991-12-21", "founding"),
    ("csto", "kyrgyzstan", "2002-10-07", "founding"),
    ("shanghai-five", "kyrgyzstan", "1996-04-26", "founding"),
    ("sco", "kyrgyzstan", "2001-06-15", "founding"),
    ("sco", "uzbekistan", "2001-06-15", "founding"),
    ("partnership-for-peace", "kyrgyzstan", "1994-06-01", "partner"),
    ("eurasec", "kyrgyzstan", "2000-10-10", "founding"),
    ("eurasec", "uzbekistan", "2006-01-25", "member"),
    ("caco", "kyrgyzstan", "2002-02-28", "founding"),
    ("caco", "russia", "2004-10-18", "member"),
    ("eurasian-development-bank", "russia", "2006-01-12", "founding"),
    ("eurasian-development-bank", "kazakhstan", "2006-01-12", "founding"),
    ("eurasian-development-bank", "kyrgyzstan", None, "member"),  # accession date not found
    ("cis", "armenia", "1991-12-21", "founding"),
    ("csto", "armenia", "2002-10-07", "founding"),
    ("csto", "uzbekistan", "2006-06-23", "member"),  # suspended on 19 December 2012
    ("rats", "kyrgyzstan", "2002-06-07", "founding"),
    ("collective-rapid-deployment-forces", "kyrgyzstan", "2001-05-25", "founding"),
    ("collective-rapid-reaction-forces", "kyrgyzstan", "2009-06-14", "founding"),
    ("collective-rapid-reaction-forces", "belarus", "2009-10", "member"),
    ("eaeu", "armenia", "2015-01", "member"),
    ("eaeu", "kyrgyzstan", "2015-08-12", "member"),
    ("euro-atlantic-partnership-council", "kyrgyzstan", "1997", "partner"),
]


@pytest.mark.parametrize(
    ("org", "member", "joined", "role"), MEMBERSHIPS, ids=[f"{o}.{m}" for o, m, _, _ in MEMBERSHIPS]
)
def test_research_membership(org: str, member: str, joined: str | None, role: str | None) -> None:
    entries = [m for m in record(org).get("members", []) if m["member"] == member]
    assert len(entries) == 1, f"{member} should be listed once in {org}"
    assert entries[0].get("joined") == joined
    assert entries[0].get("role") == role


def test_caco_merges_into_eurasec_on_6_october_2005() -> None:
    relations = [r for r in record("caco").get("relations", []) if r["type"] == "merges-into"]
    assert relations == [relations[0]] and relations[0]["target"] == "eurasec"
    assert relations[0]["date"] == "2005-10-06"


CORRECTIONS = [
    # (record, what the source says, verbatim, in the correction note)
    ("caco-eurasec-merger-decision-2005", "On October 7, 2005"),
    ("border-confidence-building-1996", "strengthening trust in the military sphere in the border area (1996)"),
    ("border-armed-forces-reduction-1997", "mutual reduction of armed forces in the border area (1997)"),
]


@pytest.mark.parametrize(("record_id", "source_says"), CORRECTIONS, ids=[r for r, _ in CORRECTIONS])
def test_correction_shows_what_the_source_says(record_id: str, source_says: str) -> None:
    corrections = [n for n in record(record_id).get("notes", []) if n["kind"] == "correction"]
    assert corrections, f"{record_id} has no correction note"
    assert any(source_says in n.get("source_says", "") for n in corrections)
    assert all(n.get("citations") for n in corrections), "a correction must cite its evidence"


def admonitions(built_site: Path, record_id: str, title: str) -> list[str]:
    """The text of each box titled `title` on the record's built page."""
    collection = records()[record_id][0]
    html = (built_site / collection / record_id / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    return [
        " ".join(box.get_text(" ").split())
        for box in soup.select("article .admonition")
        if (heading := box.select_one(".admonition-title")) and heading.get_text(strip=True) == title
    ]


@pytest.mark.parametrize(("record_id", "source_says"), CORRECTIONS, ids=[r for r, _ in CORRECTIONS])
def test_correction_box_on_the_page(built_site: Path, record_id: str, source_says: str) -> None:
    """The page shows both: what the source says, verbatim, and the research with its evidence."""
    boxes = admonitions(built_site, record_id, "Editorial correction")
    assert boxes, f"{record_id}: no 'Editorial correction' box on the page"
    box = next((b for b in boxes if source_says in b), None)
    assert box is not None, f"{record_id}: the box does not quote the source: {boxes}"
    assert "The source says:" in box and "Research:" in box
    note = next(n for n in record(record_id)["notes"] if source_says in n.get("source_says", ""))
    assert " ".join(note["text"].split()) in box
    for citation in note["citations"]:
        assert " ".join(citation["quote"].split()) in box, "the evidence is shown in the box"


UNVERIFIED = [
    "military-doctrine-2002",  # approval date and quoted text not found
    "renunciation-uyghur-separatism",  # no evidence found
    "china-foreign-policy-course",  # evaluative
    "normalization-kg-cn-relations",  # "former potential adversary" is interpretive
    "assistance-1999",  # "significant" not quantified
    "kg-kz-allied-relations-2003",  # Astana is inferred
    "eurasian-development-bank",  # Kyrgyzstan's accession date not found
]


@pytest.mark.parametrize("record_id", UNVERIFIED)
def test_unconfirmed_statement_is_marked(record_id: str) -> None:
    kinds = {n["kind"] for n in record(record_id).get("notes", [])}
    assert "unverified" in kinds


@pytest.mark.parametrize("record_id", UNVERIFIED)
def test_unconfirmed_statement_is_marked_on_the_page(built_site: Path, record_id: str) -> None:
    boxes = admonitions(built_site, record_id, "As stated by the source — not confirmed by research")
    texts = [" ".join(n["text"].split()) for n in record(record_id)["notes"] if n["kind"] == "unverified"]
    assert len(boxes) == len(texts) and all(any(t in b for b in boxes) for t in texts), boxes


def test_eternal_friendship_treaties_have_distinct_short_names() -> None:
    ids = ["kg-uz-eternal-friendship-1996", "kg-kz-eternal-friendship-1997", "kz-kg-uz-eternal-friendship-1997"]
    names = [record(i)["short_name"] for i in ids]
    assert len(set(names)) == len(names)


def test_directions_follow_the_source_order() -> None:
    directions = {i: data for i, (c, data) in records().items() if c == "directions"}
    assert sorted(d["order"] for d in directions.values()) == [1, 2, 3, 4, 5, 6]
    by_order = {d["order"]: i for i, d in directions.items()}
    assert [by_order[n] for n in range(1, 7)] == [
        "bilateral-post-soviet",
        "cis-csto",
        "sco-cooperation",
        "regional",
        "world-community",
        "nato-pfp",
    ]
    assert set(directions["cis-csto"]["organizations"]) == {"cis", "csto"}
    assert set(directions["nato-pfp"]["organizations"]) == {"nato", "partnership-for-peace"}


# --- the research on the new records: membership periods, milestones, disagreements, relations ---

PERIODS: list[tuple[str, str, str, str]] = [
    # (organization, member, left, how the period ended)
    ("csto", "uzbekistan", "2012-12-19", "suspended"),
    ("eurasec", "uzbekistan", "2008-11-12", "suspended"),
]


@pytest.mark.parametrize(("org", "member", "left", "how"), PERIODS, ids=[f"{o}.{m}" for o, m, _, _ in PERIODS])
def test_membership_period_ends(org: str, member: str, left: str, how: str) -> None:
    entries = [m for m in record(org).get("members", []) if m["member"] == member]
    assert [(m.get("left"), m.get("left_how")) for m in entries] == [(left, how)]


MILESTONES: list[tuple[str, str, str, str | None]] = [
    # (treaty, kind, date, party)
    ("collective-security-treaty-1992", "entry-into-force", "1994-04-20", None),
    ("collective-security-treaty-1992", "extension", "1999-04-21", None),
    ("collective-security-treaty-1992", "withdrawal", "1999-04", "uzbekistan"),
    ("cst-extension-protocol-1999", "entry-into-force", "2000-03-22", None),
    ("kg-cn-border-agreement-1996", "ratification", "1998", "kyrgyzstan"),
    ("kg-cn-border-supplementary-1999", "ratification", "2002-05-10", "kyrgyzstan"),
    ("kg-us-manas-agreement-2001", "ratification", "2001-12-06", "kyrgyzstan"),
    ("kg-us-manas-agreement-2001", "denunciation", "2009-02-19", "kyrgyzstan"),
    ("kg-us-manas-transit-center-agreement-2009", "ratification", "2009-06-25", "kyrgyzstan"),
    ("kg-us-manas-transit-center-agreement-2009", "denunciation", "2013-06-20", "kyrgyzstan"),
    ("kg-us-manas-transit-center-agreement-2009", "termination", "2014-07-11", None),
    ("kg-ru-kant-air-base-agreement-2003", "ratification", "2005-07-21", "russia"),
    ("kg-ru-joint-military-base-agreement-2012", "ratification", "2013-04-19", "russia"),
    ("kg-ru-joint-military-base-protocol-2019", "ratification", "2020-06-11", "kyrgyzstan"),
    ("kg-us-assistance-cooperation-1993", "denunciation", "2015-07-21", "kyrgyzstan"),
    ("kg-us-assistance-cooperation-1993", "termination", "2015-08-20", None),
    ("kg-nato-isaf-transit-2012", "ratification", "2013-07-08", "kyrgyzstan"),
    ("sco-charter-2002", "entry-into-force", "2003-09-19", None),
    ("sco-good-neighbourliness-treaty-2007", "entry-into-force", "2012-10-31", None),
    ("uz-csto-restoration-protocol-2006", "ratification", "2006-12", "uzbekistan"),
    ("kg-eaeu-accession-treaty-2014", "ratification", "2015-05-21", "kyrgyzstan"),
    ("kg-eaeu-accession-treaty-2014", "entry-into-force", "2015-08-12", None),
    ("kg-uz-border-treaty-2017", "ratification", "2017-10-02", "kyrgyzstan"),
    ("kg-uz-border-sections-2022", "ratification", "2022-11-29", "kyrgyzstan"),
    ("kg-uz-border-sections-2022", "ratification", "2022-11-30", "uzbekistan"),
    ("kg-kz-border-demarcation-2017", "ratification", "2018-11-05", "kazakhstan"),
    ("kg-tj-border-treaty-2025", "ratification", "2025-03-19", "tajikistan"),
    ("kg-tj-uz-junction-2025", "ratification", "2025-11-03", "uzbekistan"),
]


@pytest.mark.parametrize(
    ("treaty", "kind", "date", "party"), MILESTONES, ids=[f"{t}.{k}.{d}" for t, k, d, _ in MILESTONES]
)
def test_research_milestone(treaty: str, kind: str, date: str, party: str | None) -> None:
    found = [(m["kind"], m["date"], m.get("party")) for m in record(treaty).get("milestones", [])]
    assert (kind, date, party) in found, found
    assert any("milestones" in c.get("supports", []) for c in record(treaty)["citations"])


DISPUTED: list[tuple[str, str]] = [
    # (record, the field a "disputed" note qualifies): each side is cited
    ("caco", "ended"),
    ("csto", "members"),
    ("csto-charter-2002", "place"),
    ("eurasec", "members"),
    ("collective-security-treaty-1992", "milestones"),
    ("border-confidence-building-1996", "signed"),
    ("caco-eurasec-merger-decision-2005", "date"),
    ("kg-cn-border-supplementary-1999", "relations"),
    ("kg-cn-demarcation-protocol-2004", "signed"),
    ("kg-kz-border-treaty-2001", "signed"),
    ("manas-transit-center", "opened"),
    ("kg-us-manas-transit-center-agreement-2009", "signed"),
    ("kg-us-manas-transit-center-agreement-2009", "ended"),
    ("mailuu-suu-seismic-laboratory", "coordinates"),
    ("kara-balta-naval-communications-centre", "place"),
    ("kg-eaeu-accession-treaty-2014", "in_force"),
    ("crrf-agreement-2009", "signed"),
    ("uzbekistan-csto-restoration-2006", "date"),
    ("batken-region-creation-1999", "date"),
    ("kg-tj-clash-2022", "end"),
    ("kg-nato-isaf-transit-2012", "signed"),
    ("euro-atlantic-partnership-council", "founded"),
    ("centrasbat-97-exercise", "end"),
]


@pytest.mark.parametrize(("record_id", "field"), DISPUTED, ids=[f"{r}.{f}" for r, f in DISPUTED])
def test_disagreement_is_shown_with_both_sides(record_id: str, field: str) -> None:
    notes = [n for n in record(record_id).get("notes", []) if n["kind"] == "disputed" and field in n.get("fields", [])]
    assert notes, f"{record_id}: no disputed note on {field}"
    assert field in record(record_id), f"{record_id}: the disputed field {field} has no value"
    assert all(len({c["source"] for c in n.get("citations", [])}) >= 2 for n in notes)


UNVERIFIED_FIELDS: list[tuple[str, str]] = [
    ("kg-kz-allied-relations-2003", "place"),
    ("kara-balta-naval-communications-centre", "coordinates"),
    ("kg-ru-joint-military-base-agreement-2012", "in_force"),
]


@pytest.mark.parametrize(("record_id", "field"), UNVERIFIED_FIELDS, ids=[f"{r}.{f}" for r, f in UNVERIFIED_FIELDS])
def test_unconfirmed_value_is_marked(record_id: str, field: str) -> None:
    notes = record(record_id).get("notes", [])
    assert any(n["kind"] == "unverified" and field in n.get("fields", []) for n in notes)


RELATIONS: list[tuple[str, str, str]] = [
    # (record, relation type, target)
    ("kg-us-manas-transit-center-agreement-2009", "supersedes", "kg-us-manas-agreement-2001"),
    ("kg-ru-joint-military-base-agreement-2012", "related", "kg-ru-kant-air-base-agreement-2003"),
    ("kg-ru-joint-military-base-protocol-2019", "amends", "kg-ru-joint-military-base-agreement-2012"),
    ("cst-extension-protocol-1999", "amends", "collective-security-treaty-1992"),
    ("sco-charter-protocol-2003", "amends", "sco-charter-2002"),
    ("rats-agreement-2002", "founds", "rats"),
    ("crrf-agreement-2009", "founds", "collective-rapid-reaction-forces"),
    ("eaeu-treaty-2014", "founds", "eaeu"),
    ("eaeu", "succeeds", "eurasec"),
    ("kg-eaeu-accession-treaty-2014", "accedes-to", "eaeu-treaty-2014"),
    ("cn-kg-kz-junction-1999", "implements", "kg-cn-border-agreement-1996"),
    ("kg-kz-border-demarcation-2017", "implements", "kg-kz-border-treaty-2001"),
]


@pytest.mark.parametrize(("record_id", "kind", "target"), RELATIONS, ids=[f"{r}.{k}.{t}" for r, k, t in RELATIONS])
def test_research_relation(record_id: str, kind: str, target: str) -> None:
    assert {"type": kind, "target": target}.items() <= next(
        r for r in record(record_id).get("relations", []) if r["target"] == target
    ).items()


def test_new_organizations_belong_to_their_parent() -> None:
    parents = {
        "rats": ("sco", "security-body"),
        "collective-rapid-deployment-forces": ("csto", "collective-force"),
        "collective-rapid-reaction-forces": ("csto", "collective-force"),
        "csto-collective-peacekeeping-forces": ("csto", "collective-force"),
        "euro-atlantic-partnership-council": ("nato", "regional-forum"),
    }
    for org, (parent, kind) in parents.items():
        assert (record(org).get("parent"), record(org)["kind"]) == (parent, kind), org


def test_facilities_name_their_agreements() -> None:
    facilities = [i for i, (c, _) in records().items() if c == "facilities"]
    assert len(facilities) >= 5
    for facility in facilities:
        agreements = record(facility).get("agreements", [])
        assert agreements, f"{facility} names no agreement"
        for treaty in agreements:
            assert records()[treaty][0] == "treaties"
            assert set(record(treaty)["parties"]) >= {record(facility)["host"]}


PAGES: list[tuple[str, tuple[str, ...]]] = [
    # (site path of a new record's page, strings its visible text must show)
    ("facilities/manas-transit-center/", ("Transit Center at Manas", "December 2001", "3 June 2014", "United States")),
    ("facilities/kant-air-base/", ("Kant Air Base", "23 October 2003", "Russia", "Sources disagree")),
    ("facilities/issyk-kul-torpedo-test-range/", ("Issyk-Kul", "24 August 1955", "Russia")),
    ("treaties/kg-us-manas-transit-center-agreement-2009/", ("22 June 2009", "Bishkek", "11 July 2014")),
    ("treaties/kg-cn-border-agreement-1996/", ("4 July 1996", "China", "Kyrgyzstan", "1998")),
    ("treaties/kg-cn-border-supplementary-1999/", ("Supplementary Agreement", "26 August 1999", "Bishkek")),
    ("treaties/collective-security-treaty-1992/", ("After signature", "April 1999", "Withdrawal", "Uzbekistan")),
    ("organizations/csto/", ("Armenia", "Uzbekistan", "23 June 2006", "19 December 2012 (suspended)")),
    ("organizations/eurasec/", ("Uzbekistan", "12 November 2008 (suspended)")),
    ("organizations/caco/", ("Sources disagree", "about 2006")),
    ("organizations/rats/", ("Regional Anti-Terrorist Structure", "Tashkent", "Bishkek", "7 June 2002")),
    ("organizations/eaeu/", ("Eurasian Economic Union", "Kyrgyzstan", "12 August 2015")),
    ("events/csto-kazakhstan-deployment-2022/", ("6 January 2022", "Kazakhstan", "Kyrgyzstan", "150")),
    ("events/kg-tj-clash-2022/", ("14 September 2022", "17 September 2022", "Tajikistan")),
    ("events/batken-region-creation-1999/", ("Batken", "12 October 1999")),
    ("treaties/kg-tj-border-treaty-2025/", ("13 March 2025", "Bishkek", "Tajikistan")),
    ("treaties/kg-us-assistance-cooperation-1993/", ("19 May 1993", "21 July 2015", "20 August 2015")),
    ("treaties/kg-nato-isaf-transit-2012/", ("22 May 2012", "Chicago", "NATO")),
]


@pytest.mark.parametrize(("page", "expect"), PAGES, ids=[p for p, _ in PAGES])
def test_new_record_page_shows_the_research(built_site: Path, page: str, expect: tuple[str, ...]) -> None:
    text = visible_text(built_site / page / "index.html")
    missing = [s for s in expect if s not in text]
    assert not missing, f"{page} does not show {missing}"
