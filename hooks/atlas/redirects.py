"""Old addresses that keep working: a record's `redirect_from` ids become redirect pages.

Each former id gets a small static page at `<collection>/<old-id>/index.html` that sends
the reader on at once (meta refresh, and `location.replace` to keep any #anchor), names
the new address as canonical for search engines, asks them not to index it, and shows a
link for anyone whose browser does neither. The page is static HTML, not a Markdown page,
so it stays out of the navigation, the search index and sitemap.xml.
"""

from __future__ import annotations

import json
import posixpath

from markupsafe import escape

from .catalog import Catalog
from .columns import page_url
from .model import Record

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
<script>location.replace({target_js} + location.search + location.hash)</script>
</head>
<body>
<p>This page has moved to <a href="{target}">{name}</a>.</p>
</body>
</html>
"""


def redirect_path(collection: str, old_id: str) -> str:
    return f"{collection}/{old_id}/index.html"


def redirect_pages(catalog: Catalog, site_url: str = "", site_name: str = "Kyrgyz Security Atlas") -> dict[str, bytes]:
    """{site path: page} for every former id of every record."""
    pages: dict[str, bytes] = {}
    for record in catalog.records:
        for old in record.data.get("redirect_from", []):
            path = redirect_path(record.collection, old)
            pages[path] = redirect_html(record, path, site_url, site_name).encode("utf-8")
    return pages


def redirect_html(record: Record, path: str, site_url: str, site_name: str) -> str:
    # Relative, so the redirect also works in a local preview and under any mount point.
    target = posixpath.relpath(record.url, posixpath.dirname(path)) + "/"
    target_js = json.dumps(target).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _PAGE.format(
        title=escape(f"{record.name} - {site_name}"), name=escape(record.name),
        canonical=escape(page_url(site_url, record)), target=escape(target), target_js=target_js,
    )
