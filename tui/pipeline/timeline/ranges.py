"""Two dates joined as a range ("from Monday to Thursday", "between November and
February"): the second comes after the first.

Each end is first resolved on its own by the tense; when that puts the end before the
start, the tense says which end moves by one cycle of the name (a week for weekdays, a
year for months and days of the year): told in the past, the start goes back ("the strike
lasted from Monday to Thursday" in a Wednesday paper is last week's Monday); otherwise
the end goes ahead ("will run from Monday to Thursday").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from tui.pipeline.model import Granularity, TimelineEntry
from tui.pipeline.timeline.values import (
    DAY_OR_MONTH,
    Resolved,
    Tense,
    add_months,
    company_quarter,
    day,
    half,
    months_run,
    quarter,
    resolve_unit_offset,
    shift,
    with_time,
    year_of,
)

# What joins the two ends of a range.
RANGE_WORDS = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–|—)\s*", re.I)
# What opens one ("from", "between"): without it, "Monday and Thursday" are two days.
RANGE_OPENERS = re.compile(r"\b(?P<w>from|between)\s+$", re.I)
# The same words opening an expression itself ("from 8 p.m. on Tuesday").
OPENS_A_RANGE = re.compile(r"(?P<w>from|between)\s", re.I)
# How far before a range's start its opener may stand ("from 8 p.m. on Tuesday until").
OPENER_REACH = 80
# "And" joins a range only after "between"; alone it joins two dates.
AND_JOINT = re.compile(r"\s*and\s*", re.I)
# Ends closer than this many days are days of one week (weekdays), not of one year.
WEEK_DAYS = 7
_ORDERABLE = (Granularity.DAY, Granularity.MONTH, Granularity.TIME)


def opened_before(full: str, start: int) -> bool:
    """Whether "from" or "between" opens a range shortly before `start`."""
    return RANGE_OPENERS.search(full, max(0, start - OPENER_REACH), start) is not None


def closes_a_range(full: str, first_start: int, first_end: int, start: int) -> bool:
    """Whether the expression at `start` ends a range the one at `first_start` to
    `first_end` opened ("from 8 p.m. on Tuesday until 4 a.m."; "and" only after
    "between")."""
    joint = full[first_end:start]
    if not RANGE_WORDS.fullmatch(joint):
        return False
    opened = opened_before(full, first_start) or OPENS_A_RANGE.match(full, first_start)
    return bool(opened) or not AND_JOINT.fullmatch(joint)


# Kinds of date a row reads as a run from one to another ("1969–1976", "3–9 Mar 2009"),
# each by how much of an ISO date names one of its kind.
_RUN_KINDS = {Granularity.DAY: 10, Granularity.MONTH: 7, Granularity.YEAR: 4}


def ranges_said_in_two(text: str, entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """One block's entries (`text`: its words), each range said as two of them ("from 1969
    until 1976", "between March 3 and March 9") told on the first: its range runs to the
    second's end (`TimelineEntry.runs_to_next`). TIMEX3 keeps both ends as expressions of
    their own; a reader reads one stretch of time, not two events."""
    out = list(entries)
    by_start = sorted(range(len(out)), key=lambda k: out[k].start)
    for one, other in pairwise(by_start):
        a, b = out[one], out[other]
        if _two_ends_of_a_run(text, a, b):
            out[one] = replace(a, range_end=b.range_end, runs_to_next=True)
    return out


def _two_ends_of_a_run(text: str, a: TimelineEntry, b: TimelineEntry) -> bool:
    """Whether `a` and `b`, one after the other in `text`, are the two ends of a range:
    dates of one kind, each one whole day, month or year, the second after the first, and
    joined by words that make a range of them ("to", "until", "and" after "between")."""
    size = _RUN_KINDS.get(a.granularity)
    if (
        size is None
        or b.granularity is not a.granularity
        or a.vague
        or b.vague
        or (a.timex_type, b.timex_type) != ("DATE", "DATE")
        or not all((a.range_start, a.range_end, b.range_start, b.range_end))
    ):
        return False
    assert a.range_start and a.range_end and b.range_start and b.range_end  # (above)
    # (US style closes a year with a comma: "from Jan. 14, 2019, through".)
    joint_start = a.end + text.startswith(",", a.end)
    whole = (
        a.range_start[:size] == a.range_end[:size] and b.range_start[:size] == b.range_end[:size]
    )
    return (
        whole
        and a.range_end[:size] < b.range_start[:size]
        and closes_a_range(text, a.start, joint_start, b.start)
        and not _two_dates_compared(text, a.start, joint_start, b.start)
    )


# "Between" opening two dates compared, not a stretch between them: "the difference
# between October and November", "compared between 1950 and 2000".
_A_COMPARISON_BEFORE = re.compile(
    r"\b(?:differences?|gaps?|gulf|contrasts?|comparisons?|distinctions?|choices?"
    r"|compar(?:e|es|ed|ing))(?:\s+\w+){0,2}\s+$",
    re.I,
)


def _two_dates_compared(text: str, a_start: int, joint_start: int, b_start: int) -> bool:
    """Whether the range words between two dates join two dates, not a stretch of time:
    "from 1990 and 1995" ("and" makes a range only after "between": two studies' years),
    or "between" after a comparison (`_A_COMPARISON_BEFORE`)."""
    opener = OPENS_A_RANGE.match(text, a_start) or RANGE_OPENERS.search(
        text, max(0, a_start - OPENER_REACH), a_start
    )
    if AND_JOINT.fullmatch(text, joint_start, b_start) and (
        opener is None or opener["w"].lower() != "between"
    ):
        return True
    return opener is not None and bool(
        _A_COMPARISON_BEFORE.search(text, max(0, opener.start() - 40), opener.start())
    )


def in_order(
    first: Resolved, second: Resolved, tense: Tense | None, second_dated: bool = False
) -> tuple[Resolved, Resolved]:
    """The two ends of a range, the second moved (or the first, told in the past) when it
    came out before the first. An end whose year is written (`second_dated`: "1 January to
    30 June 2001", "July 8 - Aug. 1, 2004") is never moved: the first is."""
    if (
        first.start is None
        or second.start is None
        or first.granularity not in _ORDERABLE
        or second.granularity not in _ORDERABLE
    ):
        return first, second
    if second_dated:
        # The first end takes the year written on the second, or the one before it.
        years = second.start.year - first.start.year
        years -= (first.start.month, first.start.day) > (second.start.month, second.start.day)
        moved = shift(first, "Y", years) if years else first
        return (moved or first), second
    if second.start >= first.start:
        return first, second
    weekdays = (first.start - second.start).days < WEEK_DAYS
    unit, n = ("D", WEEK_DAYS) if weekdays else ("Y", 1)
    if tense in (Tense.PAST, Tense.PERFECT):
        moved = shift(first, unit, -n)
        return (moved, second) if moved is not None else (first, second)
    moved = shift(second, unit, n)
    return (first, moved) if moved is not None else (first, second)


def after_a_dated_start(first: Resolved, second: Resolved) -> Resolved:
    """The second end of a range whose first end's year is written and its own is not
    ("from Jan. 14, 2019, through Oct. 2"): the first such day or month after the first
    end, whatever the tense made of it alone."""
    if (
        first.start is None
        or second.start is None
        or second.granularity not in DAY_OR_MONTH
        or first.granularity not in _ORDERABLE
    ):
        return second
    years = first.start.year - second.start.year
    years += (second.start.month, second.start.day) < (first.start.month, first.start.day)
    return (shift(second, "Y", years) if years else None) or second


_CLOCK_VALUE = re.compile(r"T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?$")


# The words of a clock that say which half of the day it is in: "4 a.m.", "noon", or a
# 24-hour clock ("09:30", "17:45", the wire's "1000 GMT"). "9:30" alone says neither.
_HALF_OF_DAY_SAID = re.compile(
    r"[ap]\.?\s?m\b|\b(?:noon|midnight|midday)\b"
    r"|(?<!\d)(?:0\d|1[3-9]|2[0-4])[:.h]?[0-5]\d|(?<![\d:.])[01]\d[0-5]\d(?!\d)",
    re.I,
)


def past_midnight(first: Resolved, second: Resolved, said: str) -> Resolved:
    """The end of a range of clock times on one day that comes out before its start ("from
    8 p.m. on Tuesday until 4 a.m."): the night ran on into the next day. An end whose
    words (`said`) give no half of the day is first read in the start's afternoon ("from
    7 p.m. to 9:30" ends at 21:30, not at 9:30 the next morning), and its twelve o'clock
    hour after midnight. The caller passes an end that names no day of its own."""
    clocks = _an_end_before_its_start(first, second)
    if (
        clocks is None
        or first.granularity is not Granularity.TIME
        or second.granularity is not Granularity.TIME
        or first.start is None
    ):
        return second
    b = clocks[1]
    afternoon = in_the_afternoon(second.value, first.value, said)
    if afternoon is not None:
        return replace(second, value=afternoon)
    clock = b.group(0)
    if b["hh"] == "12" and not _HALF_OF_DAY_SAID.search(said):
        # "from 10 p.m. to 12:30": the twelve o'clock hour after an evening is the night's
        # first, half past midnight, not noon the next day.
        clock = "T00" + clock[3:]
    return with_time(day(first.start + timedelta(days=1)), clock)


def over_the_night(first: Resolved, second: Resolved, said: str) -> tuple[Resolved, Resolved]:
    """A range of clocks whose one day is told at its end, its start put on that day
    ("from 11pm to 2 a.m. on Saturday", "from 9pm to 12:30 on Friday"), when the end comes
    out before the start: the night runs across midnight. An end that gives its half of
    the day (`said`: its words) keeps the day told with it, and the start goes to the
    evening before; one that does not is read as `past_midnight` reads it."""
    clocks = _an_end_before_its_start(first, second)
    if clocks is None or first.start is None:
        return first, second
    if _HALF_OF_DAY_SAID.search(said) or _MORNING.search(said):
        return with_time(day(first.start - timedelta(days=1)), clocks[0].group(0)), second
    return first, past_midnight(first, second, said)


_MORNING = re.compile(r"\bmorning\b", re.I)


def _an_end_before_its_start(
    first: Resolved, second: Resolved
) -> tuple[re.Match[str], re.Match[str]] | None:
    """The clocks of two ends on one day ("T23:00", "T02:00") when the second comes out
    before the first, the case both readings over midnight start from; None otherwise."""
    a, b = _CLOCK_VALUE.search(first.value), _CLOCK_VALUE.search(second.value)
    if a is None or b is None or first.start != second.start or b.group(0) >= a.group(0):
        return None
    return a, b


def in_the_afternoon(value: str, before: str, said: str) -> str | None:
    """`value`, a clock on a day ("2024-08-06T09:30"), read in the afternoon
    ("2024-08-06T21:30") when its words (`said`) give no half of the day and that puts it
    after `before`, a clock on the same day; None otherwise."""
    clock = _CLOCK_VALUE.search(value)
    if clock is None or not 1 <= int(clock["hh"]) <= 11 or _HALF_OF_DAY_SAID.search(said):
        return None
    at = clock.start("hh")
    afternoon = f"{value[:at]}{int(clock['hh']) + 12}{value[at + 2 :]}"
    return afternoon if afternoon > before else None


# "The week ended Friday", "the month ending March 31", "the week to 9 February": a week
# or month named by the day it ends on. "Its fourth quarter ended Sept. 30", "the first
# half ending June 30", "the year ended Sept. 30", "the year to March": a company's
# quarter, half or year ends where its fiscal year does, so it lies in the months up to
# that day, whatever its number; the value keeps the number the company gives it (its
# fiscal "1989-Q4", as TimeML writes it), the range says when.
PERIOD_ENDED = re.compile(r"\s+(?:ended|ending|ends|to)\s+", re.I)
_ENDED_UNITS = {"week": "W", "month": "M"}
_ENDED_MONTHS = {"quarter": 3, "half": 6, "year": 12}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_BARE_UNIT = re.compile(
    r"(?:the |that |a |its |their )?(?:fiscal )?(?:(?P<n>first|second|third|fourth) |latest )?"
    r"(?P<u>week|month|quarter|half|year)",
    re.I,
)


def period_holding(unit_text: str, last_day: Resolved) -> Resolved | None:
    """The week, month, quarter, half or (fiscal) year `unit_text` names when it ends on
    `last_day` (or, for a quarter, half or year, with the month `last_day` names: "the year
    ending March 2025"); None when it names something else or the end is neither."""
    m = _BARE_UNIT.fullmatch(unit_text.strip())
    if m is None or last_day.start is None or last_day.end is None:
        return None
    unit = m.group("u").lower()
    if last_day.granularity is not Granularity.DAY and not (
        last_day.granularity is Granularity.MONTH and unit in _ENDED_MONTHS
    ):
        return None
    if unit in _ENDED_UNITS:
        return resolve_unit_offset(last_day.start, _ENDED_UNITS[unit], 0)
    held = months_up_to(last_day.end, _ENDED_MONTHS[unit])
    if m.group("n") is None:
        return held
    n = _ORDINALS[m.group("n").lower()]
    if unit == "year" or (unit == "half" and n > 2):
        return None
    code = "Q" if unit == "quarter" else "H"
    # The company's own number is the TIMEX3 value too (not `company_quarter`'s guess).
    value = f"{last_day.start.year:04d}-{code}{n}"
    return replace(held, value=value, granularity=Granularity.SEASON, timex=None)


def months_up_to(end: date, n: int) -> Resolved:
    """The n whole months that end with `end`'s month: a calendar quarter or half when they
    make one, a company's quarter (`company_quarter`), else the months themselves (valued
    by the first)."""
    y, last = end.year, end.month
    if n == 3:
        return (
            quarter(y, last // 3)
            if last % 3 == 0
            else company_quarter(add_months(date(y, last, 1), -2))
        )
    if n == 6 and last % 6 == 0:
        return half(y, last // 6)
    if n == 12 and last == 12:
        return year_of(y)
    months = months_run(add_months(date(y, last, 1), 1 - n), end)
    # A fiscal year is named by the year it ends in ("the year ended Sept. 30, 1989" is
    # fiscal 1989).
    return replace(months, value=f"{y:04d}", granularity=Granularity.YEAR) if n == 12 else months
