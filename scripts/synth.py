#!/usr/bin/env python3
"""Synthetic Atlas data sets of any size, valid per the schemas, for benchmarks.

    python3 scripts/synth.py DATA_DIR 5000                    # the spread profile
    python3 scripts/synth.py DATA_DIR 5000 --profile kyrgyz   # the real shape

`write_dataset(data_dir, treaties, profile)` writes DATA_DIR/<collection>/*.yaml and
DATA_DIR/texts/, with the other collections in proportion to the number of treaties.
Two profiles:

- `kyrgyz` (scripts/synth_kyrgyz.py): the real shape. Kyrgyzstan is a party to every
  treaty, with one to four of 30 other states drawn with Zipf-like weights (its
  neighbours in most treaties, a long tail rarely), so the country pages are hubs; the
  newer fields (milestones, membership periods, facilities, places of events, notes that
  mark fields) are used as the real records use them.
- `spread` (below): records spread thinly over many countries, a country per 10
  treaties, an organization per 25, an event per 2, a document per 20, a direction per
  100, a facility per 100; one source whose text file every citation quotes. Synthetic
  countries take ISO codes AA, AB, …, many of them real codes, so they get real outlines;
  every other event, and every facility, is placed at a point inside its country's outline.

Both quote a source text, so quote checking runs as it does for real records. The
output is deterministic (seeded), so timings compare between runs.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "hooks"))  # this checkout's package, not one installed elsewhere

import synth_kyrgyz  # noqa: E402
from synth_common import partial_date as _date  # noqa: E402
from synth_common import write_record as _write  # noqa: E402

try:  # the outlines, to place events inside their countries (the benchmark runs in the venv)
    from atlas.geo.extract import MAP_FILES, load
except ImportError:  # pragma: no cover - synth.py alone, without the package: no coordinates
    MAP_FILES, load = (), None  # type: ignore[assignment]

PROFILES = ("kyrgyz", "spread")

SOURCE_ID = "synthetic-source"
TEXT_FILE = "synthetic.txt"
SENTENCES = [f"Sentence {i} of the synthetic source records an agreement, a summit or a membership."
             for i in range(200)]
TREATY_KINDS = ("treaty", "agreement", "protocol", "charter", "declaration", "decision")
ORG_KINDS = ("security-alliance", "economic-union", "regional-forum", "commonwealth", "development-bank")
EVENT_KINDS = ("summit", "accession", "decision", "assistance", "other")


def write_dataset(data_dir: Path, treaties: int, profile: str = "spread") -> dict[str, int]:
    """Write a valid data set of `profile` with `treaties` treaties below `data_dir`;
    returns the number of records per collection."""
    if profile == "kyrgyz":
        return synth_kyrgyz.write_dataset(data_dir, treaties)
    if profile == "spread":
        return write_spread(data_dir, treaties)
    raise ValueError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")


def sizes(treaties: int) -> dict[str, int]:
    """How many records of each collection go with `treaties` treaties (spread profile)."""
    return {
        "treaties": treaties,
        "countries": max(10, treaties // 10),
        "organizations": max(5, treaties // 25),
        "events": max(5, treaties // 2),
        "documents": max(2, treaties // 20),
        "directions": max(3, treaties // 100),
        "facilities": max(2, treaties // 100),
        "sources": 1,
    }


def write_spread(data_dir: Path, treaties: int) -> dict[str, int]:
    """The spread profile: `treaties` treaties and the rest in proportion; returns the counts."""
    rng = random.Random(treaties)
    n = sizes(treaties)
    countries = [f"country-{i}" for i in range(n["countries"])]
    organizations = [f"organization-{i}" for i in range(n["organizations"])]
    treaty_ids = [f"treaty-{i}" for i in range(treaties)]
    texts = data_dir / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    (texts / TEXT_FILE).write_text(" ".join(SENTENCES) + "\n", encoding="utf-8")
    _write(data_dir, "sources", SOURCE_ID, {
        "id": SOURCE_ID, "title": "A synthetic source text", "publisher": "Benchmark Press",
        "url": "https://example.org/synthetic", "kind": "source-text", "text_file": TEXT_FILE, "lang": "en",
    })
    for i, cid in enumerate(countries):
        _write(data_dir, "countries", cid, {
            "id": cid, "name": f"Country {i}", "official_name": f"Republic of Country {i}",
            "iso": _iso(i), "summary": f"Synthetic country number {i}.", "citations": _citations(rng),
        })
    for i, oid in enumerate(organizations):
        founded = 1991 + i % 15
        members = rng.sample(countries, k=min(len(countries), rng.randint(3, 12)))
        _write(data_dir, "organizations", oid, {
            "id": oid, "name": f"Organization {i}", "abbreviations": [f"ORG{i}"], "kind": ORG_KINDS[i % len(ORG_KINDS)],
            "founded": f"{founded}-05-15", "headquarters": f"City {i}",
            "members": [_member(rng, cid, founded, j) for j, cid in enumerate(members)],
            "summary": f"Synthetic organization number {i}.", "citations": _citations(rng, ["members"]),
        })
    for i, tid in enumerate(treaty_ids):
        year = rng.randint(1991, 2024)
        record: dict[str, Any] = {
            "id": tid, "name": f"Treaty {i} on cooperation", "kind": TREATY_KINDS[i % len(TREATY_KINDS)],
            "signed": _date(rng, year), "place": f"City {i % 50}",
            "parties": rng.sample(countries, k=rng.randint(2, 4)), "status": "in-force",
            "summary": f"Synthetic treaty number {i}, signed in {year}.",
            "citations": _citations(rng, ["signed", "parties"]),
        }
        if i % 3 == 0:
            record["organization"] = rng.choice(organizations)
        if i % 4 == 0:
            record["in_force"] = str(year + 1)
        if i % 5 == 0 and i:
            record["relations"] = [{"type": "related", "target": treaty_ids[rng.randrange(i)]}]
        _write(data_dir, "treaties", tid, record)
    places = _places(countries)
    for i in range(n["events"]):
        participants = rng.sample(countries, k=2)
        event: dict[str, Any] = {
            "id": f"event-{i}", "name": f"Event {i}", "kind": EVENT_KINDS[i % len(EVENT_KINDS)],
            "date": _date(rng, rng.randint(1991, 2024)), "place": f"City {i % 50}",
            "participants": [*participants, rng.choice(organizations)],
        }
        if i % 2 == 0 and participants[0] in places:
            event["country"] = participants[0]
            event["coordinates"] = places[participants[0]]
        _write(data_dir, "events", f"event-{i}", {
            **event, "summary": f"Synthetic event number {i}.", "citations": _citations(rng, ["participants"]),
        })
    hosts = sorted(places)
    for i in range(n["facilities"] if hosts else 0):
        host = hosts[i % len(hosts)]
        _write(data_dir, "facilities", f"facility-{i}", {
            "id": f"facility-{i}", "name": f"Facility {i}", "kind": "military-base", "host": host,
            "users": [rng.choice(countries)], "place": f"Town {i}", "coordinates": places[host],
            "opened": str(rng.randint(1991, 2020)), "status": "active",
            "summary": f"Synthetic facility number {i}.", "citations": _citations(rng, ["users"]),
        })
    for i in range(n["documents"]):
        _write(data_dir, "documents", f"document-{i}", {
            "id": f"document-{i}", "name": f"Doctrine {i}", "kind": "doctrine", "date": str(rng.randint(1991, 2024)),
            "issuer": rng.choice(countries), "concerns": rng.sample(organizations, k=2),
            "summary": f"Synthetic document number {i}.", "citations": _citations(rng),
        })
    for i in range(n["directions"]):
        _write(data_dir, "directions", f"direction-{i}", {
            "id": f"direction-{i}", "name": f"Direction {i}", "order": i + 1,
            "organizations": rng.sample(organizations, k=2), "partners": rng.sample(countries, k=3),
            "summary": f"Synthetic direction number {i}.", "citations": _citations(rng),
        })
    return n


def _places(countries: list[str]) -> dict[str, dict[str, float]]:
    """Country id → a point inside its outline, for the countries whose synthetic code is drawn."""
    if load is None:
        return {}
    labels = {o.iso: o.label for name in MAP_FILES for o in load(name).outlines if o.iso and o.label}
    out = {}
    for i, cid in enumerate(countries):
        label = labels.get(_iso(i))
        if label:
            out[cid] = {"lat": label[1], "lon": label[0]}
    return out


def _iso(i: int) -> str:
    return chr(65 + i // 26 % 26) + chr(65 + i % 26)


def _member(rng: random.Random, country: str, founded: int, index: int) -> dict[str, Any]:
    if index < 3:
        return {"member": country, "joined": f"{founded}-05-15", "role": "founding"}
    joined = founded + rng.randint(1, 8)
    member: dict[str, Any] = {"member": country, "joined": str(joined), "role": "member"}
    if rng.random() < 0.2:
        member["left"] = str(joined + rng.randint(1, 10))
    return member


def _citations(rng: random.Random, supports: list[str] | None = None) -> list[dict[str, Any]]:
    citation: dict[str, Any] = {"source": SOURCE_ID, "quote": rng.choice(SENTENCES)}
    if supports:
        citation["supports"] = supports
    return [citation]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path, help="where to write <collection>/*.yaml and texts/")
    parser.add_argument("treaties", type=int, help="number of treaties; the rest is in proportion")
    parser.add_argument("--profile", choices=PROFILES, default="spread")
    args = parser.parse_args()
    counts = write_dataset(args.data_dir, args.treaties, args.profile)
    print(", ".join(f"{v} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
