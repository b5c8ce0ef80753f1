"""The fast schema check (atlas/quickcheck.py) never calls an invalid record valid.

It stands in front of jsonschema: a "yes" skips jsonschema, so a wrong "yes" would let
invalid data through. A "no" only costs time (jsonschema then decides), but valid records
must get a "yes", or the check would be pointless.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas import COLLECTIONS
from atlas.load import load_data
from atlas.model import Record
from atlas.quickcheck import quick_check
from atlas.schema import validator

ROOT = Path(__file__).resolve().parent.parent
VALID = load_data(ROOT / "tests" / "fixtures" / "valid" / "data").records

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12),
    st.sampled_from(["", "1996", "1996.0", "early 2006", "2003-13-01", "0999", "https://example.org/", "http:// x",
                     "testland", "Bad Id", "KG", "kg", "ru", "treaty", "founding", "other", "member"]),
    st.sampled_from([1996, 999, 3000, 1996.0, True, False]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["name", "lang", "note", "source", "quote", "url", "member", "joined",
                                         "role", "type", "target", "kind", "text", "bogus"]), inner, max_size=3),
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a record's data where a value can be replaced or added."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
        found += [(*prefix, "bogus")]
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


def _replaced(data: dict[str, Any], path: tuple[Any, ...], new: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    target: Any = out
    for step in path[:-1]:
        target = target[step]
    if new is _DELETE:
        target.pop(path[-1])
    else:
        target[path[-1]] = new
    return out


_DELETE = object()


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_schema_compiles(collection: str) -> None:
    assert quick_check(collection) is not None


@pytest.mark.parametrize("records", [VALID, load_data(ROOT / "data").records], ids=["fixture", "repository"])
def test_valid_records_pass_quickly(records: list[Record]) -> None:
    assert {r.collection for r in records} >= {"treaties", "organizations", "countries", "sources"}
    for record in records:
        check = quick_check(record.collection)
        assert check is not None and check(record.data), record.file


@pytest.mark.parametrize(("path", "value"), [
    (("signed",), True), (("signed",), 999), (("signed",), "1996 "), (("name",), ""),
    (("bogus",), "x"), (("kind",), "pact"), (("parties",), []), (("parties",), "testland"),
    (("citations", 0, "url"), "ftp://example.org/"), (("citations", 0, "bogus"), "x"),
])
def test_invalid_values_are_left_to_jsonschema(path: tuple[Any, ...], value: Any) -> None:
    treaty = next(r for r in VALID if r.collection == "treaties")
    data = _replaced(treaty.data, path, value)
    check = quick_check("treaties")
    assert check is not None and not check(data)
    assert not validator("treaties").is_valid(data)


def test_subtle_values_are_left_to_jsonschema() -> None:
    """JSON Schema counts 1996.0 as an integer; the quick check does not judge floats at all."""
    treaty = next(r for r in VALID if r.collection == "treaties")
    data = _replaced(treaty.data, ("signed",), 1996.0)
    check = quick_check("treaties")
    assert check is not None and not check(data)
    assert validator("treaties").is_valid(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_quick_yes_is_a_jsonschema_yes(data: st.DataObject) -> None:
    record = data.draw(st.sampled_from(VALID))
    path = data.draw(st.sampled_from(_paths(record.data)))
    new = data.draw(st.one_of(values, st.just(_DELETE))) if path[-1] != "bogus" else data.draw(values)
    changed = _replaced(record.data, path, new)
    check = quick_check(record.collection)
    assert check is not None
    if check(changed):
        assert validator(record.collection).is_valid(changed), (path, new)
