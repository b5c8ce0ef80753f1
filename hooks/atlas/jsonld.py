"""Schema.org JSON-LD for a record page: what the record is, for search engines and citation tools.

The node's `@id` and `url` are the page's canonical address. The record's last change
belongs to the page, not to the treaty or country it describes, so `dateModified` sits on
`mainEntityOfPage` (a WebPage), valid for every type. Dates keep the precision the
evidence gives (`1992`, `1992-06`, `1992-06-10`); schema.org has no "about" or "early",
so a qualified date gives its year or month.

A value with a caveat (`caveats.py`: an approximate date — about, before, after — or a field
an editorial note marks unverified, disputed or corrected) is left out: schema.org has no way
to say "about" or "as the source states it", and a search engine would take the value as
fact. The downloads keep such values, with their marks.

The template must still escape the result for a <script> element (Jinja's `tojson`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .catalog import Catalog
from .caveats import caveats, without_caveated
from .cite import DATA_LICENSE_URL
from .columns import page_url
from .history import LastChange
from .model import PartialDate, Record

Node = dict[str, Any]

_GOVERNMENTAL = {"security-alliance", "military-alliance", "economic-union", "commonwealth", "regional-forum"}
_LEGAL_FORCE = {
    "in-force": "https://schema.org/InForce",
    "terminated": "https://schema.org/NotInForce",
    "superseded": "https://schema.org/NotInForce",
    "signed": "https://schema.org/NotInForce",
}


def schema_type(record: Record) -> str:
    if record.collection == "organizations":
        return "GovernmentOrganization" if record.data.get("kind") in _GOVERNMENTAL else "Organization"
    return {
        "treaties": "Legislation", "countries": "Country", "events": "Event", "documents": "CreativeWork",
        "sources": "CreativeWork", "directions": "DefinedTerm", "facilities": "Place",
    }[record.collection]


def record_jsonld(record: Record, catalog: Catalog, site_url: str, change: LastChange | None = None,
                  site_name: str = "Kyrgyz Security Atlas") -> Node:
    base = site_url if not site_url or site_url.endswith("/") else f"{site_url}/"
    url = page_url(base, record)
    certain = _certain(record)
    node: Node = {"@context": "https://schema.org", "@type": schema_type(record), "@id": url, "url": url,
                  "name": certain.data.get("name") or certain.data.get("title")}
    names = _alternate_names(certain)
    if names:
        node["alternateName"] = names
    if certain.data.get("summary"):
        node["description"] = certain.data["summary"]
    node.update(_DETAILS[record.collection](certain, _referrer(catalog, base), base))
    page: Node = {"@type": "WebPage", "url": url, "license": DATA_LICENSE_URL, "inLanguage": catalog.lang.code,
                  "isPartOf": {"@type": "WebSite", "name": site_name, "url": base}}
    if change is not None:
        page["dateModified"] = change.iso()
    node["mainEntityOfPage"] = page
    return {k: v for k, v in node.items() if v not in (None, [], "")}


def _certain(record: Record) -> Record:
    """The record without the values that carry a caveat (the record itself when none does)."""
    marks = caveats(record)
    if not marks:
        return record
    data = dict(without_caveated(record.data, marks))
    if "members" in data:  # a member whose leaving date has a caveat has left all the same: not a current member
        data["members"] = [m for m, raw in zip(data["members"], record.data["members"], strict=True)
                           if "left" in m or "left" not in raw]
    return Record(record.collection, record.id, data, record.file)


def _alternate_names(record: Record) -> list[str]:
    data = record.data
    names = [data.get("short_name"), data.get("official_name"), *data.get("abbreviations", []),
             *(a["name"] for a in data.get("aliases", []))]
    return [n for n in dict.fromkeys(n for n in names if n) if n != record.name]


def _referrer(catalog: Catalog, site_url: str) -> Callable[[str], Node]:
    def ref(record_id: str) -> Node:
        target = catalog.get(record_id)
        return {"@type": schema_type(target), "@id": page_url(site_url, target), "name": target.name}
    return ref


def _date(record: Record, key: str) -> str | None:
    value = record.data.get(key)
    return PartialDate.parse(value).iso() if value is not None else None


def _place(name: object, point: Any = None) -> Node | None:
    if not name:
        return None
    node: Node = {"@type": "Place", "name": name}
    if point:
        node["geo"] = _geo(point)
    return node


def _geo(point: Any) -> Node:
    return {"@type": "GeoCoordinates", "latitude": point["lat"], "longitude": point["lon"]}


def _evidence(record: Record, ref: Callable[[str], Node]) -> list[Node]:
    return [ref(s) for s in dict.fromkeys(c["source"] for c in record.data.get("citations", []))]


def _treaty(record: Record, ref: Callable[[str], Node], base: str) -> Node:
    data = record.data
    return {
        "legislationDate": _date(record, "signed"),
        "legislationDateOfApplicability": _date(record, "in_force"),
        "expirationDate": _date(record, "ended"),
        "legislationType": data.get("kind"),
        "legislationLegalForce": _LEGAL_FORCE.get(data.get("status", "")),
        "legislationPassedBy": [ref(p) for p in data.get("parties", [])],
        "locationCreated": _place(data.get("place")),
        "about": ref(data["organization"]) if data.get("organization") else None,
        "citation": _evidence(record, ref),
    }


def _organization(record: Record, ref: Callable[[str], Node], base: str) -> Node:
    data = record.data
    return {
        "foundingDate": _date(record, "founded"),
        "dissolutionDate": _date(record, "ended"),
        "location": _place(data.get("headquarters")),
        "parentOrganization": ref(data["parent"]) if data.get("parent") else None,
        "member": [ref(m["member"]) for m in data.get("members", []) if "member" in m and "left" not in m],
    }


def _country(record: Record, ref: Callable[[str], Node], base: str) -> Node:
    iso = record.data.get("iso")
    return {"identifier": {"@type": "PropertyValue", "propertyID": "ISO 3166-1 alpha-2", "value": iso} if iso else None}


def _direction(record: Record, ref: Callable[[str], Node], base: str) -> Node:
    return {
        "termCode": str(record.data["order"]) if "order" in record.data else None,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "@id": f"{base}directions/",
                             "name": "Directions of cooperation"},
    }


def _event(record: Record, ref: Callable[[str], Node], base: str) -> Node:
    data = record.data
    return {
        "startDate": _date(record, "date"),
        "endDate": _date(record, "end"),
        "location": _place(data.get("place"), data.get("coordinates")),
        "attendee": [ref(p) for p in data.get("participants", [])],
    }


def _document(record: Record, ref: Callable[[str], Node], base: str) -> Node:
    data = record.data
    return {
        "dateCreated": _date(record, "date"),
        "creator": ref(data["issuer"]) if data.get("issuer") else None,
        "about": [ref(c) for c in data.get("concerns", [])],
        "genre": data.get("kind"),
        "citation": _evidence(record, ref),
    }


def _facility(record: Record, ref: Callable[[str], Node], base: str) -> Node:
    data = record.data
    return {
        "geo": _geo(data["coordinates"]) if data.get("coordinates") else None,
        "address": {"@type": "PostalAddress", "addressLocality": data.get("place")} if data.get("place") else None,
        "containedInPlace": ref(data["host"]) if data.get("host") else None,
        "additionalType": data.get("kind"),
        "citation": _evidence(record, ref),
    }


def _source(record: Record, ref: Callable[[str], Node], base: str) -> Node:
    data = record.data
    return {
        "name": data.get("title"),
        "publisher": {"@type": "Organization", "name": data["publisher"]} if data.get("publisher") else None,
        "inLanguage": data.get("lang"),
        "sameAs": data.get("url"),
        "genre": data.get("kind"),
    }


_DETAILS: dict[str, Callable[[Record, Callable[[str], Node], str], Node]] = {
    "treaties": _treaty, "organizations": _organization, "countries": _country, "directions": _direction,
    "events": _event, "documents": _document, "sources": _source, "facilities": _facility,
}
