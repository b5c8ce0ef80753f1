#!/usr/bin/env python3
"""Set up and run the Atlas with nothing but Python 3.11 installed.

    python3 scripts/dev.py serve   # build and serve the site at http://127.0.0.1:8000/atlas/
    python3 scripts/dev.py test    # install what the tests need, then run them all
    python3 scripts/dev.py build   # build the site into site/ (strict)
    python3 scripts/dev.py lock    # re-pin requirements/*.lock from pyproject.toml

Run `lock` with the oldest Python 3.11 the project supports (Debian 12's 3.11.2, e.g.
`/usr/bin/python3.11 scripts/dev.py lock`): pip-compile then pins versions that install on
every 3.11. `lock` keeps the pins it can; `lock --upgrade` moves every pin to the newest
version allowed (other pip-compile options pass through too).

Each command creates `.venv` from the pinned lock files on first use, and again
whenever a lock file changes. The lock files carry the hash of every file of each pinned
version (any platform), and pip installs them with `--require-hashes`: a package index
that serves another file under a pinned version is refused.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
LOCKS = {"site": ROOT / "requirements" / "site.lock", "test": ROOT / "requirements" / "test.lock"}
CHROMIUM = Path("/usr/bin/chromium")
PIP_TOOLS = "pip-tools>=7.4,<8"  # what `lock` resolves and hashes with
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def run(*cmd: object, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, env=ENV, check=check).returncode


def ensure_venv(profile: str) -> None:
    """Install the pinned dependencies of `profile` (site or test) and the project itself."""
    lock = LOCKS[profile]
    stamp = VENV / f".installed-{profile}"
    digest = hashlib.sha256(lock.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and PY.exists():
        return
    if not PY.exists():
        print(f"Creating {VENV.name} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = (PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check")
    run(*pip, "--require-hashes", "-r", lock)
    # The project itself is a folder, which has no hash: it is built with the locked (hashed)
    # setuptools already in the venv, not with one fetched for an isolated build.
    run(*pip, "--no-deps", "--no-build-isolation", "-e", ".")
    stamp.write_text(digest)


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium; install it when it is missing."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        sys.exit(f"{CHROMIUM} is missing: install Debian's 'chromium' package (sudo apt-get install chromium).")
    run("apt-get", "update", "-qq")
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                   env={**ENV, "DEBIAN_FRONTEND": "noninteractive"})


def serve(args: list[str]) -> None:
    ensure_venv("site")
    # --dirty: MkDocs renders only the pages the Atlas says a change touched (atlas.preview).
    os.execve(PY, [str(PY), "-m", "mkdocs", "serve", "--dirty", "--livereload", *args], ENV)


def build(args: list[str]) -> None:
    ensure_venv("site")
    sys.exit(run(PY, "-m", "mkdocs", "build", "--strict", *args, check=False))


def test(args: list[str]) -> None:
    ensure_venv("test")
    ensure_chromium()
    failed = run(PY, "-m", "ruff", "check", "hooks", "tests", "scripts", check=False)
    failed |= run(PY, "-m", "mypy", check=False)
    failed |= run(PY, "-m", "pytest", *args, check=False)
    sys.exit(1 if failed else 0)


def lock(args: list[str]) -> None:
    """Pin requirements/*.lock with pip-tools, run from a throw-away venv: every dependency of
    pyproject.toml (and its build backend, for the editable install) with the hash of every
    file of the pinned version, so the lock installs on other platforms too."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        venv.EnvBuilder(with_pip=True).create(tmp)
        py = Path(tmp) / ("Scripts" if os.name == "nt" else "bin") / "python"
        run(py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PIP_TOOLS)
        for profile, extras in (("site", []), ("test", ["--extra", "test"])):
            target = LOCKS[profile]
            run(py, "-m", "piptools", "compile", "--quiet", "--generate-hashes", "--allow-unsafe",
                "--strip-extras", "--no-header", "--no-emit-index-url", "--no-emit-find-links",
                "--build-deps-for", "editable", *extras, *args, "--output-file", target.relative_to(ROOT),
                "pyproject.toml")
            header = (f"# Pinned by `python3 scripts/dev.py lock` from pyproject.toml ({profile}), with\n"
                      f"# Python {sys.version.split()[0]}; install with `pip install --require-hashes -r`.\n")
            target.write_text(header + target.read_text())
            print(f"wrote {target.relative_to(ROOT)}")


COMMANDS = {"serve": serve, "build": build, "test": test, "lock": lock}

if __name__ == "__main__":
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older python3
        sys.exit(f"The Atlas needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])
