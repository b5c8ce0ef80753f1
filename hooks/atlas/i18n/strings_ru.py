"""The interface of the Russian edition: each English text of the pages and its Russian.

Keys are the English texts as the templates and modules write them (`Lang.t`); `{name}` fields
are filled after translation. Plural forms are written "one|few|many" (see `Lang.count`).
A test walks every Russian page for English left outside quotes and text marked English.
"""

from __future__ import annotations

from .strings_ru_maps import MAPS_RU

RU: dict[str, str] = {
    **MAPS_RU,
}
