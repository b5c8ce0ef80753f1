#!/usr/bin/env python3
"""How long the Atlas takes to build, against plain MkDocs + Material on the same pages.

    .venv/bin/python scripts/benchmark.py                  # 500 and 5,000 treaties
    .venv/bin/python scripts/benchmark.py --sizes 500 --repeat 3

For each size it writes a synthetic data set (scripts/synth.py) into a copy of the
project and times `mkdocs build --strict`. It then writes every page the Atlas's hooks
generate to plain Markdown files in `docs/` of a second copy that has no hooks, and
times the same command there: the ratio is what the Atlas costs over static pages.
It also times the data check alone (`check_project`, in a fresh process) and reports
the size of the search index and of the timeline page. Last, it times how the Atlas
refuses a billion laughs (tests/fixtures/hostile plus invalid/billion-laughs.yaml): the
data check, and the `mkdocs build --strict` that must fail on it.

Times are CPU seconds (user + system) of the process doing the work: on a busy machine
they stay put where wall-clock times do not. Wall-clock times are printed beside them.

Maps: it measures the HTML each map adds to its page (the home page's regional map, the
countries index's world map, the small map of each record page), and builds the Atlas once
more in-process with the maps' entry points timed: their CPU time against the whole build's is
the maps' share (a difference of two builds drowns in the noise of a busy machine).

Goals: ratio ≤ 1.10 at 5,000 treaties; 5,000 treaties build in at most 11× the time of
500; checking 5,000 records takes under 2 s (the check of the largest set, per 5,000
of its records: 5,000 treaties come with about 8,500 records in all); a billion laughs is
refused by the data check in under 2 s, and fails the build in under 60 s; a map adds at most
150 KB to a page (a small map a few KB: at most 3 KB); building the maps adds at most 5 %.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
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
GOAL_REFUSE_CHECK_S, GOAL_REFUSE_BUILD_S = 2.0, 60.0
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
LAUGHS = "anchors and aliases (&name, *name) are not allowed in records"
GOAL_MAP_KB, GOAL_SMALL_MAP_KB, GOAL_MAP_SHARE = 150.0, 3.0, 0.05
# The build in-process, with the maps' entry points timed: what drawing every map costs.
MAP_TIME = """
import sys, time
from pathlib import Path
project = Path(sys.argv[1])
sys.path.insert(0, str(project / "hooks"))  # the hooks then use this very package (atlas_hooks.py)
from atlas.maps.facade import Maps
spent = [0.0]
def timed(method):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - start
    return wrapper
for name in ("regional", "partners", "record", "assets"):
    setattr(Maps, name, timed(getattr(Maps, name)))
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(str(project / "mkdocs.yml"), site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
start = time.process_time()
build(config)
print(spent[0], time.process_time() - start)
"""
MAP_PARTS = re.compile(r'<figure class="atlas-map[ "].*?</figure>|<details class="atlas-map-text".*?</details>'
                       r'|<form class="atlas-map-layers".*?</form>', re.S)
CHECK = """
import sys, time
from pathlib import Path
wall, cpu = time.perf_counter(), time.process_time()
from atlas.project import check_project
catalog, problems = check_project(Path(sys.argv[1]))
assert catalog is not None and not problems, problems[:5]
print(time.process_time() - cpu, time.perf_counter() - wall)
"""
# The same, on data that must be refused: no catalog, one problem (the first alias).
REFUSE = f"""
import sys, time
from pathlib import Path
wall, cpu = time.perf_counter(), time.process_time()
from atlas.project import check_project
catalog, problems = check_project(Path(sys.argv[1]))
assert catalog is None and len(problems) == 1 and {LAUGHS!r} in str(problems[0]), problems
print(time.process_time() - cpu, time.perf_counter() - wall)
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
for file in files:
    if not file.src_uri.endswith(".md"):
        pass
    elif file.inclusion == InclusionLevel.NOT_IN_NAV:
        print("hidden", file.src_uri)
    else:
        print("shown", file.src_uri)
    if file.generated_by is None:
        continue
    target = out / file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(file.content_bytes)
"""


@dataclass(frozen=True)
class Time:
    cpu: float
    wall: float

    def __str__(self) -> str:
        return f"{self.cpu:.2f} ({self.wall:.2f})"


@dataclass(frozen=True)
class MapFigures:
    """Bytes of HTML the maps add: the home page's, the countries index's, the record pages' small maps."""

    home: int
    countries: int
    small_pages: int
    small_mean: float
    small_max: int
    assets: int


@dataclass
class Result:
    treaties: int
    records: int
    atlas: Time
    plain: Time
    check: Time
    search_index: int
    timeline: int
    maps: MapFigures
    map_cpu: float  # CPU seconds in the maps' code, in an in-process build
    build_cpu: float  # CPU seconds of that whole build

    @property
    def ratio(self) -> float:
        return self.atlas.cpu / self.plain.cpu

    @property
    def map_share(self) -> float:
        return self.map_cpu / self.build_cpu


def copy_project(dest: Path, with_hooks: bool) -> None:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    if with_hooks:
        shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")


def without_hooks(config: str, pages: list[tuple[str, str]]) -> str:
    """mkdocs.yml minus its `hooks:` and `watch:` keys, with the record pages marked not in nav.

    One pattern per folder, not one per page: MkDocs matches every file against every
    pattern, and 8,500 patterns would cost the plain build seconds the Atlas never pays."""
    config = re.sub(r"^(hooks|watch):\n(?:[ -].*\n|\n)*", "", config, flags=re.M)
    folders = sorted({uri.rpartition("/")[0] for state, uri in pages if state == "hidden"})
    patterns = [f"/{folder}/*.md" if folder else "/*.md" for folder in folders]
    patterns += [f"!/{uri}" for state, uri in pages if state == "shown" and uri.rpartition("/")[0] in folders]
    return config + "\nnot_in_nav: |\n" + "".join(f"  {p}\n" for p in patterns)


def run(*cmd: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=ENV, capture_output=True, text=True)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path, repeat: int) -> Time:
    best = Time(float("inf"), float("inf"))
    for _ in range(repeat):
        cpu, wall = _children_cpu(), time.perf_counter()
        done = run(PY, "-m", "mkdocs", "build", "--strict", "-f", project / "mkdocs.yml", cwd=project)
        spent = Time(_children_cpu() - cpu, time.perf_counter() - wall)
        if done.returncode != 0 or "WARNING -" in done.stderr:
            sys.exit(f"build of {project} failed:\n{done.stderr[-4000:]}")
        best = min(best, spent, key=lambda t: t.cpu)
    return best


def timed_failing_build(project: Path, repeat: int, message: str) -> Time:
    """Like timed_build, for a build that must fail with `message` and leave no site."""
    best = Time(float("inf"), float("inf"))
    for _ in range(repeat):
        cpu, wall = _children_cpu(), time.perf_counter()
        done = run(PY, "-m", "mkdocs", "build", "--strict", "-f", project / "mkdocs.yml", cwd=project)
        spent = Time(_children_cpu() - cpu, time.perf_counter() - wall)
        if done.returncode == 0 or message not in done.stderr or (project / "site").exists():
            sys.exit(f"the build of {project} did not fail as it should:\n{done.stderr[-4000:]}")
        best = min(best, spent, key=lambda t: t.cpu)
    return best


def timed_check(project: Path, repeat: int, script: str = CHECK) -> Time:
    times = []
    for _ in range(repeat):
        done = run(PY, "-c", script, project, cwd=project)
        if done.returncode != 0:
            sys.exit(f"the data check failed:\n{done.stderr[-4000:]}")
        cpu, wall = (float(x) for x in done.stdout.split())
        times.append(Time(cpu, wall))
    return min(times, key=lambda t: t.cpu)


def measure(treaties: int, work: Path, repeat: int) -> Result:
    atlas, plain = work / f"atlas-{treaties}", work / f"plain-{treaties}"
    copy_project(atlas, with_hooks=True)
    counts = write_dataset(atlas / "data", treaties)
    check = timed_check(atlas, repeat)
    atlas_time = timed_build(atlas, repeat)

    copy_project(plain, with_hooks=False)
    exported = run(PY, "-c", EXPORT, atlas, plain / "docs", cwd=atlas)
    if exported.returncode != 0:
        sys.exit(f"exporting the generated pages failed:\n{exported.stderr[-4000:]}")
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [(state, uri) for state, _, uri in (line.partition(" ") for line in exported.stdout.splitlines())]
    (plain / "mkdocs.yml").write_text(without_hooks(config, pages), encoding="utf-8")
    plain_time = timed_build(plain, repeat)

    site = atlas / "site"
    timed = run(PY, "-c", MAP_TIME, atlas, work / f"timed-site-{treaties}", cwd=atlas)
    if timed.returncode != 0:
        sys.exit(f"the timed build failed:\n{timed.stderr[-4000:]}")
    map_cpu, build_cpu = (float(x) for x in timed.stdout.split()[-2:])
    return Result(treaties, sum(counts.values()), atlas_time, plain_time, check,
                  (site / "search" / "search_index.json").stat().st_size,
                  (site / "timeline" / "index.html").stat().st_size, map_figures(site), map_cpu, build_cpu)


def map_figures(site: Path) -> MapFigures:
    def added(page: Path) -> int:
        return sum(len(m.group().encode("utf-8")) for m in MAP_PARTS.finditer(page.read_text(encoding="utf-8")))

    small = [size for folder in ("countries", "facilities", "events", "organizations")
             for page in (site / folder).glob("*/index.html") if (size := added(page))]
    assets = sum(p.stat().st_size for p in (site / "assets" / "maps").glob("*.svg"))
    return MapFigures(added(site / "index.html"), added(site / "countries" / "index.html"), len(small),
                      sum(small) / len(small) if small else 0.0, max(small, default=0), assets)


def measure_refusal(work: Path, repeat: int) -> tuple[Time, Time]:
    """The data check and the failing build, on the hostile data set plus a billion laughs."""
    project = work / "billion-laughs"
    copy_project(project, with_hooks=True)
    shutil.copytree(HOSTILE / "data", project / "data")
    shutil.copy(HOSTILE / "invalid" / "billion-laughs.yaml", project / "data" / "countries" / "billion-laughs.yaml")
    return timed_check(project, repeat, REFUSE), timed_failing_build(project, repeat, LAUGHS)


def report_refusal(check: Time, build: Time) -> bool:
    print(f"A billion laughs refused: data check {check}, failed build {build}")
    ok = _goal("data check refusing a billion laughs (s)", check.cpu, GOAL_REFUSE_CHECK_S)
    return _goal("build failing on a billion laughs (s)", build.cpu, GOAL_REFUSE_BUILD_S) and ok


def report(results: list[Result]) -> bool:
    print("CPU seconds (wall-clock seconds in brackets)")
    print(f"{'treaties':>8} {'records':>8} {'Atlas build':>16} {'plain MkDocs':>16} {'ratio':>6} "
          f"{'data check':>14} {'search index':>13} {'timeline page':>14}")
    for r in results:
        print(f"{r.treaties:>8,} {r.records:>8,} {r.atlas!s:>16} {r.plain!s:>16} {r.ratio:>6.2f} "
              f"{r.check!s:>14} {_mb(r.search_index):>13} {_mb(r.timeline):>14}")
    print("\nMaps: HTML added to a page (KB); CPU seconds in the maps' code and in the whole (in-process) build")
    print(f"{'treaties':>8} {'home':>7} {'countries':>10} {'small maps':>11} {'mean':>6} {'max':>6} {'base files':>11}"
          f" {'maps':>6} {'build':>7} {'share':>6}")
    for r in results:
        m = r.maps
        print(f"{r.treaties:>8,} {m.home / 1000:>7.1f} {m.countries / 1000:>10.1f} {m.small_pages:>11,}"
              f" {m.small_mean / 1000:>6.2f} {m.small_max / 1000:>6.2f} {m.assets / 1000:>11.1f}"
              f" {r.map_cpu:>6.2f} {r.build_cpu:>7.2f} {r.map_share:>6.1%}")
    ok = True
    big = max(results, key=lambda r: r.treaties)
    small = min(results, key=lambda r: r.treaties)
    ok &= _goal(f"Atlas / plain MkDocs at {big.treaties:,} treaties", big.ratio, GOAL_RATIO)
    ok &= _goal(f"data check per 5,000 records (s; {big.records:,} took {big.check.cpu:.2f})",
                big.check.cpu * 5000 / big.records, GOAL_CHECK_S)
    if big is not small:
        ok &= _goal(f"Atlas build {big.treaties:,} vs {small.treaties:,} treaties",
                    big.atlas.cpu / small.atlas.cpu, GOAL_SCALING)
    for r in results:
        ok &= _goal(f"largest map at {r.treaties:,} treaties (KB)", max(r.maps.home, r.maps.countries) / 1000,
                    GOAL_MAP_KB)
        ok &= _goal(f"largest small map at {r.treaties:,} treaties (KB)", r.maps.small_max / 1000, GOAL_SMALL_MAP_KB)
    ok &= _goal(f"maps' share of the build at {big.treaties:,} treaties", big.map_share, GOAL_MAP_SHARE)
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
        refusal = measure_refusal(args.keep, args.repeat)
    else:
        with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
            results = [measure(n, Path(tmp), args.repeat) for n in args.sizes]
            refusal = measure_refusal(Path(tmp), args.repeat)
    ok = report(results)
    ok = report_refusal(*refusal) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
