"""`json.dumps(value, ensure_ascii=False, indent=2)`, twice as fast for plain JSON data.

With `indent`, the standard library leaves its C encoder for a pure-Python one made of
nested generators: writing atlas.json at 5,000 treaties took a quarter of a second that way
(scripts/benchmark.py). This writer gives the same text: strings (and text subclasses, such
as a Foreign name) go through the same C function, finite floats through the same repr, and
any value it does not handle exactly like `json` (NaN, a tuple, a non-text key, another
subclass) hands the whole document back to `json.dumps`. The data's coordinates and the
sources' marked titles once sent every atlas.json back that way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # C-accelerated; not in the stubs
from math import isfinite
from typing import Any

_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    bool: lambda v: "true" if v else "false",
    type(None): lambda v: "null",
    int: int.__repr__,
}


class _NotPlain(Exception):
    """A value whose JSON form this module does not produce itself."""


def dumps_indented(value: Any) -> str:
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except _NotPlain:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def dumps_at(value: Any, depth: int) -> str | None:
    """`value` as `dumps_indented` writes it `depth` levels deep in a document (its lines
    indented for that depth, not its first); None when it is not plain JSON data."""
    out: list[str] = []
    try:
        _write(value, "\n" + "  " * depth, out)
    except _NotPlain:
        return None
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    kind = type(value)
    if kind is dict:
        _write_dict(value, newline, out)
    elif kind is list:
        _write_list(value, newline, out)
    else:
        scalar = _SCALARS.get(kind)
        if scalar is not None:
            out.append(scalar(value))
        elif isinstance(value, str):  # a Foreign name (text.py): json writes it as its text
            out.append(encode_basestring(value))
        elif kind is float and isfinite(value):  # json writes NaN and Infinity, not JSON: its way
            out.append(float.__repr__(value))
        else:
            raise _NotPlain(kind)


def _write_dict(value: dict[Any, Any], newline: str, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + "  "
    separator = "{" + inner
    for key, item in value.items():
        if not isinstance(key, str):
            raise _NotPlain(type(key))
        out += (separator, encode_basestring(key), ": ")
        _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "}")


def _write_list(value: list[Any], newline: str, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + "  "
    separator = "[" + inner
    for item in value:
        out.append(separator)
        _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "]")
