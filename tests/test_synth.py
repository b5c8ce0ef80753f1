"""The benchmark's synthetic data (scripts/synth.py) is valid Atlas data, in the shape it claims."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from atlas.geo.locate import Gazetteer
from atlas.project import check_project

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synth import PROFILES, write_dataset  # noqa: E402
from synth_names import INNER_BOXES, KYRGYZSTAN, PARTNERS  # noqa: E402


@pytest.mark.parametrize("profile", PROFILES)
def test_synthetic_data_passes_the_check(tmp_path: Path, profile: str) -> None:
    counts = write_dataset(tmp_path / "data", 120, profile)
    catalog, problems = check_project(tmp_path)
    assert problems == []
    assert catalog is not None and len(catalog.records) == sum(counts.values())


@pytest.mark.parametrize("profile", PROFILES)
def test_synthetic_data_is_the_same_every_time(tmp_path: Path, profile: str) -> None:
    write_dataset(tmp_path / "a", 60, profile)
    write_dataset(tmp_path / "b", 60, profile)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


def test_kyrgyz_profile_has_the_real_shape(tmp_path: Path) -> None:
    write_dataset(tmp_path / "data", 400, "kyrgyz")
    treaties = [yaml.safe_load(p.read_text()) for p in (tmp_path / "data" / "treaties").glob("*.yaml")]
    assert all(t["parties"][0] == "kyrgyzstan" and 2 <= len(t["parties"]) <= 6 for t in treaties)
    neighbours = {"kazakhstan", "russia", "china", "tajikistan", "uzbekistan"}
    with_neighbours = [t for t in treaties if neighbours & set(t["parties"])]
    assert len(with_neighbours) > 0.6 * len(treaties)
    assert any(m["kind"] == "ratification" and m.get("party") == "kyrgyzstan"
               for t in treaties for m in t.get("milestones", []))
    assert any(n["kind"] == "disputed" and n["fields"] for t in treaties for n in t.get("notes", []))
    organizations = [yaml.safe_load(p.read_text()) for p in (tmp_path / "data" / "organizations").glob("*.yaml")]
    assert any(m.get("left_how") == "suspended" for o in organizations for m in o["members"])
    for folder in ("facilities", "events"):
        for path in (tmp_path / "data" / folder).glob("*.yaml"):
            record = yaml.safe_load(path.read_text())
            if record.get("country", record.get("host")) == "kyrgyzstan" and "coordinates" in record:
                point = record["coordinates"]
                assert 41.2 <= point["lat"] <= 42.3 and 72.8 <= point["lon"] <= 77.8, path


def test_inner_boxes_lie_inside_their_countries() -> None:
    """The kyrgyz profile draws points anywhere in these boxes: a grid over each passes the coordinate check."""
    gazetteer, iso = Gazetteer(), {s.id: s.iso for s in (KYRGYZSTAN, *PARTNERS)}
    steps = 40
    for country, (south, north, west, east) in INNER_BOXES.items():
        grid = [(south + (north - south) * i / steps, west + (east - west) * j / steps)
                for i in range(steps + 1) for j in range(steps + 1)]
        outside = [(lat, lon) for lat, lon in grid if not gazetteer.within(iso[country], lon, lat)]
        assert outside == [], (country, outside[:5])
