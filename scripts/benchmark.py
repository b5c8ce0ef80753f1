#!/usr/bin/env python3
"""How long the Atlas takes to build, against plain MkDocs + Material on the same pages.

    .venv/bin/python scripts/benchmark.py                  # 500 and 5,000 treaties
    .venv/bin/python scripts/benchmark.py --sizes 500 --repeat 3

For each size it writes a synthetic data set (scripts/synth.py) into a copy of the
project and times `mkdocs build --strict`. It then writes every page the Atlas's hooks
generate to plain Markdown files in `docs/` of a second copy that has no hooks, and
times the same command there: the ratio is what the Atlas costs over static pages.
It also times the data check alone (`check_project`, in a fresh process) and reports
the size of the search index and of the timeline page.

Goals: ratio ≤ 1.10 at 5,000 treaties; 5,000 treaties build in at most 11× the time of
500; checking 5,000 treaties' records takes under 2 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synth import write_dataset  # noqa: E402

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
GOAL_RATIO, GOAL_SCALING, GOAL_CHECK_S = 1.10, 11.0, 2.0
CHECK = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from atlas.project import check_project
catalog, problems = check_project(Path(sys.argv[1]))
assert catalog is not None and not problems, problems[:5]
print(time.perf_counter() - start)
"""
# Runs the hooks exactly as `mkdocs build` does, up to on_files, and writes what they generated.
EXPORT = """
import sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel, get_files
project, out = Path(sys.argv[1]), Path(sys.argv[2])
config = load_config(str(project / "mkdocs.yml"))
config.plugins.on_startup(command="build", dirty=False)
config = config.plugins.on_config(config)
config.plugins.on_pre_build(config=config)
files = config.plugins.on_files(get_files(config), config=config)
hidden = []
for file in files:
    if file.generated_by is None:
        continue
    target = out / file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(file.content_bytes)
    if file.inclusion == InclusionLevel.NOT_IN_NAV:
        hidden.append("/" + file.src_uri)
print("\\n".join(hidden))
"""


@dataclass
class Result:
    treaties: int
    records: int
    atlas_s: float
    plain_s: float
    check_s: float
    search_index: int
    timeline: int

    @property
    def ratio(self) -> float:
        return self.atlas_s / self.plain_s


def copy_project(dest: Path, with_hooks: bool) -> None:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    if with_hooks:
        shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")


def without_hooks(config: str, hidden: list[str]) -> str:
    """mkdocs.yml minus its `hooks:` and `watch:` keys, with the record pages marked not in nav."""
    config = re.sub(r"^(hooks|watch):\n(?:[ -].*\n|\n)*", "", config, flags=re.M)
    patterns = "".join(f"  {p}\n" for p in hidden)
    return config + f"\nnot_in_nav: |\n{patterns}"


def run(*cmd: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=ENV, capture_output=True, text=True)


def timed_build(project: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = run(PY, "-m", "mkdocs", "build", "--strict", "-f", project / "mkdocs.yml", cwd=project)
        elapsed = time.perf_counter() - start
        if done.returncode != 0 or "WARNING" in done.stderr:
            sys.exit(f"build of {project} failed:\n{done.stderr[-4000:]}")
        best = min(best, elapsed)
    return best


def measure(treaties: int, work: Path, repeat: int) -> Result:
    atlas, plain = work / f"atlas-{treaties}", work / f"plain-{treaties}"
    copy_project(atlas, with_hooks=True)
    counts = write_dataset(atlas / "data", treaties)
    check_s = min(float(run(PY, "-c", CHECK, atlas, cwd=atlas).stdout or "nan") for _ in range(repeat))
    atlas_s = timed_build(atlas, repeat)

    copy_project(plain, with_hooks=False)
    exported = run(PY, "-c", EXPORT, atlas, plain / "docs", cwd=atlas)
    if exported.returncode != 0:
        sys.exit(f"exporting the generated pages failed:\n{exported.stderr[-4000:]}")
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    (plain / "mkdocs.yml").write_text(without_hooks(config, exported.stdout.split()), encoding="utf-8")
    plain_s = timed_build(plain, repeat)

    site = atlas / "site"
    return Result(treaties, sum(counts.values()), atlas_s, plain_s, check_s,
                  (site / "search" / "search_index.json").stat().st_size,
                  (site / "timeline" / "index.html").stat().st_size)


def report(results: list[Result]) -> bool:
    print(f"{'treaties':>8} {'records':>8} {'atlas s':>8} {'plain s':>8} {'ratio':>6} {'check s':>8} "
          f"{'search index':>13} {'timeline page':>14}")
    for r in results:
        print(f"{r.treaties:>8,} {r.records:>8,} {r.atlas_s:>8.2f} {r.plain_s:>8.2f} {r.ratio:>6.2f} {r.check_s:>8.2f} "
              f"{_mb(r.search_index):>13} {_mb(r.timeline):>14}")
    ok = True
    big = max(results, key=lambda r: r.treaties)
    small = min(results, key=lambda r: r.treaties)
    ok &= _goal(f"ratio at {big.treaties:,} treaties", big.ratio, GOAL_RATIO)
    ok &= _goal(f"data check of {big.treaties:,} treaties (s)", big.check_s, GOAL_CHECK_S)
    if big is not small:
        ok &= _goal(f"build time {big.treaties:,} vs {small.treaties:,} treaties",
                    big.atlas_s / small.atlas_s, GOAL_SCALING)
    return ok


def _goal(label: str, value: float, limit: float) -> bool:
    met = value <= limit
    print(f"{'met ' if met else 'MISSED'} {label}: {value:.2f} (goal ≤ {limit:.2f})")
    return met


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="numbers of treaties")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best counts")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temp folder)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = [measure(n, args.keep, args.repeat) for n in args.sizes]
    else:
        with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
            results = [measure(n, Path(tmp), args.repeat) for n in args.sizes]
    sys.exit(0 if report(results) else 1)


if __name__ == "__main__":
    main()
