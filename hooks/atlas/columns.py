"""The columns of the CSV downloads: one definition that writes the files, documents them on
the Downloads page and types them in the data package (datapackage.json).

Columns follow the collection's JSON Schema, so a new field gets a column, a line on the
Downloads page and a typed field in the data package without anyone touching this module.
Only top-level fields become columns: a list of plain values is joined with LIST_SEPARATOR,
an object gives a column per field (`coordinates_lat`), a list of objects is a JSON array,
and a few lists are reduced to their identifying part (their full content is in atlas.json,
memberships.csv or citations.csv).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog
from .caveats import MARKS, MEANINGS, Caveats, caveats
from .history import LastChange
from .model import SINGULAR, Record
from .schema import FieldSpec, common, fields

LIST_SEPARATOR = " | "


def _unanchored(pattern: str) -> str:
    """Table Schema patterns match the whole value (XML Schema regular expressions): no ^ or $."""
    return pattern.removeprefix("^").removesuffix("$")


ID_PATTERN = _unanchored(common()["$defs"]["id"]["pattern"])
DATE_PATTERN = _unanchored(common()["$defs"]["partialDate"]["pattern"])
_MARK = f"[^|]+:({'|'.join(MARKS)})"
CAVEATS_PATTERN = f"{_MARK}( \\| {_MARK})*"
DATE_FORMAT = ("as written in the data: YYYY, YYYY-MM or YYYY-MM-DD, possibly after early, mid, late, about, "
               "before or after.")


@dataclass(frozen=True)
class Context:
    """What a cell may need beyond its record."""

    catalog: Catalog
    site_url: str
    changes: Mapping[str, LastChange]
    _caveats: dict[str, Caveats] = field(default_factory=dict, compare=False, repr=False)

    def page_url(self, record: Record) -> str:
        return page_url(self.site_url, record)

    def change(self, record: Record) -> LastChange | None:
        return self.changes.get(record.file)

    def caveats(self, record: Record) -> Caveats:
        """caveats(record), worked out once per export: atlas.json and several CSV files ask."""
        found = self._caveats.get(record.id)
        if found is None:
            found = self._caveats[record.id] = caveats(record)
        return found


def page_url(site_url: str, record: Record) -> str:
    """The record page's address: absolute when the site's address is known."""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    return f"{site_url}{record.url}"


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Any, Context], str]
    type: str = "string"  # its Table Schema type: string, integer, number, boolean, date or array
    pattern: str | None = None  # the form every non-empty cell has (the whole cell matches)
    choices: tuple[str, ...] = ()
    required: bool = False  # never empty
    unique: bool = False
    references: str | None = None  # the table whose `id` the cell holds: a foreign key
    field: str | None = None  # the schema field the column shows


def joined(values: Any) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values or ())


def cell(value: object) -> str:
    """A single value as CSV text: nothing for None, true/false for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def caveat_cell(marks: Mapping[str, tuple[str, ...]]) -> str:
    """{"place": ("unverified",), "ended": ("approximate",)} → "place:unverified | ended:approximate"."""
    return joined(f"{key}:{mark}" for key, found in marks.items() for mark in found)


def caveats_column(marks: Callable[[Any, Context], Mapping[str, tuple[str, ...]]], where: str) -> Column:
    return Column(
        "caveats",
        f"The values of {where} that carry a caveat, as field:mark, joined with '{LIST_SEPARATOR}'. Marks: "
        + "; ".join(f"{mark}, {meaning}" for mark, meaning in MEANINGS.items()) + ". Empty: none.",
        lambda item, ctx: caveat_cell(marks(item, ctx)), pattern=CAVEATS_PATTERN,
    )


def columns(collection: str) -> list[Column]:
    """The columns of `<collection>.csv`, in order."""
    specs = fields(collection)
    out = [
        Column("id", "The record's id, unique across the Atlas; references in other files use it.",
               lambda r, ctx: r.id, pattern=ID_PATTERN, required=True, unique=True, field="id"),
        Column("page_url", "Address of the record's page in the Atlas.", lambda r, ctx: ctx.page_url(r),
               required=True, unique=True),
    ]
    for spec in specs:
        if len(spec.path) == 1 and spec.path[0] != "id":
            out += _top_level(spec, specs, SINGULAR[collection])
    out.append(caveats_column(lambda r, ctx: ctx.caveats(r), "this record"))
    out.append(Column(
        "last_changed", "Day the record's data file last changed (YYYY-MM-DD), from the project's history.",
        lambda r, ctx: change.iso() if (change := ctx.change(r)) else "", type="date",
    ))
    return unique_names(out)


def unique_names(cols: list[Column]) -> list[Column]:
    names = [c.name for c in cols]
    clash = sorted({n for n in names if names.count(n) > 1})
    if clash:
        raise ValueError(f"two columns would be named {', '.join(clash)}")
    return cols


def _records(record: Record) -> Mapping[str, Any]:
    return record.data


_SPECIAL_LISTS: dict[str, tuple[str, str, str, Callable[[list[Any]], str]]] = {
    # field: (column name, its type, what the column holds, how a list becomes a cell)
    "aliases": ("aliases", "string", f"Other names, joined with '{LIST_SEPARATOR}' (their languages and notes are "
                "in atlas.json).", lambda items: joined(a["name"] for a in items)),
    "members": ("members", "string", f"Ids of the member countries (countries.csv), past and present, joined with "
                f"'{LIST_SEPARATOR}'; dates and roles are in memberships.csv.",
                lambda items: joined(dict.fromkeys(m["member"] for m in items))),
    "relations": ("relations", "string", f"Typed links as type:target-id (e.g. founds:cis), joined with "
                  f"'{LIST_SEPARATOR}'.", lambda items: joined(f"{r['type']}:{r['target']}" for r in items)),
    "citations": ("sources", "string", f"Ids of the sources cited as evidence (sources.csv), joined with "
                  f"'{LIST_SEPARATOR}'; each citation, with its quote, is a row of citations.csv.",
                  lambda items: joined(dict.fromkeys(c["source"] for c in items))),
    "notes": ("note_count", "integer", "How many editorial notes the record has (corrections, unverified "
              "statements, disputes, context); their text is in atlas.json.", lambda items: str(len(items))),
}


def _top_level(spec: FieldSpec, specs: list[FieldSpec], owner: str) -> list[Column]:
    key = spec.path[0]
    if key in _SPECIAL_LISTS:
        name, kind, description, reduce = _SPECIAL_LISTS[key]
        return [Column(name, description, lambda r, ctx: reduce(r.data.get(key) or []), type=kind, field=key)]
    return value_columns(spec, specs, _records, owner)


def value_columns(spec: FieldSpec, specs: list[FieldSpec], data: Callable[[Any], Mapping[str, Any]],
                  owner: str) -> list[Column]:
    """The column(s) of one field of a mapping: `data(item)` gives the mapping of a row's item;
    `owner` names what a `url` field is the address of (source_url, citation_url)."""
    key = spec.path[-1]
    name = f"{owner}_url" if key == "url" else key
    description = spec.description.rstrip(".") + "." if spec.description else ""
    if spec.type == "object":
        return [_sub_column(sub, key, data) for sub in specs if sub.path[:-1] == spec.path]
    if spec.type.startswith("list of") and spec.type != "list of object":
        item = next((s for s in specs if s.path == (*spec.path, "*")), None)
        suffix = f" {_references(item)}" if item and item.references else ""
        return [Column(name, f"{description}{suffix} Joined with '{LIST_SEPARATOR}'.".strip(),
                       lambda r, ctx: joined(data(r).get(key)), field=key)]
    if spec.type.startswith("list of"):
        return [Column(name, f"{description} A JSON array.".strip(), type="array", field=key,
                       value=lambda r, ctx: json.dumps(v, ensure_ascii=False) if (v := data(r).get(key)) else "")]
    kind, pattern, references = {"whole number": "integer", "number": "number", "boolean": "boolean"}.get(
        spec.type, "string"), None, None
    if spec.is_date:
        description += f" Date {DATE_FORMAT}"
        pattern = DATE_PATTERN
    elif spec.choices:
        description += f" One of: {', '.join(spec.choices)}."
    elif spec.references:
        description += f" {_references(spec)}"
        references = spec.references[0] if len(spec.references) == 1 else None
    return [Column(name, description.strip(), lambda r, ctx: cell(data(r).get(key)), type=kind, pattern=pattern,
                   choices=spec.choices, required=spec.required, references=references, field=key)]


def _sub_column(sub: FieldSpec, key: str, data: Callable[[Any], Mapping[str, Any]]) -> Column:
    """One field of an object-valued field (coordinates → coordinates_lat, coordinates_lon)."""
    inner = sub.path[-1]
    kind = {"whole number": "integer", "number": "number", "boolean": "boolean"}.get(sub.type, "string")
    return Column(f"{key}_{inner}", sub.description, lambda r, ctx: cell((data(r).get(key) or {}).get(inner)),
                  type=kind, field=key)


def _references(spec: FieldSpec) -> str:
    files = " or ".join(f"{c}.csv" for c in spec.references)
    return f"Ids of records in {files}." if spec.path[-1] == "*" else f"The id of a record in {files}."
