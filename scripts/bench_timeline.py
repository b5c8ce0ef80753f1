#!/usr/bin/env python3
"""How fast the timeline's filters are on a page of 5,000 entries.

    .venv/bin/python scripts/bench_timeline.py [--entries 5000] [--runs 15]

Synthesizes a catalog (countries, organizations with members, treaties, documents and
events spread over 1991–2025) in memory, renders its timeline with the real template, and
converts it with the Markdown settings of mkdocs.yml. The page is put in place of the
timeline of a real build of tests/fixtures/timeline, so it runs with Material's CSS and
JavaScript and the Atlas's own timeline.css and timeline.js. Chromium then opens it and
times, in the page with performance.now(), each filter change from the `change` event to
the end of the layout it causes (and, separately, to the next painted frame). Prints the
median of several runs per filter; the goal is under 50 ms. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from atlas.catalog import Catalog  # noqa: E402
from atlas.model import Record  # noqa: E402
from atlas.render import Renderer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">).*?(</article>)', re.S)
GOAL_MS = 50.0

# Each scenario sets the form's controls, then the page's own change handler runs.
SCENARIOS: dict[str, dict[str, Any]] = {
    "one country": {"country": "country-03"},
    "one organization": {"org": "org-05"},
    "two kinds": {"kinds": ["treaty", "membership"]},
    "kind + country + organization": {"kinds": ["event", "treaty"], "country": "country-01", "org": "org-02"},
}
MEASURE = """async ({state, runs}) => {
  const form = document.getElementById('atlas-tl-filters');
  const set = (s) => {
    for (const box of form.querySelectorAll('input[name=kind]')) box.checked = !s.kinds || s.kinds.includes(box.value);
    form.elements.country.value = s.country || '';
    form.elements.org.value = s.org || '';
  };
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const layout = [], painted = [], back = [];
  for (let i = 0; i < runs; i++) {
    for (const s of [state, {}]) {       // filter, then back to everything: both are measured
      await frame();
      set(s);
      const t0 = performance.now();
      form.dispatchEvent(new Event('change', {bubbles: true}));
      document.body.offsetHeight;         // force style and layout now
      const t1 = performance.now();
      await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
      const t2 = performance.now();
      if (s === state) { layout.push(t1 - t0); painted.push(t2 - t0); } else back.push(t1 - t0);
    }
  }
  set(state);
  form.dispatchEvent(new Event('change', {bubbles: true}));
  return {layout, painted, back, count: form.querySelector('.atlas-tl-count').textContent};
}"""


def record(collection: str, rid: str, data: dict[str, Any]) -> Record:
    return Record(collection, rid, {"id": rid, **data}, f"data/{collection}/{rid}.yaml")


def day(rng: random.Random, first: int = 1991, last: int = 2025) -> str:
    year = rng.randint(first, last)
    form = rng.random()
    if form < 0.15:
        return str(year)
    if form < 0.2:
        return f"{rng.choice(['early', 'mid', 'late'])} {year}"
    if form < 0.35:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def synthetic_catalog(total: int, seed: int = 1) -> Catalog:
    rng = random.Random(seed)
    countries = [record("countries", f"country-{i:02d}", {"name": f"Country {i:02d}"}) for i in range(40)]
    ids = [c.id for c in countries]
    orgs = []
    for i in range(12):
        founded = f"{rng.randint(1991, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        members = [{"member": m, "joined": founded, "role": "founding"} for m in rng.sample(ids, 3)]
        for m in rng.sample([c for c in ids if c not in {x["member"] for x in members}], 7):
            joined = day(rng, int(founded[:4]) + 1, 2020)
            entry = {"member": m, "joined": joined, "role": "member"}
            if rng.random() < 0.3:
                entry["left"] = day(rng, int(re.search(r"\d{4}", joined)[0]) + 1, 2024)  # type: ignore[index]
            members.append(entry)
        orgs.append(record("organizations", f"org-{i:02d}", {
            "name": f"Organization {i:02d}", "founded": founded, "members": members,
            "summary": "A synthetic organization."}))
    records = countries + orgs
    org_ids = [o.id for o in orgs]
    for i in range(300):
        data = {"name": f"Treaty {i}", "signed": day(rng), "parties": rng.sample(ids, rng.randint(2, 4)),
                "summary": "A synthetic treaty between a few of the synthetic countries."}
        if rng.random() < 0.4:
            data["organization"] = rng.choice(org_ids)
        records.append(record("treaties", f"treaty-{i}", data))
    for i in range(200):
        records.append(record("documents", f"doc-{i}", {
            "name": f"Document {i}", "kind": "statement", "date": day(rng), "issuer": rng.choice(ids),
            "summary": "A synthetic statement."}))
    events = total - len(Catalog(records).timeline())
    for i in range(max(events, 0)):
        participants = rng.sample(ids, rng.randint(1, 3)) + rng.sample(org_ids, rng.randint(0, 1))
        records.append(record("events", f"event-{i}", {
            "name": f"Event {i}", "kind": "summit", "date": day(rng), "participants": participants,
            "summary": "A synthetic summit of a few synthetic countries and perhaps an organization."}))
    return Catalog(records)


def timeline_html(catalog: Catalog, config_file: Path) -> str:
    """The timeline page's article HTML, converted as MkDocs would (links are not rewritten)."""
    import markdown
    from mkdocs.config import load_config
    from mkdocs.utils.meta import get_data

    config = load_config(str(config_file))
    page = Renderer(catalog).timeline_page(catalog.timeline())
    body, _ = get_data(page.markdown)
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    return md.convert(body)


def build_site(work: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import FIXTURES, build, make_project

    project = make_project(work / "project", FIXTURES / "timeline" / "data")
    result = build(project)
    if result.returncode != 0:
        sys.exit(result.stderr)
    return project


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep the generated site and print its path")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    try:
        catalog = synthetic_catalog(args.entries)
        entries = len(catalog.timeline())
        project = build_site(work)
        page_file = project / "site" / "timeline" / "index.html"
        html = ARTICLE.sub(lambda m: m[1] + timeline_html(catalog, project / "mkdocs.yml") + m[2],
                           page_file.read_text(encoding="utf-8"), count=1)
        page_file.write_text(html, encoding="utf-8")
        print(f"{entries} entries, {len(catalog.collection('countries'))} countries, "
              f"{len(catalog.collection('organizations'))} organizations; page {len(html) / 1e6:.1f} MB")
        handler = functools.partial(_Quiet, directory=str(project / "site"))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/timeline/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url)
            page.locator("#atlas-tl-filters").wait_for(state="visible", timeout=60_000)
            shown = page.locator(".atlas-tl-count").text_content()
            print(f"loaded: {shown}\n")
            print(f"{'filter':32} {'shown':>14} {'layout ms':>10} {'frame ms':>9} {'undo ms':>8}"
                  f"  (medians of {args.runs} runs)")
            worst = 0.0
            for name, state in SCENARIOS.items():
                result = page.evaluate(MEASURE, {"state": state, "runs": args.runs})
                layout, painted = statistics.median(result["layout"]), statistics.median(result["painted"])
                back = statistics.median(result["back"])
                worst = max(worst, layout, back)
                shown = result["count"].split(" entries")[0]
                print(f"{name:32} {shown:>14} {layout:10.1f} {painted:9.1f} {back:8.1f}")
            browser.close()
        server.shutdown()
        verdict = "meets" if worst < GOAL_MS else "MISSES"
        print("\nlayout: change event to the end of style and layout; frame: to the next frame after it;\n"
              "undo: back to all entries, to the end of layout.")
        print(f"slowest median to layout: {worst:.1f} ms — {verdict} the {GOAL_MS:.0f} ms goal")
    finally:
        if args.keep:
            print(f"site kept in {work / 'project' / 'site'}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
