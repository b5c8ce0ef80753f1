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
from atlas.project import load_catalog
from atlas.render import Renderer
from atlas.text import _md_text, fold, md_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The Jinja macro that rendered a timeline entry before Renderer.timeline_entry did.
TIMELINE_ENTRY_MACRO = """{% macro links(ids) -%}
{% for i in ids %}{{ link(i) }}{{ ", " if not loop.last }}{% endfor %}
{%- endmacro %}
{% macro entry(e) -%}
<div class="atlas-tl-entry" data-kind="{{ e.kind|attr }}" data-countries="{{ e.parties|join(' ')|attr }}" \
data-orgs="{{ e.organizations|join(' ')|attr }}" data-date="{{ e.date.iso()|attr }}" \
data-provenance="{{ e.provenance|attr }}" markdown>
<span class="atlas-tl-date">{{ e.date|date }}</span> <span class="atlas-tl-kind atlas-kind-{{ e.kind }}">\
{{ e.kind }}</span> **{{ link(e.record, e.title) }}** <span class="atlas-tl-what">{{ e.what }}</span>\
{% if e.parties %}<br><span class="atlas-tl-parties">{{ links(e.parties) }}</span>{% endif %}<br>
<span class="atlas-tl-summary">{{ e.summary }}</span>
</div>
{%- endmacro %}{{ entry(e) }}"""


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


@pytest.mark.parametrize("data", ["valid", "timeline", "hostile"])
@pytest.mark.parametrize("here", ["timeline.md", "countries/x.md"])
def test_timeline_entries_match_the_macro(data: str, here: str, tmp_path: Path) -> None:
    (tmp_path / "data").symlink_to(FIXTURES / data / "data")
    catalog = load_catalog(tmp_path)
    renderer = Renderer(catalog)
    macro = renderer.env.from_string(TIMELINE_ENTRY_MACRO)
    entries = catalog.timeline()
    assert entries
    for e in entries:
        expected = macro.render(e=e, link=lambda target, label=None: renderer.link(target, here, label))
        assert renderer.timeline_entry(e, here) == expected


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=2),
    max_leaves=20,
)


@settings(max_examples=1000)
@given(json_values)
def test_indented_json_is_unchanged(value: object) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
