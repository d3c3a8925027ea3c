"""Date rules for periods: seasons, quarters and halves, "this week", "that year", counts
("two days ago", "a year earlier") and days counted from the last one named.

Each rule is a `DateRule` (see `rule.py`); the order they are tried in is `dates.DATE_RULES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import MAXYEAR, MINYEAR, date, timedelta

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.lengths import bare_length
from tui.pipeline.timeline.rule import DECLINE, PASS, DateRule, Outcome, rule
from tui.pipeline.timeline.values import (
    HOLDS_MONTHS,
    ON_A_DAY,
    Context,
    Resolved,
    Tense,
    add_months,
    company_quarter,
    day,
    duration,
    half,
    is_quarter,
    month,
    months_run,
    pick,
    quarter,
    resolve_unit_offset,
    season,
    shift,
    vague,
    week_of,
    weekend_of,
    year_of,
)
from tui.pipeline.timeline.vocab import (
    APPROX_RE,
    LIKE_RE,
    LIKE_UNIT_RE,
    MONTH_RE,
    MONTHS,
    NUM_RE,
    ORD_RE,
    SEASONS,
    SPLIT_YEAR_RE,
    TENS_RE,
    UNIT_RE,
    UNITS,
    VAGUE_NUM_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_AGO_RE,
    YEAR_RE,
    month_key,
    named_year,
    number,
    year_number,
)

# --- seasons, quarters, halves -------------------------------------------------------------


def _season(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    a = ctx.anchor
    code, yt, rel = SEASONS[m.group("s")], m.group("y"), m.group("rel")
    if yt:
        y = named_year(yt, a.year)
        return season(y, code) if y else DECLINE
    if rel in ("that", "the same"):
        # "She wrote songs that summer": the season of the year the article last named.
        last = ctx.last
        return season(last.start.year, code) if last and last.start else DECLINE
    if rel == "following":
        # "The check is in June 2027; results follow the following autumn": the first such
        # season after the date last named (with none named, after the story's day).
        after = ctx.last.end if ctx.last and ctx.last.end else a
        years = range(after.year - 1, after.year + 2)
        return next(c for y in years if (c := season(y, code)).start and c.start > after)
    cands = [season(y, code) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    if rel in ("last", "this past", "past"):
        return [c for c in cands if c.end is not None and c.end < a][-1]
    if rel in ("next", "this coming", "coming"):
        return next(c for c in cands if c.start is not None and c.start > a)
    if rel == "this":
        return _this_season(cands, a, tense)
    return pick(cands, a, tense)


def _this_season(cands: list[Resolved], a: date, tense: Tense | None) -> Resolved:
    """'This fall': the season the anchor is in; else "will be debated this fall" is the
    coming one, and told in the past ("my bank got eaten this spring") the one gone if it
    ended this year (in July, "were assigned to mentor this fall" is still the coming one,
    last year's being no "this"); with no tense, the one nearest the anchor."""
    placed = [(c, c.start, c.end) for c in cands if c.start is not None and c.end is not None]
    current = [c for c, start, end in placed if start <= a <= end]
    if current:
        return current[0]
    gone, gone_end = [(c, end) for c, _, end in placed if end < a][-1]
    coming = next(c for c, start, _ in placed if start > a)
    if tense is Tense.FUTURE:
        return coming
    if tense is Tense.PAST:
        return gone if gone_end.year == a.year else coming
    return pick([gone, coming], a, Tense.PRESENT)


_QUARTER_NUMBERS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip


def _ordinal_quarter(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    a = ctx.anchor
    kind, q = m.group("kind"), m.group("q")
    if q in ("final", "last", "closing"):
        # "The final quarter of 2023", "the last half of last year", "the closing quarter":
        # the year's last one. Without a year, "last quarter" is the one before this
        # (`relative-period`).
        if q == "last" and not (m.group("y1") or m.group("y2") or m.group("of_year")):
            return PASS
        q = "second" if kind == "half" else "fourth"
    if q == "opening":
        q = "first"
    qn = _QUARTER_NUMBERS[q]
    if kind == "half" and qn > 2:
        return DECLINE
    make = half if kind == "half" else quarter
    told = _the_year_told_before(ctx) if m.group("of_year") else None
    in_told = make(told, qn) if told is not None else None
    if in_told is not None and not (
        tense is Tense.FUTURE and in_told.end is not None and in_told.end < ctx.anchor
    ):
        return in_told  # (told ahead, a quarter gone by is no such year's)
    if m.group("of_year") and tense is not Tense.PAST:
        # "Would recover in the second half of the year", said in January: "the year" is
        # the story's (told in the past, one not yet begun is last year's, as below).
        return make(a.year, qn)
    found = _in_its_year(make, qn, m.group("y1") or m.group("y2"), a, tense)
    if m.group("adj") in ("previous", "prior") and isinstance(found, Resolved):
        # "From 6.93 million in the previous first half": that half of the year before (the
        # quarter before a third is "the second quarter", never "the previous" one).
        return shift(found, "Y", -1) or DECLINE
    return found


# What the paragraph last named, for "the year" of a quarter or half to be its year: a
# year whole, or a quarter, half, season or month of one ("at the end of 1998" is a part
# no quarter follows on from).
_PARTS_OF_A_YEAR = (Granularity.SEASON, Granularity.MONTH)


def _the_year_told_before(ctx: Context) -> int | None:
    """'Sales rose in the first quarter of 1999. In the fourth quarter of the year, they
    fell': "the year" of a quarter or half is the one its paragraph last named, when that
    was another year than the story's, or a part of one (not a mention worked out from
    another, "a year earlier")."""
    last = ctx.last
    if (
        last is None
        or last.anaphoric
        or last.start is None
        or ctx.block - ctx.last_block > 1
        or not (last.granularity in _PARTS_OF_A_YEAR or _a_whole_year(last))
        or last.start.year == ctx.anchor.year
        or (last.end is not None and last.end.year != last.start.year)
    ):
        return None
    return last.start.year


def _a_whole_year(res: Resolved) -> bool:
    return (
        res.granularity is Granularity.YEAR
        and res.start is not None
        and res.end is not None
        and (res.start.month, res.start.day, res.end.month, res.end.day) == (1, 1, 12, 31)
    )


def _in_its_year(
    make: Callable[[int, int], Resolved], n: int, yt: str | None, a: date, tense: Tense | None
) -> Outcome:
    """Quarter or half `n` of the year named (a number, "this/last/next year"), else of the
    anchor's year; one not yet begun is last year's, unless the verb looks ahead or, in
    the present, this year's is the nearer."""
    if yt:
        y = named_year(yt, a.year)
        return make(y, n) if y is not None else DECLINE
    r = make(a.year, n)
    if r.start is None or r.start <= a or tense is Tense.FUTURE:
        return r
    earlier = make(a.year - 1, n)
    # "Orders for the fourth quarter are strong" in August speaks of the coming one;
    # "fourth-quarter profit is up" in February of the one just gone. What a past saying
    # or wait looked ahead to ("prices awaiting an upturn into the fourth quarter") may
    # still be to come as well.
    looks_either_way = (Tense.PRESENT, Tense.REPORTED, Tense.PROSPECTIVE, None)
    return pick([earlier, r], a, tense) if tense in looks_either_way else earlier


# "The first six months of the year" is its first half; "the last three months of 2023" its
# fourth quarter. Other counts ("the first nine months") make no calendar unit.
_MONTHS_AS_PERIOD = {
    ("first", "three"): (quarter, 1), ("first", "six"): (half, 1),
    ("last", "three"): (quarter, 4), ("last", "six"): (half, 2),
}  # fmt: skip


def _months_of_year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    end = "first" if m.group("q") in ("first", "opening") else "last"
    n = number(m.group("n"))
    if n is not None and m.group("u") == "quarters":
        n *= 3
    if n is None or not 0 < n < 12:
        return DECLINE
    words = {3: "three", 6: "six"}.get(n)
    if words is not None:
        make, k = _MONTHS_AS_PERIOD[(end, words)]
        return _in_its_year(make, k, m.group("y"), ctx.anchor, tense)
    # "The first nine months of the year": a results story's running total, a length
    # (TIMEX3 "P9M") that lies from the year's first day, or up to its last.
    y = named_year(m.group("y"), ctx.anchor.year) if m.group("y") else ctx.anchor.year
    if y is None:
        return DECLINE
    if end == "first":
        return replace(duration(date(y, 1, 1), "M", n, ahead=True), end=month(y, n).end)
    return replace(duration(date(y, 12, 31), "M", n, ahead=False), start=month(y, 13 - n).start)


def _q_quarter(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'Q3', 'Q3 2019', '2019 Q3', "Q3 '19", 'H1 2024': a quarter or half written the way
    results tables do."""
    short, n = m.group("yy"), int(m.group("q"))
    yt = m.group("y1") or m.group("y2") or (f"'{short}" if short else None)
    if m.group("k") == "h":
        return _in_its_year(half, n, yt, ctx.anchor, tense) if n <= 2 else DECLINE
    return _in_its_year(quarter, n, yt, ctx.anchor, tense)


_A_QUARTER_WORD = re.compile(r"\b(?:quarter|period)\b", re.I)


def _month_range_quarter(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The July-September quarter': three months that make a calendar quarter, else (a
    company's own, "the November-January quarter", `company_quarter`) the months themselves
    ("February-April", valued by the first), in the year the tense points to."""
    first, last = MONTHS[month_key(m.group("m1"))], MONTHS[month_key(m.group("m2"))]
    yt, a = m.group("y"), ctx.anchor
    if (last - first) % 12 == 2 and first % 3 == 1:
        return _in_its_year(quarter, (first - 1) // 3 + 1, yt, a, tense)
    if (last - first) % 12 == 5 and first in (1, 7):
        return _in_its_year(half, 1 if first == 1 else 2, yt, a, tense)

    named_quarter = (last - first) % 12 == 2 and _A_QUARTER_WORD.search(m.group(0))

    def months(y: int) -> Resolved:
        if named_quarter:
            return company_quarter(date(y, first, 1))
        return months_run(date(y, first, 1), date(y + (last < first), last, 1))

    if yt:
        # The year named is the one the period ends in ("the November-January quarter of 2024").
        y = named_year(yt, a.year)
        return months(y - (last < first)) if y is not None else DECLINE
    return pick([months(y) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)], a, tense)


def _month_quarter(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    # "The September quarter": the quarter that ends with (or holds) that month.
    a = ctx.anchor
    q = (MONTHS[month_key(m.group("m"))] - 1) // 3 + 1
    return pick([quarter(y, q) for y in (a.year - 1, a.year, a.year + 1)], a, tense)


def _the_quarter(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'the quarter', 'the latest period': the quarter the article frames, or the anchor's."""
    frame = ctx.quarter_frame()
    latest = m.group("adj") in ("latest", "most recent", "just-ended")
    if m.group("kind") != "quarter" and frame is None and not latest:
        # "The period" with no quarter named before is not a quarter; "the latest period"
        # is, in the results stories that say it: the last one reported.
        return PASS
    if latest:
        # The latest of the quarters the story frames (all are over: only those frame);
        # with none, the last one completed by the anchor.
        if frame is not None and ctx.latest_quarter is not None:
            return replace(ctx.latest_quarter, anaphoric=True)
        return resolve_unit_offset(ctx.anchor, "Q", -1)
    if m.group("adj") == "current":
        # "The current quarter" is the anchor's, though the story frames the one reported
        # (whose loss "this quarter's loss" may be).
        return resolve_unit_offset(ctx.anchor, "Q", 0)
    if frame is not None:
        return replace(frame, anaphoric=True)
    # "Sales fell in the quarter": a quarter told in the past tense is over, so it is
    # the last one completed, not the one the anchor falls in.
    return resolve_unit_offset(ctx.anchor, "Q", -1 if tense is Tense.PAST else 0)


def _full_year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    return year_of(ctx.anchor.year)


def _season_of_play(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'Scored 11 goals this season', 'their two meetings last season': in a story of
    games, the season of play the story's day is in (or the one before or after), named by
    that day's year; elsewhere "this season" is no date we can place ("pumpkin this
    season")."""
    if not ctx.games_story:
        return PASS
    return year_of(ctx.anchor.year + _step(m.group("rel")))


def _midweek(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    return week_of(ctx.anchor)


def _latest_half_over(a: date) -> Resolved:
    """The last half-year that has ended by `a`: the one a results story reports."""
    return half(a.year, 1) if a.month > 6 else half(a.year - 1, 2)


def _half_year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    return _latest_half_over(ctx.anchor)


def _year_ago_period(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'the year-ago quarter': the framing quarter (or half) a year back, or last year;
    'the year-earlier first half': that half of the year before the frame's."""
    frame = ctx.results_frame()
    if m.group("q"):
        n = _QUARTER_NUMBERS[m.group("q")]
        if m.group("kind") == "half" and n > 2:
            return DECLINE
        year = (frame.start.year if frame is not None and frame.start else ctx.anchor.year) - 1
        made = half(year, n) if m.group("kind") == "half" else quarter(year, n)
        return replace(made, anaphoric=True)
    if frame is None and m.group("kind") is not None:
        # No quarter named yet: the one a results story reports is the latest one over
        # ("results for the year-earlier quarter" in November: last year's third).
        a = ctx.anchor
        quarterly = m.group("kind") == "quarter"
        frame = resolve_unit_offset(a, "Q", -1) if quarterly else _latest_half_over(a)
    if frame is not None:
        shifted = shift(frame, "Y", -1)
        return replace(shifted, anaphoric=True) if shifted else DECLINE
    last = ctx.last
    if (
        m.group("kind") is None
        and last is not None
        and last.granularity is Granularity.MONTH
        and ctx.last_block == ctx.block
    ):
        # "Registrations jumped in July this year from the year-earlier period": the month
        # just named, a year back.
        shifted_month = shift(last, "Y", -1)
        return replace(shifted_month, anaphoric=True) if shifted_month else DECLINE
    return replace(year_of(ctx.anchor.year - 1), anaphoric=True)


def _same_period_last_year(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    # "The same period last year": the frame's quarter (or half), or the year, a year back;
    # "the corresponding month last year": the month last named, a year back.
    last, unit = ctx.last, m.group("u")
    if unit == "month" and last is not None and last.granularity is Granularity.MONTH:
        shifted_month = shift(last, "Y", -1)
        return replace(shifted_month, anaphoric=True) if shifted_month else DECLINE
    if unit == "week":
        # "Sales in the same week last year": the week of that number a year back, of the
        # week (or the day) last named or else the story's.
        of = (
            last.start if last and last.granularity in (Granularity.WEEK, Granularity.DAY) else None
        )
        return _week_a_year_back(of or ctx.anchor) or DECLINE
    if unit == "month":
        return shift(resolve_unit_offset(ctx.anchor, "M", 0), "Y", -1) or DECLINE
    frame = ctx.results_frame()
    if frame is None and unit == "quarter":
        # "Up 14 percent from the same quarter a year ago", no quarter named: the one a
        # results story reports, the last completed by the anchor.
        frame = resolve_unit_offset(ctx.anchor, "Q", -1)
    shifted = shift(frame, "Y", -1) if frame is not None else year_of(ctx.anchor.year - 1)
    return replace(shifted, anaphoric=True) if shifted else DECLINE


def _week_a_year_back(of: date) -> Resolved | None:
    year, week, _ = of.isocalendar()
    try:
        monday = date.fromisocalendar(year - 1, min(week, 52), 1)
    except ValueError:
        return None  # before the calendar's first year
    return resolve_unit_offset(monday, "W", 0)


def _this_time(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'this time last year': the story's day a unit back (or ahead), not the whole year."""
    step = -1 if m.group("rel") == "last" else 1
    return shift(day(ctx.anchor), UNITS[m.group("u")], step) or DECLINE


def _year_period(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'the 1988 period' in a results story: the quarter the story frames, in that year
    (with no quarter framed, the year rule reads it as the year)."""
    frame = ctx.quarter_frame()
    y = year_number(m.group("y"), ctx.anchor.year)
    if frame is None or y is None:
        return PASS
    return replace(quarter(y, int(frame.value[-1])), anaphoric=True)


def _nth_day_today(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    # "Today is the eighth day of the operation": a count of days that reaches now.
    if tense is Tense.PRESENT:
        return day(ctx.anchor)
    if tense is Tense.PAST and m.group("streak"):
        # "Stocks fell for a third straight day": the day the story reports, the latest of
        # the run.
        return replace(day(ctx.day_named_here() or ctx.news_day or ctx.anchor), anaphoric=True)
    return PASS


# --- periods counted from the last date named --------------------------------------------


def _unit_before_after(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'the week before', 'the year after': from the date last named, else the anchor."""
    base = ctx.last.start if ctx.last is not None and ctx.last.start else ctx.anchor
    step = -1 if m.group(2) in ("before", "earlier") else 1
    return replace(resolve_unit_offset(base, UNITS[m.group(1)], step), anaphoric=True)


def _before_last(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The year before last', 'the week before last': two units back from the anchor;
    'the week after next': two ahead."""
    step = 2 if m.group("which") == "after next" else -2
    return resolve_unit_offset(ctx.anchor, UNITS[m.group("u")], step)


def _day_before_after(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    # From the day last named, or the day of a time last named ("a warning on Saturday
    # evening; the day before, ...").
    last_day = ctx.day_of_the_last()
    if last_day is None:
        return DECLINE
    step = -1 if m.group(1) == "before" else 1
    return replace(day(last_day + timedelta(days=step)), anaphoric=True)


_ANAPHORIC_RELS = {"that": 0, "the same": 0, "that same": 0, "later that": 0, "earlier that": 0,
                   "the following": 1, "following": 1}  # fmt: skip
# "That week", not "later that day": said after "today", the plain demonstrative points
# away from now ("earlier that day" may still be today's).
_DISTAL = frozenset({"that", "that same"})
# These count from the date last named when there is one ("the previous year"), else
# from the anchor.
_ANAPHORIC_IF_NAMED = {"the previous": -1, "the prior": -1, "the next": 1}
# "The latest month" in a report of monthly figures is the last one over, as "the latest
# quarter" is (`the-quarter`).
_BACK_RELS = {"last", "the past", "the last", "the previous", "the prior", "this past", "past",
              "previous", "prior", "the latest", "the most recent"}  # fmt: skip
_AHEAD_RELS = {"next", "the next", "the coming", "this coming", "coming"}


def _step(rel: str) -> int:
    """How many units "last", "next", "this" (and their kin) move from the anchor's."""
    return -1 if rel in _BACK_RELS else 1 if rel in _AHEAD_RELS else 0


def _within_a_month(base: Resolved | None, unit: str, ctx: Context) -> Resolved | None:
    """What a month or a week ("that month", "the following week") counts from: `base`,
    unless it is a year or a season, which holds no one month ("breaking the 1994
    agreement. Later that month" was January 1994); then the last mention that lies
    within one month, if any."""
    if unit not in _UNITS_WITHIN_A_MONTH or base is None or base.granularity not in HOLDS_MONTHS:
        return base
    return ctx.last_in_a_month


_UNITS_WITHIN_A_MONTH = frozenset({"M", "W", "WE"})


def _from_last(base: Resolved | None, unit: str, n: int) -> Outcome:
    """'that year', 'the following month': the unit around the date last named, moved n."""
    if base is None or base.start is None:
        return DECLINE
    if unit == "Y":
        return year_of(base.start.year + n)
    if unit == "M":
        d = add_months(base.start, n)
        return month(d.year, d.month)
    if unit == "D" and base.granularity in ON_A_DAY:
        # ("On Wednesday morning ... The following day": a time on a day names the day.)
        return day(base.start + timedelta(days=n))
    if unit == "W":
        return week_of(base.start + timedelta(weeks=n))
    if unit == "WE":
        return _weekend_from(base.start, n)
    if unit == "Q":
        # A quarter by its name, not its days: a fiscal quarter keeps its number.
        named = quarter(int(base.value[:4]), int(base.value[-1])) if is_quarter(base) else base
        return resolve_unit_offset(named.start or base.start, "Q", n)
    return DECLINE


def _weekend_from(d: date, n: int) -> Resolved:
    """'That weekend', 'the following weekend', 'the previous weekend' of a date: the
    weekend of its week, the first after it, or the last before it."""
    if n == 0:
        return weekend_of(d)
    if n > 0:
        saturday = d + timedelta(days=(SATURDAY - d.weekday()) % 7 or 7)
        return weekend_of(saturday + timedelta(weeks=n - 1))
    sunday = d - timedelta(days=(d.weekday() - SUNDAY) % 7 or 7)
    return weekend_of(sunday + timedelta(weeks=n + 1))


def _relative_period(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'this week', 'last month', 'the following year', 'that year'."""
    rel, unit, a = m.group("rel"), UNITS[m.group("u")], ctx.anchor
    if rel in _ANAPHORIC_RELS:
        # "Results for that quarter": the quarter last named, though a day came after it
        # ("the second quarter ended Oct. 31").
        base = ctx.named_quarter or ctx.last if unit == "Q" else ctx.last
        if rel in _DISTAL and base is ctx.last and ctx.last_said_now:
            # "Today ... That week": "that" points away from now, to the time named before.
            base = ctx.last_named or base
        return _from_last(_within_a_month(base, unit, ctx), unit, _ANAPHORIC_RELS[rel])
    # "The previous quarter" counts from one named just before, else from the story's own
    # ("This quarter's count fell from the previous quarter", a quarter named long before).
    base = ctx.recent_quarter() if unit == "Q" else _within_a_month(ctx.last, unit, ctx)
    if rel in _ANAPHORIC_IF_NAMED and base is not None:
        return _from_last(base, unit, _ANAPHORIC_IF_NAMED[rel])
    if unit == "D":
        # With no day named before, "the previous day" is the one before the story's.
        # ("The next day" with none named has nothing to follow.)
        return day(a - timedelta(days=1)) if _ANAPHORIC_IF_NAMED.get(rel) == -1 else DECLINE
    if unit == "W" and a.weekday() == SUNDAY:
        sunday = week_from_a_sunday(rel, a, tense)
        if sunday is not None:
            return sunday
    if unit == "WE":
        if rel in ("this", "the current"):
            return this_weekend(a, tense)
        if rel in ("this coming", "coming", "the coming") and a.weekday() <= _LAST_WORKING_DAY:
            # Said on a working day, "this coming weekend" is this week's, not next.
            return weekend_of(a)
        if rel == "the" and tense is Tense.FUTURE and a.weekday() == SUNDAY:
            # "Should improve by the weekend", said on its last day: the next one.
            return weekend_of(a + timedelta(weeks=1))
        if rel in ("the", "the past", "this past", "past"):
            return pick([weekend_of(a + timedelta(weeks=k)) for k in (-1, 0, 1)], a, tense)
    return resolve_unit_offset(a, unit, _step(rel))


# A Sunday closes the ISO week (Monday to Sunday): "this week" told ahead in a Sunday
# paper is the week that starts tomorrow, since what is left of its own is today. ("Last
# week" stays the ISO week before: a Sunday paper's week just ending is "this week".)
SATURDAY, SUNDAY = 5, 6
_AHEAD_TENSES = (Tense.FUTURE, Tense.PRESENT, Tense.REPORTED)


def week_from_a_sunday(rel: str, anchor: date, tense: Tense | None) -> Resolved | None:
    """'This week' with a verb looking ahead, in a Sunday paper: the week from tomorrow;
    None for the rest, which read as on any day."""
    if rel == "this" and tense in _AHEAD_TENSES:
        return week_of(anchor + timedelta(days=1))
    return None


# Monday = 0 ... Friday = 4: the working days, on which "this weekend" told in the past
# tense is the one just gone.
_LAST_WORKING_DAY = 4


def this_weekend(anchor: date, tense: Tense | None) -> Resolved:
    """'This weekend': the weekend of the anchor's week, unless the verb looks back from a
    working day ("troops cleared the streets this weekend", in a Monday paper)."""
    if tense in (Tense.PAST, Tense.PERFECT) and anchor.weekday() <= _LAST_WORKING_DAY:
        return weekend_of(anchor - timedelta(weeks=1))
    return weekend_of(anchor)


_YEARS_IN = {"Y": 1, "E": 10}


def _count_ago(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'two days ago', 'a year earlier', 'six weeks later', 'a week or so ago'."""
    a, ntext, unit_text = ctx.anchor, m.group("n"), m.group("u")
    direction = -1 if m.group("dir") in ("ago", "earlier", "before", "back") else 1
    if unit_text is None:
        mm = re.fullmatch(r"an? (week|year) or (?:so|two)", ntext)
        if not mm:
            return DECLINE
        unit, n = UNITS[mm.group(1)], 1
    else:
        unit = UNITS[unit_text]
        n_opt = number(ntext)
        if n_opt is None:
            # "A few years later" told in the past is after the time told, and still past.
            later_but_past = direction > 0 and tense is Tense.PAST
            return vague("PAST_REF" if direction < 0 or later_but_past else "FUTURE_REF", a)
        n = n_opt
    relative = m.group("dir") in ("earlier", "later", "before", "after")
    frame = ctx.quarter_frame()
    # A results story's "a year ago" is its quarter a year back; "two years ago" after a
    # quarter named in passing ("planned for the third quarter of 2025") counts from now.
    compared = m.group("dir") in ("earlier", "before") or (m.group("dir") == "ago" and n == 1)
    if frame is not None and unit == "Y" and compared:
        shifted = shift(frame, "Y", direction * n)
        return replace(shifted, anaphoric=True) if shifted else DECLINE
    last = ctx.last
    if last is not None and last is ctx.last_quarter and ctx.in_running_total():
        # "For the nine months ... a year earlier": the total, not the quarter last named.
        last = None
    counted = count_from_last(last, unit, direction * n) if relative and last else None
    if relative and direction > 0:
        told = _later_from_now(counted, a, tense)
        if told is not None:
            return vague(told, a)
    if counted is not None:
        if past_beyond_anchor(counted, ctx, tense):
            # "Six years later, he retired" cannot lie after the story was written: the
            # date it counts from is not the one last named.
            return DECLINE
        if is_quarter(counted):
            # "A year earlier" after a quarter is the comparison, never the frame the
            # next "latest period" or "a year ago" reads.
            return replace(counted, anaphoric=True)
        return counted
    years_away = n * _YEARS_IN.get(unit, 0)
    if not MINYEAR <= a.year + direction * years_away <= MAXYEAR:
        # "40,000 years ago": before any calendar date we write.
        return vague("PAST_REF" if direction < 0 else "FUTURE_REF", a)
    if unit == "E":
        # "a decade ago" names a year, not the decade it falls in.
        return year_of(a.year + 10 * direction * n)
    return resolve_unit_offset(a, unit, direction * n)


# "N years later" with no date told before it to count from, by the tense of its clause.
# Counting from the story's own day would put "the cries still haunt survivors 21 years
# later" and "I had the same teacher 21 years later" two decades ahead. Told in the
# present or the present perfect it is the story's now ("210 days later, I haven't looked
# back"); told in the past it is a past time we cannot place (as "a few years later" told
# in the past is); told in the future it is a time ahead counted from a moment the story
# does not date ("who you will be drawn to ten years later": from childhood, not from the
# story's day, which "in ten years" would count from). With no tense it is counted from
# the story's day.
_UNCOUNTED_LATER: dict[Tense | None, str] = {
    Tense.PRESENT: "PRESENT_REF",
    Tense.PERFECT: "PRESENT_REF",
    Tense.PAST: "PAST_REF",
    Tense.FUTURE: "FUTURE_REF",
}


def _later_from_now(counted: Resolved | None, anchor: date, tense: Tense | None) -> str | None:
    """The vague reference a "later" count stands for instead of a date, or None."""
    if counted is None:
        return _UNCOUNTED_LATER.get(tense)
    told_now = _UNCOUNTED_LATER.get(tense) == "PRESENT_REF"
    if told_now and counted.start is not None and counted.start > anchor:
        # "The war began in 2003. A decade later, the country is still divided", in a
        # 2012 story: the story's now, not 2013.
        return "PRESENT_REF"
    return None


# The day, week or month an anniversary is told from, as days and months from the anchor.
_ANNIVERSARY_FROM = {
    "today": (0, 0), "yesterday": (-1, 0), "tomorrow": (1, 0), "this week": (0, 0),
    "next week": (7, 0), "last week": (-7, 0), "this month": (0, 0), "next month": (0, 1),
    "last month": (0, -1),
}  # fmt: skip


# A count before "ago": "thirty-seven", "1,000", or hundreds ("a hundred", "two hundred").
_COUNT_RE = (
    rf"(?:(?:an?|one|two|three|four|five|six|seven|eight|nine) hundred"
    rf"|(?:{TENS_RE}[- ])?{NUM_RE}|\d{{1,3}}(?:,\d{{3}})+)"
)
_HOURS_IN = {"h": 1.0, "m": 1 / 60, "s": 1 / 3600}  # hours in an hour, minute, second
_HOURS_IN_A_DAY = 24


def _clock_count_ago(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'Two hours ago', '36 hours ago': the day it falls on, back from the story's day (its
    own clock time is not known). ("Minutes later" stays a length, as TimeML writes it.)"""
    hours = (number(m.group("n")) or 0 if m.group("n") else 0) * _HOURS_IN[m.group("u")[0]]
    return day(ctx.anchor - timedelta(days=int(hours // _HOURS_IN_A_DAY)))


def _clock_count_later(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'Five minutes later', 'two hours earlier', 'minutes after': counted from a time the
    story tells, whose clock it rarely gives; a length, as TimeML writes it (PT5M), not a
    vague past ("later" alone)."""
    count = m.group("n") or "a few"
    return bare_length(f"{count} {m.group('u').replace('mins', 'minutes')}") or DECLINE


def _count_ago_this(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'Two years ago this month', 'a year ago today', 'a year ago Tuesday' (the Tuesday
    just gone, or the coming one when told ahead), '15 years ago next month': that day,
    week or month, that many units back (an anniversary, not a year alone)."""
    n, unit, a, this = number(m.group("n")), UNITS[m.group("u")], ctx.anchor, m.group("this")
    if n is None:
        return DECLINE
    if m.group("wd"):
        wd = WEEKDAYS[m.group("wd").rstrip(".")]
        ahead = (wd - a.weekday()) % 7 if tense is Tense.FUTURE else -((a.weekday() - wd) % 7)
        told = a + timedelta(days=ahead)
    else:
        days, months = _ANNIVERSARY_FROM[this]
        told = add_months(a, months) + timedelta(days=days)
    months_back = {"E": 120 * n, "Y": 12 * n, "M": n, "W": 0}[unit]
    back = add_months(told, -months_back) - timedelta(weeks=n if unit == "W" else 0)
    if this.endswith("week"):
        return week_of(back)
    if this.endswith("month"):
        return month(back.year, back.month)
    return day(back)


def past_beyond_anchor(r: Resolved, ctx: Context, tense: Tense | None) -> bool:
    """A date told in the past (or present perfect) that starts after the anchor."""
    return tense in (Tense.PAST, Tense.PERFECT) and r.start is not None and r.start > ctx.anchor


def count_from_last(base: Resolved, unit: str, n: int) -> Resolved | None:
    """'Six days later', 'a year earlier', 'almost a decade later': counted from the date
    the article last named (its year for years and decades), not from the publication.
    None when the last date is too coarse for the unit ("two weeks after 1998")."""
    if base.start is None:
        return None
    if base.granularity is Granularity.DAY and unit in ("D", "W"):
        # "Closed at $45 on Friday, up from $41 a week earlier": counted from a day, the
        # count lands on a day (the Friday before), not on the week that holds it.
        return day(base.start + timedelta(days=n * (7 if unit == "W" else 1)))
    if unit == "E":
        return year_of(base.start.year + 10 * n)
    if unit in ("Y", "M") and (moved := shift(base, unit, n)) is not None:
        return moved
    if unit == "Y" and base.granularity in (Granularity.SEASON, Granularity.WEEK):
        # "In the spring of 1968 ... A year later": a season or a week has no like of its
        # own a year on here; the year of it does. (From a decade, no year is meant.)
        return year_of(base.start.year + n)
    return None


PERIOD_RULES: dict[str, DateRule] = {r.name: r for r in [
    rule("season",
         r"(?:the )?(?P<rel>last|next|this|this past|this coming|past|coming|that|the same"
         r"|following)? ?"
         r"(?P<s>spring|summer|fall|autumn|winter)(?: months)?"
         rf"(?:,? (?:of )?(?P<y>{YEAR_RE}|this year|last year|next year){SPLIT_YEAR_RE})?"
         # "The spring 2002 semester", "the summer 2012 season": the season it is of.
         r"(?: (?:semester|term|session|season))?",
         _season, "the spring, last winter, the winter of 2022-23, the fall 2002 term"),
    rule("ordinal-quarter",
         r"(?:(?:the|a|an|its|their) (?:(?P<adj>[a-z]+) )?)?"
         r"(?:(?:fiscal )?(?P<y1>\d{4}|this year|last year|next year)(?:'s)? )?(?:fiscal )?"
         r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last|closing|opening)"
         r"[- ](?P<kind>quarter|half|period)"
         r"(?:,? (?:of )?(?:fiscal |the )?(?P<y2>\d{4}|this year|last year|next year)"
         # "of the year" names no year of its own: read as "the first half" alone.
         r"|(?P<of_year> of the (?:fiscal |calendar |current )?year))?",
         _ordinal_quarter, "the third quarter of 2023, the first half (of the year), last "
         "year's third quarter, the fourth quarter last year"),
    rule("months-of-year",
         rf"(?:the )?(?P<q>first|opening|last|final|closing) (?P<n>{NUM_RE}) (?P<u>months|quarters)"
         r"(?: of| in)? (?:(?:fiscal |the )?(?P<y>\d{4}|this year|last year|next year)"
         r"|the (?:calendar |current )?year)",
         _months_of_year, "the first six months of the year: its first half; the last three "
         "months of 2023: its fourth quarter; the first nine months of the year: nine months "
         "from its start; the first two quarters of 1990: its first half"),
    rule("q-quarter",
         r"(?:the )?(?:(?P<y1>\d{4}) )?(?P<k>[qh])(?P<q>[1-4])"
         r"(?:,? (?:of )?(?P<y2>\d{4}|this year|last year|next year)|'(?P<yy>\d{2}))?",
         _q_quarter, "Q3, Q3 2019, 2019 Q3, H1 2024"),
    rule("month-range-quarter",
         rf"(?:the )?(?P<m1>{MONTH_RE}) ?(?:-(?:to-|through-)?|to|through) ?(?P<m2>{MONTH_RE})"
         r" (?:quarter|period)"
         r"(?:,? (?:of )?(?P<y>\d{4}|this year|last year|next year))?",
         _month_range_quarter, "the July-September quarter, the April-June period"),
    rule("month-run",
         rf"(?:the )?(?P<m1>{MONTH_RE})-(?P<m2>{MONTH_RE})"
         r"(?:,? (?:of )?(?P<y>\d{4}|this year|last year|next year))?",
         _month_range_quarter, "January-June revenues: those months, a half or a quarter"),
    rule("month-quarter", rf"(?:the |a |this |last )?(?P<m>{MONTH_RE}) quarter", _month_quarter,
         "the September quarter"),
    rule("the-quarter",
         r"(?:the |a |this )?(?P<adj>latest|current|most recent|recent|same|just-ended|fiscal)? ?"
         r"(?P<kind>quarter|period)",
         _the_quarter, "the quarter, the latest period: the one the article frames"),
    rule("year-ago-period",
         rf"(?:the )?(?:{LIKE_RE} )?(?:{YEAR_AGO_RE}|last year's(?= (?:quarter|half|period)))"
         r"(?: (?:(?P<q>first|second|third|fourth) )?(?P<kind>quarter|half)"
         r"| period)?",
         _year_ago_period, "the year-ago quarter, the year-earlier first half, last year's "
         "quarter"),
    rule("same-period-last-year",
         rf"(?:the )?{LIKE_RE} (?P<u>{LIKE_UNIT_RE}) "
         r"(?:last year|a year (?:earlier|ago|before)|the (?:previous|prior) year)",
         _same_period_last_year, "the same period last year"),
    rule("this-time", r"(?:at |by |around )?this time (?P<rel>last|next) (?P<u>year|month|week)",
         _this_time, "this time last year: the story's day a year back"),
    rule("year-period", r"(?:the )?(?P<y>\d{4}) (?:period|quarter)", _year_period,
         "the 1988 period: the framed quarter in that year"),
    rule("nth-day-today",
         rf"(?:the |a )?(?:{ORD_RE}) (?P<streak>straight |consecutive |successive )?day",
         _nth_day_today, "(today is) the eighth day; (fell for) a third straight day: the "
         "day reported"),
    rule("unit-before-after", r"the (week|month|year) (before|after|earlier|later)",
         _unit_before_after, "the year before: from the date last named"),
    rule("before-last", r"(?:the )?(?P<u>week|month|year) (?P<which>before last|after next)",
         _before_last, "the year before last, the week after next: two back, two ahead"),
    rule("day-before-after", r"the day (before|after)", _day_before_after,
         "the day before: from the day last named"),
    rule("full-year", r"(?:the )?(?:full|whole|entire)[- ](?:year|yr)", _full_year,
         "a strong full year result, full yr, the whole year: the anchor's year"),
    rule("season-of-play",
         r"(?P<rel>this|the current|last|the previous|next|the coming) season",
         _season_of_play, "this season, last season in a story of games: the anchor's year, "
         "or the one before or after"),
    rule("midweek", r"mid-?week", _midweek, "prices eased mid-week: the anchor's week"),
    rule("half-year", r"(?:the |its |their )?half[- ]year", _half_year,
         "half-year results: the last half over, the one results are told for"),
    rule("relative-period",
         r"(?P<rel>this|the current|the present|current|last|the past|the last|the previous|"
         r"the prior|the latest|the most recent|"
         r"this past|past|previous|prior|next|the next|the coming|this coming|coming|"
         r"the following|"
         r"following|earlier this|later this|later that|earlier that|that same|that|the same|"
         r"the)"
         r" (?:fiscal |full |calendar |financial )?"
         r"(?P<u>day|week|weekend|month|year|quarter|decade)",
         _relative_period, "this week, last month, the following year, that year"),
    rule("count-ago-this",
         rf"{APPROX_RE}(?P<n>{_COUNT_RE}) (?P<u>decades?|years?|months?|weeks?) ago,? (?:on )?"
         r"(?P<this>today|yesterday|tomorrow|(?:this|next|last) (?:week|month)|"
         rf"(?P<wd>{WEEKDAY_RE}))",
         _count_ago_this,
         "two years ago this month, a year ago today, a year ago Tuesday: an anniversary"),
    rule("clock-count-ago",
         rf"{APPROX_RE}(?:(?P<n>{NUM_RE}|{VAGUE_NUM_RE}) )?(?P<u>hours?|minutes?|mins|seconds?)"
         r" ago",
         _clock_count_ago, "two hours ago, minutes ago: the day they fall on"),
    rule("clock-count-later",
         rf"{APPROX_RE}(?:(?P<n>{NUM_RE}|{VAGUE_NUM_RE}) )?(?P<u>hours?|minutes?|mins|seconds?)"
         r" (?:later|earlier|after|before)",
         _clock_count_later, "five minutes later, hours earlier: a length from a time told"),
    rule("count-ago",
         rf"{APPROX_RE}(?P<n>{_COUNT_RE}|{VAGUE_NUM_RE}|a week or so|a year or so|a year or two)"
         rf" ?(?P<u>{UNIT_RE})? (?:or so )?"
         r"(?P<dir>ago|earlier|before|later|after|from now|hence|back)(?: that| this)?",
         _count_ago, "two days ago, a year earlier, six weeks later, a week after that"),
]}  # fmt: skip
