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
