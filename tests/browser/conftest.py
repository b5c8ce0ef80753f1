"""Browser fixtures: a built site served on 127.0.0.1, and Debian's Chromium driven by Playwright.

Every page blocks requests to any host but the loopback one and records them, so a
test can prove the site works offline; a failing test leaves a screenshot in
`test-results/<test name>.png`.

Conftest files outside a package all import as the module `conftest`, and pytest keeps
only the last one in `sys.modules`: this one would hide `tests/conftest.py` from every
`from conftest import make_project` that runs after it. So it re-exports those helpers.
"""

from __future__ import annotations

import functools
import importlib.util
import inspect
import os
import re
import sys
import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results"
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TIMEOUT_MS = 10_000


def _root_conftest() -> Any:
    spec = importlib.util.spec_from_file_location("atlas_tests_root", ROOT / "tests" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_root = _root_conftest()
FIXTURES: Path = _root.FIXTURES
MKDOCS: list[str] = _root.MKDOCS
make_project = _root.make_project
build = _root.build
# Any helper added there later too: its plain functions and CONSTANTS, never its fixtures
# (pytest would define them a second time, and build the sites twice).
globals().update({
    name: value for name, value in vars(_root).items()
    if name not in globals() and not name.startswith("_")
    and (name.isupper() or (inspect.isfunction(value) and value.__module__ == _root.__name__))
    and not hasattr(value, "_fixture_function_marker") and not hasattr(value, "_pytestfixturefunction")
})


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that moves on mid-download resets its connection; that is no error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, handler_class: type[QuietHandler] | None = None) -> Iterator[str]:
    """Serve `directory` over HTTP on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The repository's built site, served for the whole session."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def timeline_url(timeline_site: Path) -> Iterator[str]:
    """tests/fixtures/timeline, served for the whole session."""
    with serve(timeline_site) as url:
        yield url


@pytest.fixture(scope="session")
def paged_url(paged_site: Path) -> Iterator[str]:
    """tests/fixtures/timeline built with tiny paging limits, served for the whole session."""
    with serve(paged_site) as url:
        yield url


@pytest.fixture(scope="session")
def export_url(export_site: Path) -> Iterator[str]:
    """tests/fixtures/export (renamed records, redirects), served for the whole session."""
    with serve(export_site) as url:
        yield url


@pytest.fixture(scope="session")
def maps_url(maps_site: Path) -> Iterator[str]:
    """tests/fixtures/maps (real countries and places), served for the whole session."""
    with serve(maps_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing; `python3 scripts/dev.py test` installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def external_requests() -> list[str]:
    """URLs the page tried to load from a host other than 127.0.0.1 (all were blocked)."""
    return []


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every alert, confirm or prompt the page opened (all dismissed)."""
    return []


@pytest.fixture
def page_errors() -> list[str]:
    """Uncaught JavaScript exceptions on the page."""
    return []


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest, external_requests: list[str], dialogs: list[str],
         page_errors: list[str]) -> Generator[Any, None, None]:
    """A fresh page in its own context (1280×900), offline apart from 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    context.route("**/*", _guard(external_requests))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        yield page
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            RESULTS.mkdir(exist_ok=True)
            try:
                page.screenshot(path=str(RESULTS / f"{_file_name(request.node.name)}.png"), full_page=True)
            except Exception as err:  # a crashed page must not hide the test's own failure
                print(f"no screenshot: {err}")
        context.close()


def _guard(blocked: list[str]) -> Callable[[Any], None]:
    def handle(route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            blocked.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()
    return handle


def _file_name(test_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name).strip("_")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """Keep each phase's report on the test item, for the screenshot-on-failure above."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
