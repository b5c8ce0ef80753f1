"""Which texts lack their Russian version: warnings of `atlas check`, not errors.

A Russian page shows the English text, marked, where the data has no `F_ru` beside a text
field F (localize.py); the editor learns of each such text from `atlas check`, with its
file, line and column, while the build goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Record
from ..problems import Problem, format_path
from .localize import SUFFIX, TRANSLATED

NOT_NAMES = ("aliases",)  # names written in their own language: nothing to translate


def untranslated(records: list[Record]) -> list[Problem]:
    return sorted(p for r in records for p in _missing(r))


def _missing(record: Record) -> Iterator[Problem]:
    for path in _paths(record.data, ()):
        line, column = record.mark(path)
        field = str(path[-1])
        yield Problem(record.file, line, column, format_path(path),
                      f"no Russian version ({field}{SUFFIX}): the Russian page shows the English text",
                      f"add {field}{SUFFIX}: beside it")


def _paths(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            own_name = key == "name" and path[-2:-1] in [(n,) for n in NOT_NAMES]
            if key in TRANSLATED and isinstance(item, str) and key + SUFFIX not in value and not own_name:
                yield (*path, key)
            else:
                yield from _paths(item, (*path, key))
