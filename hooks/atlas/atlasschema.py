"""The JSON Schema of atlas.json, derived from the record schemas so that it follows them.

In atlas.json every reference to another record (an id in the YAML, a field with
`x-references`) is resolved into an object {id, collection, name, url}. This schema is the
record schemas with each such id replaced by that object, the collection of the target
restricted to the ones the field may point to; around them, the document's own fields and
each record's caveats. It is one self-contained file: no reference leaves it.
"""

from __future__ import annotations

from typing import Any

from . import COLLECTIONS
from .caveats import MARKS
from .schema import COMMON, common, schema

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_OWN = ("reference", "caveats", "record", "date")  # definitions of this file, beside the record schemas'


def atlas_schema(schema_id: str, format_version: int) -> dict[str, Any]:
    defs: dict[str, Any] = {name: _resolved(node) for name, node in common()["$defs"].items()}
    for collection in COLLECTIONS:
        defs[collection] = _resolved({k: v for k, v in schema(collection).items() if k != "$schema"})
    clash = set(defs) & set(_OWN) or (set(common()["$defs"]) & set(COLLECTIONS))
    if clash:
        raise ValueError(f"definitions named twice: {sorted(clash)}")
    defs.update(_own_definitions())
    return {
        "$schema": DRAFT,
        "$id": schema_id,
        "title": "atlas.json",
        "description": "Every record of the Atlas, each reference to another record resolved into an object.",
        "type": "object",
        "additionalProperties": False,
        "required": ["$schema", "name", "format_version", "url", "license", "last_changed", "collections", "records"],
        "properties": {
            "$schema": {"type": "string", "description": "The address of this schema."},
            "name": {"type": "string"},
            "format_version": {"const": format_version,
                               "description": "Raised when the layout of atlas.json changes."},
            "url": {"type": "string", "description": "The Atlas's address."},
            "license": {
                "type": "object", "additionalProperties": False, "required": ["id", "name", "url"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "url": {"type": "string"}},
            },
            "last_changed": {"$ref": "#/$defs/date", "description": "The newest change of any record."},
            "collections": {
                "type": "object", "additionalProperties": False, "required": list(COLLECTIONS),
                "properties": {c: {"type": "integer", "minimum": 0} for c in COLLECTIONS},
                "description": "How many records each collection holds.",
            },
            "records": {"type": "array", "items": {"$ref": "#/$defs/record"}},
        },
        "$defs": defs,
    }


def _own_definitions() -> dict[str, Any]:
    return {
        "date": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                 "description": "A day, YYYY-MM-DD; null when the history gives none."},
        "reference": {
            "type": "object",
            "description": "A reference to another record, resolved.",
            "additionalProperties": False,
            "required": ["id", "collection", "name", "url"],
            "properties": {
                "id": {"$ref": "#/$defs/id"},
                "collection": {"enum": list(COLLECTIONS)},
                "name": {"type": "string"},
                "url": {"type": "string", "description": "Address of the record's page."},
            },
        },
        "caveats": {
            "type": "object",
            "description": "The record's values that carry a caveat, keyed by their path (place, "
                           "members[1].joined): approximate, unverified, disputed or corrected.",
            "additionalProperties": {"type": "array", "minItems": 1, "uniqueItems": True,
                                     "items": {"enum": list(MARKS)}},
        },
        "record": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "collection", "url", "last_changed", "caveats", "data"],
            "properties": {
                "id": {"$ref": "#/$defs/id"},
                "collection": {"enum": list(COLLECTIONS)},
                "url": {"type": "string", "description": "Address of the record's page."},
                "last_changed": {"$ref": "#/$defs/date"},
                "caveats": {"$ref": "#/$defs/caveats"},
                "data": {"type": "object"},
            },
            "allOf": [
                {"if": {"properties": {"collection": {"const": c}}},
                 "then": {"properties": {"data": {"$ref": f"#/$defs/{c}"}}}}
                for c in COLLECTIONS
            ],
        },
    }


def _resolved(node: Any) -> Any:
    """A record schema with references to records as objects, and `$ref`s to this file."""
    if isinstance(node, list):
        return [_resolved(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "x-references" in node:
        targets = list(node["x-references"])
        out = {"$ref": "#/$defs/reference", "properties": {"collection": {"enum": targets}}}
        if "description" in node:
            out["description"] = node["description"]
        return out
    out = {key: _resolved(value) for key, value in node.items()}
    ref = out.get("$ref")
    if isinstance(ref, str):
        if ref.startswith(f"{COMMON}#/$defs/"):
            out["$ref"] = ref.removeprefix(COMMON)
        elif not ref.startswith("#/$defs/"):
            raise ValueError(f"unexpected $ref {ref!r}")
    return out
