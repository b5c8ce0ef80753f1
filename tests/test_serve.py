"""`mkdocs serve` as an editor uses it: edits to data and to the package's code are served,
and a data or code error shows the problems in the browser instead of hanging the server.

Each test runs a real `mkdocs serve` on a copy of the project (its own hooks and package),
on a free port of 127.0.0.1; every wait is bounded and the server is always stopped.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from atlas.preview import catch_all_html, expected_pages, problem_pages
from atlas.problems import Problem
from atlas.render import TITLES
from conftest import FIXTURES, MKDOCS, build, make_project

# Bounds on each wait, so that a hung server fails the test instead of hanging the suite; not
# speed goals (those are figures of scripts/benchmark.py).
STARTUP_SECONDS = 60
CHANGE_SECONDS = 30
REQUEST_SECONDS = 10
TREATY = "data/treaties/test-friendship-1992.yaml"
COUNTRY = "data/countries/testland.yaml"


@dataclass
class Server:
    project: Path
    base: str  # http://127.0.0.1:PORT/atlas/
    log: Path

    def get(self, path: str = "") -> tuple[int, str]:
        """Status and body; a server that does not answer in time fails the test."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=REQUEST_SECONDS) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8")

    def wait_for(self, path: str, condition: Callable[[int, str], bool], what: str) -> tuple[int, str]:
        deadline = time.monotonic() + CHANGE_SECONDS
        while time.monotonic() < deadline:
            status, body = self.get(path)
            if condition(status, body):
                return status, body
            time.sleep(0.2)
        pytest.fail(f"{what}: not served within {CHANGE_SECONDS} s\n--- server log ---\n{self.log.read_text()[-4000:]}")

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.project / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def mount_path(project: Path) -> str:
    match = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return urlsplit(match.group(1)).path if match else "/"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project = make_project(tmp_path / "project", FIXTURES / "valid" / "data")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        # --livereload: with some Click 8.2 releases MkDocs 1.6.1 watches no files unless asked (as dev.py does).
        process = subprocess.Popen([*MKDOCS, "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{port}"],
                                   cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
    served = Server(project, f"http://127.0.0.1:{port}{mount_path(project)}", log)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, f"mkdocs serve exited:\n{log.read_text()}"
            try:
                if served.get()[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"no answer in {STARTUP_SECONDS} s:\n{log.read_text()}"
            time.sleep(0.2)
        yield served
    finally:
        process.send_signal(signal.SIGINT)  # lets MkDocs remove its temporary site folder
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def h1(body: str) -> str:
    heading = BeautifulSoup(body, "html.parser").find("h1")
    return heading.get_text(strip=True).rstrip("¶") if heading else ""


def problem_lines(body: str) -> list[str]:
    soup = BeautifulSoup(body, "html.parser")
    return [div.get_text(" ", strip=True) for div in soup.select(".atlas-problems .atlas-problem")]


def line_of(path: Path, prefix: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(prefix))


# --- with a real server --------------------------------------------------------------------

def test_an_edited_record_is_served(server: Server) -> None:
    page = "treaties/test-friendship-1992/"
    assert h1(server.get(page)[1]) == "Treaty of Friendship"
    server.edit(TREATY, "name: Treaty of Friendship", "name: Treaty of Lasting Friendship")
    server.wait_for(page, lambda status, body: h1(body) == "Treaty of Lasting Friendship", "the new name")


def test_a_data_error_shows_the_problems_and_the_fix_brings_the_site_back(server: Server) -> None:
    page = "treaties/test-friendship-1992/"
    server.edit(TREATY, 'signed: "1992-06-10"', 'signed: "1992-13-10"')
    server.edit(COUNTRY, "iso: XT", "iso: XT\ncapital: Testville")
    signed = line_of(server.project / TREATY, "signed:")
    capital = line_of(server.project / COUNTRY, "capital:")

    status, body = server.wait_for(page, lambda status, body: "The data has 2 problems" in h1(body), "the problems")
    assert status == 200
    lines = problem_lines(body)
    assert len(lines) == 2
    assert lines[0].startswith(f"{COUNTRY}:{capital}:1 capital : unknown field 'capital'")
    assert lines[1].startswith(f"{TREATY}:{signed}:1 signed : impossible date '1992-13-10'")
    assert "allowed fields:" in lines[0]  # the hint
    # Every address answers at once with the same list: the home page, every record, and
    # an address the site never had (the catch-all 404, which reloads itself too).
    for other in ("", "timeline/", "countries/exampleland/", "no/such/page/"):
        status, body = server.get(other)
        assert problem_lines(body) == lines, other
    assert server.get("no/such/page/")[0] == 404
    assert "/livereload/" in server.get("no/such/page/")[1]
    # The editing page stays available while the data is broken.
    assert h1(server.get("editing/")[1]) == "Editing the Atlas"
    # The terminal has the same lines as the page, in the `atlas check` format.
    log = server.log.read_text()
    assert f"{COUNTRY}:{capital}:1: capital: unknown field 'capital'" in log
    assert f"{TREATY}:{signed}:1: signed: impossible date '1992-13-10'" in log
    assert "Traceback" not in log
    assert "is included in the 'nav' configuration" not in log  # every nav page stands, as the problems page

    server.edit(TREATY, 'signed: "1992-13-10"', 'signed: "1992-06-11"')
    server.edit(COUNTRY, "\ncapital: Testville", "")
    _, body = server.wait_for(page, lambda status, body: h1(body) == "Treaty of Friendship", "the fixed record")
    assert "11 June 1992" in body
    assert server.get("no/such/page/")[0] == 404
    assert problem_lines(server.get("no/such/page/")[1]) == []


def test_edits_to_the_package_code_are_served_and_code_errors_do_not_hang(server: Server) -> None:
    # The copy's own package is loaded (not the repository's), and reloaded at each build.
    old_title = TITLES["treaties"]
    new_title = f"{old_title}, reloaded from the copy"
    assert h1(server.get("treaties/")[1]) == old_title
    server.edit("hooks/atlas/render.py", f'"treaties": "{old_title}"', f'"treaties": "{new_title}"')
    server.wait_for("treaties/", lambda status, body: h1(body) == new_title, "the edited title")

    server.edit("hooks/atlas/catalog.py", "class Catalog:", "class Catalog(:")
    _, body = server.wait_for("treaties/", lambda status, body: h1(body) == "The atlas code failed", "the code error")
    assert "SyntaxError" in body and "catalog.py" in body
    server.edit("hooks/atlas/catalog.py", "class Catalog(:", "class Catalog:")
    server.wait_for("treaties/", lambda status, body: h1(body) == new_title, "the repaired site")
    # hooks/ is watched: bytecode written there would set off rebuild after rebuild.
    assert not list((server.project / "hooks").rglob("__pycache__"))


# --- `mkdocs build` keeps failing hard --------------------------------------------------------

def test_build_fails_on_a_data_error_without_traceback_and_keeps_the_old_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "valid" / "data")
    assert build(project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    text = (project / TREATY).read_text(encoding="utf-8")
    (project / TREATY).write_text(text.replace('signed: "1992-06-10"', 'signed: "1992-13-10"'), encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{TREATY}:{line_of(project / TREATY, 'signed:')}:1: signed: impossible date" in result.stderr
    assert "Aborted with a BuildError!" in result.stdout + result.stderr
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before


# --- the preview's pieces, without a server ----------------------------------------------------

def test_the_problems_page_stands_at_every_address_of_the_site() -> None:
    root = FIXTURES / "valid"
    problems = [Problem(TREATY, 5, 1, "signed", "'1992-13-10' is not a date", "write YYYY-MM-DD")]
    pages = {page.src_uri: page for page in problem_pages(problems, root, also=("extra/page.md",))}
    assert set(expected_pages(root)) <= set(pages)
    assert {"index.md", "timeline.md", "treaties/index.md", "treaties/test-friendship-1992.md",
            "sources/test-source.md", "extra/page.md", "editing.md"} <= set(pages)
    assert "Editing the Atlas" in pages["editing.md"].markdown
    assert "The data has 1 problem\n" in pages["countries/testland.md"].markdown


def test_the_catch_all_page_resolves_links_from_the_site_root_and_reloads() -> None:
    html = catch_all_html('<html><head><title>x</title></head><body><a href="timeline/">t</a></body></html>', "/atlas/")
    assert html.startswith('<html><head><base href="/atlas/"><title>')
    assert html.index("/livereload/") < html.index("</body>")
