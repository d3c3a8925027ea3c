"""The two ends of a range, without spaCy: the second after the first."""

from __future__ import annotations

from datetime import date

from tui.pipeline.timeline.ranges import RANGE_OPENERS, RANGE_WORDS, in_order, period_holding
from tui.pipeline.timeline.values import Tense, day, month, week_of, year_of


def _values(first: object, second: object, tense: Tense | None) -> tuple[str, str]:
    a, b = in_order(first, second, tense)  # type: ignore[arg-type]
    return a.value, b.value


def test_told_in_the_past_the_start_goes_back_a_week() -> None:
    monday, thursday = day(date(2019, 11, 18)), day(date(2019, 11, 14))
    assert _values(monday, thursday, Tense.PAST) == ("2019-11-11", "2019-11-14")


def test_ahead_or_untold_the_end_goes_ahead_a_week() -> None:
    monday, thursday = day(date(2019, 11, 25)), day(date(2019, 11, 21))
    assert _values(monday, thursday, Tense.FUTURE) == ("2019-11-25", "2019-11-28")
    assert _values(monday, thursday, None) == ("2019-11-25", "2019-11-28")


def test_months_move_by_a_year() -> None:
    november, february = month(2019, 11), month(2019, 2)
    assert _values(november, february, Tense.PAST) == ("2018-11", "2019-02")
    assert _values(november, february, Tense.FUTURE) == ("2019-11", "2020-02")


def test_ends_already_in_order_or_of_other_kinds_stay() -> None:
    assert _values(month(2019, 3), month(2019, 6), Tense.PAST) == ("2019-03", "2019-06")
    assert _values(year_of(2017), year_of(2004), Tense.PAST) == ("2017", "2004")


def test_what_joins_and_opens_a_range() -> None:
    assert RANGE_WORDS.fullmatch(" to ") and RANGE_WORDS.fullmatch("–")
    assert not RANGE_WORDS.fullmatch(", then ")
    assert RANGE_OPENERS.search("the strike lasted from ")
    assert not RANGE_OPENERS.search("flights leave on ")


def test_a_week_or_month_named_by_the_day_it_ends_holds_that_day() -> None:
    friday = day(date(2024, 8, 2))
    assert period_holding("the week", friday) == week_of(date(2024, 8, 2))
    assert period_holding("the month", friday) == month(2024, 8)
    # A quarter keeps its own reading (a company's quarter ends where its year does), and
    # an end that is no day says nothing.
    assert period_holding("the quarter", friday) is None
    assert period_holding("the week", month(2024, 8)) is None
