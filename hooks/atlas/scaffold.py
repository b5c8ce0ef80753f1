"""`atlas new`: a new record that is valid as written, with every field explained.

The text is generated from `schema.fields()`, so it lists exactly the fields the schema
has. Required fields get placeholder values that pass validation (TODO text, or a
reference to an existing record, said so in a comment); optional fields are commented out.
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
from .load import TEXTS, load_data
from .model import Record
from .schema import FieldSpec, common, fields, schema

SCHEMA_LINE = "# yaml-language-server: $schema=../../hooks/atlas/schemas/{collection}.schema.json"
PREFERRED = {"countries": "kyrgyzstan"}  # the Atlas is about Kyrgyzstan: the natural first party
NEUTRAL_CHOICES = ("other", "reference")  # used for a required choice when the schema offers one
QUOTE_CHARS = 60


class ScaffoldError(Exception):
    """Why a record cannot be created; the message is meant for the editor."""

    usage = False  # True when the command line itself is wrong


class BadArgument(ScaffoldError):
    usage = True


@dataclass(frozen=True)
class Scaffold:
    path: Path
    text: str
    notes: list[str]  # what the placeholders point at


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
    writer = _Writer(collection, record_id, records, data_dir / TEXTS, today or date.today())
    return Scaffold(data_dir / collection / f"{record_id}.yaml", writer.text(), writer.notes)


def write_record(scaffold: Scaffold) -> None:
    scaffold.path.parent.mkdir(parents=True, exist_ok=True)
    with scaffold.path.open("x", encoding="utf-8") as out:  # "x": never overwrite
        out.write(scaffold.text)


class _Writer:
    def __init__(self, collection: str, record_id: str, records: list[Record], texts: Path, today: date) -> None:
        self.collection, self.id, self.records, self.texts, self.today = collection, record_id, records, texts, today
        self.specs = fields(collection)
        self.notes: list[str] = []
        self._borrowed: Record | None = None  # the last record a reference was pointed at

    def text(self) -> str:
        raw = schema(self.collection)
        lines = [
            SCHEMA_LINE.format(collection=self.collection),
            f"# {raw.get('title', self.collection)}: {raw.get('description', '')}",
            f"# Written by `atlas new {self.collection} {self.id}`. Required fields hold placeholders that pass",
            "# `atlas check`: replace each TODO and each borrowed reference. Optional fields are",
            "# commented out: remove the '# ' in front of a block to use it. Then run `atlas check`.",
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
            lines += [f"# ↳ placeholder: {note}" for note in self.notes[noted:]]
            lines += _dump({spec.path[0]: value}, comment=False)
        else:
            lines += _dump({spec.path[0]: self._example(spec)}, comment=True)
        return lines

    def _children(self, spec: FieldSpec) -> list[FieldSpec]:
        return [s for s in self.specs if len(s.path) > len(spec.path) and s.path[: len(spec.path)] == spec.path
                and s.path[len(spec.path):] != ("*",)]

    def _value(self, spec: FieldSpec) -> Any:
        """A placeholder that passes validation."""
        name = spec.dotted
        if spec.path == ("id",):
            return self.id
        if spec.type == "list of object":
            depth = len(spec.path) + 2
            return [{c.path[-1]: self._value(c) for c in self._children(spec) if c.required and len(c.path) == depth}]
        if spec.type == "object":
            return {c.path[-1]: self._value(c) for c in self._children(spec) if len(c.path) == len(spec.path) + 1}
        if spec.type == "number":
            self.notes.append(f"{name} is {spec.example}, an example; write the real value")
            return spec.example
        references = self._references(spec)
        if references:
            target = self._borrow(references, name)
            return [target.id] if spec.type.startswith("list") else target.id
        if spec.is_date:
            self.notes.append(f"{name} is this year; write the date the evidence gives")
            return str(self.today.year)
        if spec.choices:
            choice = next((c for c in NEUTRAL_CHOICES if c in spec.choices), spec.choices[0])
            self.notes.append(f"{name} is '{choice}'; pick the allowed value that fits")
            return choice
        if spec.type == "whole number":
            taken = [r.data.get(spec.path[0]) for r in self.records if r.collection == self.collection]
            number = max([t for t in taken if isinstance(t, int)], default=0) + 1
            self.notes.append(f"{name} is {number}, the next free number in data/{self.collection}/")
            return number
        if spec.path[-1] == "quote" and "*" in spec.path:
            return self._quote()
        return f"TODO: {spec.description}" if spec.description else "TODO"

    def _references(self, spec: FieldSpec) -> tuple[str, ...]:
        return spec.references or item_references(spec, self.specs)

    def _existing(self, collections: tuple[str, ...]) -> str | None:
        ids = sorted(r.id for r in self.records if r.collection in collections)
        return ids[0] if ids else None

    def _borrow(self, collections: tuple[str, ...], field: str) -> Record:
        """An existing record to point a required reference at, preferring sources with no text to quote."""
        for collection in collections:
            candidates = sorted((r for r in self.records if r.collection == collection),
                                key=lambda r: (r.id != PREFERRED.get(collection), bool(r.data.get("text_file")), r.id))
            if candidates:
                self.notes.append(f"{field} points at {candidates[0].file}, an existing record, so that this "
                                  "file is valid; replace it")
                self._borrowed = candidates[0]
                return candidates[0]
        raise ScaffoldError(f"'{field}' must refer to a record in {' or '.join(f'data/{c}/' for c in collections)}, "
                            f"and there is none yet; create one first with `atlas new {collections[0]} <id>`")

    def _quote(self) -> str:
        """A quote from the borrowed source: verbatim from its text when it has one."""
        text_file = self._borrowed.data.get("text_file") if self._borrowed else None
        try:
            text = (self.texts / str(text_file)).read_text(encoding="utf-8") if text_file else ""
        except OSError:
            text = ""
        line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        if not line:
            return "TODO: the passage of the source that supports this record, verbatim"
        excerpt = line if len(line) <= QUOTE_CHARS else line[:QUOTE_CHARS].rsplit(" ", 1)[0]
        self.notes.append(f"the quote is the start of {text_file}, so that it is verbatim; replace it with "
                          "the passage you cite")
        return excerpt

    def _example(self, spec: FieldSpec) -> Any:
        if spec.type == "list of object":  # built from its fields, so that its ids exist here
            depth = len(spec.path) + 2
            return [{c.path[-1]: self._example(c) for c in self._children(spec) if len(c.path) == depth}]
        if spec.type == "object":
            return {c.path[-1]: self._example(c) for c in self._children(spec) if len(c.path) == len(spec.path) + 1}
        references = self._references(spec)
        if references:
            example = self._existing(references) or common()["$defs"]["id"]["examples"][0]
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
