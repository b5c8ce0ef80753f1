"""The Atlas's domain objects: partial dates, citations, memberships and records.

No I/O and no MkDocs here; records keep the raw mapping the editor wrote so that
templates can show every field, while typed accessors serve the logic.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from .text import Foreign, title_language

MONTHS = tuple(calendar.month_name)
SINGULAR = {
    "treaties": "treaty", "organizations": "organization", "countries": "country",
    "directions": "direction", "facilities": "facility", "events": "event", "documents": "document",
    "sources": "source",
}
QUALIFIERS = ("early", "mid", "late", "about", "before", "after")
_DATE = re.compile(
    r"^(?:(?P<q>early|mid|late|about|before|after) )?"
    r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?$"
)
# Among dates of the same precision, a qualifier places the date where its span most likely falls.
_QUALIFIER_ORDER = {"before": 0, "early": 1, None: 2, "about": 2, "mid": 3, "late": 4, "after": 5}


PLACEHOLDER = "TODO"  # what `atlas new` writes where the editor must give a value


def is_placeholder(text: str) -> bool:
    """A value `atlas new` wrote and nobody replaced: 'TODO', or 'TODO: what to write'."""
    return text == PLACEHOLDER or text.startswith(f"{PLACEHOLDER}:")


DATE_FORMAT_HINT = ("write YYYY, YYYY-MM or YYYY-MM-DD, optionally after early, mid, late, about, before "
                    "or after (e.g. 'early 2006')")


class DateError(ValueError):
    """A date string that is not a date, or names no real day; `hint` says how to fix it."""

    def __init__(self, message: str, hint: str = "check the day and the month") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, a month or a day, possibly qualified ("early 2006")."""

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        return _parse_date(str(value).strip())

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        match = _DATE.match(text)
        if not match:
            raise DateError(f"'{text}' is not a date", DATE_FORMAT_HINT)
        year = int(match["y"])
        month = int(match["m"]) if match["m"] else None
        day = int(match["d"]) if match["d"] else None
        if year == 0:
            raise DateError(f"impossible date '{text}': there is no year 0", "write the year in four digits")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"impossible date '{text}': there is no month {month:02d}", "months run from 01 to 12")
        if day is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(f"impossible date '{text}': {MONTHS[month]} {year} has {last} days")
        return cls(year, month, day, match["q"])

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def start(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[int, int, int, int]:
        """Oldest first; within a year a year-only date comes before dated entries
        (its month is unknown), and within a month a month-only date before days."""
        return (
            self.year,
            self.month or 0,
            self.day or 0,
            _QUALIFIER_ORDER[self.qualifier],
        )

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        if self.day and self.month:
            text = f"{self.day} {MONTHS[self.month]} {self.year}"
        elif self.month:
            text = f"{MONTHS[self.month]} {self.year}"
        else:
            text = str(self.year)
        return f"{self.qualifier} {text}" if self.qualifier else text



@lru_cache(maxsize=1 << 14)
def _parse_date(text: str) -> PartialDate:
    """PartialDate._parse, remembered (dates are immutable): pages, sorting and the timeline
    parse the same few thousand dates hundreds of thousands of times per build."""
    return PartialDate._parse(text)


@dataclass(frozen=True)
class Citation:
    source: str
    quote: str
    url: str | None = None
    supports: tuple[str, ...] = ()
    note: str | None = None

    @classmethod
    def from_mapping(cls, raw: dict[str, Any]) -> Citation:
        return cls(
            source=raw["source"],
            quote=raw["quote"],
            url=raw.get("url"),
            supports=tuple(raw.get("supports", ())),
            note=raw.get("note"),
        )


@dataclass(frozen=True)
class Membership:
    """One period of a state's membership of an organization."""

    organization: str
    member: str
    joined: PartialDate | None
    left: PartialDate | None
    role: str | None
    note: str | None
    left_how: str | None = None  # withdrew, suspended, expelled
    restored: bool = False  # the previous period of the same member ended in a suspension
    ended_with: PartialDate | None = None  # no leave date, and the organization ceased then

    @property
    def until(self) -> PartialDate | None:
        """When the period ended: the member left, or the organization itself ceased."""
        return self.left or self.ended_with


def _text(value: object) -> str:
    """A text value as it is (a str subclass keeps its kind, e.g. i18n.Untranslated)."""
    return value if isinstance(value, str) else str(value)


@dataclass
class Record:
    """One YAML file: `collection/id`, the mapping it holds, and where it came from."""

    collection: str
    id: str
    data: dict[str, Any]
    file: str
    marks: dict[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict, repr=False)
    placeholders: tuple[tuple[str | int, ...], ...] = ()  # paths of TODO values (see is_placeholder)
    edition: str = ""  # the folder of its edition's pages: "" (English) or "ru/" (i18n.localize)

    @property
    def name(self) -> str:
        """The record's name; a source's title written in another language than its edition's
        comes marked with that language (`Foreign`)."""
        if "name" not in self.data and "title" in self.data:
            title = str(self.data["title"])
            written = title_language(title, self.data.get("lang"))
            return title if written == (self.edition.rstrip("/") or "en") else Foreign(title, written)
        return _text(self.data.get("name") or self.data.get("title") or self.id)

    @property
    def label(self) -> str:
        return _text(self.data.get("short_name") or self.name)

    @property
    def kind(self) -> str:
        return str(self.data.get("kind", SINGULAR[self.collection]))

    @property
    def src_uri(self) -> str:
        return f"{self.edition}{self.collection}/{self.id}.md"

    @property
    def url(self) -> str:
        return f"{self.edition}{self.collection}/{self.id}/"

    def date(self, key: str) -> PartialDate | None:
        value = self.data.get(key)
        return PartialDate.parse(value) if value is not None else None

    @property
    def main_date(self) -> PartialDate | None:
        for key in ("signed", "date", "founded", "opened"):
            if key in self.data:
                return self.date(key)
        return None

    @property
    def citations(self) -> list[Citation]:
        return [Citation.from_mapping(c) for c in self.data.get("citations", [])]

    def mark(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """The line and column of `path`, or of its nearest marked ancestor."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def memberships(self) -> list[Membership]:
        """The periods of membership, in the order written. An organization's end closes every
        period the data leaves open; a period after a suspension is a restoration."""
        ended = self.date("ended")
        out: list[Membership] = []
        last_how: dict[str, str | None] = {}
        for m in self.data.get("members", []):
            left = PartialDate.parse(m["left"]) if "left" in m else None
            out.append(Membership(
                organization=self.id,
                member=m["member"],
                joined=PartialDate.parse(m["joined"]) if "joined" in m else None,
                left=left,
                role=m.get("role"),
                note=m.get("note"),
                left_how=m.get("left_how"),
                restored=last_how.get(m["member"]) == "suspended",
                ended_with=ended if left is None else None,
            ))
            last_how[m["member"]] = m.get("left_how", "left") if left else None
        return out
