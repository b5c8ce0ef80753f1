"""Text of a page that is in another language than the page says and is not marked so.

The walker reads a built page as a reader's screen reader would: an element with `lang` speaks
that language, everything else the page's. It reports runs of words in the other script (three
Latin words on a Russian page, one Cyrillic word on an English page) written outside any element
that names their language. Code, the header's navigation and search, quotes, parenthesised
asides, addresses and file names are left out: those stay as written in any edition. So are
on Russian pages, Latin-script names of publications and places, whose every longer word is
capitalised ("The Moscow Times").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

SKIP_TAGS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "head", "title", "svg"})
SKIP_CLASSES = frozenset({"md-header", "md-nav", "md-search", "md-skip"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[\s,:;]+[A-Za-z][A-Za-z'’-]*){2,}")
CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:[\s-]+[\u0400-\u04ff]+)*")
ASIDES = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|\([^()]*\)")
ADDRESSES = re.compile(r"https?://\S+|\S+\.(?:csv|json|yaml|txt|bib|ris|xml)\b")


def is_name(run: str) -> bool:
    """Every word longer than three letters capitalised: a title or a proper name."""
    return all(w[0].isupper() for w in re.findall(r"[^\W\d_][\w'’-]*", run) if len(w) > 3)


@dataclass
class _Walker(HTMLParser):
    page_lang: str
    found: list[tuple[str, str]] = field(default_factory=list)
    stack: list[tuple[str, bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "html":
            self.stack.append((tag, False))
            return
        elsewhere = a.get("lang") not in (None, self.page_lang)
        self.stack.append((tag, tag in SKIP_TAGS or elsewhere or bool(classes & SKIP_CLASSES)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if any(skip for _, skip in self.stack):
            return
        text = ASIDES.sub(" ", ADDRESSES.sub(" ", data))
        where = "/".join(tag for tag, _ in self.stack[-3:])
        if self.page_lang == "ru":
            self.found += [(m.group(0), where) for m in LATIN_RUN.finditer(text) if not is_name(m.group(0))]
        else:
            self.found += [(m.group(0), where) for m in CYRILLIC_WORD.finditer(text)]


def unmarked(html: str, page_lang: str) -> list[tuple[str, str]]:
    """(text, the enclosing elements) of each run in the other language left unmarked."""
    walker = _Walker(page_lang)
    walker.feed(html)
    return walker.found
