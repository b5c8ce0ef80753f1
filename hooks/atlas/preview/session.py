"""The live preview rebuilds only what a saved change touches.

`mkdocs serve --dirty` renders a page only when its file says it was modified; the hooks ask
this module which pages those are. A session remembers the last good build: its catalog,
the Markdown of every page, and the inputs of every list page. After a change it renders

- every list page (timeline, indexes, treaty lists) whose inputs differ: `Plan.inputs` names
  the records it shows, by object, and an unchanged file gives the very same record object
  (load.LoadCache), so a changed record shows up as a different object;
- the page of every record that changed, was added or was removed, and of every record it
  refers to or that refers to it, before or after the change (their links, backlinks,
  timelines and tables show it); when it changed only in what others show in timeline
  entries alone (TIMELINE_ONLY: a summary), of the hubs whose selection of entries holds one;
- the page of every record whose directions of cooperation changed, and of every direction
  whose timeline shows other records than before;
- the pages that always change: those whose inputs are ALWAYS (home, downloads, editing).

Everything is rendered again when the code, the configuration, a name that other pages
show (of a country or an organization), or the last year of the data changes: rare edits,
for which a full render is simpler than tracking them. A full build is the reference: the
tests make a series of edits under the preview and compare every page with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import Catalog
from ..export import RecordTexts
from ..history import LastChange
from ..hubs import timeline_slice
from ..i18n import EDITIONS
from ..i18n.localize import Remembered
from ..maps import Bases
from ..project import CheckCache
from ..render import ALWAYS, Plan
from ..schema import fields, values_at
from .searchindex import SEARCH_INDEX, Entries, by_page, merged
from .templates import MemoryBytecodeCache

HUBS = ("countries", "organizations")
# What other pages show of a country or an organization: a change re-renders everything.
SHOWN_ELSEWHERE = ("name", "short_name", "abbreviations")
# Fields of a record that other records' pages show only in the timeline entries of their hub
# pages (its summary is its entries' text), and lists through their inputs: a change to these
# alone renders the record's own pages and those of the hubs its entries concern, not those of
# every record it links. Others show only a country's or an organization's name, so an edit of
# its summary, the commonest, leaves the pages of its thousands of treaties as they were.
# A treaty's, an event's, a document's or a facility's summary likewise shows on its own page,
# in the lists (followed by their inputs) and in the timeline entries of its hubs.
TIMELINE_ONLY = {collection: frozenset({"summary", "summary_ru"})
                 for collection in ("countries", "organizations", "treaties", "events", "documents", "facilities")}


@dataclass
class Built:
    """The last good build of a session."""

    catalog: Catalog
    changes: Mapping[str, LastChange]
    markdown: dict[str, str]
    inputs: dict[str, object]
    directions: dict[str, tuple[str, ...]]
    slices: dict[str, tuple[int, ...]]  # direction id → the records of its timeline, by object
    last_year: int


@dataclass
class Session:
    """Kept by the hooks across the builds of one `mkdocs serve`."""

    checks: CheckCache = field(default_factory=CheckCache)
    setting: object = None  # the code and the configuration the last build was made with
    built: Built | None = None
    search: Entries | None = None  # the last complete search index, by page
    templates: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)  # for every Jinja environment
    localized: Remembered = field(default_factory=dict)  # each record's version in the other editions
    outputs: set[str] = field(default_factory=set)  # the files the last build wrote, relative to site/
    map_bases: Bases = field(default_factory=Bases)  # the projected base maps (they depend on no data)
    exports: RecordTexts = field(default_factory=RecordTexts)  # each record's text in atlas.json

    def start(self, setting: object) -> bool:
        """Begin a build with `setting` (see `setting()`); False when everything must be rendered."""
        same = setting == self.setting and self.built is not None
        if setting != self.setting:
            self.checks = CheckCache()
        self.setting = setting
        return same

    def forget(self) -> None:
        """After a failed build or a build of the problems page: the next one renders everything."""
        self.built = None
        self.search = None

    def finish(self, site_dir: Path, pages: Sequence[tuple[str, bool]], outputs: set[str]) -> None:
        """After a build: complete the search index (searchindex.py) and delete the files of
        pages and downloads that are gone (a dirty build writes, it never deletes)."""
        index = site_dir / SEARCH_INDEX
        if index.is_file():
            text = index.read_text(encoding="utf-8")
            if self.search is None or all(fresh for _, fresh in pages):
                self.search = by_page(json.loads(text)["docs"])
            else:
                text, self.search = merged(text, self.search, pages)
                index.write_text(text, encoding="utf-8")
        for gone in sorted(self.outputs - outputs):
            _remove(site_dir, gone)
        self.outputs = set(outputs)

    def render(self, plans: list[Plan], catalog: Catalog, changes: Mapping[str, LastChange],
               hub_entries: int) -> list[tuple[Plan, str, bool]]:
        """Each plan with its Markdown and whether it was rendered now (False: as last built)."""
        directions = _directions(catalog, hub_entries)
        slices = _slices(catalog, hub_entries)
        last_year = _last_year(catalog)
        touched = self._touched(plans, catalog, changes, directions, slices, last_year, hub_entries)
        out = []
        markdown: dict[str, str] = {}
        for plan in plans:
            old = self.built.markdown.get(plan.src_uri) if self.built else None
            fresh = touched is None or plan.src_uri in touched or old is None
            text = plan.make() if fresh else old
            assert text is not None
            markdown[plan.src_uri] = text
            out.append((plan, text, fresh))
        self.built = Built(catalog, dict(changes), markdown, {p.src_uri: p.inputs for p in plans}, directions,
                           slices, last_year)
        return out

    def _touched(self, plans: list[Plan], catalog: Catalog, changes: Mapping[str, LastChange],
                 directions: dict[str, tuple[str, ...]], slices: dict[str, tuple[int, ...]],
                 last_year: int, hub_entries: int) -> set[str] | None:
        """The pages to render again, or None for all of them."""
        before = self.built
        if before is None or last_year != before.last_year:
            return None
        changed = _changed(before.catalog, catalog, before.changes, changes)
        if any(_shown_elsewhere_changed(before.catalog, catalog, i) for i in changed):
            return None
        records = set(changed)
        quiet = {i for i in changed if _timeline_only(before.catalog, catalog, i)}
        for graph in (before.catalog, catalog):
            records |= {n for i in changed - quiet for n in _neighbours(graph, i)}
            records |= {n for i in quiet for n in _concerned(graph, i, hub_entries)}
        records |= {i for i in set(directions) | set(before.directions)
                    if directions.get(i) != before.directions.get(i)}
        records |= {i for i in slices if slices[i] != before.slices.get(i)}
        pages = {lang.uri(r.src_uri) for r in (*before.catalog.records, *catalog.records) if r.id in records
                 for lang in EDITIONS}
        for plan in plans:
            if plan.inputs is ALWAYS or (plan.inputs is not None and plan.inputs != before.inputs.get(plan.src_uri)):
                pages.add(plan.src_uri)
        return pages


def _remove(site_dir: Path, relative: str) -> None:
    """Delete a file of the site, and the folders it leaves empty."""
    path = site_dir / relative
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _changed(old: Catalog, new: Catalog, old_changes: Mapping[str, LastChange],
             new_changes: Mapping[str, LastChange]) -> set[str]:
    """Ids of the records added, removed or changed (their data, or the date of their file)."""
    out = set(old.by_id) ^ set(new.by_id)
    for rid, record in new.by_id.items():
        was = old.by_id.get(rid)
        if was is not None and (was is not record and (was.data != record.data or was.file != record.file)
                                or old_changes.get(was.file) != new_changes.get(record.file)):
            out.add(rid)
    return out


def _shown_elsewhere_changed(old: Catalog, new: Catalog, rid: str) -> bool:
    was, now = old.by_id.get(rid), new.by_id.get(rid)
    record = now or was
    assert record is not None
    if record.collection not in HUBS:
        return False
    if was is None or now is None:
        return True
    return any(was.data.get(key) != now.data.get(key) for key in SHOWN_ELSEWHERE)


def _timeline_only(old: Catalog, new: Catalog, rid: str) -> bool:
    """Whether the record changed only in fields that others show in timeline entries alone."""
    was, now = old.by_id.get(rid), new.by_id.get(rid)
    if was is None or now is None or was.file != now.file:
        return False
    own = TIMELINE_ONLY.get(now.collection, frozenset())
    keys = set(was.data) | set(now.data)
    return any(was.data.get(k) != now.data.get(k) for k in keys) and \
        all(k in own for k in keys if was.data.get(k) != now.data.get(k))


def _concerned(catalog: Catalog, rid: str, limit: int) -> set[str]:
    """The hubs whose pages show timeline entries of `rid`: of the countries and organizations
    its entries concern, those whose selection (hubs.py) holds one. Kyrgyzstan's page shows a
    few of its thousands of treaties; an edit of another leaves it as it was. (The directions'
    timelines are followed by `_slices`.)"""
    hubs = {i for e in catalog.timeline() if e.record.id == rid for i in (*e.parties, *e.organizations)}
    return {i for i in hubs if i in catalog.by_id and any(
        e.record.id == rid for e in timeline_slice(catalog.timeline_of(catalog.by_id[i]), limit).shown)}


def _neighbours(catalog: Catalog, rid: str) -> Iterable[str]:
    """The records `rid` refers to and those that refer to it."""
    record = catalog.by_id.get(rid)
    if record is None:
        return ()
    out = {r.id for r in catalog.backlinks_to(record)}
    for spec in fields(record.collection):
        if spec.references:
            out.update(v for _, v in values_at(record.data, spec.path) if isinstance(v, str))
    return out


def _directions(catalog: Catalog, limit: int) -> dict[str, tuple[str, ...]]:
    return {r.id: tuple(d.id for d in catalog.directions_of(r, limit)) for r in catalog.records
            if catalog.directions_of(r, limit)}


def _slices(catalog: Catalog, limit: int) -> dict[str, tuple[int, ...]]:
    """What each direction's timeline shows (its entries' records, by object): a direction
    names no record of its own partners' treaties, so changes reach it through this."""
    return {d.id: tuple(id(e.record) for e in timeline_slice(catalog.timeline_of(d), limit).shown)
            for d in catalog.collection("directions")}


def _last_year(catalog: Catalog) -> int:
    entries = catalog.timeline()
    return entries[-1].date.year if entries else 0
