"""The records as an edition in another language shows them.

Every text field F may have its version in Russian, F_ru (the schemas declare one beside each
text field; `place_in_ru` is the place as it follows «в»). The Russian edition renders records
whose F holds F_ru; where the data has no F_ru yet, F keeps the English text as an
`Untranslated` string, which the pages show marked as English (lang="en") and untranslated.
Quotes, titles of sources and names as written in another language are not translated (a
source's title is marked with its language by `Record.name`, in every edition).
The records keep their ids; their pages live under the edition's folder (Record.edition).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import Record
from ..text import Untranslated

SUFFIX = "_ru"


Remembered = dict[int, tuple[Record, Record]]


def localized(records: list[Record], code: str, prefix: str, memo: Remembered | None = None) -> list[Record]:
    """The records for the edition in `code` (only "ru" has translations), their pages under
    `prefix`. With `memo` (the live preview's), an unchanged record gives the same localized
    object as last time, so the preview sees it as unchanged (atlas.preview.session)."""
    out = []
    for record in records:
        known = memo.get(id(record)) if memo is not None else None
        if known is None or known[0] is not record:
            known = (record, replace(record, data=_localized(record.data, f"_{code}"), edition=prefix))
            if memo is not None:
                memo[id(record)] = known
        out.append(known[1])
    if memo is not None:
        alive = {id(r) for r in records}
        for gone in [k for k in memo if k not in alive]:
            del memo[gone]
    return out


def _localized(value: Any, suffix: str, names: bool = True) -> Any:
    """`names`: False inside `aliases`, whose names are written in their own language."""
    if isinstance(value, list):
        return [_localized(item, suffix, names) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key.endswith(suffix) or key == "place_in" + suffix:
            continue
        translated = value.get(key + suffix)
        if translated is not None:
            out[key] = translated
        elif isinstance(item, str) and key in TRANSLATED and (names or key != "name"):
            out[key] = Untranslated(item)
        else:
            out[key] = _localized(item, suffix, names and key != "aliases")
    if "place_in" + suffix in value:
        out["place_in"] = value["place_in" + suffix]
    return out


# The text fields with a Russian version (tests/test_i18n.py keeps this in step with the schemas).
TRANSLATED = frozenset({"name", "short_name", "summary", "official_name", "place", "headquarters", "text", "note"})
