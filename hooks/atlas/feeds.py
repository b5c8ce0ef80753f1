"""Compact JSON of every timeline entry and every treaty, for the filters and the treaty finder.

The timeline and the treaty index are paged (paging.py), so no page holds all the data;
their scripts load one of these files and filter over all of it. Each row is an array
(the field order is given by "fields"), ids of countries and organizations are resolved
through one table, and URLs are relative to the site's root: a few hundred bytes per
entry. The output is deterministic, like the downloads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .catalog import Catalog, TimelineEntry
from .finder import every_treaty
from .model import Record
from .timeline import timeline_filters

FEEDS = "feeds"
TIMELINE_FEED = f"{FEEDS}/timeline.json"
TREATY_FEED = f"{FEEDS}/treaties.json"
TIMELINE_FIELDS = ("date", "when", "kind", "url", "title", "what", "countries", "organizations", "summary",
                   "provenance")
TREATY_FIELDS = ("url", "name", "aka", "signed", "when", "parties", "kind", "organization", "names", "context",
                 "decade")


def feeds(catalog: Catalog) -> dict[str, bytes]:
    """The feeds of the catalog's edition (catalog.lang), in its folder (ru/feeds/… for Russian)."""
    lang = catalog.lang
    return {lang.uri(TIMELINE_FEED): timeline_feed(catalog), lang.uri(TREATY_FEED): treaty_feed(catalog)}


def timeline_feed(catalog: Catalog) -> bytes:
    """Every entry, and the filters' choices with their counts (timeline.py), which the script
    puts into the form: the pages themselves name no choice, so they do not change with them."""
    entries = catalog.timeline()
    rows = [_entry(e, catalog) for e in entries]
    filters = timeline_filters(catalog, entries)
    options = {name: [[o.value, o.label, o.count] for o in getattr(filters, attribute)]
               for name, attribute in (("kind", "kinds"), ("country", "countries"), ("org", "organizations"),
                                       ("provenance", "provenances"))}
    return _dump({"fields": TIMELINE_FIELDS, "records": _labels(catalog, _mentioned(entries)), "options": options,
                  "entries": rows})


def treaty_feed(catalog: Catalog) -> bytes:
    finder = every_treaty(catalog)
    rows = []
    ids: set[str] = set()
    for row in finder.rows:
        record = row.record
        aka = [record.data["short_name"]] if record.data.get("short_name") else []
        aka += record.data.get("abbreviations", [])
        parties = [p.id for p in row.parties]
        ids.update(parties)
        if row.organization:
            ids.add(row.organization.id)
        when = catalog.lang.date(row.signed)
        kind = catalog.lang.t(record.kind.replace("-", " "))
        rows.append([record.url, record.name, " · ".join(map(str, aka)), row.signed.iso(), when, parties, kind,
                     row.organization.id if row.organization else "", row.names, row.context, str(row.decade)])
    return _dump({"fields": TREATY_FIELDS, "records": _labels(catalog, ids), "rows": rows})


def _entry(e: TimelineEntry, catalog: Catalog) -> list[object]:
    return [e.date.iso(), catalog.lang.date(e.date), e.kind, e.record.url, e.title, e.what, list(e.parties),
            list(e.organizations), e.summary, e.provenance]


def _mentioned(entries: Iterable[TimelineEntry]) -> set[str]:
    return {i for e in entries for i in (*e.parties, *e.organizations)}


def _labels(catalog: Catalog, ids: Iterable[str]) -> dict[str, list[str]]:
    """id → [label, url, abbreviation] of the countries and organizations the rows name."""
    return {i: _label(catalog.get(i)) for i in sorted(ids)}


def _label(record: Record) -> list[str]:
    abbreviations = record.data.get("abbreviations") or [record.label]
    return [record.label, record.url, str(abbreviations[0])]


def _dump(document: dict[str, object]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
