"""Code made faster for large data sets (scripts/benchmark.py) gives what the plain version gave.

Each test holds the straightforward version the fast one replaced and compares the two.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from atlas.jsontext import dumps_indented
from atlas.model import PartialDate
from atlas.text import _md_text, fold, md_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"

def _plain_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@settings(max_examples=2000)
@given(st.text())
def test_fold_is_unchanged(text: str) -> None:
    assert fold(text) == _plain_fold(text)


@pytest.mark.parametrize("text", ["Ёлка", "Café · ОДКБ", "Straße", "ǅ", "e\u0301\u0327", "  a \n b "])
def test_fold_examples(text: str) -> None:
    assert fold(text) == _plain_fold(text)


@given(st.text() | st.integers() | st.floats(allow_nan=False))
def test_md_text_is_the_same_when_remembered(value: object) -> None:
    plain = _md_text.__wrapped__(str(value))  # the escaping itself, without lru_cache
    first, again = md_text(value), md_text(value)  # the second call is answered from the cache
    assert first == plain and again == plain
    assert type(first) is Markup and type(again) is Markup


def test_dates_parse_alike_twice() -> None:
    first = PartialDate.parse("early 2006")
    assert PartialDate.parse(" early 2006 ") is first
    assert first == PartialDate(2006, None, None, "early")


class Marked(str):
    """A str subclass, like text.Foreign: json writes it as its text."""


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.text().map(Marked),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5) | st.text(max_size=5).map(Marked), inner, max_size=4)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=2),
    max_leaves=20,
)


@settings(max_examples=1000)
@given(json_values)
def test_indented_json_is_unchanged(value: object) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
