"""Every link of the built site resolves, and no page loads anything from another host.

MkDocs checks the links it sees in Markdown; these tests check the HTML that reaches
readers — theme navigation, raw-HTML blocks of the templates and generated pages
included — by parsing every page with BeautifulSoup.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://site.invalid/"  # pages are resolved as if served here
# Elements whose attribute makes the browser fetch something.
LOADS = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "iframe": ("src",), "embed": ("src",), "object": ("data",), "track": ("src",),
    "image": ("href", "xlink:href"), "use": ("href", "xlink:href"), "input": ("src",),
}
# <link rel=…> values that fetch or connect; canonical, next, prev and alternate only name a page.
FETCHING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch",
                 "manifest", "apple-touch-icon", "shortcut"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
# URLs in the JavaScript that ships with the site which the code may fetch, and what would trigger it.
RUNTIME_FETCHES = {
    "unpkg.com/mermaid": ("[class~=mermaid]", "Material loads Mermaid from unpkg for mermaid diagrams"),
    "api.github.com": ("[data-md-component=source]", "Material fetches repository facts when repo_url is set"),
    "/api/v4/projects/": ("[data-md-component=source]", "Material fetches GitLab facts when repo_url is set"),
}
# Only for browsers without ResizeObserver (none that Material still supports otherwise).
LEGACY_ONLY = ("unpkg.com/resize-observer-polyfill",)
# Hosts that appear in licence headers, comments and XML namespaces of Material's bundles; never fetched.
NEVER_FETCHED = {
    "www.w3.org", "www.mozilla.org", "github.com", "snowball.tartarus.org", "tartarus.org", "code.google.com",
    "fontawesome.com", "developer.mozilla.org", "clipboardjs.com", "bit.ly", "wiki.ecmascript.org",
    "wiki.commonjs.org", "underscorejs.org", "people.mozilla.org", "narwhaljs.org", "msdn.microsoft.com",
    "lunrjs.com", "en.wikipedia.org", "docs.python.org", "chasen.org",
}
# Text in the shipped JavaScript that has the shape of a protocol-relative URL (//host.tld…) but is
# code, never a URL, by its "host". Both "hosts" also sit under names that cannot resolve (.test is
# reserved by RFC 2606; .error is no top-level domain), so nothing could ever be fetched from them.
# Any other protocol-relative URL is checked like an absolute one.
NOT_URLS = {
    "i.test": "Material's bundle: the end of the regular expression /^(?:[a-z]+:)?\\/\\//i and its "
              ".test(…) call, which asks whether an href or src is already absolute",
    "console.error": "lunr's wordcut.js: commented-out debugging lines, //console.error(…)",
}
JS_HOST = r"(?:[a-z0-9-]+\.)+[a-z]{2,}"
JS_URL = re.compile(rf"""(?:https?:)?//{JS_HOST}(?::\d+)?[^\s"'`)<>\\]*|https?://\$\{{[^}}]+\}}[^\s"'`]*""", re.I)


@pytest.fixture(params=["fixture_site", "built_site"], scope="module")
def site(request: pytest.FixtureRequest) -> Path:
    return Path(request.getfixturevalue(request.param))


@cache
def pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page, by its path relative to the site root."""
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(site.rglob("*.html"))}


@cache
def ids(site: Path, page: str) -> frozenset[str]:
    soup = pages(site)[page]
    found = {str(t["id"]) for t in soup.find_all(id=True)}
    found |= {str(t["name"]) for t in soup.find_all("a", attrs={"name": True})}
    return frozenset(found)


def site_prefix() -> str:
    """The path of site_url ('/atlas/'): the 404 page links from there."""
    match = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return urlsplit(match.group(1)).path if match else "/"


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") or (not parts.scheme and url.strip().startswith("//"))


def resolve(site: Path, page: str, href: str) -> tuple[str | None, str]:
    """The page (relative path of an HTML file) an internal href leads to, or None, and its fragment."""
    prefix = site_prefix()
    target = urlsplit(urljoin(BASE + page, href.strip()))
    path = unquote(target.path)
    if href.startswith("/") and path.startswith(prefix):
        path = "/" + path[len(prefix):]
    rel = path.lstrip("/")
    candidate = site / rel
    if rel == "" or path.endswith("/") or candidate.is_dir():
        rel = f"{rel.rstrip('/')}/index.html".lstrip("/")
    return (rel if (site / rel).is_file() else None), unquote(target.fragment)


def internal_links(site: Path) -> list[tuple[str, str]]:
    links = []
    for page, soup in pages(site).items():
        for tag in soup.find_all(["a", "area", "link"], href=True):
            href = str(tag["href"])
            if not href or href.startswith(("mailto:", "tel:", "data:")) or is_external(href):
                continue
            links.append((page, href))
    return links


def test_every_page_is_parsed(site: Path) -> None:
    found = pages(site)
    assert "index.html" in found and "timeline/index.html" in found and "404.html" in found
    assert any(p.startswith("treaties/") and p != "treaties/index.html" for p in found), "no treaty page"


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    for page, href in internal_links(site):
        if href.startswith("javascript:"):
            broken.append(f"{page}: javascript: link {href!r}")
            continue
        target, fragment = resolve(site, page, href)
        if target is None:
            broken.append(f"{page}: {href!r} leads to no file")
        elif target.endswith(".html") and fragment and fragment not in ids(site, target):
            broken.append(f"{page}: {href!r} — {target} has no element with id {fragment!r}")
    assert not broken, "\n".join(broken[:50])
    assert len(internal_links(site)) > 10 * len(pages(site)), "suspiciously few links"


def test_record_pages_are_linked_from_the_site(site: Path) -> None:
    """Generated pages are not in the navigation; each must still be reachable by a link."""
    linked = set()
    for page, href in internal_links(site):
        target, _ = resolve(site, page, href)
        if target and target != page:
            linked.add(target)
    orphans = [p for p in pages(site) if p not in linked and p != "404.html"]
    assert not orphans, orphans


def _load_urls(soup: BeautifulSoup) -> list[str]:
    urls: list[str] = []
    for name, attrs in LOADS.items():
        for tag in soup.find_all(name):
            for attr in attrs:
                value = tag.get(attr)
                if value:
                    urls += [part.split()[0] for part in str(value).split(",") if part.strip()] \
                        if attr == "srcset" else [str(value)]
    for tag in soup.find_all("link", href=True):
        rels = {r.lower() for r in tag.get("rel") or []}
        if rels & FETCHING_RELS or not rels:
            urls.append(str(tag["href"]))
    for tag in soup.find_all(style=True):
        urls += _css_urls(str(tag["style"]))
    for tag in soup.find_all("style"):
        urls += _css_urls(tag.get_text())
    for tag in soup.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
        urls.append(str(tag.get("content", "")).partition("url=")[2])
    return urls


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    external = [f"{page}: {url}" for page, soup in pages(site).items() for url in _load_urls(soup) if is_external(url)]
    assert not external, "\n".join(external[:50])


def test_load_scan_sees_what_a_page_loads(site: Path) -> None:
    """The scan above finds the stylesheets and scripts a page really has: it looks in the right places."""
    urls = _load_urls(pages(site)["index.html"])
    assert any(u.endswith(".css") for u in urls) and any(u.endswith(".js") for u in urls), urls
    sample = BeautifulSoup('<img srcset="https://a.example/x.png 2x"><div style="background:url(//b.example/y)">'
                           '<link rel="preconnect" href="https://fonts.gstatic.com"><style>@import "https://c.example/z";'
                           '</style>', "html.parser")
    assert [u for u in _load_urls(sample) if is_external(u)] == [
        "https://a.example/x.png", "https://fonts.gstatic.com", "//b.example/y", "https://c.example/z"]


def test_no_web_fonts(site: Path) -> None:
    """theme.font is false: Material must not link Google Fonts (nor anything else font-related)."""
    for page, soup in pages(site).items():
        html = str(soup)
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page


def test_stylesheets_fetch_nothing_from_another_host(site: Path) -> None:
    external = []
    for css in site.rglob("*.css"):
        external += [f"{css.relative_to(site)}: {url}" for url in _css_urls(css.read_text(encoding="utf-8"))
                     if is_external(url)]
    assert not external, external


def test_scripts_fetch_nothing_from_another_host_here(site: Path) -> None:
    """Each external URL in the shipped JavaScript, protocol-relative ones included, is either never
    fetched (comments, namespaces) or fetched only for a feature this site does not use; code that
    only looks like a //host URL is listed in NOT_URLS. A new URL needs a decision here."""
    unknown, triggered = [], []
    not_urls: set[str] = set()
    for script in site.rglob("*.js"):
        for url in set(JS_URL.findall(script.read_text(encoding="utf-8"))):
            rel = f"{script.relative_to(site)}: {url}"
            fetch = next((key for key in RUNTIME_FETCHES if key in url), None)
            if fetch:
                selector, reason = RUNTIME_FETCHES[fetch]
                users = [p for p, soup in pages(site).items() if soup.select_one(selector)]
                if users:
                    triggered.append(f"{rel} — {reason}; pages: {users[:5]}")
            elif any(key in url for key in LEGACY_ONLY):
                continue
            elif _host(url) in NOT_URLS:
                not_urls.add(_host(url))
            elif _host(url) not in NEVER_FETCHED:
                unknown.append(rel)
    assert not triggered, "\n".join(triggered)
    assert not unknown, "unclassified URLs in shipped JavaScript:\n" + "\n".join(sorted(unknown))
    assert not_urls == set(NOT_URLS), "NOT_URLS lists code that Material no longer ships: remove it"


def test_script_scan_checks_protocol_relative_urls() -> None:
    """A //host URL in a script is seen, with its host, like an https:// one."""
    code = 'a = "//cdn.example.com/x.js"; b = `https://cdn.example.org:8080/y`; c = /^\\/\\//i.test(d)'
    urls = sorted(JS_URL.findall(code))
    assert urls == ["//cdn.example.com/x.js", "//i.test(d", "https://cdn.example.org:8080/y"]
    assert [_host(u) for u in urls] == ["cdn.example.com", "i.test", "cdn.example.org"]


def _host(url: str) -> str:
    """The host of a URL found in a script, protocol-relative or not ("" for https://${…})."""
    match = re.match(rf"(?:https?:)?//({JS_HOST})", url, re.I)
    return match.group(1).lower() if match else ""


def test_links_to_sources_are_plain_links(site: Path) -> None:
    """External links are fine as links, but they must be http(s) and open nothing by themselves."""
    for page, soup in pages(site).items():
        for tag in soup.find_all("a", href=True):
            href = str(tag["href"]).strip().lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), f"{page}: {tag}"


def test_anchor_check_catches_a_missing_id(site: Path) -> None:
    """The anchor check is not vacuous: a fragment that no element carries is reported."""
    page = next(p for p in pages(site) if p.startswith("treaties/") and p.count("/") == 2
                and p != "treaties/index.html")
    target, fragment = resolve(site, page, "../../timeline/#no-such-year")
    assert target == "timeline/index.html" and fragment not in ids(site, target)
    assert resolve(site, page, "../no-such-page/")[0] is None
