"""The day of each post on a page of several: a blog's front page or archive prints a date
line above each post ("September 28, 2004"), which the cleaner cuts as a date line left in
the body. The stamps and the relative words of a post ("Posted at 10:30 AM", "yesterday")
count from its own day, not from the page's, which is the newest post's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.resolve import resolve
from tui.pipeline.timeline.values import Context
from tui.pipeline.timeline.vocab import MODERN_YEAR_RE

# A front page's posts lie within a year before the page's date; dates further back are
# no posts' ("November 28, 1967 ... November 16, 1988" in a life story).
POSTS_REACH = timedelta(days=366)
_A_YEAR = re.compile(rf"\b{MODERN_YEAR_RE}\b")


def post_days(heads: Sequence[tuple[int, str]], anchor: date) -> list[tuple[int, date]]:
    """(index of the block a post starts at, its day) for each cut date line that is a
    whole day alone with its year, when there are two days or more, in order (newest or
    oldest first) and within `POSTS_REACH` before the page's date; else [] (a byline, a
    single date line, dates of another kind)."""
    days: list[tuple[int, date]] = []
    for position, text in heads:
        found = resolve(text, Context(anchor=anchor), None) if _A_YEAR.search(text) else None
        if found is not None and found.granularity is Granularity.DAY and found.start:
            days.append((position, found.start))
    dates = [d for _, d in days]
    if len(set(dates)) < 2 or dates not in (sorted(dates), sorted(dates, reverse=True)):
        return []
    if not all(anchor - POSTS_REACH <= d <= anchor for d in dates):
        return []
    return days
