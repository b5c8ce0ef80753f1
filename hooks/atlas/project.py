"""One Atlas project on disk: where its data lives, and the one path from files to a catalog.

The build, `atlas check` and the tests all go through `check_project`, so they report
the same problems in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .load import TEXTS, LoadCache, load_data
from .problems import DataError, Problem
from .validate import OwnChecks, validate


@dataclass
class CheckCache:
    """What one check keeps for the next, under the live preview: the records of unchanged
    files and their own checks. Its results are the same as without it."""

    files: LoadCache = field(default_factory=LoadCache)
    checks: OwnChecks = field(default_factory=dict)


def check_project(root: Path, cache: CheckCache | None = None) -> tuple[Catalog | None, list[Problem]]:
    """Load and validate `root/data`; a catalog only when there are no problems."""
    data_dir = root / "data"
    loaded = load_data(data_dir, root, cache.files if cache else None)
    problems = loaded.problems + validate(loaded.records, data_dir / TEXTS, loaded.unreadable,
                                          cache.checks if cache else None)
    if problems:
        return None, sorted(set(problems))
    return Catalog(loaded.records), []


def load_catalog(root: Path) -> Catalog:
    """The catalog of a valid project; raises DataError listing every problem otherwise."""
    catalog, problems = check_project(root)
    if catalog is None:
        raise DataError(problems)
    return catalog
