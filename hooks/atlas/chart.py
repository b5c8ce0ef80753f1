"""The membership chart: which states belonged to which organization, and when.

A model for the `_chart.md.j2` template, which draws it at build time as an HTML table of
bars. Positions are percentages of one shared axis of whole years; the axis runs from the
earliest founding or join year to the end of the last year the data speaks of, so an
ongoing membership reaches the right edge (the present as far as the Atlas knows).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .catalog import Catalog
from .i18n import Lang, english
from .model import Membership, PartialDate, Record

# A bar narrower than this (in % of the axis) would vanish; short memberships still show.
MIN_WIDTH = 0.6


@dataclass(frozen=True)
class Bar:
    """One membership of one state, placed on the axis."""

    member: Record
    organization: Record
    role: str
    joined: PartialDate | None  # as the data gives it
    since: PartialDate | None  # the join date, or the founding for a founding member without one
    left: PartialDate | None
    start: float  # fractional year where the bar begins
    end: float  # fractional year where it stops
    start_known: bool  # False: the join date is not in the data; the bar starts at the earliest possible point
    ongoing: bool  # no leave date and the organization still exists
    ended_with: PartialDate | None  # the organization's end, when that is what ends the membership


@dataclass(frozen=True)
class Group:
    organization: Record
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class MembershipChart:
    first_year: int
    last_year: int  # the axis ends at the end of this year
    groups: tuple[Group, ...]

    @property
    def legend(self) -> set[str]:
        """Which kinds of bar the chart draws, so the legend explains only those."""
        bars = [b for g in self.groups for b in g.bars]
        found = {"observer" if b.role in ("observer", "partner") else "member" for b in bars}
        found |= {"unknown" for b in bars if not b.start_known} | {"ongoing" for b in bars if b.ongoing}
        return found

    @property
    def span(self) -> int:
        return self.last_year + 1 - self.first_year

    def percent(self, when: float) -> float:
        return round(100 * (when - self.first_year) / self.span, 3)

    def style(self, bar: Bar) -> str:
        """CSS custom properties placing `bar` on the axis (read by chart.css)."""
        left = self.percent(bar.start)
        width = max(self.percent(bar.end) - left, MIN_WIDTH)
        return f"--atlas-from:{left:g}%;--atlas-width:{min(width, 100 - left):g}%"

    @property
    def step(self) -> int:
        """Years between labelled ticks: at most eight labels, so they fit a phone."""
        return next((s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500) if self.span / s <= 8), 1000)

    def tick_years(self) -> list[int]:
        first = -(-self.first_year // self.step) * self.step
        return list(range(first, self.last_year + 1, self.step))

    def ticks(self) -> list[tuple[int, str]]:
        """Years to label on the axis, with their position as CSS; a label near either end of
        the axis is aligned to it instead of centred, so it cannot stick out of the page."""
        out = []
        for year in self.tick_years():
            at = self.percent(year)
            shift = "0%" if at < 6 else "-100%" if at > 94 else "-50%"
            out.append((year, f"--atlas-at:{at:g}%;--atlas-shift:{shift}"))
        return out

    def grid(self) -> str:
        """CSS custom properties for the vertical lines at each tick, drawn behind the bars."""
        ticks = self.tick_years()
        if not ticks:
            return ""
        rest = self.last_year + 1 - ticks[0]
        return f"--atlas-grid-from:{self.percent(ticks[0]):g}%;--atlas-grid-period:{100 * self.step / rest:.3f}%"


def describe(bar: Bar, lang: Lang = english) -> str:
    """The bar in words, for screen readers and tooltips, in the edition's language."""
    t = lang.t
    role = t({"founding": "founding member", "member": "member"}.get(bar.role, bar.role))
    if bar.joined:
        since = t("joined {date}", date=lang.date(bar.joined))
    elif bar.since:
        since = t("a member from the founding, {date}", date=lang.date(bar.since))
    else:
        since = t("join date not known")
    if bar.left:
        until = t("left {date}", date=lang.date(bar.left))
    elif bar.ended_with:
        until = t("until the organization ceased to exist ({date})", date=lang.date(bar.ended_with))
    elif bar.role in ("observer", "partner"):
        until = t("still an observer") if bar.role == "observer" else t("still a partner")
    else:
        until = t("still a member")
    return f"{bar.member.name}, {role}: {since}, {until}"


def membership_chart(catalog: Catalog, organizations: list[Record]) -> MembershipChart | None:
    """The chart of the members of `organizations`, or None when none has members."""
    groups = [g for g in (_group(catalog, org) for org in organizations) if g.bars]
    if not groups:
        return None
    last = _last_data_year(catalog)
    bars = [b for g in groups for b in g.bars]
    first = min(int(b.start) for b in bars)
    # Shared axis: place again now that the last year is known (ongoing bars end there).
    placed = tuple(
        Group(g.organization, tuple(_extend(b, last) for b in g.bars)) for g in groups
    )
    return MembershipChart(first, max(last, max(int(b.end) for b in bars)), placed)


def _group(catalog: Catalog, org: Record) -> Group:
    founded, ended = org.date("founded"), org.date("ended")
    bars = [_bar(catalog, org, m, founded, ended) for m in org.memberships()]
    bars.sort(key=lambda b: (b.start, not b.start_known, b.member.name.casefold()))
    return Group(org, tuple(bars))


def _bar(catalog: Catalog, org: Record, m: Membership, founded: PartialDate | None,
         ended: PartialDate | None) -> Bar:
    since = m.joined or (founded if m.role == "founding" else None)
    if since is not None:
        start = _year_fraction(since.start)
    elif founded is not None:
        start = _year_fraction(founded.start)
    else:
        start = float(_first_data_year(catalog, org))
    if m.left:
        end, ongoing, ended_with = _year_fraction(m.left.start), False, None
    elif ended:
        end, ongoing, ended_with = _year_fraction(ended.start), False, ended
    else:
        end, ongoing, ended_with = start, True, None  # extended to the axis end later
    return Bar(catalog.get(m.member), org, m.role or "member", m.joined, since, m.left, start, max(end, start),
               since is not None, ongoing, ended_with)


def _extend(bar: Bar, last_year: int) -> Bar:
    if not bar.ongoing:
        return bar
    return replace(bar, end=max(float(last_year + 1), bar.start))


def _year_fraction(day: date) -> float:
    year_length = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    return day.year + (day - date(day.year, 1, 1)).days / year_length


def _last_data_year(catalog: Catalog) -> int:
    entries = catalog.timeline()
    return entries[-1].date.year if entries else date.today().year


def _first_data_year(catalog: Catalog, org: Record) -> int:
    """Where a membership of unknown start begins when the organization's founding is unknown too."""
    years = [e.date.year for e in catalog.timeline_of(org)]
    return min(years) if years else _last_data_year(catalog)
