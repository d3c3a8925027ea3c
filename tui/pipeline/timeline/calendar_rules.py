"""Date rules for calendar names: days, holidays, numeric dates, months, years, decades.

Each rule is a `DateRule` (see `rule.py`); the order they are tried in is `dates.DATE_RULES`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.holidays import HOLIDAY_NAMES, holiday_in, nth_weekday
from tui.pipeline.timeline.rule import DECLINE, PASS, DateRule, Outcome, rule
from tui.pipeline.timeline.values import (
    DAY_OR_MONTH,
    Context,
    Resolved,
    Tense,
    add_months,
    century,
    day,
    decade,
    month,
    pick,
    quarter,
    safe_date,
    week_of,
    weekend_of,
    within,
    year_of,
    years,
)
from tui.pipeline.timeline.vocab import (
    DAYNUM_RE,
    DECADE_WORDS,
    MONTH_RE,
    MONTHS,
    ORD_RE,
    ORDINAL_OF_A_MONTH,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    day_number,
    day_to,
    month_key,
    named_year,
    year_number,
    year_of_two_digits,
)

# --- days named relative to the anchor, holidays, days of the month ---------------------

_RELATIVE_DAYS = {
    "today": 0, "this day": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


def _relative_day(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    return day(ctx.anchor + timedelta(days=_RELATIVE_DAYS[m.group(0)]))


def _holiday(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    name, a = m.group("name"), ctx.anchor
    if name not in HOLIDAY_NAMES:
        return PASS
    if m.group("y"):
        y = year_number(m.group("y"), a.year)
        d = holiday_in(name, y) if y else None
        # A holiday in an impossible year is left to the rules after (none will take it).
        return day(d) if d else PASS
    cands = [day(d) for y in (a.year - 1, a.year, a.year + 1) if (d := holiday_in(name, y))]
    if m.group("rel") == "last":
        return max((c for c in cands if c.start and c.start < a), key=lambda c: c.start or a)
    if m.group("rel") == "next":
        return min((c for c in cands if c.start and c.start > a), key=lambda c: c.start or a)
    framed = within(cands, ctx.season_named_here()) if m.group("rel") is None else None
    if framed is not None:
        # "The dates booked for this summer, including a show on the August bank holiday
        # weekend": the one in the season the sentence just named.
        return framed
    if m.group("rel") is None and tense in (Tense.PAST, Tense.REPORTED):
        # "The mine flooded in October 1974. The men spent Christmas underground": as a
        # month told so is, the first after the date the story has gone back to.
        told = _narrative_holiday(name, ctx)
        if told is not None:
            return told
    return pick(cands, a, tense)


# The weekend a holiday gives its name to, by the holiday's weekday (Monday = 0): the one
# before a Monday or a Tuesday, the one after a Thursday or a Friday, its own for a
# Saturday or a Sunday (a Wednesday's is the one after, as rarely said).
_HOLIDAY_WEEKEND_SHIFT = {0: -7, 1: -7, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0}


def _holiday_week(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The Easter weekend', 'the August bank holiday weekend', 'Christmas week': the
    weekend or the week of the holiday, in the year the tense points to."""
    found = _holiday(m, ctx, tense)
    if not isinstance(found, Resolved) or found.start is None:
        return found
    d = found.start
    if m.group("unit") == "week":
        return week_of(d)
    return weekend_of(d + timedelta(days=_HOLIDAY_WEEKEND_SHIFT[d.weekday()]))


def _narrative_holiday(name: str, ctx: Context) -> Resolved | None:
    scene = _narrative_scene(ctx, NARRATIVE_BLOCKS)
    if scene is None:
        return None
    for y in (scene.year, scene.year + 1):
        d = holiday_in(name, y)
        if d is not None and scene <= d <= ctx.anchor:
            return day(d)
    return None


def _the_new_year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'Reopens in the new year': the year after the story's, not New Year's Day; told in
    the past ("sales recovered in the new year"), or in January, the story's own."""
    a = ctx.anchor
    return year_of(a.year if tense is Tense.PAST or a.month == 1 else a.year + 1)


def _day_of_month(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    # "On the 15th": a day of the month the story is in, or of the one either side.
    dn, a = day_number(m.group(1)), ctx.anchor
    if dn is None:
        return DECLINE
    if m.group("rel"):
        # "the 14th of this month", "of last month": that month, whatever the tense.
        base = add_months(a, {"this": 0, "last": -1, "next": 1}[m.group("rel")])
        d = safe_date(base.year, base.month, dn)
        return day(d) if d else DECLINE
    cands = [
        day(d)
        for k in (-1, 0, 1)
        if (d := safe_date(add_months(a, k).year, add_months(a, k).month, dn))
    ]
    return pick(cands, a, tense) if cands else DECLINE


def _year_end(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    # "Completed by year-end", "cash at year-end": a deadline or a balance-sheet date,
    # the year's last day (where "the end of the year" stays the year, narrowed); told in
    # the past, the last one gone ("cash at year-end was $5 million" in a spring paper).
    # With no verb to go by ("rates seen steady until year-end", "the index at 2,000 by
    # year-end"), the nearer one: in the autumn the coming year-end, in spring the last.
    y = ctx.anchor.year
    near = Tense.PRESENT if tense is None else tense
    return pick([day(date(y - 1, 12, 31)), day(date(y, 12, 31))], ctx.anchor, near)


# --- numeric dates ------------------------------------------------------------------------


def _day_written_whole(y: int | None, mon: int, dn: int | None) -> Outcome:
    """A day told with its year: that day, marked whole; no such day declines."""
    d = safe_date(y, mon, dn) if y is not None and dn is not None else None
    return replace(day(d), full=True) if d else DECLINE


def _iso_day(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    return _day_written_whole(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _dotted_day(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    # Written with dots, a date is day first (Europe's order); there is no US reading.
    return _day_written_whole(int(m.group(3)), int(m.group(2)), int(m.group(1)))


_SHORT_MONTH = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"


def _day_month_and_year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """Day, month and year in groups 1-3 ("23.SEP.96", "25 Jul. 45"); two figures are the
    latest year not far past the story's."""
    y = int(m.group(3))
    if y < 100:
        y = year_of_two_digits(y, ctx.anchor.year)
    return _day_written_whole(y, MONTHS[month_key(m.group(2))], int(m.group(1)))


def _iso_month(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    if not 1 <= int(m.group(2)) <= 12:
        return PASS
    return month(int(m.group(1)), int(m.group(2)))


def _numeric_day(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    y = int(m.group(4))
    if y < 100:
        y = year_of_two_digits(y, ctx.anchor.year)
    first, second = int(m.group(1)), int(m.group(3))
    # The page's own order (US unless it showed otherwise), unless the numbers allow only
    # the other.
    month_, day_ = (second, first) if ctx.day_first else (first, second)
    d = safe_date(y, month_, day_) or safe_date(y, day_, month_)
    return day(d) if d else DECLINE


def _weekday_numeric_day(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'Thurs 11/15', 'Saturday, 9/3': a day in figures with no year, which the weekday
    beside it places: the year, and the order of day and month (the page's own first), in
    which they agree, nearest the anchor."""
    wd = WEEKDAYS[m.group("wd").rstrip(".")]
    first, second = int(m.group("a")), int(m.group("b"))
    orders = (
        [(second, first), (first, second)] if ctx.day_first else [(first, second), (second, first)]
    )
    for mon, dn in orders:
        if (agreed := _on_its_weekday(mon, dn, wd, ctx)) is not None:
            return day(agreed)
    return DECLINE


def _on_its_weekday(mon: int, dn: int, wd: int, ctx: Context) -> date | None:
    """The month and day in the year, nearest the anchor, in which they fall on weekday
    `wd`. When the page gave no date the anchor is only the day it was fetched, so the
    nearest year that agrees is taken from further back ("Friday 22nd December" on an
    undated shop page fetched in 2012 is 2006's): the page was written by then, so not far
    ahead."""
    a = ctx.anchor
    back = ASSUMED_ANCHOR_WEEKDAY_YEARS if ctx.anchor_assumed else 1
    years = range(a.year - back, a.year + 2)
    matching = [c for y in years if (c := safe_date(y, mon, dn)) and c.weekday() == wd]
    return min(matching, key=lambda c: abs((c - a).days)) if matching else None


# --- month and day, weekdays --------------------------------------------------------------


# How many years either side of a fetch date stood in for a missing publication date a
# weekday beside a day may move it: a day and month fall on each weekday within six years.
ASSUMED_ANCHOR_WEEKDAY_YEARS = 6


def _month_day(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    first = _first_day(m, ctx, tense)
    last = m.group("e1") or m.group("e2")
    if not isinstance(first, Resolved) or last is None or first.start is None:
        return first
    # "August 19-25": the run reaches its last day, if that is a later day of the month.
    end = safe_date(first.start.year, first.start.month, int(last))
    return replace(first, end=end) if end is not None and end > first.start else first


def _first_day(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    a = ctx.anchor
    mon = MONTHS[month_key(m.group("m1") or m.group("m2"))]
    dn = day_number(m.group("d1") or m.group("d2"))
    if dn is None or not 1 <= dn <= 31:
        return DECLINE
    if m.group("y"):
        return _day_written_whole(_year_of(m.group("y"), ctx), mon, dn)
    if (mon, dn) in ctx.full_days:
        # "June 9" after "June 9, 2020": the article's own June 9.
        return day(ctx.full_days[(mon, dn)])
    cands = [c for y in (a.year - 1, a.year, a.year + 1) if (c := safe_date(y, mon, dn))]
    if not cands:
        return DECLINE  # "June 31" is in no year (and "Feb. 29" in none of these)
    if m.group("wd"):
        # A weekday beside the date picks the year in which they agree.
        agreed = _on_its_weekday(mon, dn, WEEKDAYS[m.group("wd").rstrip(".")], ctx)
        if agreed is not None:
            return day(agreed)
    days = [day(c) for c in cands]
    following = next_in_sequence(mon, dn, ctx) if tense is None else None
    told = narrative_month(mon, ctx, dn) if tense is Tense.PAST else None
    framed = within(days, ctx.season_named_here())
    return following or told or framed or _pick_day(days, a, tense)


# A story told in the past goes on from the month or day it last named for this many
# paragraphs: "in November 2016 ... by December" is that December. A bare day goes on from
# it only in the same paragraph ("in August 2002 ... and on September 12"): in the next, it
# is as often the story's own recent day ("has said, as recently as March 5").
NARRATIVE_BLOCKS = 1
NARRATIVE_DAY_BLOCKS = 0


# A day with no verb (a list, a heading) this many days or fewer after the day last named,
# in this paragraph or the one before, continues its list ("June 9 -- Miami", "June 10 --
# Tampa"); further on, it is read by itself.
SEQUENCE_DAYS = 31


def next_in_sequence(mon: int, dn: int, ctx: Context) -> Resolved | None:
    """'June 10' in a list after 'June 9, 2020': the first such day after the one before."""
    last = ctx.last
    if (
        last is None
        or not ctx.last_is_scene
        or last.start is None
        or last.granularity is not Granularity.DAY
        or ctx.block - ctx.last_block > NARRATIVE_BLOCKS
    ):
        return None
    for year in (last.start.year, last.start.year + 1):
        d = safe_date(year, mon, dn)
        if d is not None and 0 <= (d - last.start).days <= SEQUENCE_DAYS:
            return day(d)
    return None


def scheduled(tense: Tense | None) -> Tense | None:
    """A day named with a present-tense verb is a schedule: "the tour kicks off June 9",
    "the court sits on March 3" are the coming ones (a past day takes a past verb)."""
    return Tense.FUTURE if tense is Tense.PRESENT else tense


# A writer leaves the year out of a coming day only when it is not almost a year off: a
# present-tense day whose coming occurrence is this many days ahead or more, and whose
# last one is at most `PRESENT_BACK_DAYS` back, is the last one (a caption, "the animation
# ends at 4:45pm on October 28", read five days after it).
SCHEDULE_AHEAD_DAYS = 300
PRESENT_BACK_DAYS = 45


def _pick_day(days: list[Resolved], a: date, tense: Tense | None) -> Resolved:
    coming = pick(days, a, scheduled(tense))
    if tense is not Tense.PRESENT or coming.start is None:
        return coming
    last = pick(days, a, Tense.PAST)
    if last.start is None or last.start > a:
        return coming
    ahead, back = (coming.start - a).days, (a - last.start).days
    return last if ahead >= SCHEDULE_AHEAD_DAYS and back <= PRESENT_BACK_DAYS else coming


def _week_day(base: date, wd: int) -> Resolved:
    return day(base - timedelta(days=base.weekday()) + timedelta(days=wd))


def _weekday(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    a = ctx.anchor
    wd = WEEKDAYS[m.group("wd").rstrip(".")]
    rel, after = m.group("rel") or "", m.group("after") or ""
    if after == "next week" or (rel == "next" and after == "week"):
        return _week_day(a + timedelta(weeks=1), wd)
    if after == "last week":
        return _week_day(a - timedelta(weeks=1), wd)
    if after == "week" and not rel:
        # "Monday week", as British papers write it: a week after the coming Monday.
        return day(_coming(a, wd) + timedelta(weeks=1))
    if after == "this week":
        return _week_day(a, wd)
    if rel == "the" and (named := ctx.day_of_the_last()) is not None:
        # "Trains return on Tuesday 10 January, though some may be cancelled on the
        # Monday": that day of the week of the day last named.
        return _week_day(named, wd)
    if rel == "following":
        # "Sworn in on Monday and holds her first surgery the following Saturday": the
        # first such day after the day last named (with none named, after the story's).
        after_day = ctx.day_of_the_last() or a
        return day(after_day + timedelta(days=(wd - after_day.weekday()) % 7 or 7))
    if rel == "last" and a.weekday() > wd:
        # "Last Tuesday" in a Wednesday paper is last week's: the one just gone would be
        # "Tuesday" or "yesterday".
        return _week_day(a - timedelta(weeks=1), wd)
    if rel in ("last", "this past", "past", "previous") or after == "last":
        return day(a - timedelta(days=(a.weekday() - wd) % 7 or 7))
    if rel in ("next", "this coming", "coming") or after == "next":
        return day(a + timedelta(days=(wd - a.weekday()) % 7 or 7))
    if wd == a.weekday():
        return day(a)
    if tense is None and not rel and not after and (named := ctx.named_weekday(wd)):
        # "The test window on Friday runs ...", no tense read, after "pushing the test to
        # no earlier than Friday": the Friday the story has named.
        return day(named)
    if rel == "this" and tense is None:
        # "You can still try nabbing one this Friday" in a Tuesday story, no tense read: the
        # Friday of this week (it was taken as the one just gone, as a bare "Friday" is).
        return _week_day(a, wd)
    ahead_day = a + timedelta(days=(wd - a.weekday()) % 7)
    back_day = a - timedelta(days=(a.weekday() - wd) % 7)
    if tense in (Tense.FUTURE, Tense.PRESENT):
        return day(ahead_day)
    if tense in (Tense.PROSPECTIVE, Tense.REPORTED):
        return pick([day(back_day), day(ahead_day)], a, tense)
    return day(back_day)


def _coming(a: date, wd: int) -> date:
    """The first day after `a` that is weekday `wd`."""
    return a + timedelta(days=(wd - a.weekday()) % 7 or 7)


def _week_on_weekday(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'A week on Monday', 'a fortnight on Friday', 'a week from Monday': that long after
    the coming one. Told in the past the words mean something else; other rules judge."""
    if tense is Tense.PAST:
        return PASS
    wd = WEEKDAYS[m.group("wd").rstrip(".")]
    weeks = 2 if m.group("u") == "fortnight" or m.group("n") == "two" else 1
    return day(_coming(ctx.anchor, wd) + timedelta(weeks=weeks))


# --- months -------------------------------------------------------------------------------


def _month_year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'August 1988', 'January this year', 'June last year', 'May that year'; 'the June 1999
    quarter', the calendar quarter that month ends (a quarter to May is a fiscal one, whose
    bounds the words do not give: the month alone)."""
    mon = MONTHS[month_key(m.group("m"))]
    y = _year_of(m.group("y"), ctx)
    if not y:
        return DECLINE
    if m.groupdict().get("q") and mon % 3 == 0:
        return quarter(y, mon // 3)
    return month(y, mon)


def _year_month_day(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    mon = MONTHS[month_key(m.group("m"))]
    return _day_written_whole(int(m.group("y")), mon, day_number(m.group("d")))


def _year_of(text: str, ctx: Context) -> int | None:
    """The year a date's words name: "that year" the one the article last dated, else as
    `named_year` reads it."""
    if text == "that year":
        return ctx.last.start.year if ctx.last is not None and ctx.last.start else None
    return named_year(text, ctx.anchor.year)


# "Last <month>" skips an occurrence this close (in months) to the anchor's month: in
# March, "last February" is a year back (the one just gone would be "last month").
LAST_MONTH_SKIP = 1


def last_named_month(anchor: date, mon: int) -> Resolved:
    """'Last February': the latest February over before the anchor's month, unless that is
    the month just gone (or this one), when the writer means the one a year before."""
    year = anchor.year if mon < anchor.month else anchor.year - 1
    months_back = (anchor.year - year) * 12 + anchor.month - mon
    if months_back <= LAST_MONTH_SKIP:
        year -= 1
    return month(year, mon)


def _month_alone(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'March', 'last May', 'this September'; 'that June', 'the following June', 'the
    previous June' from the date last named."""
    rel, a = m.group("rel") or m.group("rel2"), ctx.anchor
    mon = MONTHS[month_key(m.group("m"))]
    if rel in _COUNTED_FROM_THE_LAST:
        return _month_from_the_last(mon, rel, ctx)
    cands = [month(y, mon) for y in (a.year - 1, a.year, a.year + 1)]
    if rel == "this":
        return month(a.year, mon)
    if rel == "last":
        return last_named_month(a, mon)
    if rel in ("this past", "past"):
        return [c for c in cands if c.end is not None and c.end < date(a.year, a.month, 1)][-1]
    if rel in ("next", "this coming", "coming"):
        return next(c for c in cands if c.start is not None and c.start > a)
    told = narrative_month(mon, ctx) if rel is None and tense is Tense.PAST else None
    framed = within(cands, ctx.season_named_here()) if rel is None else None
    return told or framed or pick(cands, a, tense)


_COUNTED_FROM_THE_LAST = ("that", "following", "previous", "preceding")


def _month_from_the_last(mon: int, rel: str, ctx: Context) -> Resolved:
    """ "The war began in 1939. The following June, France fell": the first such month
    after the date last named (June 1940); "the previous June", the last before it; "that
    June", the one in its year. With no date named, the story's day stands in."""
    last = ctx.last
    start = last.start if last is not None and last.start is not None else ctx.anchor
    end = last.end if last is not None and last.end is not None else start
    if rel == "that":
        return month(start.year, mon)
    if rel == "following":
        year = end.year if mon > end.month else end.year + 1
    else:
        year = start.year if mon < start.month else start.year - 1
    return month(year, mon)


_THURSDAY = 3


def _nth(word: str) -> int:
    """Which of a month's weeks or weekdays: 'second', '2nd' -> 2; 'last', 'final' -> -1
    (the rules' patterns let through only such words)."""
    word = word.lower()
    if word in ("last", "final"):
        return -1
    n = day_number(word)
    assert n is not None, word
    return n


def _the_month(m: re.Match[str], ctx: Context, tense: Tense | None) -> Resolved | None:
    """The month a rule's "m" names, in the year its "y" gives, else the one the tense
    points to; None for a year that names none."""
    a, mon = ctx.anchor, MONTHS[month_key(m.group("m"))]
    if m.group("y"):
        y = named_year(m.group("y"), a.year)
        return None if y is None else month(y, mon)
    return pick([month(y, mon) for y in (a.year - 1, a.year, a.year + 1)], a, tense)


def _week_of_month(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The second week of July': weeks run Monday to Sunday and belong to the month that
    holds their Thursday (as ISO weeks belong to years), so "the first week of September"
    2024 starts on the 2nd, not on Monday, Aug. 26; the month's year from the tense."""
    base = _the_month(m, ctx, tense)
    if base is None or base.start is None or base.end is None:
        return DECLINE
    which = _nth(m.group("n"))
    if which == -1:
        last_thursday = base.end - timedelta(days=(base.end.weekday() - _THURSDAY) % 7)
        return week_of(last_thursday)
    first_thursday = base.start + timedelta(days=(_THURSDAY - base.start.weekday()) % 7)
    return week_of(first_thursday + timedelta(weeks=which - 1))


def _ordinal_day_of_month(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The first day of May', 'the last day of February 2024': that day (it was read as
    the whole month); without a year, the month the tense points to."""
    base = _the_month(m, ctx, tense)
    if base is None or base.start is None or base.end is None:
        return DECLINE
    which = _nth(m.group("n"))
    found = base.end if which == -1 else base.start + timedelta(days=which - 1)
    return day(found) if found <= base.end else DECLINE


def _first_or_last_day_of(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The last day of the year', 'the first day of next month', 'the final day of 2018':
    that day, of the story's year or month, or one either side; of "the" year or month,
    the one just named if the story named one."""
    a, last = ctx.anchor, ctx.last
    unit = "Y" if m.group("unit") == "year" or m.group("y") else "M"
    if m.group("y"):
        y = named_year(m.group("y"), a.year)
        if y is None:
            return DECLINE
        base = year_of(y)
    elif m.group("rel") == "the" and last and last.granularity is _GRANULARITY_OF[unit]:
        base = last
    else:
        step = {"next": 1, "last": -1}.get(m.group("rel"), 0)
        moved = add_months(a, step)
        base = year_of(a.year + step) if unit == "Y" else month(moved.year, moved.month)
    if base.start is None or base.end is None:
        return DECLINE
    return day(base.end if _nth(m.group("n")) == -1 else base.start)


_GRANULARITY_OF = {"Y": Granularity.YEAR, "M": Granularity.MONTH}


def _weekday_of_month(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The last Saturday of September', 'the second Monday in October 2025': that day;
    without a year, the occurrence the tense points to. Of "the month" or "this month",
    the story's month; of "next" or "last month", the one after or before it."""
    a, wd, n = ctx.anchor, WEEKDAYS[m.group("wd").rstrip(".").lower()], _nth(m.group("n"))
    if m.group("rel"):
        if m.group("y"):
            return DECLINE
        of = add_months(a, {"next": 1, "last": -1}.get(m.group("rel"), 0))
        last = ctx.last
        if m.group("rel") == "the" and last and last.granularity is Granularity.MONTH:
            # "In March, ... on the last Saturday of the month": the month just named.
            of = last.start or of
        that = nth_weekday(of.year, of.month, wd, n)
        return day(that) if that.month == of.month else DECLINE
    mon = MONTHS[month_key(m.group("m"))]
    named = named_year(m.group("y"), a.year) if m.group("y") else None
    if m.group("y") and named is None:
        return DECLINE
    found = [
        day(d)
        for y in ((named,) if named else (a.year - 1, a.year, a.year + 1))
        if y is not None
        and (d := nth_weekday(y, mon, wd, n)).month == mon  # a fifth one may be none
    ]
    return pick(found, a, tense) if found else DECLINE


def narrative_month(mon: int, ctx: Context, dn: int | None = None) -> Resolved | None:
    """'By December', 'on September 12', told in the past just after a month or day of
    another year was named ("in August 2002"): the first such month or day from that date
    on, when it has come by the anchor."""
    scene = _narrative_scene(ctx, NARRATIVE_BLOCKS if dn is None else NARRATIVE_DAY_BLOCKS)
    if scene is None:
        return None
    on = (mon, dn or 1) >= (scene.month, scene.day if dn else 1)
    year = scene.year if on else scene.year + 1
    if dn is None:
        found: Resolved | None = month(year, mon)
    else:
        found = day(d) if (d := safe_date(year, mon, dn)) else None
    return found if found and found.start is not None and found.start <= ctx.anchor else None


def _narrative_scene(ctx: Context, blocks: int) -> date | None:
    """The start of the month or day the story last went back to, named at most `blocks`
    blocks before (None when it named none, or a time that is no scene)."""
    last = ctx.last
    if (
        last is None
        or not ctx.last_is_scene
        or ctx.told_from_now
        or last.start is None
        or last.granularity not in DAY_OR_MONTH
        or ctx.block - ctx.last_block > blocks
    ):
        return None
    return last.start


# --- years, decades, centuries --------------------------------------------------------------


def _year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    y = year_number(m.group("y"), ctx.anchor.year)
    # "'98" alone is too short to trust; "the '98 season", "fiscal '98" are years.
    short = re.fullmatch(r"'\d{2}", m.group("y")) is not None
    if y is None or (short and not m.group(0).startswith(("the", "fiscal"))):
        return PASS
    return year_of(y)


# "2019-2025" is a run of years; a longer one is more likely a reference number, and so
# is one that starts this early: "40 (4), 1002-1007" in a citation is a range of pages.
MAX_YEARS_RUN = 10
EARLIEST_RUN_YEAR = 1500


def _split_year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'2023-24', 'fiscal 2023/24', '2019-2021', '1850-58': one period over the years
    named; "the period 1980-1995" however long."""
    longest = MAX_YEARS_RUN_INTRODUCED if m.group("period") else MAX_YEARS_RUN
    found = run_of_years(int(m.group("y")), m.group("y2"), longest)
    return PASS if found is None else found


def run_of_years(first: int, tail: str, longest: int = MAX_YEARS_RUN) -> Resolved | None:
    """The years from `first` to the year `tail` ends the run in. A two-digit end is the
    next year ("1999-00" ends in 2000), or a later year of the same century that no month
    could be ("1850-58"); any other is a month (None). A one-digit end ("1976-7") is a
    later year of the same decade. None, too, for a run longer than `longest` years."""
    if len(tail) == 1:
        last = first - first % 10 + int(tail)
    elif len(tail) == 2 and int(tail) != (first + 1) % 100:
        if int(tail) <= MONTHS_IN_A_YEAR or int(tail) <= first % 100:
            return None  # "2024-07" is July 2024 (iso-month)
        last = first - first % 100 + int(tail)
    else:
        last = int(tail) if len(tail) == 4 else first + 1
    if not EARLIEST_RUN_YEAR <= first < last <= 2199 or last - first > longest:
        return None
    if last == first + 1:
        # One fiscal year or season over two calendar years: named, as a fiscal year is,
        # by the year it ends in ("1995/96" is fiscal 1996, FY96); shown as both years.
        return replace(years(first, last), value=f"{last:04d}")
    return years(first, last)


# A run of years that words of time introduce ("from 1986-1997", "between 1980-93", "in
# 1981-2", "the period 1996-2010"): years, however long. Page ranges and reference numbers
# come with no such words, and `MAX_YEARS_RUN` keeps those out.
MAX_YEARS_RUN_INTRODUCED = 100
_A_RUN_OF_YEARS = re.compile(r"(?P<y>\d{4}) ?(?:--|[-/]) ?(?P<y2>\d{4}|\d{1,2})")


def introduced_run_of_years(t: str) -> Resolved | None:
    """A run of years (`_A_RUN_OF_YEARS`, normalised text) that a preposition introduced."""
    m = _A_RUN_OF_YEARS.fullmatch(t)
    return None if m is None else run_of_years(int(m["y"]), m["y2"], MAX_YEARS_RUN_INTRODUCED)


def _decade_digits(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    short = m.group("s") or m.group("s2")
    if short:
        # "The '90s": the last such decade at or before the anchor.
        first = (ctx.anchor.year // 100) * 100 + int(short) * 10
        if first > ctx.anchor.year:
            first -= 100
    else:
        first = int(m.group("c")) * 100 + int(m.group("d")) * 10
        if first % 100 == 0 and not 0 <= ctx.anchor.year - first < HUNDREDS_AS_DECADE_YEARS:
            # "The late 1800s" is the nineteenth century ("the 2000s" in 2015, the decade).
            return century(first // 100 + 1)
    return decade(first)


MONTHS_IN_A_YEAR = 12

# "The 1900s" names a decade (1900-1909) only while that decade is recent enough to be
# told apart: within this many years of its start; later, and before it, the century.
HUNDREDS_AS_DECADE_YEARS = 50


def _decade_words(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    return decade(1900 + 10 * DECADE_WORDS[m.group("w")])


def _century(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    n = day_number(m.group("n"))
    return century(n) if n else DECLINE


def _decade_words_re() -> str:
    return "|".join(sorted(DECADE_WORDS))


CALENDAR_RULES: dict[str, DateRule] = {r.name: r for r in [
    rule("relative-day", "|".join(_RELATIVE_DAYS), _relative_day,
          "today, yesterday, tomorrow: a day from the anchor"),
    rule("the-new-year", r"the new year", _the_new_year,
         "in the new year: the coming year, where 'New Year' alone is the holiday"),
    rule("holiday",
          rf"(?:the )?(?:(?P<rel>this|last|next) )?(?P<name>.+?)(?:,? (?:of )?(?P<y>{YEAR_RE}))?",
          _holiday, "Christmas, Easter, Thanksgiving: in the year the tense points to"),
    rule("holiday-week",
          rf"(?:the )?(?:(?P<rel>this|last|next) )?(?P<name>.+?) (?P<unit>weekend|week)"
          rf"(?:,? (?P<y>{YEAR_RE}))?",
          _holiday_week, "the Easter weekend, Christmas week: the holiday's weekend or week"),
    rule("day-of-month",
          rf"(?:the )?(\d{{1,2}}(?:st|nd|rd|th)|{ORD_RE})(?: of (?P<rel>this|last|next) month)?",
          _day_of_month, "the 15th (of this month): in the story's month or one either side"),
    rule("year-end", r"(?:the )?year[- ]end|end-year", _year_end,
          "year-end: the last day of the anchor's year"),
    rule("iso-day", r"(\d{4})-(\d{2})-(\d{2})", _iso_day, "2024-07-19"),
    # Before iso-month: "2011-12" in prose is a season or fiscal year, not December 2011.
    rule("split-year",
          r"(?:(?P<period>the (?:[a-z0-9]+[- ]year )?period )"
          r"|(?:fiscal|financial|the|the fiscal|the financial)(?: years?)? )?"
          r"(?P<y>\d{4}) ?(?:--|[-/\u2013]) ?(?P<y2>\d{4}|\d{2})"
          r"(?: (?:season|fiscal year|financial year|school year|academic year|period))?",
          _split_year, "2023-24, fiscal 2023/24, 2019-2021, the five-year period 1989-1993"),
    rule("iso-month", r"(\d{4})-(\d{2})", _iso_month, "2024-07"),
    rule("dotted-day", r"(\d{1,2})\.(\d{1,2})\.(\d{4})", _dotted_day,
         "31.12.2023: day first"),
    rule("dotted-month-day", rf"(\d{{1,2}})\.({_SHORT_MONTH})\.(\d{{2}}|\d{{4}})",
         _day_month_and_year, "23.SEP.96, a bond notice's day: a two-digit year near the story's"),
    rule("weekday-numeric-day", rf"(?P<wd>{WEEKDAY_RE}),? (?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})",
         _weekday_numeric_day, "Thurs 11/15: the year in which the weekday agrees"),
    rule("day-month-short-year", rf"(\d{{1,2}}) ({MONTH_RE}) (\d\d)", _day_month_and_year,
         "25 Jul. 45, 30 November 02: a record's or a citation's day, the year the latest"
         " not far past the story's"),
    rule("numeric-day", rf"(?:{WEEKDAY_RE},? )?(\d{{1,2}})([/-])(\d{{1,2}})\2(\d{{2}}|\d{{4}})",
          _numeric_day, "7/19/24, 10-29-23, Thu 1/25/2007: US order unless impossible"),
    rule("month-day",
          r"(?:(?:this coming|this past|this|next|last|coming|past) )?"
          rf"(?:(?P<wd>{WEEKDAY_RE}),? )?(?:the )?"
          rf"(?:(?P<m1>{MONTH_RE}) (?:the )?(?P<d1>{DAYNUM_RE}){day_to('e1')}"
          rf"|(?P<d2>{DAYNUM_RE}){day_to('e2')} (?:of )?(?P<m2>{MONTH_RE}))"
          # (A full stop for the comma is a slip of the keys: "August 5. 2003".)
          # ("May 18-1940": a dash before a year in figures, on old records.)
          rf"(?:(?:[,.]? (?:of )?|-(?=\d{{4}}$))"
          rf"(?P<y>{YEAR_RE}|this year|last year|next year|that year))?",
          _month_day,
          "Aug. 6, 6 August 2024, Tuesday, Aug. 6, August the 6th: the year from the tense;"
          " 3 September that year: the year last named"),
    # ("A fortnight" is "two weeks" once normalised.)
    rule("week-on-weekday",
          rf"(?:(?P<n>a|two) )?(?P<u>week|fortnight)s? (?:on|from) (?P<wd>{WEEKDAY_RE})",
          _week_on_weekday, "a week on Monday: a week after the coming Monday"),
    rule("weekday",
          r"(?P<rel>last|next|this|this past|this coming|coming|past|previous|following|the)? ?"
          rf"(?P<wd>{WEEKDAY_RE})"
          r"(?: (?P<after>last|next|week|this week|last week|next week))?",
          _weekday, "Tuesday, last Friday, Monday next week: the week from the tense"),
    rule("week-of-month",
          rf"(?:the )?(?P<n>first|second|third|fourth|last|final) week of (?P<m>{MONTH_RE})"
          rf"(?:,? (?P<y>{YEAR_RE}|this year|last year|next year))?",
          _week_of_month, "the second week of July, the last week of March 2023"),
    rule("ordinal-day-of-month",
          # ("This 9th day of August, 2012": a deed's or a proclamation's day.)
          rf"(?:the |this )?(?P<n>last|final|{ORD_RE}|\d{{1,2}}(?:st|nd|rd|th)) day of"
          rf" (?P<m>{MONTH_RE})"
          rf"(?:,? (?P<y>{YEAR_RE}|this year|last year|next year))?",
          _ordinal_day_of_month,
          "the first day of May, this 9th day of August, the last day of February 2024: that day"),
    rule("first-or-last-day-of",
          r"(?:the )?(?P<n>first|last|final|1st) day of "
          rf"(?:(?P<rel>the|this|next|last) (?P<unit>month|year)|(?P<y>{YEAR_RE}))",
          _first_or_last_day_of,
          "the last day of the year, the first day of next month: that day"),
    rule("weekday-of-month",
          rf"(?:the )?(?P<n>{ORDINAL_OF_A_MONTH}) "
          rf"(?P<wd>{WEEKDAY_RE}) (?:of|in) (?:(?P<m>{MONTH_RE})|(?P<rel>the|this|next|last) month)"
          rf"(?:,? (?P<y>{YEAR_RE}|this year|last year|next year))?",
          _weekday_of_month,
          "the last Saturday of September, the second Monday in October, the first Friday of"
          " the month (the story's), of next month"),
    rule("month-year",
          # ("Died last March 2004": the year given, "last" says only that it is past.)
          r"(?:the |(?:last|this past|past|next|this coming|coming) )?"
          rf"(?P<m>{MONTH_RE}),? (?:of )?"
          rf"(?P<y>{YEAR_RE}|this year|last year|next year|that year)"
          r"(?: (?:fiscal )?year| (?P<q>quarter))?",
          _month_year,
          "August 1988, June last year; the March 2001 year (a year to March); the June 1999"
          " quarter (the quarter to June)"),
    rule("year-month-day", rf"(?P<y>\d{{4}})[- ](?P<m>{MONTH_RE}) (?P<d>{DAYNUM_RE})",
          _year_month_day, "2001-November 30, 2019 March 5: the year first, as records write it"),
    rule("year-month", rf"(?P<y>\d{{4}}),? (?P<m>{MONTH_RE})", _month_year,
          "1993 December, 2001 Mar: the year first, as references and records write it"),
    rule("month-alone",
          r"(?:(?P<rel>last|next|this|this past|this coming|past|coming|that)"
          r"|the (?P<rel2>following|previous|preceding))? ?"
          rf"(?P<m>{MONTH_RE})", _month_alone,
          "March, last May: the year from the tense; the following June, the previous June,"
          " that June: from the date last named"),
    rule("year",
          r"(?:(?:fiscal|calendar|the year|the fiscal year|the calendar year|the|year"
          r"|(?:the )?full[- ]year|the (?:entire |whole |full )?year of) )?"
          rf"(?P<y>{YEAR_RE})(?: (?:period|quarter|season|year|calendar year|fiscal year))?",
          _year, "1998, fiscal 1998, full-year 1995, the entire year of 2002, nineteen ninety-six"),
    rule("decade-digits",
          # Without the apostrophe ("the mid-90s") only after "the": "in her 90s" is an age,
          # and a temperature's "the mid-90s" is left out by `build`.
          r"(?:the )?(?:(?:early|mid|late)[- ])?(?:(?P<c>\d{2})(?P<d>\d)0|'(?P<s>\d)0)'?s"
          r"|the (?:(?:early|mid|late)[- ])?(?P<s2>[1-9])0'?s",
          _decade_digits, "the 1980s, the '90s, the mid-90s"),
    rule("decade-words", rf"(?:the )?(?:(?:early|mid|late)[- ])?(?P<w>{_decade_words_re()})",
          _decade_words, "the nineties"),
    rule("century", rf"(?:the )?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORD_RE})[- ]century", _century,
          "the 20th century, a 21st-century problem"),
]}  # fmt: skip
