"""Questions about a validated set of records: lookups, backlinks, memberships, timeline.

Pure functions over the records, built once per build.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from . import COLLECTIONS
from .hubs import timeline_slice
from .i18n import Lang, english
from .model import Membership, PartialDate, Record
from .paging import HUB_ENTRIES
from .schema import fields, values_at

# Order of entries that share a date: what exists first, then what it does.
KIND_ORDER = ("organization", "treaty", "facility", "membership", "event", "document")
# Where a record comes from: the source text the Atlas was created from, or later research.
PROVENANCES = ("source-text", "research")
MILESTONE_WORDS = {
    "ratification": "ratified", "entry-into-force": "entered into force", "denunciation": "denounced",
    "withdrawal": "withdrawal", "suspension": "suspended", "resumption": "resumed", "extension": "extended",
    "termination": "terminated",
}


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
    provenance: str = "research"  # one of PROVENANCES

    def sort_key(self) -> tuple[Any, ...]:
        """Oldest first (see PartialDate.sort_key: in a year, year-only dates lead, 'early' before
        plain before 'late'); on equal dates KIND_ORDER, then title, then id — a total, stable
        order. The timeline page states the same rule (templates/timeline.md.j2)."""
        return (self.date.sort_key(), KIND_ORDER.index(self.kind), self.title.casefold(), self.record.id)


class Catalog:
    def __init__(self, records: list[Record], lang: Lang = english) -> None:
        self.lang = lang  # the language of the timeline's words (i18n)
        self.records = sorted(records, key=lambda r: (r.collection, r.id))
        self.by_id: dict[str, Record] = {r.id: r for r in self.records}
        self._backlinks: dict[str, list[Backlink]] = defaultdict(list)
        # Computed once on first use: each page asks again (scripts/benchmark.py measures this).
        self._by_collection: dict[str, list[Record]] = defaultdict(list)
        self._timeline: list[TimelineEntry] | None = None
        self._timeline_by_id: dict[str, list[TimelineEntry]] | None = None
        self._memberships: list[Membership] | None = None
        self._provenance: dict[str, str] = {}
        self._directions_of: dict[str, list[Record]] | None = None
        self._directions_limit = 0
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

    def facilities_in(self, country: Record) -> list[Record]:
        """The foreign military facilities on a country's soil, oldest first."""
        return [f for f in self.backlinks_to(country, "facilities") if f.data.get("host") == country.id]

    def directions_of(self, record: Record, limit: int = HUB_ENTRIES) -> list[Record]:
        """The directions of cooperation whose pages link to `record`: through their organizations
        and partners, or through an entry of their timeline (its record and its parties). The
        record's page links back to each, so every link between record pages goes both ways."""
        if self._directions_of is None or self._directions_limit != limit:
            self._directions_limit = limit
            found: dict[str, list[Record]] = defaultdict(list)
            for direction in self.collection("directions"):
                ids = {*direction.data.get("organizations", []), *direction.data.get("partners", [])}
                for e in timeline_slice(self.timeline_of(direction), limit).shown:  # what its page shows
                    ids.add(e.record.id)
                    ids.update(e.parties)
                for i in sorted(ids):
                    found[i].append(direction)
            self._directions_of = found
        return [d for d in self._directions_of.get(record.id, ()) if d is not record]

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

    def provenance(self, record: Record) -> str:
        """'source-text' for a record that cites the source text the Atlas was created from
        (in its citations or its notes), 'research' for one that rests on later research only."""
        found = self._provenance.get(record.id)
        if found is None:
            cited = [c["source"] for c in record.data.get("citations", [])]
            cited += [c["source"] for n in record.data.get("notes", []) for c in n.get("citations", [])]
            text = any(self.by_id[s].data.get("kind") == "source-text" for s in cited if s in self.by_id)
            found = self._provenance[record.id] = "source-text" if text or record.data.get("kind") == "source-text" \
                else "research"
        return found

    def _entries(self, record: Record) -> list[TimelineEntry]:
        data = record.data
        t = self.lang.t
        out: list[TimelineEntry] = []
        provenance = self.provenance(record)

        def add(key: str, kind: str, what: str, title: str | None = None,
                parties: tuple[str, ...] | None = None) -> None:
            if data.get(key) is None:
                return
            out.append(TimelineEntry(
                date=PartialDate.parse(data[key]), kind=kind, title=title or record.name, record=record,
                parties=parties if parties is not None else self.parties_of(record),
                organizations=self.organizations_of(record), summary=data.get("summary", ""), what=what,
                provenance=provenance,
            ))

        if record.collection == "treaties":
            add("signed", "treaty", t("signed"))
            add("in_force", "treaty", t("entered into force"))
            add("ended", "treaty", t("ceased to have effect"))
            out.extend(self._milestone_entries(record, provenance))
        elif record.collection == "facilities":
            add("opened", "facility", t("opened"))
            add("closed", "facility", t("closed"))
        elif record.collection == "organizations":
            add("founded", "organization", t("founded"))
            add("ended", "organization", t("ceased to exist"))
            founded = record.date("founded")
            for m in record.memberships():
                member = self.by_id[m.member]
                if m.joined and not (m.role == "founding" and m.joined == founded):
                    out.append(self._membership_entry(record, member, m, m.joined, provenance))
                if m.left:
                    out.append(self._membership_entry(record, member, m, m.left, provenance))
        elif record.collection in ("events", "documents"):
            add("date", "event" if record.collection == "events" else "document",
                t(record.kind.replace("-", " ")))
        return out

    def _milestone_entries(self, treaty: Record, provenance: str) -> list[TimelineEntry]:
        t = self.lang.t
        out = []
        for milestone in treaty.data.get("milestones", []):
            party = milestone.get("party")
            what = t(MILESTONE_WORDS[milestone["kind"]])
            if party:
                by = self.by_id[party].name
                what = {"withdrawal": t("withdrawal of {by}", by=by), "entry-into-force": t("in force for {by}", by=by),
                        "suspension": t("suspended by {by}", by=by), "resumption": t("resumed by {by}", by=by)}.get(
                    milestone["kind"], t("{what} by {by}", what=what, by=by))
            in_country = (party,) if party and self.by_id[party].collection == "countries" else None
            out.append(TimelineEntry(
                date=PartialDate.parse(milestone["date"]), kind="treaty", title=treaty.name, record=treaty,
                parties=in_country or self.parties_of(treaty), organizations=self.organizations_of(treaty),
                summary=milestone.get("note") or treaty.data.get("summary", ""), what=what,
                provenance=provenance,
            ))
        return out

    def _membership_entry(self, org: Record, member: Record, m: Membership, when: PartialDate,
                          provenance: str) -> TimelineEntry:
        t = self.lang.t
        names = {"member": member.name, "org": org.name}
        if when is m.joined:
            what = t("restored") if m.restored else t("joined")
            title = t("{member} restores its membership of {org}" if m.restored else "{member} joins {org}",
                      member=member.name, org=org.label)
            summary = t("{member} restored its membership of the {org}." if m.restored
                        else "{member} joined the {org}.", **names)
        else:
            how = m.left_how if m.left_how in ("suspended", "expelled") else "left"
            what = t(how)
            title = t({"suspended": "{member} suspends its membership of {org}", "expelled": "{member} is expelled "
                       "from {org}", "left": "{member} leaves {org}"}[how], member=member.name, org=org.label)
            summary = t({"suspended": "{member} suspended its membership of the {org}.",
                         "expelled": "{member} was expelled from the {org}.", "left": "{member} left the {org}."}[how],
                        **names)
        return TimelineEntry(
            date=when, kind="membership", title=title, record=org,
            parties=(member.id,), organizations=(org.id,), summary=summary, what=what, provenance=provenance,
        )

    def parties_of(self, record: Record) -> tuple[str, ...]:
        """The countries a record concerns. An organization's are its founders: the members that
        joined on its founding date (or, with no date, are marked founding), not those that
        joined later with a founding role (the CIS's Alma-Ata signatories)."""
        data = record.data
        if record.collection == "organizations":
            founded = record.date("founded")
            return tuple(dict.fromkeys(
                m.member for m in record.memberships()
                if m.role == "founding" and (m.joined is None or founded is None or m.joined == founded)
            ))
        ids = [*data.get("parties", []), *data.get("participants", []), *data.get("concerns", [])]
        if record.collection == "facilities":
            ids = [data["host"], *data.get("users", [])]
        if data.get("country"):
            ids.append(data["country"])
        if data.get("issuer"):
            ids.insert(0, data["issuer"])
        return tuple(i for i in dict.fromkeys(ids) if self.by_id[i].collection == "countries")

    def organizations_of(self, record: Record) -> tuple[str, ...]:
        data = record.data
        ids = [*data.get("parties", []), *data.get("participants", []), *data.get("concerns", []),
               *data.get("users", [])]
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
