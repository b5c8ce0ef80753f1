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
    # As the plugin writes it (material/plugins/search/plugin.py: generate_search_index).
    return json.dumps(index, separators=(",", ":"), default=str), entries
