"""What a build wrote: the site's size by top-level folder, its largest pages, its search index."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

TOP_FILES = "(files at the top)"


@dataclass(frozen=True)
class SiteSize:
    total: int
    by_folder: dict[str, int]            # "treaties/" → bytes, largest first
    largest_pages: list[tuple[str, int]]  # the five largest HTML pages, path relative to the site
    search_index: int

    @property
    def largest_page(self) -> tuple[str, int]:
        return self.largest_pages[0]


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
        search_index=(site / "search" / "search_index.json").stat().st_size,
    )


def mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def describe(site: SiteSize) -> list[str]:
    """Lines for the report: the breakdown by folder, then the five largest pages."""
    folders = ", ".join(f"{name} {mb(size)}" for name, size in site.by_folder.items() if size >= 10_000)
    lines = [f"  site {mb(site.total)}: {folders}"]
    lines += [f"  {mb(size):>10}  {path}" for path, size in site.largest_pages]
    return lines
