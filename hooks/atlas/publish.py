"""What publishing adds beyond the pages: dates, data files, redirects and per-page metadata.

The MkDocs hook calls these once per build; each is a pure function of the catalog
(apart from `last_changes`, which asks git once).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .catalog import Catalog
from .cite import latest
from .export import RecordTexts, exports
from .feeds import feeds
from .history import LastChange
from .history import last_changes as _history
from .jsonld import record_jsonld
from .model import Record
from .redirects import redirect_pages


def last_changes(root: Path, catalog: Catalog) -> dict[str, LastChange]:
    """The last change of every record's data file, keyed by its path (Record.file)."""
    return _history(root, (r.file for r in catalog.records))


def static_files(catalog: Catalog, site_url: str, changes: Mapping[str, LastChange], site_name: str,
                 memo: RecordTexts | None = None) -> dict[str, bytes]:
    """The download files, the feeds of the timeline and the treaty finder, and the redirect
    pages, keyed by their path in the site (`memo`: see export.RecordTexts)."""
    files = {**exports(catalog, site_url, changes, site_name, memo), **feeds(catalog)}
    redirects = redirect_pages(catalog, site_url, site_name)
    clash = files.keys() & redirects.keys()
    if clash:
        raise ValueError(f"a redirect would overwrite {sorted(clash)}")
    return {**files, **redirects}


def page_jsonld(catalog: Catalog, src_uri: str, site_url: str, changes: Mapping[str, LastChange],
                site_name: str) -> dict[str, Any] | None:
    """A record page's JSON-LD (for its <head>); None for any other page."""
    record = page_record(catalog, src_uri)
    if record is None:
        return None
    return record_jsonld(record, catalog, site_url, changes.get(record.file), site_name)


def page_record(catalog: Catalog, src_uri: str) -> Record | None:
    """The record whose page `src_uri` is, if it is a record page."""
    record = catalog.by_id.get(src_uri.rsplit("/", 1)[-1].removesuffix(".md"))
    return record if record is not None and record.src_uri == src_uri else None


def page_updated(catalog: Catalog, src_uri: str, changes: Mapping[str, LastChange],
                 newest: LastChange | None = None) -> str | None:
    """A page's date (YYYY-MM-DD): a record page's is its record's last change, any other
    generated page's the newest change (`newest`, when the caller has it already)."""
    record = page_record(catalog, src_uri)
    change = changes.get(record.file) if record else (newest or latest(changes))
    return change.iso() if change else None
