"""The JSON Schemas: loading them, and reading what they declare about fields.

The schemas under `schemas/` are the one definition of the data: the build, the
`atlas check` command, editors (through yaml-language-server) and the editing
page all read these files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).parent / "schemas"
COMMON = "common.schema.json"


@cache
def schema(collection: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{collection}.schema.json").read_text(encoding="utf-8"))


@cache
def common() -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / COMMON).read_text(encoding="utf-8"))


@cache
def validator(collection: str) -> Draft202012Validator:
    registry: Registry = Registry().with_resource(COMMON, Resource.from_contents(common()))
    return Draft202012Validator(_inlined(schema(collection)), registry=registry)


_ANNOTATIONS = {"description", "examples", "title", "$comment"}


def _inlined(node: Any) -> Any:
    """The schema with every `$ref` to a common definition replaced by that definition.

    Looking references up is a third of validating a record (scripts/benchmark.py); the
    result validates the same: a `$ref` beside other assertions becomes an `allOf`."""
    if isinstance(node, list):
        return [_inlined(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _inlined(value) for key, value in node.items() if key != "$ref"}
    ref = node.get("$ref")
    if isinstance(ref, str) and "#/$defs/" in ref and ref.split("#", 1)[0] in ("", COMMON):
        target = _inlined(common()["$defs"][ref.split("#/$defs/")[-1]])
        clash = (set(target) & set(out)) - _ANNOTATIONS
        return {**out, "allOf": [target]} if clash or "allOf" in out else {**target, **out}
    return node if ref is not None else out


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Merge a `$ref` into common definitions with the keywords beside it."""
    while "$ref" in node:
        target = node["$ref"].split("#/$defs/")[-1]
        rest = {k: v for k, v in node.items() if k != "$ref"}
        node = {**common()["$defs"][target], **rest}
    return node


@dataclass(frozen=True)
class FieldSpec:
    """One field of a collection, flattened for documentation and checks."""

    path: tuple[str, ...]  # "*" stands for any list item
    type: str
    required: bool
    description: str
    example: Any
    references: tuple[str, ...]
    is_date: bool
    choices: tuple[str, ...]

    @property
    def dotted(self) -> str:
        return ".".join(self.path).replace(".*", "[]")


def fields(collection: str) -> list[FieldSpec]:
    """Every field of a collection, nested fields of lists of objects included."""
    return list(_fields(collection))


@cache
def _fields(collection: str) -> tuple[FieldSpec, ...]:
    # Validation and the catalog ask once per record: walking the schema each time cost
    # more than the rest of the data check together (scripts/benchmark.py).
    out: list[FieldSpec] = []
    _walk(schema(collection), (), out)
    return tuple(out)


def _walk(node: dict[str, Any], path: tuple[str, ...], out: list[FieldSpec]) -> None:
    required = set(node.get("required", ()))
    for name, raw in node.get("properties", {}).items():
        spec = resolve(raw)
        field_path = (*path, name)
        out.append(_spec(field_path, spec, raw, name in required))
        if spec.get("type") == "array":
            item = resolve(spec.get("items", {}))
            if "properties" in item:
                _walk(item, (*field_path, "*"), out)
            elif "x-references" in item or _is_date(item):
                out.append(_spec((*field_path, "*"), item, spec.get("items", {}), False))
        elif "properties" in spec:
            _walk(spec, field_path, out)


def _is_date(spec: dict[str, Any]) -> bool:
    return "[0-9]{4}" in spec.get("pattern", "") and "integer" in spec.get("type", [])


def _spec(path: tuple[str, ...], spec: dict[str, Any], raw: dict[str, Any], required: bool) -> FieldSpec:
    examples = spec.get("examples") or []
    return FieldSpec(
        path=path,
        type=_type_name(spec, raw),
        required=required,
        description=spec.get("description", ""),
        example=examples[0] if examples else None,
        references=tuple(spec.get("x-references", ())),
        is_date=_is_date(spec),
        choices=tuple(spec.get("enum", ())),
    )


def _type_name(spec: dict[str, Any], raw: dict[str, Any]) -> str:
    ref = raw.get("$ref", "").split("/")[-1]
    if _is_date(spec):
        return "date"
    if "enum" in spec:
        return "one of"
    if spec.get("x-references"):
        return "reference"
    if ref in ("text", "url", "id"):
        return ref
    kind = spec.get("type", "object")
    if kind == "array":
        item = resolve(spec.get("items", {}))
        inner = "reference" if item.get("x-references") else item.get("type", "text")
        inner = "text" if inner == "string" else inner
        return f"list of {inner}"
    return {"string": "text", "integer": "whole number"}.get(kind, kind)


def values_at(data: Any, path: tuple[str, ...], prefix: tuple[str | int, ...] = ()
              ) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value at a field path; "*" walks each list item."""
    if not path:
        yield prefix, data
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from values_at(item, rest, (*prefix, i))
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, (*prefix, head))
