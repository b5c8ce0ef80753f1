"""What Material's search learns from a record page beyond its title and text: tags.

The search plugin indexes a page's front-matter `tags` in a field weighed like the title
(mkdocs.yml: plugins → search → fields) and shows them as chips under the result's title.
A record's tags are the other names a reader may type for it: its short name, official
name, abbreviations, ISO code and other names (aliases). So "CSTO", "ОДКБ", "KG" or
"Киргизия" find the record itself before the pages that mention it.

A short name that only repeats the title with a qualifier in brackets ("Collective
Security Treaty (Tashkent, 1992)") is left out: it would count the title's words twice
and put the treaty above the organization named after it.
"""

from __future__ import annotations

import re

from .model import Record

_QUALIFIER = re.compile(r"\s*\([^()]*\)$")


def search_tags(record: Record) -> list[str]:
    data = record.data
    tags = [data.get("short_name"), data.get("official_name"), *data.get("abbreviations", []), data.get("iso"),
            *(a["name"] for a in data.get("aliases", []))]
    return [str(t) for t in dict.fromkeys(tags) if t and not _repeats_title(str(t), record.name)]


def _repeats_title(name: str, title: str) -> bool:
    return _QUALIFIER.sub("", name).casefold() == title.casefold()
