"""The source text's facts, sentence by sentence, and the page that must show each one.

Each fact names the built page (its site path, e.g. ``treaties/kg-ru-friendship-1992/``) and the
strings that must all appear in that page's visible text. The strings are names, dates and places
taken from the records in ``data/``; dates are written the way the Atlas renders them
("10 June 1992", "August 1999", "1996"). Where the fact is a statement rather than a date or a
party, the strings are the source text's own words, which the page quotes: a page title alone
proves only that the page exists. Where the research corrects the source, the page must show
the corrected value (the source's own wording is checked in the data tests).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    slug: str  # short id, used as the pytest id
    text: str  # the fact, in words
    page: str  # site path of the page that must show it
    expect: tuple[str, ...]  # strings that must all appear in that page's visible text


CENTRAL_FIVE = ("Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan")
SHANGHAI_FIVE = ("China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan")


def direction(position: int, quote: str, *more: str) -> tuple[str, ...]:
    """A direction's page quotes the source's list and its own item, and gives its place in that list."""
    return ("Military and Military-Technical Cooperation developed in several directions:", quote,
            f"Position in the source's list {position} of 6", *more)


FACTS: tuple[Fact, ...] = (
    # Title
    Fact(
        "kyrgyz-republic",
        "The text is about the military security of the Kyrgyz Republic.",
        "countries/kyrgyzstan/",
        # In quotation marks: the title also names the source in every citation of every page.
        ("“Foreign Policy Aspects of Ensuring the Military Security of the Kyrgyz Republic”",
         "Official name Kyrgyz Republic"),
    ),
    # The insufficiency of military means ...
    Fact(
        "insufficient-military-means",
        "Kyrgyzstan tries to compensate for the insufficiency of military means to ensure external security.",
        "documents/partnership-compensates-military-means/",
        ("Partnership and collective security as compensation for insufficient military means",
         "The insufficiency of military means to ensure external security is something Kyrgyzstan tries to "
         "compensate for"),
    ),
    Fact(
        "compensation-by-partnership",
        "It compensates by developing partnership relations.",
        "countries/kyrgyzstan/",
        ("Kyrgyzstan tries to compensate for by developing partnership relations", "Treaty of Friendship", "Russia"),
    ),
    Fact(
        "compensation-by-military-cooperation",
        "It compensates by military and military-technical cooperation.",
        "countries/kyrgyzstan/",
        ("Kyrgyzstan tries to compensate for by developing partnership relations, military and military-technical "
         "cooperation", "Directions of cooperation", "Bilateral cooperation with post-Soviet states"),
    ),
    Fact(
        "compensation-by-collective-security",
        "It compensates by participating in collective security systems.",
        "countries/kyrgyzstan/",
        ("and participation in collective security systems", "Collective Security Treaty Organization"),
    ),
    # The Military Doctrine of 2002 ...
    Fact(
        "military-doctrine-2002",
        "Kyrgyzstan has a Military Doctrine of 2002.",
        "documents/military-doctrine-2002/",
        ("Military Doctrine of the Kyrgyz Republic", "2002"),
    ),
    Fact(
        "doctrine-non-military-priority",
        "The doctrine gives primary importance to political-diplomatic and other non-military actions.",
        "documents/military-doctrine-2002/",
        ("Military Doctrine of the Kyrgyz Republic",
         "the Kyrgyz Republic attaches primary importance to political-diplomatic and other non-military actions"),
    ),
    # Development of Partnership Relations ...
    Fact(
        "kg-ru-friendship-1992",
        "Kyrgyzstan signed a Treaty of Friendship, Cooperation and Mutual Assistance with Russia (10 June 1992).",
        "treaties/kg-ru-friendship-1992/",
        ("Treaty of Friendship, Cooperation and Mutual Assistance", "10 June 1992", "Kyrgyzstan", "Russia"),
    ),
    Fact(
        "kg-uz-eternal-friendship-1996",
        "Kyrgyzstan signed a Treaty of Eternal Friendship with Uzbekistan (24 December 1996).",
        "treaties/kg-uz-eternal-friendship-1996/",
        ("Treaty on Eternal Friendship", "24 December 1996", "Kyrgyzstan", "Uzbekistan"),
    ),
    Fact(
        "kg-kz-eternal-friendship-1997",
        "Kyrgyzstan signed a Treaty of Eternal Friendship with Kazakhstan (8 April 1997, Almaty).",
        "treaties/kg-kz-eternal-friendship-1997/",
        ("Treaty of Eternal Friendship", "8 April 1997", "Almaty", "Kazakhstan", "Kyrgyzstan"),
    ),
    Fact(
        "kg-kz-eternal-friendship-in-force",
        "The Kazakh–Kyrgyz treaty entered into force on 22 June 1999.",
        "treaties/kg-kz-eternal-friendship-1997/",
        ("22 June 1999",),
    ),
    Fact(
        "trilateral-eternal-friendship-1997",
        "Kyrgyzstan signed a trilateral Treaty of Eternal Friendship with Kazakhstan and Uzbekistan "
        "(10 January 1997, Bishkek).",
        "treaties/kz-kg-uz-eternal-friendship-1997/",
        ("Treaty of Eternal Friendship", "10 January 1997", "Bishkek", "Kazakhstan", "Kyrgyzstan", "Uzbekistan"),
    ),
    # On December 25, 2003 ...
    Fact(
        "allied-relations-2003",
        "On 25 December 2003 the presidents of Kyrgyzstan and Kazakhstan signed a Treaty on Allied Relations.",
        "treaties/kg-kz-allied-relations-2003/",
        ("Treaty on Allied Relations", "25 December 2003", "Kazakhstan", "Kyrgyzstan"),
    ),
    Fact(
        "allied-relations-2003-place",
        "The allied-relations treaty was probably signed in Astana (inferred).",
        "treaties/kg-kz-allied-relations-2003/",
        ("Astana",),
    ),
    # Agreements reached with the People's Republic of China ...
    Fact(
        "kg-cn-border-agreement",
        "Kyrgyzstan reached an agreement with China on the border (1996).",
        "treaties/kg-cn-border-agreement-1996/",
        ("Kyrgyz–Chinese State Border", "1996", "China", "Kyrgyzstan"),
    ),
    Fact(
        "kg-cn-border-supplementary",
        "A supplementary border agreement with China followed in 1999.",
        "treaties/kg-cn-border-supplementary-1999/",
        ("Supplementary Agreement", "1999", "China", "Kyrgyzstan"),
    ),
    Fact(
        "border-confidence-building-1996",
        "An agreement on strengthening trust in the military sphere in the border area was reached in 1996 "
        "(26 April 1996, Shanghai, five parties).",
        "treaties/border-confidence-building-1996/",
        ("Confidence-Building in the Military Field in the Border Area", "26 April 1996", "Shanghai", *SHANGHAI_FIVE),
    ),
    Fact(
        "border-forces-reduction-1997",
        "An agreement on mutual reduction of armed forces in the border area was reached in 1997 "
        "(24 April 1997, Moscow, five parties).",
        "treaties/border-armed-forces-reduction-1997/",
        ("Mutual Reduction of Armed Forces in the Border Area", "24 April 1997", "Moscow", *SHANGHAI_FIVE),
    ),
    Fact(
        "shanghai-five",
        "The 1996 agreement founded the Shanghai Five.",
        "organizations/shanghai-five/",
        ("Shanghai Five", "26 April 1996", *SHANGHAI_FIVE),
    ),
    Fact(
        "border-consolidation",
        "The agreements consolidated existing borders and reduced troops and weapons in the border zone.",
        "treaties/border-armed-forces-reduction-1997/",
        ("allowed for the consolidation of existing borders and the reduction of troops and weapons in the "
         "border zone",),
    ),
    # Today's foreign policy course of China ...
    Fact(
        "china-foreign-policy-course",
        "China's course renounces territorial claims and seeks friendly relations with all neighbouring states.",
        "documents/china-foreign-policy-course/",
        ("Today's foreign policy course of China, which involves renouncing territorial claims and establishing "
         "friendly and mutually beneficial relations with all neighboring states",),
    ),
    Fact(
        "renunciation-uyghur-separatism",
        "Kyrgyzstan renounced support for Uyghur separatists (unverified).",
        "documents/renunciation-uyghur-separatism/",
        ("along with Kyrgyzstan's renunciation of support for Uyghur separatists", "not confirmed by research"),
    ),
    Fact(
        "normalization-with-china",
        "Relations with a former potential adversary, China, were normalized.",
        "documents/normalization-kg-cn-relations/",
        ("Normalization of Kyrgyz–Chinese relations",
         "has contributed to the normalization of relations with a former potential adversary"),
    ),
    # In 2002, a Treaty of Good Neighborliness ...
    Fact(
        "kg-cn-good-neighbourliness-2002",
        "Kyrgyzstan and China signed a Treaty of Good-Neighbourliness, Friendship and Cooperation "
        "(24 June 2002, Beijing).",
        "treaties/kg-cn-good-neighbourliness-2002/",
        (
            "Treaty of Good-Neighbourliness, Friendship and Cooperation",
            "24 June 2002",
            "Beijing",
            "China",
            "Kyrgyzstan",
        ),
    ),
    # The development of partnership relations ... economic integration.
    Fact(
        "economic-integration",
        "Economic integration facilitates partnership with neighbouring states.",
        "documents/economic-integration-facilitates-partnership/",
        ("The development of partnership relations with neighboring states is facilitated by emerging processes "
         "of economic integration.",),
    ),
    # On October 10, 2000 ...
    Fact(
        "eurasec-treaty-2000",
        "On 10 October 2000 in Astana the heads of state of Belarus, Kazakhstan, Kyrgyzstan, Russia and "
        "Tajikistan signed the Treaty on the Establishment of the Eurasian Economic Community.",
        "treaties/eurasec-treaty-2000/",
        ("Treaty on the Establishment of the Eurasian Economic Community", "10 October 2000", "Astana", *CENTRAL_FIVE),
    ),
    Fact(
        "eurasec-astana-meeting",
        "The treaty was signed at a meeting in Astana.",
        "events/eurasec-founding-summit-2000/",
        ("10 October 2000", "Astana", *CENTRAL_FIVE),
    ),
    Fact(
        "eurasec-founded",
        "The Eurasian Economic Community was founded by these five states.",
        "organizations/eurasec/",
        ("Eurasian Economic Community", "EurAsEC", "10 October 2000", *CENTRAL_FIVE),
    ),
    # In 2002, Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan ...
    Fact(
        "caco-treaty-2002",
        "In 2002 Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan signed the Treaty on the Establishment of the "
        "Central Asian Cooperation Organization (28 February 2002).",
        "treaties/caco-treaty-2002/",
        (
            "Treaty on the Establishment of the Central Asian Cooperation Organization",
            "28 February 2002",
            "Kazakhstan",
            "Kyrgyzstan",
            "Tajikistan",
            "Uzbekistan",
        ),
    ),
    Fact(
        "caco-founded",
        "The Central Asian Cooperation Organization was founded on 28 February 2002.",
        "organizations/caco/",
        ("Central Asian Cooperation Organization", "CACO", "28 February 2002"),
    ),
    # In 2004, Russia joined the Treaty.
    Fact(
        "russia-accedes-caco-treaty",
        "In 2004 Russia joined the CACO treaty (protocol of 18 October 2004, Dushanbe).",
        "treaties/caco-russia-accession-2004/",
        ("18 October 2004", "Dushanbe", "Russia"),
    ),
    Fact(
        "russia-caco-member",
        "Russia became a member of CACO on 18 October 2004.",
        "organizations/caco/",
        ("Russia", "18 October 2004"),
    ),
    # On October 7, 2005 ... (corrected to 6 October 2005)
    Fact(
        "caco-eurasec-merger-decision",
        "At a summit in St Petersburg the heads of the CACO member states decided to join it with EurAsEC "
        "(6 October 2005; the source says 7 October).",
        "events/caco-eurasec-merger-decision-2005/",
        ("6 October 2005", "St Petersburg"),
    ),
    Fact(
        "caco-merges-into-eurasec",
        "CACO was to merge into the Eurasian Economic Community.",
        "organizations/caco/",
        ("Merges into Eurasian Economic Community", "decided to join it with the Eurasian Economic Community"),
    ),
    # The main argument for this unification ...
    Fact(
        "merger-rationale",
        "The main argument for the unification was minimizing bureaucratic hurdles.",
        "documents/caco-merger-rationale/",
        (
            "The main argument for this unification was the minimization of bureaucratic hurdles",
            "Central Asian Cooperation Organization",
            "Eurasian Economic Community",
        ),
    ),
    # In early 2006 ... Eurasian Development Bank ...
    Fact(
        "edb-agreement-2006",
        "In early 2006 (12 January 2006, Astana) Russia and Kazakhstan signed an agreement establishing the "
        "Eurasian Development Bank.",
        "treaties/edb-agreement-2006/",
        (
            "Agreement on the Establishment of the Eurasian Development Bank",
            "12 January 2006",
            "Astana",
            "Russia",
            "Kazakhstan",
        ),
    ),
    Fact(
        "edb-founded",
        "The Eurasian Development Bank was founded with a charter capital of $1.5 billion.",
        "organizations/eurasian-development-bank/",
        ("Eurasian Development Bank", "12 January 2006", "Almaty"),
    ),
    Fact(
        "edb-extends-to-eurasec",
        "The bank's activities were planned to extend to the Eurasian Economic Community.",
        "organizations/eurasian-development-bank/",
        ("the activities of which are planned to be extended to the Eurasian Economic Community",),
    ),
    Fact(
        "edb-kyrgyz-member",
        "Kyrgyzstan is now a member of the Eurasian Development Bank.",
        "organizations/eurasian-development-bank/",
        # The source does not say it; the research found no date of joining. The row of the members
        # table: member, joined, left ("—": still a member), role.
        ("Kyrgyzstan date not known — member",),
    ),
    # Military and Military-Technical Cooperation developed in several directions:
    Fact(
        "direction-1-bilateral-post-soviet",
        "Bilateral cooperation with post-Soviet states.",
        "directions/bilateral-post-soviet/",
        direction(1, "bilateral cooperation with post-Soviet states;",
                  "Russia", "Kazakhstan", "Uzbekistan", "Tajikistan", "Belarus"),
    ),
    Fact(
        "direction-2-cis-csto",
        "Multilateral cooperation within the CIS and the CSTO.",
        "directions/cis-csto/",
        direction(2, "multilateral cooperation within the framework of the Commonwealth of Independent States and "
                     "the Collective Security Treaty Organization;"),
    ),
    Fact(
        "direction-3-sco",
        "Multilateral cooperation based on the Shanghai Cooperation Organization.",
        "directions/sco-cooperation/",
        direction(3, "multilateral cooperation based on the Shanghai Cooperation Organization;"),
    ),
    Fact(
        "direction-4-regional",
        "Bilateral and multilateral cooperation at the regional level.",
        "directions/regional/",
        direction(4, "bilateral and multilateral cooperation at the regional level;"),
    ),
    Fact(
        "direction-5-world-community",
        "Bilateral cooperation with states of the world community.",
        "directions/world-community/",
        direction(5, "bilateral cooperation with states of the world community;"),
    ),
    Fact(
        "direction-6-nato-pfp",
        "Cooperation with NATO in the Partnership for Peace programme.",
        "directions/nato-pfp/",
        direction(6, 'cooperation with NATO in the "Partnership for Peace" program.',
                  "North Atlantic Treaty Organization", "Partnership for Peace"),
    ),
    # Organizations behind the directions (research)
    Fact(
        "cis-kyrgyz-founding-member",
        "Kyrgyzstan became a founding member of the CIS on 21 December 1991.",
        "organizations/cis/",
        ("Commonwealth of Independent States", "21 December 1991", "Kyrgyzstan"),
    ),
    Fact(
        "alma-ata-protocol",
        "Kyrgyzstan signed the Alma-Ata Protocol on 21 December 1991.",
        "treaties/cis-alma-ata-protocol-1991/",
        ("21 December 1991", "Alma-Ata", "Kyrgyzstan"),
    ),
    Fact(
        "collective-security-treaty-1992",
        "The Collective Security Treaty was signed in Tashkent on 15 May 1992.",
        "treaties/collective-security-treaty-1992/",
        ("15 May 1992", "Tashkent", "20 April 1994", "Kyrgyzstan"),
    ),
    Fact(
        "csto-charter-2002",
        "The CSTO Charter was signed in Chișinău on 7 October 2002.",
        "treaties/csto-charter-2002/",
        ("7 October 2002", "Chișinău", "18 September 2003", "Kyrgyzstan"),
    ),
    Fact(
        "csto-kyrgyz-founding-member",
        "Kyrgyzstan is a founding member of the CSTO.",
        "organizations/csto/",
        ("Collective Security Treaty Organization", "7 October 2002", "Kyrgyzstan"),
    ),
    Fact(
        "sco-founded-2001",
        "The SCO was declared in Shanghai on 15 June 2001, Kyrgyzstan a founding member.",
        "organizations/sco/",
        ("Shanghai Cooperation Organization", "15 June 2001", "Kyrgyzstan", "Uzbekistan"),
    ),
    Fact(
        "sco-founding-summit",
        "The SCO was founded at a summit in Shanghai.",
        "events/sco-founding-2001/",
        ("15 June 2001", "Shanghai"),
    ),
    Fact(
        "pfp-kyrgyz-partner",
        "Kyrgyzstan joined NATO's Partnership for Peace on 1 June 1994.",
        "organizations/partnership-for-peace/",
        ("Partnership for Peace", "1 June 1994", "Kyrgyzstan"),
    ),
    Fact(
        "uzbekistan-joins-eurasec",
        "Uzbekistan joined EurAsEC on 25 January 2006.",
        "organizations/eurasec/",
        ("Uzbekistan", "25 January 2006"),
    ),
    Fact(
        "eurasec-ended",
        "EurAsEC ceased on 1 January 2015 after a termination agreement signed in Minsk.",
        "events/eurasec-termination-2014/",
        ("10 October 2014", "Minsk", "1 January 2015"),
    ),
    # Within the framework of military and military-technical cooperation, Kyrgyzstan received ...
    Fact(
        "significant-assistance",
        "Kyrgyzstan received assistance (Russian technical aid discussed on 31 August 1999; Uzbek support).",
        "events/assistance-1999/",
        ("31 August 1999", "Kyrgyzstan", "Russia", "Uzbekistan"),
    ),
    Fact(
        "imu-invasion-1999",
        "Illegal armed formations of the Islamic Movement of Uzbekistan invaded southern Kyrgyzstan "
        "(Batken, August–October 1999).",
        "events/imu-incursion-1999/",
        ("IMU incursion into Batken (1999)", "August 1999", "October 1999", "Batken"),
    ),
    Fact(
        "imu-invasion-2000",
        "The IMU invaded southern Kyrgyzstan again from 11 August 2000.",
        "events/imu-incursion-2000/",
        ("IMU incursion into Batken (2000)", "11 August 2000", "Batken"),
    ),
)
