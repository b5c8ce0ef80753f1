"""Bad input → the exact problems reported, each with file, line, column, path, message and hint.

Every case under `fixtures/invalid/<case>/` holds only the files that differ from the valid
fixture data (same layout as `data/`) and `expected.txt`, the exact report lines.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from atlas.problems import DataError, Problem, report
from atlas.project import check_project, load_catalog

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid" / "data"
INVALID = FIXTURES / "invalid"
CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())
EXPECTED = "expected.txt"


def overlay(root: Path, *cases: str) -> Path:
    """A project at `root`: the valid fixture data with the files of `cases` laid over it."""
    shutil.copytree(VALID, root / "data")
    for case in cases:
        for source in sorted((INVALID / case).rglob("*")):
            if source.is_file() and source.name != EXPECTED:
                target = root / "data" / source.relative_to(INVALID / case)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    return root


def expected(case: str) -> list[str]:
    return (INVALID / case / EXPECTED).read_text(encoding="utf-8").splitlines()


def test_the_valid_fixture_has_no_problems() -> None:
    catalog, problems = check_project(FIXTURES / "valid")
    assert problems == []
    assert catalog is not None
    assert {"testland", "exampleland", "test-friendship-1992", "example-alliance", "test-direction",
            "test-summit-2000", "test-doctrine", "test-source"} <= set(catalog.by_id)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 15
    for case in CASES:
        assert (INVALID / case / EXPECTED).is_file(), f"{case} has no {EXPECTED}"
        assert expected(case), f"{case}/{EXPECTED} is empty"


@pytest.mark.parametrize("case", CASES)
def test_invalid_case(case: str, tmp_path: Path) -> None:
    catalog, problems = check_project(overlay(tmp_path, case))
    assert catalog is None
    assert [str(p) for p in problems] == expected(case)
    for problem in problems:
        # The format: `file:line:column: path: what is wrong — how to fix it`.
        assert problem.file.startswith("data/")
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and problem.hint
        assert "\n" not in str(problem)


def test_every_problem_in_every_file_is_reported_at_once_and_sorted(tmp_path: Path) -> None:
    # Shape errors (enum, unknown field) in some files must not hide reference, date,
    # quote and membership errors in others.
    cases = ("bad-enum-value", "unknown-source", "member-leaves-before-joining", "missing-source-text",
             "duplicate-id", "yml-extension")
    merged = sorted({line for case in cases for line in expected(case)})
    _, problems = check_project(overlay(tmp_path, *cases))
    lines = [str(p) for p in problems]
    assert sorted(lines) == merged
    assert problems == sorted(problems, key=lambda p: (p.file, p.line, p.column))
    assert len({p.file for p in problems}) == len(cases)


def test_a_broken_file_does_not_make_references_to_it_dangling(tmp_path: Path) -> None:
    # exampleland is referred to by a treaty, an organization and a direction.
    _, problems = check_project(overlay(tmp_path, "yaml-anchor-alias"))
    assert [p.file for p in problems] == ["data/countries/exampleland.yaml"]


def test_load_catalog_raises_with_the_whole_report(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_catalog(overlay(tmp_path, "dangling-reference", "unknown-source"))
    text = str(caught.value)
    lines = text.splitlines()
    assert lines[0] == "The Atlas data has 3 problems:"
    assert lines[1:] == sorted(expected("dangling-reference") + expected("unknown-source"))


def test_python_tags_are_never_constructed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(command: str) -> int:
        raise AssertionError(f"os.system was called with {command!r}")

    monkeypatch.setattr(os, "system", refuse)
    _, problems = check_project(overlay(tmp_path, "python-object-tag"))
    assert [p.message for p in problems] == ["the YAML tag '!!python/object/apply:os.system' is not allowed"]


def test_problem_format() -> None:
    problem = Problem("data/treaties/kg-ru-1992.yaml", 7, 5, "parties[1]", "unknown country 'russa'",
                      "did you mean 'russia'?")
    assert str(problem) == ("data/treaties/kg-ru-1992.yaml:7:5: parties[1]: unknown country 'russa'"
                            " — did you mean 'russia'?")
    assert str(Problem("data/x.yaml", 1, 1, "", "the file is empty")) == "data/x.yaml:1:1: the file is empty"
    assert report([problem]).splitlines()[0] == "The Atlas data has 1 problem:"
