"""The columns of the CSV downloads: one definition that both writes the files and documents them.

Columns follow the collection's JSON Schema, so a new field gets a column (and a line on
the Downloads page) without anyone touching this module. Only top-level fields become
columns; lists are joined with LIST_SEPARATOR, and a few lists of objects are reduced to
their identifying part (their full content is in atlas.json).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .history import LastChange
from .model import Record
from .schema import FieldSpec, fields

LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Context:
    """What a cell may need beyond its record."""

    catalog: Catalog
    site_url: str
    changes: Mapping[str, LastChange]

    def page_url(self, record: Record) -> str:
        return page_url(self.site_url, record)

    def change(self, record: Record) -> LastChange | None:
        return self.changes.get(record.file)


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


def joined(values: Any) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values or ())


def columns(collection: str) -> list[Column]:
    """The columns of `<collection>.csv`, in order."""
    specs = fields(collection)
    out = [
        Column("id", "The record's id, unique across the Atlas; references in other files use it.",
               lambda r, ctx: r.id),
        Column("url", "Address of the record's page in the Atlas.", lambda r, ctx: ctx.page_url(r)),
    ]
    out += [_column(spec, specs) for spec in specs if len(spec.path) == 1 and spec.path[0] != "id"]
    out.append(Column(
        "last_changed",
        "Day the record's data file last changed (YYYY-MM-DD), from the project's history.",
        lambda r, ctx: change.iso() if (change := ctx.change(r)) else "",
    ))
    return out


def membership_columns() -> list[Column]:
    """The columns of memberships.csv: one row per membership of a country in an organization."""
    def cell(attribute: str) -> Callable[[Any, Context], str]:
        return lambda m, ctx: "" if getattr(m, attribute) is None else str(getattr(m, attribute))

    return [
        Column("organization", "The organization's id (organizations.csv).", cell("organization")),
        Column("member", "The member country's id (countries.csv).", cell("member")),
        Column("joined", f"When it joined; {_DATE_FORMAT}", cell("joined_raw")),
        Column("left", f"When it left, if it did; {_DATE_FORMAT}", cell("left_raw")),
        Column("role", f"One of: {', '.join(_member_roles())}; empty means member.", cell("role")),
        Column("note", "A remark on the membership.", cell("note")),
    ]


def _member_roles() -> tuple[str, ...]:
    return next(s.choices for s in fields("organizations") if s.path == ("members", "*", "role"))


@dataclass(frozen=True)
class MembershipRow:
    """A membership with its dates as the editor wrote them."""

    organization: str
    member: str
    joined_raw: str | None
    left_raw: str | None
    role: str | None
    note: str | None


def membership_rows(catalog: Catalog) -> list[MembershipRow]:
    rows: list[MembershipRow] = []
    for org in catalog.collection("organizations"):
        for item in org.data.get("members", []):
            rows.append(MembershipRow(
                organization=org.id, member=item["member"],
                joined_raw=_str_or_none(item.get("joined")), left_raw=_str_or_none(item.get("left")),
                role=item.get("role"), note=item.get("note"),
            ))
    return rows


_DATE_FORMAT = ("as written in the data: YYYY, YYYY-MM or YYYY-MM-DD, possibly after early, mid, late, about, "
                "before or after.")
_SPECIAL_LISTS: dict[str, tuple[str, str, Callable[[list[Any]], str]]] = {
    # field: (column name, what the column holds, how a list becomes a cell)
    "aliases": ("aliases", f"Other names, joined with '{LIST_SEPARATOR}' (their languages and notes are in "
                "atlas.json).", lambda items: joined(a["name"] for a in items)),
    "members": ("members", f"Ids of the member countries (countries.csv), past and present, joined with "
                f"'{LIST_SEPARATOR}'; dates and roles are in memberships.csv.",
                lambda items: joined(m["member"] for m in items)),
    "relations": ("relations", f"Typed links as type:target-id (e.g. founds:cis), joined with '{LIST_SEPARATOR}'.",
                  lambda items: joined(f"{r['type']}:{r['target']}" for r in items)),
    "citations": ("sources", f"Ids of the sources cited as evidence (sources.csv), joined with '{LIST_SEPARATOR}'; "
                  "the quoted passages are in atlas.json.",
                  lambda items: joined(dict.fromkeys(c["source"] for c in items))),
    "notes": ("notes", "How many editorial notes the record has (corrections, unverified statements, context); "
              "their text is in atlas.json.", lambda items: str(len(items))),
}


def _column(spec: FieldSpec, specs: list[FieldSpec]) -> Column:
    key = spec.path[0]
    if key in _SPECIAL_LISTS:
        name, description, reduce = _SPECIAL_LISTS[key]
        return Column(name, description, lambda r, ctx: reduce(r.data.get(key) or []))
    description = spec.description.rstrip(".") + "." if spec.description else ""
    if spec.type.startswith("list of") and spec.type not in ("list of object",):
        item = next((s for s in specs if s.path == (*spec.path, "*")), None)
        suffix = f" {_references(item)}" if item and item.references else ""
        return Column(key, f"{description}{suffix} Joined with '{LIST_SEPARATOR}'.".strip(),
                      lambda r, ctx: joined(r.data.get(key)))
    if spec.type.startswith("list of"):
        return Column(key, f"{description} A JSON array.".strip(),
                      lambda r, ctx: json.dumps(r.data[key], ensure_ascii=False) if key in r.data else "")
    if spec.is_date:
        description += f" Date {_DATE_FORMAT}"
    elif spec.choices:
        description += f" One of: {', '.join(spec.choices)}."
    elif spec.references:
        description += f" {_references(spec)}"
    return Column(key, description.strip(), lambda r, ctx: _str_or_none(r.data.get(key)) or "")


def _references(spec: FieldSpec) -> str:
    files = " or ".join(f"{c}.csv" for c in spec.references)
    return f"Ids of records in {files}." if "*" in spec.path else f"The id of a record in {files}."


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def rows(collection: str, ctx: Context) -> list[list[str]]:
    cols = columns(collection)
    return [[c.value(r, ctx) for c in cols] for r in ctx.catalog.collection(collection)]
