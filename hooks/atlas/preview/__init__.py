"""What `mkdocs serve` needs beyond a build: the problems page while the data is invalid
(problems.py), and rebuilding only what a saved change touches (session.py, searchindex.py).
The full build stays the reference: tests compare the preview's pages with it.
"""

from __future__ import annotations

from .problems import catch_all_html, expected_pages, problem_pages
from .session import Session

__all__ = ["Session", "catch_all_html", "expected_pages", "problem_pages"]
