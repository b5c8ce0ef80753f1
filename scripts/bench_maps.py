"""The maps' figures: the HTML each map adds to its page, in each edition, and the maps' share of a build.

A map's HTML is its figure, its layers form and its text alternative: on the home page (the
regional map), on the countries index (the world map) and on each record page with a small
map. The share: one more build, in-process, with the entry points of atlas.maps.facade.Maps
timed; their CPU time against the whole build's (a difference of two builds drowns in the
noise of a busy machine).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_project import PY, run  # noqa: E402

GOAL_MAP_KB, GOAL_SMALL_MAP_KB, GOAL_MAP_SHARE = 150.0, 3.0, 0.05
EDITIONS = {"en": "", "ru": "ru/"}  # edition → its folder in the site
SMALL_MAP_FOLDERS = ("countries", "facilities", "events", "organizations")
MAP_PARTS = re.compile(r'<figure class="atlas-map[ "].*?</figure>|<details class="atlas-map-text".*?</details>'
                       r'|<form class="atlas-map-layers".*?</form>', re.S)
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


@dataclass(frozen=True)
class MapFigures:
    """Bytes of HTML the maps add to one edition: the home page's, the countries index's, the small maps."""

    home: int
    countries: int
    small_pages: int
    small_mean: float
    small_max: int


@dataclass(frozen=True)
class MapTime:
    maps: float   # CPU seconds in the maps' code, in an in-process build
    build: float  # CPU seconds of that whole build

    @property
    def share(self) -> float:
        return self.maps / self.build


def map_figures(site: Path) -> dict[str, MapFigures]:
    """The figures of each edition of a built site."""
    def added(page: Path) -> int:
        return sum(len(m.group().encode("utf-8")) for m in MAP_PARTS.finditer(page.read_text(encoding="utf-8")))

    out = {}
    for edition, folder in EDITIONS.items():
        root = site / folder
        small = [size for name in SMALL_MAP_FOLDERS for page in (root / name).glob("*/index.html")
                 if (size := added(page))]
        out[edition] = MapFigures(added(root / "index.html"), added(root / "countries" / "index.html"), len(small),
                                  sum(small) / len(small) if small else 0.0, max(small, default=0))
    return out


def map_assets(site: Path) -> int:
    """Bytes of the base map files both editions share."""
    return sum(p.stat().st_size for p in (site / "assets" / "maps").glob("*.svg"))


def timed_maps(project: Path, site_dir: Path) -> MapTime:
    done = run(PY, "-c", MAP_TIME, project, site_dir, cwd=project)
    if done.returncode != 0:
        sys.exit(f"the timed build failed:\n{done.stderr[-4000:]}")
    maps, build = (float(x) for x in done.stdout.split()[-2:])
    return MapTime(maps, build)


HEADER = (f"{'data':<11} {'treaties':>8} {'ed.':<3} {'home':>6} {'countries':>9} {'small maps':>10} {'mean':>5} "
          f"{'max':>5} {'base files':>10} {'maps CPU':>8} {'build':>7} {'share':>6}")


def map_rows(data: str, treaties: int, figures: dict[str, MapFigures], assets: int, time: MapTime | None) -> list[str]:
    """Lines of the maps table (KB; CPU seconds): one per edition, the shared figures on the first."""
    shared = f" {assets / 1000:>10.1f} " + (f"{time.maps:>8.2f} {time.build:>7.2f} {time.share:>6.1%}" if time
                                             else f"{'—':>8} {'—':>7} {'—':>6}")
    rows = []
    for edition, m in figures.items():
        rows.append(f"{data:<11} {treaties:>8,} {edition:<3} {m.home / 1000:>6.1f} {m.countries / 1000:>9.1f} "
                    f"{m.small_pages:>10,} {m.small_mean / 1000:>5.2f} {m.small_max / 1000:>5.2f}{shared}")
        shared = ""
    return rows


def map_goals(name: str, figures: dict[str, MapFigures], time: MapTime | None) -> list[tuple[str, float, float, str]]:
    """(label, value, limit, format) of each maps goal of one data set; a value must be ≤ its limit."""
    goals = []
    for edition, m in figures.items():
        goals += [(f"largest map, {name}, {edition} (KB)", max(m.home, m.countries) / 1000, GOAL_MAP_KB, ".1f"),
                  (f"largest small map, {name}, {edition} (KB)", m.small_max / 1000, GOAL_SMALL_MAP_KB, ".2f")]
    if time:
        goals.append((f"maps' share of the build, {name} (%)", 100 * time.share, 100 * GOAL_MAP_SHARE, ".1f"))
    return goals
