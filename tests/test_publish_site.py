"""The published site: JSON-LD, "Cite this page", redirects, downloads and sitemap in real builds.

`export_site` is tests/fixtures/export (a renamed treaty and a hostile summit); `built_site`
is the repository's own data; one extra build runs inside a git repository, for the dates.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Tag
from jsonschema import Draft202012Validator

from atlas.caveats import MARKS, caveats
from atlas.columns import LIST_SEPARATOR
from atlas.project import load_catalog
from conftest import FIXTURES, ROOT, build, make_project

SITE = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]  # type: ignore[index]
EXPORT = FIXTURES / "export"
TYPES = {"treaties": {"Legislation"}, "organizations": {"GovernmentOrganization", "Organization"},
         "countries": {"Country"}, "events": {"Event"}, "documents": {"CreativeWork"},
         "sources": {"CreativeWork"}, "directions": {"DefinedTerm"}, "facilities": {"Place"}}
LD_OPEN = '<script type="application/ld+json">'


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def jsonld(html: str) -> list[dict]:
    """Each ld+json element's content, cut where the HTML parser of a browser would end it."""
    found = []
    for start in [m.end() for m in re.finditer(re.escape(LD_OPEN), html)]:
        end = re.compile(r"</script", re.I).search(html, start)
        assert end is not None
        found.append(json.loads(html[start:end.start()]))
    return found


def sitemap(site: Path) -> dict[str, str | None]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    return {u.findtext("s:loc", namespaces=ns) or "": u.findtext("s:lastmod", namespaces=ns)
            for u in root.findall("s:url", ns)}


def last_changed(soup: BeautifulSoup) -> str:
    time = soup.select_one("p.atlas-last-changed time")
    assert isinstance(time, Tag)
    return str(time["datetime"])


@pytest.mark.parametrize("site_fixture, root", [("export_site", EXPORT), ("built_site", ROOT)])
def test_every_record_page_has_jsonld_canonical_url_and_cite_block(site_fixture: str, root: Path,
                                                                    request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    catalog = load_catalog(root)
    assert catalog.records
    for record in catalog.records:
        page = site / record.collection / record.id / "index.html"
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        url = f"{SITE}{record.collection}/{record.id}/"
        nodes = jsonld(html)
        assert len(nodes) == 1, page
        node = nodes[0]
        marked = caveats(record)
        assert node["@type"] in TYPES[record.collection], page
        assert node["@id"] == node["url"] == url
        if "name" not in marked and "title" not in marked:  # a value with a caveat is left out
            assert node["name"] == (record.data.get("title") or record.name)
        assert soup.find("link", rel="canonical")["href"] == url
        changed = last_changed(soup)
        assert node["mainEntityOfPage"]["dateModified"] == changed
        for collection, key, prop in (("treaties", "signed", "legislationDate"), ("events", "date", "startDate")):
            if record.collection == collection:
                assert node.get(prop) == (None if key in marked else str(record.data[key]).split()[-1]), page
        cite = soup.find(id="cite-this-page")
        assert cite is not None
        if record.collection != "sources":  # the cite block comes before the record's own citations
            assert cite.find_next("h2", id="citations") is not None
        bibtex = soup.select_one("pre.atlas-bibtex code")
        assert bibtex is not None
        assert f"url          = {{{url}}}," in bibtex.get_text()
        assert f"date         = {{{changed}}}," in bibtex.get_text()
        plain = cite.find_next("p", class_=None).get_text()
        assert url in plain and changed in plain


def test_hostile_text_cannot_leave_the_jsonld_script(export_site: Path) -> None:
    catalog = load_catalog(EXPORT)
    record = catalog.get("hostile-summit")
    html = (export_site / "events" / "hostile-summit" / "index.html").read_text(encoding="utf-8")
    start = html.index(LD_OPEN) + len(LD_OPEN)
    content = html[start: html.index("</script>", start)]
    assert "<" not in content and ">" not in content and "&" not in content
    node = json.loads(content)  # the first </script> is the real end: it holds the whole object
    assert node["name"] == record.data["name"]
    assert node["description"] == record.data["summary"]
    assert node["location"]["name"] == record.data["place"]
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert "alert(" not in (script.string or "") or script.get("type") == "application/ld+json"
    assert not soup.find("img", src="x")


def test_hostile_text_stays_text_in_the_cite_block(export_site: Path) -> None:
    catalog = load_catalog(EXPORT)
    soup = soup_of(export_site / "events" / "hostile-summit" / "index.html")
    code = soup.select_one("pre.atlas-bibtex code")
    assert code is not None and not code.find_all(True)  # no element inside: the entry is text
    text = code.get_text()
    assert text.startswith("@misc{atlas:hostile-summit,") and text.rstrip().endswith("}")
    assert r"\{braces\}" in text
    plain = soup.find(id="cite-this-page").find_next("p", class_=None).get_text()
    assert f"“{catalog.get('hostile-summit').name}.”" in plain


@pytest.mark.parametrize("old", ["old-security-pact", "test-pact-1995"])
def test_a_former_id_redirects_to_the_renamed_record(export_site: Path, old: str) -> None:
    page = export_site / "treaties" / old / "index.html"
    soup = soup_of(page)
    here = f"{SITE}treaties/{old}/"
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    target = urljoin(here, refresh.split("url=", 1)[1])
    assert target == f"{SITE}treaties/test-security-pact-1995/"
    assert soup.find("link", rel="canonical")["href"] == target
    new_page = export_site / urlsplit(target).path.removeprefix(urlsplit(SITE).path) / "index.html"
    assert soup_of(new_page).h1.get_text().strip().rstrip("¶") == "Security Pact"
    assert here not in sitemap(export_site)


@pytest.mark.parametrize("site_fixture, root", [("export_site", EXPORT), ("built_site", ROOT)])
def test_sitemap_lists_every_page_with_its_own_date(site_fixture: str, root: Path,
                                                    request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    urls = sitemap(site)
    records = load_catalog(root).records
    assert len(records) >= 10
    for record in records:
        url = f"{SITE}{record.collection}/{record.id}/"
        assert url in urls
        assert urls[url] == last_changed(soup_of(site / record.collection / record.id / "index.html"))
    assert f"{SITE}downloads/" in urls
    assert all(loc.endswith("/") for loc in urls)  # pages only: no downloads, no redirects
    newest = json.loads((site / "downloads" / "atlas.json").read_text(encoding="utf-8"))["last_changed"]
    assert urls[SITE] == urls[f"{SITE}timeline/"] == newest


@pytest.mark.parametrize("site_fixture, root", [("export_site", EXPORT), ("built_site", ROOT)])
def test_downloads_page_documents_the_files_it_links(site_fixture: str, root: Path,
                                                     request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    soup = soup_of(site / "downloads" / "index.html")
    linked = {a["href"] for a in soup.select("article a[href]") if not urlsplit(a["href"]).scheme
              and not a["href"].startswith("#")}
    for name in ["atlas.json", "atlas.schema.json", "datapackage.json", "memberships.csv", "citations.csv",
                 "schemas/common.schema.json", "treaties.csv", "facilities.csv"]:
        assert name in linked
    for href in linked:
        assert (site / "downloads" / href).is_file(), href
    documented = 0
    for heading in soup.select("h3[id$='-csv']"):
        name = heading["id"].removesuffix("-csv")
        table = heading.find_next("table")
        names = [row.find("td").get_text() for row in table.select("tbody tr")]
        content = (site / "downloads" / f"{name}.csv").read_text(encoding="utf-8")
        assert names == next(csv.reader(io.StringIO(content, newline=""))), name
        documented += 1
    assert documented == 10  # eight collections, memberships and citations
    section = soup.find(id="atlas-json")
    described = set()
    for node in section.find_all_next(["p", "ul", "h2"]):
        if node.name == "h2":
            break
        described |= {code.get_text() for code in node.find_all("code")}
    document = json.loads((site / "downloads" / "atlas.json").read_text(encoding="utf-8"))
    assert set(document) <= described
    assert set(document["records"][0]) <= described
    assert "CC BY 4.0" in soup.get_text() and "MIT" in soup.get_text()
    assert soup.select_one("pre.atlas-bibtex code") is not None
    marks = [row.find("td").get_text() for row in soup.find(id="caveats").find_next("table").select("tbody tr")]
    assert marks == list(MARKS)
    commands = soup.find(id="datapackage").find_next("pre").get_text()
    assert f"frictionless validate {SITE}downloads/datapackage.json" in commands
    assert "atlas.schema.json atlas.json" in soup.find(id="atlas-schema").find_next("pre").get_text()


@pytest.mark.parametrize("site_fixture", ["export_site", "built_site"])
def test_outside_tools_verify_the_published_downloads(site_fixture: str, request: pytest.FixtureRequest) -> None:
    """As a data user would: `frictionless validate` on the data package, and atlas.json against
    the schema its `$schema` names, published beside it."""
    downloads: Path = request.getfixturevalue(site_fixture) / "downloads"
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "datapackage.json"], cwd=downloads,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    document = json.loads((downloads / "atlas.json").read_text(encoding="utf-8"))
    assert document["$schema"] == f"{SITE}downloads/atlas.schema.json"
    schema = json.loads((downloads / document["$schema"].rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    assert schema["$id"] == document["$schema"]
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(schema).iter_errors(document)]
    assert errors == []
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == {
        p.name for p in downloads.iterdir() if p.suffix in (".csv", ".json") and p.name != "datapackage.json"}


def test_real_exports_match_the_data(built_site: Path) -> None:
    catalog = load_catalog(ROOT)
    document = json.loads((built_site / "downloads" / "atlas.json").read_text(encoding="utf-8"))
    assert len(catalog.records) > 10
    assert [r["id"] for r in document["records"]] == [r.id for r in catalog.records]
    for collection in {r.collection for r in catalog.records}:
        rows = list(csv.DictReader(io.StringIO(
            (built_site / "downloads" / f"{collection}.csv").read_text(encoding="utf-8"), newline="")))
        assert [r["id"] for r in rows] == [r.id for r in catalog.collection(collection)]
    # In the real data no item of a listed text field contains the separator, so every cell splits back.
    for record in catalog.records:
        for key in ("abbreviations",):
            assert not any(LIST_SEPARATOR in item for item in record.data.get(key, [])), record.file
        assert not any(LIST_SEPARATOR in a["name"] for a in record.data.get("aliases", [])), record.file


GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_dates_come_from_git_history(tmp_path: Path) -> None:
    project = make_project(tmp_path / "repo", EXPORT / "data")

    def git(*args: str, when: str = "2024-02-03T12:00:00+00:00") -> None:
        env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env=env)

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "all")
    (project / "data" / "countries" / "testland.yaml").write_text(
        (project / "data" / "countries" / "testland.yaml").read_text() + "short_name: Testland\n")
    git("commit", "-q", "-am", "edit", when="2024-03-04T12:00:00+00:00")
    (project / "data" / "countries" / "exampleland.yaml").write_text(
        (project / "data" / "countries" / "exampleland.yaml").read_text() + "short_name: Exampleland\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"

    def shown(path: str) -> str:
        p = soup_of(site / path / "index.html").select_one("p.atlas-last-changed")
        assert p is not None
        return " ".join(p.get_text().split())

    assert shown("treaties/test-friendship-1992") == "Last changed: 3 February 2024"
    assert shown("countries/testland") == "Last changed: 4 March 2024"
    assert shown("countries/exampleland").endswith("(not yet committed)")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        (site / "downloads" / "countries.csv").read_text(encoding="utf-8"), newline=""))}
    assert rows["testland"]["last_changed"] == "2024-03-04"
    assert sitemap(site)[f"{SITE}treaties/test-friendship-1992/"] == "2024-02-03"
