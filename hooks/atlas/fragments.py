"""The long lists of the pages as HTML (see slots.py): timeline entries, treaty rows, index rows.

Their markup is what Python-Markdown made of the Markdown they were written in before, so
stylesheets, scripts and tests read them alike. Every text goes through `escape`, every
attribute value through `attr`; links are addresses relative to the page (directory URLs),
which the site's link test checks like any other.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from functools import cache

from markupsafe import escape

from .catalog import Catalog, TimelineEntry
from .finder import TreatyRow
from .i18n import Lang, english
from .model import PartialDate, Record
from .text import Foreign, attr, foreign_span, in_script


def page_url(src_uri: str) -> str:
    """A page's address relative to the site's root, as a folder: treaties/x.md → treaties/x,
    treaties/index.md → treaties, index.md → "" (directory URLs)."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = posixpath.dirname(path)
    return path


@cache
def relative_url(target: str, here: str) -> str:
    """The link from the page `here` to the page `target` (both source paths)."""
    link = posixpath.relpath(page_url(target) or ".", page_url(here) or ".")
    return "./" if link == "." else f"{link}/"


DEFAULT_SORT = " data-sort-default"


class Fragments:
    """HTML of the lists of one build; an entry is rendered once per folder of pages."""

    def __init__(self, catalog: Catalog, lang: Lang = english) -> None:
        self.catalog = catalog
        self.lang = lang
        self._entries: dict[tuple[int, str], str] = {}

    def a(self, record: Record | str, here: str, label: object = None) -> str:
        target = self.catalog.get(record) if isinstance(record, str) else record
        shown = target.label if label is None else label
        return f'<a href="{attr(relative_url(target.src_uri, here))}">{text(shown)}</a>'

    def timeline_entries(self, entries: Iterable[TimelineEntry], here: str) -> str:
        inner = "\n".join(self.timeline_entry(e, here) for e in entries)
        return f'<div class="atlas-tl-entries">\n{inner}\n</div>'

    def timeline_entry(self, e: TimelineEntry, here: str) -> str:
        key = (id(e), page_url(here))
        found = self._entries.get(key)
        if found is None:
            found = self._entries[key] = self._entry(e, here)
        return found

    def _entry(self, e: TimelineEntry, here: str) -> str:
        parties = ""
        if e.parties:
            parties = '<br><span class="atlas-tl-parties">' + ", ".join(self.a(p, here) for p in e.parties) + "</span>"
        kind = escape(e.kind)
        kind_shown = escape(self.lang.t(e.kind))
        return (
            f'<div class="atlas-tl-entry" data-countries="{attr(" ".join(e.parties))}" data-date="{attr(e.date.iso())}"'
            f' data-kind="{attr(e.kind)}" data-orgs="{attr(" ".join(e.organizations))}"'
            f' data-provenance="{attr(e.provenance)}">\n'
            f'<p><span class="atlas-tl-date">{escape(self.lang.date(e.date))}</span>'
            f' <span class="atlas-tl-kind atlas-kind-{kind}">{kind_shown}</span>'
            f' <strong>{self.a(e.record, here, e.title)}</strong> <span class="atlas-tl-what">{escape(e.what)}</span>'
            f'{parties}<br>\n<span class="atlas-tl-summary">{text(e.summary)}</span></p>\n</div>'
        )

    def table(self, kind: str, items: Sequence[object], here: str, **extra: object) -> str:
        """A whole table: "treaties" (a treaty list, the finder's table) or "index" (an index)."""
        if kind == "treaties":
            return self.treaty_table(items, here, **extra)  # type: ignore[arg-type]
        return self.index_table(items, here)  # type: ignore[arg-type]

    @staticmethod
    def searched(kind: str) -> bool:
        """Whether search indexes a table of `kind`: an index's is searched, a treaty list is
        marked data-search-exclude (its rows name records found by their own pages)."""
        return kind != "treaties"

    def treaty_table(self, rows: Sequence[TreatyRow], here: str, feed: object = None, root: object = "") -> str:
        """A treaty list: the finder's table on the index, where `feed` names the feed of every treaty."""
        feeds = f' data-feed="{attr(feed)}" data-root="{attr(root)}"' if feed else ""
        head = "".join(f'<th scope="col" data-sort="{key}"{DEFAULT_SORT if key == "signed" else ""}>'
                       f"{escape(self.lang.t(label))}</th>"
                       for key, label in (("name", "Name"), ("signed", "Signed"), ("parties", "Parties"),
                                          ("kind", "Kind"), ("organization", "Organization")))
        body = "\n".join(self._treaty_row(row, here) for row in rows)
        return (f'<div class="atlas-finder-scroll">\n<table class="atlas-finder-table" id="atlas-treaty-table"'
                f' data-search-exclude{feeds}>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n'
                "</table>\n</div>")

    def index_table(self, records: Sequence[Record], here: str) -> str:
        t = self.lang.t
        return (f"<table>\n<thead>\n<tr><th>{t('Name')}</th><th>{t('Date')}</th><th>{t('Summary')}</th></tr>\n"
                f"</thead>\n<tbody>\n{self.index_rows(records, here)}\n</tbody>\n</table>")

    def _treaty_row(self, row: TreatyRow, here: str) -> str:
        record = row.record
        aka = [record.data["short_name"]] if record.data.get("short_name") else []
        aka += record.data.get("abbreviations", [])
        code = self.lang.code
        other = (f'<br><span class="atlas-finder-aka">{" · ".join(text(in_script(a, code)) for a in aka)}</span>'
                 if aka else "")
        org = ""
        if row.organization:
            abbreviations = row.organization.data.get("abbreviations") or [row.organization.label]
            # the edition's own abbreviation where there is one: ОДКБ on a Russian page, CSTO on an English
            shown = next((a for a in abbreviations if not isinstance(in_script(a, code), Foreign)), abbreviations[0])
            org = self.a(row.organization, here, in_script(shown, code))
        return (
            f'<tr data-context="{attr(row.context)}" data-decade="{attr(row.decade)}" data-names="{attr(row.names)}"'
            f' data-party="{attr(" ".join(p.id for p in row.parties))}">'
            f"<td>{self.a(record, here, record.name)}{other}</td>"
            f'<td data-value="{attr(row.signed.iso())}">{self._time(row.signed)}</td>'
            f"<td>{', '.join(self.a(p, here) for p in row.parties)}</td>"
            f"<td>{escape(self.lang.t(record.kind.replace('-', ' ')))}</td><td>{org}</td></tr>"
        )

    def _time(self, date: PartialDate) -> str:
        return f'<time datetime="{attr(date.iso())}">{escape(self.lang.date(date))}</time>'

    def index_rows(self, records: Iterable[Record], here: str) -> str:
        rows = []
        for r in records:
            when = r.main_date
            rows.append(f"<tr><td>{self.a(r, here, r.name)}</td><td>{escape(self.lang.date(when))}</td>"
                        f"<td>{text(r.data.get('summary', ''))}</td></tr>")
        return "\n".join(rows)


def text(value: object) -> str:
    """Text as HTML; a text in another language marked with it (see text.finalize)."""
    if isinstance(value, Foreign):
        return foreign_span(value, escape(value))
    return str(escape(value))
