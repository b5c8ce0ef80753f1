#!/usr/bin/env python3
"""Screenshots of every kind of map, in both palettes and on a phone, to look at.

    .venv/bin/python scripts/map_screenshots.py SITE_DIR OUT_DIR [PAGE ...]

Serves SITE_DIR (a built site) on 127.0.0.1, opens each page in Debian's Chromium (light and
dark palette at 1280 px, light and dark at 375 px) and saves the map's figure as a PNG in
OUT_DIR. PAGE is a path in the site (default: the home page, the countries index and one
country, facility, event and organization page found in SITE_DIR).
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

VIEWS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def default_pages(site: Path) -> list[str]:
    pages = ["", "countries/"]
    for folder in ("countries", "facilities", "events", "organizations"):
        for page in sorted((site / folder).glob("*/index.html")):
            if 'class="atlas-map' in page.read_text(encoding="utf-8"):
                pages.append(f"{folder}/{page.parent.name}/")
                break
    return pages


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    pages = sys.argv[3:] or default_pages(site)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for view, size in VIEWS.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport=size, color_scheme=scheme)  # type: ignore[arg-type]
                    page = context.new_page()
                    for path in pages:
                        page.goto(base + path)
                        page.wait_for_load_state("networkidle")
                        page.add_style_tag(content=".md-header { position: static; }")  # not over the figure
                        figure = page.locator("figure.atlas-map").first
                        name = (path.strip("/").replace("/", "-") or "home") + f"-{view}-{scheme}.png"
                        figure.screenshot(path=str(out / name))
                        print(out / name)
                    context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
