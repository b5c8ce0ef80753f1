"""PartialDate: dates known to a year, a month or a day, possibly qualified."""

from __future__ import annotations

from datetime import date

import pytest

from atlas.model import DATE_FORMAT_HINT, DateError, PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1996", PartialDate(1996)),
        (1996, PartialDate(1996)),
        (" 1996 ", PartialDate(1996)),
        ("2005-10", PartialDate(2005, 10)),
        ("2003-12-25", PartialDate(2003, 12, 25)),
        ("early 2006", PartialDate(2006, qualifier="early")),
        ("about 1999-03", PartialDate(1999, 3, qualifier="about")),
        ("2000-02-29", PartialDate(2000, 2, 29)),
        ("2004-02-29", PartialDate(2004, 2, 29)),
    ],
)
def test_parse(text: object, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "shown", "precision", "iso"),
    [
        ("1996", "1996", "year", "1996"),
        ("2005-10", "October 2005", "month", "2005-10"),
        ("2003-12-25", "25 December 2003", "day", "2003-12-25"),
        ("2003-01-05", "5 January 2003", "day", "2003-01-05"),
        ("early 2006", "early 2006", "year", "2006"),
        ("late 2001-03", "late March 2001", "month", "2001-03"),
        ("before 1991", "before 1991", "year", "1991"),
    ],
)
def test_display_at_the_precision_written(text: str, shown: str, precision: str, iso: str) -> None:
    when = PartialDate.parse(text)
    assert str(when) == shown
    assert when.precision == precision
    assert when.iso() == iso


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1996", date(1996, 1, 1), date(1996, 12, 31)),
        ("2004-02", date(2004, 2, 1), date(2004, 2, 29)),
        ("2003-02", date(2003, 2, 1), date(2003, 2, 28)),
        ("2005-10", date(2005, 10, 1), date(2005, 10, 31)),
        ("2003-12-25", date(2003, 12, 25), date(2003, 12, 25)),
        ("early 2006", date(2006, 1, 1), date(2006, 12, 31)),
    ],
)
def test_start_and_end_span_the_precision(text: str, start: date, end: date) -> None:
    when = PartialDate.parse(text)
    assert (when.start, when.end) == (start, end)


def _sorted(*texts: str) -> list[str]:
    return [str(d) for d in sorted((PartialDate.parse(t) for t in texts), key=PartialDate.sort_key)]


def test_the_year_decides_first_whatever_the_qualifier() -> None:
    assert _sorted("2001-01-01", "1999-12-31", "before 2000", "after 1999") == [
        "after 1999", "31 December 1999", "before 2000", "1 January 2001"]


def test_within_a_year_the_year_only_date_comes_before_dated_entries() -> None:
    assert _sorted("2005-03-01", "2005-01", "2005", "late 2005") == [
        "2005", "late 2005", "January 2005", "1 March 2005"]


def test_within_a_month_the_month_only_date_comes_before_days() -> None:
    assert _sorted("2005-10-02", "2005-10", "2005-09-30", "2005-10-01") == [
        "30 September 2005", "October 2005", "1 October 2005", "2 October 2005"]


def test_qualifiers_order_within_the_same_year() -> None:
    assert _sorted("after 2006", "late 2006", "mid 2006", "2006", "early 2006", "before 2006") == [
        "before 2006", "early 2006", "2006", "mid 2006", "late 2006", "after 2006"]
    assert PartialDate.parse("about 2006").sort_key() == PartialDate.parse("2006").sort_key()


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("2003-02-30", "impossible date '2003-02-30': February 2003 has 28 days", "check the day and the month"),
        ("1900-02-29", "impossible date '1900-02-29': February 1900 has 28 days", "check the day and the month"),
        ("2003-04-31", "impossible date '2003-04-31': April 2003 has 30 days", "check the day and the month"),
        ("2003-01-00", "impossible date '2003-01-00': January 2003 has 31 days", "check the day and the month"),
        ("2003-13", "impossible date '2003-13': there is no month 13", "months run from 01 to 12"),
        ("2003-00-10", "impossible date '2003-00-10': there is no month 00", "months run from 01 to 12"),
        ("0000", "impossible date '0000': there is no year 0", "write the year in four digits"),
        ("96", "'96' is not a date", DATE_FORMAT_HINT),
        ("10.06.1992", "'10.06.1992' is not a date", DATE_FORMAT_HINT),
        ("1992-6-1", "'1992-6-1' is not a date", DATE_FORMAT_HINT),
        ("October 1996", "'October 1996' is not a date", DATE_FORMAT_HINT),
        ("Early 2006", "'Early 2006' is not a date", DATE_FORMAT_HINT),
        ("early", "'early' is not a date", DATE_FORMAT_HINT),
        ("1992.0", "'1992.0' is not a date", DATE_FORMAT_HINT),
        ("", "'' is not a date", DATE_FORMAT_HINT),
    ],
)
def test_invalid_dates(text: str, message: str, hint: str) -> None:
    with pytest.raises(DateError) as caught:
        PartialDate.parse(text)
    assert str(caught.value) == message
    assert caught.value.hint == hint
