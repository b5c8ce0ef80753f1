"""MkDocs glue: short event handlers that call the `atlas` package (atlas.site does the work).

Data is loaded and validated in `on_pre_build`, before MkDocs empties `site/`, so a
data error fails `mkdocs build` with the previous site untouched.

`mkdocs serve` loads this module once and keeps it across rebuilds. So that edits to the
package show up too, a build under `serve` imports `atlas` afresh when its files changed,
always from the folder beside this file (a copy of the project runs its own code). Under
`serve` a data error does not stop the server: every page shows the problems until they
are fixed. With `--dirty` (the README's serve command) only the pages a change touches are
rendered: the package says which (atlas.preview), a File subclass tells MkDocs.
Reach the package through `_Build.atlas` (or import inside an event function): a
module-level `from atlas... import` here would keep serving the first version.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import logging
import os
import re
import sys
import threading
import traceback
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any, cast
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link

log = logging.getLogger("mkdocs.hooks.atlas")
HOOKS_DIR = Path(__file__).resolve().parent
PACKAGE = "atlas"
SEARCH_PLUGIN = "material/search"
PLANNING_OLDEST = 1_000_000  # young collections before one of the oldest generation, while the pages are planned
IDLE_COLLECT_S = 1.0  # after a build under `serve`, its garbage is collected once the server idles this long


class _Serve:
    """Kept across the rebuilds of one `mkdocs serve`."""

    active = False
    code: str | None = None  # a digest of the package's files, to import it again when they change
    session: Any = None  # atlas.preview.Session
    last_pages: tuple[str, ...] = ()  # the pages of the last good build, to keep their addresses alive


class _Build:
    """The build in progress; replaced at every build."""

    atlas: Any = None  # the package's modules, imported for this build
    site: Any = None  # atlas.site.SiteBuild
    pages: list[tuple[str, bool]] = []  # each page's URL, in order, and whether this build rendered it
    outputs: set[str] = set()  # every file this build writes, relative to site_dir
    failure: str | None = None  # a traceback of the package (serve only): every page shows it
    english: dict[str, Any] = {}  # the configuration's site name, copyright and palette (the English edition's)
    russian_palette: list[Any] = []  # the palette with its switch named in Russian


class _Collector:
    """The garbage collector during a build. The catalog and the generated pages live as long as
    the build: frozen once made (on_pre_build, on_files), the collector stops walking them at each
    collection while pages are rendered (over a second of CPU at 5,000 treaties,
    scripts/benchmark.py); on_post_build unfreezes them. Under `serve`, what the server keeps from
    one build to the next (the session's caches, MkDocs's state) is frozen too, once the last
    build's garbage is collected (while the server idled, or else then), and the oldest
    generation is left alone until the pages are planned: otherwise the collector walks all of
    it, and all that planning makes, again and again (1.7 s of a save at 5,000 treaties)."""

    thresholds = gc.get_threshold()  # as Python set them
    idle: threading.Timer | None = None
    builds = 0  # the builds ended
    collected = -1  # the last of them whose garbage was collected while the server idled

    @classmethod
    def build_starts(cls, serving: bool) -> None:
        gc.unfreeze()  # a failed build under `serve` may have skipped on_post_build
        gc.set_threshold(*cls.thresholds)
        if not serving:
            return
        if cls.idle is not None:
            cls.idle.cancel()
        if cls.collected != cls.builds:
            gc.collect()
        gc.freeze()
        young, middle, _ = cls.thresholds
        gc.set_threshold(young, middle, PLANNING_OLDEST)

    @staticmethod
    def made() -> None:
        """What the build made so far lives as long as the build."""
        gc.freeze()

    @classmethod
    def planned(cls) -> None:
        gc.freeze()
        gc.set_threshold(*cls.thresholds)

    @classmethod
    def build_ends(cls, serving: bool) -> None:
        gc.unfreeze()  # this build's objects must become collectable again
        cls.builds += 1
        if serving:
            cls.idle = threading.Timer(IDLE_COLLECT_S, cls._collect, (cls.builds,))
            cls.idle.daemon = True
            cls.idle.start()

    @classmethod
    def _collect(cls, build: int) -> None:
        gc.collect()
        cls.collected = build


class _PreviewFile(File):
    """A generated page that is modified only when the live preview rendered it again."""

    fresh = True

    def is_modified(self) -> bool:
        return self.fresh or not os.path.isfile(self.abs_dest_path)


def on_startup(command: str, dirty: bool) -> None:
    _Serve.active = command == "serve"
    if _Serve.active:
        # hooks/ is watched: writing __pycache__ after each reload would trigger one more rebuild.
        sys.dont_write_bytecode = True


def on_pre_build(config: MkDocsConfig) -> None:
    _Collector.build_starts(_Serve.active)
    _Build.atlas, _Build.site, _Build.pages, _Build.outputs, _Build.failure = None, None, [], set(), None
    _Build.russian_palette = []
    if not _Serve.active:
        _Build.atlas = _import_package(fresh=False)
        _Build.site = _Build.atlas.site.SiteBuild(_settings(config))
        problems = _Build.site.check()
        if problems:
            raise PluginError(_Build.atlas.problems.report(problems))
        _Collector.made()
        return
    # Material's search merges a dirty build's index for one changed page; atlas.preview merges it.
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is not None:
        search.is_dirty = False
    try:
        code = _package_digest()
        _Build.atlas = _import_package(fresh=code != _Serve.code)
        if code != _Serve.code:
            _Serve.session = _Build.atlas.preview.Session()
        _Serve.code = code
        _Serve.session.start(repr((config.site_url, config.site_name, config.extra)))
        _Build.site = _Build.atlas.site.SiteBuild(_settings(config), _Serve.session)
        problems = _Build.site.check()
    except Exception:
        _fail()
        problems = []
    for problem in problems:
        log.error(str(problem))
    if problems:
        log.error(f"{len(problems)} data problem(s): every page of the preview lists them until they are fixed")
    _Collector.made()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _Build.site
    pages: list[Any] = []
    if _Build.failure is None:
        try:
            pages = site.pages(also=(*_Serve.last_pages, *_nav_pages(config.nav)))
        except Exception:
            if not _Serve.active:
                raise
            _fail()
    if _Build.failure is not None:
        trace = _failure_markdown(_Build.failure)
        pages = [SimpleNamespace(src_uri=uri, markdown=trace, edit_path=None, in_nav=uri.endswith("index.md"),
                                 fresh=True) for uri in dict.fromkeys(["index.md", *_Serve.last_pages])]
    elif _Serve.active and site.published:
        _Serve.last_pages = tuple(page.src_uri for page in pages)
    for page in pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = cast(_PreviewFile, _PreviewFile.generated(config, page.src_uri, content=page.markdown,
                                                          inclusion=inclusion))
        file.fresh = page.fresh
        if page.edit_path:
            file.edit_uri = _edit_uri(config, page.edit_path)
        files.append(file)
        _Build.pages.append(("" if file.url in (".", "./") else file.url, page.fresh))  # as Page.url has it
        _Build.outputs.add(file.dest_uri)
    if _Build.failure is None and site.published:  # downloads, feeds, redirects: outside nav, search, sitemap
        for path, content in site.static.items():
            static = File.generated(config, path, content=content)
            files.append(static)
            _Build.outputs.add(static.dest_uri)
    _Collector.planned()  # the catalog and the pages, and what MkDocs holds by then (config, files)
    return files


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Each page's date for sitemap.xml, which MkDocs writes after this event and before it
    renders the pages: every page's, not only those a preview build renders again. Under
    `serve`, the theme's templates stay compiled from one build to the next."""
    if _Serve.session is not None and _Build.failure is None:
        env.bytecode_cache = _Serve.session.templates
    if _Build.failure is None and _Build.site.published:
        for file in files.documentation_pages():
            if file.page is not None:
                updated = _Build.site.updated(file.src_uri)
                if updated:
                    file.page.update_date = updated
    return env


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Remember the English site name, copyright and palette switch: pages of the Russian
    edition show theirs."""
    _Build.english = {"site_name": config.site_name, "copyright": config.copyright,
                      "palette": config.theme["palette"]}
    return config


def _palette(lang: Any) -> list[Any]:
    """The palette's options with the switch named in `lang` (mkdocs.yml names it in English)."""
    return [{**option, "toggle": {**option["toggle"], "name": lang.t(option["toggle"]["name"])}}
            if option.get("toggle") else option for option in _Build.english["palette"]]


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """A page of the Russian edition (under ru/) gets the Russian site name, copyright and
    navigation, the same items in Russian; Material renders each page right after this."""
    russian = _Build.atlas.i18n.russian if _Build.atlas is not None else None
    if russian is None or not page.url.startswith(russian.prefix):
        config.site_name, config.copyright = _Build.english["site_name"], _Build.english["copyright"]
        config.theme["palette"] = _Build.english["palette"]
        return context
    config.site_name = russian.t(_Build.english["site_name"])
    config.copyright = russian.t(_Build.english["copyright"])
    config.theme["palette"] = _Build.russian_palette = _Build.russian_palette or _palette(russian)
    items = [Link(russian.t(item.title), russian.prefix + (item.url or "")) for item in nav.items]
    context["nav"] = SimpleNamespace(items=items, homepage=SimpleNamespace(url=russian.prefix))
    return context


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
    """JSON-LD for a record page's <head> (overrides/main.html)."""
    if _Build.failure is None:
        jsonld = _Build.site.jsonld(page.file.src_uri)
        if jsonld is not None:
            page.meta["jsonld"] = jsonld
    return markdown


def on_page_content(html: str, page: Any, config: MkDocsConfig, files: Files) -> str:
    """The long lists, rendered as HTML beside the Markdown (atlas.slots), put in their places;
    the headings' links titled in the page's language."""
    if _Build.atlas is None:
        return html
    return _Build.atlas.slots.fill(_Build.atlas.i18n.permalinks(html, page.url))


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """The fragments search skips, put in place once it has indexed the page (atlas.slots); then
    each page without the templates' indentation (atlas.minify): a sixth lighter."""
    if _Build.atlas is None:
        return output
    return _Build.atlas.minify.html(_Build.atlas.slots.fill_unsearched(output))


def on_post_build(config: MkDocsConfig) -> None:
    """The search index of each edition (atlas.site); under `serve`, the preview's index and stale
    files too (atlas.preview), and the problems page at unknown addresses (the server answers
    them with 404.html)."""
    _Collector.build_ends(_Serve.active)
    if _Build.failure is not None:
        return
    site_dir = Path(config.site_dir)
    _Build.site.finish(site_dir, _Build.pages, _Build.outputs)
    if not _Serve.active:
        return
    home = site_dir / "index.html"
    if _Build.site.problems and home.is_file():
        mount = urlsplit(config.site_url or "/").path or "/"
        html = _Build.atlas.preview.catch_all_html(home.read_text(encoding="utf-8"), mount)
        (site_dir / "404.html").write_text(html, encoding="utf-8")


def _settings(config: MkDocsConfig) -> Any:
    return _Build.atlas.site.Settings(_root(config), config.site_url or "", config.site_name, config.extra or {})


def _nav_pages(nav: Any) -> list[str]:
    """The .md pages named in the nav of mkdocs.yml."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [page for item in items for page in _nav_pages(item)]


def _package_digest() -> str:
    """The package's files, by name, time and size: a change means importing it again."""
    digest = hashlib.sha256()
    for path in sorted((HOOKS_DIR / PACKAGE).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            info = path.stat()
            digest.update(f"{path.relative_to(HOOKS_DIR)}:{info.st_mtime_ns}:{info.st_size};".encode())
    return digest.hexdigest()


def _import_package(fresh: bool) -> SimpleNamespace:
    """The package's modules, from the folder beside this file; `fresh` drops any imported before."""
    loaded = sys.modules.get(PACKAGE)
    if fresh or (loaded is not None and Path(loaded.__file__ or "").resolve().parent.parent != HOOKS_DIR):
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]
        importlib.invalidate_caches()
    sys.path.insert(0, str(HOOKS_DIR))
    try:
        names = ("problems", "preview", "site", "minify", "slots", "i18n")
        modules: dict[str, ModuleType] = {name: importlib.import_module(f"{PACKAGE}.{name}") for name in names}
    finally:
        sys.path.remove(str(HOOKS_DIR))
    return SimpleNamespace(**modules)


def _fail() -> None:
    """Under `serve`, an error in the package's own code is shown like a data problem."""
    trace = _Build.failure = traceback.format_exc()
    if _Serve.session is not None:
        try:
            _Serve.session.forget()
        except Exception:  # the session's own code may be what failed
            _Serve.session = None
    _Serve.code = None  # import it again next time, whatever changed
    log.error(f"The atlas package failed; every page of the preview shows why:\n{trace}")


def _failure_markdown(trace: str) -> str:
    fence = "~" * max(3, 1 + max((len(run) for run in re.findall("~+", trace)), default=0))
    intro = "# The atlas code failed\n\nFix the error and save; this page reloads by itself."
    return f"{intro}\n\n{fence}text\n{trace}\n{fence}\n"


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _edit_uri(config: MkDocsConfig, repo_path: str) -> str | None:
    """With `edit_uri_template` (.../edit/main/{path}) the path is the data file's path in the
    repository. Otherwise MkDocs appends it to repo_url + edit_uri, which points at docs_dir
    (e.g. `edit/main/docs/`): a path relative to docs_dir reaches the YAML file on any host."""
    if config.edit_uri_template:
        return repo_path
    if not (config.repo_url or config.edit_uri):
        return None
    return Path(os.path.relpath(_root(config) / repo_path, Path(config.docs_dir).resolve())).as_posix()
