"""Records → page Markdown, through Jinja templates under `templates/`.

The environment escapes every value that is not explicitly markup (see `text.py`),
so text from YAML cannot become HTML, Markdown or template code. Links are relative
links to the `.md` sources, which MkDocs rewrites and checks under `--strict`.
"""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import COLLECTIONS
from .catalog import KIND_ORDER, Catalog, TimelineEntry
from .chart import describe, membership_chart
from .cite import latest, page_citation
from .columns import page_url
from .downloads import DOWNLOADS_PAGE, downloads_context
from .editing import EDITING, editing_context
from .export import DOWNLOADS as DOWNLOADS_FOLDER
from .finder import organization_rows
from .fragments import Fragments, relative_url
from .history import LastChange
from .hubs import Selection, charted, related, timeline_slice
from .i18n import Lang, english
from .i18n.texts import coordinates, foreign, in_place, language_name, quoted
from .listing import index_plans, timeline_book, timeline_plans, treaty_list_uri
from .maps import Bases, Maps
from .model import SINGULAR, PartialDate, Record
from .paging import Book, Limits
from .search import search_tags
from .slots import slot, unsearched
from .text import attr, finalize, fold, in_script, title_language
from .timeline import PROVENANCE_LABELS

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
# Sources rank below every record: their titles repeat the names a reader looks for ("Киргизия").
SEARCH_BOOST = {"treaties": 3, "organizations": 5, "countries": 6, "directions": 2, "facilities": 4,
                "events": 2, "documents": 2, "sources": 0.1}
# A body inside an organization (its forces, its anti-terrorist structure) ranks below the
# organization whose name it carries ("SCO" → the SCO before its RATS).
SUB_BODY_BOOST = {"collective-force": 3, "security-body": 3}


def search_boost(record: Record) -> float | None:
    return SUB_BODY_BOOST.get(record.kind) or SEARCH_BOOST.get(record.collection)


@dataclass(frozen=True)
class Page:
    """A page to add to the site: its source path, Markdown, and the data file it comes from."""

    src_uri: str
    markdown: str
    edit_path: str | None = None
    in_nav: bool = False


# A page's inputs when it changes with any change of the data (the home page's counts).
ALWAYS: object = type("Always", (), {"__repr__": lambda self: "ALWAYS"})()


@dataclass(frozen=True)
class Plan:
    """A page before its Markdown is rendered: the live preview renders only the pages a change
    touches (atlas.preview) and keeps the others as they were. `inputs` says what a list page
    shows: equal inputs give equal Markdown (records compared by object, see preview.session);
    None leaves it to the preview's rules for record pages; ALWAYS renders it at every change."""

    src_uri: str
    make: Callable[[], str] = field(repr=False, compare=False)
    edit_path: str | None = None
    in_nav: bool = False
    inputs: object = field(default=None, repr=False, compare=False)

    def page(self) -> Page:
        return Page(self.src_uri, self.make(), self.edit_path, self.in_nav)


def environment(bytecode_cache: BytecodeCache | None = None) -> Environment:
    env = Environment(
        bytecode_cache=bytecode_cache,
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
    env.filters["unsearched"] = unsearched
    env.globals.update(TITLES=TITLES, SINGULAR=SINGULAR, COLLECTIONS=COLLECTIONS, KIND_ORDER=KIND_ORDER,
                       PROVENANCE_LABELS=PROVENANCE_LABELS)
    env.globals.update(membership_chart_of=membership_chart)
    env.globals.update(cite_marks=cite_marks, fact_row=fact_row, names_rows_markdown=names_rows)
    env.globals.update(front_matter_markdown=front_matter)
    env.globals.update(organization_rows=organization_rows, search_tags=search_tags)
    return env


def _date(value: object, lang: Lang = english) -> str:
    if value is None or value == "":
        return ""
    return lang.date(value if isinstance(value, PartialDate) else PartialDate.parse(value))


def cite_marks(record: Record, field: str) -> Markup:
    """Superscript links to the citations of `record` that support `field` (m.cites); left out
    of the search index, where "[1]" would be noise in every entry."""
    return Markup("".join(
        f'<sup class="atlas-cite" data-search-exclude><a href="#cite-{i}">[{i}]</a></sup>'
        for i, c in enumerate(record.data.get("citations", []), 1) if field in c.get("supports", [])
    ))


def fact_row(record: Record, label: str, field: str, value: object) -> Markup:
    """A row of a record's facts table, or nothing without a value (m.row); escaped like `{{ }}`."""
    if not value:
        return Markup("")
    return Markup(f"| {finalize(label)} | {finalize(value)}{cite_marks(record, field)} |\n")


def names_rows_of(lang: Lang) -> Callable[[Record], Markup]:
    """names_rows(record) in the edition's language."""
    def rows(record: Record) -> Markup:
        return names_rows(record, lang)
    return rows


def front_matter(title: object, boost: object = None, description: object = None,
                 tags: list[str] | None = None, exclude: bool = False) -> Markup:
    """A page's YAML front matter (m.front_matter; see the comment there on the escaping).
    `exclude` keeps the page out of the search index (lists that only repeat other pages)."""
    text = f"---\ntitle: {_json(attr(title))}\n"
    if description:
        text += f"description: {_json(attr(description))}\n"
    if tags:
        escaped = [str(t).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for t in tags]
        text += f"tags: {_json(escaped)}\n"
    if exclude:
        text += "search:\n  exclude: true\n"
    elif boost:
        text += f"search:\n  boost: {_json(boost)}\n"  # a number (escaped, 0.1 was the text 0&#46;1)
    return Markup(text + "---")


def names_rows(record: Record, lang: Lang = english) -> Markup:
    """The name rows of a record's facts table (m.names_rows): short name, abbreviations, aliases;
    an alias is marked with its language."""
    d = record.data
    text = str(fact_row(record, lang.t("Short name"), "short_name", d.get("short_name")))
    if d.get("abbreviations"):
        abbreviations = ", ".join(str(finalize(in_script(a, lang.code))) for a in d["abbreviations"])
        text += f"| {finalize(lang.t('Abbreviations'))} | {abbreviations}{cite_marks(record, 'abbreviations')} |\n"
    if d.get("aliases"):
        names = []
        for a in d["aliases"]:
            name = str(foreign(a["name"], a.get("lang") or "en", lang))  # without `lang`: the data's English
            if a.get("lang"):
                name += f' <span class="atlas-lang">({finalize(a["lang"])})</span>'
            if a.get("note"):
                name += f" — {finalize(a['note'])}"
            names.append(name)
        text += f"| {finalize(lang.t('Also known as'))} | {'<br> '.join(names)} |\n"
    return Markup(text)


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
                 exported: Mapping[str, bytes] | None = None, limits: Limits | None = None,
                 bytecode_cache: BytecodeCache | None = None, lang: Lang = english,
                 map_bases: Bases | None = None) -> None:
        self.catalog = catalog
        self.lang = lang  # the edition: its words, dates, and the folder of its pages
        self.limits = limits or Limits()
        self._timeline: Book[TimelineEntry] | None = None
        self._treaty_lists: dict[str, str] | None = None
        self.exported = exported  # the download files, when the caller has built them already
        self.data_dir = data_dir
        self.env = environment(bytecode_cache)
        self._speak(lang)
        self.site_url = site_url  # the published address, for citations
        self.changes = changes or {}  # data file → its last change (history.py)
        self.site_name = site_name
        self.fragments = Fragments(catalog, lang)  # the long lists as HTML (slots.py)
        self.maps = Maps(catalog, lang, map_bases)  # each base projected once, on first use, shared by the editions
        # Fragments that render alike on every page of a folder (see `remember` in render()).
        self._fragments: dict[tuple[int, str], tuple[object, Markup]] = {}
        self._templates: frozenset[str] | None = None

    def _speak(self, lang: Lang) -> None:
        """The edition's language in the templates: t(), dates, marked foreign text."""
        env = self.env
        env.filters["date"] = lambda value: _date(value, lang)
        source = next((s for s in self.catalog.collection("sources") if s.data.get("kind") == "source-text"), None)
        env.globals.update(
            t=lang.t, lang=lang, source_lang=(source.data.get("lang") if source else None) or "en",
            quoted=lambda value, language, marks=True: quoted(value, language, lang, marks),
            foreign=lambda value, language: foreign(value, language, lang),
            title_lang=title_language,
            in_script=lambda value: in_script(value, lang.code),
            language_name=lambda code: language_name(code, lang),
            in_place=lambda data: in_place(data, lang),
            coordinates_text=lambda point: coordinates(point, lang),
            names_rows_markdown=names_rows_of(lang),
            describe_bar=lambda bar: describe(bar, lang),
        )

    def link(self, target: Record | str, here: str, label: str | None = None) -> Markup:
        """A link to a record's page, as HTML: Python-Markdown passes it through, where a Markdown
        link costs it a pass of every inline pattern (a record page has dozens)."""
        record = self.catalog.get(target) if isinstance(target, str) else target
        return Markup(f'<a href="{attr(relative_url(record.src_uri, here))}">{finalize(label or record.label)}</a>')

    def href(self, src_uri: str, here: str, anchor: str = "") -> str:
        """A link to a page of this edition (`src_uri` as the English edition has it)."""
        path = _relative(self.lang.uri(src_uri), posixpath.dirname(here) or ".")
        return f"{path}#{anchor}" if anchor else path

    def render(self, template: str, here: str, **context: Any) -> str:
        def link(target: Record | str, label: str | None = None) -> Markup:
            return self.link(target, here, label)

        def href(src_uri: str, anchor: str = "") -> str:
            return self.href(src_uri, here, anchor)

        def links_markdown(ids: list[str]) -> Markup:
            return self.links(ids, here)

        def citation_line_markdown(c: Mapping[str, Any]) -> Markup:
            return self.citation_line(c, here)

        def citations_markdown(record: Record) -> Markup:
            return self.citations(record, here)

        def backlinks_markdown(record: Record, backlinks: list[Record], title: str = "Referred to by") -> Markup:
            return self.backlinks_section(record, backlinks, here, title)

        def directions_of(record: Record) -> list[Record]:
            return self.catalog.directions_of(record, self.limits.hub_entries)

        def hub_timeline(record: Record) -> Selection[TimelineEntry]:
            return self.hub_timeline(record)

        def more_entries_markdown(record: Record, shown: int, total: int) -> Markup:
            return self.more_entries(record, shown, total, here)

        def entries_html(entries: list[TimelineEntry], slice_: bool = False) -> Markup:
            """Timeline entries as a slot of HTML: a year's on the timeline, or a page's slice."""
            if slice_:
                inner = "\n".join(self.fragments.timeline_entry(e, here) for e in entries)
                return slot(f'<div class="atlas-timeline atlas-timeline--slice">\n{inner}\n</div>', searched=False)
            return slot(self.fragments.timeline_entries(entries, here), searched=False)

        def table_html(kind: str, items: list[Any], **extra: Any) -> Markup:
            return slot(self.fragments.table(kind, items, here, **extra), searched=self.fragments.searched(kind))

        def charted_organizations(records: Sequence[Record]) -> Selection[Record]:
            return charted(records, self.limits.hub_records)

        def provenance_note() -> Markup:
            return self.provenance_note(here)

        def timeline_href(year: int) -> str:
            """The timeline page that holds `year`, at its anchor."""
            return self.href(self.timeline.page_of(year).src_uri, here, str(year))

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
links_markdown=links_markdown,
            citation_line_markdown=citation_line_markdown, citations_markdown=citations_markdown,
            backlinks_markdown=backlinks_markdown, timeline_href=timeline_href, hub_timeline=hub_timeline,
            directions_of=directions_of, entries_html=entries_html, table_html=table_html,
            provenance_note=provenance_note, charted_organizations=charted_organizations,
            more_entries_markdown=more_entries_markdown, **context
        )

    # The fragments below are Python, not Jinja macros (m.links, m.citation_line, m.citations,
    # m.backlinks_section): a page calls them many times, and a macro call costs more than their
    # work. They produce exactly what the macros did; every text is escaped like `{{ }}` does.

    def links(self, ids: list[str], here: str) -> Markup:
        return Markup(", ".join(self.link(i, here) for i in ids))

    def citation_line(self, c: Mapping[str, Any], here: str) -> Markup:
        """A citation: the quote, verbatim and marked with its language (the source's), or the
        research's summary of the evidence; then the source."""
        t = self.lang.t
        source = self.catalog.get(c["source"])
        language = source.data.get("lang")
        if c.get("paraphrase"):
            summary = foreign(c["quote"], "en", self.lang)  # the research's words are English
            text = f'<span class="atlas-paraphrase">{finalize(t("Research summary:"))}</span> {summary}'
        else:
            text = str(quoted(c["quote"], language, self.lang))
        title = source.data["title"]
        text += f" — {self.link(source, here, foreign(title, title_language(title, language), self.lang))}"
        if c.get("url"):
            text += f', <a href="{attr(_url(c["url"]))}">{finalize(t("evidence"))}</a>'
        if c.get("note"):
            text += f" ({finalize(c['note'])})"
        return Markup(text)

    def citations(self, record: Record, here: str) -> Markup:
        """The Citations section: its heading, then the citations as HTML (a slot: Markdown
        took a third of a record page's conversion on them, scripts/benchmark.py)."""
        t = self.lang.t
        parts = []
        for i, c in enumerate(record.data.get("citations", []), 1):
            supports = c.get("supports")
            extra = (f' <span class="atlas-supports">{finalize(t("Supports:"))} '
                     f'<code>{finalize(", ".join(map(str, supports)))}</code></span>' if supports else "")
            parts.append(f'<div class="atlas-citation" id="cite-{i}">\n'
                         f"<p><strong>[{i}]</strong> {self.citation_line(c, here)}{extra}</p>\n</div>")
        heading = Markup(f"## {finalize(t('Citations'))} {{ #citations data-search-exclude }}\n\n")
        return heading + slot("\n".join(parts), searched=False)

    def backlinks_section(self, target: Record, backlinks: list[Record], here: str,
                          title: str = "Referred to by") -> Markup:
        """The records that refer to `target`, by collection; a long group shows a selection
        (hubs.py) and says where the rest are listed."""
        if not backlinks:
            return Markup("")
        t = self.lang.t
        parts = [f"## {finalize(t(title))} {{ #referred-to-by data-search-exclude }}\n\n"]
        for coll, group in _by_collection(backlinks):
            chosen = related(group, self.limits.hub_records)
            parts.append(f"**{finalize(t(TITLES[coll]))}**\n\n")
            for r in chosen.shown:
                when = r.main_date
                dated = f" — {finalize(self.lang.date(when))}" if when else ""
                parts.append(f"- {self.link(r, here)}{dated}\n")
            if not chosen.complete:
                parts.append(f"\n{self.more_records(target, coll, len(chosen.shown), chosen.total, here)}\n")
            parts.append("\n")
        return Markup("".join(parts))

    def more_records(self, target: Record, collection: str, shown: int, total: int, here: str) -> Markup:
        """Where the rest of a cut group of records is listed in full."""
        t = self.lang.t
        text = finalize(t("The {shown} most relevant of {total} are listed", shown=shown, total=total))
        label = finalize(target.label)
        if collection == "treaties" and target.id in self.treaty_lists:
            listed = self.href(self.treaty_lists[target.id], here)
            where = f"[{finalize(t('all {total} treaties of', total=total))} {label}]({listed})"
        elif collection == "sources" or target.collection == "sources":
            where = f"{finalize(t('every citation in the'))} [{finalize(t('downloads'))}]" \
                    f"({self.href(DOWNLOADS_PAGE, here)}) (citations.csv)"
        else:
            facet = "org" if target.collection == "organizations" else "country"
            kind = SINGULAR[collection] if SINGULAR[collection] in KIND_ORDER else ""
            query = f"?{facet}={target.id}" + (f"&kind={kind}" if kind else "")
            where = f"[{finalize(t('the timeline filtered to'))} {label}]({self.href('timeline.md', here)}{query})"
        return Markup(f'<p class="atlas-more" markdown>{text}; {finalize(t("see"))} {where}.</p>')

    def provenance_note(self, here: str) -> Markup:
        """Which records rest on the source text and which on later research only, with counts
        and links to the timeline filtered by each (issue: provenance at a glance)."""
        t, lang = self.lang.t, self.lang
        records = [r for r in self.catalog.records if r.collection != "sources"]
        counts = Counter(self.catalog.provenance(r) for r in records)
        timeline = self.href("timeline.md", here)
        source = finalize(t("{n} rest on the source text", n=lang.count(counts["source-text"], "record|records")))
        research = finalize(t("{n} on later research only", n=lang.count(counts["research"], "record|records")))
        return Markup(f'<p class="atlas-provenance" markdown>**{finalize(t("Evidence:"))}** '
                      f"[{source}]({timeline}?provenance=source-text), "
                      f"[{research}]({timeline}?provenance=research).</p>")

    def hub_timeline(self, record: Record) -> Selection[TimelineEntry]:
        return timeline_slice(self.catalog.timeline_of(record), self.limits.hub_entries)

    def more_entries(self, record: Record, shown: int, total: int, here: str) -> Markup:
        """Under a cut timeline slice: the whole timeline of the country or organization."""
        t = self.lang.t
        if record.collection == "directions":
            targets = [self.catalog.get(o) for o in record.data.get("organizations", [])]
        else:
            targets = [record]
        links = ", ".join(
            f"[{finalize(target.label)}]({self.href('timeline.md', here)}?"
            f"{'org' if target.collection == 'organizations' else 'country'}={target.id})" for target in targets)
        where = f"; {finalize(t('see the timeline filtered to'))} {links}" if links else ""
        text = finalize(t("The {shown} most relevant of {total} entries are listed", shown=shown, total=total))
        return Markup(f'<p class="atlas-more" markdown>{text}{where}.</p>')

    def later(self, template: str, here: str, context: dict[str, Any]) -> Callable[[], str]:
        """`render(template, here, **context)`, to be called when the page is wanted."""
        return lambda: self.render(template, here, **context)

    def record_plan(self, record: Record) -> Plan:
        def make() -> str:
            return self.render(
                f"{record.collection}.md.j2", record.src_uri, record=record, data=record.data,
                backlinks=self.catalog.backlinks_to(record), boost=search_boost(record),
                cite=page_citation(record, page_url(self.site_url, record), self.changes.get(record.file),
                                   self.site_name),
            )
        return Plan(record.src_uri, make, edit_path=f"{self.data_dir}/{record.collection}/{record.id}.yaml")

    def record_page(self, record: Record) -> Page:
        return self.record_plan(record).page()

    @property
    def treaty_lists(self) -> dict[str, str]:
        """Party id → the page that lists its treaties (listing.py)."""
        if self._treaty_lists is None:
            parties = {p for t in self.catalog.collection("treaties") for p in t.data["parties"]}
            self._treaty_lists = {p: treaty_list_uri("party", p) for p in parties}
        return self._treaty_lists

    @property
    def timeline(self) -> Book[TimelineEntry]:
        if self._timeline is None:
            self._timeline = timeline_book(self.catalog.timeline(), self.limits.page_items, self.lang.prefix)
        return self._timeline

    def home_page(self) -> Page:
        return self.home_plan().page()

    def home_plan(self) -> Plan:
        home = self.lang.uri("index.md")
        return Plan(home, self.later("home.md.j2", home, {"counts": self.catalog.counts()}), in_nav=home == "index.md",
                    inputs=ALWAYS)

    def plans(self) -> list[Plan]:
        """Every page of the site, in the order MkDocs gets them, not yet rendered."""
        plans = [self.home_plan(), *timeline_plans(self, self.timeline)]
        for collection in COLLECTIONS:
            plans += index_plans(self, collection, self.limits.page_items)
        plans += [self.record_plan(r) for r in self.catalog.records]
        editing = editing_context(self.catalog if self.catalog.records else None)
        english_edition = not self.lang.prefix
        editing_page = self.lang.uri(EDITING)
        plans.append(Plan(editing_page, self.later(self._own("editing.md.j2"), editing_page, editing),
                          in_nav=english_edition, inputs=("editing", editing)))
        plans.append(Plan(self.lang.uri(DOWNLOADS_PAGE), lambda: self.downloads_page().markdown, in_nav=english_edition,
                          inputs=("downloads", self._downloads_inputs())))
        return plans

    def pages(self) -> list[Page]:
        return [plan.page() for plan in self.plans()]

    def _downloads_inputs(self) -> object:
        """What the Downloads page shows: each file's size as shown, to a tenth of a KB (an edit
        that changes atlas.json by a few bytes mostly leaves the page as it was), a CSV file's
        line ends (CRLF: one a row, and a text's own line breaks are LF, so a change of rows
        changes them), the record counts, the last change."""
        shown = tuple(sorted((path, f"{len(content) / 1024:.1f}", content.count(b"\r\n") if path.endswith(".csv")
                              else 0) for path, content in (self.exported or {}).items()
                             if path.startswith(DOWNLOADS_FOLDER)))
        return (shown, tuple(self.catalog.counts().items()), latest(self.changes))

    def downloads_page(self) -> Page:
        """The data files, their columns, licence and citation; see downloads.py."""
        context = downloads_context(self.catalog, TITLES, self.site_url, self.changes, self.site_name,
                                    files=self.exported)
        here = self.lang.uri(DOWNLOADS_PAGE)
        # The files are one set for both editions, in the English edition's folder.
        files = posixpath.relpath(posixpath.dirname(DOWNLOADS_PAGE), posixpath.dirname(here)) + "/"
        markdown = self.render(self._own("downloads.md.j2"), here, files="" if files == "./" else files, **context)
        return Page(here, markdown, in_nav=not self.lang.prefix)

    def editing_page(self) -> Page:
        """How to edit the data; generated from the schemas (the catalog only lends examples)."""
        catalog = self.catalog if self.catalog.records else None
        here = self.lang.uri(EDITING)
        return Page(here, self.render(self._own("editing.md.j2"), here, **editing_context(catalog)),
                    in_nav=not self.lang.prefix)

    def _own(self, template: str) -> str:
        """The edition's own version of a page of prose (editing_ru.md.j2), else the template."""
        own = template.replace(".md.j2", f"_{self.lang.code}.md.j2")
        return own if self.lang.prefix and self.has_template(own) else template

    def has_template(self, name: str) -> bool:
        if self._templates is None:  # list_templates() walks the template folder: once per renderer
            self._templates = frozenset(self.env.list_templates())
        return name in self._templates


@cache
def _relative(src_uri: str, start: str) -> str:
    """posixpath.relpath, remembered: pages link to the same few hundred targets from a handful of
    folders, and relpath (which asks the OS for the working directory) was a tenth of the render."""
    return posixpath.relpath(src_uri, start)
