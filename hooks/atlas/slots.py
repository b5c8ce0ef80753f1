"""HTML that skips Markdown: the long lists of the pages (timeline entries, list rows, backlinks,
citations) are rendered as HTML by the Atlas and carried through Python-Markdown untouched.

Markdown is slow on long generated lists, and they need none of it: their markup is built
here, with every text escaped and every link an address relative to the page. A slot is an
HTML comment on a line of its own holding the fragment in base64, which Python-Markdown
passes through as it stands (a raw HTML block); `fill()` puts the fragment in its place in
the page's HTML (the hooks call it in `on_page_content`, before search indexes the page).
"""

from __future__ import annotations

import base64
import re

from markupsafe import Markup

_SLOT = re.compile(r"<!--atlas:([A-Za-z0-9+/=]*)-->")


def slot(html: str) -> Markup:
    """A block of HTML to put in a page's Markdown, separated from what surrounds it."""
    encoded = base64.b64encode(html.encode("utf-8")).decode("ascii")
    return Markup(f"\n\n<!--atlas:{encoded}-->\n\n")


def fill(page_html: str) -> str:
    """The page's HTML with each slot replaced by its fragment."""
    if "<!--atlas:" not in page_html:
        return page_html
    return _SLOT.sub(lambda m: base64.b64decode(m.group(1)).decode("utf-8"), page_html)
