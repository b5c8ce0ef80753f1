"""The HTML minifier drops indentation only: what a browser shows and reads stays the same."""

from __future__ import annotations

from atlas.minify import html


def test_indentation_goes_and_line_breaks_stay() -> None:
    assert html("<ul>\n    <li>a</li>\n\n    <li>b</li>\n  </ul>\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"


def test_spaces_between_words_and_inline_elements_stay() -> None:
    text = "<p><a href=x>one</a> <b>two</b>  three\tfour</p>"
    assert html(text) == text


def test_preformatted_and_script_text_is_untouched() -> None:
    text = "<div>\n  <pre><code>@misc{x,\n    title = {y}\n}</code></pre>\n  <script>\n  var a = 1;\n</script>\n</div>"
    assert html(text) == ("<div>\n<pre><code>@misc{x,\n    title = {y}\n}</code></pre>\n"
                          "<script>\n  var a = 1;\n</script>\n</div>")


def test_a_textarea_and_a_style_keep_their_white_space() -> None:
    text = "<textarea>\n  a\n</textarea>\n  <style>\n  p { }\n</style>"
    assert html(text) == "<textarea>\n  a\n</textarea>\n<style>\n  p { }\n</style>"
