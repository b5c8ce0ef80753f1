"""A fast yes/no check of a record against its schema, before the full JSON Schema validator.

jsonschema walks a schema through generic, reference-resolving machinery: about half of
checking a project (scripts/benchmark.py). Nearly every record is valid, so a check that
is compiled once per collection into plain Python closures answers "valid" far faster;
only when it says no does `validate.py` ask jsonschema, which finds and words the errors.

The compiled check may only err on the safe side: it says yes only when the value is
certainly valid. A keyword it does not know makes the whole schema uncompilable (every
record then goes to jsonschema), and values whose meaning JSON Schema treats subtly
(booleans against numbers, floats) are sent there too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from .schema import validator

Check = Callable[[Any], bool]

_IGNORED = frozenset({"$schema", "$id", "$comment", "title", "description", "examples", "default", "x-references"})
_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: type(v) is int,  # not bool; an integral float goes to jsonschema
    "number": lambda v: type(v) in (int, float) and v == v,  # not bool, not NaN
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class _Unknown(Exception):
    """The schema uses something this module does not check: leave it all to jsonschema."""


@cache
def quick_check(collection: str) -> Check | None:
    """True only for a record of `collection` that is valid; None when the schema cannot be compiled."""
    try:
        return _compile(validator(collection).schema)  # the schema with its $refs inlined
    except _Unknown:
        return None


def _compile(node: Any) -> Check:
    if node is True or node == {}:
        return lambda v: True
    if not isinstance(node, dict):
        raise _Unknown(node)
    unknown = set(node) - _IGNORED - _COMPILERS.keys()
    if unknown:
        raise _Unknown(unknown)
    checks = [_COMPILERS[key](node[key], node) for key in node if key in _COMPILERS]
    return lambda v: all(check(v) for check in checks)


def _type(wanted: Any, node: dict[str, Any]) -> Check:
    names = [wanted] if isinstance(wanted, str) else list(wanted)
    if any(n not in _TYPES for n in names):
        raise _Unknown(wanted)
    tests = [_TYPES[n] for n in names]
    return lambda v: any(t(v) for t in tests)


def _properties(props: dict[str, Any], node: dict[str, Any]) -> Check:
    compiled = {key: _compile(sub) for key, sub in props.items()}
    return lambda v: not isinstance(v, dict) or all(
        compiled[k](item) for k, item in v.items() if k in compiled
    )


def _additional(extra: Any, node: dict[str, Any]) -> Check:
    if extra is not False:
        raise _Unknown(extra)
    allowed = frozenset(node.get("properties", {}))
    return lambda v: not isinstance(v, dict) or allowed.issuperset(v)


def _required(keys: list[str], node: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, dict) or all(k in v for k in keys)


def _items(sub: Any, node: dict[str, Any]) -> Check:
    check = _compile(sub)
    return lambda v: not isinstance(v, list) or all(check(item) for item in v)


def _min_items(n: int, node: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, list) or len(v) >= n


def _min_length(n: int, node: dict[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) >= n


def _pattern(pattern: str, node: dict[str, Any]) -> Check:
    search = re.compile(pattern).search  # JSON Schema patterns are not anchored: search, as jsonschema does
    return lambda v: not isinstance(v, str) or search(v) is not None


def _enum(options: list[Any], node: dict[str, Any]) -> Check:
    if not all(isinstance(o, str) for o in options):
        raise _Unknown(options)
    allowed = frozenset(options)
    return lambda v: isinstance(v, str) and v in allowed


def _bound(compare: Callable[[int, Any], bool]) -> Callable[[Any, dict[str, Any]], Check]:
    def compile_bound(limit: Any, node: dict[str, Any]) -> Check:
        # Ints and finite floats are judged here (a float under an "integer" type fails that type
        # check anyway); bools (not numbers to JSON Schema) go to jsonschema.
        return lambda v: isinstance(v, str) or (type(v) in (int, float) and compare(v, limit)) or not _is_number(v)
    return compile_bound


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float))


def _all_of(subs: list[Any], node: dict[str, Any]) -> Check:
    checks = [_compile(sub) for sub in subs]
    return lambda v: all(check(v) for check in checks)


_COMPILERS: dict[str, Callable[[Any, dict[str, Any]], Check]] = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "minItems": _min_items,
    "minLength": _min_length,
    "pattern": _pattern,
    "enum": _enum,
    "minimum": _bound(lambda v, limit: v >= limit),
    "maximum": _bound(lambda v, limit: v <= limit),
    "allOf": _all_of,
}
