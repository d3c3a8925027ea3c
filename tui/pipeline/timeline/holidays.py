"""Named holidays as days of a given year: fixed, Easter-based and n-th-weekday ones."""

from __future__ import annotations

from datetime import date, timedelta

from tui.pipeline.timeline.values import month_range, safe_date
from tui.pipeline.timeline.vocab import EASTER_HOLIDAYS, FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS

HOLIDAY_NAMES = frozenset(FIXED_HOLIDAYS) | frozenset(EASTER_HOLIDAYS) | frozenset(WEEKDAY_HOLIDAYS)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month_, day_ = divmod(h + el - 7 * m + 114, 31)
    return date(year, month_, day_ + 1)


def nth_weekday(year: int, month_: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month_, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_range(year, month_)[1]
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_in(name: str, year: int) -> date | None:
    """The day a holiday falls on in `year`; None for a name that is no holiday."""
    if name in FIXED_HOLIDAYS:
        return safe_date(year, *FIXED_HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        return easter(year) + timedelta(days=EASTER_HOLIDAYS[name])
    if name in WEEKDAY_HOLIDAYS:
        month_, weekday, n, after = WEEKDAY_HOLIDAYS[name]
        return nth_weekday(year, month_, weekday, n) + timedelta(days=after)
    return None
