"""MkDocs glue: short event handlers that call the `atlas` package.

Data is loaded and validated in `on_pre_build`, before MkDocs empties `site/`, so a
data error fails `mkdocs build` with the previous site untouched.

`mkdocs serve` loads this module once and keeps it across rebuilds. So that edits to the
package show up too, each build under `serve` imports `atlas` afresh, always from the
folder beside this file (a copy of the project runs its own code). Under `serve` a data
error does not stop the server: every page shows the problems until they are fixed.
Reach the package through `_Build.atlas` (or import inside an event function): a
module-level `from atlas... import` here would keep serving the first version.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import re
import sys
import traceback
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

log = logging.getLogger("mkdocs.hooks.atlas")
HOOKS_DIR = Path(__file__).resolve().parent
PACKAGE = "atlas"


class _Serve:
    """Kept across the rebuilds of one `mkdocs serve`."""

    active = False
    last_pages: tuple[str, ...] = ()  # the pages of the last good build, to keep their addresses alive


class _Build:
    """State of the build in progress; replaced at every build."""

    atlas: Any = None  # the package's modules, imported for this build
    catalog: Any = None
    problems: list[Any] = []
    failure: str | None = None  # a traceback of the package itself (serve only)
    changes: dict[str, Any] = {}  # data file → its last change (atlas.history)
    static: dict[str, bytes] = {}  # site path → content of the downloads and redirect pages


def on_startup(command: str, dirty: bool) -> None:
    _Serve.active = command == "serve"
    if _Serve.active:
        # hooks/ is watched: writing __pycache__ after each reload would trigger one more rebuild.
        sys.dont_write_bytecode = True


def on_pre_build(config: MkDocsConfig) -> None:
    gc.unfreeze()  # a failed build under `serve` may have skipped on_post_build
    _Build.atlas, _Build.catalog, _Build.problems, _Build.failure = None, None, [], None
    _Build.changes, _Build.static = {}, {}
    if not _Serve.active:
        _Build.atlas = _import_package(fresh=False)
        _Build.catalog, problems = _Build.atlas.project.check_project(_root(config))
        if problems:
            raise PluginError(_Build.atlas.problems.report(problems))
        gc.freeze()  # the catalog lives as long as the build: see on_files
        return
    try:
        _Build.atlas = _import_package(fresh=True)
        _Build.catalog, _Build.problems = _Build.atlas.project.check_project(_root(config))
    except Exception:
        _fail()
    for problem in _Build.problems:
        log.error(str(problem))
    if _Build.problems:
        log.error(f"{len(_Build.problems)} data problem(s): every page of the preview lists them until they are fixed")
    gc.freeze()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages: list[Any] = []
    if _Build.failure is None:
        try:
            pages = _pages(config)
        except Exception:
            if not _Serve.active:
                raise
            _fail()
    if _Build.failure is not None:
        pages = [SimpleNamespace(src_uri=uri, markdown=_failure_markdown(_Build.failure), edit_path=None,
                                 in_nav=uri.endswith("index.md"))
                 for uri in dict.fromkeys(["index.md", *_Serve.last_pages])]
    elif _Serve.active and not _Build.problems:
        _Serve.last_pages = tuple(page.src_uri for page in pages)
    for page in pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        if page.edit_path:
            file.edit_uri = _edit_uri(config, page.edit_path)
        files.append(file)
    if _published():  # downloads and redirect pages: static files, outside nav, search and sitemap
        for path, content in _Build.static.items():
            files.append(File.generated(config, path, content=content))
    # The catalog and the generated pages live until the build ends. Frozen (here and after
    # loading), the garbage collector stops walking them at each collection while pages are
    # rendered: over a second of CPU at 5,000 treaties (scripts/benchmark.py). on_post_build
    # unfreezes them. This freezes what MkDocs holds by then too (config, the files).
    gc.freeze()
    return files


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
    """JSON-LD for a record page's <head> (overrides/main.html), and each page's date for sitemap.xml
    (set here, not later: MkDocs writes the sitemap before it renders the pages)."""
    if _published():
        meta = _Build.atlas.publish.page_meta(_Build.catalog, page.file.src_uri, config.site_url or "",
                                              _Build.changes, config.site_name)
        if meta.jsonld is not None:
            page.meta["jsonld"] = meta.jsonld
        if meta.updated:
            page.update_date = meta.updated
    return markdown


def _published() -> bool:
    """True when the build renders the real pages (not a preview of problems or of a failure)."""
    return _Build.catalog is not None and not _Build.problems and _Build.failure is None


def on_post_build(config: MkDocsConfig) -> None:
    """Under `serve`, unknown addresses get the problems page too (the server answers them with 404.html)."""
    gc.unfreeze()  # under `serve`, this build's objects must become collectable again
    home = Path(config.site_dir) / "index.html"
    if not (_Serve.active and _Build.problems and _Build.failure is None and home.is_file()):
        return
    mount = urlsplit(config.site_url or "/").path or "/"
    html = _Build.atlas.preview.catch_all_html(home.read_text(encoding="utf-8"), mount)
    (Path(config.site_dir) / "404.html").write_text(html, encoding="utf-8")


def _pages(config: MkDocsConfig) -> list[Any]:
    atlas = _Build.atlas
    if _Build.problems:
        also = (*_Serve.last_pages, *_nav_pages(config.nav))
        return list(atlas.preview.problem_pages(_Build.problems, _root(config), also))
    _Build.changes = atlas.publish.last_changes(_root(config), _Build.catalog)
    _Build.static = atlas.publish.static_files(_Build.catalog, config.site_url or "", _Build.changes,
                                               config.site_name)
    renderer = atlas.render.Renderer(_Build.catalog, site_url=config.site_url or "", changes=_Build.changes,
                                     site_name=config.site_name, exported=_Build.static,
                                     limits=atlas.paging.Limits.from_config(config.extra))
    pages = list(renderer.pages())
    _Build.static = {**_Build.static, **renderer.maps.assets()}  # the base maps the small maps draw
    return pages


def _nav_pages(nav: Any) -> list[str]:
    """The .md pages named in the nav of mkdocs.yml."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [page for item in items for page in _nav_pages(item)]


def _import_package(fresh: bool) -> SimpleNamespace:
    """The package's modules, from the folder beside this file; `fresh` drops any imported before."""
    loaded = sys.modules.get(PACKAGE)
    if fresh or (loaded is not None and Path(loaded.__file__ or "").resolve().parent.parent != HOOKS_DIR):
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]
        importlib.invalidate_caches()
    sys.path.insert(0, str(HOOKS_DIR))
    try:
        names = ("project", "problems", "render", "preview", "publish", "paging")
        modules: dict[str, ModuleType] = {name: importlib.import_module(f"{PACKAGE}.{name}") for name in names}
    finally:
        sys.path.remove(str(HOOKS_DIR))
    return SimpleNamespace(**modules)


def _fail() -> None:
    """Under `serve`, an error in the package's own code is shown like a data problem."""
    _Build.failure = traceback.format_exc()
    log.error(f"The atlas package failed; every page of the preview shows why:\n{_Build.failure}")


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
