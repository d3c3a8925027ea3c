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

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.values import Resolved, Tense, resolve_unit_offset, shift

# What joins the two ends of a range.
RANGE_WORDS = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–|—)\s*", re.I)
# What opens one ("from", "between"): without it, "Monday and Thursday" are two days.
RANGE_OPENERS = re.compile(r"\b(?:from|between)\s+$", re.I)
# Ends closer than this many days are days of one week (weekdays), not of one year.
WEEK_DAYS = 7
_ORDERABLE = (Granularity.DAY, Granularity.MONTH)


def in_order(first: Resolved, second: Resolved, tense: Tense | None) -> tuple[Resolved, Resolved]:
    """The two ends of a range, the second moved (or the first, told in the past) when it
    came out before the first."""
    if (
        first.start is None
        or second.start is None
        or first.granularity not in _ORDERABLE
        or second.granularity not in _ORDERABLE
        or second.start >= first.start
    ):
        return first, second
    weekdays = (first.start - second.start).days < WEEK_DAYS
    unit, n = ("D", WEEK_DAYS) if weekdays else ("Y", 1)
    if tense in (Tense.PAST, Tense.PERFECT):
        moved = shift(first, unit, -n)
        return (moved, second) if moved is not None else (first, second)
    moved = shift(second, unit, n)
    return (first, moved) if moved is not None else (first, second)


# "The week ended Friday", "the month ending March 31": a week or month named by the day
# it ends on (a quarter is left alone: companies' quarters end where their year does).
PERIOD_ENDED = re.compile(r"\s+(?:ended|ending|ends)\s+", re.I)
_ENDED_UNITS = {"week": "W", "month": "M"}
_BARE_UNIT = re.compile(r"(?:the |that |a )?(week|month)", re.I)


def period_holding(unit_text: str, last_day: Resolved) -> Resolved | None:
    """The week or month `unit_text` names when it ends on `last_day`; None when it names
    something else or the end is no day."""
    m = _BARE_UNIT.fullmatch(unit_text.strip())
    if m is None or last_day.start is None or last_day.granularity is not Granularity.DAY:
        return None
    return resolve_unit_offset(last_day.start, _ENDED_UNITS[m.group(1).lower()], 0)
