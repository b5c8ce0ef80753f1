"""Caveats: which values are approximate, unverified, disputed or corrected, and how every export carries them.

Data: tests/fixtures/export (see test_export.py), whose notes name the fields they qualify.
JSON-LD's side (the values left out) is in test_export.py.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from atlas.catalog import Catalog
from atlas.caveats import MARKS, caveats, item_caveats, path_of, without_caveated
from atlas.columns import LIST_SEPARATOR, caveat_cell
from atlas.export import exports
from atlas.history import LastChange
from atlas.model import Record
from atlas.problems import format_path
from atlas.project import load_catalog

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "export"
SITE = "https://example.org/atlas/"
EXPECTED = {
    "test-friendship-1992": {"signed": ("corrected",), "place": ("unverified",)},
    "test-security-pact-1995": {"milestones[0].date": ("approximate",)},
    "example-alliance": {"headquarters": ("disputed",), "members[1].joined": ("approximate",)},
    "example-programme": {"founded": ("approximate",), "members[0].left": ("approximate",)},
    "test-base": {"coordinates": ("unverified",)},
    "hostile-summit": {"date": ("approximate",)},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE)


@pytest.fixture(scope="module")
def files(catalog: Catalog) -> dict[str, bytes]:
    return exports(catalog, SITE, {r.file: LastChange(date(2024, 1, 1), True) for r in catalog.records})


def record(collection: str, data: dict[str, Any]) -> Record:
    return Record(collection, "x", {"id": "x", **data}, f"data/{collection}/x.yaml")


def rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def test_caveats_of_the_fixture(catalog: Catalog) -> None:
    found = {r.id: caveats(r) for r in catalog.records if caveats(r)}
    assert found == EXPECTED
    # early 2000 places a date within the year without doubting it; a context note marks nothing
    assert caveats(catalog.get("test-summit-2000")) == {}


@pytest.mark.parametrize("written, marked", [
    ("about 2006", True), ("before 1999-04", True), ("after 2010-01-02", True),
    ("early 2006", False), ("mid 2006", False), ("late 2006", False), ("2006", False), (2006, False),
])
def test_a_date_is_approximate_after_about_before_or_after(written: object, marked: bool) -> None:
    marks = caveats(record("organizations", {"name": "X", "ended": written}))
    assert marks == ({"ended": ("approximate",)} if marked else {})


@pytest.mark.parametrize("kind, mark", [("unverified", "unverified"), ("disputed", "disputed"),
                                        ("correction", "corrected"), ("context", None)])
def test_a_note_marks_the_fields_it_names(kind: str, mark: str | None) -> None:
    data = {"name": "X", "place": "Y", "signed": "2003", "notes": [{"kind": kind, "text": "t", "fields": ["place"]}]}
    assert caveats(record("treaties", data)) == ({"place": (mark,)} if mark else {})


def test_marks_combine_in_a_fixed_order_and_values_follow_the_schema() -> None:
    data = {
        "name": "X", "signed": "about 2003", "place": "Y", "ended": "after 2010",
        "notes": [{"kind": "disputed", "text": "t", "fields": ["signed", "ended"]},
                  {"kind": "unverified", "text": "t", "fields": ["place", "signed"]},
                  {"kind": "unverified", "text": "t"}],  # no fields: it qualifies the record as a whole
    }
    marks = caveats(record("treaties", data))
    assert list(marks) == ["signed", "place", "ended"]  # the order of the treaty schema
    assert marks["signed"] == ("approximate", "unverified", "disputed")
    assert marks["ended"] == ("approximate", "disputed")
    assert caveat_cell(marks) == ("signed:approximate | signed:unverified | signed:disputed | place:unverified"
                                  " | ended:approximate | ended:disputed")


@pytest.mark.parametrize("path", [("place",), ("members", 1, "joined"), ("milestones", 12, "date")])
def test_paths_read_back(path: tuple[str | int, ...]) -> None:
    assert path_of(format_path(path)) == path


def test_item_caveats_are_keyed_within_the_item() -> None:
    marks = {"members": ("unverified",), "members[1].joined": ("approximate",), "members[10].left": ("disputed",)}
    assert item_caveats(marks, "members", 1, "member") == {"member": ("unverified",), "joined": ("approximate",)}
    assert item_caveats(marks, "members", 10, "member") == {"member": ("unverified",), "left": ("disputed",)}
    assert item_caveats({}, "members", 0, "member") == {}


def test_without_caveated_leaves_the_record_untouched() -> None:
    data = {"name": "X", "place": "Y", "members": [{"member": "a", "joined": "about 1994"}]}
    marks = {"place": ("unverified",), "members[0].joined": ("approximate",), "nowhere[3].x": ("disputed",)}
    assert without_caveated(data, marks) == {"name": "X", "members": [{"member": "a"}]}
    assert data == {"name": "X", "place": "Y", "members": [{"member": "a", "joined": "about 1994"}]}
    assert without_caveated(data, {}) is data


# --- in the exports -----------------------------------------------------------------------

def test_atlas_json_carries_each_records_caveats(catalog: Catalog, files: dict[str, bytes]) -> None:
    records = json.loads(files["downloads/atlas.json"])["records"]
    for entry in records:
        assert entry["caveats"] == {k: list(v) for k, v in EXPECTED.get(entry["id"], {}).items()}, entry["id"]
    assert {e["id"] for e in records if e["caveats"]} == set(EXPECTED)


@pytest.mark.parametrize("collection", ["treaties", "organizations", "facilities", "events", "countries"])
def test_each_collection_csv_has_a_caveats_column(collection: str, catalog: Catalog, files: dict[str, bytes]) -> None:
    for row in rows(files[f"downloads/{collection}.csv"]):
        expected = EXPECTED.get(row["id"], {})
        assert row["caveats"] == LIST_SEPARATOR.join(f"{k}:{m}" for k, v in expected.items() for m in v)
    treaty = {r["id"]: r for r in rows(files["downloads/treaties.csv"])}["test-friendship-1992"]
    assert treaty["caveats"] == "signed:corrected | place:unverified"


def test_memberships_csv_carries_each_periods_caveats(files: dict[str, bytes]) -> None:
    found = [(r["organization"], r["member"], r["caveats"]) for r in rows(files["downloads/memberships.csv"])]
    assert found == [("example-alliance", "exampleland", ""), ("example-alliance", "testland", "joined:approximate"),
                     ("example-programme", "testland", "left:approximate")]


def test_every_mark_is_documented_where_the_columns_are() -> None:
    from atlas.tables import tables

    for table in tables():
        for column in table.columns:
            if column.name == "caveats":
                assert all(mark in column.description for mark in MARKS)
