"""The search index of a preview build that rendered only some pages.

Material's search plugin indexes the pages a build renders. Under `mkdocs serve --dirty`
those are the pages a change touched, so its index holds only them (the hooks turn off the
plugin's own merging, which assumes a single changed page). Here the entries of the pages
rendered now replace theirs in the last complete index, in the order of the site's pages,
which is the order of a full build: the preview's index is the full build's, byte for byte.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

Entries = dict[str, list[dict[str, Any]]]  # page URL → its entries (the page and its sections)
SEARCH_INDEX = "search/search_index.json"


def by_page(docs: Sequence[dict[str, Any]]) -> Entries:
    out: Entries = defaultdict(list)
    for doc in docs:
        out[str(doc["location"]).split("#", 1)[0]].append(doc)
    return dict(out)


def merged(fresh_index: str, previous: Mapping[str, list[dict[str, Any]]], pages: Sequence[tuple[str, bool]]
           ) -> tuple[str, Entries]:
    """The index to write, and its entries by page. `fresh_index` is what the plugin wrote for
    the pages rendered now; `pages` lists every page's URL, in order, with whether it was."""
    index = json.loads(fresh_index)
    fresh = by_page(index["docs"])
    entries: Entries = {}
    for url, rendered in pages:
        found = fresh.get(url, []) if rendered else previous.get(url, [])
        if found:
            entries[url] = found
    index["docs"] = [doc for docs in entries.values() for doc in docs]
    return _dumped(index), entries


def split_editions(index_text: str, prefix: str) -> dict[str, str]:
    """The site's index cut in two: the English pages' at search/, the pages under `prefix`
    at `prefix`search/ with their addresses relative to that folder (Material's search takes
    them relative to its base, which the Russian pages set to their edition's folder)."""
    index = json.loads(index_text)
    own = [doc for doc in index["docs"] if not str(doc["location"]).startswith(prefix)]
    other = [{**doc, "location": str(doc["location"])[len(prefix):]} for doc in index["docs"]
             if str(doc["location"]).startswith(prefix)]
    if not other:
        return {}
    return {SEARCH_INDEX: _dumped({**index, "docs": own}), prefix + SEARCH_INDEX: _dumped({**index, "docs": other})}


def _dumped(index: dict[str, Any]) -> str:
    return json.dumps(index, separators=(",", ":"), default=str)  # as the plugin writes it
