"""The "Editing the Atlas" page documents every field of every collection, from the schemas."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from atlas import COLLECTIONS
from atlas.editing import editing_context
from atlas.project import check_project
from atlas.schema import fields, schema

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def editing_page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "editing" / "index.html").read_text(encoding="utf-8"), "html.parser")


def field_rows(page: BeautifulSoup, collection: str) -> list[list[Tag]]:
    table = page.select_one(f'div.atlas-fields[data-collection="{collection}"] table')
    assert table is not None, f"no field table for {collection}"
    return [row.find_all("td") for row in table.select("tbody tr")]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_schema_field_is_documented(fixture_site: Path, collection: str) -> None:
    rows = field_rows(editing_page(fixture_site), collection)
    names = [cells[0].select_one("code.atlas-field").get_text() for cells in rows]
    assert names == [spec.dotted for spec in fields(collection)]
    for spec, cells in zip(fields(collection), rows, strict=True):
        field, kind, meaning = (c.get_text(" ", strip=True) for c in cells[:3])
        required = cells[0].select_one(".atlas-required").get_text()
        assert required == ("optional" if not spec.required else
                            "required in each item" if "*" in spec.path else "required"), spec.dotted
        assert kind, spec.dotted
        assert spec.description and meaning.startswith(spec.description), spec.dotted
        for choice in spec.choices:
            assert choice in meaning, (spec.dotted, choice)
        if spec.example is not None and spec.type != "list of object":
            assert cells[3].get_text(strip=True), f"{spec.dotted} has a schema example that is not shown"


def test_the_page_explains_the_workflow_errors_and_dates(fixture_site: Path) -> None:
    page = editing_page(fixture_site)
    text = page.get_text(" ", strip=True)
    for phrase in ("atlas new <collection> <id>", "atlas check", "python3 scripts/dev.py serve",
                   "pre-commit install", "file:line:column", "early 2006", "redirect_from"):
        assert phrase in text, phrase
    for collection in COLLECTIONS:
        heading = page.select_one(f"h3#collection-{collection}")
        assert heading is not None and schema(collection)["title"] in heading.get_text()
    nav = [a.get_text(strip=True) for a in BeautifulSoup(
        (fixture_site / "index.html").read_text(encoding="utf-8"), "html.parser").select("nav.md-nav--primary a")]
    assert "Editing the Atlas" in nav


def test_examples_come_from_the_data_when_the_schema_has_none(fixture_site: Path) -> None:
    rows = {cells[0].select_one("code.atlas-field").get_text(): cells
            for cells in field_rows(editing_page(fixture_site), "treaties")}
    assert rows["place"][3].get_text(strip=True) == "Testville"  # from test-friendship-1992.yaml
    assert rows["signed"][3].get_text(strip=True) == "'1996'"  # the schema's own example


def test_without_data_every_field_is_still_listed() -> None:
    context = editing_context(None)
    for doc in context["collections"]:
        assert [row.name for row in doc.rows] == [spec.dotted for spec in fields(doc.collection)]
        assert all(row.example_from == "" for row in doc.rows)


def test_the_example_problem_is_what_the_checker_prints(fixture_site: Path, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "valid" / "data", tmp_path / "data")
    (tmp_path / "data" / "countries" / "china.yaml").write_text(
        "id: china\nname: China\nsummary: A country.\ncitations: [{source: test-source, quote: Testland}]\nisoo: CN\n",
        encoding="utf-8")
    _, problems = check_project(tmp_path)
    assert len(problems) == 1
    example = editing_page(fixture_site).select_one("#problems ~ div pre code, #problems ~ pre code")
    assert example is not None and example.get_text().strip() == str(problems[0])
