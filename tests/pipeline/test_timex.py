from __future__ import annotations

from dataclasses import replace

import pytest

from tui.pipeline.model import Granularity, TimelineEntry
from tui.pipeline.timex import (
    entry_label,
    length_code,
    length_parts,
    own_rows,
    set_label,
    timex_label,
)


def test_timeline_values_read_as_dates() -> None:
    assert timex_label("2024-08-06") == "6 Aug 2024"
    # A week by its days, Monday to Sunday, not by its ISO number.
    assert timex_label("2024-W32") == "week of 5\u201311 Aug 2024"
    assert timex_label("2024-W31") == "week of 29 Jul \u2013 4 Aug 2024"
    assert timex_label("2025-W01") == "week of 30 Dec 2024 \u2013 5 Jan 2025"
    assert timex_label("2020-W53") == "week of 28 Dec 2020 \u2013 3 Jan 2021"
    assert timex_label("2022-WI") == "winter 2022–23"
    assert timex_label("2024-Q3") == "Q3 2024"
    assert timex_label("2024-07-08/2024-08-08") == "8 Jul 2024 – 8 Aug 2024"
    assert timex_label("2024-03-22T16:40:00+02:00") == "22 Mar 2024, 16:40"
    assert timex_label("2024-03-22T16:40:27") == "22 Mar 2024, 16:40:27"
    assert timex_label("2024-03-21TNI") == "21 Mar 2024, night"
    assert timex_label("PAST_REF") is None


def test_a_length_with_a_fraction_reads_as_said() -> None:
    assert timex_label("P2Y6M") == "2\u00bd years"
    assert timex_label("PT1H30M/2024-08-08") == "1\u00bd hours, until 8 Aug 2024"
    assert timex_label("P1DT12H") == "1\u00bd days"
    assert timex_label("P1Y3M") == "a year and three months"
    entry = TimelineEntry("three and a half hours", "PT210M", Granularity.TIME, "", 0, 0, 22,
                          timex_type="DURATION", timex_value="PT3H30M")  # fmt: skip
    assert entry_label(entry) == "lasting 3\u00bd hours"


def test_a_length_in_three_or_more_parts_reads_as_said() -> None:
    # A race's time: it had no words, and the pane showed the raw code.
    assert timex_label("PT2H5M12S") == "two hours, five minutes and 12 seconds"
    assert timex_label("P1Y2M3D") == "a year, two months and three days"
    assert timex_label("PT4H51M12S/2024-08-08") == (
        "four hours, 51 minutes and 12 seconds, until 8 Aug 2024"
    )


def test_a_length_of_one_unit_with_a_long_count_is_one_length() -> None:
    # Three figures were taken for three parts, and reading each part recursed for ever
    # (a real page's "for 100 years" stopped the whole timeline).
    assert timex_label("P100Y") == "100 years"
    assert timex_label("P100Y/2005-06-19") == "100 years, until 19 Jun 2005"
    assert timex_label("PT120M") == "120 minutes"
    assert timex_label("P1000Y") == "1000 years"


def test_an_hour_on_no_named_day_says_so() -> None:
    assert timex_label("XXXX-XX-XXT07:00") == "07:00, no day named"


def test_impossible_month_gets_no_label() -> None:
    assert timex_label("2024-13-45") is None


def test_a_duration_reads_as_a_length_and_where_it_lies() -> None:
    assert timex_label("P1M/2019-11-19") == "a month, until 19 Nov 2019"
    assert timex_label("2024-08-08/P1Y") == "a year, from 8 Aug 2024"
    assert timex_label("P25Y") == "25 years"
    assert timex_label("P1DE") == "a decade"


def test_weekends_and_halves_read_as_dates() -> None:
    assert timex_label("2019-W46-WE") == "weekend of 16–17 Nov 2019"
    assert timex_label("2020-H1") == "first half of 2020"


def test_entry_label_keeps_the_hedge_of_a_length_of_time() -> None:
    entry = TimelineEntry(
        expression="for about a month", value="P1M/2019-11-19", granularity=Granularity.MONTH,
        sentence="", block=0, start=0, end=0, timex_type="DURATION", timex_value="P1M",
    )  # fmt: skip
    assert entry_label(entry) == "about a month, until 19 Nov 2019"
    # "Over the three years" is during them: no hedge ("over three years" is one).
    during = TimelineEntry(
        expression="Over the three years", value="P3Y", granularity=Granularity.YEAR,
        sentence="Over the three years from 2009 to 2012, sales rose.", block=0, start=0,
        end=20, timex_type="DURATION", timex_value="P3Y",
    )  # fmt: skip
    assert entry_label(during) == "lasting three years"


def test_entry_label_reads_a_set_as_a_recurrence() -> None:
    entry = TimelineEntry(
        expression="every Tuesday", value="XXXX-WXX-2", granularity=Granularity.DAY,
        sentence="", block=0, start=0, end=0, timex_type="SET", timex_value="XXXX-WXX-2",
    )  # fmt: skip
    assert entry_label(entry) == "every Tuesday"
    assert set_label("XXXX-07") == "every July"
    assert set_label("P2W") == "every two weeks"
    assert set_label("XXXX-04-01") == "every 1 Apr"
    assert set_label("XXXX-XX-15") == "every month on the 15th"
    assert set_label("XXXX-XX-01") == "every month on the 1st"
    assert set_label("XXXX-SU") == "every summer"


def test_entry_label_says_a_length_alone_is_a_length() -> None:
    entry = TimelineEntry(
        expression="nearly two years", value="P2Y", granularity=Granularity.YEAR,
        sentence="", block=0, start=0, end=0, timex_type="DURATION", timex_value="P2Y",
    )  # fmt: skip
    assert entry_label(entry) == "lasting nearly two years"


@pytest.mark.parametrize(
    ("expression", "value", "label"),
    [
        ("30-odd years", "P30Y", "lasting about 30 years"),
        ("25 or so years", "P25Y", "lasting about 25 years"),
        ("three-plus years", "P3Y", "lasting more than three years"),
        ("6+ hours", "PT6H", "lasting more than six hours"),
    ],
)
def test_entry_label_keeps_a_hedge_said_after_the_count(
    expression: str, value: str, label: str
) -> None:
    entry = TimelineEntry(
        expression=expression, value=value, granularity=Granularity.YEAR, sentence="",
        block=0, start=0, end=0, timex_type="DURATION", timex_value=value,
    )  # fmt: skip
    assert entry_label(entry) == label


def test_entry_label_counts_nights_as_the_article_said_them() -> None:
    entry = TimelineEntry(
        expression="for three nights", value="2024-07-08/P3D", granularity=Granularity.DAY,
        sentence="", block=0, start=0, end=0, range_start="2024-07-08",
        range_end="2024-07-10", timex_type="DURATION", timex_value="P3D",
    )  # fmt: skip
    assert entry_label(entry) == "three nights, from 8 Jul 2024"


def _period_entry(
    expression: str, value: str, granularity: Granularity, range_start: str, range_end: str
) -> TimelineEntry:
    return TimelineEntry(
        expression=expression, value=value, granularity=granularity, sentence="",
        block=0, start=0, end=0, range_start=range_start, range_end=range_end,
    )  # fmt: skip


def _year_entry(expression: str, year: str, range_end: str) -> TimelineEntry:
    return _period_entry(expression, year, Granularity.YEAR, f"{year}-01-01", range_end)


def test_entry_label_says_both_years_of_a_split_year_or_a_run_of_years() -> None:
    assert entry_label(_year_entry("2023-24", "2023", "2024-12-31")) == "2023\u201324"
    assert entry_label(_year_entry("1999-00", "1999", "2000-12-31")) == "1999\u20132000"
    assert entry_label(_year_entry("2019-2021", "2019", "2021-12-31")) == "2019\u20132021"
    # A year that runs to the story's day ("since 2019") reads as the year it starts.
    assert entry_label(_year_entry("since 2019", "2019", "2024-08-08")) == "2019"
    assert entry_label(_year_entry("2019", "2019", "2019-12-31")) == "2019"


def _month_entry(expression: str, month: str, range_end: str) -> TimelineEntry:
    return _period_entry(expression, month, Granularity.MONTH, f"{month}-01", range_end)


def test_entry_label_says_both_months_of_a_run_of_whole_months() -> None:
    assert entry_label(_month_entry("the quarter", "2024-06", "2024-08-31")) == "Jun\u2013Aug 2024"
    assert (
        entry_label(_month_entry("the November-January quarter", "2023-11", "2024-01-31"))
        == "Nov 2023\u2013Jan 2024"
    )
    # A month that runs to the story's day ("since March") reads as the month it starts.
    assert entry_label(_month_entry("since March", "2024-03", "2024-08-08")) == "Mar 2024"
    assert entry_label(_month_entry("June", "2024-06", "2024-06-30")) == "Jun 2024"


def test_entry_label_says_both_days_of_a_run_of_days() -> None:
    def day_entry(expression: str, value: str, range_end: str) -> TimelineEntry:
        return _period_entry(expression, value, Granularity.DAY, value, range_end)

    assert (
        entry_label(day_entry("August 19-25", "2006-08-19", "2006-08-25")) == "19\u201325 Aug 2006"
    )
    assert entry_label(day_entry("1 - 4 July", "2024-07-01", "2024-07-04")) == "1\u20134 Jul 2024"
    # A day that runs to the story's day ("since June 1") reads as the day it starts.
    assert entry_label(day_entry("since June 1", "2024-06-01", "2024-06-20")) == "1 Jun 2024"
    assert entry_label(day_entry("June 9", "2024-06-09", "2024-06-09")) == "9 Jun 2024"


def test_entry_label_says_both_days_of_a_range_said_as_two_dates() -> None:
    def start_of_a_range(value: str, range_end: str) -> TimelineEntry:
        entry = _period_entry("March 28", value, Granularity.DAY, value, range_end)
        entry.runs_to_next = True
        return entry

    assert entry_label(start_of_a_range("2009-03-03", "2009-03-09")) == "3\u20139 Mar 2009"
    assert entry_label(start_of_a_range("2009-03-28", "2009-04-03")) == "28 Mar\u20133 Apr 2009"
    assert (
        entry_label(start_of_a_range("2008-12-30", "2009-01-02")) == "30 Dec 2008\u20132 Jan 2009"
    )


def test_entry_label_says_the_months_of_a_companys_own_quarter() -> None:
    fiscal = _period_entry(
        "the fourth quarter", "2024-Q4", Granularity.SEASON, "2024-06-01", "2024-08-31"
    )
    assert entry_label(fiscal) == "fiscal Q4 2024 (Jun\u2013Aug)"
    calendar_q = replace(fiscal, range_start="2024-10-01", range_end="2024-12-31")
    assert entry_label(calendar_q) == "Q4 2024"


def test_entry_label_says_the_months_of_a_fiscal_year() -> None:
    fiscal = _period_entry(
        "the year ended Sept. 30", "1989", Granularity.YEAR, "1988-10-01", "1989-09-30"
    )
    assert entry_label(fiscal) == "fiscal 1989 (Oct\u2013Sep)"


def test_set_label_reads_every_weekend() -> None:
    assert set_label("XXXX-WXX-WE") == "every weekend"


def test_set_label_reads_a_weekly_clock_time() -> None:
    assert set_label("XXXX-WXX-1T19:00") == "every Monday, 19:00"


def test_entry_label_reads_part_of_a_calendar_year_as_that_year() -> None:
    # "The end of the year" is narrowed to its last months, which makes no fiscal year.
    end_of_year = _period_entry(
        "the end of the year", "2012", Granularity.YEAR, "2012-09-01", "2012-12-31"
    )
    assert entry_label(end_of_year) == "2012"
    end_of_q1 = _period_entry(
        "the end of the first quarter", "2012-Q1", Granularity.SEASON, "2012-03-01", "2012-03-31"
    )
    assert entry_label(end_of_q1) == "Q1 2012"


def test_the_midnight_ending_a_day_reads_as_the_next_days_first_moment() -> None:
    # "5 Nov 2024, 24:00" read as no time a clock shows.
    assert timex_label("2024-11-05T24:00") == "6 Nov 2024, 00:00"
    assert timex_label("2024-12-31T24:00") == "1 Jan 2025, 00:00"
    assert timex_label("2024-11-05T23:30") == "5 Nov 2024, 23:30"


def test_decades_and_centuries_read_as_words() -> None:
    assert timex_label("199") == "1990s"
    assert timex_label("201") == "2010s"
    assert timex_label("19") == "20th century"
    assert timex_label("20") == "21st century"
    assert timex_label("10") == "11th century"
    assert timex_label("0") is None


def _at(block: int, start: int, end: int, value: str = "2024-08-06") -> TimelineEntry:
    # Each in a sentence of its own: these pin down places, not repeated sentences.
    return TimelineEntry("x", value, Granularity.DAY, f"s{block}.{start}", block, start, end)


def test_an_entry_inside_another_of_its_paragraph_has_no_row_of_its_own() -> None:
    # "3 p.m. EDT (1900 GMT) on Tuesday" holds "1900 GMT": one moment, not two events.
    outer = _at(0, 10, 42, "2024-08-06T15:00")
    inner = _at(0, 21, 29, "2024-08-06T19:00")
    assert own_rows([inner, outer]) == [outer]


def test_entries_that_only_touch_or_overlap_or_lie_apart_keep_their_rows_in_order() -> None:
    entries = [
        _at(0, 30, 40),
        _at(0, 0, 10),
        _at(0, 5, 15),  # overlaps the one before, inside neither
        _at(0, 10, 20),  # touches
        _at(1, 12, 14),  # another paragraph, under the same offsets
    ]
    assert own_rows(entries) == entries


def test_of_two_entries_on_the_same_words_the_first_stays() -> None:
    first, second = _at(2, 4, 9, "2024-08-06"), _at(2, 4, 9, "2024-08-07")
    assert own_rows([first, second]) == [first]


def test_the_end_of_a_range_said_as_two_dates_is_read_in_the_row_of_its_start() -> None:
    # "from 1969 until 1976": one stretch of time, not two events.
    start, end = _dated(0, 5, 9, "1969"), _dated(0, 16, 20, "1976")
    start.range_end, start.runs_to_next = end.range_end, True
    later = _dated(0, 40, 44, "1976")  # the same year named again, later in the paragraph
    assert own_rows([start, end, later]) == [start, later]
    # Without the range, or in another paragraph, each keeps its row.
    assert own_rows([_dated(0, 5, 9, "1969"), end]) == [_dated(0, 5, 9, "1969"), end]
    elsewhere = _dated(1, 16, 20, "1976")
    assert own_rows([start, elsewhere]) == [start, elsewhere]


def test_entries_of_two_articles_on_the_same_offsets_keep_both_rows() -> None:
    pairs = [(0, _at(0, 0, 30)), (1, _at(0, 5, 9)), (0, _at(0, 5, 9))]
    kept = own_rows(pairs, lambda p: p[1], lambda p: p[0])
    assert kept == pairs[:2]


def _length(expression: str, sentence: str) -> TimelineEntry:
    return TimelineEntry(expression, "P1D", Granularity.DAY, sentence, 0, 0, len(expression),
                         timex_type="DURATION", timex_value="P1D")  # fmt: skip


def test_a_length_counted_from_an_event_says_so_not_lasting() -> None:
    # "Lasting a day" told the reader the blackout's restoration took a day.
    after = _length("a day", "Power was restored on March 7, a day after the blackout.")
    assert entry_label(after) == "a day after"
    before = _length("A day", "A day before the vote, the talks broke down.")
    assert entry_label(before) == "a day before"
    ahead = _length("a day", "More easing a day ahead of the election is unlikely.")
    assert entry_label(ahead) == "a day ahead"


def test_a_length_before_an_event_it_fills_is_still_lasting() -> None:
    assert entry_label(_length("a day", "Talks went on for a day before a deal.")) == (
        "lasting a day"
    )
    assert entry_label(_length("a day", "He spent a day aboard.")) == "lasting a day"
    took = _length("another day", "It will take another day before the line is ready.")
    assert entry_label(took) == "lasting a day"


def _dated(
    block: int, start: int, end: int, value: str, assumed: bool = False, sentence: str = "s"
) -> TimelineEntry:
    return TimelineEntry("x", value, Granularity.YEAR, sentence, block, start, end,
                         range_start=f"{value}-01-01", range_end=f"{value}-12-31",
                         anchor_assumed=assumed)  # fmt: skip


def test_a_count_of_time_beside_the_date_it_comes_to_is_one_row() -> None:
    # "16 years later in 1754": the count, dated from an assumed anchor, and the year it
    # names were two rows, "1754 (date assumed)" and "1754", for one event.
    later = _dated(0, 4, 23, "1754", assumed=True)
    year = _dated(0, 27, 31, "1754")
    assert own_rows([later, year]) == [year]
    # Neither assumed: the first stays.
    first, second = _dated(0, 4, 23, "1754"), _dated(0, 27, 31, "1754")
    assert own_rows([first, second]) == [first]


def test_the_same_time_apart_or_two_times_side_by_side_keep_their_rows() -> None:
    apart = [_dated(0, 0, 4, "1754", sentence="a"), _dated(0, 40, 44, "1754", sentence="b")]
    assert own_rows(apart) == apart
    side_by_side = [_dated(0, 0, 4, "1754"), _dated(0, 8, 12, "1755")]
    assert own_rows(side_by_side) == side_by_side
    other_paragraph = [_dated(0, 0, 4, "1754"), _dated(1, 6, 10, "1755")]
    assert own_rows(other_paragraph) == other_paragraph


def test_a_row_that_reads_as_one_before_it_is_shown_once() -> None:
    # A page's label said 81 times ("Election 2012:"), a pull quote repeating a paragraph:
    # each was a row of its own, the same words and the same when.
    label = [_dated(k, 0, 4, "2012", sentence="Election 2012:") for k in range(81)]
    assert own_rows(label) == label[:1]
    quote = "The 1754 treaty held."
    said = [_dated(2, 4, 8, "1754", sentence=quote), _dated(9, 4, 8, "1754", sentence=quote)]
    assert own_rows(said) == said[:1]


def test_the_same_sentence_at_another_time_or_from_another_source_keeps_its_row() -> None:
    weekly = [_dated(0, 0, 4, "1754", sentence="Market day"),
              _dated(3, 0, 4, "1755", sentence="Market day")]  # fmt: skip
    assert own_rows(weekly) == weekly
    assumed = [_dated(0, 0, 4, "1754", sentence="s"), _dated(3, 0, 4, "1754", True, "s")]
    assert own_rows(assumed) == assumed
    pairs = [(0, _dated(0, 0, 4, "2012", sentence="Election 2012:")),
             (1, _dated(0, 0, 4, "2012", sentence="Election 2012:"))]  # fmt: skip
    assert own_rows(pairs, lambda p: p[1], lambda p: p[0]) == pairs


def test_a_length_read_into_parts_is_written_back_the_same() -> None:
    for code in ("PT4H51M", "PT2H5M12S", "P1Y2M3D", "P2W", "P1DT6H"):
        assert length_code(length_parts(code)) == code
    assert length_parts("P1DT6H") == [("D", 1), ("TH", 6)]
