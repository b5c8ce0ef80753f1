"""`atlas new`: a new record with every field explained, and a TODO wherever a value is needed.

The text is generated from `schema.fields()`, so it lists exactly the fields the schema
has. Required fields hold the placeholder TODO (or 'TODO: what to write'); `atlas check`
and the build report each one left in place, so an unfinished record cannot be published.
References name a few existing ids as examples. Optional fields are commented out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from . import COLLECTIONS
from .editing import allowed_label, item_references, required_label, type_label
from .load import load_data
from .model import PLACEHOLDER, SINGULAR, Record
from .schema import FieldSpec, common, fields, schema
from .validate import CITED_LISTS

SCHEMA_LINE = "# yaml-language-server: $schema=../../hooks/atlas/schemas/{collection}.schema.json"
PREFERRED = {"countries": "kyrgyzstan"}  # the Atlas is about Kyrgyzstan: the natural first party


class ScaffoldError(Exception):
    """Why a record cannot be created; the message is meant for the editor."""

    usage = False  # True when the command line itself is wrong


class BadArgument(ScaffoldError):
    usage = True


@dataclass(frozen=True)
class Scaffold:
    path: Path
    text: str
    notes: list[str]  # what to write in place of the placeholders


def new_record(root: Path, collection: str, record_id: str, today: date | None = None) -> Scaffold:
    """The file to write for a new record; raises ScaffoldError when it cannot be created."""
    if collection not in COLLECTIONS:
        raise BadArgument(f"'{collection}' is not a collection; use one of: {', '.join(COLLECTIONS)}")
    pattern = common()["$defs"]["id"]["pattern"]
    if not re.fullmatch(pattern, record_id):
        raise BadArgument(f"'{record_id}' is not a valid id: use lower-case letters and digits in words "
                            "joined by single hyphens, e.g. 'kg-ru-friendship-1992'")
    data_dir = root / "data"
    for taken in sorted(data_dir.glob(f"*/{record_id}.y*ml")):
        raise ScaffoldError(f"the id '{record_id}' is taken: {taken.relative_to(root).as_posix()} exists "
                            "(ids are unique across all collections)")
    records = load_data(data_dir, root).records if data_dir.is_dir() else []
    writer = _Writer(collection, record_id, records, today or date.today())
    return Scaffold(data_dir / collection / f"{record_id}.yaml", writer.text(), writer.notes)


def write_record(scaffold: Scaffold) -> None:
    scaffold.path.parent.mkdir(parents=True, exist_ok=True)
    with scaffold.path.open("x", encoding="utf-8") as out:  # "x": never overwrite
        out.write(scaffold.text)


class _Writer:
    def __init__(self, collection: str, record_id: str, records: list[Record], today: date) -> None:
        self.collection, self.id, self.records, self.today = collection, record_id, records, today
        self.specs = fields(collection)
        self.notes: list[str] = []

    def text(self) -> str:
        raw = schema(self.collection)
        lines = [
            SCHEMA_LINE.format(collection=self.collection),
            f"# {raw.get('title', self.collection)}: {raw.get('description', '')}",
            f"# Written by `atlas new {self.collection} {self.id}`. Replace each TODO: `atlas check` and the",
            "# build list every one left in place. Optional fields are commented out: remove the '# '",
            "# in front of a block to use it. Then run `atlas check`.",
        ]
        for spec in self.specs:
            if len(spec.path) == 1:
                lines.append("")
                lines += self._field(spec)
        return "\n".join(lines) + "\n"

    def _field(self, spec: FieldSpec) -> list[str]:
        lines = [_describe(spec, self._references(spec))]
        lines += ["#   " + _describe(sub, self._references(sub)).removeprefix("# ") for sub in self._children(spec)]
        if spec.required:
            noted = len(self.notes)
            value = self._value(spec)
            lines += [f"# ↳ {note}" for note in self.notes[noted:]]
            lines += _dump({spec.path[0]: value}, comment=False)
        else:
            lines += _dump({spec.path[0]: self._example(spec)}, comment=True)
        return lines

    def _children(self, spec: FieldSpec) -> list[FieldSpec]:
        return [s for s in self.specs if len(s.path) > len(spec.path) and s.path[: len(spec.path)] == spec.path
                and s.path[len(spec.path):] != ("*",)]

    def _value(self, spec: FieldSpec) -> Any:
        """The placeholder of a required field: TODO, which `atlas check` reports until replaced."""
        name = spec.dotted
        if spec.path == ("id",):
            return self.id
        if spec.type == "list of object":
            depth = len(spec.path) + 2
            item = {c.path[-1]: self._value(c) for c in self._children(spec) if c.required and len(c.path) == depth}
            if spec.path == ("citations",) and self._cited_lists():  # atlas check wants them supported
                item["supports"] = self._cited_lists()
            return [item]
        if spec.type == "object":
            return {c.path[-1]: self._value(c) for c in self._children(spec) if len(c.path) == len(spec.path) + 1}
        if spec.type == "whole number":
            taken = [r.data.get(spec.path[0]) for r in self.records if r.collection == self.collection]
            number = max([t for t in taken if isinstance(t, int)], default=0) + 1
            self.notes.append(f"{name} is {number}, the next free number in data/{self.collection}/")
            return number
        references = self._references(spec)
        if references:
            examples = self._existing(references)
            if examples:
                self.notes.append(f"{name}: the id of a {' or '.join(SINGULAR[c] for c in references)}, "
                                  f"e.g. {', '.join(examples)}")
            return [PLACEHOLDER] if spec.type.startswith("list") else PLACEHOLDER
        if spec.is_date or spec.choices or spec.type == "number":
            return PLACEHOLDER
        return f"{PLACEHOLDER}: {spec.description}" if spec.description else PLACEHOLDER

    def _references(self, spec: FieldSpec) -> tuple[str, ...]:
        return spec.references or item_references(spec, self.specs)

    def _cited_lists(self) -> list[str]:
        """The required lists of states, which a citation must support."""
        return [s.path[0] for s in self.specs if s.required and len(s.path) == 1 and s.path[0] in CITED_LISTS]

    def _existing(self, collections: tuple[str, ...], n: int = 3) -> list[str]:
        """A few ids of existing records to name as examples, Kyrgyzstan first (the Atlas is about it)."""
        found = sorted((r for r in self.records if r.collection in collections),
                       key=lambda r: (r.id != PREFERRED.get(r.collection), r.id))
        return [r.id for r in found[:n]]

    def _example(self, spec: FieldSpec) -> Any:
        if spec.type == "list of object":  # built from its fields, so that its ids exist here
            depth = len(spec.path) + 2
            return [{c.path[-1]: self._example(c) for c in self._children(spec) if len(c.path) == depth}]
        if spec.type == "object":
            return {c.path[-1]: self._example(c) for c in self._children(spec) if len(c.path) == len(spec.path) + 1}
        references = self._references(spec)
        if references:
            example = next(iter(self._existing(references, 1)), common()["$defs"]["id"]["examples"][0])
            return [example] if spec.type.startswith("list") else example
        if spec.example is not None:
            return spec.example
        if spec.is_date:
            return common()["$defs"]["partialDate"]["examples"][0]
        if spec.choices:
            return spec.choices[0]
        if spec.type == "whole number":
            return 1
        if spec.type.startswith("list"):
            return ["…"]
        return "…"


def _describe(spec: FieldSpec, references: tuple[str, ...]) -> str:
    parts = [type_label(spec, references), required_label(spec)]
    allowed = allowed_label(spec)
    text = f"# {spec.dotted} — {', '.join(parts)}. {spec.description}".rstrip()
    return f"{text} Allowed: {allowed}." if allowed and spec.type != "list of object" else text


def _dump(value: dict[str, Any], comment: bool) -> list[str]:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    return [f"# {line}" if comment else line for line in text.rstrip("\n").splitlines()]
