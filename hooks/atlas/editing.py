"""What the "Editing the Atlas" page says about each collection and field.

Everything comes from the JSON Schemas through `schema.fields()`, so the page cannot
fall behind the data definition. Examples come from the schema, or else from the
first record in the data that fills the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from . import COLLECTIONS
from .catalog import Catalog
from .model import QUALIFIERS
from .schema import FieldSpec, common, fields, schema, values_at
from .text import Foreign, Untranslated

EDITING = "editing.md"
EXAMPLE_CHARS = 70


@dataclass(frozen=True)
class FieldRow:
    name: str  # dotted: citations[].source
    type: str
    required: str  # "required", "required in each item" or "optional"
    meaning: str
    allowed: str
    example: str
    example_from: str  # the data file the example was taken from, or ""


@dataclass(frozen=True)
class CollectionDoc:
    collection: str
    title: str
    description: str
    rows: list[FieldRow]


def editing_context(catalog: Catalog | None) -> dict[str, Any]:
    """The template context of the editing page; `catalog` only supplies examples."""
    date = common()["$defs"]["partialDate"]
    return {
        "collections": [collection_doc(c, catalog) for c in COLLECTIONS],
        "date_examples": date["examples"],
        "qualifiers": QUALIFIERS,
        "id_pattern": common()["$defs"]["id"]["pattern"],
    }


def collection_doc(collection: str, catalog: Catalog | None) -> CollectionDoc:
    raw = schema(collection)
    return CollectionDoc(collection, raw.get("title", collection), raw.get("description", ""),
                         [_row(spec, collection, catalog) for spec in fields(collection)])


def _row(spec: FieldSpec, collection: str, catalog: Catalog | None) -> FieldRow:
    example, source = _example(spec, collection, catalog)
    return FieldRow(
        name=spec.dotted,
        type=type_label(spec, item_references(spec, fields(collection))),
        required=required_label(spec),
        meaning=spec.description,
        allowed=allowed_label(spec),
        example=example,
        example_from=source,
    )


def type_label(spec: FieldSpec, references: tuple[str, ...] = ()) -> str:
    """`references`: for a list of ids, the collections its items may point to."""
    references = spec.references or references
    if references:
        target = " or ".join(references)
        return f"list of ids of {target}" if spec.type.startswith("list") else f"id of a record in {target}"
    return "choice" if spec.choices else spec.type


def item_references(spec: FieldSpec, specs: list[FieldSpec]) -> tuple[str, ...]:
    """The collections the items of a list of ids may point to (the schema says so on the items)."""
    item = next((s for s in specs if s.path == (*spec.path, "*")), None)
    return item.references if item else ()


def required_label(spec: FieldSpec) -> str:
    if not spec.required:
        return "optional"
    return "required in each item" if "*" in spec.path else "required"


def allowed_label(spec: FieldSpec) -> str:
    if spec.choices:
        return ", ".join(spec.choices)
    if spec.is_date:
        return "YYYY, YYYY-MM or YYYY-MM-DD, optionally after " + ", ".join(QUALIFIERS)
    if spec.references:
        return "an existing id in " + ", ".join(f"data/{c}/" for c in spec.references)
    if spec.type == "list of object":
        return "a list of mappings with the fields below"
    return ""


def _example(spec: FieldSpec, collection: str, catalog: Catalog | None) -> tuple[str, str]:
    if spec.type == "list of object":
        return "", ""  # its item fields, listed next, carry the examples
    if spec.example is not None:
        return inline_yaml(spec.example), ""
    if catalog is None:
        return "", ""
    for record in catalog.collection(collection):
        for _, value in values_at(record.data, spec.path):
            return inline_yaml(value), record.file
    return "", ""


# A text the Russian edition shows untranslated, or marks with its language, is still a text.
for _kind in (Foreign, Untranslated):
    yaml.SafeDumper.add_representer(_kind, yaml.representer.SafeRepresenter.represent_str)


def inline_yaml(value: object) -> str:
    """A value as it would be written on one YAML line, shortened when long."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    text = text.removesuffix("\n...").strip()
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1].rstrip() + "…"
