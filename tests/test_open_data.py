"""What outside tools read: the Frictionless data package and atlas.json's own JSON Schema.

Data: tests/fixtures/export (see test_export.py). The files are written to a folder and
checked there with `frictionless validate` and `jsonschema`, as a data user would; each
check is also shown to fail on a broken copy. Real builds: test_publish_site.py.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from atlas import COLLECTIONS
from atlas.catalog import Catalog
from atlas.export import exports
from atlas.history import LastChange
from atlas.project import load_catalog
from atlas.schema import SCHEMA_DIR, common, schema
from atlas.tables import table, tables

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "export"
SITE = "https://example.org/atlas/"
FRICTIONLESS = [sys.executable, "-m", "frictionless"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE)


@pytest.fixture(scope="module")
def files(catalog: Catalog) -> dict[str, bytes]:
    changes = {r.file: LastChange(date(2024, 1, 1 + i), True) for i, r in enumerate(catalog.records)}
    return exports(catalog, SITE, changes)


@pytest.fixture(scope="module")
def package(files: dict[str, bytes]) -> dict[str, Any]:
    return json.loads(files["downloads/datapackage.json"])


@pytest.fixture
def folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    """The downloads as a user saves them."""
    for path, content in files.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return tmp_path / "downloads"


def frictionless(folder: Path) -> dict[str, Any]:
    result = subprocess.run([*FRICTIONLESS, "validate", "--json", "datapackage.json"], cwd=folder,
                            capture_output=True, text=True, timeout=300)
    report: dict[str, Any] = json.loads(result.stdout)
    assert (result.returncode == 0) == report["valid"], result.stderr
    return report


def errors(report: dict[str, Any]) -> list[tuple[str, str]]:
    return [(task["name"], error["type"]) for task in report["tasks"] for error in task["errors"]]


def reseal(folder: Path) -> None:
    """Recompute sizes and hashes after an edit, so that only the edit itself is wrong."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        content = (folder / resource["path"]).read_bytes()
        resource["bytes"], resource["hash"] = len(content), f"sha256:{hashlib.sha256(content).hexdigest()}"
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def edit_csv(folder: Path, name: str, row_id: str, column: str, value: str, key: str = "id") -> None:
    path = folder / f"{name}.csv"
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    index = lines[0].index(column)
    for line in lines[1:]:
        if line[lines[0].index(key)] == row_id:
            line[index] = value
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(lines)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    reseal(folder)


# --- the data package ---------------------------------------------------------------------

def test_frictionless_validates_the_package(folder: Path) -> None:
    report = frictionless(folder)
    assert report["valid"], errors(report)
    assert {task["name"] for task in report["tasks"]} == {t.name for t in tables()} | {"atlas", "atlas-schema"}


@pytest.mark.parametrize("name, row, column, value, error", [
    ("memberships", "example-alliance", "member", "nowhere", "foreign-key"),  # no such country
    ("citations", "test-doctrine", "source", "testland", "foreign-key"),  # a country, not a source
    ("treaties", "test-security-pact-1995", "organization", "testland", "foreign-key"),
    ("organizations", "example-programme", "parent", "example-programme-x", "foreign-key"),  # within the file
    ("treaties", "test-friendship-1992", "signed", "10 June 1992", "constraint-error"),  # a date keeps its form
    ("treaties", "test-friendship-1992", "kind", "pact", "constraint-error"),
    ("events", "hostile-summit", "caveats", "date approximate", "constraint-error"),
    ("countries", "testland", "id", "exampleland", "primary-key"),
    ("directions", "test-direction", "order", "first", "type-error"),
])
def test_frictionless_finds_what_is_wrong(folder: Path, name: str, row: str, column: str, value: str,
                                          error: str) -> None:
    key = {"memberships": "organization", "citations": "record"}.get(name, "id")
    edit_csv(folder, name, row, column, value, key)
    assert (name, error) in errors(frictionless(folder))


def test_frictionless_finds_a_changed_file(folder: Path) -> None:
    with (folder / "atlas.json").open("a", encoding="utf-8") as f:
        f.write(" ")
    with (folder / "sources.csv").open("a", encoding="utf-8") as f:
        f.write("x,y,z\r\n")
    found = errors(frictionless(folder))
    assert ("atlas", "hash-count") in found and ("sources", "hash-count") in found


def test_the_package_describes_every_csv_from_the_same_columns(package: dict[str, Any],
                                                               files: dict[str, bytes]) -> None:
    resources = {r["name"]: r for r in package["resources"]}
    for t in tables():
        resource = resources[t.name]
        header = next(csv.reader(io.StringIO(files[f"downloads/{t.file}"].decode("utf-8"), newline="")))
        assert [f["name"] for f in resource["schema"]["fields"]] == header
        assert resource["path"] == t.file and resource["schema"]["primaryKey"] == list(t.primary_key)
        assert all(f["description"] for f in resource["schema"]["fields"])
    assert resources["atlas"]["path"] == "atlas.json"
    assert resources["atlas-schema"]["path"] == "atlas.schema.json"


def test_dates_are_patterned_strings_and_keys_link_the_files(package: dict[str, Any]) -> None:
    resources = {r["name"]: r for r in package["resources"]}
    signed = next(f for f in resources["treaties"]["schema"]["fields"] if f["name"] == "signed")
    assert signed["type"] == "string" and "[0-9]{4}" in signed["constraints"]["pattern"]
    assert resources["countries"]["schema"]["primaryKey"] == ["id"]

    def links(name: str) -> set[tuple[str, str]]:
        return {(k["fields"], k["reference"]["resource"]) for k in resources[name]["schema"].get("foreignKeys", [])}

    assert links("memberships") == {("organization", "organizations"), ("member", "countries")}
    assert links("citations") == {("source", "sources")}
    assert {("organization", "organizations")} <= links("treaties")
    assert {("parent", ""), ("founding_treaty", "treaties")} <= links("organizations")  # "": the same file
    assert {("host", "countries")} <= links("facilities")


def test_the_package_names_licence_sources_version_and_date(package: dict[str, Any], catalog: Catalog) -> None:
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] == package["last_changed"] == "2024-01-12"  # the newest of the 12 records' dates
    assert package["sources"] == [{"title": "A test source text", "path": "https://example.org/source"}]
    assert package["homepage"] == SITE
    assert len(catalog.records) == 12


# --- atlas.json's schema ------------------------------------------------------------------

@pytest.fixture(scope="module")
def atlas_schema(files: dict[str, bytes]) -> dict[str, Any]:
    return json.loads(files["downloads/atlas.schema.json"])


@pytest.fixture(scope="module")
def document(files: dict[str, bytes]) -> dict[str, Any]:
    return json.loads(files["downloads/atlas.json"])


def problems(atlas_schema: dict[str, Any], document: dict[str, Any]) -> list[str]:
    Draft202012Validator.check_schema(atlas_schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(atlas_schema).iter_errors(document)]


def test_atlas_json_names_its_schema_which_validates_it(atlas_schema: dict[str, Any],
                                                        document: dict[str, Any]) -> None:
    assert document["$schema"] == atlas_schema["$id"] == f"{SITE}downloads/atlas.schema.json"
    assert problems(atlas_schema, document) == []


def test_the_record_schemas_do_not_validate_the_export(document: dict[str, Any]) -> None:
    """Why atlas.json needs its own schema: its references are objects, not ids."""
    treaty = next(r for r in document["records"] if r["id"] == "test-friendship-1992")["data"]
    validator = Draft202012Validator(schema("treaties"), registry=_registry())
    assert any(e.validator == "pattern" or e.validator == "type" for e in validator.iter_errors(treaty))


def _registry() -> Any:
    from referencing import Registry, Resource

    return Registry().with_resource("common.schema.json", Resource.from_contents(common()))


def _break(document: dict[str, Any], record_id: str, change: Any) -> dict[str, Any]:
    broken = copy.deepcopy(document)
    change(next(r for r in broken["records"] if r["id"] == record_id))
    return broken


@pytest.mark.parametrize("record_id, change", [
    ("test-friendship-1992", lambda r: r["data"]["parties"].__setitem__(0, "testland")),  # an id, unresolved
    ("test-friendship-1992", lambda r: r["data"]["parties"][0].__setitem__("collection", "events")),  # not a party
    ("test-security-pact-1995", lambda r: r["data"]["milestones"][0]["party"].pop("url")),
    ("example-alliance", lambda r: r["data"]["members"][0]["member"].__setitem__("collection", "organizations")),
    ("test-base", lambda r: r["data"].pop("host")),  # the facilities schema requires it
    ("test-base", lambda r: r.__setitem__("collection", "events")),  # an event needs other fields
    ("hostile-summit", lambda r: r["caveats"].__setitem__("date", ["maybe"])),
    ("test-source", lambda r: r["data"].__setitem__("colour", "red")),
])
def test_the_schema_rejects_a_broken_export(atlas_schema: dict[str, Any], document: dict[str, Any],
                                            record_id: str, change: Any) -> None:
    assert problems(atlas_schema, _break(document, record_id, change))


def test_the_schema_is_the_record_schemas_with_references_resolved(atlas_schema: dict[str, Any]) -> None:
    text = json.dumps(atlas_schema)
    assert "common.schema.json" not in text  # self-contained
    originals = "".join(p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json"))
    assert text.count('"$ref": "#/$defs/reference"') == originals.count('"x-references"')
    for collection in COLLECTIONS:
        assert set(atlas_schema["$defs"][collection]["properties"]) == set(schema(collection)["properties"])
        assert atlas_schema["$defs"][collection]["required"] == schema(collection)["required"]
    assert set(common()["$defs"]) <= set(atlas_schema["$defs"])
    milestone_party = atlas_schema["$defs"]["treaties"]["properties"]["milestones"]["items"]["properties"]["party"]
    assert milestone_party["properties"]["collection"]["enum"] == ["countries", "organizations"]


def test_memberships_and_citations_resources_match_their_tables(package: dict[str, Any]) -> None:
    resources = {r["name"]: r for r in package["resources"]}
    for name in ("memberships", "citations"):
        assert [f["name"] for f in resources[name]["schema"]["fields"]] == [c.name for c in table(name).columns]
