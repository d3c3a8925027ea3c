"""The date rules in the order they are tried, and `resolve_date`, which applies them.

Order matters where patterns overlap: a holiday before a month-and-day, a numeric date
before a year, quarters before bare years, counts last. A span no rule takes has no value
(`decide` says PASS, and the caller may try its pieces).

There is no catch-all parser after the table: dateparser once came last, for whatever
named a month or weekday. Over TimeBank and the wire stories it was handed 288 spans,
parsed 15 (the rest too long, or two dates joined) and gave 2 values, while its first call
cost each worker half a second and ate into the timeline's share of the parse.
"""

from __future__ import annotations

import re

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.calendar_rules import CALENDAR_RULES
from tui.pipeline.timeline.period_rules import PERIOD_RULES
from tui.pipeline.timeline.rule import DECLINE, PASS, DateRule, Outcome, rule
from tui.pipeline.timeline.values import (
    Context,
    Resolved,
    Tense,
    half,
    month,
    narrow,
    pick,
    week_of,
    weekend_of,
)
from tui.pipeline.timeline.vocab import MOD_RE, MONTH_RE, WEEKDAY_RE

_MODS = ("start", "beginning", "end", "middle", "close", "early", "mid", "late", "turn",
         "first days")  # fmt: skip


# The words for a day's work before the day they end: "by the end of the day Wednesday",
# "end of day Friday", "the close of business Monday".
_A_DAYS_WORK_BEFORE = re.compile(
    rf"(?:(?:the )?(?:(?:business|trading) )?day|business|trading) (?:on )?"
    rf"(?={WEEKDAY_RE}|{MONTH_RE}|today|tomorrow)"
)


def _range_modifier(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'the end of December', 'early 2023': the same value, a narrower range to sort by."""
    mod_text = m.group(1).strip(" -")
    mod = next((k for k in _MODS if k in mod_text), None)
    mod = "end" if mod == "close" else mod
    inner = m.group(2).strip()
    if (working_day := _A_DAYS_WORK_BEFORE.match(inner)) is not None:
        inner = inner[working_day.end() :]  # "the end of the day Wednesday": Wednesday's end
    if inner == "the month" and (named := _month_named_here(ctx)) is not None:
        # "To debut in September, possibly near the start of the month": that month.
        return narrow(named, mod)
    unmarked = inner.removeprefix("the ") in ("year", "month", "week", "quarter", "decade")
    if unmarked:
        inner = "this " + inner.removeprefix("the ")  # "the year", "end-month", "mid-year"
    base = resolve_date(inner, ctx, tense)
    if base is None or base.vague:
        return DECLINE
    if mod == "turn" and base.granularity is Granularity.YEAR:
        return base
    narrowed = narrow(base, mod)
    if unmarked and (other := _other_side(narrowed, inner[5:], mod, ctx, tense)) is not None:
        return other
    return narrowed


def _month_named_here(ctx: Context) -> Resolved | None:
    """The month of the date last named, when it was named in this paragraph and is a
    month or a day of one: what "the month" then points back to."""
    last = ctx.last
    if last is None or last.start is None or ctx.last_block != ctx.block:
        return None
    if last.granularity not in (Granularity.MONTH, Granularity.DAY, Granularity.TIME):
        return None
    return month(last.start.year, last.start.month)


def _other_side(
    narrowed: Resolved, unit: str, mod: str | None, ctx: Context, tense: Tense | None
) -> Resolved | None:
    """'Sales rose at mid-year', told in January: last year's middle, as the tense says a
    part of "the year" not yet come is the one gone; "will close at the end of the month",
    told after this month's end, is next month's. None when this one fits its tense."""
    if narrowed.start is None or narrowed.end is None:
        return None
    if tense is Tense.PAST and narrowed.start > ctx.anchor:
        rel = "last"
    elif tense is Tense.FUTURE and narrowed.end < ctx.anchor:
        rel = "next"
    else:
        return None
    base = resolve_date(f"{rel} {unit}", ctx, tense)
    return narrow(base, mod) if base is not None and not base.vague else None


def _period_end(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'Month-end', 'the quarter-end': the end of this month (or quarter) or the last one,
    whichever is nearer, unless the verb looks ahead: "stocks at month-end stood at 2.1
    million barrels" early in August are July's, "squared positions before month-end" late
    in August are August's."""
    unit = m.group(1)
    ends = [
        narrow(found, "end")
        for rel in ("last", "this")
        if (found := resolve_date(f"{rel} {unit}", ctx, tense)) is not None and not found.vague
    ]
    if not ends:
        return DECLINE
    return pick(ends, ctx.anchor, Tense.FUTURE if tense is Tense.FUTURE else Tense.PRESENT)


def _week_of(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The week of March 2', 'the weekend of June 6': the (ISO) week holding that day."""
    found = resolve_date(m.group("d"), ctx, tense)
    if found is None or found.start is None or found.granularity is not Granularity.DAY:
        return DECLINE
    return weekend_of(found.start) if m.group("we") else week_of(found.start)


def _month_of(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The month of May', 'the month of August 2023': that month."""
    found = resolve_date(m.group("m"), ctx, tense)
    if found is None or found.granularity is not Granularity.MONTH:
        return DECLINE
    return found


def _half_of(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The last half of the '80s', 'the first half of the month': the period named, the
    half of its range to sort by. A year's halves are H1 and H2 (`ordinal-quarter`, before
    this rule); what names no period of its own ("the first half of the game") is none."""
    found = resolve_date(m.group("inner"), ctx, tense)
    if found is None or found.vague or found.granularity in (Granularity.DAY, Granularity.TIME):
        return DECLINE
    first = m.group("which") in ("first", "1st")
    if re.fullmatch(r"\d{4}", found.value):
        return half(int(found.value), 1 if first else 2)  # "the latter half of 2018"
    return narrow(found, "first half" if first else "second half")


def _holiday_season(m: re.Match[str], ctx: Context, tense: Tense | None) -> Outcome:
    """'The holiday season', 'this Christmas season': the December it comes to a head in,
    chosen as "December" would be ("last" and "next" as written)."""
    rel, year = m.group("rel"), m.group("year")
    said = f"december {year} year" if year else f"{rel} december" if rel else "december"
    return resolve_date(said, ctx, tense) or DECLINE


# A year as written: four digits, or two after an apostrophe ("Aug. '88").
YEAR_DIGITS = re.compile(r"\b\d{4}\b|['\u2018\u2019]\d\d\b")


_OWN_RULES = {
    r.name: r
    for r in [
        rule("range-modifier", rf"({MOD_RE})(.+)", _range_modifier,
             "the end of December, early 2023: the period, a narrower range"),
        rule("period-end", r"(?:the )?(month|quarter)[- ]end", _period_end,
             "month-end, quarter-end: the period the story is in, its end to sort by"),
        rule("week-of",
             r"(?:the )?week(?P<we>end)? (?:of|(?:beginning|starting|commencing)(?: on)?)"
             r" (?P<d>.+)",
             _week_of, "the week of March 2, beginning 8 February: the week holding that day"),
        rule("half-of",
             r"(?:the )?(?P<which>first|1st|second|2nd|last|latter|final|later) half"
             r" of (?P<inner>.+)",
             _half_of, "the last half of the '80s, the first half of the month: the period"),
        rule("holiday-season",
             r"(?:the |this |that |(?P<year>last|next|this) year's )?"
             r"(?:(?P<rel>last|next|this|this past|this coming) )?"
             r"(?:(?:busy|festive|upcoming|coming|hectic) )?(?:holiday|christmas|xmas|festive)"
             r" season",
             _holiday_season, "the holiday season, this Christmas season: its December"),
        rule("month-of", rf"(?:the )?months? of (?P<m>{MONTH_RE}.*)", _month_of,
             "the month of May: that month"),
    ]
}  # fmt: skip
_ALL = {**CALENDAR_RULES, **PERIOD_RULES, **_OWN_RULES}

ORDER = (
    "relative-day", "the-new-year", "holiday", "holiday-week", "day-of-month", "midweek",
    "range-modifier", "week-of", "period-end", "year-end", "iso-day", "split-year", "iso-month",
    "dotted-day", "dotted-month-day", "day-month-short-year",
    "weekday-numeric-day", "numeric-day", "month-day", "week-on-weekday",
    "ordinal-day-of-month", "first-or-last-day-of", "weekday-of-month",
    "weekday", "week-of-month", "month-of", "month-year", "year-month-day", "year-month",
    "month-alone",
    "holiday-season", "season-of-play", "season",
    "ordinal-quarter", "half-of", "months-of-year", "q-quarter", "month-range-quarter", "month-run",
    "month-quarter", "the-quarter", "year-ago-period", "year-period", "year", "decade-digits",
    "decade-words", "century", "same-period-last-year", "this-time", "nth-day-today",
    "unit-before-after", "before-last", "day-before-after", "full-year", "half-year",
    "relative-period", "count-ago-this", "clock-count-ago", "clock-count-later", "count-ago",
)  # fmt: skip
DATE_RULES: tuple[DateRule, ...] = tuple(_ALL[name] for name in ORDER)
assert len(DATE_RULES) == len(_ALL), "every rule has its place in ORDER"


def decide(t: str, ctx: Context, tense: Tense | None) -> tuple[DateRule | None, Outcome]:
    """The rule that owns `t` and what it answers; (None, PASS) when no rule takes it."""
    t = t.strip()
    if not t:
        return None, PASS
    for date_rule in DATE_RULES:
        m = date_rule.pattern.fullmatch(t)
        if m is None:
            continue
        outcome = date_rule.resolve(m, ctx, tense)
        if outcome is not PASS:
            return date_rule, outcome
    return None, PASS


def resolve_date(t: str, ctx: Context, tense: Tense | None) -> Resolved | None:
    """The value the first rule that owns `t` gives it; None when none places it."""
    outcome = decide(t, ctx, tense)[1]
    return outcome if isinstance(outcome, Resolved) else None
