"""Kyrgyz Security Atlas: YAML records → validated, cross-linked reference pages.

The package knows nothing of MkDocs: `load` reads records, `validate` checks them,
`catalog` answers questions about them and `render` turns them into Markdown.
"""

from __future__ import annotations

COLLECTIONS: tuple[str, ...] = (
    "treaties",
    "organizations",
    "countries",
    "directions",
    "facilities",
    "events",
    "documents",
    "sources",
)
