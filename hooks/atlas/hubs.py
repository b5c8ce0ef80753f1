"""What a hub page shows of what concerns it: a country, an organization or a direction lists
its related records and its timeline in full while they are few, and a selection once they
are many, with counts and links to the full lists (the treaty lists by party, the timeline
filtered to it). Kyrgyzstan is a party to nearly every treaty: listing thousands of them on
its page would make it megabytes.

The selection keeps what a reader of the hub looks for first: the records the data marks
as key (`key: true`), the founding ones (an organization's founding treaty and its founding
entry), then the latest; it is shown in chronological order like the full list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from .model import Record

if TYPE_CHECKING:  # the catalog asks for a direction's slice itself (catalog.directions_of)
    from .catalog import TimelineEntry

T = TypeVar("T")


@dataclass(frozen=True)
class Selection(Generic[T]):
    shown: tuple[T, ...]  # in the order of the full list
    total: int

    @property
    def complete(self) -> bool:
        return len(self.shown) == self.total


def select(items: Sequence[T], limit: int, relevant: Callable[[T], bool]) -> Selection[T]:
    """All of `items` (in their order) when they are at most `limit`; otherwise the relevant
    ones first (the earliest of them if even those are too many), then the latest of the rest."""
    if len(items) <= limit:
        return Selection(tuple(items), len(items))
    chosen = [i for i, item in enumerate(items) if relevant(item)][:limit]
    taken = set(chosen)
    rest = [i for i in range(len(items)) if i not in taken]
    chosen += rest[len(rest) - (limit - len(chosen)):] if limit > len(chosen) else []
    return Selection(tuple(items[i] for i in sorted(chosen)), len(items))


def is_key(record: Record) -> bool:
    """Marked key in the data, or an organization's founding instrument."""
    data = record.data
    return bool(data.get("key")) or any(r.get("type") == "founds" for r in data.get("relations", []))


def key_entry(entry: TimelineEntry) -> bool:
    return is_key(entry.record) or entry.what == "founded"


def related(records: Sequence[Record], limit: int) -> Selection[Record]:
    return select(records, limit, is_key)


def timeline_slice(entries: Sequence[TimelineEntry], limit: int) -> Selection[TimelineEntry]:
    return select(entries, limit, key_entry)


def charted(organizations: Sequence[Record], limit: int) -> Selection[Record]:
    """The organizations the index's membership chart draws: all while they are at most
    `limit`; else the key ones and those with the most members (in the list's order), so that
    the index stays light with hundreds of organizations."""
    if len(organizations) <= limit:
        return Selection(tuple(organizations), len(organizations))
    ranked = sorted(range(len(organizations)), key=lambda i: (
        not is_key(organizations[i]), -len(organizations[i].data.get("members", [])), i))
    return Selection(tuple(organizations[i] for i in sorted(ranked[:limit])), len(organizations))
