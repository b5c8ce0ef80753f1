"""datapackage.json: the downloads as a Frictionless Data Package.

It describes each CSV file with a Table Schema — the columns' types, patterns and allowed
values, the primary key and the foreign keys between files — read from the same table
definitions (`tables.py`) that write the files, so it cannot drift from them. Each resource
carries its size and SHA-256 hash, so a copy can be checked against the published build;
atlas.json and its JSON Schema are resources too, for their size and hash (Frictionless does
not read JSON further: validate atlas.json against atlas.schema.json with a JSON Schema tool).
Validate with `frictionless validate datapackage.json`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from .cite import AUTHOR, DATA_LICENSE_ID, DATA_LICENSE_URL, latest
from .columns import Column, Context
from .tables import Table

PROFILE = "data-package"  # not tabular-data-package: atlas.json is a resource too
NAME = "kyrgyz-security-atlas"


def datapackage(tables: tuple[Table, ...], documents: list[tuple[str, str]], files: Mapping[str, bytes],
                ctx: Context, site_name: str, description: str = "") -> dict[str, Any]:
    """The descriptor. `files` are the files by name (treaties.csv, atlas.json …), already written;
    `documents` the JSON files among them, each with what it holds."""
    newest = latest(ctx.changes)
    package: dict[str, Any] = {
        "profile": PROFILE,
        "name": NAME,
        "title": site_name,
        "description": description,
        "homepage": ctx.site_url,
        "version": newest.iso() if newest else None,
        "last_changed": newest.iso() if newest else None,
        "licenses": [{"name": DATA_LICENSE_ID, "path": DATA_LICENSE_URL,
                      "title": "Creative Commons Attribution 4.0 International"}],
        "contributors": [{"title": AUTHOR, "role": "author"}],
        "sources": _sources(ctx),
        "resources": [_resource(t, files[t.file]) for t in tables]
        + [_document(name, about, files[name]) for name, about in documents],
    }
    return {key: value for key, value in package.items() if value not in (None, "", [])}


def _sources(ctx: Context) -> list[dict[str, str]]:
    """The Atlas's own sources: where each one can be read, or else its page in the Atlas."""
    return [{"title": str(s.data.get("title") or s.name), "path": str(s.data.get("url") or ctx.page_url(s))}
            for s in ctx.catalog.collection("sources")]


def _document(name: str, description: str, content: bytes) -> dict[str, Any]:
    return {
        "name": name.removesuffix(".json").replace(".", "-"),
        "path": name,
        "description": description,
        "profile": "data-resource",
        # Frictionless's own resource type: a file checked by size and hash. Without it, Frictionless
        # reads any *.schema.json as a Table Schema.
        "type": "file",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        **_integrity(content),
    }


def _integrity(content: bytes) -> dict[str, Any]:
    return {"bytes": len(content), "hash": f"sha256:{hashlib.sha256(content).hexdigest()}"}


def _resource(table: Table, content: bytes) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    foreign = [{"fields": c.name, "reference": {"resource": "" if c.references == table.name else c.references,
                                                 "fields": "id"}}
               for c in table.columns if c.references]
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "name": table.name,
        "path": table.file,
        "title": table.title,
        "description": table.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        **_integrity(content),
        "schema": schema,
    }


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.choices:
        constraints["enum"] = list(column.choices)
    if constraints:
        field["constraints"] = constraints
    return field
