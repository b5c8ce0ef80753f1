"""Is each record the first result for its name in Material's search? Asked in Chromium.

    .venv/bin/python scripts/bench_first_result.py PROJECT   # a built project (PROJECT/site)

The sample: 30 treaties drawn at random (seeded), every country and organization (at most
60 of each, drawn at random when there are more). Each name is typed into Material's search
box of the built site, served on 127.0.0.1, and the first result must be the record's page.
Needs Playwright and Debian's Chromium (`python3 scripts/dev.py test` installs both).
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import CHROMIUM, FLAGS, serve  # noqa: E402

SAMPLE = {"treaties": 30, "countries": 60, "organizations": 60}

# Counts the queries sent to Material's search worker, and those not answered yet.
COUNT_QUERIES = """(() => {
  const Native = window.Worker;
  window.atlasSearchSent = 0;
  window.atlasSearchPending = 0;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { window.atlasSearchPending -= 1; });
    }
    postMessage(...args) {
      window.atlasSearchSent += 1;
      window.atlasSearchPending += 1;
      return super.postMessage(...args);
    }
  };
})();"""

# Types one query at once and returns the address of the first result, once the worker has
# answered and Material has drawn the list.
FIRST_RESULT = """async (query) => {
  const input = document.querySelector("input.md-search__input");
  const sent = window.atlasSearchSent;
  input.value = query;
  input.dispatchEvent(new KeyboardEvent("keyup"));
  const start = performance.now();
  while ((window.atlasSearchSent === sent || window.atlasSearchPending > 0) && performance.now() - start < 30000) {
    await new Promise(r => setTimeout(r, 5));
  }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const first = document.querySelector(".md-search-result__list .md-search-result__item a");
  return first ? first.href : null;
}"""


@dataclass
class FirstResults:
    asked: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # query, expected page, first result
    index_ready: float = 0.0  # seconds from opening the search to the index being ready
    skipped: str = ""  # why nothing was asked

    @property
    def found(self) -> int:
        return self.asked - len(self.misses)

    def __str__(self) -> str:
        return f"skipped ({self.skipped})" if self.skipped else f"{self.found}/{self.asked}"


def sample(data: Path, seed: int = 13) -> list[tuple[str, str]]:
    """(name, page path) for the records the check asks about."""
    rng = random.Random(seed)
    out = []
    for collection, most in SAMPLE.items():
        files = sorted((data / collection).glob("*.yaml"))
        for path in sorted(rng.sample(files, k=min(most, len(files)))):
            record = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            out.append((str(record["name"]), f"{collection}/{path.stem}/"))
    return out


def check_first_results(site: Path, queries: list[tuple[str, str]]) -> FirstResults:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return FirstResults(skipped="Playwright is not installed: run python3 scripts/dev.py test once")
    if not Path(CHROMIUM).exists():
        return FirstResults(skipped=f"{CHROMIUM} is missing")
    result = FirstResults()
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(COUNT_QUERIES)
        page.goto(url)
        start = time.perf_counter()
        page.locator("input.md-search__input").click()
        page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                               " return m && !/initiali/i.test(m.textContent); }", timeout=600_000)
        result.index_ready = time.perf_counter() - start
        for name, expected in queries:
            href = page.evaluate(FIRST_RESULT, name)
            result.asked += 1
            got = urlsplit(href).path.lstrip("/") if href else "(no result)"
            if got != expected:
                result.misses.append((name, expected, got))
        browser.close()
    return result


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    project = Path(sys.argv[1])
    result = check_first_results(project / "site", sample(project / "data"))
    print(f"first result for its name: {result} (index ready in {result.index_ready:.1f} s)")
    for name, expected, got in result.misses:
        print(f"  {name!r}: expected {expected}, first result {got}")


if __name__ == "__main__":
    main()
