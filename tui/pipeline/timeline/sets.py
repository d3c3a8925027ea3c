"""Recurring times ("every Tuesday", "each July", "each summer", "on Sundays", "every two
weeks", "every night", "every 15 minutes", "on 1 April in each year", "the 15th of every
month"): TIMEX3 SETs. They date no single event, so they carry no range and sort after
every dated entry; the value is TIMEX3's ("XXXX-WXX-2", "XXXX-07", "XXXX-SU",
"XXXX-XX-XXTNI", "XXXX-04-01", "XXXX-XX-15", "P1Y", "P2W", "PT15M")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.values import (
    GRAN_OF_UNIT,
    Resolved,
    duration_code,
    vague_duration_code,
)
from tui.pipeline.timeline.vocab import (
    DAY_PART_RE,
    DAYNUM_RE,
    EARLY_MID_LATE_RE,
    MONTH_RE,
    MONTHS,
    NUM_RE,
    ORDINAL_OF_A_MONTH,
    PART_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    day_number,
    month_key,
    normalise,
    number,
)

_EVERY = r"(?:every|each)"
# "Every other week", "every second Tuesday": one in two. "Every single day" is every one.
_NTH = "other|second|alternate|single"
_EVERY_NTH = rf"(?:every(?: (?P<nth>{_NTH}))?|each(?: and every)?)"
# The same words before a span spaCy began after them, in the text as written (not "each
# other": "working for each other this season").
EVERY_BEFORE = re.compile(rf"\b(?:every(?:\s+(?:{_NTH}))?|each(?:\s+and\s+every)?)\s+$")
_DAY_NAMES = "|".join(WEEKDAY_NAMES)
# "Every Monday", "on Mondays", "Monday afternoons" (the plural on the part of the day).
# "Every other Monday" is Mondays too; the label keeps the "other" (TIMEX3 would say so in
# a frequency, which the value has no room for).
_WEEKDAY_SET = re.compile(
    rf"(?:{_EVERY_NTH} (?P<wd>{_DAY_NAMES})|(?:on )?(?P<wds>{_DAY_NAMES})s)"
    rf"(?: (?P<part>{DAY_PART_RE})s?)?"
    rf"|(?:on )?(?P<wdp>{_DAY_NAMES}) (?P<parts>{DAY_PART_RE})s"
)
# "The third Sunday of every month", "every first Monday of the month": a weekday once a
# month. Its value is the weekday's (TIMEX3's value has no room for which one of the month,
# as for "every other Monday"); the label reads the rest from the expression.
MONTHLY_WEEKDAY_SET = re.compile(
    rf"(?:on )?(?:the )?(?P<every>{_EVERY} )?(?P<n>{ORDINAL_OF_A_MONTH}) (?P<wd>{_DAY_NAMES})"
    rf"(?: (?P<part>{DAY_PART_RE}))? (?:of|in) (?(every)(?:the|each|every)|{_EVERY}) month"
)
# "The 15th of every month", "on the first of each month": a day of the month, every month
# ("the 1st of the month" alone may be one month's; not read so).
MONTHLY_DAY_SET = re.compile(rf"(?:on )?(?:the )?(?P<d>{DAYNUM_RE}) (?:day )?of {_EVERY} month")
_WEEKEND_SET = re.compile(rf"{_EVERY} weekend|(?:at|on|over) weekends")
_MONTH_SET = re.compile(rf"{_EVERY} (?P<m>{MONTH_RE})")
_SEASON_SET = re.compile(rf"{_EVERY} (?P<s>{'|'.join(SEASONS)})")
_UNIT_SET = re.compile(
    rf"{_EVERY_NTH} (?:(?P<n>{NUM_RE}|few) )?(?P<u>day|week|month|quarter|year|hour|minute)s?"
)
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# "Every night", "each morning": that part of every day.
_DAY_PART_SET = re.compile(rf"{_EVERY_NTH} (?P<part>{'|'.join(_PARTS)})")
# Units shorter than a day are written after TIMEX3's "T": "PT15M", "PT1H".
_CLOCK_UNITS = {"hour": "H", "minute": "M"}
# "Each year" or "every year" right after a date, or right before it with the word that
# places the date in the year: "from October to February each year", "on 1 April and 1
# October in each year", "every year at Christmas", "each year in July".
_EVERY_YEAR_AFTER = re.compile(rf"\s*,?\s*(?:(?:of|in|during) )?{_EVERY} year\b", re.I)
_EVERY_YEAR_BEFORE = re.compile(
    rf"\b{_EVERY} year,?\s+(?:(?:at|around|in|on|during|by|from|between)\s+)?(?:the\s+)?$",
    re.I,
)
# A word of habit earlier in the clause: "demand usually peaks in the winter months",
# "prices typically rise in December" tell of every year's, not this year's.
_HABIT_BEFORE = re.compile(
    r"\b(?:usually|typically|normally|traditionally|customarily|tends? to)\b"
    r"[^.;:!?]*$",
    re.I,
)
# Only a month or season named bare recurs so: "this month", "only early December" name
# one, whatever habit the clause tells of.
_BARE_NAME = re.compile(
    rf"(?:the )?{EARLY_MID_LATE_RE}(?:{MONTH_RE}|{'|'.join(SEASONS)})(?: months)?",
    re.I,
)
# The same words ending an expression spaCy took whole ("February of each year").
EVERY_YEAR_TAIL = re.compile(rf",?\s+(?:(?:of|in|during)\s+)?{_EVERY} year$", re.I)
# Between two dates that recur together: "October to February", "1 April and 1 October".
_JOINED = re.compile(r"\s*(?:-|–|to|through|until|till|and|or)\s*", re.I)
# A value whose year was supplied by the story's date, month or finer: "2012-12-25", "2011-11",
# "2012-SU".
_YEAR_OF_DATE = re.compile(r"\d{4}(?=-(?:\d\d|SU|SP|FA|WI)\b)")


def resolve_set(text: str) -> Resolved | None:
    """The TIMEX3 SET an expression names, or None when it names no recurrence."""
    t = normalise(text)
    m = _WEEKDAY_SET.fullmatch(t)
    if m:
        wd = WEEKDAYS[m.group("wd") or m.group("wds") or m.group("wdp")] + 1
        part_name = m.group("part") or m.group("parts")
        # (Any part the pattern reads: "every Monday lunchtime" is at midday.)
        part = f"T{PART_OF_DAY[part_name]}" if part_name else ""
        return _set(f"XXXX-WXX-{wd}{part}", Granularity.DAY)
    m = MONTHLY_WEEKDAY_SET.fullmatch(t)
    if m:
        part = f"T{PART_OF_DAY[m.group('part')]}" if m.group("part") else ""
        return _set(f"XXXX-WXX-{WEEKDAYS[m.group('wd')] + 1}{part}", Granularity.DAY)
    m = MONTHLY_DAY_SET.fullmatch(t)
    if m and (d := day_number(m.group("d"))) is not None and 1 <= d <= 31:
        return _set(f"XXXX-XX-{d:02d}", Granularity.DAY)
    if _WEEKEND_SET.fullmatch(t):
        return _set("XXXX-WXX-WE", Granularity.WEEK)
    m = _MONTH_SET.fullmatch(t)
    if m:
        return _set(f"XXXX-{MONTHS[month_key(m.group('m'))]:02d}", Granularity.MONTH)
    m = _SEASON_SET.fullmatch(t)
    if m:
        return _set(f"XXXX-{SEASONS[m.group('s')]}", Granularity.SEASON)
    m = _DAY_PART_SET.fullmatch(t)
    if m and m.group("nth") not in _ONE_IN_TWO:
        return _set(f"XXXX-XX-XXT{_PARTS[m.group('part')]}", Granularity.DAY)
    m = _UNIT_SET.fullmatch(t)
    if m:
        return _every_so_many(m.group("u"), m.group("n"), m.group("nth") in _ONE_IN_TWO)
    return None


_ONE_IN_TWO = ("other", "second", "alternate")


def _every_so_many(unit_word: str, count: str | None, one_in_two: bool) -> Resolved | None:
    """The set of every so many units: "every three weeks" P3W, "every other day" P2D,
    "every 15 minutes" PT15M, "every few years" PXY; None for what says no one length."""
    if count == "few":
        if one_in_two or unit_word in _CLOCK_UNITS:
            return None
        return _set(vague_duration_code(UNITS[unit_word]), GRAN_OF_UNIT[UNITS[unit_word]])
    n = (number(count) if count else 1) or 1
    if one_in_two:
        if count:
            return None  # "every other two weeks" says no one thing
        n = 2
    if unit_word in _CLOCK_UNITS:
        return _set(f"PT{n}{_CLOCK_UNITS[unit_word]}", Granularity.TIME)
    unit = UNITS[unit_word]
    return _set(duration_code(unit, n), GRAN_OF_UNIT[unit])


def weekly(weekday: str) -> Resolved:
    """A weekday, by name or short name ("Mon."), every week: "XXXX-WXX-1"."""
    return _set(f"XXXX-WXX-{WEEKDAYS[normalise(weekday).rstrip('.')] + 1}", Granularity.DAY)


def every_year(
    placed: list[tuple[Resolved, int, int]], full: str, habits: Sequence[bool] = ()
) -> list[int]:
    """Which of the dates placed in `full` (in order) are told as recurring every year
    (`habits`: which of them the grammar tells as a habit, `habits.told_as_a_habit`).

    A date that gives its own year ("on 1 April 2005 and every year after") is one day,
    so only dates whose year came from the story are taken; of two joined dates ("from
    October to February each year") both recur when the second does.
    """
    recurring: list[int] = []
    following = False  # the date after this one recurs and is joined to it
    for k in range(len(placed) - 1, -1, -1):
        res, start, end = placed[k]
        if not _without_own_year(res, full[start:end]):
            following = False
            continue
        told = (
            following
            or _EVERY_YEAR_AFTER.match(full, end) is not None
            or _EVERY_YEAR_BEFORE.search(full, max(0, start - 40), start) is not None
            or (k < len(habits) and habits[k])
            or (
                _BARE_NAME.fullmatch(full, start, end) is not None
                and _HABIT_BEFORE.search(full, max(0, start - 80), start) is not None
            )
        )
        if told:
            recurring.append(k)
        following = told and k > 0 and _JOINED.fullmatch(full, placed[k - 1][2], start) is not None
    return sorted(recurring)


def as_every_year(res: Resolved) -> Resolved:
    """A date the story tells as recurring every year, as a TIMEX3 set: "XXXX-04-01"."""
    return _set(_YEAR_OF_DATE.sub("XXXX", res.value, count=1), res.granularity)


def _without_own_year(res: Resolved, text: str) -> bool:
    return (
        not res.vague
        and res.timex_type == "DATE"
        and _YEAR_OF_DATE.match(res.value) is not None
        and re.search(r"\d{4}|'\d\d\b|\b(?:this|last|next) year\b", text, re.I) is None
    )


def _set(value: str, granularity: Granularity) -> Resolved:
    return Resolved(value, granularity, None, None, timex_type="SET")
