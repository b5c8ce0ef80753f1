"""Lighter HTML: the indentation of Material's templates goes, nothing that shows does.

A run of white space that holds a line break becomes one line break. White space means the
same to HTML with or without the indentation, so the page looks and reads the same; the
contents of <pre>, <textarea>, <script> and <style>, where it can matter, are left as they
are. About a sixth of a record page (scripts/benchmark.py measures the site's weight).
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_INDENT = re.compile(r"[ \t\r\f\v]*\n\s*")


def html(text: str) -> str:
    out: list[str] = []
    position = 0
    for kept in _KEPT.finditer(text):
        out.append(_INDENT.sub("\n", text[position:kept.start()]))
        out.append(kept.group(0))
        position = kept.end()
    out.append(_INDENT.sub("\n", text[position:]))
    return "".join(out)
