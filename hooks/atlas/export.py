"""The Atlas as downloadable data: atlas.json, one CSV per collection, memberships.csv, the schemas.

`exports()` is pure — a catalog in, `{site path: bytes}` out — so tests call it directly
and the build only adds its result to the site. Output is deterministic (records sorted
by collection and id, keys in the editor's order), so an unchanged dataset gives
byte-identical files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from . import COLLECTIONS
from .catalog import Catalog
from .cite import DATA_LICENSE, DATA_LICENSE_ID, DATA_LICENSE_URL, latest
from .columns import Column, Context, columns, membership_columns, membership_rows
from .history import LastChange
from .jsontext import dumps_indented
from .model import Record
from .schema import SCHEMA_DIR, fields, values_at

DOWNLOADS = "downloads"
JSON_FILE = f"{DOWNLOADS}/atlas.json"
MEMBERSHIPS_FILE = f"{DOWNLOADS}/memberships.csv"
FORMAT_VERSION = 1


def csv_file(collection: str) -> str:
    return f"{DOWNLOADS}/{collection}.csv"


def schema_files() -> dict[str, bytes]:
    """The JSON Schemas, byte for byte; they refer to each other by file name, so they stay side by side."""
    return {f"{DOWNLOADS}/schemas/{p.name}": p.read_bytes() for p in sorted(SCHEMA_DIR.glob("*.json"))}


def exports(catalog: Catalog, site_url: str = "", changes: Mapping[str, LastChange] | None = None,
            site_name: str = "Kyrgyz Security Atlas") -> dict[str, bytes]:
    """Every download file, keyed by its path in the site."""
    ctx = Context(catalog, site_url, changes or {})
    out = {JSON_FILE: atlas_json(ctx, site_name)}
    for collection in COLLECTIONS:
        out[csv_file(collection)] = csv_bytes(columns(collection), catalog.collection(collection), ctx)
    out[MEMBERSHIPS_FILE] = csv_bytes(membership_columns(), membership_rows(catalog), ctx)
    out.update(schema_files())
    return out


def csv_bytes(cols: list[Column], items: list[Any], ctx: Context) -> bytes:
    """RFC 4180 CSV in UTF-8: a header row, then one row per item; fields quoted only when needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in cols])
    for item in items:
        writer.writerow([c.value(item, ctx) for c in cols])
    return buffer.getvalue().encode("utf-8")


def atlas_json(ctx: Context, site_name: str) -> bytes:
    newest = latest(ctx.changes)
    document = {
        "name": site_name,
        "format_version": FORMAT_VERSION,
        "url": ctx.site_url,
        "license": {"id": DATA_LICENSE_ID, "name": DATA_LICENSE, "url": DATA_LICENSE_URL},
        "last_changed": newest.iso() if newest else None,
        "collections": {c: len(ctx.catalog.collection(c)) for c in COLLECTIONS},
        "records": [record_json(r, ctx) for r in ctx.catalog.records],
    }
    return (dumps_indented(document) + "\n").encode("utf-8")


def record_json(record: Record, ctx: Context) -> dict[str, Any]:
    change = ctx.change(record)
    return {
        "id": record.id,
        "collection": record.collection,
        "url": ctx.page_url(record),
        "last_changed": change.iso() if change else None,
        "data": resolved(record, ctx),
    }


def reference(target: Record, ctx: Context) -> dict[str, str]:
    return {"id": target.id, "collection": target.collection, "name": target.name, "url": ctx.page_url(target)}


def resolved(record: Record, ctx: Context) -> dict[str, Any]:
    """The record's data as written, each reference (an id) replaced by `reference()` of its target."""
    data = _copied(record.data)
    for spec in fields(record.collection):
        if not spec.references:
            continue
        for path, value in list(values_at(record.data, spec.path)):
            _set(data, path, reference(ctx.catalog.get(value), ctx))
    return data


def _copied(value: Any) -> Any:
    """A copy of YAML data (dicts, lists, scalars): copy.deepcopy, without its memo and dispatch,
    which made it a third of building the download files."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value
