"""The `atlas` command: `check` reports exactly what the build reports, `new` writes valid records.

Each case under `fixtures/cli/<case>/` is a small project (`data/` only) and
`expected.txt`, the exact output of `atlas check` on it. When a message changes on
purpose, regenerate the file with `atlas check --root tests/fixtures/cli/<case>`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import build, make_project
from yamllint import linter
from yamllint.config import YamlLintConfig

from atlas import COLLECTIONS
from atlas.cli import main
from atlas.load import load_data
from atlas.project import check_project
from atlas.schema import fields

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
CLI = FIXTURES / "cli"
CASES = sorted(p.name for p in CLI.iterdir() if (p / "data").is_dir())
VALID = FIXTURES / "valid"
VALID_SUMMARY = ("OK: 9 records (1 treaties, 1 organizations, 2 countries, 1 directions, 1 facilities, 1 events, "
                 "1 documents, 1 sources), no problems.")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def copy_project(data: Path, dest: Path) -> Path:
    shutil.copytree(data, dest / "data")
    return dest


# --- atlas check -------------------------------------------------------------------------

def test_check_passes_on_valid_data_with_a_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--root", str(VALID))
    assert (code, out, err) == (0, VALID_SUMMARY + "\n", "")


@pytest.mark.parametrize("case", CASES)
def test_check_prints_every_problem_exactly(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--root", str(CLI / case))
    assert code == 1
    assert err == ""
    assert out.splitlines() == (CLI / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    # One code path with the build: the lines are the problems of check_project, in order.
    _, problems = check_project(CLI / case)
    assert out.splitlines()[:-1] == [str(p) for p in problems]
    files = len({p.file for p in problems})
    assert out.splitlines()[-1] == f"{len(problems)} problems in {files} file{'s' if files != 1 else ''}."
    for line in out.splitlines()[:-1]:
        assert re.match(r"^data/[^:]+:\d+:\d+: ", line), line


def test_the_cases_cover_shape_syntax_reference_and_date_errors() -> None:
    text = "\n".join((CLI / c / "expected.txt").read_text(encoding="utf-8") for c in CASES)
    for kind in ("unknown field", "is not an allowed value", "YAML syntax error", "is given twice",
                 "missing required field", "unknown source", "impossible date", "is before",
                 "files belong in a collection folder"):
        assert kind in text, kind


@pytest.mark.parametrize("case", CASES)
def test_check_json_lists_the_problems_and_a_summary(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(CLI / case), "--format", "json")
    assert code == 1
    report = json.loads(out)
    _, problems = check_project(CLI / case)
    assert report["problems"] == [p.as_dict() for p in problems]
    assert set(report["problems"][0]) == {"file", "line", "column", "path", "message", "hint"}
    assert report["summary"] == {"ok": False, "problems": len(problems),
                                 "files_with_problems": len({p.file for p in problems}), "warnings": 0,
                                 "records": 0, "collections": {}}
    assert report["warnings"] == []  # texts are checked for their Russian version once the data is valid


def test_check_json_on_valid_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(VALID), "check", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["problems"] == []
    assert report["summary"]["ok"] is True
    assert report["summary"]["records"] == 9
    assert report["summary"]["collections"]["countries"] == 2
    assert list(report["summary"]["collections"]) == list(COLLECTIONS)


def test_root_defaults_to_the_current_folder(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(VALID)
    assert run(capsys, "check")[:2] == (0, VALID_SUMMARY + "\n")
    monkeypatch.chdir(CLI / "broken")
    assert run(capsys, "check")[0] == 1


@pytest.mark.parametrize("args, message", [
    ([], "the following arguments are required: COMMAND"),
    (["check", "--format", "xml"], "invalid choice: 'xml'"),
    (["check", "--root", "/no/such/folder"], "--root /no/such/folder: no such folder"),
    (["new", "treaty", "x"], "invalid choice: 'treaty'"),
    (["new", "treaties"], "the following arguments are required: id"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
])
def test_usage_errors_exit_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("atlas")
    assert script.exists(), "reinstall the project: pip install -e ."
    result = subprocess.run([str(script), "check", "--root", str(VALID)], capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, VALID_SUMMARY + "\n", "")
    result = subprocess.run([str(script), "check"], cwd=CLI / "references", capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stdout == (CLI / "references" / "expected.txt").read_text(encoding="utf-8")


# --- atlas new ---------------------------------------------------------------------------

def fill_placeholders(root: Path, collection: str, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with each TODO replaced by a value an editor could write: what the placeholders ask for."""
    records = {r.id: r for r in load_data(root / "data", root).records}
    source_text = (root / "data" / "texts" / "source.txt").read_text(encoding="utf-8")

    def filled(value: Any, path: tuple[str, ...]) -> Any:
        if isinstance(value, dict):
            return {k: filled(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [filled(v, (*path, "*")) for v in value]
        if not (isinstance(value, str) and value.startswith("TODO")):
            return value
        spec = next(s for s in fields(collection) if s.path == path)
        item = next((s for s in fields(collection) if s.path == (*path, "*")), None)
        refs = spec.references or (item.references if item else ())
        if refs:
            return next(i for i, r in sorted(records.items()) if r.collection in refs)
        if spec.choices:
            return spec.choices[-1]
        if spec.is_date:
            return "2001-05"
        if spec.type == "number":
            return 42.5
        if path[-1] == "quote":
            return source_text.split(".")[0]  # test-source has a text: the quote must be verbatim
        return "Filled in by the editor"

    return filled(data, ())


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_new_writes_a_record_whose_every_placeholder_check_reports(collection: str, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(VALID / "data", tmp_path)
    code, out, err = run(capsys, "new", collection, "brand-new-record", "--root", str(root))
    assert (code, err) == (0, "")
    path = root / "data" / collection / "brand-new-record.yaml"
    assert out.splitlines()[0] == f"wrote data/{collection}/brand-new-record.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../../hooks/atlas/schemas/{collection}.schema.json"

    # Every field of the schema is explained in a comment line, nested fields included.
    comments = [line for line in text.splitlines() if line.startswith("#")]
    for spec in fields(collection):
        if spec.path[-1] != "*":
            assert any(re.match(rf"#\s+{re.escape(spec.dotted)} — ", c) for c in comments), spec.dotted
    # Required fields hold values; optional ones are commented out.
    data = yaml.safe_load(text)
    top = [s for s in fields(collection) if len(s.path) == 1]
    assert set(data) == {s.path[0] for s in top if s.required}
    for spec in top:
        if not spec.required:
            assert re.search(rf"^# {spec.path[0]}:", text, re.M), spec.path[0]
    # The placeholder data passes the project's YAML style too.
    problems = list(linter.run(text, YamlLintConfig(file=str(ROOT / ".yamllint"))))
    assert problems == [], problems

    # Saved unchanged, the record fails the check: one problem per TODO, at its line, and nothing else.
    todo_lines = [n for n, line in enumerate(text.splitlines(), 1)
                  if not line.startswith("#") and re.search(r"(:|-) '?TODO", line)]
    assert todo_lines, "a record always has something to fill in (at least its citation)"
    code, out, _ = run(capsys, "check", "--root", str(root))
    reported = out.splitlines()[:-1]
    assert code == 1
    assert [int(line.split(":")[1]) for line in reported] == todo_lines
    assert all(" placeholder left in place — replace TODO with " in line for line in reported), reported
    assert all(line.startswith(f"data/{collection}/brand-new-record.yaml:") for line in reported)

    # With every TODO replaced, it passes.
    path.write_text(yaml.safe_dump(fill_placeholders(root, collection, data), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    assert run(capsys, "check", "--root", str(root))[0] == 0, capsys.readouterr()
    catalog, _ = check_project(root)
    assert catalog is not None and catalog.get("brand-new-record").collection == collection


def test_the_build_refuses_a_record_with_placeholders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "project", VALID / "data")
    run(capsys, "new", "events", "unfinished-event", "--root", str(project))
    result = build(project)
    assert result.returncode == 1
    assert "data/events/unfinished-event.yaml:11:1: name: placeholder left in place — replace TODO with the text: " \
           "A descriptive title" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_uncommenting_an_optional_block_gives_valid_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(VALID / "data", tmp_path)
    run(capsys, "new", "treaties", "kg-example-2001", "--root", str(root))
    path = root / "data" / "treaties" / "kg-example-2001.yaml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"^# relations:\n(?:# .*\n)+", text, re.M)
    assert block is not None
    uncommented = "".join(line[2:] + "\n" for line in block.group(0).splitlines())
    path.write_text(text.replace(block.group(0), uncommented), encoding="utf-8")
    # The example points at an existing record of an allowed collection: only the placeholders remain.
    code, out, _ = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert all("placeholder left in place" in line for line in out.splitlines()[:-1])
    assert "relations" not in out


def test_new_names_existing_records_for_references(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(VALID / "data", tmp_path)
    code, out, _ = run(capsys, "new", "treaties", "kg-example-2001", "--root", str(root))
    assert code == 0
    text = (root / "data" / "treaties" / "kg-example-2001.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["parties"] == ["TODO"]
    assert data["citations"] == [{"source": "TODO", "quote": data["citations"][0]["quote"], "supports": ["parties"]}]
    assert data["citations"][0]["quote"].startswith("TODO: The passage cited, verbatim")
    assert data["name"] == "TODO: The official name in English."
    assert "# ↳ parties: the id of a country or organization, e.g. example-alliance, exampleland, testland" in text
    assert "  citations[].source: the id of a source, e.g. test-source\n" in out


def test_new_names_kyrgyzstan_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(VALID / "data", tmp_path)
    run(capsys, "new", "countries", "kyrgyzstan", "--root", str(root))
    code, out, _ = run(capsys, "new", "treaties", "a-treaty", "--root", str(root))
    assert "parties: the id of a country or organization, e.g. kyrgyzstan, example-alliance, exampleland" in out


def test_new_numbers_directions_after_the_last(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(VALID / "data", tmp_path)
    run(capsys, "new", "directions", "next-direction", "--root", str(root))
    data = yaml.safe_load((root / "data" / "directions" / "next-direction.yaml").read_text(encoding="utf-8"))
    assert data["order"] == 2


@pytest.mark.parametrize("collection, record_id", [("treaties", "test-friendship-1992"), ("events", "testland")])
def test_new_refuses_an_id_already_taken(collection: str, record_id: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(VALID / "data", tmp_path)
    before = {p: p.read_bytes() for p in (root / "data").rglob("*") if p.is_file()}
    code, out, err = run(capsys, "new", collection, record_id, "--root", str(root))
    assert code == 1 and out == ""
    assert f"atlas new: error: the id '{record_id}' is taken: data/" in err
    assert "(ids are unique across all collections)" in err
    assert {p: p.read_bytes() for p in (root / "data").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("record_id", ["Bad_Id", "double--hyphen", "-leading", "trailing-", "ünïcode", "a b", ""])
def test_new_rejects_invalid_ids(record_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(VALID / "data", tmp_path)
    before = sorted((root / "data").rglob("*"))
    code, out, err = run(capsys, "new", "--root", str(root), "events", "--", record_id)
    assert code == 2 and out == ""
    assert err == (f"atlas new: error: '{record_id}' is not a valid id: use lower-case letters and digits in "
                   "words joined by single hyphens, e.g. 'kg-ru-friendship-1992'\n")
    assert sorted((root / "data").rglob("*")) == before


def test_new_works_in_an_empty_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "data").mkdir()
    code, out, err = run(capsys, "new", "countries", "first-country", "--root", str(tmp_path))
    assert (code, err) == (0, "")
    assert "e.g." not in out  # nothing to name yet
    code, out, _ = run(capsys, "check", "--root", str(tmp_path))
    assert code == 1 and "citations[0].source: placeholder left in place — replace TODO with the id of a source" in out


# --- editor support ----------------------------------------------------------------------

def test_every_record_names_its_schema_for_the_editor() -> None:
    records = sorted((ROOT / "data").glob("*/*.yaml"))
    assert records
    for path in records:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema_file = f"{path.parent.name}.schema.json"
        assert first == f"# yaml-language-server: $schema=../../hooks/atlas/schemas/{schema_file}", path
        assert (path.parent / "../../hooks/atlas/schemas" / f"{path.parent.name}.schema.json").exists()


def test_vscode_maps_every_collection_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    expected = {f"hooks/atlas/schemas/{c}.schema.json": [f"data/{c}/*.yaml"] for c in COLLECTIONS}
    assert settings["yaml.schemas"] == expected
    for schema_file in expected:
        assert (ROOT / schema_file).is_file()
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_the_data_passes_yamllint() -> None:
    config = YamlLintConfig(file=str(ROOT / ".yamllint"))
    files = [*(ROOT / "data").glob("*/*.yaml"), *(VALID / "data").glob("*/*.yaml")]
    assert files
    for path in files:
        problems = list(linter.run(path.read_text(encoding="utf-8"), config, str(path)))
        assert problems == [], f"{path}: {problems}"


def test_pre_commit_runs_the_checker_and_yamllint() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["atlas-check"]["entry"].endswith("atlas check")
    assert hooks["atlas-check"]["pass_filenames"] is False
    assert "yamllint" in hooks["yamllint"]["entry"]
    assert all(repo["repo"] == "local" for repo in config["repos"])  # offline: nothing to fetch


# --- texts without their Russian version ------------------------------------------------------

def test_check_lists_untranslated_texts_as_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    """The timeline fixture has no Russian texts: each is a warning with its place; the check passes."""
    code, out, _ = run(capsys, "check", "--root", str(FIXTURES / "timeline"))
    lines = out.splitlines()
    assert code == 0
    warnings = [line for line in lines if line.endswith("(warning)")]
    assert "data/countries/gammaland.yaml:2:1: name: no Russian version (name_ru): the Russian page shows the " \
           "English text — add name_ru: beside it (warning)" in warnings
    assert all(re.match(r"data/\w+/[\w-]+\.yaml:\d+:\d+: \S+: no Russian version \(\w+_ru\)", w) for w in warnings)
    assert lines[-1].endswith(f"no problems; {len(warnings)} texts without a Russian version (warnings).")
    code, out, _ = run(capsys, "check", "--root", str(FIXTURES / "timeline"), "--format", "json")
    report = json.loads(out)
    assert report["summary"]["warnings"] == len(warnings) and report["summary"]["ok"] is True
    assert {w["path"] for w in report["warnings"]} >= {"name", "summary"}


def test_the_repository_data_has_every_russian_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(ROOT))
    assert code == 0 and "(warning)" not in out
