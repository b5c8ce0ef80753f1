"""One build of the site, as the MkDocs hooks drive it: check the data, give the pages and the
static files, the date and JSON-LD of each page, and finish the preview's output.

The hooks (hooks/atlas_hooks.py) only turn these into MkDocs objects. Under `mkdocs serve` a
`preview.Session` carries what one build keeps for the next; then a data problem or a failure
of this package shows on every page instead of stopping the server.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import Catalog
from .cite import latest
from .feeds import feeds
from .history import LastChange
from .i18n import english, localized, russian
from .maps import Bases
from .paging import Limits
from .preview import Session, problem_pages
from .preview.searchindex import SEARCH_INDEX, split_editions
from .problems import Problem
from .publish import last_changes, page_jsonld, page_updated, static_files
from .render import Renderer


@dataclass(frozen=True)
class SitePage:
    src_uri: str
    markdown: str
    edit_path: str | None = None
    in_nav: bool = False
    fresh: bool = True  # rendered by this build (False: the live preview kept it as it was)


@dataclass(frozen=True)
class Settings:
    root: Path
    site_url: str
    site_name: str
    extra: Mapping[str, Any]

    @property
    def limits(self) -> Limits:
        return Limits.from_config(self.extra)


class SiteBuild:
    def __init__(self, settings: Settings, session: Session | None = None) -> None:
        self.settings = settings
        self.session = session
        self.catalog: Catalog | None = None
        self.problems: list[Problem] = []
        self.changes: dict[str, LastChange] = {}
        self.static: dict[str, bytes] = {}
        self.editions: dict[str, Catalog] = {}  # the catalog of each edition, by its folder ("" and "ru/")
        self._newest: tuple[LastChange | None] | None = None  # the newest change of the data, once known

    @property
    def published(self) -> bool:
        """True when the build renders the real pages (not the problems page)."""
        return self.catalog is not None and not self.problems

    def check(self) -> list[Problem]:
        from .project import check_project

        self.catalog, self.problems = check_project(self.settings.root, self.session.checks if self.session else None)
        return self.problems

    def pages(self, also: Sequence[str] = ()) -> list[SitePage]:
        """Every page: the site's, or (preview) the problems at every address the site had
        (`also`: the last good build's pages and the nav's)."""
        if self.problems:
            if self.session:
                self.session.forget()
            return [SitePage(p.src_uri, p.markdown, p.edit_path, p.in_nav)
                    for p in problem_pages(self.problems, self.settings.root, tuple(also))]
        assert self.catalog is not None
        s = self.settings
        self.changes = last_changes(s.root, self.catalog)
        self._newest = None
        memo = self.session.localized if self.session else None
        russian_catalog = Catalog(localized(self.catalog.records, russian.code, russian.prefix, memo), russian)
        self.editions = {english.prefix: self.catalog, russian.prefix: russian_catalog}
        self.static = static_files(self.catalog, s.site_url, self.changes, s.site_name,
                                   self.session.exports if self.session else None)
        self.static.update(feeds(russian_catalog))  # the data files are one set; each edition has its feeds
        plans = []
        bases = self.session.map_bases if self.session else Bases()  # no text, no data: one projection
        for lang, catalog in ((english, self.catalog), (russian, russian_catalog)):
            renderer = Renderer(catalog, site_url=s.site_url, changes=self.changes, site_name=s.site_name,
                                exported=self.static, limits=s.limits, lang=lang,
                                bytecode_cache=self.session.templates if self.session else None,
                                map_bases=bases)
            plans += renderer.plans()
            if lang is english:
                maps = renderer.maps.assets()  # the base maps the small maps draw: one set
        self.static.update(maps)
        if self.session is None:
            return [SitePage(p.src_uri, p.make(), p.edit_path, p.in_nav) for p in plans]
        return [SitePage(p.src_uri, text, p.edit_path, p.in_nav, fresh)
                for p, text, fresh in self.session.render(plans, self.catalog, self.changes, s.limits.hub_entries)]

    def jsonld(self, src_uri: str) -> dict[str, Any] | None:
        """A record page's JSON-LD (for its <head>), worked out for the pages rendered only."""
        if not self.published:
            return None
        return page_jsonld(self._catalog_of(src_uri), src_uri, self.settings.site_url, self.changes,
                           self.settings.site_name)

    def updated(self, src_uri: str) -> str | None:
        """A page's date (YYYY-MM-DD), for the sitemap: every page's at every build."""
        if not self.published:
            return None
        if self._newest is None:
            self._newest = (latest(self.changes),)
        return page_updated(self._catalog_of(src_uri), src_uri, self.changes, self._newest[0])

    def _catalog_of(self, src_uri: str) -> Catalog:
        assert self.catalog is not None
        return (self.editions.get(russian.prefix) if src_uri.startswith(russian.prefix) else None) or self.catalog

    def finish(self, site_dir: Path, pages: Sequence[tuple[str, bool]], outputs: set[str]) -> None:
        """After the build: one search index per edition (the Russian pages search theirs, under
        ru/); under the preview, first the whole index and no file of a page gone."""
        if not self.published:
            return
        index = site_dir / SEARCH_INDEX
        if self.session is not None:
            self.session.finish(site_dir, pages, outputs)
        if index.is_file():
            for path, text in split_editions(index.read_text(encoding="utf-8"), russian.prefix).items():
                (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
                (site_dir / path).write_text(text, encoding="utf-8")
