"""Days that name one event, whose year is knowledge of the world and not the page's:
"after 9/11", "the Sept. 11 attacks" (the table is `[[named_days]]` in
`data/timeline.toml`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.dates import YEAR_DIGITS
from tui.pipeline.timeline.values import Resolved, day
from tui.pipeline.timeline.vocab import NAMED_DAY_ROWS


@dataclass(frozen=True)
class NamedDay:
    day: date
    written: frozenset[str]  # lower case, as the expression is written
    cues: re.Pattern[str]  # words of a sentence that speaks of the event

    def told_on(self, month: int | None, day_of_month: int, sentence: str) -> bool:
        """Whether a month and day without a year, in `sentence`, are this event's: its
        day, in a sentence that speaks of it."""
        return (self.day.month, self.day.day) == (month, day_of_month) and bool(
            self.cues.search(sentence)
        )


def _rows() -> tuple[NamedDay, ...]:
    return tuple(
        NamedDay(
            day=when,
            written=frozenset(w.lower() for w in written),
            cues=re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + ")", re.I),
        )
        for when, written, cues in NAMED_DAY_ROWS
    )


NAMED_DAYS = _rows()


def named_day(res: Resolved | None, text: str, sentence: str, anchor: date) -> Resolved | None:
    """The event's day when `text` names it, else None (the caller keeps `res`).

    `res` is what the date rules made of `text` ("Sept. 11" as the 11th of September in
    the year the tense points to; "9/11" they decline). A page written before the event
    cannot name it: its "Sept. 11" is its own year's.
    """
    spoken = " ".join(text.lower().split())
    for named in NAMED_DAYS:
        if anchor < named.day:
            continue
        if spoken in named.written:
            return day(named.day)
        if (
            res is not None
            and res.granularity is Granularity.DAY
            and res.start is not None
            and res.start.year != named.day.year
            and not YEAR_DIGITS.search(text)  # the page says which year it means
            and named.told_on(res.start.month, res.start.day, sentence)
        ):
            return day(named.day)
    return None
