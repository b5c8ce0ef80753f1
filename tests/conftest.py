"""Shared fixtures: real MkDocs builds of the repository and of fixture projects."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def make_project(dest: Path, data: Path | None = None) -> Path:
    """A copy of the Atlas project in `dest`, with `data` (default: the repo's data)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, dest / name)
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data or ROOT / "data", dest / "data")
    return dest


def build(project: Path, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (never with -q: see mkdocs issue 4126)."""
    site = site or project / "site"
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, cwd=project, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def built(tmp_path_factory: pytest.TempPathFactory, name: str, data: Path | None = None) -> Path:
    """A strict build of the project with `data` in a fresh temp dir; fails on any warning."""
    project = make_project(tmp_path_factory.mktemp(name), data)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once per test session."""
    return built(tmp_path_factory, "atlas")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small valid fixture project, built once per test session."""
    return built(tmp_path_factory, "fixture", FIXTURES / "valid" / "data")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/hostile: valid records whose every text is markup, script or template syntax."""
    return built(tmp_path_factory, "hostile", FIXTURES / "hostile" / "data")


@pytest.fixture(scope="session")
def timeline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/timeline: dates at every precision, shared dates, unknown joins (see test_timeline.py)."""
    return built(tmp_path_factory, "timeline", FIXTURES / "timeline" / "data")


# Tiny limits (mkdocs.yml `extra: atlas: paging:`): the timeline fixture fills several pages of each kind.
PAGED_LIMITS = {"page_items": 4, "hub_records": 2, "hub_entries": 3}


def add_paging(project: Path, limits: dict[str, int] = PAGED_LIMITS) -> None:
    """Set `extra: atlas: paging:` in the project's mkdocs.yml (under its existing `extra:`)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("\nextra:\n") == 1
    config.write_text(text.replace("\nextra:\n", f"\nextra:\n  atlas:\n    paging: {json.dumps(limits)}\n"),
                      encoding="utf-8")


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/timeline built with PAGED_LIMITS (see test_paging.py)."""
    project = make_project(tmp_path_factory.mktemp("paged"), FIXTURES / "timeline" / "data")
    add_paging(project)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def export_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/export: the valid set plus a renamed record (redirect_from) and a hostile one."""
    return built(tmp_path_factory, "export", FIXTURES / "export" / "data")


@pytest.fixture(scope="session")
def maps_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/maps: real countries, facilities and events at real places (see test_maps.py)."""
    return built(tmp_path_factory, "maps", FIXTURES / "maps" / "data")
