"""The catalog over the valid fixture data: backlinks, memberships and timeline order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from atlas.catalog import Catalog
from atlas.model import PartialDate, Record
from atlas.project import load_catalog

FIXTURE_PROJECT = Path(__file__).resolve().parent / "fixtures" / "valid"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(FIXTURE_PROJECT)


def _ids(records: list[Record]) -> list[str]:
    return [r.id for r in records]


def test_backlinks_of_a_country_are_chronological(catalog: Catalog) -> None:
    testland = catalog.get("testland")
    # founded 15 May 1992, signed 10 June 1992, opened October 1993, early 2000, 2002
    assert _ids(catalog.backlinks_to(testland)) == [
        "example-alliance", "test-friendship-1992", "test-base", "test-summit-2000", "test-doctrine"]
    assert _ids(catalog.backlinks_to(testland, "treaties")) == ["test-friendship-1992"]
    assert _ids(catalog.backlinks_to(testland, "organizations")) == ["example-alliance"]
    assert catalog.backlinks_to(testland, "sources") == []


def test_undated_backlinks_come_last(catalog: Catalog) -> None:
    assert _ids(catalog.backlinks_to(catalog.get("exampleland"))) == [
        "example-alliance", "test-friendship-1992", "test-base", "test-direction"]


def test_backlinks_of_an_organization(catalog: Catalog) -> None:
    # The treaty refers to it through relations, the event as a participant, the direction as a channel.
    assert _ids(catalog.backlinks_to(catalog.get("example-alliance"))) == [
        "test-friendship-1992", "test-base", "test-summit-2000", "test-direction"]


def test_every_citing_record_links_back_to_its_source(catalog: Catalog) -> None:
    cited_by = set(_ids(catalog.backlinks_to(catalog.get("test-source"))))
    assert cited_by == {r.id for r in catalog.records if r.collection != "sources"}


def test_memberships(catalog: Catalog) -> None:
    founding, later = catalog.memberships()
    assert (founding.organization, founding.member, founding.role) == ("example-alliance", "exampleland", "founding")
    assert (founding.joined, founding.left) == (PartialDate(1992, 5, 15), None)
    assert (later.member, later.joined, later.left) == ("testland", PartialDate(1994), PartialDate(2012, 6))
    assert catalog.memberships_of(catalog.get("testland")) == [later]
    assert catalog.memberships_of(catalog.get("exampleland")) == [founding]


def test_timeline_is_oldest_first_with_membership_changes(catalog: Catalog) -> None:
    entries = [(str(e.date), e.kind, e.title, e.what) for e in catalog.timeline()]
    assert entries == [
        ("15 May 1992", "organization", "Example Alliance", "founded"),
        # A founding member joining on the founding day is not a separate entry.
        ("10 June 1992", "treaty", "Treaty of Friendship", "signed"),
        ("October 1993", "facility", "Test Air Base", "opened"),
        ("1994", "membership", "Testland joins Example Alliance", "joined"),
        ("early 2000", "event", "Test summit", "summit"),
        ("2002", "document", "Test doctrine", "doctrine"),
        ("June 2012", "membership", "Testland leaves Example Alliance", "left"),
    ]


def test_timeline_of_a_country_holds_what_concerns_it(catalog: Catalog) -> None:
    titles = [e.title for e in catalog.timeline_of(catalog.get("testland"))]
    assert titles == ["Treaty of Friendship", "Test Air Base", "Testland joins Example Alliance", "Test summit",
                      "Test doctrine", "Testland leaves Example Alliance"]


def test_timeline_entries_know_their_countries_and_organizations(catalog: Catalog) -> None:
    treaty = next(e for e in catalog.timeline() if e.kind == "treaty")
    assert treaty.parties == ("testland", "exampleland")
    assert treaty.organizations == ("example-alliance",)


def _record(collection: str, record_id: str, **data: Any) -> Record:
    return Record(collection, record_id, {"id": record_id, **data}, f"data/{collection}/{record_id}.yaml")


def test_entries_on_the_same_date_follow_the_kind_order_then_title() -> None:
    day = "2001-06-15"
    catalog = Catalog([
        _record("countries", "aland", name="Aland"),
        _record("documents", "doc", name="A document", kind="policy", date=day, issuer="aland"),
        _record("events", "zulu", name="Zulu meeting", kind="summit", date=day, participants=["aland"]),
        _record("events", "alpha", name="Alpha meeting", kind="summit", date=day),
        _record("events", "vague", name="Vague meeting", kind="summit", date="2001"),
        _record("events", "later", name="Later meeting", kind="summit", date="2001-06"),
        _record("treaties", "pact", name="Pact", signed=day, parties=["aland"]),
        _record("organizations", "union", name="Union", founded=day,
                members=[{"member": "aland", "joined": day, "role": "member"}]),
    ])
    assert [(e.date.iso(), e.kind, e.title) for e in catalog.timeline()] == [
        ("2001", "event", "Vague meeting"),
        ("2001-06", "event", "Later meeting"),
        (day, "organization", "Union"),
        (day, "treaty", "Pact"),
        (day, "membership", "Aland joins Union"),
        (day, "event", "Alpha meeting"),
        (day, "event", "Zulu meeting"),
        (day, "document", "A document"),
    ]


# --- founders, periods and ends (issue 17's rules) --------------------------------------

def _org(members: list[dict[str, str]], **extra: str) -> Record:
    data = {"id": "commonwealth", "name": "Commonwealth", "kind": "commonwealth", "founded": "1991-12-08",
            "members": members, **extra}
    return Record("organizations", "commonwealth", data, "data/organizations/commonwealth.yaml")


def _countries(*ids: str) -> list[Record]:
    return [Record("countries", i, {"id": i, "name": i.capitalize()}, f"data/countries/{i}.yaml") for i in ids]


def test_a_founding_entry_lists_only_the_members_that_joined_on_the_founding_date() -> None:
    org = _org([
        {"member": "belarus", "joined": "1991-12-08", "role": "founding"},
        {"member": "russia", "role": "founding"},  # no date: a founder as far as the data says
        {"member": "kyrgyzstan", "joined": "1991-12-21", "role": "founding"},  # Alma-Ata, not Belovezha
    ])
    catalog = Catalog([org, *_countries("belarus", "russia", "kyrgyzstan")])
    founding = next(e for e in catalog.timeline() if e.what == "founded")
    assert founding.parties == ("belarus", "russia")
    joins = [(str(e.date), e.title) for e in catalog.timeline() if e.kind == "membership"]
    assert joins == [("21 December 1991", "Kyrgyzstan joins Commonwealth")]


def test_periods_of_membership_suspended_restored_and_closed_by_the_end() -> None:
    org = _org([
        {"member": "kyrgyzstan", "joined": "1991-12-08", "role": "founding"},
        {"member": "uzbekistan", "joined": "1992-05-15", "left": "1999-04", "left_how": "withdrew"},
        {"member": "uzbekistan", "joined": "2006-08-16", "left": "2008-11-12", "left_how": "suspended"},
        {"member": "uzbekistan", "joined": "2010"},
    ], ended="2015-01-01")
    catalog = Catalog([org, *_countries("kyrgyzstan", "uzbekistan")])
    periods = [(str(m.joined), str(m.until), m.left_how, m.restored) for m in org.memberships()]
    assert periods == [
        ("8 December 1991", "1 January 2015", None, False),  # the organization's end closes it
        ("15 May 1992", "April 1999", "withdrew", False),
        ("16 August 2006", "12 November 2008", "suspended", False),
        ("2010", "1 January 2015", None, True),  # after a suspension: a restoration
    ]
    assert [m.ended_with for m in org.memberships()] == [PartialDate(2015, 1, 1), None, None, PartialDate(2015, 1, 1)]
    titles = [e.title for e in catalog.timeline() if e.kind == "membership"]
    assert titles == ["Uzbekistan joins Commonwealth", "Uzbekistan leaves Commonwealth",
                      "Uzbekistan joins Commonwealth", "Uzbekistan suspends its membership of Commonwealth",
                      "Uzbekistan restores its membership of Commonwealth"]
