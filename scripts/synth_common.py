"""What the synthetic profiles share: writing a record, partial dates, weighted draws."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


class _Dumper(yaml.SafeDumper):
    """Writes a list used twice in full: records may not hold YAML anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_record(data_dir: Path, collection: str, record_id: str, data: dict[str, Any]) -> None:
    """One record per file, `data/<collection>/<id>.yaml`, as an editor would write it."""
    folder = data_dir / collection
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=1000)
    (folder / f"{record_id}.yaml").write_text(text, encoding="utf-8")


def partial_date(rng: random.Random, year: int) -> str:
    """A date at a random precision: a year, a month or a day."""
    precision = rng.random()
    if precision < 0.2:
        return str(year)
    if precision < 0.4:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def zipf_weights(n: int, exponent: float) -> list[float]:
    """Weights 1/k^s for ranks 1..n: the first few drawn often, a long tail rarely."""
    return [1 / (k ** exponent) for k in range(1, n + 1)]


def draw_distinct(rng: random.Random, items: Sequence[T], weights: Sequence[float], k: int) -> list[T]:
    """`k` different items, each draw weighted (without replacement)."""
    k = min(k, len(items))
    pool, pool_weights = list(items), list(weights)
    chosen: list[T] = []
    for _ in range(k):
        i = rng.choices(range(len(pool)), weights=pool_weights)[0]
        chosen.append(pool.pop(i))
        pool_weights.pop(i)
    return chosen


class Day:
    """A calendar day written at the precision a record gives it, kept as a day for ordering."""

    def __init__(self, day: datetime.date, precision: str = "day") -> None:
        self.day, self.precision = day, precision

    @classmethod
    def between(cls, rng: random.Random, first_year: int, last_year: int) -> Day:
        """A random day of those years, at a random precision (mostly a day)."""
        start, end = datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)
        day = start + datetime.timedelta(days=rng.randrange((end - start).days))
        roll = rng.random()
        precision = "day" if roll < 0.7 else "month" if roll < 0.85 else "year" if roll < 0.97 else "about"
        return cls(day, precision)

    def later(self, rng: random.Random, min_days: int, max_days: int, precision: str = "day") -> Day:
        """A day after this one (after its whole period, whatever its precision)."""
        return Day(self.last + datetime.timedelta(days=rng.randint(min_days, max_days)), precision)

    @property
    def last(self) -> datetime.date:
        """The last day this date may stand for."""
        if self.precision == "day":
            return self.day
        if self.precision == "month":
            following = self.day.replace(day=28) + datetime.timedelta(days=4)
            return following - datetime.timedelta(days=following.day)
        return datetime.date(self.day.year + (1 if self.precision == "about" else 0), 12, 31)

    @property
    def year(self) -> int:
        return self.day.year

    def __str__(self) -> str:
        if self.precision == "day":
            return self.day.isoformat()
        if self.precision == "month":
            return self.day.isoformat()[:7]
        if self.precision == "about":
            return f"about {self.day.year}"
        return str(self.day.year)

    def words(self) -> str:
        """As a name says it: '22 September 2003', 'September 2003', '2003'."""
        if self.precision == "day":
            return f"{self.day.day} {MONTHS[self.day.month - 1]} {self.day.year}"
        if self.precision == "month":
            return f"{MONTHS[self.day.month - 1]} {self.day.year}"
        return str(self.day.year)


def slug(text: str) -> str:
    """Lower-case words joined by hyphens, as ids are."""
    out = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(part for part in out.split("-") if part)


def unique(name: str, taken: set[str], more: Sequence[str] = ()) -> str:
    """`name`, or the first of `more` (then numbered forms) not yet taken; marks it taken."""
    for candidate in (name, *more):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    base = more[-1] if more else name
    k = 2
    while f"{base}, No. {k}" in taken:
        k += 1
    taken.add(f"{base}, No. {k}")
    return f"{base}, No. {k}"


def unique_id(record_id: str, taken: set[str]) -> str:
    k, candidate = 2, record_id
    while candidate in taken:
        candidate, k = f"{record_id}-{k}", k + 1
    taken.add(candidate)
    return candidate
