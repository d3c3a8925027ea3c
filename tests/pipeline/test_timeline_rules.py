"""Each date rule on its own, without spaCy: its pattern, and what it resolves, declines or
passes on. Every rule in the table has at least one case here, and each case is also
checked to be decided by that rule when the whole table runs (so the order of the table
cannot silently hand it to another).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tui.pipeline.timeline.dates import DATE_RULES, decide, resolve_date
from tui.pipeline.timeline.lengths import length
from tui.pipeline.timeline.rule import DECLINE, PASS, Verdict
from tui.pipeline.timeline.sets import as_every_year, every_year
from tui.pipeline.timeline.values import (
    Context,
    Resolved,
    Tense,
    day,
    half,
    quarter,
    season,
    week_of,
    with_time,
    year_of,
)
from tui.pipeline.timeline.values import month as month_

ANCHOR = date(2024, 8, 8)  # a Thursday
RULES = {r.name: r for r in DATE_RULES}

P, F, PR, PF, N = Tense.PAST, Tense.FUTURE, Tense.PRESENT, Tense.PERFECT, None
# What the article named before, for rules that point back.
AUG_1 = day(date(2024, 8, 1))
Q3_2023 = quarter(2023, 3)

# (id, rule, text, tense, last, expected value or a Verdict)
CASES: list[tuple[str, str, str, Tense | None, Resolved | None, str | Verdict]] = [
    ("yesterday-is-the-day-before-the-anchor", "relative-day", "yesterday", P, None,
     "2024-08-07"),
    ("day-after-tomorrow", "relative-day", "the day after tomorrow", F, None, "2024-08-10"),
    ("the-new-year-ahead-is-next-year", "the-new-year", "the new year", F, None, "2025"),
    ("the-new-year-told-in-the-past-is-this-year", "the-new-year", "the new year", P, None,
     "2024"),
    ("new-year-alone-is-the-holiday", "holiday", "new year", F, None, "2025-01-01"),
    ("christmas-in-the-past-is-last-years", "holiday", "christmas", P, None, "2023-12-25"),
    ("easter-ahead-is-next-years", "holiday", "easter", F, None, "2025-04-20"),
    ("holiday-with-a-year", "holiday", "thanksgiving, 2019", P, None, "2019-11-28"),
    ("the-holiday-of-a-year", "holiday", "the black friday of 1998", P, None, "1998-11-27"),
    ("a-non-holiday-passes", "holiday", "the summit", P, None, PASS),
    # The Tuesday after the first Monday of November: 2024's was the 5th, 2020's the 3rd.
    ("election-day-ahead", "holiday", "election day", F, None, "2024-11-05"),
    ("election-day-of-a-year", "holiday", "election day 2020", P, None, "2020-11-03"),
    # Easter 2025 is a Sunday (April 20), the August bank holiday a Monday (Aug. 26,
    # 2024), Christmas 2024 a Wednesday.
    ("easter-weekend-is-its-own", "holiday-week", "the easter weekend", F, None,
     "2025-W16-WE"),
    ("a-monday-holidays-weekend-is-the-one-before", "holiday-week",
     "the august bank holiday weekend", F, None, "2024-W34-WE"),
    ("christmas-week-holds-christmas", "holiday-week", "christmas week", F, None, "2024-W52"),
    ("a-week-of-no-holiday-passes", "holiday-week", "the summit week", F, None, PASS),
    ("day-of-month-ahead", "day-of-month", "the 15th", F, None, "2024-08-15"),
    ("day-of-month-behind", "day-of-month", "the 25th", P, None, "2024-07-25"),
    ("day-of-this-month", "day-of-month", "the 14th of this month", P, None, "2024-08-14"),
    ("day-of-last-month", "day-of-month", "the 5th of last month", F, None, "2024-07-05"),
    # "The first day of May" is that day; it was read as the whole month.
    ("first-day-of-a-month-ahead", "ordinal-day-of-month", "the first day of may", F, None,
     "2025-05-01"),
    ("last-day-of-a-month-behind", "ordinal-day-of-month", "the last day of july", P, None,
     "2024-07-31"),
    ("last-day-of-a-leap-february", "ordinal-day-of-month", "the last day of february 2024",
     N, None, "2024-02-29"),
    # A deed's or a proclamation's day, any day of the month, "this" or "the".
    ("this-ninth-day-of-a-month", "ordinal-day-of-month", "this 9th day of august", P, None,
     "2024-08-09"),
    ("a-day-in-words-with-its-year", "ordinal-day-of-month",
     "the fifteenth day of march, 2011", N, None, "2011-03-15"),
    ("a-day-the-month-lacks-declines", "ordinal-day-of-month", "the 31st day of february",
     N, None, DECLINE),
    # "The last day of the year" is that day; it was read as the whole year.
    ("last-day-of-the-year-is-the-storys", "first-or-last-day-of", "the last day of the year",
     N, None, "2024-12-31"),
    ("first-day-of-next-month", "first-or-last-day-of", "the first day of next month", F,
     None, "2024-09-01"),
    ("last-day-of-a-written-year", "first-or-last-day-of", "the final day of 2018", P, None,
     "2018-12-31"),
    ("last-day-of-the-year-just-named", "first-or-last-day-of", "the last day of the year", P,
     year_of(2016), "2016-12-31"),
    ("last-day-of-the-month-just-named", "first-or-last-day-of", "the last day of the month",
     P, month_(2024, 2), "2024-02-29"),
    ("nth-weekday-of-a-month-ahead", "weekday-of-month", "the second monday in october", F,
     None, "2024-10-14"),
    ("last-weekday-of-a-month-behind", "weekday-of-month", "the last friday of july", P, None,
     "2024-07-26"),
    ("nth-weekday-of-a-month-with-a-year", "weekday-of-month", "the first sunday of may 2019",
     N, None, "2019-05-05"),
    ("a-day-that-year-is-in-the-year-last-named", "month-day", "3 september that year", P,
     month_(2021, 10), "2021-09-03"),
    ("a-day-that-year-with-no-year-named-declines", "month-day", "3 september that year", P,
     None, DECLINE),
    ("nth-weekday-of-the-storys-month", "weekday-of-month", "the last saturday of the month",
     F, None, "2024-08-31"),
    ("nth-weekday-of-the-month-just-named", "weekday-of-month",
     "the first monday of the month", P, month_(2024, 3), "2024-03-04"),
    ("nth-weekday-of-next-month", "weekday-of-month", "the first monday of next month", F,
     None, "2024-09-02"),
    ("a-fifth-weekday-the-month-lacks-declines", "weekday-of-month",
     "the fifth friday of february 2023", N, None, DECLINE),
    ("second-week-of-a-month", "week-of-month", "the second week of july", P, None,
     "2024-W28"),
    ("first-week-holds-the-months-first-thursday", "week-of-month",
     "the first week of september", F, None, "2024-W36"),
    ("last-week-of-a-month-with-a-year", "week-of-month", "the last week of march 2023", N,
     None, "2023-W13"),
    ("week-of-a-month-with-a-short-year", "week-of-month", "the last week of march '98", N,
     None, "1998-W13"),
    ("week-of-a-month-with-a-spelled-year", "week-of-month",
     "the second week of july nineteen ninety-eight", N, None, "1998-W28"),
    ("end-of-december-keeps-the-month", "range-modifier", "the end of december", P, None,
     "2023-12"),
    ("early-year-keeps-the-year", "range-modifier", "early 2023", P, None, "2023"),
    ("a-modifier-on-nothing-declines", "range-modifier", "the end of the talks", P, None,
     DECLINE),
    # The words for a day's work before the day they end name no day of their own.
    ("the-end-of-the-day-wednesday-is-wednesday", "range-modifier",
     "the end of the day wednesday", F, None, "2024-08-14"),
    ("end-of-day-friday-is-friday", "range-modifier", "end of day friday", F, None,
     "2024-08-09"),
    ("the-close-of-business-on-monday-is-monday", "range-modifier",
     "the close of business on monday", P, None, "2024-08-05"),
    ("the-end-of-the-day-alone-still-declines", "range-modifier", "the end of the day", P,
     None, DECLINE),
    ("year-end-ahead-is-this-years-last-day", "year-end", "year-end", F, None, "2024-12-31"),
    ("year-end-with-no-verb-is-the-nearer-one", "year-end", "year-end", N, None, "2024-12-31"),
    ("month-end-early-in-a-month-is-the-last-ones", "period-end", "month-end", N, None,
     "2024-07"),
    ("month-end-ahead-is-this-months", "period-end", "month-end", F, None, "2024-08"),
    ("the-quarter-end-is-this-quarter", "period-end", "the quarter-end", N, None, "2024-Q3"),
    ("end-month-is-this-month", "range-modifier", "end-month", N, None, "2024-08"),
    # A part of "the year" still to come, told in the past, is last year's; one gone, told
    # ahead, the next one's. With no verb to go by, this one's.
    ("the-end-of-the-year-told-in-the-past-before-it-came", "range-modifier",
     "the end of the year", P, None, "2023"),
    ("the-end-of-the-month-told-in-the-past-before-it-came", "range-modifier",
     "the end of the month", P, None, "2024-07"),
    ("the-start-of-the-week-told-ahead-after-it-went", "range-modifier",
     "the start of the week", F, None, "2024-W33"),
    ("the-end-of-the-year-with-no-verb-is-this-years", "range-modifier",
     "the end of the year", N, None, "2024"),
    ("the-end-of-this-year-told-in-the-past-stays-this-years", "range-modifier",
     "the end of this year", P, None, "2024"),
    ("year-end-told-in-the-past-is-the-last-one-gone", "year-end", "year-end", P, None,
     "2023-12-31"),
    ("iso-day", "iso-day", "2024-07-19", N, None, "2024-07-19"),
    ("impossible-iso-day-declines", "iso-day", "2024-02-31", N, None, DECLINE),
    ("iso-month", "iso-month", "2024-07", N, None, "2024-07"),
    ("a-decade-written-short-after-the", "decade-digits", "the mid-90s", P, None, "199"),
    ("split-year-by-the-year-it-ends-in", "split-year", "2023-24", N, None, "2024"),
    ("fiscal-split-year-with-a-slash", "split-year", "fiscal 2023/24", N, None, "2024"),
    ("split-year-season", "split-year", "the 2011-12 season", N, None, "2012"),
    ("the-years-of-a-run", "split-year", "the years 2010-2014", P, None, "2010"),
    ("split-year-over-a-century", "split-year", "1999-00", N, None, "2000"),
    ("run-of-years", "split-year", "2019-2021", N, None, "2019"),
    ("a-short-run-of-years-in-one-century", "split-year", "1850-58", N, None, "1850"),
    ("two-digits-that-could-be-a-month-are-one", "split-year", "2019-11", N, None, PASS),
    ("a-long-run-of-years-is-a-number", "split-year", "1990-2024", N, None, PASS),
    ("a-run-of-early-numbers-is-pages", "split-year", "1002-1007", N, None, PASS),
    # "The period" says it is years, however long; so does a typed double dash.
    ("the-period-of-a-long-run", "split-year", "the five year period 1989-2003", P, None,
     "1989"),
    ("a-run-with-a-double-dash", "split-year", "1990--91", P, None, "1991"),
    ("numeric-day-is-us-order", "numeric-day", "7/4/24", N, None, "2024-07-04"),
    ("numeric-day-with-dashes", "numeric-day", "10-29-23", N, None, "2023-10-29"),
    ("numeric-day-swaps-when-impossible", "numeric-day", "19/7/2024", N, None, "2024-07-19"),
    ("dotted-day-is-day-first", "dotted-day", "3.8.2024", N, None, "2024-08-03"),
    ("q-quarter-alone-is-the-anchors", "q-quarter", "q2", P, None, "2024-Q2"),
    ("h-half-with-a-year", "q-quarter", "h1 2024", N, None, "2024-H1"),
    ("q-quarter-with-a-short-year", "q-quarter", "q3'98", N, None, "1998-Q3"),
    ("a-third-half-declines", "q-quarter", "h3 2024", N, None, DECLINE),
    ("final-quarter-of-a-year", "ordinal-quarter", "the final quarter of last year", P, None,
     "2023-Q4"),
    ("the-final-quarter-of-the-year-is-the-fourth", "ordinal-quarter",
     "the final quarter of the year", P, None, "2023-Q4"),
    ("the-closing-quarter-ahead-is-this-years-fourth", "ordinal-quarter",
     "the closing quarter", F, None, "2024-Q4"),
    ("the-opening-quarter-is-the-first", "ordinal-quarter", "the opening quarter", P, None,
     "2024-Q1"),
    ("last-quarter-alone-is-not-the-fourth", "ordinal-quarter", "the last quarter", P, None,
     PASS),
    ("summer-months", "season", "the summer months", P, None, "2024-SU"),
    ("a-season-of-a-year-names-its-term", "season", "the spring 2002 semester", P, None,
     "2002-SP"),
    ("this-coming-weekend-on-a-thursday-is-this-weeks", "relative-period",
     "this coming weekend", F, None, "2024-W32-WE"),
    ("first-six-months-of-the-year-is-its-first-half", "months-of-year",
     "the first six months of the year", P, None, "2024-H1"),
    ("last-three-months-of-a-year-is-its-fourth-quarter", "months-of-year",
     "the last three months of 2022", N, None, "2022-Q4"),
    ("first-nine-months-of-the-year-is-a-length-from-its-start", "months-of-year",
     "the first nine months of the year", P, None, "2024-01-01/P9M"),
    ("first-two-quarters-of-a-year-is-its-first-half", "months-of-year",
     "the first two quarters of 1990", N, None, "1990-H1"),
    ("last-four-months-of-a-year-is-a-length-to-its-end", "months-of-year",
     "the last four months of 2023", P, None, "P4M/2023-12-31"),
    ("q-quarter-not-begun-is-last-years", "q-quarter", "q4", P, None, "2023-Q4"),
    ("q-quarter-with-a-year", "q-quarter", "q3 2019", N, None, "2019-Q3"),
    ("year-then-q-quarter", "q-quarter", "2019 q1", N, None, "2019-Q1"),
    ("months-joined-by-to-make-a-quarter", "month-range-quarter", "the april-to-june period",
     P, None, "2024-Q2"),
    ("three-months-that-make-a-quarter", "month-range-quarter", "the july-september quarter",
     P, None, "2024-Q3"),
    ("a-quarter-of-months-not-begun-is-last-years", "month-range-quarter",
     "the october-december quarter", P, None, "2023-Q4"),
    ("a-companys-own-quarter-is-its-months", "month-range-quarter",
     "the november-january quarter", P, None, "2023-11"),
    ("impossible-dotted-day-declines", "dotted-day", "31.2.2024", N, None, DECLINE),
    ("month-day-past", "month-day", "aug. 6", P, None, "2024-08-06"),
    ("a-day-just-ahead-under-a-perfect", "month-day", "aug. 15", PF, None, "2024-08-15"),
    ("month-day-with-year", "month-day", "6 august 2024", N, None, "2024-08-06"),
    ("month-day-this-year", "month-day", "october 27 this year", N, None, "2024-10-27"),
    ("a-day-no-month-has-declines", "month-day", "june 31", P, None, DECLINE),
    ("month-day-in-the-present-is-a-schedule-ahead", "month-day", "june 9th", PR, None,
     "2025-06-09"),
    ("weekday-beside-a-date-picks-the-year", "month-day", "tuesday, aug. 6", N, None,
     "2024-08-06"),
    ("impossible-day-declines", "month-day", "feb. 30, 2024", P, None, DECLINE),
    ("weekday-past-is-the-last-one", "weekday", "tuesday", P, None, "2024-08-06"),
    ("weekday-future-is-the-next-one", "weekday", "friday", F, None, "2024-08-09"),
    ("weekday-of-the-anchor-is-the-anchor", "weekday", "thursday", P, None, "2024-08-08"),
    ("next-weekday", "weekday", "next tuesday", N, None, "2024-08-13"),
    ("last-weekday-is-last-weeks", "weekday", "last tuesday", N, None, "2024-07-30"),
    ("weekday-next-week", "weekday", "monday next week", N, None, "2024-08-12"),
    ("monday-week-is-a-week-after-the-coming-one", "weekday", "monday week", F, None,
     "2024-08-19"),
    ("a-week-on-monday", "week-on-weekday", "a week on monday", F, None, "2024-08-19"),
    ("a-fortnight-on-friday", "week-on-weekday", "a fortnight on friday", N, None, "2024-08-23"),
    ("a-week-on-monday-told-in-the-past-passes", "week-on-weekday", "a week on monday", P,
     None, PASS),
    ("month-with-year", "month-year", "august 1988", N, None, "1988-08"),
    # "Died last March 2004": the year is given; "last" only says it is past.
    ("last-month-with-its-year", "month-year", "last march 2004", P, None, "2004-03"),
    # A quarter named by the month it ends: a calendar quarter when the month ends one.
    ("a-quarter-to-a-month", "month-year", "the june 1999 quarter", P, None, "1999-Q2"),
    ("a-fiscal-quarter-to-a-month-is-the-month", "month-year", "the may 2010 quarter", P,
     None, "2010-05"),
    ("next-month-with-its-year", "month-year", "next march 2026", F, None, "2026-03"),
    ("month-last-year", "month-year", "june last year", N, None, "2023-06"),
    ("month-that-year-points-back", "month-year", "may that year", N, year_of(1999), "1999-05"),
    ("month-that-year-with-nothing-named-declines", "month-year", "may that year", N, None,
     DECLINE),
    ("month-past-is-this-years", "month-alone", "march", P, None, "2024-03"),
    ("month-future-is-ahead", "month-alone", "september", F, None, "2024-09"),
    # Counted from the date last named: after it, before it, in its year.
    ("the-following-month-name-is-the-first-after-the-date", "month-alone",
     "the following june", P, year_of(1939), "1940-06"),
    ("the-following-month-name-later-in-the-year", "month-alone", "the following june", P,
     month_(2005, 3), "2005-06"),
    ("the-previous-month-name-is-the-last-before-the-date", "month-alone",
     "the previous june", P, month_(2005, 3), "2004-06"),
    ("the-preceding-month-name-earlier-in-the-year", "month-alone", "the preceding june", P,
     month_(2005, 9), "2005-06"),
    ("that-month-name-is-in-the-year-named", "month-alone", "that june", P, year_of(1998),
     "1998-06"),
    ("the-following-month-name-with-none-named-is-after-the-story", "month-alone",
     "the following june", P, None, "2025-06"),
    # A perfect may look back or ahead: the nearer ("has extended the loans through
    # January"; one placed "in" a time is read as past by `grammar`).
    ("a-month-under-a-perfect-is-the-nearer", "month-alone", "january", PF, None, "2025-01"),
    ("last-month-name-is-the-latest-one-over", "month-alone", "last february", P, None,
     "2024-02"),
    ("last-month-name-skips-the-month-just-gone", "month-alone", "last july", P, None,
     "2023-07"),
    ("season-past", "season", "the spring", P, None, "2024-SP"),
    # Told in the past, a season or month not yet begun this year is last year's (only a
    # day may still lie just ahead: "was extended to Aug. 23").
    ("a-season-not-begun-told-in-the-past", "season", "the autumn", P, None, "2023-FA"),
    # "This" pins a season to these months, whatever the tense: the one the anchor is in,
    # else (told in the past) the one just gone within a season, else the coming one.
    ("this-summer-is-the-one-we-are-in", "season", "this summer", P, None, "2024-SU"),
    ("this-fall-told-in-the-past-in-august-is-coming", "season", "this fall", P, None,
     "2024-FA"),
    ("this-fall-ahead-is-coming", "season", "this fall", F, None, "2024-FA"),
    # Ended in February of this year, months ago: still this winter ("my bank got eaten
    # this spring", told in November).
    ("this-winter-told-in-the-past-ended-this-year", "season", "this winter", P, None,
     "2023-WI"),
    ("a-month-not-begun-told-in-the-past", "range-modifier", "the end of september", P, None,
     "2023-09"),
    ("split-winter-is-named-by-its-first-year", "season", "the winter of 2022-23", N, None,
     "2022-WI"),
    ("quarter-with-year", "ordinal-quarter", "the third quarter of 2023", N, None, "2023-Q3"),
    ("quarter-not-begun-is-last-years", "ordinal-quarter", "fourth quarter", P, None, "2023-Q4"),
    ("third-half-declines", "ordinal-quarter", "third half", N, None, DECLINE),
    ("half-of-the-year-is-the-anchors", "ordinal-quarter", "the first half of the year", P,
     None, "2024-H1"),
    ("quarter-of-the-year-not-begun-is-last-years", "ordinal-quarter",
     "the fourth quarter of the year", P, None, "2023-Q4"),
    ("quarter-of-last-years-possessive", "ordinal-quarter", "last year's third quarter", P,
     None, "2023-Q3"),
    ("quarter-followed-by-last-year", "ordinal-quarter", "the fourth quarter last year", P,
     None, "2023-Q4"),
    ("half-followed-by-next-year", "ordinal-quarter", "the second half next year", F, None,
     "2025-H2"),
    ("quarter-named-by-month", "month-quarter", "september quarter", P, None, "2024-Q3"),
    ("past-quarter-is-the-last-completed", "the-quarter", "quarter", P, None, "2024-Q2"),
    ("quarter-frame-wins", "the-quarter", "quarter", P, Q3_2023, "2023-Q3"),
    ("the-current-quarter-is-the-anchors-whatever-the-frame", "the-quarter",
     "the current quarter", P, Q3_2023, "2024-Q3"),
    ("a-period-without-a-frame-passes", "the-quarter", "period", P, None, PASS),
    ("the-latest-period-without-a-frame-is-the-last-quarter-over", "the-quarter",
     "the latest period", P, None, "2024-Q2"),
    ("the-latest-period-is-the-framed-quarter", "the-quarter", "the latest period", P,
     Q3_2023, "2023-Q3"),
    ("year-earlier-first-half-is-last-years", "year-ago-period", "the year-earlier first half",
     P, None, "2023-H1"),
    ("year-ago-quarter-with-none-named-is-the-latest-over-a-year-back", "year-ago-period",
     "the year-earlier quarter", P, None, "2023-Q2"),
    ("year-ago-half-with-none-named-is-the-latest-over-a-year-back", "year-ago-period",
     "the year-ago half", P, None, "2023-H1"),
    ("year-ago-quarter-of-the-frame", "year-ago-period", "year-ago quarter", P, Q3_2023,
     "2022-Q3"),
    ("the-comparable-year-ago-quarter", "year-ago-period", "the comparable year-ago quarter",
     P, Q3_2023, "2022-Q3"),
    ("last-years-quarter-is-the-framed-quarter-a-year-back", "year-ago-period",
     "last year's quarter", P, Q3_2023, "2022-Q3"),
    ("a-year-named-period-is-the-framed-quarter-that-year", "year-period", "the 2022 period",
     P, Q3_2023, "2022-Q3"),
    ("a-year-named-period-without-a-frame-passes", "year-period", "the 2022 period", P, None,
     PASS),
    ("a-year-named-period-without-a-frame-is-the-year", "year", "the 2022 period", P, None,
     "2022"),
    ("a-year-named-quarter-without-a-frame-is-the-year", "year", "the 2022 quarter", P, None,
     "2022"),
    ("four-digit-year", "year", "1998", N, None, "1998"),
    ("the-entire-year-of", "year", "the entire year of 2002", P, None, "2002"),
    ("fiscal-year", "year", "fiscal 1998", N, None, "1998"),
    ("spelled-year", "year", "nineteen ninety-six", N, None, "1996"),
    ("bare-short-year-passes", "year", "'98", N, None, PASS),
    ("decade-in-digits", "decade-digits", "the 1980s", N, None, "198"),
    ("the-1800s-are-a-century", "decade-digits", "the late 1800s", P, None, "18"),
    ("the-2000s-seen-from-2024-are-a-decade", "decade-digits", "the 2000s", P, None, "200"),
    ("decade-in-short-digits", "decade-digits", "the '90s", N, None, "199"),
    ("decade-in-words", "decade-words", "the nineties", N, None, "199"),
    ("century", "century", "the 20th century", N, None, "19"),
    ("a-century-before-its-noun", "century", "21st-century", N, None, "20"),
    ("same-period-last-year-without-frame-is-last-year", "same-period-last-year",
     "the same period last year", P, None, "2023"),
    # A quarter with none framed is the one last completed, a year back.
    ("the-same-quarter-a-year-ago-without-frame-is-the-last-one-reported",
     "same-period-last-year", "the same quarter a year ago", N, None, "2023-Q2"),
    ("the-comparable-period-last-year-shifts-the-frame", "same-period-last-year",
     "the comparable period last year", P, Q3_2023, "2022-Q3"),
    # The story's week or month a year back (they were the whole of last year).
    ("the-same-week-last-year", "same-period-last-year", "the same week last year", P, None,
     "2023-W32"),
    ("the-same-month-a-year-ago", "same-period-last-year", "the same month a year ago", P,
     None, "2023-08"),
    ("this-time-last-year-is-a-day", "this-time", "this time last year", P, None,
     "2023-08-08"),
    ("this-time-next-year", "this-time", "by this time next year", F, None, "2025-08-08"),
    ("this-time-last-month", "this-time", "this time last month", P, None, "2024-07-08"),
    ("nth-day-in-present-is-today", "nth-day-today", "the eighth day", PR, None, "2024-08-08"),
    ("nth-day-in-past-passes", "nth-day-today", "the eighth day", P, None, PASS),
    ("a-straight-day-told-in-the-past-is-the-day-reported", "nth-day-today",
     "a third straight day", P, None, "2024-08-08"),
    ("the-year-before-the-last-named", "unit-before-after", "the year before", P,
     year_of(1997), "1996"),
    ("the-year-before-last-is-two-years-back", "before-last", "the year before last", P,
     year_of(1997), "2022"),
    ("the-week-before-last", "before-last", "the week before last", P, None, "2024-W30"),
    ("the-day-after-the-last-named", "day-before-after", "the day after", P, AUG_1,
     "2024-08-02"),
    ("the-day-after-nothing-declines", "day-before-after", "the day after", P, None, DECLINE),
    ("a-full-year-is-the-anchors", "full-year", "full year", F, None, "2024"),
    ("full-yr-cut-short", "full-year", "the full yr", N, None, "2024"),
    ("the-half-year-is-the-last-one-over", "half-year", "the half-year", F, None, "2024-H1"),
    ("mid-week-is-the-anchors-week", "midweek", "mid-week", P, None, "2024-W32"),
    ("a-bond-notices-day-takes-the-century-near-the-story", "dotted-month-day", "23.sep.96", N,
     None, "1996-09-23"),
    ("a-bond-notices-day-two-digits-ahead", "dotted-month-day", "21.nov.27", N, None,
     "2027-11-21"),
    ("a-bond-notices-day-off-the-calendar-declines", "dotted-month-day", "31.feb.96", N, None,
     DECLINE),
    ("a-run-of-six-months-from-january-is-the-first-half", "month-run", "january-june", P, None,
     "2024-H1"),
    ("a-run-of-months-of-no-half-is-those-months", "month-run", "february-april", P, None,
     "2024-02"),
    ("this-week", "relative-period", "this week", N, None, "2024-W32"),
    ("last-month", "relative-period", "last month", N, None, "2024-07"),
    ("the-latest-month-is-the-last-one-over", "relative-period", "the latest month", P, None,
     "2024-07"),
    ("the-most-recent-week-is-last-week", "relative-period", "the most recent week", P, None,
     "2024-W31"),
    ("the-previous-day-with-none-named-is-before-the-story", "relative-period",
     "the previous day", P, None, "2024-08-07"),
    ("the-previous-day-counts-from-the-day-named", "relative-period", "the previous day", P,
     AUG_1, "2024-07-31"),
    ("the-next-day-with-none-named-declines", "relative-period", "the next day", P, None,
     DECLINE),
    # Aug. 1 2024 is a Thursday: the weekend after it is Aug. 3-4, the one before Jul. 27-28.
    ("the-following-weekend-is-the-first-after-the-day", "relative-period",
     "the following weekend", P, AUG_1, "2024-W31-WE"),
    ("the-previous-weekend-is-the-last-before-the-day", "relative-period",
     "the previous weekend", P, AUG_1, "2024-W30-WE"),
    # "On Wednesday morning ... The following day": a time on a day names the day.
    ("the-following-day-after-a-part-of-a-day", "relative-period", "the following day", F,
     with_time(day(date(2024, 8, 14)), "TMO"), "2024-08-15"),
    ("this-weekend-in-the-past-is-the-one-just-gone", "relative-period", "this weekend", P,
     None, "2024-W31-WE"),
    ("this-weekend-ahead", "relative-period", "this weekend", F, None, "2024-W32-WE"),
    ("that-year-points-back", "relative-period", "that year", P, year_of(1997), "1997"),
    ("that-same-month-points-back", "relative-period", "that same month", P,
     month_(2020, 3), "2020-03"),
    ("that-quarter-points-back", "relative-period", "that quarter", P, Q3_2023, "2023-Q3"),
    ("that-quarter-after-a-day-is-the-days", "relative-period", "that quarter", P, AUG_1,
     "2024-Q3"),
    ("the-following-quarter-crosses-the-year", "relative-period", "the following quarter", P,
     quarter(2023, 4), "2024-Q1"),
    ("the-following-day", "relative-period", "the following day", P, AUG_1, "2024-08-02"),
    ("that-year-with-nothing-named-declines", "relative-period", "that year", P, None, DECLINE),
    ("two-years-ago-this-month-is-the-month", "count-ago-this", "two years ago this month",
     P, None, "2022-08"),
    ("a-decade-ago-today-is-the-day", "count-ago-this", "a decade ago today", P, None,
     "2014-08-08"),
    ("a-year-ago-today-is-the-day", "count-ago-this", "a year ago today", P, None,
     "2023-08-08"),
    # The anchor is a Thursday: "Tuesday" is two days back, "Friday" told ahead tomorrow.
    ("a-year-ago-tuesday-is-last-tuesdays-date", "count-ago-this", "a year ago tuesday", P,
     None, "2023-08-06"),
    ("a-year-ago-friday-told-ahead", "count-ago-this", "a year ago friday", F, None,
     "2023-08-09"),
    ("years-ago-next-month-is-the-month", "count-ago-this", "15 years ago next month", P,
     None, "2009-09"),
    ("a-year-ago-this-week-is-the-week", "count-ago-this", "a year ago this week", P, None,
     "2023-W32"),
    ("the-week-of-a-day", "week-of", "the week of march 4", F, None, "2025-W10"),
    ("the-weekend-of-a-day", "week-of", "the weekend of june 6", P, None, "2024-W23-WE"),
    ("the-week-of-no-day-declines", "week-of", "the week of the vote", P, None, DECLINE),
    ("the-week-beginning-a-day", "week-of", "the week beginning 4 march", F, None, "2025-W10"),
    ("the-week-commencing-a-day", "week-of", "the week commencing march 4", F, None,
     "2025-W10"),
    ("the-last-half-of-a-decade-is-the-decade", "half-of", "the last half of the '80s", P,
     None, "198"),
    ("the-first-half-of-this-month", "half-of", "the first half of the month", PR, None,
     "2024-08"),
    ("the-latter-half-of-a-year-is-h2", "half-of", "the latter half of 2018", P, None,
     "2018-H2"),
    ("a-half-of-no-period-declines", "half-of", "the first half of the game", P, None, DECLINE),
    # A year's halves are its own values, read before this rule.
    ("the-first-half-of-a-year-is-h1", "ordinal-quarter", "the first half of 2019", P, None,
     "2019-H1"),
    ("the-holiday-season-ahead-is-this-december", "holiday-season", "the holiday season", F,
     None, "2024-12"),
    ("the-christmas-season-told-in-the-past-is-last-december", "holiday-season",
     "the christmas season", P, None, "2023-12"),
    ("last-years-holiday-season", "holiday-season", "last year's holiday season", N, None,
     "2023-12"),
    ("the-month-of-a-month", "month-of", "the month of may", P, None, "2024-05"),
    ("the-month-of-a-month-and-year", "month-of", "the month of august 2023", N, None,
     "2023-08"),
    ("hours-ago-is-the-storys-day", "clock-count-ago", "about two hours ago", P, None,
     "2024-08-08"),
    ("a-day-and-a-half-of-hours-ago-is-the-day-before", "clock-count-ago", "36 hours ago", P,
     None, "2024-08-07"),
    # Counted from a time told whose clock is not given: the length, not "later" alone.
    ("minutes-later-is-a-length", "clock-count-later", "five minutes later", P, AUG_1, "PT5M"),
    ("hours-earlier-is-a-length", "clock-count-later", "about two hours earlier", P, None,
     "PT2H"),
    ("uncounted-minutes-later-is-a-length", "clock-count-later", "minutes later", P, None,
     "PTXM"),
    ("two-days-ago", "count-ago", "two days ago", P, None, "2024-08-06"),
    ("a-hyphenated-count-ago", "count-ago", "fifty-two years ago", P, None, "1972"),
    ("a-count-with-a-thousands-comma-ago", "count-ago", "1,000 years ago", P, None, "1024"),
    # "A hundred" is a hundred, not one and a hundred.
    ("a-hundred-years-ago", "count-ago", "a hundred years ago", P, None, "1924"),
    ("two-hundred-years-ago", "count-ago", "two hundred years ago", P, None, "1824"),
    ("a-hundred-years-ago-today", "count-ago-this", "a hundred years ago today", P, None,
     "1924-08-08"),
    ("a-count-ago-before-any-calendar-date-is-the-past", "count-ago", "40,000 years ago", P,
     None, "PAST_REF"),
    ("a-decade-ago-is-a-year", "count-ago", "a decade ago", P, None, "2014"),
    # After a quarter named, "a year ago" is that quarter a year back (a results story's
    # comparison); "two years ago" counts from now (it was the quarter two years back).
    ("a-year-ago-after-a-quarter-is-its-quarter", "count-ago", "a year ago", P, Q3_2023,
     "2022-Q3"),
    ("two-years-ago-after-a-quarter-counts-from-now", "count-ago", "two years ago", P,
     Q3_2023, "2022"),
    ("a-week-earlier-than-a-day-is-a-day", "count-ago", "a week earlier", P, AUG_1,
     "2024-07-25"),
    ("days-later-count-from-the-day-named", "count-ago", "three days later", P, AUG_1,
     "2024-08-04"),
    ("a-year-earlier-shifts-the-quarter-frame", "count-ago", "a year earlier", P, Q3_2023,
     "2022-Q3"),
    ("later-counts-from-the-year-named-last", "count-ago", "almost a decade later", P,
     year_of(2009), "2019"),
    ("later-told-in-the-past-never-passes-the-anchor", "count-ago", "six years later", P,
     year_of(2020), DECLINE),
    ("later-with-nothing-named-told-in-the-present-is-now", "count-ago", "21 years later",
     PR, None, "PRESENT_REF"),
    ("later-with-nothing-named-told-in-the-past-is-past", "count-ago", "21 years later", P,
     None, "PAST_REF"),
    ("later-with-nothing-named-in-the-present-perfect-is-now", "count-ago", "210 days later",
     PF, None, "PRESENT_REF"),
    ("later-with-nothing-named-told-ahead-is-ahead-unplaced", "count-ago",
     "two years later", F, None, "FUTURE_REF"),
    ("later-counted-past-the-story-in-the-present-is-now", "count-ago", "a decade later",
     PR, year_of(2019), "PRESENT_REF"),
    ("later-counted-within-the-story-in-the-present-stays-a-date", "count-ago",
     "a decade later", PR, year_of(2012), "2022"),
    ("earlier-with-nothing-named-counts-from-the-story", "count-ago", "a year earlier", P,
     None, "2023"),
    ("that-summer-is-in-the-year-named-last", "season", "that summer", P, year_of(2009),
     "2009-SU"),
    ("that-summer-with-nothing-named-declines", "season", "that summer", P, None, DECLINE),
    ("a-week-after-that-counts-from-the-day-named", "count-ago", "a week after that", P,
     AUG_1, "2024-08-08"),
    ("a-year-earlier-than-a-month-named", "count-ago", "a year earlier", P,
     month_(2019, 10), "2018-10"),
    ("several-years-ago-is-vague", "count-ago", "several years ago", P, None, "PAST_REF"),
    ("a-few-years-later-told-in-the-past-is-past", "count-ago", "a few years later", P, None,
     "PAST_REF"),
    ("a-few-weeks-later-ahead-is-future", "count-ago", "a few weeks later", F, None,
     "FUTURE_REF"),
    ("a-month-the-day-is-that-day", "month-day", "august the 6th", P, None, "2024-08-06"),
    # Forms dateparser read while it was the table's last rule, each now a rule's own.
    ("a-full-stop-for-the-comma-before-the-year", "month-day", "july 10. 2003", P, None,
     "2003-07-10"),
    ("a-dash-before-a-year-in-figures", "month-day", "may 18-1940", P, None, "1940-05-18"),
    ("a-dash-before-two-figures-is-still-a-run", "month-day", "may 18-19", P, None,
     "2024-05-18"),
    ("the-year-first-as-references-write-it", "year-month", "1993 december", P, None,
     "1993-12"),
    ("a-year-first-out-of-range-declines", "year-month", "3000 august", P, None, DECLINE),
    ("the-year-first-then-the-day", "year-month-day", "2001-november 30", P, None,
     "2001-11-30"),
    ("the-year-first-a-space-for-the-dash", "year-month-day", "2019 march 5th", P, None,
     "2019-03-05"),
    ("the-year-first-a-day-the-month-has-not-declines", "year-month-day", "2001-february 30",
     P, None, DECLINE),
    ("a-year-to-a-month", "month-year", "the march 2001 year", P, None, "2001-03"),
    ("a-weekday-before-a-numeric-date-with-its-year", "numeric-day", "thu 1/25/2007", P, None,
     "2007-01-25"),
    # A day, a month and two figures: the year the latest not far past the story's (2024).
    ("a-citations-day-month-and-two-figures", "day-month-short-year", "25 jul. 45", P, None,
     "1945-07-25"),
    ("two-figures-of-this-century", "day-month-short-year", "12 july 05", P, None,
     "2005-07-12"),
    ("a-day-the-month-has-not-declines", "day-month-short-year", "31 june 05", P, None,
     DECLINE),
    # A weekday beside a day in figures picks the year (and the order) they agree in.
    ("a-weekday-places-a-day-in-figures", "weekday-numeric-day", "thurs 8/15", N, None,
     "2024-08-15"),
    ("a-weekday-turns-the-order-where-only-that-agrees", "weekday-numeric-day",
     "sunday 18/8", N, None, "2024-08-18"),
    ("a-weekday-no-year-agrees-with-declines", "weekday-numeric-day", "monday 2/30", N, None,
     DECLINE),
    # Outside a story of games, "this season" names no season we can place.
    ("this-season-outside-a-story-of-games-passes", "season-of-play", "this season", P, None,
     PASS),
]  # fmt: skip


def _ctx(last: Resolved | None) -> Context:
    ctx = Context(anchor=ANCHOR)
    if last is not None:
        ctx.last = last
        if last.value.endswith("Q3"):
            ctx.remember(last)
    return ctx


@pytest.mark.parametrize(
    ("text", "expected"),
    [("this season", "2024"), ("last season", "2023"), ("the coming season", "2025")],
)
def test_a_season_of_play_in_a_story_of_games_is_named_by_its_year(
    text: str, expected: str
) -> None:
    ctx = Context(anchor=ANCHOR, games_story=True)
    assert _shown(RULES["season-of-play"].apply(text, ctx, P)) == expected


def _shown(outcome: object) -> object:
    return outcome.value if isinstance(outcome, Resolved) else outcome


@pytest.mark.parametrize(
    ("rule", "text", "tense", "last", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_rule_alone(
    rule: str, text: str, tense: Tense | None, last: Resolved | None, expected: object
) -> None:
    assert _shown(RULES[rule].apply(text, _ctx(last), tense)) == expected


@pytest.mark.parametrize(
    ("rule", "text", "tense", "last", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES if case[-1] is not PASS],
)
def test_rule_owns_its_case_in_the_table(
    rule: str, text: str, tense: Tense | None, last: Resolved | None, expected: object
) -> None:
    owner, outcome = decide(text, _ctx(last), tense)
    assert owner is not None and owner.name == rule
    assert _shown(outcome) == expected


@pytest.mark.parametrize("anchor", [date(2024, 2, 29), date(2026, 3, 1), date(2100, 12, 31)])
def test_every_day_number_with_every_month_resolves_or_declines(anchor: date) -> None:
    # "June 31" or a leap day no nearby year holds once raised IndexError, and the whole
    # article lost its entities and timeline.
    months = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]  # fmt: skip
    for name in months:
        for number in range(1, 32):
            for tense in (P, F, N):
                for text in (f"{name} {number}", f"{number} {name}", f"{name} {number}th"):
                    resolve_date(text, Context(anchor=anchor), tense)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the last half of the '80s", date(1985, 1, 1), date(1989, 12, 31)),
        ("the first half of the 1990s", date(1990, 1, 1), date(1994, 12, 31)),
        ("the second half of may", date(2024, 5, 16), date(2024, 5, 31)),
        ("the first half of may", date(2024, 5, 1), date(2024, 5, 15)),
    ],
)
def test_a_half_of_a_period_sorts_by_that_half(text: str, start: date, end: date) -> None:
    found = RULES["half-of"].apply(text, _ctx(None), P)
    assert isinstance(found, Resolved)
    assert (found.start, found.end) == (start, end)


def test_every_rule_has_a_case() -> None:
    assert {case[1] for case in CASES} == set(RULES)


@pytest.mark.parametrize(
    "text",
    [
        "the talks",
        "the august recess",
        # Once read by dateparser, the table's last rule: "an" the day, "10" the year 1910;
        # a price beside a weekday as a year and a month.
        "an aug. 10",
        "2645.08 tuesday",
        # Two dates joined: the caller reads the pieces.
        "august 6 and 7",
    ],
)
def test_no_rule_taking_it_gives_no_value(text: str) -> None:
    assert decide(text, _ctx(None), Tense.PAST) == (None, PASS)
    assert resolve_date(text, _ctx(None), Tense.PAST) is None


def test_nothing_empty_has_a_value() -> None:
    assert resolve_date("", _ctx(None), None) is None


def test_a_declining_rule_stops_the_table() -> None:
    # "feb. 30" is no day: the month-day rule owns it and says so, and no later rule guesses.
    assert resolve_date("feb. 30, 2024", _ctx(None), Tense.PAST) is None


def test_a_month_told_in_the_past_goes_on_from_the_month_just_named() -> None:
    ctx = Context(anchor=ANCHOR)
    ctx.block = 3
    ctx.remember(month_(2016, 11))  # named in this paragraph
    assert resolve_date("december", ctx, P) == month_(2016, 12)
    assert resolve_date("march", ctx, P) == month_(2017, 3)
    # Not told in the past, or named paragraphs ago: the month nearest the anchor's past.
    assert resolve_date("december", ctx, N) == month_(2023, 12)
    ctx.block = 5
    assert resolve_date("december", ctx, P) == month_(2023, 12)


def test_a_holiday_is_the_one_in_the_season_its_sentence_named() -> None:
    ctx = Context(anchor=date(2022, 4, 30))
    ctx.block = 2
    ctx.remember(season(2022, "SU"))  # "the dates booked for this summer, including ..."
    # With no verb to go by, last August's was nearer behind than this one ahead.
    assert resolve_date("the august bank holiday weekend", ctx, N).value == "2022-W34-WE"
    assert resolve_date("christmas", ctx, N).value == "2021-12-25"  # in no summer
    # Named in another paragraph, the season frames nothing.
    ctx.block = 3
    assert resolve_date("the august bank holiday weekend", ctx, N).value == "2021-W34-WE"
    # Nor does a year: "to announce the 2022 dates before Christmas", told in November.
    ctx = Context(anchor=date(2021, 11, 10))
    ctx.remember(year_of(2022))
    assert resolve_date("christmas", ctx, N).value == "2021-12-25"


def test_a_day_or_month_without_its_year_is_the_one_in_the_season_its_sentence_named() -> None:
    ctx = Context(anchor=date(2022, 4, 30))
    ctx.block = 2
    ctx.remember(season(2022, "SU"))  # "tours booked for this summer, ending on 28 August"
    assert resolve_date("28 august", ctx, N).value == "2022-08-28"
    assert resolve_date("august", ctx, N).value == "2022-08"
    ctx.block = 3
    assert resolve_date("28 august", ctx, N).value == "2021-08-28"
    # Nor in the next sentence: "I swore I would run a marathon by the spring. By April
    # I had managed 5km", told on 1 January.
    ctx = Context(anchor=date(2027, 1, 1))
    ctx.remember(season(2027, "SP"))
    assert resolve_date("april", ctx, P).value == "2027-04"
    ctx.sentence = 60
    assert resolve_date("april", ctx, P).value == "2026-04"
    # Nor a split year, whose year turns in the spring for a budget and in the summer
    # for a season: "the budget for 2026/27 ... from 1 June", told in February 2026.
    ctx = Context(anchor=date(2026, 2, 26))
    ctx.remember(resolve_date("2026/27", ctx, N))  # type: ignore[arg-type]
    assert resolve_date("1 june", ctx, F).value == "2026-06-01"
    # A year named so frames no month: "missed most of 2024 ... as recently as February",
    # told in July 2025.
    ctx = Context(anchor=date(2025, 7, 12))
    ctx.remember(year_of(2024))
    assert resolve_date("february", ctx, P).value == "2025-02"


def test_a_bare_day_told_in_the_past_goes_on_from_the_month_named_in_its_paragraph() -> None:
    ctx = Context(anchor=ANCHOR)
    ctx.block = 3
    ctx.remember(month_(2002, 8))  # "in August 2002 ... and on September 12"
    assert resolve_date("september 12", ctx, P) == day(date(2002, 9, 12))
    assert resolve_date("july 4", ctx, P) == day(date(2003, 7, 4))
    # In the next paragraph it is as often the story's own recent day.
    ctx.block = 4
    assert resolve_date("march 5", ctx, P) == day(date(2024, 3, 5))
    # The month alone still goes on from there.
    assert resolve_date("september", ctx, P) == month_(2002, 9)
    # Measured from now ("has said, as recently as March 5"): the day nearest the anchor.
    ctx.block = 3
    ctx.told_from_now = True
    assert resolve_date("march 5", ctx, P) == day(date(2024, 3, 5))


def test_that_month_after_a_year_points_back_to_the_last_month_named() -> None:
    # "In December 2002 ... breaking the 1994 agreement. Later that month": January 1994.
    ctx = Context(anchor=ANCHOR)
    ctx.remember(month_(2002, 12))
    ctx.remember(year_of(1994))
    assert resolve_date("that month", ctx, P) == month_(2002, 12)
    assert resolve_date("that week", ctx, P) == week_of(date(2002, 12, 1))
    assert resolve_date("the following month", ctx, P) == month_(2003, 1)
    # A year still counts a year; with no month named at all, a month declines.
    assert resolve_date("that year", ctx, P) == year_of(1994)
    ctx = Context(anchor=ANCHOR)
    ctx.remember(year_of(1994))
    assert resolve_date("that month", ctx, P) is None


def test_that_week_after_today_points_past_now_to_the_week_named_before() -> None:
    ctx = Context(anchor=ANCHOR)
    ctx.remember(day(date(2024, 7, 2)))
    ctx.remember(day(ANCHOR), said_now=True)  # "Today, the group has tripled in size."
    assert resolve_date("that week", ctx, P) == week_of(date(2024, 7, 2))
    # Not after a day named as a day, even the story's own: "on Thursday ... that day".
    ctx.remember(day(ANCHOR))
    assert resolve_date("that week", ctx, P) == week_of(ANCHOR)
    # "The same week" after "today" is still this one.
    ctx.remember(day(ANCHOR), said_now=True)
    assert resolve_date("the same week", ctx, P) == week_of(ANCHOR)


def test_a_reported_future_is_ahead_unless_the_one_just_gone_is_much_nearer() -> None:
    ctx = Context(anchor=date(2019, 11, 20))
    assert resolve_date("oct. 31", ctx, Tense.REPORTED) == day(date(2019, 10, 31))
    assert resolve_date("oct. 31", ctx, Tense.FUTURE) == day(date(2020, 10, 31))
    ctx = Context(anchor=date(2024, 7, 11))
    # 133 days behind, 143 ahead: a recent saying looks ahead.
    assert resolve_date("the winter", ctx, Tense.REPORTED).value == "2024-WI"  # type: ignore[union-attr]
    assert resolve_date("the winter", ctx, Tense.PROSPECTIVE).value == "2023-WI"  # type: ignore[union-attr]


def test_a_day_named_again_without_its_year_is_the_same_day() -> None:
    ctx = Context(anchor=date(2019, 11, 19))
    full = resolve_date("june 9, 2020", ctx, N)
    assert full is not None and full.full
    ctx.remember(full)
    ctx.block = 8
    assert resolve_date("june 9", ctx, N) == day(date(2020, 6, 9))


def test_a_numeric_date_follows_the_pages_order_unless_the_numbers_allow_only_the_other() -> None:
    day_first = Context(anchor=ANCHOR, day_first=True)
    assert resolve_date("08/06/12", day_first, N) == day(date(2012, 6, 8))
    assert resolve_date("12/31/2004", day_first, N) == day(date(2004, 12, 31))
    assert resolve_date("08/06/12", Context(anchor=ANCHOR), N) == day(date(2012, 8, 6))


def test_a_two_digit_year_is_the_latest_not_far_past_the_storys_own() -> None:
    in_1998 = Context(anchor=date(1998, 4, 7))
    assert resolve_date("7/4/98", in_1998, N) == day(date(1998, 7, 4))  # not 2098
    assert resolve_date("1/5/05", in_1998, N) == day(date(2005, 1, 5))
    assert resolve_date("1/5/23", Context(anchor=ANCHOR), N) == day(date(2023, 1, 5))
    assert resolve_date("1/5/35", Context(anchor=ANCHOR), N) == day(date(1935, 1, 5))


def test_a_day_in_a_list_continues_from_the_day_before_it() -> None:
    ctx = Context(anchor=date(2019, 11, 19))
    ctx.remember(day(date(2020, 6, 9)))
    ctx.block = 1
    assert resolve_date("june 10", ctx, N) == day(date(2020, 6, 10))
    # Far from the day before, or told with a verb, it is read by itself.
    assert resolve_date("march 21", ctx, N) == day(date(2019, 3, 21))
    assert resolve_date("june 10", ctx, P) == day(date(2019, 6, 10))


SUNDAY = date(2024, 8, 11)  # the last day of ISO week 32


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        pytest.param("last week", P, "2024-W31", id="last-week-is-the-iso-week-before"),
        pytest.param("this week", F, "2024-W33", id="this-week-ahead-starts-tomorrow"),
        pytest.param("this week", PR, "2024-W33", id="this-week-in-a-schedule-starts-tomorrow"),
        pytest.param("this week", P, "2024-W32", id="this-week-told-in-the-past-is-its-own"),
        pytest.param("next week", F, "2024-W33", id="next-week-is-the-one-from-tomorrow"),
    ],
)
def test_weeks_in_a_sunday_paper(text: str, tense: Tense | None, expected: str) -> None:
    owner, outcome = decide(text, Context(anchor=SUNDAY), tense)
    assert owner is not None and owner.name == "relative-period"
    assert _shown(outcome) == expected


def test_weeks_on_other_days_are_the_iso_weeks() -> None:
    saturday = Context(anchor=date(2024, 8, 10))
    assert _shown(decide("last week", saturday, P)[1]) == "2024-W31"
    assert _shown(decide("this week", saturday, F)[1]) == "2024-W32"


def test_a_running_total_named_after_the_quarter_ends_its_frame_for_the_paragraph() -> None:
    ctx = Context(anchor=date(2023, 11, 2))
    ctx.remember(Q3_2023)
    assert _shown(decide("a year earlier", ctx, P)[1]) == "2022-Q3"
    # "For the nine months, profit was ... compared with ... a year earlier."
    ctx.remember(length("M", 9))
    assert _shown(decide("a year earlier", ctx, P)[1]) == "2022"
    assert _shown(decide("the 2022 period", ctx, P)[1]) == "2022"
    # The next paragraph, or the quarter named again, frames again.
    ctx.block += 1
    assert _shown(decide("a year earlier", ctx, P)[1]) == "2022-Q3"
    ctx.remember(Q3_2023)
    ctx.remember(length("M", 6))
    ctx.remember(Q3_2023)
    assert _shown(decide("the 2022 period", ctx, P)[1]) == "2022-Q3"


@pytest.mark.parametrize("tense", [PR, N])
def test_a_quarter_not_begun_in_the_present_or_untensed_is_the_nearer_one(
    tense: Tense | None,
) -> None:
    # "Orders for the fourth quarter are strong": in August the coming one is nearer, in
    # February the one just gone; told in the past it is always the one gone.
    august, february = Context(anchor=ANCHOR), Context(anchor=date(2024, 2, 8))
    assert resolve_date("fourth quarter", august, tense) == quarter(2024, 4)
    assert resolve_date("fourth quarter", february, tense) == quarter(2023, 4)
    assert resolve_date("q4", august, tense) == quarter(2024, 4)
    assert resolve_date("fourth quarter", august, P) == quarter(2023, 4)


def test_a_quarter_counted_back_is_a_comparison_not_a_new_frame() -> None:
    ctx = Context(anchor=date(2023, 11, 2))
    ctx.remember(quarter(2023, 4))  # a fiscal fourth quarter, not over by the calendar
    earlier = resolve_date("a year earlier", ctx, P)
    assert earlier is not None and earlier.value == "2022-Q4"
    ctx.remember(earlier)
    assert ctx.quarter_frame() is None and ctx.last == quarter(2023, 4)


def test_the_latest_quarter_is_the_latest_of_those_the_story_frames() -> None:
    # "Sales in the second quarter rose 3%, against 2% in the first quarter. In the
    # latest quarter, margins improved": the second, though the first was named last.
    ctx = Context(anchor=ANCHOR)
    ctx.remember(quarter(2024, 2))
    ctx.remember(quarter(2024, 1))
    assert resolve_date("the latest quarter", ctx, P) == replace(quarter(2024, 2), anaphoric=True)
    # Paragraphs later, with the frame gone, it is the last quarter over again.
    ctx.block = 5
    ctx.remember(day(date(2024, 7, 1)))
    assert resolve_date("the latest quarter", ctx, P).value == "2024-Q2"


def test_a_half_frames_the_year_ago_period_as_a_quarter_does() -> None:
    # "Profit for the first half rose 8%. In the year-ago period, the company lost money."
    ctx = Context(anchor=ANCHOR)
    ctx.remember(half(2024, 1))
    ctx.block = 1
    assert resolve_date("the year-ago period", ctx, P).value == "2023-H1"
    assert resolve_date("the comparable period last year", ctx, P).value == "2023-H1"
    # A half named three paragraphs back no longer frames it: last year.
    ctx.block = 4
    assert resolve_date("the year-ago period", ctx, P).value == "2023"


def test_a_half_not_over_frames_nothing_and_comparisons_do_not_renew_a_frame() -> None:
    ctx = Context(anchor=ANCHOR)
    ctx.remember(half(2024, 2))  # "sales to rise in the second half": not reported yet
    ctx.block = 1
    assert resolve_date("the year-ago period", ctx, P).value == "2023"
    ctx = Context(anchor=ANCHOR)
    ctx.remember(half(2024, 1))
    for block in range(1, 5):
        ctx.block = block
        compared = resolve_date("the year-ago period", ctx, P)
        assert compared is not None
        ctx.remember(compared)  # a comparison: the frame still dates from the half
    assert compared.value == "2023"


def test_the_latest_quarter_outlasts_dateless_paragraphs_while_the_frame_holds() -> None:
    ctx = Context(anchor=ANCHOR)
    ctx.remember(quarter(2023, 4))
    ctx.block = 4  # three paragraphs with no date: the quarter still frames the story
    ctx.remember(quarter(2023, 1))
    ctx.block = 5
    assert resolve_date("the latest quarter", ctx, P).value == "2023-Q4"


def test_the_corresponding_month_last_year_is_the_month_last_named() -> None:
    ctx = Context(anchor=ANCHOR)
    ctx.remember(month_(2024, 7))
    assert resolve_date("the corresponding month last year", ctx, P).value == "2023-07"


def _placed(full: str, *dates: tuple[str, Resolved]) -> list[tuple[Resolved, int, int]]:
    return [(res, full.index(text), full.index(text) + len(text)) for text, res in dates]


OCT, FEB = month_(2024, 10), month_(2025, 2)


@pytest.mark.parametrize(
    ("full", "first", "second", "expected"),
    [
        ("from October to February each year", "October", "February", [0, 1]),
        ("on 1 April and 1 October in each year", "1 April", "1 October", [0, 1]),
        ("every year around October, and in February", "October", "February", [0]),
        ("in October, and each year in February", "October", "February", [1]),
        ("in October 2005 and February each year", "October 2005", "February", [1]),
        ("in October and February", "October", "February", []),
    ],
)
def test_dates_told_as_recurring_every_year(
    full: str, first: str, second: str, expected: list[int]
) -> None:
    placed = _placed(full, (first, OCT), (second, FEB))
    assert every_year(placed, full) == expected


def test_a_date_every_year_keeps_its_month_and_day_but_no_year() -> None:
    recurring = as_every_year(day(date(2024, 12, 25)))
    assert (recurring.value, recurring.timex_type, recurring.start) == ("XXXX-12-25", "SET", None)
    assert as_every_year(month_(2025, 2)).value == "XXXX-02"
