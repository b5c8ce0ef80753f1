#!/usr/bin/env python3
"""How the Atlas scales: build time against plain MkDocs, page and site sizes, maps, search, preview.

    .venv/bin/python scripts/benchmark.py                      # kyrgyz and spread, 500 and 5,000 treaties
    .venv/bin/python scripts/benchmark.py --profiles kyrgyz --sizes 500 --repeat 3 --keep /tmp/bench

Data sets: the repository's own data/, then for each profile of scripts/synth.py (`kyrgyz`,
the real shape: Kyrgyzstan in every treaty; `spread`, records spread over many countries)
a synthetic data set of each size. Each goes into a copy of the project, which is then:

- checked (`check_project` alone, in a fresh process) and built (`mkdocs build --strict`);
- compared with plain MkDocs + Material building as many one-paragraph pages as there are
  treaties (the same theme configuration, no hooks, pages not in the navigation), the goal's
  yardstick; and with plain MkDocs building as many such pages as the Atlas's site has (both
  editions), built, weighed and served like the Atlas: what MkDocs itself costs at that size,
  the floor under the Atlas's figures (shown, not judged);
- measured: the total site size by top-level folder and by edition (English; Russian, under
  ru/; the static files they share), the five largest HTML pages, both search indexes
  (search/ and ru/search/), and whether sampled records (30 treaties, the countries and
  organizations) come first in Material's search for their names, in the English edition
  (in Chromium: scripts/bench_first_result.py);
- maps (scripts/bench_maps.py): the HTML each map adds to its page in each edition (the home
  page's regional map, the countries index's world map, the small map of each record page),
  and the maps' share of the CPU time of one more build, in-process, with their entry points timed;
- served with `mkdocs serve --dirty --livereload`, and timed from saving an edit of a YAML
  file to its page showing it: a treaty, the country most treaties name (a hub) and the
  organization most treaties name (scripts/bench_preview.py).

Last, a billion laughs (tests/fixtures/hostile plus invalid/billion-laughs.yaml) must be
refused, by the data check and by the build.

Times are CPU seconds (user + system) of the process doing the work, which stay steady on
a busy machine, with wall-clock seconds in brackets; preview latencies are wall-clock. The
script prints tables, then each goal as met or MISSED, and exits with status 1 when one is
missed. Goals:

- Atlas build / plain build ≤ 4 at 5,000 treaties, kyrgyz profile;
- 5,000 treaties build in ≤ 11× the CPU time of 500 (1.1× the growth in treaties), each profile;
- every HTML page ≤ 1 MB, the whole site ≤ 100 MB, each search index ≤ 6 MB, each data set;
- a map adds ≤ 150 KB to its page, a small map ≤ 3 KB, each edition; drawing the maps takes
  ≤ 5 % of the build's CPU time, each data set;
- each sampled record is the first search result for its name, on the repository's data and
  the kyrgyz profile (spread's names are numbers, prefixes of one another: shown, not judged);
- the data check of 5,000 records < 2 s (the largest data set, per 5,000 of its records, when
  it has 5,000 or more);
- preview, median per kind of edit: < 0.5 s on the repository's data, < 2 s on synthetic data;
- a billion laughs is refused by the data check in < 2 s and fails the build in < 60 s.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_first_result import FirstResults, check_first_results, sample  # noqa: E402
from bench_maps import (  # noqa: E402
    HEADER,
    MapFigures,
    MapTime,
    map_assets,
    map_figures,
    map_goals,
    map_rows,
    timed_maps,
)
from bench_preview import Latency, measure_plain_preview, measure_preview  # noqa: E402
from bench_project import (  # noqa: E402
    Time,
    copy_project,
    plain_page,
    plain_project,
    timed_build,
    timed_check,
    timed_failing_build,
)
from bench_site import SiteSize, describe, editions, indexes, mb, measure_site, total_size  # noqa: E402
from synth import PROFILES, write_dataset  # noqa: E402

REPOSITORY = "repository"
GOAL_RATIO, GOAL_RATIO_PROFILE = 4.0, "kyrgyz"
GOAL_GROWTH_FACTOR = 1.1  # build time may grow 1.1× as fast as the number of treaties (11× for 10×)
GOAL_PAGE, GOAL_SITE, GOAL_SEARCH_INDEX = 1_000_000, 100_000_000, 6_000_000
GOAL_CHECK_S = 2.0
GOAL_PREVIEW_REPOSITORY_S, GOAL_PREVIEW_SYNTHETIC_S = 0.5, 2.0
GOAL_REFUSE_CHECK_S, GOAL_REFUSE_BUILD_S = 2.0, 60.0
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
LAUGHS = "anchors and aliases (&name, *name) are not allowed in records"
REFUSE = f"""
import sys, time
from pathlib import Path
wall, cpu = time.perf_counter(), time.process_time()
from atlas.project import check_project
catalog, problems = check_project(Path(sys.argv[1]))
assert catalog is None and len(problems) == 1 and {LAUGHS!r} in str(problems[0]), problems
print(time.process_time() - cpu, time.perf_counter() - wall)
"""
STEPS = ("plain", "maps", "search", "preview", "refusal", REPOSITORY)
# The spread profile names its records "Country 1", "Country 13" …: Material searches the last
# word as a prefix, so "Country 1" finds every number that starts with 1; shown, not judged.
SEARCH_NOT_JUDGED = {"spread": "its names are numbers, prefixes of one another"}


@dataclass
class SamePages:
    """Plain MkDocs + Material with as many one-paragraph pages as the Atlas's site has."""

    pages: int
    build: Time
    site: int  # bytes
    preview: Latency | None = None
    preview_failure: str = ""


@dataclass
class Result:
    data: str  # a profile, or "repository"
    treaties: int
    records: int
    atlas: Time
    check: Time
    site: SiteSize
    maps: dict[str, MapFigures]  # edition → the HTML its maps add
    map_assets: int  # bytes of the base map files the editions share
    plain: Time | None = None
    same_pages: SamePages | None = None
    map_time: MapTime | None = None
    search: FirstResults | None = None
    preview: list[Latency] | None = None
    preview_failure: str = ""

    @property
    def ratio(self) -> float | None:
        return self.atlas.cpu / self.plain.cpu if self.plain else None

    @property
    def same_pages_ratio(self) -> float | None:
        return self.atlas.cpu / self.same_pages.build.cpu if self.same_pages else None


def measure(data: str, size: int, work: Path, args: argparse.Namespace, plain_times: dict[int, Time]) -> Result:
    project = work / f"{data}-{size}" if data != REPOSITORY else work / REPOSITORY
    label = f"{data} {size:,}" if data != REPOSITORY else data
    _say(f"{label}: writing the data")
    if data == REPOSITORY:
        copy_project(project, ROOT / "data")
        counts = {p.name: len(list(p.glob("*.yaml"))) for p in (project / "data").iterdir() if p.is_dir()}
    else:
        copy_project(project)
        counts = write_dataset(project / "data", size, data)
    treaties = counts.get("treaties", 0)
    _say(f"{label}: data check, then mkdocs build --strict")
    check = timed_check(project, args.repeat)
    atlas = timed_build(project, args.repeat)
    site = project / "site"
    result = Result(data, treaties, sum(v for k, v in counts.items() if k != "texts"), atlas, check,
                    measure_site(site), map_figures(site), map_assets(site))
    if "maps" not in args.skip:
        _say(f"{label}: one more build, in-process, the maps timed")
        result.map_time = timed_maps(project, project / "site-maps-timed")
        shutil.rmtree(project / "site-maps-timed")
    if "plain" not in args.skip:
        if treaties not in plain_times:
            _say(f"{label}: plain MkDocs, {treaties:,} pages")
            plain_project(work / f"plain-{treaties}", treaties)
            plain_times[treaties] = timed_build(work / f"plain-{treaties}", args.repeat)
            if not args.keep:
                shutil.rmtree(work / f"plain-{treaties}")
        result.plain = plain_times[treaties]
        result.same_pages = measure_same_pages(work, result.site.pages, args, label)
    if "search" not in args.skip:
        _say(f"{label}: first search results, in Chromium")
        try:
            result.search = check_first_results(project / "site", sample(project / "data"))
        except Exception as err:  # a browser failure must not lose the other figures
            result.search = FirstResults(skipped=f"the browser failed: {err}".splitlines()[0])
    if "preview" not in args.skip:
        _say(f"{label}: preview latency under mkdocs serve --dirty")
        try:
            result.preview = measure_preview(project, args.edits)
        except RuntimeError as err:
            result.preview_failure = str(err)
    if not args.keep:
        shutil.rmtree(project)
    _say(f"{label}: " + "; ".join(summary(result)))
    return result


def measure_same_pages(work: Path, pages: int, args: argparse.Namespace, label: str) -> SamePages:
    """Plain MkDocs with `pages` pages: built, weighed and (unless skipped) served, one page edited."""
    project = work / f"plain-pages-{pages}"
    _say(f"{label}: plain MkDocs with the Atlas's {pages:,} pages")
    plain_project(project, pages)
    figures = SamePages(pages, timed_build(project, args.repeat), total_size(project / "site"))
    if "preview" not in args.skip:
        try:
            figures.preview = measure_plain_preview(project, plain_page(pages // 2, pages), args.edits)
        except RuntimeError as err:
            figures.preview_failure = str(err)
    if not args.keep:
        shutil.rmtree(project)
    return figures


def summary(r: Result) -> list[str]:
    """The figures of one data set, as soon as they are known (a long run shows its progress)."""
    parts = [f"{r.records:,} records", f"Atlas build {r.atlas}", f"data check {r.check}"]
    if r.plain:
        parts.append(f"plain MkDocs {r.plain}, ratio {r.ratio:.2f}")
    if r.same_pages:
        same = r.same_pages
        parts.append(f"plain MkDocs at {same.pages:,} pages {same.build} (Atlas ×{r.same_pages_ratio:.2f}), "
                     f"site {mb(same.site)}, preview {same.preview or '—'}")
    path, size = r.site.largest_page
    parts += [f"site {mb(r.site.total)} ({editions(r.site)})", f"largest page {mb(size)} ({path})",
              f"search indexes en / ru {indexes(r.site)}"]
    if r.map_time:
        parts.append(f"maps {r.map_time.maps:.2f} s CPU of {r.map_time.build:.2f} ({r.map_time.share:.1%})")
    if r.search:
        parts.append(f"first in search {r.search}")
    parts += [f"preview {latency.kind} {latency}" for latency in r.preview or []]
    if r.preview_failure:
        parts.append("preview failed")
    return parts


def measure_refusal(work: Path, repeat: int) -> tuple[Time, Time]:
    """The data check and the failing build, on the hostile data set plus a billion laughs."""
    _say("a billion laughs: data check and failing build")
    project = work / "billion-laughs"
    copy_project(project, HOSTILE / "data")
    shutil.copy(HOSTILE / "invalid" / "billion-laughs.yaml", project / "data" / "countries" / "billion-laughs.yaml")
    return timed_check(project, repeat, REFUSE), timed_failing_build(project, repeat, LAUGHS)


# --- the report -----------------------------------------------------------------------------

def report(results: list[Result]) -> None:
    print("\nBuild: CPU seconds (wall-clock seconds in brackets)")
    print(f"{'data':<11} {'treaties':>8} {'records':>8} {'Atlas build':>17} {'plain MkDocs':>15} {'ratio':>6} "
          f"{'data check':>12}")
    for r in results:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
        print(f"{r.data:<11} {r.treaties:>8,} {r.records:>8,} {r.atlas!s:>17} {str(r.plain or '—'):>15} "
              f"{ratio:>6} {r.check!s:>12}")
    same = [r for r in results if r.same_pages]
    if same:
        print("\nPlain MkDocs + Material with as many pages as the Atlas's site (both editions): what MkDocs "
              "itself costs at that size.\nBuild in CPU seconds (wall-clock); preview: seconds from saving a "
              "page to it showing the edit, median (max)")
        print(f"{'data':<11} {'treaties':>8} {'pages':>7} {'plain build':>17} {'Atlas ×':>8} {'plain site':>11} "
              f"{'Atlas site':>11} {'plain preview':>14}")
        for r in same:
            s = r.same_pages
            assert s is not None
            preview = str(s.preview) if s.preview else "failed" if s.preview_failure else "—"
            print(f"{r.data:<11} {r.treaties:>8,} {s.pages:>7,} {s.build!s:>17} {r.same_pages_ratio or 0:>8.2f} "
                  f"{mb(s.site):>11} {mb(r.site.total):>11} {preview:>14}")
    print("\nOutput: the site, by edition (en, ru, static files both share); search indexes en / ru")
    print(f"{'data':<11} {'treaties':>8} {'site':>10} {'en':>9} {'ru':>9} {'shared':>9} {'largest page':>13} "
          f"{'search indexes':>19} {'first result':>13}")
    for r in results:
        print(f"{r.data:<11} {r.treaties:>8,} {mb(r.site.total):>10} {mb(r.site.english):>9} {mb(r.site.russian):>9} "
              f"{mb(r.site.shared):>9} {mb(r.site.largest_page[1]):>13} {indexes(r.site):>19} "
              f"{str(r.search or '—'):>13}")
    print("\nMaps: HTML added to a page (KB), by edition; shared base files (KB); CPU seconds in the maps' code "
          "and in the whole (in-process) build")
    print(HEADER)
    for r in results:
        print("\n".join(map_rows(r.data, r.treaties, r.maps, r.map_assets, r.map_time)))
    if any(r.preview or r.preview_failure for r in results):
        print("\nPreview: seconds from saving the YAML file to its page showing the edit, median (max)")
        print(f"{'data':<11} {'treaties':>8} {'treaty':>16} {'country (hub)':>16} {'organization':>16}")
        for r in results:
            if r.preview or r.preview_failure:
                cells = "".join(f" {str(latency):>16}" for latency in r.preview or []) or "  serve failed"
                print(f"{r.data:<11} {r.treaties:>8,}{cells}")
    for r in results:
        print(f"\n{r.data} ({r.treaties:,} treaties)")
        print("\n".join(describe(r.site)))
        if r.search and r.search.asked:
            print(f"  search index ready in {r.search.index_ready:.1f} s in Chromium; "
                  f"first result for its name: {r.search}")
            for name, expected, got in r.search.misses[:10]:
                print(f"    {name!r}: {expected} expected, {got} first")
            if len(r.search.misses) > 10:
                print(f"    … and {len(r.search.misses) - 10} more")
        elif r.search:
            print(f"  first search results not checked: {r.search.skipped}")
        plain = r.same_pages.preview if r.same_pages else None
        for latency in [*(r.preview or []), *([plain] if plain else [])]:
            runs = ", ".join(f"{s:.2f}" for s in latency.seconds)
            print(f"  preview, {latency.kind} ({latency.record}): {runs or '—'} s {latency.note}".rstrip())
        if r.same_pages and r.same_pages.preview_failure:
            print("  plain MkDocs's preview failed: " + r.same_pages.preview_failure.replace("\n", "\n    "))
        if r.preview_failure:
            print("  preview failed: " + r.preview_failure.replace("\n", "\n    "))


def goals(results: list[Result]) -> bool:
    print("\nGoals")
    ok = True
    synthetic = [r for r in results if r.data != REPOSITORY]
    ratio_runs = [r for r in synthetic if r.data == GOAL_RATIO_PROFILE and r.ratio is not None]
    if ratio_runs:
        big = max(ratio_runs, key=lambda r: r.treaties)
        ok &= _goal(f"Atlas / plain MkDocs, {big.data} {big.treaties:,}", big.ratio or 0, GOAL_RATIO, ".2f")
    for profile in dict.fromkeys(r.data for r in synthetic):
        runs = sorted((r for r in synthetic if r.data == profile), key=lambda r: r.treaties)
        if len(runs) > 1 and runs[-1].treaties > runs[0].treaties:
            small, big = runs[0], runs[-1]
            limit = GOAL_GROWTH_FACTOR * big.treaties / small.treaties
            ok &= _goal(f"Atlas build {profile} {big.treaties:,} vs {small.treaties:,} treaties (×)",
                        big.atlas.cpu / small.atlas.cpu, limit, ".1f")
    for r in results:
        name = f"{r.data} {r.treaties:,}"
        path, size = r.site.largest_page
        ok &= _goal(f"largest page, {name} (MB; {path})", size / 1e6, GOAL_PAGE / 1e6, ".2f")
        ok &= _goal(f"site, {name} (MB)", r.site.total / 1e6, GOAL_SITE / 1e6, ".1f")
        for edition, index in r.site.search_indexes.items():
            ok &= _goal(f"search index, {name}, {edition} (MB)", index / 1e6, GOAL_SEARCH_INDEX / 1e6, ".2f")
        for goal in map_goals(name, r.maps, r.map_time):
            ok &= _goal(*goal)
        if r.search and r.search.asked:
            label = f"records not first in search for their names, {name}"
            if r.data in SEARCH_NOT_JUDGED:
                print(f"(figure) {label}: {len(r.search.misses)} (not a goal: {SEARCH_NOT_JUDGED[r.data]})")
            else:
                ok &= _goal(label, len(r.search.misses), 0, "d")
        limit = GOAL_PREVIEW_REPOSITORY_S if r.data == REPOSITORY else GOAL_PREVIEW_SYNTHETIC_S
        if r.preview_failure:
            ok = False
            print(f"MISSED preview, {name}: mkdocs serve did not start")
        for latency in r.preview or []:
            ok &= _goal(f"preview, {latency.kind} edit, {name} (s, median)", latency.median, limit, ".2f",
                        strict=True)
        if r.same_pages:
            same = r.same_pages
            print(f"(figure) plain MkDocs at the Atlas's {same.pages:,} pages, {name}: build {same.build} "
                  f"(Atlas ×{r.same_pages_ratio:.2f}), site {mb(same.site)}"
                  + (f", preview median {same.preview.median:.2f} s" if same.preview and same.preview.seconds
                     else ""))
    biggest = max(results, key=lambda r: r.records)
    label = f"data check per 5,000 records (s; {biggest.records:,} took {biggest.check.cpu:.2f})"
    per_5000 = biggest.check.cpu * 5000 / biggest.records
    if biggest.records >= 5000:
        ok &= _goal(label, per_5000, GOAL_CHECK_S, ".2f", strict=True)
    else:
        print(f"(figure) {label}: {per_5000:.2f} (judged on 5,000 records or more: start-up dominates below)")
    return ok


def report_refusal(check: Time, build: Time) -> bool:
    print(f"\nA billion laughs refused: data check {check}, failed build {build}")
    ok = _goal("data check refusing a billion laughs (s)", check.cpu, GOAL_REFUSE_CHECK_S, ".2f", strict=True)
    return _goal("build failing on a billion laughs (s)", build.cpu, GOAL_REFUSE_BUILD_S, ".2f", strict=True) and ok


def _goal(label: str, value: float, limit: float, fmt: str, strict: bool = False) -> bool:
    met = value < limit if strict else value <= limit
    sign = "<" if strict else "≤"
    print(f"{'met   ' if met else 'MISSED'} {label}: {value:{fmt}} (goal {sign} {limit:{fmt}})")
    return met


def _say(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profiles", nargs="+", choices=PROFILES, default=list(PROFILES), help="synthetic profiles")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="numbers of treaties")
    parser.add_argument("--repeat", type=int, default=1, help="runs per build and check; the best counts")
    parser.add_argument("--edits", type=int, default=5, help="edits per kind when timing the preview")
    parser.add_argument("--skip", nargs="+", choices=STEPS, default=[],
                        help="measures to leave out (repository: the repository's own data set)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    args = parser.parse_args()
    data_sets = [] if REPOSITORY in args.skip else [(REPOSITORY, 0)]
    data_sets += [(profile, size) for profile in args.profiles for size in sorted(args.sizes)]
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        plain_times: dict[int, Time] = {}
        results = [measure(data, size, work, args, plain_times) for data, size in data_sets]
        refusal = measure_refusal(work, args.repeat) if "refusal" not in args.skip else None
    report(results)
    ok = goals(results)
    if refusal:
        ok = report_refusal(*refusal) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
