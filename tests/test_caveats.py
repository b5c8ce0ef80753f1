"""Caveats: which values are approximate, unverified, disputed or corrected."""

from __future__ import annotations

from typing import Any

import pytest

from atlas.caveats import caveats, item_caveats, path_of, without_caveated
from atlas.model import Record
from atlas.problems import format_path


def record(collection: str, data: dict[str, Any]) -> Record:
    return Record(collection, "x", {"id": "x", **data}, f"data/{collection}/x.yaml")


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
