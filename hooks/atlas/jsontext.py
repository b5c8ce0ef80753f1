"""`json.dumps(value, ensure_ascii=False, indent=2)`, twice as fast for plain JSON data.

With `indent`, the standard library leaves its C encoder for a pure-Python one made of
nested generators: writing atlas.json at 5,000 treaties took a quarter of a second that way
(scripts/benchmark.py). This writer gives the same text: strings go through the same C
function, and any value it does not handle exactly like `json` (a float, a tuple, a
non-text key, a subclass) hands the whole document back to `json.dumps`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # C-accelerated; not in the stubs
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


def _write(value: Any, newline: str, out: list[str]) -> None:
    kind = type(value)
    if kind is dict:
        _write_dict(value, newline, out)
    elif kind is list:
        _write_list(value, newline, out)
    else:
        scalar = _SCALARS.get(kind)
        if scalar is None:
            raise _NotPlain(kind)
        out.append(scalar(value))


def _write_dict(value: dict[Any, Any], newline: str, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + "  "
    separator = "{" + inner
    for key, item in value.items():
        if type(key) is not str:
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
