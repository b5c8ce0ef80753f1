"""Records → page Markdown, through Jinja templates under `templates/`.

The environment escapes every value that is not explicitly markup (see `text.py`),
so text from YAML cannot become HTML, Markdown or template code. Links are relative
links to the `.md` sources, which MkDocs rewrites and checks under `--strict`.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import COLLECTIONS
from .catalog import Catalog, TimelineEntry
from .chart import membership_chart
from .cite import page_citation
from .columns import page_url
from .downloads import DOWNLOADS_PAGE, downloads_context
from .editing import EDITING, editing_context
from .finder import organization_rows, treaty_finder
from .history import LastChange
from .maps import Maps
from .model import SINGULAR, PartialDate, Record
from .search import search_tags
from .text import attr, finalize, fold, md_text
from .timeline import timeline_filters

TITLES = {
    "treaties": "Treaties and agreements",
    "organizations": "Organizations",
    "countries": "Countries",
    "directions": "Directions of cooperation",
    "facilities": "Foreign military facilities",
    "events": "Events",
    "documents": "Documents and positions",
    "sources": "Sources",
}
# Record pages rank above pages that merely mention a name; countries and organizations above
# the treaties and events named after them ("Uzbekistan", "Collective Security Treaty Organization").
SEARCH_BOOST = {"treaties": 3, "organizations": 5, "countries": 6, "directions": 2, "facilities": 4,
                "events": 2, "documents": 2}


@dataclass(frozen=True)
class Page:
    """A page to add to the site: its source path, Markdown, and the data file it comes from."""

    src_uri: str
    markdown: str
    edit_path: str | None = None
    in_nav: bool = False


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("atlas", "templates"),
        autoescape=True,
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Each build makes a new environment, so templates never change under it; auto_reload
        # would stat every template (and each one it imports) on every page.
        auto_reload=False,
    )
    env.filters["date"] = _date
    env.filters["attr"] = attr
    env.filters["json"] = _json
    env.filters["fold"] = fold
    env.filters["url"] = _url
    env.filters["by_collection"] = _by_collection
    env.globals.update(TITLES=TITLES, SINGULAR=SINGULAR, COLLECTIONS=COLLECTIONS)
    env.globals.update(membership_chart_of=membership_chart, timeline_filters=timeline_filters)
    env.globals.update(cite_marks=cite_marks, fact_row=fact_row, names_rows_markdown=names_rows)
    env.globals.update(front_matter_markdown=front_matter, coordinates_text=coordinates_text)
    env.globals.update(treaty_finder=treaty_finder, organization_rows=organization_rows, search_tags=search_tags)
    return env


def _date(value: object) -> str:
    if value is None:
        return ""
    return str(value if isinstance(value, PartialDate) else PartialDate.parse(value))


def cite_marks(record: Record, field: str) -> Markup:
    """Superscript links to the citations of `record` that support `field` (m.cites)."""
    return Markup("".join(
        f'<sup class="atlas-cite">[[{i}]](#cite-{i})</sup>'
        for i, c in enumerate(record.data.get("citations", []), 1) if field in c.get("supports", [])
    ))


def fact_row(record: Record, label: str, field: str, value: object) -> Markup:
    """A row of a record's facts table, or nothing without a value (m.row); escaped like `{{ }}`."""
    if not value:
        return Markup("")
    return Markup(f"| {finalize(label)} | {finalize(value)}{cite_marks(record, field)} |\n")


def front_matter(title: object, boost: object = None, description: object = None,
                 tags: list[str] | None = None) -> Markup:
    """A page's YAML front matter (m.front_matter; see the comment there on the escaping)."""
    text = f"---\ntitle: {_json(attr(title))}\n"
    if description:
        text += f"description: {_json(attr(description))}\n"
    if tags:
        escaped = [str(t).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for t in tags]
        text += f"tags: {_json(escaped)}\n"
    if boost:
        text += f"search:\n  boost: {finalize(boost)}\n"
    return Markup(text + "---")


def names_rows(record: Record) -> Markup:
    """The name rows of a record's facts table (m.names_rows): short name, abbreviations, aliases."""
    d = record.data
    text = str(fact_row(record, "Short name", "short_name", d.get("short_name")))
    if d.get("abbreviations"):
        abbreviations = finalize(", ".join(map(str, d["abbreviations"])))
        text += f"| Abbreviations | {abbreviations}{cite_marks(record, 'abbreviations')} |\n"
    if d.get("aliases"):
        names = []
        for a in d["aliases"]:
            name = str(finalize(a["name"]))
            if a.get("lang"):
                name += f' <span class="atlas-lang">({finalize(a["lang"])})</span>'
            if a.get("note"):
                name += f" — {finalize(a['note'])}"
            names.append(name)
        text += f"| Also known as | {'<br> '.join(names)} |\n"
    return Markup(text)


def coordinates_text(point: Mapping[str, float]) -> Markup:
    """42.8532, 74.8464 → 42.8532° N, 74.8464° E, in a <span> a script or reader can parse."""
    lat, lon = float(point["lat"]), float(point["lon"])
    text = f"{abs(lat):g}° {'N' if lat >= 0 else 'S'}, {abs(lon):g}° {'E' if lon >= 0 else 'W'}"
    return Markup(f'<span class="atlas-geo" data-lat="{lat:g}" data-lon="{lon:g}">{text}</span>')


def _by_collection(records: list[Record]) -> list[tuple[str, list[Record]]]:
    """Records grouped by collection, in COLLECTIONS order, empty groups left out; one pass,
    where `selectattr` per collection in the template went through the list seven times."""
    groups: dict[str, list[Record]] = {c: [] for c in COLLECTIONS}
    for record in records:
        groups[record.collection].append(record)
    return [(c, group) for c, group in groups.items() if group]


def _url(value: object) -> Markup:
    """An http(s) URL made safe inside a Markdown link: no spaces, quotes or brackets."""
    text = str(value)
    if not text.startswith(("http://", "https://")):
        raise ValueError(f"refusing a non-http(s) URL: {text!r}")
    return Markup(quote(text, safe=":/?#@!$&*+,;=%~-._"))


def _json(value: object) -> Markup:
    """JSON for attributes and front matter; `<`, `>` and `&` escaped so it cannot close a tag."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class Renderer:
    """Renders every page of the Atlas from one catalog."""

    def __init__(self, catalog: Catalog, data_dir: str = "data", site_url: str = "",
                 changes: Mapping[str, LastChange] | None = None, site_name: str = "Kyrgyz Security Atlas",
                 exported: Mapping[str, bytes] | None = None) -> None:
        self.catalog = catalog
        self.exported = exported  # the download files, when the caller has built them already
        self.data_dir = data_dir
        self.env = environment()
        self.site_url = site_url  # the published address, for citations
        self.changes = changes or {}  # data file → its last change (history.py)
        self.site_name = site_name
        self.maps = Maps(catalog)  # the maps of this build: each base projected once, on first use
        # Fragments that render alike on every page of a folder (see `remember` in render()).
        self._fragments: dict[tuple[int, str], tuple[object, Markup]] = {}
        self._templates: frozenset[str] | None = None

    def link(self, target: Record | str, here: str, label: str | None = None) -> Markup:
        record = self.catalog.get(target) if isinstance(target, str) else target
        href = _relative(record.src_uri, posixpath.dirname(here) or ".")
        return Markup(f"[{md_text(label or record.label)}]({href})")

    def href(self, src_uri: str, here: str, anchor: str = "") -> str:
        path = _relative(src_uri, posixpath.dirname(here) or ".")
        return f"{path}#{anchor}" if anchor else path

    def render(self, template: str, here: str, **context: Any) -> str:
        def link(target: Record | str, label: str | None = None) -> Markup:
            return self.link(target, here, label)

        def href(src_uri: str, anchor: str = "") -> str:
            return self.href(src_uri, here, anchor)

        def timeline_entry_markdown(entry: TimelineEntry) -> Markup:
            return self.timeline_entry(entry, here)

        def links_markdown(ids: list[str]) -> Markup:
            return self.links(ids, here)

        def citation_line_markdown(c: Mapping[str, Any]) -> Markup:
            return self.citation_line(c, here)

        def citations_markdown(record: Record) -> Markup:
            return self.citations(record, here)

        def backlinks_markdown(record: Record, backlinks: list[Record], title: str = "Referred to by") -> Markup:
            return self.backlinks_section(backlinks, here, title)

        folder = posixpath.dirname(here)

        def remember(key: object, make: Callable[..., Markup], *args: object) -> Markup:
            """`make(*args)`, rendered once per `key` and folder: its links are relative to the
            folder, nothing else depends on the page. A timeline entry shows on the timeline and on
            the page of every country and organization it concerns (scripts/benchmark.py)."""
            slot = (id(key), folder)
            cached = self._fragments.get(slot)
            if cached is None or cached[0] is not key:
                cached = self._fragments[slot] = (key, make(*args))
            return cached[1]

        return self.env.get_template(template).render(
            catalog=self.catalog, here=here, link=link, href=href, remember=remember, maps=self.maps,
            timeline_entry_markdown=timeline_entry_markdown, links_markdown=links_markdown,
            citation_line_markdown=citation_line_markdown, citations_markdown=citations_markdown,
            backlinks_markdown=backlinks_markdown, **context
        )

    # The fragments below are Python, not Jinja macros (m.links, m.citation_line, m.citations,
    # m.backlinks_section): a page calls them many times, and a macro call costs more than their
    # work. They produce exactly what the macros did; every text is escaped like `{{ }}` does.

    def links(self, ids: list[str], here: str) -> Markup:
        return Markup(", ".join(self.link(i, here) for i in ids))

    def citation_line(self, c: Mapping[str, Any], here: str) -> Markup:
        source = self.catalog.get(c["source"])
        quote_ = c["quote"]
        text = (f'<span class="atlas-paraphrase">Research summary:</span> {finalize(quote_)}'
                if c.get("paraphrase") else f"“{finalize(quote_)}”")
        text += f" — {self.link(source, here, source.data['title'])}"
        if c.get("url"):
            text += f", [evidence]({_url(c['url'])})"
        if c.get("note"):
            text += f" ({finalize(c['note'])})"
        return Markup(text)

    def citations(self, record: Record, here: str) -> Markup:
        parts = ["## Citations { #citations data-search-exclude }\n\n"]
        for i, c in enumerate(record.data.get("citations", []), 1):
            supports = c.get("supports")
            extra = (f' <span class="atlas-supports">Supports: {finalize(", ".join(map(str, supports)))}</span>'
                     if supports else "")
            parts.append(f'<div class="atlas-citation" id="cite-{i}" markdown>\n'
                         f"**[{i}]** {self.citation_line(c, here)}{extra}\n</div>\n")
        return Markup("".join(parts))

    def backlinks_section(self, backlinks: list[Record], here: str, title: str = "Referred to by") -> Markup:
        if not backlinks:
            return Markup("")
        parts = [f"## {finalize(title)} {{ #referred-to-by data-search-exclude }}\n\n"]
        for coll, group in _by_collection(backlinks):
            parts.append(f"**{finalize(TITLES[coll])}**\n\n")
            for r in group:
                when = r.main_date
                dated = f" — {finalize(_date(when))}" if when else ""
                parts.append(f"- {self.link(r, here)}{dated}\n")
            parts.append("\n")
        return Markup("".join(parts))

    def timeline_entry(self, e: TimelineEntry, here: str) -> Markup:
        """One entry of a timeline, as `m.timeline_entry` shows it. Python, not a Jinja macro: a
        macro call costs more than this whole function. Every text goes through the escaping of
        the templates (attr for attributes, md_text for Markdown)."""
        parties = ""
        if e.parties:
            links = ", ".join(self.link(p, here) for p in e.parties)
            parties = f'<br><span class="atlas-tl-parties">{links}</span>'
        kind = md_text(e.kind)
        return Markup(
            f'<div class="atlas-tl-entry" data-kind="{attr(e.kind)}" data-countries="{attr(" ".join(e.parties))}"'
            f' data-orgs="{attr(" ".join(e.organizations))}" data-date="{attr(e.date.iso())}" markdown>\n'
            f'<span class="atlas-tl-date">{md_text(_date(e.date))}</span>'
            f' <span class="atlas-tl-kind atlas-kind-{kind}">{kind}</span>'
            f' **{self.link(e.record, here, e.title)}** <span class="atlas-tl-what">{md_text(e.what)}</span>'
            f'{parties}<br>\n<span class="atlas-tl-summary">{md_text(e.summary)}</span>\n</div>'
        )

    def record_page(self, record: Record) -> Page:
        markdown = self.render(
            f"{record.collection}.md.j2", record.src_uri, record=record, data=record.data,
            backlinks=self.catalog.backlinks_to(record), boost=SEARCH_BOOST.get(record.collection),
            cite=page_citation(record, page_url(self.site_url, record), self.changes.get(record.file), self.site_name),
        )
        return Page(record.src_uri, markdown, edit_path=f"{self.data_dir}/{record.collection}/{record.id}.yaml")

    def index_page(self, collection: str) -> Page:
        here = f"{collection}/index.md"
        records = self.catalog.collection(collection)
        markdown = self.render(f"index_{collection}.md.j2" if self._has(f"index_{collection}.md.j2")
                               else "index.md.j2", here, collection=collection, records=records)
        return Page(here, markdown, in_nav=True)

    def timeline_page(self, entries: list[TimelineEntry]) -> Page:
        return Page("timeline.md", self.render("timeline.md.j2", "timeline.md", entries=entries), in_nav=True)

    def home_page(self) -> Page:
        return Page("index.md", self.render("home.md.j2", "index.md", counts=self.catalog.counts()), in_nav=True)

    def pages(self) -> list[Page]:
        pages = [self.home_page(), self.timeline_page(self.catalog.timeline())]
        pages += [self.index_page(c) for c in COLLECTIONS]
        pages += [self.record_page(r) for r in self.catalog.records]
        pages.append(self.editing_page())
        pages.append(self.downloads_page())
        return pages

    def downloads_page(self) -> Page:
        """The data files, their columns, licence and citation; see downloads.py."""
        context = downloads_context(self.catalog, TITLES, self.site_url, self.changes, self.site_name,
                                    files=self.exported)
        return Page(DOWNLOADS_PAGE, self.render("downloads.md.j2", DOWNLOADS_PAGE, **context), in_nav=True)

    def editing_page(self) -> Page:
        """How to edit the data; generated from the schemas (the catalog only lends examples)."""
        catalog = self.catalog if self.catalog.records else None
        return Page(EDITING, self.render("editing.md.j2", EDITING, **editing_context(catalog)), in_nav=True)

    def _has(self, name: str) -> bool:
        if self._templates is None:  # list_templates() walks the template folder: once per renderer
            self._templates = frozenset(self.env.list_templates())
        return name in self._templates


@cache
def _relative(src_uri: str, start: str) -> str:
    """posixpath.relpath, remembered: pages link to the same few hundred targets from a handful of
    folders, and relpath (which asks the OS for the working directory) was a tenth of the render."""
    return posixpath.relpath(src_uri, start)
