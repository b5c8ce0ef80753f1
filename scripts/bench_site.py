"""What a build wrote: the site's size by top-level folder and by edition, its largest pages, its search indexes.

The Russian edition is the folder ru/; the English edition is the rest of the site but for the
static files both editions share (assets/, javascripts/, stylesheets/). Each edition has its
own search index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

TOP_FILES = "(files at the top)"
RUSSIAN = "ru/"
SHARED = ("assets/", "javascripts/", "stylesheets/")
SEARCH_INDEXES = {"en": "search/search_index.json", "ru": "ru/search/search_index.json"}


@dataclass(frozen=True)
class SiteSize:
    total: int
    by_folder: dict[str, int]            # "treaties/" → bytes, largest first
    largest_pages: list[tuple[str, int]]  # the five largest HTML pages, path relative to the site
    search_indexes: dict[str, int]       # edition → bytes of its search index
    pages: int                           # the pages MkDocs rendered (sitemap.xml lists each one)

    @property
    def largest_page(self) -> tuple[str, int]:
        return self.largest_pages[0]

    @property
    def shared(self) -> int:
        return sum(self.by_folder.get(folder, 0) for folder in SHARED)

    @property
    def russian(self) -> int:
        return self.by_folder.get(RUSSIAN, 0)

    @property
    def english(self) -> int:
        return self.total - self.russian - self.shared


def measure_site(site: Path) -> SiteSize:
    by_folder: dict[str, int] = defaultdict(int)
    pages: list[tuple[str, int]] = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        relative = path.relative_to(site)
        by_folder[f"{relative.parts[0]}/" if len(relative.parts) > 1 else TOP_FILES] += size
        if path.suffix == ".html":
            pages.append((relative.as_posix(), size))
    pages.sort(key=lambda p: (-p[1], p[0]))
    return SiteSize(
        total=sum(by_folder.values()),
        by_folder=dict(sorted(by_folder.items(), key=lambda item: -item[1])),
        largest_pages=pages[:5],
        search_indexes={edition: (site / index).stat().st_size for edition, index in SEARCH_INDEXES.items()},
        pages=page_count(site),
    )


def page_count(site: Path) -> int:
    """The pages of a MkDocs site: one <loc> each in sitemap.xml (both editions, records and
    indexes; not the redirects and downloads the Atlas adds as static files)."""
    return (site / "sitemap.xml").read_text(encoding="utf-8").count("<loc>")


def total_size(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def editions(site: SiteSize) -> str:
    return f"en {mb(site.english)}, ru {mb(site.russian)}, shared {mb(site.shared)}"


def indexes(site: SiteSize) -> str:
    return " / ".join(mb(size) for size in site.search_indexes.values())


def describe(site: SiteSize) -> list[str]:
    """Lines for the report: the editions, the breakdown by folder, then the five largest pages."""
    folders = ", ".join(f"{name} {mb(size)}" for name, size in site.by_folder.items() if size >= 10_000)
    lines = [f"  site {mb(site.total)} ({editions(site)}): {folders}",
             "  search indexes: " + ", ".join(f"{e} {mb(s)}" for e, s in site.search_indexes.items())]
    lines += [f"  {mb(size):>10}  {path}" for path, size in site.largest_pages]
    return lines
