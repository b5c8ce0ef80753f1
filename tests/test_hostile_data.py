"""Hostile data: text fields full of markup reach the page as text, and YAML tricks are refused.

The data set in tests/fixtures/hostile/data is valid, so it builds; every text value in it
carries its own label and a load of HTML, Markdown and template syntax (see generate.py).
The browser half of these checks is tests/browser/test_hostile.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from atlas import load
from atlas.load import load_data
from atlas.project import check_project

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
INVALID = {
    "anchor-alias": "data/countries/anchor-alias.yaml:4:13: short_name: YAML anchors and aliases (&name, *name) "
                    "are not allowed in records — write the value out in full",
    "merge-key": "data/countries/merge-key.yaml:6:1: YAML merge keys (<<) are not allowed in records "
                 "— write the fields out in full",
    "billion-laughs": "data/countries/billion-laughs.yaml:6:14: lol1[0]: YAML anchors and aliases (&name, *name) "
                      "are not allowed in records — write the value out in full",
}
LABELLED = re.compile(r"^[a-z-]+\.\S+ <script>")
# What Material itself puts into every page; anything else that runs came from the data.
MATERIAL_INLINE = ("__md_scope", "__md_get", "__md_set", "__md_hash", "__palette", "__tabbed_")


def hostile_texts() -> list[tuple[str, str]]:
    """(label, value) of every hostile text in the fixture records."""
    loaded = load_data(HOSTILE / "data", HOSTILE)
    assert not loaded.problems, loaded.problems
    out: list[tuple[str, str]] = []

    def walk(value: object) -> None:
        if isinstance(value, str) and LABELLED.match(value):
            out.append((value.split(" ", 1)[0], value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for record in loaded.records:
        walk(record.data)
    return out


def test_the_hostile_data_is_valid_and_hostile_everywhere() -> None:
    catalog, problems = check_project(HOSTILE)
    assert catalog is not None and not problems, problems
    texts = hostile_texts()
    assert len(texts) > 100
    assert sum(len(v) > 10_000 for _, v in texts) >= 4
    for _, value in texts:
        for needle in ("<img src=x onerror=", "javascript:", "{{ 7*7 }}", "{% raw %}", "</script>", "\u202e", "\u200b"):
            assert needle in value


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in site.rglob("*.html")}


def test_no_markup_from_the_data_reaches_the_html(hostile_site: Path) -> None:
    for page, soup in _pages(hostile_site).items():
        for script in soup.find_all("script"):
            code = script.get_text()
            data_only = script.get("type") in ("application/json", "application/ld+json")
            if data_only:  # never run; it may quote the data, escaped so that nothing can close the element
                assert "<" not in code and "&" not in code and json.loads(code), f"{page}: {script}"
                continue
            assert "alert" not in code, f"{page}: {script}"
            assert script.get("src") or any(m in code for m in MATERIAL_INLINE), f"{page}: {script}"
        for tag in soup.find_all(True):
            events = [a for a in tag.attrs if a.lower().startswith("on")]
            assert not events, f"{page}: {tag.name} has {events}"
            for attr in ("href", "src", "action", "formaction"):
                assert not str(tag.get(attr, "")).strip().lower().startswith("javascript:"), f"{page}: {tag}"
        assert not soup.find("img", src="x"), page
        assert not soup.select(".not-a-class"), page
        assert not soup.find(["em", "strong"], string=re.compile(r"^\s*not bold\s*$")), page


def test_every_hostile_text_is_on_its_record_page(hostile_site: Path) -> None:
    """Each value appears, as text, on the page of the record that holds it (labels name the record)."""
    missing = []
    texts: dict[str, str] = {}
    for page, soup in _pages(hostile_site).items():
        main = soup.find("article") or soup
        texts[page] = re.sub(r"\s+", " ", main.get_text())
    for label, value in hostile_texts():
        record_id = label.split(".", 1)[0]
        page = next(p for p in texts if p.endswith(f"/{record_id}/index.html") and p.count("/") == 2)
        if value not in texts[page]:
            missing.append(f"{label} not shown as text on {page}")
    assert not missing, "\n".join(missing)


def test_meta_title_and_description_stay_escaped(hostile_site: Path) -> None:
    """Material writes page.meta.title and description unescaped: the templates must escape them."""
    soup = _pages(hostile_site)["treaties/hostile-treaty/index.html"]
    assert soup.title is not None and soup.title.string.startswith('hostile-treaty.name <script>alert("hostile')
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"].startswith("hostile-treaty.summary <script>")
    scripts = soup.head.find_all("script", string=re.compile("alert"))  # type: ignore[union-attr]
    assert all(s.get("type") == "application/ld+json" for s in scripts)  # JSON-LD quotes the data, escaped


def yaml_nodes(path: Path) -> int:
    """How many nodes the file writes out (scalars, lists, mappings, aliases), before any expansion."""
    events = yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return sum(isinstance(e, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)) for e in events)


@pytest.mark.parametrize("case", sorted(INVALID))
def test_yaml_tricks_are_refused_with_a_clear_message(case: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused without expanding anything: the loader builds at most one value per node the
    files write out (a billion laughs expanded would be 10^9). How fast: scripts/benchmark.py."""
    shutil.copytree(HOSTILE / "data", tmp_path / "data")
    shutil.copy(HOSTILE / "invalid" / f"{case}.yaml", tmp_path / "data" / "countries" / f"{case}.yaml")
    written = sum(yaml_nodes(p) for p in (tmp_path / "data").rglob("*.yaml"))
    built = 0
    value = load._Builder.value

    def counted(self: Any, node: yaml.Node, path: Any) -> Any:
        nonlocal built
        built += 1
        assert built <= written, "the loader expands aliases"
        return value(self, node, path)

    monkeypatch.setattr(load._Builder, "value", counted)
    catalog, problems = check_project(tmp_path)
    assert catalog is None
    assert [str(p) for p in problems] == [INVALID[case]]
    assert 0 < built <= written


def test_a_billion_laughs_fails_the_build(tmp_path: Path) -> None:
    from conftest import build, make_project

    project = make_project(tmp_path / "project", HOSTILE / "data")
    shutil.copy(HOSTILE / "invalid" / "billion-laughs.yaml", project / "data" / "countries" / "billion-laughs.yaml")
    result = build(project)
    assert result.returncode != 0
    assert INVALID["billion-laughs"] in result.stderr
    assert not (project / "site").exists(), "a failed check must stop the build before it writes the site"
