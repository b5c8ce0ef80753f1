"""MkDocs glue: short event handlers that call the `atlas` package.

Data is loaded and validated in `on_pre_build`, before MkDocs empties `site/`, so a
data error fails the build with the previous site untouched. Nothing is cached at
module level between builds: `mkdocs serve` keeps this module alive across rebuilds.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from atlas.catalog import Catalog
from atlas.problems import DataError
from atlas.project import load_catalog
from atlas.render import Renderer

log = logging.getLogger("mkdocs.hooks.atlas")


class _Build:
    """State of the build in progress; replaced at every build."""

    catalog: Catalog | None = None


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config: MkDocsConfig) -> None:
    _Build.catalog = None
    try:
        _Build.catalog = load_catalog(_root(config))
    except DataError as err:
        raise PluginError(str(err)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _Build.catalog is not None
    for page in Renderer(_Build.catalog).pages():
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        if page.edit_path:
            file.edit_uri = _edit_uri(config, page.edit_path)
        files.append(file)
    return files


def _edit_uri(config: MkDocsConfig, repo_path: str) -> str | None:
    """Material appends a page's edit_uri to repo_url; point it at the YAML file."""
    if not config.repo_url:
        return None
    return f"../../edit/main/{repo_path}" if "github.com" in config.repo_url else repo_path
