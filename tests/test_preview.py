"""The live preview renders only what a change touches, and gives exactly the full build's site.

A real `mkdocs serve --dirty` (as `python3 scripts/dev.py serve` runs it) serves the timeline
fixture, paged by period; a series of edits follows: change, add, rename and delete records,
change a country's name, add a treaty in a new decade, break a record and fix it. After each,
once the change shows, every file of the served site (pages, search index, sitemap,
downloads, feeds) must equal, byte for byte, a full `mkdocs build` of the same data.
"""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURES, MKDOCS, add_paging, make_project

STARTUP_SECONDS = 90  # bounds on each wait, so that a hung server fails the test; not speed goals
CHANGE_SECONDS = 60


@dataclass
class Preview:
    project: Path
    base: str  # http://127.0.0.1:PORT/atlas/
    site: Path  # the folder the server builds into
    log: Path

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8", "replace")

    def until(self, path: str, condition: Callable[[int, str], bool], what: str) -> None:
        """Wait until `path` meets `condition` and the server has finished building: its
        live-reload epoch (the build the browsers are told to show) stays put for a while."""
        deadline = time.monotonic() + CHANGE_SECONDS
        while time.monotonic() < deadline:
            if condition(*self.get(path)) and self._settled():
                return
            time.sleep(0.2)
        lines = [line for line in self.log.read_text().splitlines() if '"GET ' not in line]
        pytest.fail(f"{what}: not served in {CHANGE_SECONDS} s\n" + "\n".join(lines[-60:]))

    def _epoch(self) -> str:
        root = self.base.split("/atlas/")[0]
        with urllib.request.urlopen(f"{root}/livereload/0/0", timeout=10) as response:
            return response.read().decode()

    def _settled(self) -> bool:
        epoch = self._epoch()
        time.sleep(2)  # a build under way (a change noticed late) moves the epoch on
        return self._epoch() == epoch

    def write(self, relative: str, text: str) -> None:
        path = self.project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> None:
        text = (self.project / relative).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {relative}"
        self.write(relative, text.replace(old, new))


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    root = tmp_path_factory.mktemp("preview")
    project = make_project(root / "project", FIXTURES / "timeline" / "data")
    add_paging(project)
    temp = root / "tmp"  # mkdocs serve builds into a folder it makes here: the only one
    temp.mkdir()
    port = _free_port()
    log = root / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}
    with log.open("w") as out:
        process = subprocess.Popen([*MKDOCS, "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{port}"],
                                   cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        base = f"http://127.0.0.1:{port}/atlas/"
        while True:
            assert process.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(base, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        sites = [p for p in temp.iterdir() if p.name.startswith("mkdocs_")]
        assert len(sites) == 1, sites
        yield Preview(project, base, sites[0], log)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def full_build(preview: Preview, dest: Path) -> Path:
    """A full build of the project as it is now, at the served address."""
    project = dest / "project"
    shutil.copytree(preview.project, project, ignore=shutil.ignore_patterns("__pycache__"))  # keeps file times
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_url: https://kyrgyz-security-atlas.github.io/atlas/",
                                   f"site_url: {preview.base}"), encoding="utf-8")
    result = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(dest / "site")],
                            capture_output=True, text=True, cwd=project, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return dest / "site"


def contents(site: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            out[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return out


def assert_same_as_full_build(preview: Preview, tmp_path: Path) -> None:
    full = contents(full_build(preview, tmp_path))
    served = contents(preview.site)
    assert sorted(served) == sorted(full), (
        f"only served: {sorted(set(served) - set(full))[:10]}; only built: {sorted(set(full) - set(served))[:10]}")
    differing = [path for path in full if served[path] != full[path]]
    if os.environ.get("ATLAS_DEBUG_PREVIEW"):
        for path in differing:
            (Path("/tmp/pvdiff") / "served" / path).parent.mkdir(parents=True, exist_ok=True)
            (Path("/tmp/pvdiff") / "full" / path).parent.mkdir(parents=True, exist_ok=True)
            (Path("/tmp/pvdiff") / "served" / path).write_bytes(served[path])
            (Path("/tmp/pvdiff") / "full" / path).write_bytes(full[path])
    assert differing == [], f"{len(differing)} files differ from the full build, e.g. {differing[:10]}"


EVENT = """id: new-summit-2007
name: New summit
kind: summit
date: "2007-03-14"
participants: [alphaland, north-pact]
summary: A summit added while the preview runs.
citations:
  - source: tl-source
    quote: Made up for the timeline tests.
    supports: [participants]
"""
TREATY = """id: late-pact-2021
name: Late Pact
kind: treaty
signed: "2021-06-01"
parties: [gammaland, betaland]
summary: A treaty of a decade the data did not reach.
citations:
  - source: tl-source
    quote: Made up for the timeline tests.
    supports: [parties]
"""


def test_preview_starts_as_the_full_build(preview: Preview, tmp_path: Path) -> None:
    assert_same_as_full_build(preview, tmp_path)


def test_a_changed_summary(preview: Preview, tmp_path: Path) -> None:
    preview.replace("data/treaties/allied-2003.yaml", "summary: Signed on the same day as two visits.",
                    "summary: Signed on the same day as two visits (edited).")
    preview.until("treaties/allied-2003/", lambda status, body: "(edited)" in body, "the edited summary")
    assert_same_as_full_build(preview, tmp_path)


def test_a_countrys_summary_renders_its_own_pages_only(preview: Preview, tmp_path: Path) -> None:
    """Other pages show only a country's name: its summary changes its own pages (and the lists),
    and the pages of the records that name it are left as they were, yet equal a full build's."""
    own = [preview.site / edition / "countries/gammaland/index.html" for edition in ("", "ru")]
    naming = [preview.site / edition / f"{page}/index.html" for edition in ("", "ru")
              for page in ("treaties/alpha-gamma-1996", "events/summit-1996", "organizations/north-pact")]
    before = {path: path.stat().st_mtime_ns for path in own + naming}
    preview.replace("data/countries/gammaland.yaml", "summary: A made-up country.",
                    "summary: A made-up country (edited).")
    preview.until("countries/gammaland/", lambda status, body: "(edited)" in body, "the edited summary")
    preview.until("ru/countries/gammaland/", lambda status, body: "(edited)" in body, "the Russian page")
    assert all(path.stat().st_mtime_ns != before[path] for path in own)
    assert {path: path.stat().st_mtime_ns for path in naming} == {path: before[path] for path in naming}
    assert_same_as_full_build(preview, tmp_path)


def test_an_organizations_summary_renders_its_pages_and_the_hubs_of_its_entries(preview: Preview,
                                                                               tmp_path: Path) -> None:
    """An organization's summary is also the text of its timeline entries, which its members'
    pages show; the treaty and the event that only name it are left as they were."""
    naming = [preview.site / edition / f"{page}/index.html" for edition in ("", "ru")
              for page in ("treaties/alpha-beta-1992", "events/exercise-2006")]
    before = {path: path.stat().st_mtime_ns for path in naming}
    preview.replace("data/organizations/north-pact.yaml", "summary: A made-up alliance",
                    "summary: An edited made-up alliance")
    preview.until("organizations/north-pact/", lambda status, body: "An edited made-up" in body, "the edited summary")
    assert {path: path.stat().st_mtime_ns for path in naming} == before
    assert_same_as_full_build(preview, tmp_path)


def test_a_summary_renders_the_hubs_that_show_it_only(preview: Preview, tmp_path: Path) -> None:
    """A treaty's or an event's summary is the text of its timeline entries. A hub (country,
    organization) shows a selection of its entries once they are many (three, here): a hub
    whose selection leaves the entry out, like Kyrgyzstan's page for most of its thousands of
    treaties, is left as it was; one whose selection holds it is rendered again."""
    def pages(*names: str) -> list[Path]:
        return [preview.site / edition / name / "index.html" for edition in ("", "ru") for name in names]

    def times(paths: list[Path]) -> dict[Path, int]:
        return {path: path.stat().st_mtime_ns for path in paths}

    treaty = pages("treaties/alpha-beta-1992")
    hubs = pages("countries/alphaland", "countries/betaland", "organizations/north-pact")  # each shows 3 others
    before = times(treaty + hubs)
    assert not any("North Pact was founded" in path.read_text(encoding="utf-8") for path in hubs)
    preview.replace("data/treaties/alpha-beta-1992.yaml", "summary: Signed on the day the North Pact was founded.",
                    "summary: Signed on the day the North Pact was founded (edited).")
    preview.until("treaties/alpha-beta-1992/", lambda status, body: "(edited)" in body, "the edited summary")
    preview.until("ru/treaties/alpha-beta-1992/", lambda status, body: "(edited)" in body, "the Russian page")
    assert all(path.stat().st_mtime_ns != before[path] for path in treaty)
    assert times(hubs) == {path: before[path] for path in hubs}
    assert_same_as_full_build(preview, tmp_path / "treaty")

    showing = pages("countries/deltaland")  # its two entries, one of them the visit's
    before = times(showing)
    preview.replace("data/events/zeta-visit-2003.yaml", "summary: A visit on the day of the allied treaty.",
                    "summary: A visit on the day of the allied treaty (edited).")
    preview.until("countries/deltaland/", lambda status, body: "allied treaty (edited)" in body, "the hub's entry")
    assert all(path.stat().st_mtime_ns != before[path] for path in showing)
    assert_same_as_full_build(preview, tmp_path / "event")


def test_an_added_record(preview: Preview, tmp_path: Path) -> None:
    preview.write("data/events/new-summit-2007.yaml", EVENT)
    preview.until("events/new-summit-2007/", lambda status, body: status == 200, "the new event")
    assert_same_as_full_build(preview, tmp_path)


def test_a_renamed_record(preview: Preview, tmp_path: Path) -> None:
    old = preview.project / "data/events/new-summit-2007.yaml"
    text = old.read_text(encoding="utf-8").replace("id: new-summit-2007", "id: spring-summit-2007\n"
                                                   "redirect_from: [new-summit-2007]")
    old.unlink()
    preview.write("data/events/spring-summit-2007.yaml", text)
    preview.until("events/spring-summit-2007/", lambda status, body: status == 200, "the renamed event")
    preview.until("events/new-summit-2007/", lambda status, body: "spring-summit-2007" in body, "its redirect")
    assert_same_as_full_build(preview, tmp_path)


def test_a_deleted_record(preview: Preview, tmp_path: Path) -> None:
    (preview.project / "data/events/spring-summit-2007.yaml").unlink()
    preview.until("events/spring-summit-2007/", lambda status, body: status == 404, "the deleted event gone")
    assert_same_as_full_build(preview, tmp_path)


def test_a_renamed_country_and_a_new_decade(preview: Preview, tmp_path: Path) -> None:
    preview.replace("data/countries/gammaland.yaml", "name: Gammaland", "name: Gamma Republic")
    preview.write("data/treaties/late-pact-2021.yaml", TREATY)
    preview.until("treaties/late-pact-2021/", lambda status, body: "Gamma Republic" in body, "the new treaty")
    assert_same_as_full_build(preview, tmp_path)


def test_a_broken_record_and_its_fix(preview: Preview, tmp_path: Path) -> None:
    preview.replace("data/treaties/late-pact-2021.yaml", "signed: \"2021-06-01\"", "signed: \"2021-13-01\"")
    preview.until("treaties/late-pact-2021/", lambda status, body: "impossible date" in body, "the problem")
    preview.replace("data/treaties/late-pact-2021.yaml", "signed: \"2021-13-01\"", "signed: \"2021-07-01\"")
    preview.until("treaties/late-pact-2021/", lambda status, body: "1 July 2021" in body, "the fixed page")
    assert_same_as_full_build(preview, tmp_path)
