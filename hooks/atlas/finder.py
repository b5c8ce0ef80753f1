"""What the finders on the treaty and organization indexes show: rows and filter options.

A finder is a table of every record that a script filters as the reader types. Each row
carries two folded word lists in data attributes: the record's own names (name, short
name, abbreviations, aliases) and its context (parties, organization, place, date).
The script ranks rows whose own names match above rows matched only through context, so
"CSTO" finds the CSTO Charter first and then other treaties of the CSTO.

Without JavaScript the table lists everything and the filter form stays hidden.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from .catalog import Catalog
from .model import PartialDate, Record
from .text import fold
from .timeline import Option  # value: in the URL and the rows' data attributes; label; count


@dataclass(frozen=True)
class TreatyRow:
    record: Record
    signed: PartialDate
    parties: tuple[Record, ...]
    organization: Record | None
    decade: int
    names: str  # folded: what the treaty is called
    context: str  # folded: who signed it, where, when, within which organization


@dataclass(frozen=True)
class TreatyFinder:
    rows: tuple[TreatyRow, ...]  # oldest first, as the table is written
    parties: tuple[Option, ...]
    decades: tuple[Option, ...]


@dataclass(frozen=True)
class OrganizationRow:
    record: Record
    founded: PartialDate | None
    names: str
    context: str


def names_of(record: Record) -> list[str]:
    """Every name a reader may type for `record`: name, short name, abbreviations, aliases."""
    data = record.data
    names = [record.name, data.get("short_name"), data.get("official_name"), *data.get("abbreviations", [])]
    names += [alias["name"] for alias in data.get("aliases", [])]
    return [str(n) for n in dict.fromkeys(names) if n]


_EVERY_TREATY: WeakKeyDictionary[Catalog, TreatyFinder] = WeakKeyDictionary()


def every_treaty(catalog: Catalog) -> TreatyFinder:
    """The finder of all the catalog's treaties, made once per catalog: the treaty index and
    the treaty feed both show it (5,000 rows take half a second)."""
    finder = _EVERY_TREATY.get(catalog)
    if finder is None:
        finder = _EVERY_TREATY[catalog] = treaty_finder(catalog, catalog.collection("treaties"))
    return finder


def treaty_finder(catalog: Catalog, treaties: list[Record]) -> TreatyFinder:
    rows = sorted((_treaty_row(catalog, t) for t in treaties),
                  key=lambda r: (r.signed.sort_key(), r.record.name.casefold(), r.record.id))
    parties = Counter(p.id for row in rows for p in row.parties)
    decades = Counter(row.decade for row in rows)
    party_options = [Option(i, catalog.get(i).label, n) for i, n in parties.items()]
    return TreatyFinder(
        rows=tuple(rows),
        parties=tuple(sorted(party_options, key=lambda o: (o.label.casefold(), o.value))),
        decades=tuple(Option(str(d), f"{d}s", decades[d]) for d in sorted(decades)),
    )


def organization_rows(organizations: list[Record]) -> tuple[OrganizationRow, ...]:
    rows = [
        OrganizationRow(
            record=o, founded=o.date("founded"), names=_folded(names_of(o)),
            context=_folded([o.kind.replace("-", " "), str(o.data.get("headquarters", ""))]),
        )
        for o in organizations
    ]
    return tuple(sorted(rows, key=lambda r: (r.record.name.casefold(), r.record.id)))


def _treaty_row(catalog: Catalog, treaty: Record) -> TreatyRow:
    signed = treaty.date("signed")
    assert signed is not None  # required by the schema
    parties = tuple(catalog.get(p) for p in treaty.data["parties"])
    org_id = treaty.data.get("organization")
    organization = catalog.get(org_id) if org_id else None
    context = [treaty.kind, str(treaty.data.get("place", "")), str(signed)]
    for other in (*parties, *([organization] if organization else [])):
        context += names_of(other)
    return TreatyRow(
        record=treaty, signed=signed, parties=parties, organization=organization,
        decade=signed.year // 10 * 10, names=_folded(names_of(treaty)), context=_folded(context),
    )


def _folded(texts: list[str]) -> str:
    return fold(" · ".join(t for t in texts if t))
