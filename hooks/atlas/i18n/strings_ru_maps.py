"""The maps' words in Russian (atlas/maps), kept apart from the pages' (strings_ru.py)."""

from __future__ import annotations

MAPS_RU: dict[str, str] = {}
