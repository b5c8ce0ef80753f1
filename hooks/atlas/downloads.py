"""What the Downloads page says: each file, its size, its columns, the licence, how to cite.

Column lists come from `tables.py`, the definitions the CSV writer and the data package
use, and sizes from the very bytes `export.exports()` produces, so the page cannot drift
from the files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .catalog import Catalog
from .caveats import MEANINGS
from .cite import AUTHOR, CODE_LICENSE, CODE_LICENSE_URL, DATA_LICENSE, DATA_LICENSE_URL, dataset_bibtex, latest
from .columns import LIST_SEPARATOR, Column
from .export import (
    DOWNLOADS,
    JSON_FILE,
    JSON_SCHEMA_FILE,
    PACKAGE_FILE,
    csv_file,
    exports,
    local_name,
    schema_files,
)
from .history import LastChange
from .tables import tables

DOWNLOADS_PAGE = f"{DOWNLOADS}/index.md"
_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9._/-]*$")


@dataclass(frozen=True)
class Download:
    path: str  # relative to the Downloads page
    title: str
    description: str
    size: int
    rows: int | None = None
    columns: list[Column] = field(default_factory=list)
    anchor: Markup = Markup("")  # built from collection names only

    @property
    def href(self) -> Markup:
        """The link target, as markup: our own file names only, so nothing needs escaping."""
        if not _FILE_NAME.match(self.path):
            raise ValueError(f"unexpected download path {self.path!r}")
        return Markup(self.path)


def downloads_context(catalog: Catalog, titles: Mapping[str, str], site_url: str = "",
                      changes: Mapping[str, LastChange] | None = None,
                      site_name: str = "Kyrgyz Security Atlas",
                      files: Mapping[str, bytes] | None = None) -> dict[str, Any]:
    """The template context of the Downloads page; `titles` names each collection.
    `files` are the exports when already built (they are only measured here)."""
    changes = changes or {}
    if files is None:
        files = exports(catalog, site_url, changes, site_name)

    def size(path: str) -> int:
        return len(files[path])

    csvs = [
        Download(local_name(csv_file(t.name)), titles.get(t.name, t.title),
                 f"One row per record of {titles[t.name].lower()}." if t.name in titles else t.description,
                 size(csv_file(t.name)), len(t.rows(catalog)), t.columns, anchor=Markup(f"{t.name}-csv"))
        for t in tables()
    ]
    schemas = [Download(local_name(p), p.rsplit("/", 1)[1].split(".")[0], "", len(b))
               for p, b in schema_files().items()]
    newest = latest(changes)
    return {
        "atlas_json": Download(local_name(JSON_FILE), "Everything", "", size(JSON_FILE), len(catalog.records)),
        "json_schema": Download(local_name(JSON_SCHEMA_FILE), "JSON Schema of atlas.json", "",
                                size(JSON_SCHEMA_FILE)),
        "package": Download(local_name(PACKAGE_FILE), "Data package", "", size(PACKAGE_FILE)),
        "csvs": csvs,
        "marks": MEANINGS,
        "validate_package": f"frictionless validate {site_url}{PACKAGE_FILE}"
        if site_url.endswith("/") or not site_url else f"frictionless validate {site_url}/{PACKAGE_FILE}",
        "schemas": schemas,
        "separator": LIST_SEPARATOR,
        "latest": newest,
        "author": AUTHOR,
        "site_name": site_name,
        "site_url": site_url,
        "data_license": DATA_LICENSE, "data_license_url": DATA_LICENSE_URL,
        "code_license": CODE_LICENSE, "code_license_url": CODE_LICENSE_URL,
        "bibtex": dataset_bibtex(site_name, site_url, newest),
    }
