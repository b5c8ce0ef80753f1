"""The tables of the CSV downloads: one per collection, plus memberships.csv and citations.csv,
whose rows are the items of a list inside the records. Each table has its columns, its rows
and its keys; the CSV writer, the Downloads page and the data package all read them here.

The columns of memberships and citations come from the schema of a member and of a citation,
like a collection's columns from its schema.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import COLLECTIONS
from .catalog import Catalog
from .caveats import item_caveats
from .columns import Column, Context, caveats_column, columns, unique_names, value_columns
from .model import Record
from .schema import fields


@dataclass(frozen=True)
class Table:
    name: str  # the file's name without .csv, and the data package's resource name
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[Catalog], list[Any]]
    primary_key: tuple[str, ...]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def cells(self, ctx: Context) -> list[list[str]]:
        return [[c.value(row, ctx) for c in self.columns] for row in self.rows(ctx.catalog)]


@dataclass(frozen=True)
class ItemRow:
    """An item of a list inside a record: a member of an organization, a citation."""

    record: Record
    index: int  # its position in the list, from 0
    item: Mapping[str, Any]
    number: int = 0  # citations: its number within the record, from 1
    note: int | None = None  # citations: the record's note it belongs to, from 1


@cache
def tables() -> tuple[Table, ...]:
    """Every table, in the order of the Downloads page; names and files are unique."""
    out = [Table(c, c.capitalize(), f"One row per record of {c}.", columns(c), _collection(c), ("id",))
           for c in COLLECTIONS]
    out += [memberships(), citations()]
    if len({t.name for t in out}) != len(out):
        raise ValueError("two tables share a name")
    return tuple(out)


def table(name: str) -> Table:
    return next(t for t in tables() if t.name == name)


def _collection(collection: str) -> Callable[[Catalog], list[Any]]:
    return lambda catalog: list(catalog.collection(collection))


def _item(row: ItemRow) -> Mapping[str, Any]:
    return row.item


def _item_columns(collection: str, field: str, owner: str, skip: tuple[str, ...] = ()) -> list[Column]:
    specs = fields(collection)
    out: list[Column] = []
    for spec in specs:
        if len(spec.path) == 3 and spec.path[:2] == (field, "*") and spec.path[2] not in skip:
            out += value_columns(spec, specs, _item, owner)
    return out


def memberships() -> Table:
    first = Column("organization", "The organization's id (organizations.csv).", lambda row, ctx: row.record.id,
                   required=True, references="organizations")
    number = Column("number", "The entry's position in the organization's list of members, from 1: a state "
                    "that left and came back has one row per period.", lambda row, ctx: str(row.index + 1),
                    type="integer", required=True)
    marks = caveats_column(lambda row, ctx: item_caveats(ctx.caveats(row.record), "members", row.index, "member"),
                           "this membership")
    cols = [first, number, *_item_columns("organizations", "members", "membership"), marks]
    return Table("memberships", "Memberships",
                 "One row per period of membership of a country in an organization, with its dates.",
                 unique_names(cols), _membership_rows, ("organization", "number"))


def _membership_rows(catalog: Catalog) -> list[Any]:
    return [ItemRow(org, i, item) for org in catalog.collection("organizations")
            for i, item in enumerate(org.data.get("members", []))]


def citations() -> Table:
    collection = next(c for c in COLLECTIONS if any(s.path == ("citations",) for s in fields(c)))
    cols = [
        Column("record", "The id of the record the citation is evidence for.", lambda row, ctx: row.record.id,
               required=True),
        Column("collection", "The collection, and so the file, of that record.",
               lambda row, ctx: row.record.collection, choices=COLLECTIONS, required=True),
        Column("number", "The citation's number within the record, from 1: the record's own citations first, "
               "numbered as on its page, then those of its notes.", lambda row, ctx: str(row.number),
               type="integer", required=True),
        Column("in_note", "For the evidence of an editorial note: the note's position among the record's notes, "
               "from 1. Empty for the record's own citations.",
               lambda row, ctx: "" if row.note is None else str(row.note), type="integer"),
        *_item_columns(collection, "citations", "citation"),
    ]
    return Table("citations", "Citations", "One row per citation: the evidence for each record, and for its notes.",
                 unique_names(cols), _citation_rows, ("record", "number"))


def _citation_rows(catalog: Catalog) -> list[Any]:
    rows: list[Any] = []
    for record in catalog.records:
        number = 0
        for i, item in enumerate(record.data.get("citations", [])):
            number += 1
            rows.append(ItemRow(record, i, item, number))
        for n, note in enumerate(record.data.get("notes", []), 1):
            for i, item in enumerate(note.get("citations", [])):
                number += 1
                rows.append(ItemRow(record, i, item, number, n))
    return rows
