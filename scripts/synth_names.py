"""Vocabulary of the `kyrgyz` synthetic profile: states, topics, towns, bodies, publishers."""

from __future__ import annotations

from typing import NamedTuple


class State(NamedTuple):
    id: str
    name: str
    official: str      # the official name as a treaty's title writes it, article included
    iso: str
    adjective: str     # as in "Kyrgyz–Kazakh border agreement"
    capital: str
    russian: str = ""  # the Russian name, given as an alias for the neighbours


KYRGYZSTAN = State("kyrgyzstan", "Kyrgyzstan", "the Kyrgyz Republic", "KG", "Kyrgyz", "Bishkek", "Кыргызстан")

# The partners, most frequent first: Kyrgyzstan's neighbours and Russia lead, a long tail follows.
PARTNERS = (
    State("kazakhstan", "Kazakhstan", "the Republic of Kazakhstan", "KZ", "Kazakh", "Astana", "Казахстан"),
    State("russia", "Russia", "the Russian Federation", "RU", "Russian", "Moscow", "Россия"),
    State("china", "China", "the People's Republic of China", "CN", "Chinese", "Beijing", "Китай"),
    State("tajikistan", "Tajikistan", "the Republic of Tajikistan", "TJ", "Tajik", "Dushanbe", "Таджикистан"),
    State("uzbekistan", "Uzbekistan", "the Republic of Uzbekistan", "UZ", "Uzbek", "Tashkent", "Узбекистан"),
    State("turkey", "Turkey", "the Republic of Türkiye", "TR", "Turkish", "Ankara"),
    State("united-states", "United States", "the United States of America", "US", "American", "Washington"),
    State("belarus", "Belarus", "the Republic of Belarus", "BY", "Belarusian", "Minsk"),
    State("armenia", "Armenia", "the Republic of Armenia", "AM", "Armenian", "Yerevan"),
    State("india", "India", "the Republic of India", "IN", "Indian", "New Delhi"),
    State("turkmenistan", "Turkmenistan", "Turkmenistan", "TM", "Turkmen", "Ashgabat"),
    State("iran", "Iran", "the Islamic Republic of Iran", "IR", "Iranian", "Tehran"),
    State("pakistan", "Pakistan", "the Islamic Republic of Pakistan", "PK", "Pakistani", "Islamabad"),
    State("germany", "Germany", "the Federal Republic of Germany", "DE", "German", "Berlin"),
    State("afghanistan", "Afghanistan", "the Islamic Republic of Afghanistan", "AF", "Afghan", "Kabul"),
    State("mongolia", "Mongolia", "Mongolia", "MN", "Mongolian", "Ulaanbaatar"),
    State("azerbaijan", "Azerbaijan", "the Republic of Azerbaijan", "AZ", "Azerbaijani", "Baku"),
    State("japan", "Japan", "Japan", "JP", "Japanese", "Tokyo"),
    State("south-korea", "South Korea", "the Republic of Korea", "KR", "Korean", "Seoul"),
    State("france", "France", "the French Republic", "FR", "French", "Paris"),
    State("united-kingdom", "United Kingdom", "the United Kingdom of Great Britain and Northern Ireland", "GB",
          "British", "London"),
    State("ukraine", "Ukraine", "Ukraine", "UA", "Ukrainian", "Kyiv"),
    State("moldova", "Moldova", "the Republic of Moldova", "MD", "Moldovan", "Chișinău"),
    State("georgia", "Georgia", "Georgia", "GE", "Georgian", "Tbilisi"),
    State("united-arab-emirates", "United Arab Emirates", "the United Arab Emirates", "AE", "Emirati", "Abu Dhabi"),
    State("saudi-arabia", "Saudi Arabia", "the Kingdom of Saudi Arabia", "SA", "Saudi", "Riyadh"),
    State("italy", "Italy", "the Italian Republic", "IT", "Italian", "Rome"),
    State("poland", "Poland", "the Republic of Poland", "PL", "Polish", "Warsaw"),
    State("hungary", "Hungary", "Hungary", "HU", "Hungarian", "Budapest"),
    State("switzerland", "Switzerland", "the Swiss Confederation", "CH", "Swiss", "Bern"),
)

# Boxes well inside a country's outline (lat, lat, lon, lon), for points a map check tests.
# Kyrgyzstan spans lat 39.3–43.2, lon 69.3–80.2; the box keeps clear of its borders (at 41.0°
# N it reaches China east of 76.9° E, at 42.45° N Kazakhstan near 73.4° E).
INNER_BOXES = {
    "kyrgyzstan": (41.2, 42.3, 72.8, 77.8),
    "kazakhstan": (47.0, 50.0, 66.0, 76.0),
    "russia": (54.0, 60.0, 40.0, 60.0),
    "china": (30.0, 38.0, 100.0, 110.0),
}

TOPICS = (
    "Military Cooperation", "Military-Technical Cooperation", "Border Security",
    "Mutual Reduction of Armed Forces in the Border Area", "Confidence-Building in the Military Field",
    "Joint Military Exercises", "Training of Military Personnel", "Air Defence", "Combating Terrorism",
    "Combating Illicit Drug Trafficking", "Military Education", "Peacekeeping Operations",
    "Exchange of Military Intelligence", "Transit of Military Cargo", "Demarcation of the State Border",
    "Military Medicine", "Mutual Protection of Classified Information", "Emergency Response",
    "Export Control of Arms", "Information Security", "Military Transport Aviation",
    "Status of Military Personnel", "Logistic Support of Armed Forces", "Humanitarian Mine Clearance",
    "Military Communications", "Military Topography", "Search and Rescue", "Chemical and Biological Protection",
    "Military Archives", "Defence Industry Cooperation", "Friendship and Cooperation", "Good-Neighbourliness",
    "Allied Relations", "Eternal Friendship", "Strategic Partnership", "Cooperation of Border Troops",
    "Joint Use of Military Infrastructure", "Military Property", "Repair of Military Equipment",
    "Mountain Warfare Training", "Regional Security", "Countering Extremism",
)

# How often each kind of instrument occurs.
TREATY_KINDS = {"agreement": 50, "protocol": 20, "treaty": 15, "declaration": 8, "decision": 5, "charter": 2}

TOWNS = (
    "Kant", "Tokmok", "Kara-Balta", "Karakol", "Naryn", "Talas", "Osh", "Jalal-Abad", "Batken", "Balykchy",
    "Cholpon-Ata", "Kemin", "Kochkor", "At-Bashy", "Uzgen", "Kyzyl-Kiya", "Toktogul", "Isfana", "Sulukta",
    "Kadamjay", "Bokonbayevo", "Tamga", "Chaek", "Kazarman", "Aravan", "Nookat", "Kara-Suu", "Mailuu-Suu",
    "Tash-Kumyr", "Sokuluk", "Belovodskoye", "Ivanovka", "Kyzyl-Suu", "Koy-Tash", "Orlovka",
)

FACILITY_KINDS = {"air-base": "Air Base", "military-base": "Military Base", "test-range": "Test Range",
                  "communications-centre": "Communications Centre", "seismic-station": "Seismic Station",
                  "transit-centre": "Transit Centre", "other": "Training Centre"}

ORG_REGIONS = ("Central Asian", "Eurasian", "Shanghai", "Collective", "Caspian", "Tian Shan", "Silk Road",
               "Pamir", "Fergana", "Commonwealth", "Asian", "Northern", "Trans-Asian", "Steppe")
ORG_BODIES = {
    "Security Cooperation Organization": "security-alliance", "Economic Union": "economic-union",
    "Defence Council": "military-alliance", "Rapid Reaction Force": "collective-force",
    "Anti-Terrorist Centre": "security-body", "Border Commission": "security-body",
    "Regional Forum": "regional-forum", "Development Bank": "development-bank",
    "Partnership Programme": "partnership-programme", "Commonwealth of States": "commonwealth",
    "Peacekeeping Force": "collective-force", "Council of Defence Ministers": "security-body",
    "Conference on Interaction and Confidence": "regional-forum", "Drug Control Agency": "security-body",
}

EVENT_KINDS = {
    "summit": "Summit", "accession": "Accession", "decision": "Decision", "assistance": "Military assistance",
    "deployment": "Deployment", "clash": "Border clash", "vote": "Parliamentary vote", "incursion": "Incursion",
    "founding": "Founding", "withdrawal": "Withdrawal", "handover": "Handover", "other": "Joint exercise",
}

DIRECTIONS = (
    ("bilateral-post-soviet", "Bilateral cooperation with the states of the former Soviet Union"),
    ("cis-csto", "Cooperation within the collective security system"),
    ("nato-pfp", "Partnership with Western states and their alliance"),
    ("regional", "Regional cooperation in Central Asia"),
    ("sco-cooperation", "Cooperation within the Shanghai framework"),
    ("world-community", "Cooperation with the world community"),
)

PUBLISHERS = (("24.kg news agency", "ru"), ("AKIpress", "en"), ("Kabar", "en"), ("RIA Novosti", "ru"),
              ("TASS", "ru"), ("Reuters", "en"), ("Ministry of Foreign Affairs of the Kyrgyz Republic", "ru"),
              ("Ministry of Defence of the Kyrgyz Republic", "ru"), ("Radio Azattyk", "ky"),
              ("The Diplomat", "en"), ("Eurasianet", "en"), ("Central Asia-Caucasus Analyst", "en"),
              ("United Nations Treaty Collection", "en"), ("Legislation of the Kyrgyz Republic", "ru"))
SOURCE_KINDS = ("news", "news", "news", "official", "legal-text", "analysis", "reference")
