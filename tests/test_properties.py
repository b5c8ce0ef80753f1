"""Whatever a record file holds, loading and validation end in records or clean problems.

No input may raise: not random text, not random bytes, not random YAML structures, not a
valid record with one field replaced by something random.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.problems import Problem
from atlas.project import check_project
from atlas.render import Renderer

VALID = Path(__file__).resolve().parent / "fixtures" / "valid" / "data"
TARGETS = [
    "treaties/test-friendship-1992.yaml",
    "organizations/example-alliance.yaml",
    "countries/exampleland.yaml",
    "events/test-summit-2000.yaml",
    "sources/test-source.yaml",
    "documents/new-record.yaml",
]
IDS = ["testland", "exampleland", "example-alliance", "test-friendship-1992", "test-source", "test-summit-2000"]
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.sampled_from(IDS),
    st.from_regex(r"\A((early|late|about) )?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z"),
    st.sampled_from(["https://example.org/", "javascript:alert(1)", "<script>", "{{ 7*7 }}", "2003-02-30",
                     "0000", "0000-01-01", "1000-01-01", "2999-12-31", "=", "<<", "~", "yes", "no"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=10) | st.sampled_from(["member", "joined", "left",
                                            "source", "quote", "type", "target", "kind", "text"]), inner,
                                            max_size=4)),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("properties")
    shutil.copytree(VALID, root / "data")
    return root


@contextmanager
def record_file(root: Path, target: str, content: bytes) -> Iterator[Path]:
    """`root` with `target` holding `content`, put back as it was afterwards."""
    path = root / "data" / target
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(content)
    try:
        yield root
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


def assert_clean(root: Path, render: bool = False) -> None:
    """Records or problems, never an exception; a valid catalog answers questions (and renders)."""
    catalog, problems = check_project(root)
    assert (catalog is None) == bool(problems)
    for problem in problems:
        assert isinstance(problem, Problem)
        text = str(problem)
        assert text.startswith(f"{problem.file}:{problem.line}:{problem.column}: ")
        assert problem.file.startswith("data/")
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and "\n" not in text and "Traceback" not in text
    if catalog is None:
        return
    for entry in catalog.timeline():
        assert str(entry.date) and entry.date.start <= entry.date.end
    for record in catalog.records:
        catalog.backlinks_to(record)
    if render:
        for page in Renderer(catalog).pages():
            assert page.markdown


@SETTINGS
@given(target=st.sampled_from(TARGETS), text=st.text(max_size=300))
def test_random_text(project: Path, target: str, text: str) -> None:
    with record_file(project, target, text.encode("utf-8")) as root:
        assert_clean(root)


@SETTINGS
@given(target=st.sampled_from(TARGETS), raw=st.binary(max_size=300))
def test_random_bytes(project: Path, target: str, raw: bytes) -> None:
    with record_file(project, target, raw) as root:
        assert_clean(root)


@SETTINGS
@given(target=st.sampled_from(TARGETS), data=values)
def test_random_yaml_structures(project: Path, target: str, data: Any) -> None:
    with record_file(project, target, yaml.safe_dump(data, allow_unicode=True).encode("utf-8")) as root:
        assert_clean(root)


def _fields(target: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((VALID / target).read_text(encoding="utf-8"))
    return loaded


@SETTINGS
@given(target=st.sampled_from(TARGETS[:5]), data=st.data())
def test_a_valid_record_with_one_field_replaced(project: Path, target: str, data: st.DataObject) -> None:
    record = _fields(target)
    key = data.draw(st.sampled_from([*record, "members", "parties", "citations", "notes", "relations",
                                     "redirect_from", "founded", "ended", "in_force"]))
    record[key] = data.draw(values)
    with record_file(project, target, yaml.safe_dump(record, allow_unicode=True).encode("utf-8")) as root:
        assert_clean(root, render=True)


@SETTINGS
@given(data=st.data())
def test_random_membership_dates(project: Path, data: st.DataObject) -> None:
    target = "organizations/example-alliance.yaml"
    record = _fields(target)
    dates = st.from_regex(r"\A((early|mid|late|about|before|after) )?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
    record["founded"] = data.draw(dates)
    for member in record["members"]:
        member["joined"] = data.draw(dates)
        member["left"] = data.draw(dates)
    with record_file(project, target, yaml.safe_dump(record, allow_unicode=True).encode("utf-8")) as root:
        assert_clean(root, render=True)
