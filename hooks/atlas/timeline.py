"""What the timeline page offers to filter by: the kinds, countries and organizations
that occur in its entries, each with how many entries it has.

Options come from the entries themselves, so no choice ever leads to an empty list on its
own, and the page's script only has to match the `data-*` attributes of each entry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .catalog import KIND_ORDER, PROVENANCES, Catalog, TimelineEntry
from .model import Record

PROVENANCE_LABELS = {"source-text": "From the source text", "research": "From later research only"}


@dataclass(frozen=True)
class Option:
    value: str  # the id written into the URL and the entries' data attributes
    label: str
    count: int


@dataclass(frozen=True)
class TimelineFilters:
    kinds: tuple[Option, ...]
    countries: tuple[Option, ...]
    organizations: tuple[Option, ...]
    provenances: tuple[Option, ...] = ()


def timeline_filters(catalog: Catalog, entries: list[TimelineEntry]) -> TimelineFilters:
    kinds = Counter(e.kind for e in entries)
    countries = Counter(p for e in entries for p in e.parties)
    orgs = Counter(o for e in entries for o in e.organizations)
    provenances = Counter(e.provenance for e in entries)
    return TimelineFilters(
        kinds=tuple(Option(k, k, kinds[k]) for k in KIND_ORDER if kinds[k]),
        countries=_options(catalog, countries, lambda r: r.name),
        organizations=_options(catalog, orgs, lambda r: r.label),
        provenances=tuple(Option(p, PROVENANCE_LABELS[p], provenances[p]) for p in PROVENANCES if provenances[p]),
    )


def _options(catalog: Catalog, counts: Counter[str], label: Callable[[Record], str]) -> tuple[Option, ...]:
    options = [Option(i, label(catalog.get(i)), n) for i, n in counts.items()]
    return tuple(sorted(options, key=lambda o: (o.label.casefold(), o.value)))
