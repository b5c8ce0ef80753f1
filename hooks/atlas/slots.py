"""HTML that skips Markdown: the long lists of the pages (timeline entries, list rows, backlinks,
citations) and the maps are rendered as HTML by the Atlas and carried through Python-Markdown
untouched.

Markdown is slow on long generated lists, and they need none of it: their markup is built
here, with every text escaped and every link an address relative to the page. A slot is an
HTML comment on a line of its own holding the fragment in base64, which Python-Markdown
passes through as it stands (a raw HTML block); `fill()` puts the fragment in its place in
the page's HTML (the hooks call it in `on_page_content`, before search indexes the page).

A fragment that lies where Material's search skips everything (an element, or the section of
a heading, marked `data-search-exclude`) goes in an unsearched slot: search indexes the page
with the comment in its place, which its parser ignores as it would have ignored the fragment,
and `fill_unsearched()` puts it in the finished page (`on_post_page`). The search index is the
same; search no longer parses the maps' SVG and the timeline's entries (tests/test_slots.py).
"""

from __future__ import annotations

import base64
import re

from markupsafe import Markup

_SEARCHED, _UNSEARCHED = "atlas", "atlas-unsearched"
_SLOTS = {kind: re.compile(rf"<!--{kind}:([A-Za-z0-9+/=]*)-->") for kind in (_SEARCHED, _UNSEARCHED)}


def slot(html: str, searched: bool = True) -> Markup:
    """A block of HTML to put in a page's Markdown, separated from what surrounds it.
    `searched=False` only where search skips it: inside a section or element marked
    data-search-exclude, or an element so marked itself, with no heading in it."""
    encoded = base64.b64encode(html.encode("utf-8")).decode("ascii")
    return Markup(f"\n\n<!--{_SEARCHED if searched else _UNSEARCHED}:{encoded}-->\n\n")


def unsearched(html: str) -> Markup:
    """`html` in an unsearched slot, or nothing for nothing (a template filter: a map's figure)."""
    return slot(html, searched=False) if html else Markup("")


def fill(page_html: str) -> str:
    """The page's HTML with each searched slot replaced by its fragment."""
    return _fill(page_html, _SEARCHED)


def fill_unsearched(page_html: str) -> str:
    """The page's HTML with each unsearched slot replaced by its fragment."""
    return _fill(page_html, _UNSEARCHED)


def _fill(page_html: str, kind: str) -> str:
    if f"<!--{kind}:" not in page_html:
        return page_html
    return _SLOTS[kind].sub(lambda m: base64.b64decode(m.group(1)).decode("utf-8"), page_html)
