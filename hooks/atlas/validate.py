"""Records → problems: the schema, then references, dates and the rules between records.

Every check reports through `Problem` with the file, line and column of the value at
fault, and a hint. Nothing here stops at the first problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import ValidationError

from .geo.check import coordinate_problems
from .model import DATE_FORMAT_HINT, SINGULAR, DateError, PartialDate, Record
from .problems import Problem, format_path
from .quickcheck import quick_check
from .schema import FieldSpec, fields, validator, values_at

Path_ = tuple[str | int, ...]
_TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping",
               "boolean": "true or false", "number": "a number", "null": "empty"}


# A record's own checks (its shape, its dates, its cited lists), remembered per record object
# by the live preview: a record loaded from an unchanged file is the same object (load.LoadCache).
OwnChecks = dict[int, tuple[Record, list[Problem], list[Problem]]]


def validate(records: list[Record], texts_dir: Path | None = None,
             unreadable: Collection[str] = (), memo: OwnChecks | None = None) -> list[Problem]:
    """All problems of a set of records; the records themselves are not changed.

    `unreadable` holds the ids of files that exist but could not be loaded (their problem
    is reported by the loader): references to them are not reported again as dangling.
    `memo` keeps each record's own checks between calls (see OwnChecks).
    """
    problems: list[Problem] = []
    well_formed: list[Record] = []
    own: dict[int, list[Problem]] = {}
    for record in records:
        shape, rest = _own_checks(record, memo)
        problems.extend(shape)
        if not shape:
            well_formed.append(record)
            own[id(record)] = rest
    if memo is not None:
        alive = {id(r) for r in records}
        for gone in [k for k in memo if k not in alive]:
            del memo[gone]
    # Later checks assume well-formed records, so they skip the others; every record keeps its id.
    ids = _index(records, problems)
    read_text = cache(_read_text)  # sources are quoted by many records: read each text once per check
    for record in well_formed:
        problems.extend(_reference_problems(record, ids, unreadable))
        problems.extend(own[id(record)])
        problems.extend(_quote_problems(record, ids, texts_dir, read_text))
    problems.extend(_membership_problems(well_formed, ids))
    problems.extend(_redirect_problems(well_formed, ids))
    problems.extend(coordinate_problems(well_formed, ids))
    return sorted(set(problems))


def _own_checks(record: Record, memo: OwnChecks | None) -> tuple[list[Problem], list[Problem]]:
    """The record's shape problems, and (for a well-formed record) its date and list problems."""
    known = memo.get(id(record)) if memo is not None else None
    if known is not None and known[0] is record:
        return known[1], known[2]
    shape = list(_schema_problems(record))
    rest = [] if shape else [*_date_problems(record), *_uncited_lists(record)]
    if memo is not None:
        memo[id(record)] = (record, shape, rest)
    return shape, rest


def _problem(record: Record, path: Path_, message: str, hint: str = "") -> Problem:
    line, col = record.mark(path)
    return Problem(record.file, line, col, format_path(path), message, hint)


def _suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


# --- schema ---------------------------------------------------------------------------

def _schema_problems(record: Record) -> Iterator[Problem]:
    yield from _placeholder_problems(record)
    quick = quick_check(record.collection)
    if quick is None or not quick(record.data):  # jsonschema only to find and word the errors
        for error in validator(record.collection).iter_errors(record.data):
            for problem in _explain(record, error):
                if not _at_placeholder(record, problem):  # reported once, as a placeholder
                    yield problem
    if isinstance(record.data.get("id"), str) and record.data["id"] != record.id:
        yield _problem(record, ("id",), f"the id '{record.data['id']}' does not match the file name '{record.id}.yaml'",
                       f"set 'id: {record.id}' or rename the file to '{record.data['id']}.yaml'")


def _placeholder_problems(record: Record) -> Iterator[Problem]:
    """Every TODO that `atlas new` wrote and the editor has not replaced: the record is not finished."""
    for path in record.placeholders:
        yield _problem(record, path, "placeholder left in place", f"replace TODO with {_wanted(record, path)}")


def _wanted(record: Record, path: Path_) -> str:
    spec = _spec_at(record.collection, path)
    if spec is None:
        return "the value, or remove the field"
    about = spec.description.rstrip(".")
    if spec.choices:
        return f"one of: {', '.join(spec.choices)}"
    if spec.is_date:
        return "a date: YYYY, YYYY-MM or YYYY-MM-DD"
    refs = spec.references or next((s.references for s in fields(record.collection)
                                    if s.path == (*spec.path, "*") and s.references), ())
    if refs:
        return f"the id of a {' or '.join(SINGULAR[c] for c in refs)}"
    return f"{'a number' if spec.type == 'number' else 'the text'}: {about}" if about else "the value"


def _spec_at(collection: str, path: Path_) -> FieldSpec | None:
    pattern = tuple("*" if isinstance(part, int) else part for part in path)
    return next((s for s in fields(collection) if s.path == pattern), None)


def _at_placeholder(record: Record, problem: Problem) -> bool:
    shown = [format_path(path) for path in record.placeholders]
    return any(problem.path == p or problem.path.startswith((f"{p}.", f"{p}[")) for p in shown)


def _explain(record: Record, error: ValidationError) -> Iterator[Problem]:
    path: Path_ = tuple(error.absolute_path)
    schema, keyword = error.schema, error.validator
    value: Any = error.instance
    wanted: Any = error.validator_value
    if not isinstance(schema, dict):
        schema = {}
    if keyword == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(value) - set(allowed)):
            plain = [a for a in allowed if not a.endswith("_ru")]  # Russian versions: said once
            also = "; each text field has a Russian version, <field>_ru" if len(plain) < len(allowed) else ""
            hint = _suggest(key, allowed) or f"allowed fields: {', '.join(plain)}{also}"
            yield _problem(record, (*path, key), f"unknown field '{key}'", hint)
    elif keyword == "required":
        missing = [k for k in wanted if k not in value]
        for key in missing:
            yield _problem(record, path, f"missing required field '{key}'", f"add '{key}:' to this record")
    elif keyword == "type":
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in ([wanted] if isinstance(wanted, str) else wanted))
        got = _json_type(value)
        yield _problem(record, path, f"expected {words}, found {_TYPE_WORDS[got]}", _type_hint(schema, got))
    elif keyword == "enum":
        options = [str(o) for o in wanted]
        hint = _suggest(str(value), options) or f"use one of: {', '.join(options)}"
        yield _problem(record, path, f"'{value}' is not an allowed value", hint)
    elif keyword == "pattern":
        yield _problem(record, path, *_pattern_message(str(value), schema))
    elif keyword in ("minimum", "maximum") and "[0-9]{4}" in schema.get("pattern", ""):
        yield _problem(record, path, f"{value} is not a year", "write a four-digit year such as 1996")
    elif keyword in ("minimum", "maximum"):
        side = "below the minimum" if keyword == "minimum" else "above the maximum"
        yield _problem(record, path, f"{value} is {side} of {wanted}", schema.get("description", "").rstrip(".")
                       or "see the Editing the Atlas page for this field")
    elif keyword == "minItems":
        yield _problem(record, path, "the list is empty", "add at least one item")
    elif keyword == "minLength":
        yield _problem(record, path, "the text is empty", "write the text or remove the field")
    else:
        yield _problem(record, path, error.message, "see the Editing the Atlas page for this field")


def _json_type(value: Any) -> str:
    for name, kind in (("boolean", bool), ("integer", int), ("number", float), ("string", str),
                       ("array", list), ("object", dict)):
        if isinstance(value, kind):
            return name
    return "null"


def _type_hint(schema: dict[str, Any], got: str) -> str:
    if got == "null":
        return "write a value after the colon, or remove the field"
    if "[0-9]{4}" in schema.get("pattern", ""):
        return "write a date as YYYY, YYYY-MM or YYYY-MM-DD"
    if schema.get("type") == "array":
        return "write a list: one '- item' per line"
    if schema.get("type") == "number":
        return "write a number such as 42.85, without quotes"
    if schema.get("type") == "string":
        return "put the value in quotes" if got in ("boolean", "integer", "number") else "write one line of text"
    return "see the Editing the Atlas page for this field"


def _pattern_message(value: str, schema: dict[str, Any]) -> tuple[str, str]:
    pattern = schema.get("pattern", "")
    if "[0-9]{4}" in pattern:
        return (f"'{value}' is not a date", DATE_FORMAT_HINT)
    if pattern.startswith("^https?"):
        return (f"'{value}' is not an http(s) address", "links must start with http:// or https://")
    if "[a-z0-9]+" in pattern:
        return (f"'{value}' is not a valid id", "use lower-case letters, digits and single hyphens, e.g. 'kg-ru-1992'")
    if "[A-Z]{2}" in pattern:
        return (f"'{value}' is not a two-letter country code", "write an ISO 3166-1 code such as KG")
    if "[a-z]{2}" in pattern:
        return (f"'{value}' is not a two-letter language code", "write an ISO 639-1 code such as ru")
    return (f"'{value}' does not match the expected form", f"it must match {pattern}")


# --- references, dates, quotes --------------------------------------------------------

def _index(records: list[Record], problems: list[Problem]) -> dict[str, Record]:
    ids: dict[str, Record] = {}
    for record in records:
        if record.id in ids:
            first = ids[record.id]
            problems.append(_problem(record, ("id",), f"duplicate id '{record.id}': {first.file} has it too",
                                     "ids are unique across all collections; rename one of the files"))
        else:
            ids[record.id] = record
    return ids


def _specs(record: Record) -> list[FieldSpec]:
    return fields(record.collection)


def _reference_problems(record: Record, ids: dict[str, Record], unreadable: Collection[str] = ()
                        ) -> Iterator[Problem]:
    for spec in _specs(record):
        if not spec.references:
            continue
        for path, value in values_at(record.data, spec.path):
            if not isinstance(value, str) or (value in unreadable and value not in ids):
                continue
            target = ids.get(value)
            if target is not None and target.collection in spec.references:
                continue
            kinds = " or ".join(SINGULAR[c] for c in spec.references)
            if target is not None:
                yield _problem(record, path, f"'{value}' is a record of {target.collection}, not a {kinds}",
                               f"refer to a record in data/{'/ or data/'.join(spec.references)}/")
                continue
            options = [i for i, r in ids.items() if r.collection in spec.references]
            hint = _suggest(value, options) or f"create data/{spec.references[0]}/{value}.yaml or fix the id"
            yield _problem(record, path, f"unknown {kinds} '{value}'", hint)


def _date_problems(record: Record) -> Iterator[Problem]:
    for spec in _specs(record):
        if not spec.is_date:
            continue
        for path, value in values_at(record.data, spec.path):
            try:
                PartialDate.parse(value)
            except DateError as err:
                yield _problem(record, path, str(err), err.hint)
    for before, after in (("signed", "in_force"), ("in_force", "ended"), ("signed", "ended"),
                          ("founded", "ended"), ("date", "end")):
        first, second = _safe_date(record.data.get(before)), _safe_date(record.data.get(after))
        if first and second and second.end < first.start:
            yield _problem(record, (after,), f"'{after}' ({second}) is before '{before}' ({first})",
                           "check both dates")


def _safe_date(value: Any) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except DateError:
        return None


def _quote_problems(record: Record, ids: dict[str, Record], texts_dir: Path | None,
                    read_text: Callable[[Path], str | None]) -> Iterator[Problem]:
    if texts_dir is None:
        return
    for spec in _specs(record):
        if spec.path[-1] != "source" or not spec.references:
            continue
        for path, source_id in values_at(record.data, spec.path):
            source = ids.get(source_id)
            text_file = source.data.get("text_file") if source else None
            if source is None or not text_file or not isinstance(text_file, str):
                continue
            full_text = read_text(texts_dir / text_file)
            if full_text is None:
                yield _problem(source, ("text_file",), f"the source text '{text_file}' is missing",
                               f"put the file in {texts_dir.parent.name}/{texts_dir.name}/")
                continue
            quote_path = (*path[:-1], "quote")
            quote: Any = record.data
            for part in quote_path:
                quote = quote[part]
            if str(quote) not in full_text:
                yield _problem(record, quote_path, f"the quote is not verbatim in the source text '{text_file}'",
                               "copy the passage exactly, punctuation included")


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


# Lists of states a record asserts: each must rest on a citation that says it supports them.
CITED_LISTS = ("parties", "members", "participants", "users")


def _uncited_lists(record: Record) -> Iterator[Problem]:
    supported = {field for c in record.data.get("citations", []) for field in c.get("supports", ())}
    for key in CITED_LISTS:
        if record.data.get(key) and key not in supported:
            yield _problem(record, (key,), f"no citation supports '{key}'",
                           f"cite a passage that names them, with 'supports: [{key}]'")


# --- rules between records ------------------------------------------------------------

def _membership_problems(records: list[Record], ids: dict[str, Record]) -> Iterator[Problem]:
    for org in (r for r in records if r.collection == "organizations"):
        founded = _safe_date(org.data.get("founded"))
        for i, raw in enumerate(org.data.get("members", [])):
            joined, left = _safe_date(raw.get("joined")), _safe_date(raw.get("left"))
            if founded and joined and joined.end < founded.start:
                yield _problem(org, ("members", i, "joined"),
                               f"{raw['member']} joins on {joined}, before {org.id} was founded ({founded})",
                               "check the join date or the organization's 'founded' date")
            if joined and left and left.end < joined.start:
                yield _problem(org, ("members", i, "left"),
                               f"{raw['member']} leaves on {left}, before joining on {joined}",
                               "check both dates")
        seen: dict[str, int] = {}
        for i, raw in enumerate(org.data.get("members", [])):
            if raw["member"] in seen and "left" not in org.data["members"][seen[raw["member"]]]:
                yield _problem(org, ("members", i, "member"), f"{raw['member']} is listed twice as a current member",
                               "give the first membership a 'left' date or remove one")
            seen[raw["member"]] = i


def _redirect_problems(records: list[Record], ids: dict[str, Record]) -> Iterator[Problem]:
    claimed: dict[str, Record] = {}
    for record in records:
        for i, old in enumerate(record.data.get("redirect_from", [])):
            if old in ids:
                yield _problem(record, ("redirect_from", i),
                               f"'{old}' is the id of {ids[old].file}; a redirect cannot reuse a live id",
                               "remove this redirect or rename that record")
            elif old in claimed:
                yield _problem(record, ("redirect_from", i),
                               f"'{old}' already redirects to {claimed[old].file}", "keep one redirect")
            else:
                claimed[old] = record

