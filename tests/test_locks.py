"""The lock files: every requirement pinned to one version with hashes, installed with --require-hashes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

LOCKS = {"site": ROOT / "requirements" / "site.lock", "test": ROOT / "requirements" / "test.lock"}
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
_REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$")
_HASH = re.compile(r"^ +--hash=sha256:[0-9a-f]{64}( \\)?$")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> dict[str, list[str]]:
    """Each pinned package's hashes, read the way pip reads a hashed requirements file."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := _REQUIREMENT.match(line):
            current = out.setdefault(normalized(match[1]), [])
        elif _HASH.match(line) and current is not None:
            current.append(line.split("sha256:")[1][:64])
            if not line.endswith("\\"):
                current = None
        else:
            assert not line.strip() or line.lstrip().startswith("#"), f"{lock.name}: unexpected line {line!r}"
            current = None
    return out


def named(requirement: str) -> str:
    return normalized(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0])


@pytest.mark.parametrize("profile", LOCKS)
def test_every_pin_has_hashes(profile: str) -> None:
    locked = pins(LOCKS[profile])
    assert len(locked) > 20
    assert all(hashes for hashes in locked.values()), [n for n, h in locked.items() if not h]


@pytest.mark.parametrize("profile, extras", [("site", ()), ("test", ("test",))])
def test_the_lock_pins_every_dependency_and_the_build_backend(profile: str, extras: tuple[str, ...]) -> None:
    wanted = list(PYPROJECT["project"]["dependencies"])
    for extra in extras:
        wanted += PYPROJECT["project"]["optional-dependencies"][extra]
    locked = pins(LOCKS[profile])
    assert {named(r) for r in wanted} <= set(locked)
    assert "frictionless" in locked or profile == "site"
    # The project is installed without build isolation, with the locked (hashed) build backend.
    backend = PYPROJECT["build-system"]["requires"]
    for requirement in backend:
        version = requirement.split("==")[1]
        text = LOCKS[profile].read_text(encoding="utf-8")
        assert re.search(rf"^{re.escape(named(requirement))}=={re.escape(version)} \\$", text, re.M), requirement


def test_dev_installs_with_require_hashes() -> None:
    script = (ROOT / "scripts" / "dev.py").read_text(encoding="utf-8")
    assert '"--require-hashes", "-r", lock' in script
    assert '"--no-deps", "--no-build-isolation", "-e", "."' in script
