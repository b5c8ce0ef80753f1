"""A data problem: where it is, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{_one_line(self.file)}:{self.line}:{self.column}:"
        what = f" {_one_line(self.path)}:" if self.path else ""
        fix = f" — {_one_line(self.hint)}" if self.hint else ""
        return f"{where}{what} {_one_line(self.message)}{fix}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }


class DataError(Exception):
    """Raised with every problem found, so a caller can report them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def _one_line(text: str) -> str:
    """Names and values quoted from the data may hold line breaks or control characters:
    show them escaped, so that each problem stays on one line of the report."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def report(problems: list[Problem]) -> str:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [str(p) for p in problems]
    return "\n".join([f"The Atlas data has {count} {noun}:", *lines])


def format_path(parts: tuple[str | int, ...]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
