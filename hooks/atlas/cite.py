"""How to cite a record page or the whole dataset: the licence terms and BibTeX entries.

BibTeX is assembled here rather than in a template because its braces clash with Jinja's.
Every value is escaped for BibTeX (no brace, backslash or percent sign from the data can
end a field or open a command); the template then HTML-escapes the entry as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from .history import LastChange
from .model import Record

AUTHOR = "Kyrgyz Security Atlas contributors"
DATA_LICENSE = "CC BY 4.0"
DATA_LICENSE_ID = "CC-BY-4.0"
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENSE = "MIT"
CODE_LICENSE_URL = "https://opensource.org/license/mit"

_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
    "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_WHITESPACE = re.compile(r"\s+")
# Kept as written in a URL field; anything else (braces, backslashes, spaces) is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def bibtex_text(value: object) -> str:
    """Text for a BibTeX field: one line, every special character escaped."""
    text = _WHITESPACE.sub(" ", str(value)).strip()
    return "".join(_SPECIAL.get(c, c) for c in text)


def bibtex_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """An entry whose fields are escaped; `author` is braced as one corporate name, `url` kept verbatim."""
    width = max(len(name) for name, _ in fields)
    lines = [f"@{kind}{{{key},"]
    for name, value in fields:
        if name == "url":
            text = quote(value, safe=_URL_SAFE)
        elif name == "author":
            text = "{" + bibtex_text(value) + "}"
        else:
            text = bibtex_text(value)
        lines.append(f"  {name.ljust(width)} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines)


def record_bibtex(record: Record, url: str, change: LastChange | None, site_name: str) -> str:
    fields = [("author", AUTHOR), ("title", record.name), ("howpublished", site_name)]
    if change is not None:
        fields += [("year", str(change.date.year)), ("date", change.iso())]
    fields.append(("url", url))
    changed = f", last changed {change.iso()}" if change is not None else ""
    fields.append(("note", f"Record {record.collection}/{record.id}{changed}. Data licensed {DATA_LICENSE}"))
    return bibtex_entry("misc", f"atlas:{record.id}", fields)


def dataset_bibtex(site_name: str, url: str, latest: LastChange | None) -> str:
    fields = [("author", AUTHOR), ("title", f"{site_name}: dataset")]
    if latest is not None:
        fields += [("year", str(latest.date.year)), ("date", latest.iso())]
    fields += [("url", url), ("note", f"Data licensed {DATA_LICENSE}; code licensed {CODE_LICENSE}")]
    return bibtex_entry("misc", "kyrgyz-security-atlas", fields)


def latest(changes: Mapping[str, LastChange]) -> LastChange | None:
    """The newest change of the dataset (the version to cite)."""
    return max(changes.values(), key=lambda c: (c.date, c.committed), default=None)


@dataclass(frozen=True)
class PageCitation:
    """What the "Cite this page" section of a record page shows."""

    url: str
    change: LastChange | None
    site_name: str
    bibtex: str
    author: str = AUTHOR


def page_citation(record: Record, url: str, change: LastChange | None, site_name: str) -> PageCitation:
    return PageCitation(url, change, site_name, record_bibtex(record, url, change, site_name))
