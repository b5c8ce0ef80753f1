"""Questions about a validated set of records: lookups, backlinks, memberships, timeline.

Pure functions over the records, built once per build.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from . import COLLECTIONS
from .model import Membership, PartialDate, Record
from .schema import fields, values_at

# Order of entries that share a date: what exists first, then what it does.
KIND_ORDER = ("organization", "treaty", "membership", "event", "document")


@dataclass(frozen=True)
class Backlink:
    """`record` refers to the target through `field` (e.g. 'parties', 'members')."""

    record: Record
    field: str


@dataclass(frozen=True)
class TimelineEntry:
    date: PartialDate
    kind: str  # one of KIND_ORDER
    title: str
    record: Record
    parties: tuple[str, ...]
    organizations: tuple[str, ...]
    summary: str
    what: str  # signed, founded, joined, left, in force ...

    def sort_key(self) -> tuple[Any, ...]:
        """Oldest first (see PartialDate.sort_key: in a year, year-only dates lead, 'early' before
        plain before 'late'); on equal dates KIND_ORDER, then title, then id — a total, stable
        order. The timeline page states the same rule (templates/timeline.md.j2)."""
        return (self.date.sort_key(), KIND_ORDER.index(self.kind), self.title.casefold(), self.record.id)


class Catalog:
    def __init__(self, records: list[Record]) -> None:
        self.records = sorted(records, key=lambda r: (r.collection, r.id))
        self.by_id: dict[str, Record] = {r.id: r for r in self.records}
        self._backlinks: dict[str, list[Backlink]] = defaultdict(list)
        # Computed once on first use: each page asks again (scripts/benchmark.py measures this).
        self._by_collection: dict[str, list[Record]] = defaultdict(list)
        self._timeline: list[TimelineEntry] | None = None
        self._timeline_by_id: dict[str, list[TimelineEntry]] | None = None
        self._memberships: list[Membership] | None = None
        for record in self.records:
            self._by_collection[record.collection].append(record)
            referred: set[str] = set()  # one backlink per record and target, through the first field
            for spec in fields(record.collection):
                if not spec.references:
                    continue
                top = spec.path[0]
                for _, value in values_at(record.data, spec.path):
                    if value not in referred:
                        referred.add(value)
                        self._backlinks[value].append(Backlink(record, top))

    def get(self, record_id: str) -> Record:
        return self.by_id[record_id]

    def collection(self, name: str) -> list[Record]:
        return list(self._by_collection.get(name, ()))

    def counts(self) -> dict[str, int]:
        return {c: len(self.collection(c)) for c in COLLECTIONS}

    def backlinks_to(self, record: Record, collection: str | None = None) -> list[Record]:
        found = [b.record for b in self._backlinks.get(record.id, []) if b.record is not record]
        if collection:
            found = [r for r in found if r.collection == collection]
        return sorted(found, key=_chronological)

    def memberships(self) -> list[Membership]:
        if self._memberships is None:
            self._memberships = [m for org in self.collection("organizations") for m in org.memberships()]
        return list(self._memberships)

    def memberships_of(self, country: Record) -> list[Membership]:
        return [m for m in self.memberships() if m.member == country.id]

    def timeline(self) -> list[TimelineEntry]:
        if self._timeline is None:
            entries: list[TimelineEntry] = []
            for record in self.records:
                entries.extend(self._entries(record))
            self._timeline = sorted(entries, key=TimelineEntry.sort_key)
        return list(self._timeline)

    def timeline_of(self, record: Record) -> list[TimelineEntry]:
        """The entries that concern a country, organization or direction."""
        if record.collection == "directions":
            return self._direction_timeline(record)
        if self._timeline_by_id is None:
            index: dict[str, list[TimelineEntry]] = defaultdict(list)
            for e in self.timeline():
                for i in {e.record.id, *e.parties, *e.organizations}:
                    index[i].append(e)
            self._timeline_by_id = index
        return list(self._timeline_by_id.get(record.id, ()))

    def _direction_timeline(self, direction: Record) -> list[TimelineEntry]:
        """A direction's entries: those within its organizations or organizations tied to them
        (a predecessor, a programme), those of records that refer to it, and — for a direction
        of bilateral cooperation, which names partners but no organization — its partners'
        entries outside any organization. Partners of a multilateral direction are its members,
        not a reason to list their unrelated bilateral treaties there."""
        orgs = set(direction.data.get("organizations", []))
        for org in self.collection("organizations"):
            ties = {org.data.get("parent")} | {r["target"] for r in org.data.get("relations", [])}
            if org.id in orgs:
                orgs |= {t for t in ties if t in self.by_id and self.by_id[t].collection == "organizations"}
            elif ties & orgs:
                orgs.add(org.id)
        partners = set() if orgs else set(direction.data.get("partners", []))
        referring = {r.id for r in self.backlinks_to(direction)}
        return [  # isdisjoint, not `&`: no set per entry (the timeline has some 10,000 at 5,000 treaties)
            e for e in self.timeline()
            if e.record.id in referring or not orgs.isdisjoint(e.organizations)
            or (not e.organizations and not partners.isdisjoint(e.parties))
        ]

    def _entries(self, record: Record) -> list[TimelineEntry]:
        data = record.data
        out: list[TimelineEntry] = []

        def add(key: str, kind: str, what: str, title: str | None = None,
                parties: tuple[str, ...] | None = None) -> None:
            if data.get(key) is None:
                return
            out.append(TimelineEntry(
                date=PartialDate.parse(data[key]), kind=kind, title=title or record.name, record=record,
                parties=parties if parties is not None else self.parties_of(record),
                organizations=self.organizations_of(record), summary=str(data.get("summary", "")), what=what,
            ))

        if record.collection == "treaties":
            add("signed", "treaty", "signed")
            add("in_force", "treaty", "entered into force")
            add("ended", "treaty", "ceased to have effect")
        elif record.collection == "organizations":
            add("founded", "organization", "founded")
            add("ended", "organization", "ceased to exist")
            founded = record.date("founded")
            for m in record.memberships():
                member = self.by_id[m.member]
                if m.joined and not (m.role == "founding" and m.joined == founded):
                    out.append(self._membership_entry(record, member, m.joined, "joined"))
                if m.left:
                    out.append(self._membership_entry(record, member, m.left, "left"))
        elif record.collection in ("events", "documents"):
            add("date", "event" if record.collection == "events" else "document",
                record.kind.replace("-", " "))
        return out

    def _membership_entry(self, org: Record, member: Record, when: PartialDate, what: str) -> TimelineEntry:
        verb = "joins" if what == "joined" else "leaves"
        return TimelineEntry(
            date=when, kind="membership", title=f"{member.name} {verb} {org.label}", record=org,
            parties=(member.id,), organizations=(org.id,),
            summary=f"{member.name} {what} the {org.name}.", what=what,
        )

    def parties_of(self, record: Record) -> tuple[str, ...]:
        data = record.data
        if record.collection == "organizations":
            return tuple(m["member"] for m in data.get("members", []) if m.get("role") == "founding")
        ids = [*data.get("parties", []), *data.get("participants", []), *data.get("concerns", [])]
        if data.get("issuer"):
            ids.insert(0, data["issuer"])
        return tuple(i for i in dict.fromkeys(ids) if self.by_id[i].collection == "countries")

    def organizations_of(self, record: Record) -> tuple[str, ...]:
        data = record.data
        ids = [*data.get("parties", []), *data.get("participants", []), *data.get("concerns", [])]
        for key in ("organization", "issuer", "parent"):
            if data.get(key):
                ids.append(data[key])
        ids += [r["target"] for r in data.get("relations", [])]
        if record.collection == "organizations":
            ids.append(record.id)
        return tuple(i for i in dict.fromkeys(ids) if self.by_id[i].collection == "organizations")


def _chronological(record: Record) -> tuple[Any, ...]:
    when = record.main_date
    return (when.sort_key() if when else (9999, 0, 0, 0), record.collection, record.name.casefold())
