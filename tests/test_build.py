"""Real `mkdocs build --strict` runs, checked with an HTML parser.

- the fixture site: every page exists, links inside articles resolve, backlinks are there;
- a project with hostile text (tests/fixtures/escaping/, laid over the valid fixture data, with
  a repo_url so that "edit this page" links exist): the text shows as text, nothing runs;
- a failing build: every problem on stderr, no traceback, the previous site/ untouched.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import FIXTURES, build, make_project

ROOT = Path(__file__).resolve().parent.parent
VALID = FIXTURES / "valid" / "data"
COLLECTION_PAGES = ("treaties", "organizations", "countries", "directions", "events", "documents", "sources")
REPO_URL = "https://github.com/example/atlas"


@cache
def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(path: Path) -> Tag:
    found = soup_of(path).select_one("article")
    assert found is not None, f"{path} has no <article>"
    return found


def record_pages(data: Path) -> list[str]:
    return sorted(f"{p.parent.name}/{p.stem}/index.html" for p in data.glob("*/*.yaml"))


def section(page: Tag, heading_id: str) -> list[Tag]:
    """The elements after the <h2 id=heading_id>, up to the next <h2>."""
    heading = page.find("h2", id=heading_id)
    assert heading is not None, f"no section #{heading_id}"
    out: list[Tag] = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        out.append(sibling)
    return out


def hrefs(tags: list[Tag]) -> list[str]:
    return [str(a["href"]) for tag in tags for a in tag.find_all("a", href=True)]


# --- the fixture site ---------------------------------------------------------------------

def test_every_page_exists(fixture_site: Path) -> None:
    pages = ["index.html", "timeline/index.html", *(f"{c}/index.html" for c in COLLECTION_PAGES),
             *record_pages(VALID)]
    missing = [p for p in pages if not (fixture_site / p).is_file()]
    assert missing == []
    assert len(record_pages(VALID)) >= 8


def test_each_record_page_is_titled_by_its_record(fixture_site: Path) -> None:
    for page in record_pages(VALID):
        h1 = article(fixture_site / page).find("h1")
        assert h1 is not None and h1.get_text(strip=True).rstrip("¶"), page
    assert soup_of(fixture_site / "countries/testland/index.html").title.get_text() == (  # type: ignore[union-attr]
        "Testland - Kyrgyz Security Atlas")


def test_relative_links_inside_articles_resolve(fixture_site: Path) -> None:
    broken: list[str] = []
    checked = 0
    for page in sorted(fixture_site.rglob("*.html")):
        for link in article(page).find_all("a", href=True) if page.name != "404.html" else []:
            href = str(link["href"])
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(fixture_site)}: {href}")
            elif parts.fragment and soup_of(target).find(id=unquote(parts.fragment)) is None:
                broken.append(f"{page.relative_to(fixture_site)}: {href} (no such anchor)")
    assert broken == []
    assert checked > 100


def test_a_country_lists_what_refers_to_it(fixture_site: Path) -> None:
    page = article(fixture_site / "countries/testland/index.html")
    backlinks = hrefs(section(page, "referred-to-by"))
    assert "../../treaties/test-friendship-1992/" in backlinks
    assert "../../organizations/example-alliance/" in backlinks
    assert "../../events/test-summit-2000/" in backlinks
    assert "../../documents/test-doctrine/" in backlinks
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in page.select("#memberships ~ table tr")]
    assert ["Example Alliance", "1994", "June 2012", "member"] in rows


def test_an_organization_lists_members_with_years_its_treaty_and_what_refers_to_it(fixture_site: Path) -> None:
    page = article(fixture_site / "organizations/example-alliance/index.html")
    members = section(page, "members")
    table = next(t for t in members if t.name == "table")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.find_all("tr")[1:]]
    assert [r[0].removesuffix(" [1]") for r in rows] == ["Exampleland", "Testland"]
    assert [r[1:] for r in rows] == [["15 May 1992", "—", "founding"], ["1994", "June 2012", "member"]]
    assert hrefs([table])[:1] == ["../../countries/exampleland/"]
    facts = page.find("table")
    assert facts is not None
    founding = next(tr for tr in facts.find_all("tr") if "Founding treaty" in tr.get_text())
    assert hrefs([founding]) == ["../../treaties/test-friendship-1992/"]
    backlinks = hrefs(section(page, "referred-to-by"))
    assert "../../directions/test-direction/" in backlinks
    assert "../../events/test-summit-2000/" in backlinks


def edit_buttons(site: Path) -> dict[str, list[str]]:
    """The edit buttons' targets, by page, for every page that has one."""
    found = {page.relative_to(site).as_posix(): [str(a["href"]) for a in soup_of(page).select("a.md-content__button")]
             for page in sorted(site.rglob("*.html"))}
    return {page: hrefs for page, hrefs in found.items() if hrefs}


def test_every_record_page_edits_its_own_yaml_file(fixture_site: Path) -> None:
    """The site's own config (edit_uri_template, no repo_url): each record page's button opens the
    record's YAML file in the repository; no other page has one (a docs path would not exist)."""
    template = re.search(r"^edit_uri_template:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert template is not None
    pages = record_pages(VALID)
    assert len(pages) == 9  # one per record of the valid fixture (see test_cli's VALID_SUMMARY)
    # Both editions of a record edit the one YAML file that holds both languages.
    expected = {edition + page: [template.group(1).format(path=f"data/{page.removesuffix('/index.html')}.yaml")]
                for page in pages for edition in ("", "ru/")}
    assert edit_buttons(fixture_site) == expected


# --- hostile text -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid fixture data plus tests/fixtures/escaping/, with a repo_url; built once."""
    project = make_project(tmp_path_factory.mktemp("escaping"), VALID)
    shutil.copytree(FIXTURES / "escaping", project / "data", dirs_exist_ok=True)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # The repository's own config uses edit_uri_template; check the repo_url + edit_uri form here.
    text = "\n".join(line for line in text.splitlines() if not line.startswith("edit_uri_template:"))
    assert "\nrepo_url:" not in text and "\nedit_uri:" not in text
    config.write_text(f"{text}\nrepo_url: {REPO_URL}\nedit_uri: edit/main/docs/\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr, result.stderr
    return project / "site"


HOSTILE_PAGE = "treaties/hostile-pact-1999/index.html"
NAME = "Pact <script>alert(1)</script> <b>bold</b> {{ 7*7 }}"
LITERALS = [
    NAME,
    "Summary <script>alert(1)</script> <b>bold</b> [x](javascript:alert(1)) {{ 7*7 }} {% raw %} **bold** "
    '" onmouseover="x',
    "**bold** [x](javascript:alert(1))",
    "<b>B</b>, *x*",
    '" onmouseover="x <b>bold</b>',
    "— {{ 7*7 }} {% raw %} [x](javascript:alert(1))",
    "<script>alert(1)</script> `code` _em_",
    '“<b>bold</b> " onmouseover="x”',
    "Note <script>alert(1)</script> {{ 7*7 }} {% raw %} [x](javascript:alert(1))",
    "— <img src=x onerror=alert(1)>",
    "“<script>alert(1)</script> {{ 7*7 }} **bold**”",
    "Source <i>italic</i> {{ 7*7 }}",
    "([x](javascript:alert(1)) {% raw %})",
]


def test_hostile_text_shows_as_literal_text(hostile: Path) -> None:
    page = article(hostile / HOSTILE_PAGE)
    text = " ".join(page.get_text(" ").split())
    for literal in LITERALS:
        assert literal in text
    assert page.find("h1").get_text(strip=True).rstrip("¶") == NAME  # type: ignore[union-attr]
    assert "49" not in text
    assert not page.find_all(["b", "i", "img"])
    # The templates emphasise their own labels; nothing from the data became emphasis or code.
    assert not {t.get_text() for t in page.find_all(["strong", "em", "code"])} & {"bold", "x", "B", "code", "em"}


def test_the_title_shows_the_name_as_text(hostile: Path) -> None:
    soup = soup_of(hostile / HOSTILE_PAGE)
    assert soup.title is not None
    assert soup.title.get_text() == f"{NAME} - Kyrgyz Security Atlas"
    description = soup.select_one('meta[name="description"]')
    assert description is not None and str(description["content"]).startswith("Summary <script>")


def test_the_evidence_link_keeps_its_quotes_inside_the_url(hostile: Path) -> None:
    links = [a for a in article(hostile / HOSTILE_PAGE).find_all("a", href=True) if a.get_text() == "evidence"]
    assert [a["href"] for a in links] == ["https://example.org/a%22onmouseover=%22alert%281%29"]
    assert sorted(links[0].attrs) == ["href"]


@pytest.mark.parametrize("page", [HOSTILE_PAGE, "sources/hostile-source/index.html", "countries/testland/index.html",
                                  "treaties/index.html", "timeline/index.html", "index.html"])
def test_nothing_from_the_data_runs(hostile: Path, page: str) -> None:
    soup = soup_of(hostile / page)
    handlers = [(tag.name, name) for tag in soup.find_all(True) for name in tag.attrs if name.lower().startswith("on")]
    assert handlers == []
    for tag in soup.find_all(href=True) + soup.find_all(src=True):
        for value in (tag.get("href"), tag.get("src")):
            assert not str(value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:"))
    for script in soup.find_all("script"):
        # Only JSON data may mention the hostile text, with its "<" escaped so it cannot close the tag.
        if "alert(1)" in script.get_text():
            assert script.get("type") == "application/ld+json"
            assert "<" not in script.get_text()
    assert not article(hostile / page).find_all(["b", "i", "img"])


def test_a_record_that_refers_to_hostile_text_shows_its_label_as_text(hostile: Path) -> None:
    page = article(hostile / "countries/testland/index.html")
    links = [a for a in page.find_all("a", href=True) if a["href"] == "../../treaties/hostile-pact-1999/"]
    assert links and {a.get_text() for a in links} <= {NAME, "**bold** [x](javascript:alert(1))"}


def test_edit_links_open_the_yaml_file(hostile: Path) -> None:
    """The repo_url + edit_uri form: the same targets, reached from docs_dir."""
    pages = record_pages(VALID) + record_pages(FIXTURES / "escaping")
    assert len(pages) == 11 and HOSTILE_PAGE in pages
    assert edit_buttons(hostile) == {edition + page: [f"{REPO_URL}/edit/main/data/{page.removesuffix('/index.html')}"
                                                       ".yaml"] for page in pages for edition in ("", "ru/")}


# --- a failing build --------------------------------------------------------------------------

def expected(case: str) -> list[str]:
    return (FIXTURES / "invalid" / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def snapshot(site: Path) -> dict[str, tuple[int, str]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_failing_build_leaves_the_previous_site_untouched(fixture_site: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(fixture_site.parent, project)  # the fixture project, built
    site = project / "site"
    before = snapshot(site)
    assert "index.html" in before and len(before) > 20
    # Problems in five files: syntax, schema, reference, membership and id errors.
    cases = ("yaml-syntax-error", "unknown-source", "member-leaves-before-joining", "non-http-url", "duplicate-id")
    for case in cases:
        shutil.copytree(FIXTURES / "invalid" / case, project / "data", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("expected.txt"))
    lines = sorted(line for case in cases for line in expected(case))

    result = build(project)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert f"The Atlas data has {len(lines)} problems:\n" + "\n".join(lines) in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert errors == [f"ERROR   -  The Atlas data has {len(lines)} problems:"]
    assert snapshot(site) == before
