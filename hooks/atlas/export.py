"""The Atlas as downloadable data: atlas.json and its schema, a CSV file per table, the data
package that describes them, and the record schemas.

`exports()` is pure — a catalog in, `{site path: bytes}` out — so tests call it directly
and the build only adds its result to the site. Output is deterministic (records sorted
by collection and id, keys in the editor's order), so an unchanged dataset gives
byte-identical files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import COLLECTIONS
from .atlasschema import atlas_schema
from .catalog import Catalog
from .cite import DATA_LICENSE, DATA_LICENSE_ID, DATA_LICENSE_URL, latest
from .columns import Context
from .datapackage import datapackage
from .history import LastChange
from .jsontext import dumps_at, dumps_indented
from .model import Record
from .schema import SCHEMA_DIR, fields, values_at
from .tables import Table, tables

DOWNLOADS = "downloads"
JSON_FILE = f"{DOWNLOADS}/atlas.json"
JSON_SCHEMA_FILE = f"{DOWNLOADS}/atlas.schema.json"
PACKAGE_FILE = f"{DOWNLOADS}/datapackage.json"
MEMBERSHIPS_FILE = f"{DOWNLOADS}/memberships.csv"
CITATIONS_FILE = f"{DOWNLOADS}/citations.csv"
FORMAT_VERSION = 2
RECORD_DEPTH = 2  # atlas.json's records: items of the list under the document's "records"
_EMPTY_RECORDS = '"records": []\n}'
PACKAGE_DESCRIPTION = ("The foreign-policy side of Kyrgyzstan's military security: treaties, organizations, "
                       "partners, directions of cooperation, facilities, events and documents, with the evidence "
                       "for each record.")


def csv_file(name: str) -> str:
    return f"{DOWNLOADS}/{name}.csv"


def schema_files() -> dict[str, bytes]:
    """The JSON Schemas, byte for byte; they refer to each other by file name, so they stay side by side."""
    return {f"{DOWNLOADS}/schemas/{p.name}": p.read_bytes() for p in sorted(SCHEMA_DIR.glob("*.json"))}


def local_name(path: str) -> str:
    """A download's path relative to the Downloads folder (and page)."""
    return path.removeprefix(f"{DOWNLOADS}/")


def json_schema_url(site_url: str) -> str:
    """atlas.json's `$schema`: the schema's address when the site's is known, else its name beside it."""
    return f"{site_url.rstrip('/')}/{JSON_SCHEMA_FILE}" if site_url else local_name(JSON_SCHEMA_FILE)


@dataclass
class RecordTexts:
    """Each record's text in atlas.json, kept from one export to the next (the live preview's):
    a record whose object, file date and site address are the same has the same text, as long as
    no record's name changed (a record's text holds the names of those it refers to)."""

    key: object = None  # the site's address and every record's id, collection and name
    texts: dict[int, tuple[Record, LastChange | None, str]] = field(default_factory=dict)

    def start(self, ctx: Context) -> None:
        key = (ctx.site_url, tuple((r.id, r.collection, r.name) for r in ctx.catalog.records))
        if key != self.key:
            self.key, self.texts = key, {}

    def text(self, record: Record, ctx: Context) -> str | None:
        change = ctx.change(record)
        kept = self.texts.get(id(record))
        if kept is not None and kept[0] is record and kept[1] == change:
            return kept[2]
        text = dumps_at(record_json(record, ctx), RECORD_DEPTH)
        if text is not None:
            self.texts[id(record)] = (record, change, text)
        return text


def exports(catalog: Catalog, site_url: str = "", changes: Mapping[str, LastChange] | None = None,
            site_name: str = "Kyrgyz Security Atlas", memo: RecordTexts | None = None) -> dict[str, bytes]:
    """Every download file, keyed by its path in the site; `memo` keeps each record's text
    in atlas.json for the next export."""
    ctx = Context(catalog, site_url, changes or {})
    schema_url = json_schema_url(site_url)
    out = {JSON_FILE: atlas_json(ctx, site_name, schema_url, memo),
           JSON_SCHEMA_FILE: _json_bytes(atlas_schema(schema_url, FORMAT_VERSION))}
    out.update({csv_file(t.name): csv_bytes(t, ctx) for t in tables()})
    local = {local_name(path): content for path, content in out.items()}
    documents = [(local_name(JSON_FILE), "Every record with all its fields, references resolved; its JSON Schema "
                  "is atlas.schema.json."),
                 (local_name(JSON_SCHEMA_FILE), "The JSON Schema of atlas.json.")]
    out[PACKAGE_FILE] = _json_bytes(datapackage(tables(), documents, local, ctx, site_name, PACKAGE_DESCRIPTION))
    out.update(schema_files())
    return out


def csv_bytes(table: Table, ctx: Context) -> bytes:
    """RFC 4180 CSV in UTF-8: a header row, then one row per item; fields quoted only when needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows(table.cells(ctx))
    return buffer.getvalue().encode("utf-8")


def _json_bytes(document: Any) -> bytes:
    return (dumps_indented(document) + "\n").encode("utf-8")


def atlas_json(ctx: Context, site_name: str, schema_url: str = "atlas.schema.json",
               memo: RecordTexts | None = None) -> bytes:
    newest = latest(ctx.changes)
    document: dict[str, Any] = {
        "$schema": schema_url,
        "name": site_name,
        "format_version": FORMAT_VERSION,
        "url": ctx.site_url,
        "license": {"id": DATA_LICENSE_ID, "name": DATA_LICENSE, "url": DATA_LICENSE_URL},
        "last_changed": newest.iso() if newest else None,
        "collections": {c: len(ctx.catalog.collection(c)) for c in COLLECTIONS},
        "records": [],
    }
    if memo is None or not ctx.catalog.records:
        document["records"] = [record_json(r, ctx) for r in ctx.catalog.records]
        return _json_bytes(document)
    memo.start(ctx)
    texts = [memo.text(r, ctx) for r in ctx.catalog.records]
    if any(t is None for t in texts):
        document["records"] = [record_json(r, ctx) for r in ctx.catalog.records]
        return _json_bytes(document)
    # The document without its records ends with the empty list, written as dumps_indented
    # writes a list at the records' depth (RECORD_DEPTH) would be: the texts go in its place.
    head = dumps_indented(document)
    assert head.endswith(_EMPTY_RECORDS), head[-40:]
    inner = "\n" + "  " * RECORD_DEPTH
    outer = "\n" + "  " * (RECORD_DEPTH - 1)
    records = "[" + inner + ("," + inner).join(t for t in texts if t is not None) + outer + "]"
    return (head[:-len(_EMPTY_RECORDS)] + '"records": ' + records + "\n}\n").encode("utf-8")


def record_json(record: Record, ctx: Context) -> dict[str, Any]:
    change = ctx.change(record)
    return {
        "id": record.id,
        "collection": record.collection,
        "url": ctx.page_url(record),
        "last_changed": change.iso() if change else None,
        "caveats": {key: list(marks) for key, marks in ctx.caveats(record).items()},
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
