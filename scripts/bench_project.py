"""Projects the benchmark builds, and how it times them.

An Atlas project is a copy of this repository's mkdocs.yml, docs/, overrides/ and hooks/
with a data set in data/. A plain project has the same theme configuration without the
hooks, and N one-paragraph Markdown pages that are not in the navigation: what MkDocs and
Material cost for as many pages as the Atlas has treaties.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
CHECK = """
import sys, time
from pathlib import Path
wall, cpu = time.perf_counter(), time.process_time()
from atlas.project import check_project
catalog, problems = check_project(Path(sys.argv[1]))
assert catalog is not None and not problems, problems[:5]
print(time.process_time() - cpu, time.perf_counter() - wall)
"""
PARAGRAPH = ("Page {i} stands for one record of the Atlas: an agreement between two states on military "
             "cooperation, signed in a capital on a given day, in force some months later, with a summary "
             "of a sentence or two and a citation of the source that records it, number {i}.")


@dataclass(frozen=True)
class Time:
    """CPU seconds (user + system) of the process doing the work, and wall-clock seconds."""

    cpu: float
    wall: float

    def __str__(self) -> str:
        return f"{self.cpu:.2f} ({self.wall:.2f})"


def copy_project(dest: Path, data: Path | None = None) -> None:
    """The Atlas project in `dest`, with a copy of `data` when given (else no data/ yet)."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    if data is not None:
        shutil.copytree(data, dest / "data")


def plain_project(dest: Path, pages: int) -> None:
    """`pages` pages `p-0001.md` … with a title and one paragraph, not in the navigation, under
    the Atlas's theme configuration (its mkdocs.yml without hooks, watched folders and nav)."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^(hooks|watch|nav):\n(?:[ -].*\n|\n)*", "", config, flags=re.M)
    config += "\nnav:\n  - Home: index.md\nnot_in_nav: |\n  /p-*.md\n"
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = dest / "docs"
    (docs / "index.md").write_text("# Plain pages\n\nA plain MkDocs project for the benchmark.\n", encoding="utf-8")
    for i in range(1, pages + 1):
        (docs / f"{plain_page(i, pages)}.md").write_text(f"# Page {i}\n\n{PARAGRAPH.format(i=i)}\n", encoding="utf-8")


def plain_page(i: int, pages: int) -> str:
    """The name of page `i` of a plain project of `pages` pages, without `.md`: p-0001."""
    return f"p-{i:0{max(4, len(str(pages)))}d}"


def run(*cmd: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=ENV, capture_output=True, text=True)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _build(project: Path) -> tuple[Time, subprocess.CompletedProcess[str]]:
    cpu, wall = _children_cpu(), time.perf_counter()
    done = run(PY, "-m", "mkdocs", "build", "--strict", "-f", project / "mkdocs.yml", cwd=project)
    return Time(_children_cpu() - cpu, time.perf_counter() - wall), done


def timed_build(project: Path, repeat: int) -> Time:
    """The best of `repeat` runs of `mkdocs build --strict` (by CPU time); exits if one fails."""
    best = Time(float("inf"), float("inf"))
    for _ in range(repeat):
        spent, done = _build(project)
        if done.returncode != 0 or "WARNING -" in done.stderr:
            sys.exit(f"build of {project} failed:\n{done.stderr[-4000:]}")
        best = min(best, spent, key=lambda t: t.cpu)
    return best


def timed_failing_build(project: Path, repeat: int, message: str) -> Time:
    """Like timed_build, for a build that must fail with `message` and leave no site."""
    best = Time(float("inf"), float("inf"))
    for _ in range(repeat):
        spent, done = _build(project)
        if done.returncode == 0 or message not in done.stderr or (project / "site").exists():
            sys.exit(f"the build of {project} did not fail as it should:\n{done.stderr[-4000:]}")
        best = min(best, spent, key=lambda t: t.cpu)
    return best


def timed_check(project: Path, repeat: int, script: str = CHECK) -> Time:
    """The data check alone (`check_project`) in a fresh process; `script` prints its times."""
    times = []
    for _ in range(repeat):
        done = run(PY, "-c", script, project, cwd=project)
        if done.returncode != 0:
            sys.exit(f"the data check failed:\n{done.stderr[-4000:]}")
        cpu, wall = (float(x) for x in done.stdout.split())
        times.append(Time(cpu, wall))
    return min(times, key=lambda t: t.cpu)
