"""Which values of a record carry a caveat, and which: derived from the record alone.

- `approximate`: a date written with the qualifier about, before or after;
- `unverified`, `disputed`, `corrected`: a field named in the `fields` of a note of kind
  unverified, disputed or correction.

A caveat is keyed by the value's path as `atlas check` writes it: a field (`place`), or a
date inside a list (`members[1].joined`, counting from 0). Every export carries these marks
(atlas.json, the CSV files); the JSON-LD leaves such values out.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from .model import Record
from .problems import format_path
from .schema import fields, values_at

Caveats = dict[str, tuple[str, ...]]

MEANINGS = {  # each mark, and what it says of a value (the Downloads page and the CSV columns show these)
    "approximate": "a date written with about, before or after",
    "unverified": "named by an editorial note as not confirmed by research: kept as the source states it",
    "disputed": "named by an editorial note as one on which sources disagree",
    "corrected": "named by an editorial note that corrects the source text",
}
MARKS = tuple(MEANINGS)
APPROXIMATE = ("about", "before", "after")  # early, mid and late place a date; they do not doubt it
_APPROXIMATE = tuple(f"{q} " for q in APPROXIMATE)
NOTE_MARKS = {"unverified": "unverified", "disputed": "disputed", "correction": "corrected"}
_PART = re.compile(r"([^.\[\]]+)|\[([0-9]+)\]")


def caveats(record: Record) -> Caveats:
    """Each value's marks, in the order of MARKS; the values in the order of the collection's fields."""
    found: dict[str, set[str]] = {}
    data = record.data
    for path in _date_paths(record.collection):
        values = [((path[0],), data[path[0]])] if len(path) == 1 and path[0] in data else values_at(data, path)
        for at, value in values:
            if isinstance(value, str) and value.startswith(_APPROXIMATE):  # validated: the qualifier, a space, a date
                found.setdefault(format_path(at), set()).add("approximate")
    for note in data.get("notes", ()):
        mark = NOTE_MARKS.get(note.get("kind"))
        if mark is not None:
            for name in note.get("fields", ()):
                found.setdefault(str(name), set()).add(mark)
    if not found:
        return {}
    order = _order(record.collection)

    def position(key: str) -> tuple[int, tuple[str, ...]]:
        path = path_of(key)
        return order.get(str(path[0]), len(order)), tuple(f"{p:09d}" if isinstance(p, int) else p for p in path)

    return {key: tuple(m for m in MARKS if m in found[key]) for key in sorted(found, key=position)}


@cache
def _date_paths(collection: str) -> tuple[tuple[str, ...], ...]:
    # Every export asks for every record: reading the schema each time cost more than the rest.
    return tuple(spec.path for spec in fields(collection) if spec.is_date)


@cache
def _order(collection: str) -> dict[str, int]:
    return {spec.path[0]: i for i, spec in enumerate(fields(collection)) if len(spec.path) == 1}


def path_of(key: str) -> tuple[str | int, ...]:
    """`members[1].joined` → ("members", 1, "joined"): the inverse of format_path."""
    return tuple(int(index) if index else name for name, index in _PART.findall(key)) or (key,)


def item_caveats(marks: Mapping[str, tuple[str, ...]], field: str, index: int, whole: str
                 ) -> Caveats:
    """The caveats of item `index` of the list `field`, keyed within the item; a caveat on the
    whole list is the item's, under the key `whole` (its identifying field)."""
    prefix = f"{field}[{index}]."
    out: Caveats = {}
    if field in marks:
        out[whole] = marks[field]
    for key, value in marks.items():
        if key.startswith(prefix):
            inner = key.removeprefix(prefix)
            out[inner] = tuple(m for m in MARKS if m in value or m in out.get(inner, ()))
    return out


def without_caveated(data: Mapping[str, Any], marks: Mapping[str, tuple[str, ...]]) -> Mapping[str, Any]:
    """`data` (a record's mapping) without any value that has a caveat: a copy, or `data`
    itself when nothing has one (most records), so never change the result."""
    if not marks:
        return data
    out = copy.deepcopy(dict(data))
    for key in marks:
        path = path_of(key)
        parent: Any = out
        for part in path[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                parent = None
                break
        if isinstance(parent, dict):
            parent.pop(path[-1], None)
    return out
