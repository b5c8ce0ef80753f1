"""The downloads, redirects, citations and JSON-LD as pure functions of a catalog (no build).

Data: tests/fixtures/export — the valid set plus a renamed treaty (`redirect_from`), a
summit whose every text tries to break out of HTML, JSON, BibTeX and CSV, and values with
caveats (approximate dates, notes that name the fields they qualify). The data package and
atlas.json's schema: test_open_data.py; the caveats themselves: test_caveats.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from atlas import COLLECTIONS
from atlas.catalog import Catalog
from atlas.cite import bibtex_entry, bibtex_text, record_bibtex
from atlas.columns import LIST_SEPARATOR, columns
from atlas.export import JSON_FILE, RecordTexts, exports
from atlas.history import LastChange
from atlas.jsonld import record_jsonld
from atlas.model import PartialDate
from atlas.project import load_catalog
from atlas.publish import page_jsonld, page_updated
from atlas.redirects import redirect_pages
from atlas.schema import SCHEMA_DIR, fields, values_at
from atlas.tables import table, tables

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "export"
SITE = "https://example.org/atlas/"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE)


def known_changes(catalog: Catalog) -> dict[str, LastChange]:
    """A distinct, known date per record; the last one not committed."""
    out = {r.file: LastChange(date(2024, 1, 1 + i), True) for i, r in enumerate(catalog.records)}
    out[catalog.records[-1].file] = LastChange(date(2025, 2, 3), False)
    return out


@pytest.fixture(scope="module")
def changes(catalog: Catalog) -> dict[str, LastChange]:
    return known_changes(catalog)


@pytest.fixture(scope="module")
def files(catalog: Catalog, changes: dict[str, LastChange]) -> dict[str, bytes]:
    return exports(catalog, SITE, changes)


def read_csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def test_the_fixture_holds_what_these_tests_rely_on(catalog: Catalog) -> None:
    assert catalog.get("test-security-pact-1995").data["redirect_from"] == ["old-security-pact", "test-pact-1995"]
    assert "</script>" in catalog.get("hostile-summit").name


# --- atlas.json ---------------------------------------------------------------------------

def test_json_holds_every_record_once_with_its_page_and_date(catalog: Catalog, files: dict[str, bytes],
                                                           changes: dict[str, LastChange]) -> None:
    document = json.loads(files["downloads/atlas.json"])
    records = document["records"]
    assert [(r["collection"], r["id"]) for r in records] == [(r.collection, r.id) for r in catalog.records]
    assert document["collections"] == {c: len(catalog.collection(c)) for c in COLLECTIONS}
    assert document["license"]["id"] == "CC-BY-4.0"
    assert document["last_changed"] == "2025-02-03"
    for entry in records:
        record = catalog.get(entry["id"])
        assert entry["url"] == f"{SITE}{record.collection}/{record.id}/"
        assert entry["last_changed"] == changes[record.file].iso()
        assert set(entry["data"]) == set(record.data)
        assert list(entry) == ["id", "collection", "url", "last_changed", "caveats", "data"]
    assert document["$schema"] == f"{SITE}downloads/atlas.schema.json"
    assert document["collections"]["facilities"] == 1


def test_json_resolves_every_reference_and_keeps_every_other_value(catalog: Catalog, files: dict[str, bytes]) -> None:
    by_id = {r["id"]: r["data"] for r in json.loads(files["downloads/atlas.json"])["records"]}
    resolved = 0
    for record in catalog.records:
        exported = by_id[record.id]
        reference_paths = set()
        for spec in fields(record.collection):
            if not spec.references:
                continue
            for path, target_id in values_at(record.data, spec.path):
                reference_paths.add(path)
                target = catalog.get(target_id)
                assert _at(exported, path) == {
                    "id": target.id, "collection": target.collection, "name": target.name,
                    "url": f"{SITE}{target.collection}/{target.id}/",
                }, (record.id, path)
                assert target.collection in spec.references
                resolved += 1
        for path, value in _leaves(record.data):
            if not any(path[: len(p)] == p for p in reference_paths):
                assert _at(exported, path) == value, (record.id, path)
    assert resolved >= 20  # parties, members, citations' sources, relations …


def test_exports_are_deterministic(catalog: Catalog, changes: dict[str, LastChange],
                                   files: dict[str, bytes]) -> None:
    assert exports(catalog, SITE, changes) == files


def test_remembered_record_texts_give_the_same_bytes(catalog: Catalog, changes: dict[str, LastChange],
                                                     files: dict[str, bytes]) -> None:
    """The live preview keeps each record's text in atlas.json (RecordTexts) from one build to
    the next: after an edit, a rename of a record others refer to and a commit, the files are
    those written without it."""
    memo = RecordTexts()
    assert exports(catalog, SITE, changes, memo=memo) == files
    assert exports(catalog, SITE, changes, memo=memo) == files  # every text remembered
    assert len(memo.texts) == len(catalog.records)

    treaty = catalog.collection("treaties")[0]
    edited = Catalog([replace(r, data={**r.data, "summary": "Edited."}) if r is treaty else r
                      for r in catalog.records])
    assert exports(edited, SITE, changes, memo=memo) == exports(edited, SITE, changes)
    assert b"Edited." in exports(edited, SITE, changes, memo=memo)[JSON_FILE]

    party = catalog.get(treaty.data["parties"][0])
    renamed = Catalog([replace(r, data={**r.data, "name": "Renamed Land"}) if r is party else r
                       for r in edited.records])
    assert exports(renamed, SITE, changes, memo=memo) == exports(renamed, SITE, changes)
    assert b'"name": "Renamed Land"' in exports(renamed, SITE, changes, memo=memo)[JSON_FILE]

    committed = {**changes, treaty.file: LastChange(date(2026, 1, 2), True)}
    assert exports(renamed, SITE, committed, memo=memo) == exports(renamed, SITE, committed)


# Writes the exports of the fixture to a folder, in a process of its own.
EXPORT_IN_A_PROCESS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from atlas.export import exports
from atlas.project import load_catalog
from test_export import FIXTURE, SITE, known_changes
catalog = load_catalog(FIXTURE)
out = Path(sys.argv[2])
for path, content in exports(catalog, SITE, known_changes(catalog)).items():
    (out / path).parent.mkdir(parents=True, exist_ok=True)
    (out / path).write_bytes(content)
"""


def test_exports_are_the_same_bytes_in_every_process(files: dict[str, bytes], tmp_path: Path) -> None:
    """Set and dict orders that follow string hashes change from one process to the next: two
    processes with different PYTHONHASHSEED (and this one) write the same bytes."""
    written = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}"
        done = subprocess.run([sys.executable, "-c", EXPORT_IN_A_PROCESS, str(Path(__file__).parent), str(out)],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        written.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert len(written[0]) > 10 and written[0] == written[1] == files


def test_schemas_are_published_byte_for_byte(files: dict[str, bytes]) -> None:
    published = {p.removeprefix("downloads/schemas/"): b for p, b in files.items() if "/schemas/" in p}
    assert published == {p.name: p.read_bytes() for p in SCHEMA_DIR.glob("*.json")}
    assert {f"{c}.schema.json" for c in COLLECTIONS} | {"common.schema.json"} == set(published)


# --- CSV ----------------------------------------------------------------------------------

@pytest.mark.parametrize("collection", COLLECTIONS)
def test_csv_has_the_documented_columns_and_a_row_per_record(collection: str, catalog: Catalog,
                                                             files: dict[str, bytes]) -> None:
    content = files[f"downloads/{collection}.csv"]
    header = next(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    assert header == [c.name for c in columns(collection)]
    rows = read_csv(content)
    assert [r["id"] for r in rows] == [r.id for r in catalog.collection(collection)]
    assert all(c.description for c in columns(collection))


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_top_level_field_has_a_column(collection: str) -> None:
    shown = {c.field for c in columns(collection)}
    for spec in fields(collection):
        if len(spec.path) == 1:
            assert spec.path[0] in shown


@pytest.mark.parametrize("name", [t.name for t in tables()])
def test_every_csv_names_its_columns_once(name: str, files: dict[str, bytes]) -> None:
    header = next(csv.reader(io.StringIO(files[f"downloads/{name}.csv"].decode("utf-8"), newline="")))
    assert header == [c.name for c in table(name).columns]
    assert len(set(header)) == len(header), header
    assert "url" not in header  # page_url, source_url, citation_url: each says whose address it is
    assert all(c.description for c in table(name).columns)


@pytest.mark.parametrize("collection", ["events", "facilities"])
def test_an_object_field_gives_a_column_per_value(collection: str, catalog: Catalog, files: dict[str, bytes]) -> None:
    rows = {r["id"]: r for r in read_csv(files[f"downloads/{collection}.csv"])}
    for record in catalog.collection(collection):
        point = record.data.get("coordinates")
        row = rows[record.id]
        assert (row["coordinates_lat"], row["coordinates_lon"]) == (
            (str(point["lat"]), str(point["lon"])) if point else ("", ""))
    assert any(r["coordinates_lat"] for r in rows.values()) or collection == "events"


def test_csv_cells_hold_the_data(catalog: Catalog, files: dict[str, bytes], changes: dict[str, LastChange]) -> None:
    treaty = {r["id"]: r for r in read_csv(files["downloads/treaties.csv"])}["test-security-pact-1995"]
    assert treaty["page_url"] == f"{SITE}treaties/test-security-pact-1995/"
    assert treaty["signed"] == "1995-03"
    assert treaty["parties"].split(LIST_SEPARATOR) == ["testland", "example-alliance"]
    assert treaty["organization"] == "example-alliance"
    assert treaty["redirect_from"] == "old-security-pact | test-pact-1995"
    assert treaty["sources"] == "test-source"
    assert treaty["place"] == "" and treaty["ended"] == ""
    assert treaty["last_changed"] == changes["data/treaties/test-security-pact-1995.yaml"].iso()
    assert json.loads(treaty["milestones"]) == catalog.get("test-security-pact-1995").data["milestones"]
    org = read_csv(files["downloads/organizations.csv"])[0]
    assert org["members"] == "exampleland | testland"
    assert org["abbreviations"] == "EXA | ЭКА"
    assert org["headquarters"] == "Testville"
    friendship = {r["id"]: r for r in read_csv(files["downloads/treaties.csv"])}["test-friendship-1992"]
    assert friendship["relations"] == "founds:example-alliance"
    assert friendship["note_count"] == "2"
    source = read_csv(files["downloads/sources.csv"])[0]
    assert source["page_url"] == f"{SITE}sources/test-source/"
    assert source["source_url"] == "https://example.org/source"


def test_csv_keeps_hostile_text_exact(catalog: Catalog, files: dict[str, bytes]) -> None:
    record = catalog.get("hostile-summit")
    row = {r["id"]: r for r in read_csv(files["downloads/events.csv"])}["hostile-summit"]
    assert row["name"] == record.data["name"]
    assert row["summary"] == record.data["summary"]  # a line break, quotes and commas inside one cell
    assert row["date"] == "about 2001-05"


def test_memberships_csv(files: dict[str, bytes]) -> None:
    rows = read_csv(files["downloads/memberships.csv"])
    assert list(rows[0]) == [c.name for c in table("memberships").columns]
    assert [(r["organization"], r["number"], r["member"], r["joined"], r["left"], r["left_how"], r["role"])
            for r in rows] == [
        ("example-alliance", "1", "exampleland", "1992-05-15", "", "", "founding"),
        ("example-alliance", "2", "testland", "about 1994", "2012-06", "withdrew", "member"),
        ("example-programme", "1", "testland", "1999", "after 2010", "", "partner"),
    ]


@pytest.mark.parametrize("name", ["memberships", "citations"])
def test_the_columns_of_a_list_follow_its_item_schema(name: str) -> None:
    """A field added to the schema of a member or a citation gets its column without code."""
    field, collection = {"memberships": ("members", "organizations"), "citations": ("citations", "treaties")}[name]
    item_fields = [s.path[2] for s in fields(collection) if len(s.path) == 3 and s.path[:2] == (field, "*")]
    shown = [c.field for c in table(name).columns if c.field]
    assert shown == item_fields
    assert "left_how" in shown or name == "citations"


def test_a_reference_column_names_the_file_it_points_into() -> None:
    def described(name: str, column: str) -> str:
        return next(c.description for c in table(name).columns if c.name == column)

    assert described("citations", "source").endswith("The id of a record in sources.csv.")
    assert described("memberships", "member").endswith("The id of a record in countries.csv.")
    assert described("treaties", "parties").endswith(
        "Ids of records in countries.csv or organizations.csv. Joined with ' | '.")


def test_citations_csv_has_a_row_per_citation_of_records_and_notes(catalog: Catalog, files: dict[str, bytes]) -> None:
    rows = read_csv(files["downloads/citations.csv"])
    expected = []
    for record in catalog.records:
        own = [(c, "") for c in record.data.get("citations", [])]
        noted = [(c, str(n)) for n, note in enumerate(record.data.get("notes", []), 1)
                 for c in note.get("citations", [])]
        expected += [(record.id, record.collection, str(i), in_note, c["source"], c["quote"])
                     for i, (c, in_note) in enumerate(own + noted, 1)]
    assert [(r["record"], r["collection"], r["number"], r["in_note"], r["source"], r["quote"])
            for r in rows] == expected
    friendship = [r for r in rows if r["record"] == "test-friendship-1992"]
    assert [(r["number"], r["in_note"], r["supports"]) for r in friendship] == [
        ("1", "", "signed | parties"), ("2", "2", "place")]


# --- redirects ----------------------------------------------------------------------------

def test_each_former_id_redirects_to_the_record(catalog: Catalog) -> None:
    pages = redirect_pages(catalog, SITE)
    assert set(pages) == {"treaties/old-security-pact/index.html", "treaties/test-pact-1995/index.html"}
    for path, content in pages.items():
        soup = BeautifulSoup(content, "html.parser")
        here = urljoin(SITE, path)
        target = f"{SITE}treaties/test-security-pact-1995/"
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert urljoin(here, refresh.split("url=", 1)[1]) == target
        assert soup.find("link", rel="canonical")["href"] == target
        assert urljoin(here, soup.find("a")["href"]) == target
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert "location.replace(" in soup.find("script").string


# --- citation -----------------------------------------------------------------------------

def balanced(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", text):
        token = match.group()
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth < 0:
            return False
    return depth == 0


@given(st.text())
def test_bibtex_values_cannot_unbalance_an_entry(text: str) -> None:
    entry = bibtex_entry("misc", "k", [("title", text), ("author", text), ("url", f"https://x.org/{text}")])
    assert balanced(entry)
    body = entry.split("\n")
    assert len(body) == 5  # no value adds a line
    assert "%" not in bibtex_text(text).replace(r"\%", "")


def test_record_bibtex(catalog: Catalog) -> None:
    record = catalog.get("hostile-summit")
    entry = record_bibtex(record, f"{SITE}events/hostile-summit/", LastChange(date(2024, 5, 6), True), "Atlas")
    assert entry.startswith("@misc{atlas:hostile-summit,\n")
    assert f"title        = {{{bibtex_text(record.name)}}}," in entry
    assert r"\{braces\} \textbackslash{}end 100\%" in entry
    assert "date         = {2024-05-06}," in entry and "year         = {2024}," in entry
    assert f"url          = {{{SITE}events/hostile-summit/}}," in entry
    assert balanced(entry)


# --- JSON-LD ------------------------------------------------------------------------------

TYPES = {"treaties": {"Legislation"}, "organizations": {"GovernmentOrganization", "Organization"},
         "countries": {"Country"}, "events": {"Event"}, "documents": {"CreativeWork"},
         "sources": {"CreativeWork"}, "directions": {"DefinedTerm"}, "facilities": {"Place"}}


def test_jsonld_of_every_record(catalog: Catalog, changes: dict[str, LastChange]) -> None:
    assert {r.collection for r in catalog.records} >= set(TYPES)
    for record in catalog.records:
        node = record_jsonld(record, catalog, SITE, changes[record.file])
        url = f"{SITE}{record.collection}/{record.id}/"
        assert node["@context"] == "https://schema.org"
        assert node["@type"] in TYPES[record.collection]
        assert node["@id"] == node["url"] == url
        assert node["mainEntityOfPage"]["dateModified"] == changes[record.file].iso()
        assert node["mainEntityOfPage"]["url"] == url
        assert json.loads(json.dumps(node)) == node


def test_jsonld_properties_by_type(catalog: Catalog) -> None:
    treaty = record_jsonld(catalog.get("test-security-pact-1995"), catalog, SITE)
    assert treaty["legislationDate"] == "1995-03"
    assert treaty["legislationDateOfApplicability"] == "1996"
    assert treaty["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert [p["@id"] for p in treaty["legislationPassedBy"]] == [
        f"{SITE}countries/testland/", f"{SITE}organizations/example-alliance/"]
    assert [p["@type"] for p in treaty["legislationPassedBy"]] == ["Country", "GovernmentOrganization"]
    org = record_jsonld(catalog.get("example-alliance"), catalog, SITE)
    assert org["foundingDate"] == "1992-05-15"
    assert [m["@id"] for m in org["member"]] == [f"{SITE}countries/exampleland/"]  # testland left in 2012
    assert org["alternateName"] == ["EXA", "ЭКА"]
    event = record_jsonld(catalog.get("test-summit-2000"), catalog, SITE)
    assert event["startDate"] == PartialDate.parse("early 2000").iso() == "2000"
    assert record_jsonld(catalog.get("hostile-summit"), catalog, SITE)["name"] == catalog.get("hostile-summit").name
    facility = record_jsonld(catalog.get("test-base"), catalog, SITE)
    assert facility["containedInPlace"]["@id"] == f"{SITE}countries/testland/"
    country = record_jsonld(catalog.get("testland"), catalog, SITE)
    assert country["identifier"]["value"] == "XT"
    assert country["alternateName"] == ["Republic of Testland", "Тестландия"]
    source = record_jsonld(catalog.get("test-source"), catalog, SITE)
    assert source["name"] == "A test source text" and source["sameAs"] == "https://example.org/source"


def test_jsonld_leaves_out_every_value_with_a_caveat(catalog: Catalog) -> None:
    """Approximate dates and the fields notes mark unverified, disputed or corrected are not stated as fact."""
    friendship = record_jsonld(catalog.get("test-friendship-1992"), catalog, SITE)
    assert "legislationDate" not in friendship  # signed: corrected
    assert "locationCreated" not in friendship  # place: unverified
    assert len(friendship["legislationPassedBy"]) == 2 and friendship["name"] == "Treaty of Friendship"
    event = record_jsonld(catalog.get("hostile-summit"), catalog, SITE)
    assert "startDate" not in event  # about 2001-05
    assert event["location"]["name"] == catalog.get("hostile-summit").data["place"]
    alliance = record_jsonld(catalog.get("example-alliance"), catalog, SITE)
    assert "location" not in alliance  # headquarters: disputed
    assert alliance["foundingDate"] == "1992-05-15"
    programme = record_jsonld(catalog.get("example-programme"), catalog, SITE)
    assert "foundingDate" not in programme  # before 1999
    assert "member" not in programme  # testland left "after 2010": uncertain when, but it left
    assert programme["parentOrganization"]["@id"] == f"{SITE}organizations/example-alliance/"
    facility = record_jsonld(catalog.get("test-base"), catalog, SITE)
    assert "geo" not in facility  # coordinates: unverified
    assert facility["address"]["addressLocality"] == "Testville"


def test_page_meta_dates_record_pages_and_other_pages(catalog: Catalog, changes: dict[str, LastChange]) -> None:
    jsonld = page_jsonld(catalog, "treaties/test-friendship-1992.md", SITE, changes, "Atlas")
    assert jsonld is not None and jsonld["@type"] == "Legislation"
    assert page_updated(catalog, "treaties/test-friendship-1992.md", changes) == changes[
        "data/treaties/test-friendship-1992.yaml"].iso()
    assert page_jsonld(catalog, "treaties/index.md", SITE, changes, "Atlas") is None
    assert page_updated(catalog, "treaties/index.md", changes) == "2025-02-03"


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def _leaves(data: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any]]:
    if isinstance(data, dict):
        return [leaf for k, v in data.items() for leaf in _leaves(v, (*prefix, k))]
    if isinstance(data, list):
        return [leaf for i, v in enumerate(data) for leaf in _leaves(v, (*prefix, i))]
    return [(prefix, data)]
