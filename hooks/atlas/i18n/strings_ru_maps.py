"""The maps' words in Russian (atlas/maps), kept apart from the pages' (strings_ru.py).

Names arrive in the nominative only (a record's `name`, CLDR's country names), so the Russian
texts never put a name after a word that governs a case: "Организация: X", "X — Y: 4 договора",
"анклавы, которые окружает X". Plural forms are "one|few|many" (Lang.count).
"""

from __future__ import annotations

MAPS_RU: dict[str, str] = {
    # words.py: coordinates, text left in English
    "{degrees}° N": "{degrees}° с. ш.",
    "{degrees}° S": "{degrees}° ю. ш.",
    "{degrees}° E": "{degrees}° в. д.",
    "{degrees}° W": "{degrees}° з. д.",
    "Not yet translated": "Ещё не переведено на русский",
    # the regional map (regional.py, inset.py, places.py)
    "Kyrgyzstan and its neighbours": "Кыргызстан и соседние страны",
    "Detail: the Ferghana valley (the dashed rectangle)": "Врезка: Ферганская долина (в штриховой рамке на карте)",
    "{name} (foreign military facility)": "{name} (иностранный военный объект)",
    "{name} (event)": "{name} (событие)",
    "facility|facilities": "объект|объекта|объектов",
    "event|events": "событие|события|событий",
    "{km} km (along {lat}° N)": "{km} км (по параллели {lat}° с. ш.)",
    "a country of the Atlas (a link)": "страна Атласа (ссылка)",
    "another country": "другая страна",
    "a foreign military facility": "иностранный военный объект",
    "an event": "событие",
    "a capital": "столица",
    "a member": "член организации",
    "Boundaries: {source} · Albers equal-area projection":
        "Границы: {source} · равновеликая коническая проекция Альберса",
    "The Ferghana valley, enlarged: the borders of {countries}":
        "Ферганская долина крупным планом: границы стран — {countries}",
    ", with enclaves {enclaves}": "; {enclaves}",
    "of {owners} in {host}": "анклавы, которые окружает {host}: {owners}",
    ", and ": "; ",
    # the world map of partners (partners.py)
    "treaty|treaties": "договор|договора|договоров",
    "{number} or more {noun}": "{number} и более {noun}",
    "{name}: the Atlas's subject": "{name}: страна, которой посвящён Атлас",
    "{name}: {treaties} with {home}": "{name} — {home}: {treaties}",
    "{name}: no treaty with {home} in the Atlas": "{name} — {home}: договоров в Атласе нет",
    "The states {home} has treaties with, shaded by their number":
        "{home} и государства — партнёры по договорам: чем больше договоров, тем темнее цвет",
    "no treaty in the Atlas (the countries of the Atlas are links)": "договоров в Атласе нет (страны Атласа — ссылки)",
    "Boundaries: {source} · {projection} projection": "Границы: {source} · проекция {projection}",
    # the small maps of record pages (record_maps.py)
    "{name} (highlighted)": "{name} (страна выделена цветом)",
    "{name} (highlighted) and its neighbours": "{name} (страна выделена цветом) и соседние страны",
    ", with the foreign military facilities on its soil": "; отмечены иностранные военные объекты в этой стране",
    " (the {shown} latest of {total}; the page lists them all)":
        " (последние {shown} из {total}; все перечислены на странице)",
    "{name}: in {country} (highlighted); no exact place recorded":
        "{name}: страна — {country} (выделена цветом); точное место не указано",
    ", in {country}": "; страна — {country}",
    "Members of the {name} (shaded): {count} on the map": "{name}: государства-члены закрашены, на карте — {count}",
    "; not drawn: {names}": "; не показаны: {names}",
    # the map templates (_map_regional.md.j2, _map_partners.md.j2) and maps.js's messages
    "Where": "Карта",
    "Show on the map": "Показать на карте",
    "Foreign military facilities": "Иностранные военные объекты",
    "Events": "События",
    "The map pins the places of the latest events: {shown} of {total}.":
        "На карте отмечены места последних событий: {shown} из {total}.",
    "The map pins the places of the latest facilities: {shown} of {total}.":
        "На карте отмечены места последних объектов: {shown} из {total}.",
    "Every facility is on their index.": "Все объекты — в их указателе.",
    "Every event is on the timeline.": "Все события — в хронологии.",
    "Members of": "Члены организации:",
    "no organization": "не выбрана",
    "a member of the {organization}": "член организации: {organization}",
    "Members of the {organization} on the map (hatched): {names}.":
        "Организация: {organization}. Её члены на карте (штриховка): {names}.",
    "Not on this map: {count}.": "Вне этой карты: {count}.",
    "The map as a list": "Карта в виде списка",
    "Countries of the Atlas on the map": "Страны Атласа на карте",
    "Capitals (reference points)": "Столицы (ориентиры)",
    "Scale": "Масштаб",
    "the bar shows {km} km along the map's middle parallel.":
        "линейка соответствует {km} км вдоль средней параллели карты.",
    "The map as a table": "Карта в виде таблицы",
    "Country": "Страна",
    "Treaties with {home}": "Число договоров ({home} и эта страна)",
    "(not on the map)": "(нет на карте)",
}
