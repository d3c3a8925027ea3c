"""The two ends of a range, without spaCy: the second after the first."""

from __future__ import annotations

from datetime import date

import pytest

from tui.pipeline.model import Granularity, TimelineEntry
from tui.pipeline.timeline.ranges import (
    RANGE_OPENERS,
    RANGE_WORDS,
    after_a_dated_start,
    in_order,
    over_the_night,
    past_midnight,
    period_holding,
    ranges_said_in_two,
)
from tui.pipeline.timeline.values import (
    Tense,
    day,
    half,
    month,
    quarter,
    shift,
    week_of,
    with_time,
    year_of,
)


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
    # An end that is no day says nothing of a week.
    assert period_holding("the week", month(2024, 8)) is None


def test_a_year_ending_a_month_holds_the_twelve_months_up_to_it() -> None:
    # "The year ending March 2025": a fiscal year, named by the year it ends in.
    fiscal = period_holding("the year", month(2025, 3))
    assert fiscal is not None and (fiscal.value, fiscal.start, fiscal.end) == (
        "2025", date(2024, 4, 1), date(2025, 3, 31),
    )  # fmt: skip


def test_a_companys_quarter_is_the_months_up_to_the_day_it_ended() -> None:
    # A company's quarter ends where its fiscal year does: "its fourth quarter ended
    # Sept. 30" ran from July to September, and keeps the number the company gives it.
    fourth = period_holding("its fourth quarter", day(date(2023, 9, 30)))
    assert fourth is not None and (fourth.value, fourth.start, fourth.end) == (
        "2023-Q4", date(2023, 7, 1), date(2023, 9, 30),
    )  # fmt: skip
    assert period_holding("the first half", day(date(2024, 6, 30))) == half(2024, 1)
    assert period_holding("the quarter", day(date(2024, 9, 30))) == quarter(2024, 3)
    aug = period_holding("the quarter", day(date(2024, 8, 31)))
    # June to August is no calendar quarter: shown as its months, and TIMEX3 names it by
    # the quarter holding two of them, July's.
    assert aug is not None and (aug.value, aug.timex_value, aug.start, aug.end) == (
        "2024-06", "2024-Q3", date(2024, 6, 1), date(2024, 8, 31),
    )  # fmt: skip
    nov = period_holding("the quarter", day(date(2024, 1, 31)))
    assert nov is not None and (nov.value, nov.timex_value, nov.start, nov.end) == (
        "2023-11", "2023-Q4", date(2023, 11, 1), date(2024, 1, 31),
    )  # fmt: skip
    # A fiscal year is named by the year it ends in, and ran the twelve months before.
    fiscal = period_holding("the fiscal year", day(date(2024, 6, 30)))
    assert fiscal is not None and (fiscal.value, fiscal.start, fiscal.end) == (
        "2024", date(2023, 7, 1), date(2024, 6, 30),
    )  # fmt: skip
    assert period_holding("the year", day(date(2023, 12, 31))) == year_of(2023)
    assert period_holding("the third year", day(date(2023, 12, 31))) is None


def test_a_fiscal_quarter_a_year_back_keeps_its_months() -> None:
    fourth = period_holding("its fourth quarter", day(date(1989, 9, 30)))
    assert fourth is not None
    back = shift(fourth, "Y", -1)
    assert back is not None and (back.value, back.start, back.end) == (
        "1988-Q4", date(1988, 7, 1), date(1988, 9, 30),
    )  # fmt: skip
    # A calendar quarter moves as before.
    assert shift(quarter(1989, 3), "Y", -1) == quarter(1988, 3)


def test_a_night_that_runs_past_midnight_ends_on_the_next_day() -> None:
    tuesday = day(date(2024, 8, 6))
    evening, small_hours = with_time(tuesday, "T20:00"), with_time(tuesday, "T04:00")
    assert past_midnight(evening, small_hours, "4 a.m.").value == "2024-08-07T04:00"
    # In order, or on two days already, or a part of the day: as it was.
    assert past_midnight(small_hours, evening, "8 p.m.") == evening
    wednesday = with_time(day(date(2024, 8, 7)), "T04:00")
    assert past_midnight(evening, wednesday, "4 a.m. Wednesday") == wednesday
    night = with_time(tuesday, "TNI")
    assert past_midnight(evening, night, "overnight") == night


def test_an_end_that_gives_no_half_of_the_day_is_first_read_in_the_afternoon() -> None:
    # "From 7 p.m. to 9:30" ended at 9:30 the next morning.
    tuesday = day(date(2024, 8, 6))
    seven_pm, half_nine = with_time(tuesday, "T19:00"), with_time(tuesday, "T09:30")
    assert past_midnight(seven_pm, half_nine, "9:30").value == "2024-08-06T21:30"
    # Said: "9:30 a.m.", or a 24-hour clock, or an afternoon still before the start.
    assert past_midnight(seven_pm, half_nine, "9:30 a.m.").value == "2024-08-07T09:30"
    assert past_midnight(seven_pm, half_nine, "09:30").value == "2024-08-07T09:30"
    two = with_time(tuesday, "T02:30")
    late = with_time(tuesday, "T23:00")
    assert past_midnight(late, two, "2:30").value == "2024-08-07T02:30"
    # The wire's 24-hour clock says it too.
    assert past_midnight(seven_pm, half_nine, "0930 GMT").value == "2024-08-07T09:30"


def test_the_twelve_oclock_hour_after_an_evening_is_past_midnight() -> None:
    tuesday = day(date(2024, 8, 6))
    ten_pm, half_twelve = with_time(tuesday, "T22:00"), with_time(tuesday, "T12:30")
    assert past_midnight(ten_pm, half_twelve, "12:30").value == "2024-08-07T00:30"
    # Said: noon the next day, as written.
    assert past_midnight(ten_pm, half_twelve, "12:30 p.m.").value == "2024-08-07T12:30"


def test_a_night_whose_day_is_told_at_its_end_crosses_midnight() -> None:
    saturday = day(date(2024, 8, 10))
    eleven_pm, two = with_time(saturday, "T23:00"), with_time(saturday, "T02:00")
    # "From 11pm to 2 a.m. on Saturday": the start is Friday's evening.
    start, end = over_the_night(eleven_pm, two, "2 a.m. on Saturday")
    assert (start.value, end.value) == ("2024-08-09T23:00", "2024-08-10T02:00")
    start, end = over_the_night(eleven_pm, two, "2 on Saturday morning")
    assert (start.value, end.value) == ("2024-08-09T23:00", "2024-08-10T02:00")
    # "From 11pm to 2:00 on Saturday": the end is the night's, after the start.
    start, end = over_the_night(eleven_pm, two, "2:00 on Saturday")
    assert (start.value, end.value) == ("2024-08-10T23:00", "2024-08-11T02:00")
    # In order already: as they were.
    assert over_the_night(two, eleven_pm, "11 p.m. on Saturday") == (two, eleven_pm)


def test_a_range_end_follows_a_start_whose_year_is_written() -> None:
    start = day(date(2019, 1, 14))
    # Alone, "Oct. 2" in a present clause on 31 Dec 2019 came out in 2020.
    assert after_a_dated_start(start, day(date(2020, 10, 2))).value == "2019-10-02"
    # "From Dec. 20, 2018, to Jan. 5": the end passes the new year.
    assert after_a_dated_start(day(date(2018, 12, 20)), day(date(2019, 1, 5))).value == (
        "2019-01-05"
    )
    assert after_a_dated_start(start, month(2017, 6)).value == "2019-06"
    # A week is no end this moves.
    assert after_a_dated_start(start, week_of(date(2020, 6, 1))).value == "2020-W23"


_KINDS = {4: Granularity.YEAR, 7: Granularity.MONTH, 10: Granularity.DAY}


def _said(text: str, words: str, value: str) -> TimelineEntry:
    """The entry of `words` in `text`, a whole year, month or day (`value`)."""
    start = text.index(words)
    last = {4: f"{value}-12-31", 7: f"{value}-28", 10: value}[len(value)]
    first = {4: f"{value}-01-01", 7: f"{value}-01", 10: value}[len(value)]
    return TimelineEntry(words, value, _KINDS[len(value)], text, 0, start, start + len(words),
                         range_start=first, range_end=last)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("He served from 1969 until 1976.", ("1969", "1969"), ("1976", "1976")),
        ("Made between 1927 and 1951.", ("between 1927", "1927"), ("1951", "1951")),
        ("From May 1964 to May 1966 he wrote.", ("May 1964", "1964-05"), ("May 1966", "1966-05")),
        ("Open from March 28 through April 3.", ("March 28", "2009-03-28"),
         ("April 3", "2009-04-03")),
        ("Sold from Jan. 14, 2019, to Oct. 2, 2019.", ("Jan. 14, 2019", "2019-01-14"),
         ("Oct. 2, 2019", "2019-10-02")),
    ],
)  # fmt: skip
def test_two_dates_joined_as_a_range_run_from_the_first_to_the_second(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    start, end = _said(text, *first), _said(text, *second)
    ran = ranges_said_in_two(text, [end, start])  # in any order
    assert ran[1].runs_to_next and ran[1].range_end == end.range_end
    assert ran[1].range_start == start.range_start and ran[0] == end


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # Two dates, no range: "and" without "between", a list, other words between.
        ("It rained in 1990 and 1995.", ("1990", "1990"), ("1995", "1995")),
        ("Rates rose from 2% in 2010 to 5% in 2015.", ("2010", "2010"), ("2015", "2015")),
        # "And" makes a range after "between" only; two dates compared are no stretch.
        ("Data came from 1990 and 1995 surveys.", ("1990", "1990"), ("1995", "1995")),
        ("The difference between October and November is small.", ("October", "2012-10"),
         ("November", "2012-11")),
        ("We compared results between 1950 and 2000.", ("between 1950", "1950"),
         ("2000", "2000")),
        # Not of one kind, or the end before the start.
        ("From May 1964 to 1966 he wrote.", ("May 1964", "1964-05"), ("1966", "1966")),
        ("From 1976 to 1969, backwards.", ("1976", "1976"), ("1969", "1969")),
    ],
)  # fmt: skip
def test_two_dates_that_make_no_range_keep_their_own(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    start, end = _said(text, *first), _said(text, *second)
    assert ranges_said_in_two(text, [start, end]) == [start, end]


def test_a_date_that_already_runs_on_is_no_end_of_a_range() -> None:
    # "since 2019 to ..." runs to the story's day already: no one year to start a run.
    text = "Prices rose since 2019 to 2024."
    since, end = _said(text, "since 2019", "2019"), _said(text, "2024", "2024")
    since.range_end = "2024-08-08"
    assert ranges_said_in_two(text, [since, end]) == [since, end]
