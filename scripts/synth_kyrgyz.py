"""The `kyrgyz` profile: synthetic data in the Atlas's real shape, at any size.

Kyrgyzstan is a party to every treaty; the other parties (one to four) come from 30 states
drawn with Zipf-like weights, so its neighbours and Russia are in most treaties and a long
tail of states in a few. The country pages are hubs: Kyrgyzstan's lists every treaty. Per
treaty there are 1/25 organization, 1/2 event, 1/100 facility, 1/20 document and 1/10
source, plus six directions and the source text every record quotes. The records use the
newer fields as the real ones do: treaty milestones (ratification by Kyrgyzstan, entry into
force, withdrawals), membership periods that end in a suspension and are restored,
facilities with their host, users, agreements and coordinates, events with a country and a
point, notes that mark disputed or unverified fields. Every list of states rests on a
citation that supports it, as `atlas check` requires.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from itertools import product
from pathlib import Path
from typing import Any

from synth_common import Day, draw_distinct, slug, unique, unique_id, write_record, zipf_weights
from synth_names import (
    DIRECTIONS,
    EVENT_KINDS,
    FACILITY_KINDS,
    INNER_BOXES,
    KYRGYZSTAN,
    ORG_BODIES,
    ORG_REGIONS,
    PARTNERS,
    PUBLISHERS,
    SOURCE_KINDS,
    TOPICS,
    TOWNS,
    TREATY_KINDS,
    State,
)

TEXT_SOURCE = "kyrgyz-security-synthetic-text"
TEXT_FILE = "kyrgyz-security-synthetic.txt"
LATEST = datetime.date(2025, 6, 30)  # nothing is dated after this
KG = KYRGYZSTAN.id
STATES = {s.id: s for s in (KYRGYZSTAN, *PARTNERS)}
PARTNER_WEIGHTS = zipf_weights(len(PARTNERS), 1.2)


def sizes(treaties: int) -> dict[str, int]:
    """How many records of each collection go with `treaties` treaties."""
    return {
        "treaties": treaties,
        "countries": 1 + len(PARTNERS),
        "organizations": max(4, treaties // 25),
        "events": max(5, treaties // 2),
        "facilities": max(3, treaties // 100),
        "documents": max(3, treaties // 20),
        "directions": len(DIRECTIONS),
        "sources": 1 + max(3, treaties // 10),
    }


def write_dataset(data_dir: Path, treaties: int) -> dict[str, int]:
    """Write the data set below `data_dir`; returns the number of records per collection."""
    synth = _Synth(random.Random(f"kyrgyz-{treaties}"), sizes(treaties))
    (data_dir / "texts").mkdir(parents=True, exist_ok=True)
    (data_dir / "texts" / TEXT_FILE).write_text(synth.text(), encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for collection, record in synth.records():
        write_record(data_dir, collection, record["id"], record)
        counts[collection] += 1
    return dict(counts)


class _Synth:
    def __init__(self, rng: random.Random, n: dict[str, int]) -> None:
        self.rng, self.n = rng, n
        self.sentences = self._sentences()
        self.source_ids = [f"{slug(PUBLISHERS[i % len(PUBLISHERS)][0])}-{1000 + i}" for i in range(n["sources"] - 1)]
        self.org_ids: list[str] = []
        self.org_names: dict[str, str] = {}
        self.org_weights: list[float] = []
        self.treaties_of: dict[str, list[str]] = defaultdict(list)  # party → treaty ids
        self.names: set[str] = set()
        self.ids: set[str] = set()

    # --- evidence ---------------------------------------------------------------------

    def _sentences(self) -> list[str]:
        rng, out = self.rng, []
        for i in range(240):
            state, topic, year = rng.choice(PARTNERS), rng.choice(TOPICS).lower(), rng.randint(1991, 2024)
            out.append((
                f"In {year}, the Kyrgyz Republic and {state.official} signed an agreement on {topic}.",
                f"The {KYRGYZSTAN.adjective}–{state.adjective} commission met in {state.capital} on {topic} ({i}).",
                f"Parliament ratified the protocol with {state.official} on {topic} in {year}.",
                f"Kyrgyzstan and {state.name} held talks on {topic} in {rng.choice(TOWNS)} in {year}.",
            )[i % 4])
        return out

    def text(self) -> str:
        lines = [" ".join(self.sentences[i:i + 6]) for i in range(0, len(self.sentences), 6)]
        return "Synthetic source text on the military security of the Kyrgyz Republic\n" + "\n".join(lines) + "\n"

    def cite(self, supports: list[str], more: float = 0.4) -> list[dict[str, Any]]:
        """The source text for `supports`, and sometimes a second source for the first field."""
        rng = self.rng
        out: list[dict[str, Any]] = [{"source": TEXT_SOURCE, "quote": rng.choice(self.sentences), "supports": supports}]
        if rng.random() < more:
            other: dict[str, Any] = {"source": rng.choice(self.source_ids), "quote": rng.choice(self.sentences),
                                     "supports": supports[:1]}
            if rng.random() < 0.3:
                other["paraphrase"] = True
            out.append(other)
        return out

    def note(self, kind: str, fields: list[str], text: str) -> dict[str, Any]:
        note: dict[str, Any] = {"kind": kind, "fields": fields, "text": text}
        if kind == "disputed":
            note["citations"] = [{"source": TEXT_SOURCE, "quote": self.rng.choice(self.sentences), "supports": fields},
                                 {"source": self.rng.choice(self.source_ids), "quote": self.rng.choice(self.sentences),
                                  "supports": fields}]
        elif kind == "correction":
            note["source_says"] = self.rng.choice(self.sentences)
        return note

    # --- records ------------------------------------------------------------------------

    def records(self) -> list[tuple[str, dict[str, Any]]]:
        out: list[tuple[str, dict[str, Any]]] = [("sources", r) for r in self.sources()]
        out += [("countries", r) for r in self.countries()]
        organizations = self.organizations()
        treaties = self.treaties()
        self.link_founding_treaties(organizations, treaties)
        out += [("organizations", r) for r in organizations] + [("treaties", r) for r in treaties]
        out += [("events", r) for r in self.events()] + [("facilities", r) for r in self.facilities()]
        out += [("documents", r) for r in self.documents()] + [("directions", r) for r in self.directions()]
        return out

    def sources(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [{
            "id": TEXT_SOURCE, "title": "Foreign policy aspects of the military security of the Kyrgyz Republic "
            "(synthetic)", "publisher": "Benchmark Press", "url": "https://example.org/kyrgyz-security",
            "kind": "source-text", "text_file": TEXT_FILE, "lang": "en",
            "summary": "The synthetic text every record of the benchmark quotes."}]
        for i, sid in enumerate(self.source_ids):
            publisher, lang = PUBLISHERS[i % len(PUBLISHERS)]
            out.append({"id": sid, "kind": SOURCE_KINDS[i % len(SOURCE_KINDS)],
                        "title": f"{self.rng.choice(TOPICS)}: report {1000 + i}", "publisher": publisher,
                        "url": f"https://example.org/{slug(publisher)}/{1000 + i}", "lang": lang})
        return out

    def countries(self) -> list[dict[str, Any]]:
        out = []
        for state in STATES.values():
            record: dict[str, Any] = {"id": state.id, "name": state.name,
                                      "official_name": state.official.removeprefix("the "), "iso": state.iso}
            if state.russian:
                record["aliases"] = [{"name": state.russian, "lang": "ru"}]
            record["summary"] = (f"{state.name}, with its capital {state.capital}, in its treaties and "
                                 f"organizations with the Kyrgyz Republic.")
            record["citations"] = self.cite(["name", "official_name"], more=0.2)
            out.append(record)
        return out

    def organizations(self) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        combos = list(product(ORG_REGIONS, ORG_BODIES))
        rng.shuffle(combos)
        abbreviations: set[str] = set()
        for j in range(self.n["organizations"]):
            region, body = combos[j % len(combos)]
            name = unique(f"{region} {body}", self.names, [f"{region} {body} {j // len(combos) + 1}"])
            initials = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper() or w[0].isdigit())
            oid = unique_id(slug(name), self.ids)
            founded = Day.between(rng, 1991, 2018)
            ended = founded.later(rng, 2500, 9000, "month") if rng.random() < 0.06 else None
            if ended and ended.day > LATEST:
                ended = None
            record: dict[str, Any] = {"id": oid, "name": name,
                                      "abbreviations": [unique(initials, abbreviations, [f"{initials}{j}"])],
                                      "kind": ORG_BODIES[body], "founded": str(founded)}
            if ended:
                record["ended"] = str(ended)
            if j > 3 and rng.random() < 0.15:
                record["parent"] = rng.choice(self.org_ids)
            founders = ([KYRGYZSTAN] if rng.random() < 0.85 else []) + draw_distinct(
                rng, PARTNERS, PARTNER_WEIGHTS, rng.randint(2, 6))
            record["headquarters"] = rng.choice(founders).capital
            record["members"] = self.members(founders, founded, ended.day if ended else LATEST)
            if rng.random() < 0.2:
                record["aliases"] = [{"name": f"{region} {body} of States", "note": "former name"}]
            record["summary"] = (f"A {body.lower()} founded on {founded.words()} by "
                                 f"{_and([s.name for s in founders])}; headquarters in {record['headquarters']}.")
            record["citations"] = self.cite(["name", "founded", "members"])
            out.append(record)
            self.org_ids.append(oid)
            self.org_names[oid] = name
        self.org_weights = zipf_weights(len(self.org_ids), 1.0)
        return out

    def members(self, founders: list[State], founded: Day, until: datetime.date) -> list[dict[str, Any]]:
        """Founders, later members, observers; some periods end in a withdrawal or a suspension
        and a suspended membership is often restored by a second entry."""
        rng = self.rng
        rows: list[dict[str, Any]] = [{"member": s.id, "joined": str(founded), "role": "founding"} for s in founders]
        others = [s for s in PARTNERS if s not in founders]
        for state in draw_distinct(rng, others, zipf_weights(len(others), 1.2), rng.randint(0, 5)):
            joined = founded.later(rng, 150, 6000)
            if joined.day < until:
                role = "member" if rng.random() < 0.75 else rng.choice(("observer", "partner"))
                rows.append({"member": state.id, "joined": str(joined), "role": role, "_day": joined})
        extra: list[dict[str, Any]] = []
        for row in rows:
            joined = row.pop("_day", founded)
            roll = rng.random()
            if row["member"] == KG or roll > 0.14:
                continue
            left = joined.later(rng, 300, 5000)
            if left.day >= until:
                continue
            row["left"], row["left_how"] = str(left), "suspended" if roll < 0.08 else "withdrew"
            if roll < 0.005:
                row["left_how"] = "expelled"
            if row["left_how"] == "suspended" and rng.random() < 0.7:
                back = left.later(rng, 200, 2500)
                if back.day < until:
                    extra.append({"member": row["member"], "joined": str(back), "role": "member",
                                  "note": "Membership restored after the suspension."})
        return rows + extra

    def treaties(self) -> list[dict[str, Any]]:
        rng = self.rng
        kinds, kind_weights = list(TREATY_KINDS), list(TREATY_KINDS.values())
        days = sorted((Day.between(rng, 1991, 2024) for _ in range(self.n["treaties"])), key=lambda d: d.day)
        out: list[dict[str, Any]] = []
        for i, signed in enumerate(days):
            kind = rng.choices(kinds, kind_weights)[0]
            others = draw_distinct(rng, PARTNERS, PARTNER_WEIGHTS, rng.choices((1, 2, 3, 4), (60, 15, 10, 15))[0])
            org_party = rng.choices(self.org_ids, self.org_weights)[0] if rng.random() < 0.04 else None
            topic = rng.choice(TOPICS)
            officials = [KYRGYZSTAN.official, *(s.official for s in others)]
            if org_party:
                officials.append(f"the {self.org_names[org_party]}")
            title = f"{kind.capitalize()} between {_and(officials)} on {topic}"
            name = unique(title, self.names, [f"{title} of {signed.words()}"])
            codes = "-".join(s.iso.lower() for s in (KYRGYZSTAN, *others))
            tid = unique_id(f"{codes}-{slug(topic)}-{signed.year}", self.ids)
            place = (KYRGYZSTAN.capital if rng.random() < 0.5 else rng.choice(others).capital)
            record: dict[str, Any] = {"id": tid, "name": name}
            if rng.random() < 0.3:
                adjectives = "–".join(s.adjective for s in (KYRGYZSTAN, *others[:2]))
                record["short_name"] = f"{adjectives} {topic} {kind.capitalize()} ({signed.year})"
            record.update({"kind": kind, "signed": str(signed), "place": place,
                           "parties": [KG, *(s.id for s in others), *([org_party] if org_party else [])]})
            self.lifecycle(record, signed, others)
            if rng.random() < 0.3:
                record["organization"] = rng.choices(self.org_ids, self.org_weights)[0]
            if i > 10 and rng.random() < 0.12:
                target = out[rng.randrange(i)]
                how = rng.choice(("amends", "amends", "supersedes", "implements", "related"))
                record["relations"] = [{"type": how, "target": target["id"]}]
                if how == "supersedes" and target["status"] == "in-force":
                    target["status"] = "superseded"
            self.treaty_notes(record)
            record["summary"] = (f"{kind.capitalize()} signed in {place} on {signed.words()} by Kyrgyzstan and "
                                 f"{_and([s.name for s in others])}, on {topic.lower()}.")
            supports = ["name", "signed", "place", "parties"]
            record["citations"] = self.cite(supports) + (
                self.cite(["in_force", "milestones"], more=0) if "in_force" in record else [])
            if rng.random() < 0.01:
                record["redirect_from"] = [f"{tid}-draft"]
            for party in record["parties"]:
                self.treaties_of[party].append(tid)
            out.append(record)
        return out

    def lifecycle(self, record: dict[str, Any], signed: Day, others: list[State]) -> None:
        """Entry into force, status, end and milestones: ratification by Kyrgyzstan and others,
        entry into force, a party's withdrawal or suspension, extension, termination."""
        rng, roll = self.rng, self.rng.random()
        in_force = signed.later(rng, 20, 900, "day" if rng.random() < 0.8 else "year")
        if roll < 0.1 or in_force.day > LATEST:
            record["status"] = "signed"
            return
        record["in_force"] = str(in_force)
        record["status"] = "unknown" if roll < 0.13 else "in-force"
        milestones: list[dict[str, Any]] = []
        gap = (in_force.day - signed.last).days
        if rng.random() < 0.35 and gap > 2:
            milestones.append({"kind": "ratification", "date": str(signed.later(rng, 1, gap - 1)), "party": KG})
            if rng.random() < 0.4:
                milestones.append({"kind": "ratification", "date": str(signed.later(rng, 1, gap - 1)),
                                   "party": others[0].id})
            if rng.random() < 0.5:
                milestones.append({"kind": "entry-into-force", "date": str(in_force)})
        later = in_force.later(rng, 365, 4000)
        if later.day <= LATEST:
            if roll > 0.95:
                record["status"], record["ended"] = "terminated", str(later)
                milestones.append({"kind": rng.choice(("denunciation", "termination")), "date": str(later),
                                   **({"party": KG} if rng.random() < 0.5 else {})})
            elif len(others) > 1 and roll > 0.9:
                milestones.append({"kind": "withdrawal", "date": str(later), "party": others[-1].id,
                                   "note": f"{others[-1].name} withdrew; the treaty stays in force for the others."})
            elif roll > 0.88:
                back = later.later(rng, 100, 1500)
                milestones.append({"kind": "suspension", "date": str(later), "party": others[0].id})
                if back.day <= LATEST:
                    milestones.append({"kind": "resumption", "date": str(back), "party": others[0].id})
            elif roll > 0.85:
                milestones.append({"kind": "extension", "date": str(later), "note": "Extended for five years."})
        if milestones:
            record["milestones"] = milestones

    def treaty_notes(self, record: dict[str, Any]) -> None:
        roll = self.rng.random()
        if roll < 0.02:
            note = self.note("disputed", ["signed"], "Sources disagree on the date of signature.")
        elif roll < 0.035:
            note = self.note("disputed", ["place"], "Sources disagree on where it was signed.")
        elif roll < 0.06 and "in_force" in record:
            note = self.note("unverified", ["in_force"], "Research could not confirm the date of entry into force.")
        elif roll < 0.07:
            note = self.note("correction", ["signed"],
                             "The source gives another date; the treaty's text gives this one.")
        elif roll < 0.12:
            note = {"kind": "context", "text": "Part of a series of agreements signed during a state visit."}
        else:
            return
        record["notes"] = [note]

    def link_founding_treaties(self, organizations: list[dict[str, Any]], treaties: list[dict[str, Any]]) -> None:
        founding: dict[str, str] = {}
        for treaty in treaties:
            if treaty.get("organization") and treaty["kind"] in ("treaty", "charter", "agreement"):
                founding.setdefault(treaty["organization"], treaty["id"])
        for org in organizations:
            if org["id"] in founding and self.rng.random() < 0.5:
                org["founding_treaty"] = founding[org["id"]]
            # the order an editor writes: scalar fields, then the lists, then summary and evidence
            for key in ("members", "aliases", "summary", "citations"):
                if key in org:
                    org[key] = org.pop(key)

    def events(self) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        kinds = list(EVENT_KINDS)
        for _ in range(self.n["events"]):
            kind = rng.choices(kinds, (20, 5, 10, 8, 8, 6, 6, 3, 3, 3, 3, 15))[0]
            date = Day.between(rng, 1991, 2024)
            others = draw_distinct(rng, PARTNERS, PARTNER_WEIGHTS, rng.randint(1, 3))
            org = rng.choices(self.org_ids, self.org_weights)[0] if rng.random() < 0.3 else None
            country = None
            if rng.random() < 0.65:
                country = STATES[KG] if rng.random() < 0.6 else others[0]
            place = rng.choice(TOWNS) if country is STATES[KG] else (country or rng.choice(others)).capital
            with_whom = (f"{self.org_names[org]}" if org and kind in ("summit", "founding", "accession") else
                         "–".join(s.adjective for s in (KYRGYZSTAN, *others)))
            title = f"{with_whom} {EVENT_KINDS[kind].lower()} in {place}"
            record: dict[str, Any] = {"id": "", "name": unique(title, self.names, [f"{title}, {date.words()}"]),
                                      "kind": kind, "date": str(date)}
            record["id"] = unique_id(f"{slug(kind)}-{slug(place)}-{date.year}", self.ids)
            if kind in ("clash", "deployment", "incursion", "other") and rng.random() < 0.5:
                record["end"] = str(date.later(rng, 1, 40))
            record["place"] = place
            if country:
                record["country"] = country.id
                box = INNER_BOXES.get(country.id)
                if box and rng.random() < 0.75:
                    record["coordinates"] = {"lat": round(rng.uniform(box[0], box[1]), 4),
                                             "lon": round(rng.uniform(box[2], box[3]), 4)}
            record["participants"] = [KG, *(s.id for s in others), *([org] if org else [])]
            record["summary"] = f"{EVENT_KINDS[kind]} involving Kyrgyzstan and {_and([s.name for s in others])}, " \
                                f"in {place} on {date.words()}."
            if rng.random() < 0.15:
                related = self.treaties_of[others[0].id] or self.treaties_of[KG]
                record["relations"] = [{"type": "related", "target": rng.choice(related)}]
            if rng.random() < 0.04:
                record["notes"] = [self.note(rng.choice(("unverified", "disputed")), ["date"],
                                             "Reports differ on the date.")]
            record["citations"] = self.cite(["date", "place", "participants"])
            out.append(record)
        return out

    def facilities(self) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        hosts_of_bases = [s for s in PARTNERS if s.id in ("russia", "china", "united-states", "kazakhstan",
                                                            "india", "turkey")]
        kinds = list(FACILITY_KINDS)
        for f in range(self.n["facilities"]):
            kind = rng.choices(kinds, (15, 20, 10, 10, 5, 5, 35))[0]
            town = rng.choice(TOWNS)
            name = unique(f"{town} {FACILITY_KINDS[kind]}", self.names, [f"{town} {FACILITY_KINDS[kind]} {f}"])
            users: list[str] = [s.id for s in draw_distinct(rng, hosts_of_bases, zipf_weights(6, 1.5),
                                                            1 if rng.random() < 0.85 else 2)]
            if rng.random() < 0.08:
                users.append(rng.choices(self.org_ids, self.org_weights)[0])
            box = INNER_BOXES[KG]
            opened = Day.between(rng, 1992, 2022)
            record: dict[str, Any] = {
                "id": unique_id(slug(name), self.ids), "name": name, "kind": kind, "host": KG, "users": users,
                "place": f"{town}, Kyrgyzstan",
                "coordinates": {"lat": round(rng.uniform(box[0], box[1]), 5),
                                "lon": round(rng.uniform(box[2], box[3]), 5)},
            }
            candidates = self.treaties_of[users[0]]
            if candidates:
                record["agreements"] = rng.sample(candidates, k=min(len(candidates), rng.randint(1, 3)))
            record["opened"] = str(opened)
            closed = opened.later(rng, 300, 6000)
            roll = rng.random()
            if roll < 0.35 and closed.day <= LATEST:
                record["closed"], record["status"] = str(closed), "closed"
            else:
                record["status"] = "unknown" if roll > 0.9 else "active"
            record["summary"] = (f"A {FACILITY_KINDS[kind].lower()} near {town} used by "
                                 f"{_and([STATES[u].name if u in STATES else self.org_names[u] for u in users])}.")
            if rng.random() < 0.1:
                record["notes"] = [self.note("disputed", ["opened"], "Sources disagree on when it opened.")]
            record["citations"] = self.cite(["name", "host", "users", "place", "coordinates", "agreements", "opened"])
            out.append(record)
        return out

    def documents(self) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        for _ in range(self.n["documents"]):
            kind = rng.choice(("doctrine", "policy", "statement"))
            issuer = KYRGYZSTAN if rng.random() < 0.7 else rng.choices(PARTNERS, PARTNER_WEIGHTS)[0]
            date = Day.between(rng, 1993, 2024)
            topic = rng.choice(TOPICS)
            title = {"doctrine": f"Military Doctrine of {issuer.official}",
                     "policy": f"Concept of {topic} of {issuer.official}",
                     "statement": f"Statement of {issuer.official} on {topic}"}[kind]
            name = unique(title, self.names, [f"{title} ({date.year})", f"{title} of {date.words()}"])
            record: dict[str, Any] = {"id": unique_id(slug(f"{issuer.id}-{kind}-{topic}-{date.year}"), self.ids),
                                      "name": name, "kind": kind, "date": str(date), "issuer": issuer.id}
            concerns = draw_distinct(rng, PARTNERS, PARTNER_WEIGHTS, rng.randint(1, 3))
            record["concerns"] = [s.id for s in concerns if s is not issuer]
            if rng.random() < 0.3:
                record["concerns"].append(rng.choices(self.org_ids, self.org_weights)[0])
            if rng.random() < 0.3:
                record["quote"] = rng.choice(self.sentences)
            record["summary"] = f"A {kind} of {issuer.name} on {topic.lower()}, of {date.words()}."
            record["citations"] = self.cite(["name", "date", "issuer"])
            out.append(record)
        return out

    def directions(self) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        for order, (direction_id, name) in enumerate(DIRECTIONS, start=1):
            partners = draw_distinct(rng, PARTNERS, PARTNER_WEIGHTS, rng.randint(2, 5))
            orgs = draw_distinct(rng, self.org_ids, self.org_weights, rng.randint(1, 3))
            out.append({"id": direction_id, "name": name, "order": order, "organizations": orgs,
                        "partners": [s.id for s in partners],
                        "summary": f"{name}: with {_and([s.name for s in partners])}.",
                        "citations": self.cite(["name", "organizations", "partners"])})
        return out


def _and(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"

