"""The live preview while the data has problems: the list of problems in place of every page.

A dev server that stops at the first data error leaves the editor staring at a page that
never loads. Instead, every address the site would have shows the problems (file, line,
column, message, hint) and reloads itself once they are fixed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .. import COLLECTIONS
from ..catalog import Catalog
from ..problems import Problem
from ..render import Page, Renderer

PROBLEMS_TEMPLATE = "problems.md.j2"


def expected_pages(root: Path) -> list[str]:
    """The source paths of the pages the site has when its data is valid, as far as the files tell."""
    uris = ["index.md", "timeline.md"]
    for collection in COLLECTIONS:
        uris.append(f"{collection}/index.md")
        folder = root / "data" / collection
        if folder.is_dir():
            uris += [f"{collection}/{p.stem}.md" for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".yml")]
    return uris


def problem_pages(problems: list[Problem], root: Path, also: tuple[str, ...] = ()) -> list[Page]:
    """The problems page at every expected address (and at `also`), plus the editing page."""
    renderer = Renderer(Catalog([]))
    editing = renderer.editing_page()
    files = sorted({p.file for p in problems})
    uris = dict.fromkeys([*expected_pages(root), *also])
    uris.pop(editing.src_uri, None)
    pages = [Page(uri, renderer.render(PROBLEMS_TEMPLATE, uri, problems=problems, files=files),
                  in_nav=uri.endswith("index.md")) for uri in uris]
    return [*pages, editing]


# The dev server answers unknown addresses with 404.html, without its live-reload script.
# This one asks the server for the current build, waits for a newer one, then reloads.
_RELOAD_SCRIPT = """<script>
(function () {
  function wait(epoch) {
    fetch("/livereload/" + epoch + "/" + Date.now()).then(function (r) { return r.text(); })
      .then(function (text) { if (parseFloat(text) > epoch) { location.reload(); } else { wait(epoch); } })
      .catch(function () { setTimeout(function () { wait(epoch); }, 3000); });
  }
  fetch("/livereload/0/0").then(function (r) { return r.text(); })
    .then(function (text) { wait(parseFloat(text)); });
})();
</script>"""
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


def catch_all_html(home_html: str, mount_path: str) -> str:
    """The problems page of the site's root, made to work as 404.html at any address."""
    base = f'<base href="{html.escape(mount_path, quote=True)}">'
    page = _HEAD.sub(lambda m: m.group(0) + base, home_html, count=1)
    end = page.rfind("</body>")
    return page[:end] + _RELOAD_SCRIPT + page[end:] if end >= 0 else page + _RELOAD_SCRIPT
