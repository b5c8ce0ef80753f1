"""Text from YAML reaches the page as text: never HTML, Markdown, template code or an attribute."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from atlas.render import environment
from atlas.text import attr, md_text

# The site's Markdown extensions (mkdocs.yml): the escaping must hold under all of them.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]

HOSTILE = [
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](y)",
    "![x](y.png)",
    "<https://example.org>",
    "{{ 7*7 }}",
    "{% raw %}",
    "{# comment #}",
    '" onmouseover="x',
    "' onmouseover='x",
    "*x*",
    "**bold**",
    "_x_ __y__",
    "`code`",
    "back\\slash \\* \\\\",
    "a | b | c",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "> not a quote",
    "!!! note",
    "{ #id .class onclick=x }",
    ":smile: ^sup^ ~~del~~ ==mark==",
    "&amp; &lt; &#60;",
    "[^1] [link][ref]",
    "Ташкент, 15 мая 1992 г. — «Договор»",
]


def _html(source: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(source, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_renders_as_the_same_text_in_a_paragraph(text: str) -> None:
    soup = _html(f"Before {md_text(text)} after")
    assert [tag.name for tag in soup.find_all(True)] == ["p"]
    assert soup.get_text() == f"Before {text} after"


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_at_the_start_of_a_line_starts_no_block(text: str) -> None:
    soup = _html(f"{md_text(text)}")
    assert [tag.name for tag in soup.find_all(True)] == ["p"]
    assert soup.get_text() == text


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_in_a_table_cell_and_an_html_block(text: str) -> None:
    soup = _html(f"| Name | Value |\n|---|---|\n| {md_text(text)} | x |\n\n"
                 f'<div class="box" markdown>\n{md_text(text)}\n</div>\n')
    cell, box = soup.select_one("td"), soup.select_one("div.box")
    assert cell is not None and box is not None
    assert cell.get_text() == text
    assert box.get_text().strip() == text
    assert not soup.find_all(["script", "b", "img", "a", "em", "strong", "code", "h1", "ul", "ol", "blockquote"])
    assert not [t for t in soup.find_all(True) for a in t.attrs if a.startswith("on")]


def test_md_text_keeps_text_on_one_line() -> None:
    text = "first\n\n# second\n- third"
    assert md_text(text) == md_text("first # second - third")
    soup = _html(md_text(text))
    assert [tag.name for tag in soup.find_all(True)] == ["p"]


def test_md_text_leaves_plain_words_alone() -> None:
    assert md_text("Collective Security Treaty Organization") == "Collective Security Treaty Organization"
    assert md_text("Ташкент") == "Ташкент"


@pytest.mark.parametrize("text", HOSTILE)
def test_attr_stays_inside_a_quoted_attribute(text: str) -> None:
    soup = BeautifulSoup(f'<div title="{attr(text)}" data-x=\'{attr(text)}\'></div>', "html.parser")
    div = soup.div
    assert div is not None
    assert sorted(div.attrs) == ["data-x", "title"]
    assert div["title"] == div["data-x"] == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_the_template_environment_escapes_every_value(text: str) -> None:
    env = environment()
    rendered = env.from_string("{{ value }}|{{ items|join(', ') }}|{{ data.name }}").render(
        value=text, items=[text, text], data={"name": text})
    assert rendered == f"{md_text(text)}|{md_text(text)}, {md_text(text)}|{md_text(text)}"
    assert "{{" not in rendered and "{%" not in rendered and "<" not in rendered


def test_template_code_in_values_is_not_evaluated() -> None:
    rendered = environment().from_string("{{ value }}").render(value="{{ 7*7 }} {% raw %}")
    soup = _html(rendered)
    assert soup.get_text() == "{{ 7*7 }} {% raw %}"
    assert "49" not in soup.get_text()
