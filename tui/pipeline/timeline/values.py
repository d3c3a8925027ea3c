"""What a resolved expression is (`Resolved`), what it is resolved against (`Context`), and
the calendar arithmetic that builds values: plain functions of dates, no spaCy, no regex
matching of page text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.vocab import SEASON_MONTHS

if TYPE_CHECKING:
    from spacy.tokens import Span


class Tense(Enum):
    PAST = "past"
    # Present perfect ("has set Nov. 10 as the deadline"): past for weekdays, but a
    # month or date it names is as likely just ahead as just behind.
    PERFECT = "perfect"
    PRESENT = "present"
    FUTURE = "future"
    # Future seen from a past moment ("said it expected to finish by Sunday", "was due to
    # open in March"): ahead of the saying, which may itself be just behind the anchor or
    # long ago, so the occurrence nearest the anchor is the best guess either way.
    PROSPECTIVE = "prospective"
    # Future in reported speech or a condition ("said they would need them before the
    # winter", "vowed Britain would leave on Oct. 31"): ahead of a saying that is usually
    # recent, so ahead of the anchor unless the occurrence just gone is much nearer.
    REPORTED = "reported"


@dataclass(frozen=True)
class Resolved:
    value: str
    granularity: Granularity
    start: date | None
    end: date | None
    vague: bool = False
    # Worked out from an earlier mention ("a year earlier"); never itself a reference point.
    anaphoric: bool = False
    # The expression gave its year ("June 9, 2020"): the same day named again without one
    # ("June 9") is this one.
    full: bool = False
    # TIMEX3 type: DATE, TIME, DURATION or SET.
    timex_type: str = "DATE"
    # TIMEX3 value when it is not `value`: a duration's "P1M" (value then carries where the
    # duration lies, "P1M/2019-11-19"), a set's "XXXX-WXX-2".
    timex: str | None = None

    @property
    def timex_value(self) -> str:
        return self.timex if self.timex is not None else self.value


# One expression of a block: what it resolved to, where it starts and ends in the block's
# text, and spaCy's span around it.
Placed = tuple[Resolved, int, int, "Span"]


# A story's news is of the publication day or the day before ("testified Tuesday" in a
# paper dated Wednesday, or stamped after midnight UTC): a day named this close is the
# day "earlier in the day" means.
NEWS_DAY_BACK_DAYS = 1
# A value that holds a clock time ("2024-08-07T14:30"), not only a part of the day.
CLOCK_VALUE = re.compile(r"T\d\d:\d\d")
# How far either side of the anchor a day named lies to stand for its weekday told bare.
NAMED_WEEKDAY_DAYS = 6
NAMED_WEEKDAY_BLOCKS = 3

# A quarter stays the frame ("a year ago" = the same quarter a year back) for this many
# paragraphs after it was named, even when other dates are named in between.
QUARTER_FRAME_BLOCKS = 2


# When each part of a day begins, as a clock time: "in the evening", told in a story
# published at 9 a.m., was the evening before.
PART_STARTS = {"MO": "T05:00", "MI": "T12:00", "AF": "T12:00", "EV": "T17:00", "NI": "T21:00"}
# How long after a page's stamp a past clock time of the evening (from 5 p.m.) must lie
# to be read as the day before's (`Context.told_day`).
UPDATE_MARGIN_MINUTES = 3 * 60
EVENING_MINUTES = 17 * 60
# What names a day: a day on the calendar, or a time on one ("9 a.m. on Monday"); what a
# clock told after it is on, and what may share an entry with a clock.
ON_A_DAY = (Granularity.DAY, Granularity.TIME)
# A year or a season: what holds more than a month, so no "that month" or "that week"
# lies in one (a vague time is never remembered at all).
HOLDS_MONTHS = frozenset({Granularity.SEASON, Granularity.YEAR})
# A day or a month on the calendar: what may end a range, or take a year named with it.
DAY_OR_MONTH = (Granularity.DAY, Granularity.MONTH)


@dataclass
class Context:
    """What an expression is resolved against: the anchor and the article so far."""

    anchor: date
    # The clock time the page was published at, in its own zone, when it gave one (not a
    # bare midnight, which stands for no time at all): a clock told in the past that lies
    # after it, with no day named, was on the day before ("By 11:30 p.m., it was clear",
    # in a story of 9 a.m.). None: no time known, or the anchor is a stand-in.
    anchor_time: time | None = None
    # The page writes numeric dates day first ("31/12/2004"): one of them can be read no
    # other way, and none only month first. False: month first, the US order.
    day_first: bool = False
    # The story reports a futures market (`[futures_words]`): a month it names alone
    # beside a price is a contract (`build._a_contract_month`).
    futures_story: bool = False
    # The story reports games (`[game_words]` in two paragraphs or more): a bare "second
    # half" or "the fourth quarter" with no year and no word of results is a game's.
    games_story: bool = False
    # Four-digit numbers the story gives a thing ("Resolution 1441", "Form 1040"): alone
    # elsewhere in it, they are that thing, not a year (`spans.names_a_labelled_thing`).
    labels: frozenset[str] = frozenset()
    # The page gave no date, so `anchor` is the day it was fetched: a guess, which a
    # weekday beside a day may overrule by years (`calendar_rules._month_day`).
    anchor_assumed: bool = False
    # The last precisely dated mention; "that year" and "the quarter" point back to it.
    last: Resolved | None = None
    # False when `last` opened a stretch reaching to now ("since December 1981"): the
    # story has not gone back to it, so a month or a listed day told next is not counted
    # from it (`narrative_month`, `next_in_sequence`).
    last_is_scene: bool = True
    # The expression being read is measured from now ("has said, as recently as March 5"):
    # not counted from the story's scene either (set by `resolve` for each expression).
    told_from_now: bool = False
    # Whether `last` was said as now ("today", "this week"), and the last dated mention
    # that was not: what a distal "that week" then points to ("Today ... That week,
    # during another power cut" is the week named before, not this one).
    last_said_now: bool = False
    last_named: Resolved | None = None
    # The last dated mention that lies within one month (a month, week, day or time): what
    # "that month" or "that week" point back to when a year or a season was named since
    # ("In December 2002 ... breaking the 1994 agreement. Later that month").
    last_in_a_month: Resolved | None = None
    last_quarter: Resolved | None = None
    # The quarter named last, whatever it frames, the year-ago one included, and where:
    # what "that quarter" and "the following quarter" count from.
    named_quarter: Resolved | None = None
    named_quarter_block: int = -100
    # The latest of the quarters named while they frame the story ("the second quarter
    # ... against the first quarter"): what "the latest quarter" then means.
    latest_quarter: Resolved | None = None
    # Block index now being read, and where the last quarter was named: a quarter sets
    # the frame ("a year ago" means the same quarter a year back) for a few paragraphs.
    block: int = 0
    last_quarter_block: int = -100
    # Where the last precisely dated mention was named.
    last_block: int = -100
    # Where the sentence now being read starts in its block, and where the one that named
    # the last mention did: a season frames only its own sentence.
    sentence: int = -1
    last_sentence: int = -1
    # The story's news day: the latest day it named within `NEWS_DAY_BACK_DAYS` of the
    # anchor ("on Tuesday" in a Wednesday paper); None until it names one.
    news_day: date | None = None
    # The day still to come of the last clock time told on one ("at 10am", on Sunday), and
    # where: what a clock in the next paragraph goes on from (`day_to_come_named`).
    clock_day: date | None = None
    clock_block: int = -100
    # Days named with their year, by (month, day): "June 9" after "June 9, 2020" is that.
    full_days: dict[tuple[int, int], date] = field(default_factory=dict)
    # The days within a week of the anchor the story has named, by weekday (the last named
    # of each), with the block each was named in: "the test window on Friday", after "no
    # earlier than Friday", is that Friday (`named_weekday`).
    named_weekdays: dict[int, tuple[date, int]] = field(default_factory=dict)
    # Where a running total ("the nine months", "the first half") was named after the
    # last quarter: for the rest of that paragraph, "a year earlier" and "the 1988
    # period" compare that total, not the quarter.
    total_block: int = -100
    # That running total when it is a half of a named year ("2024-H1"): "the year-ago
    # period" in its paragraph is the same half a year back.
    last_total: Resolved | None = None

    def copy(self) -> Context:
        """The story so far as it stands, to read a block again from (its own tables)."""
        return replace(
            self, full_days=dict(self.full_days), named_weekdays=dict(self.named_weekdays)
        )

    def named_weekday(self, wd: int) -> date | None:
        """The day of weekday `wd` the story named within a week of its day, in this block
        or the few before (`NAMED_WEEKDAY_BLOCKS`): further on, a page may have gone on to
        another story."""
        named = self.named_weekdays.get(wd)
        if named is None or self.block - named[1] > NAMED_WEEKDAY_BLOCKS:
            return None
        return named[0]

    def recent_quarter(self) -> Resolved | None:
        """The quarter named in this paragraph or the few before, which "the previous
        quarter" counts from; further back, the story's own quarter is meant."""
        if self.block - self.named_quarter_block <= QUARTER_FRAME_BLOCKS:
            return self.named_quarter
        return None

    def in_running_total(self) -> bool:
        """Whether this paragraph named a running total after the last quarter."""
        return self.total_block == self.block

    def quarter_frame(self) -> Resolved | None:
        if self.last_quarter is None or self.in_running_total():
            return None
        # The quarter stays the frame for a few paragraphs, and for as long as no other
        # date has been named since.
        if (
            self.block - self.last_quarter_block <= QUARTER_FRAME_BLOCKS
            or self.last is self.last_quarter
        ):
            return self.last_quarter
        return None

    def results_frame(self) -> Resolved | None:
        """The period a results story reports, which its "year-ago period" compares: a half
        named in this paragraph after the framing quarter, else that quarter, else a half
        named a paragraph or two before."""
        if self.in_running_total():
            return self.last_total
        frame = self.quarter_frame()
        if frame is None and self.block - self.total_block <= QUARTER_FRAME_BLOCKS:
            # A half named a paragraph or two before, with no quarter since.
            return self.last_total
        return frame

    def last_day(self) -> date | None:
        """The day the article last named, when what it last named was a day."""
        last = self.last
        if last is None or last.granularity is not Granularity.DAY:
            return None
        return last.start

    def season_named_here(self) -> Resolved | None:
        """The season this sentence last named, where the story is: what a date told after
        it without a year of its own falls in ("the dates booked for this summer,
        including a show on the August bank holiday weekend"). Not a year named so ("missed
        most of 2024 ... as recently as February", "to announce the 2022 dates before
        Christmas"), a split year (a season's or a budget's, turning in different months)
        nor a season of another sentence, which may be a wish ("I swore I would run a
        marathon by the spring. By April I had managed 5km")."""
        last = self.last
        if (
            last is None
            or self.last_block != self.block
            or self.last_sentence != self.sentence
            or not self.last_is_scene
            or last.granularity is not Granularity.SEASON
        ):
            return None
        return last

    def day_of_the_last(self) -> date | None:
        """The day of what the article last named, a day or a time on one ("Tuesday 10
        January", "9 a.m. on Monday"); None after anything else."""
        last = self.last
        return last.start if last is not None and last.granularity in ON_A_DAY else None

    def told_day(self, clock: str) -> date:
        """The day a clock time ("T23:30") told in the past with no day of its own was
        on: the day the paragraph named, else the story's news day, else the story's day.
        When that is the day the page came out on, and the clock lies well after the time
        it came out at, the day before."""
        last = self.last
        if (
            last is not None
            and last.start is not None
            and last.granularity in ON_A_DAY
            and self.last_block == self.block
            and self.last_is_scene
            and last.start <= self.anchor
        ):
            # A day, or a time of one ("was killed Thursday evening ... around 7:15 p.m."),
            # the paragraph named: the clock is on it. (Not a day that names a thing, nor
            # one still to come: "brought forward its Black Friday offers. Shares fell 6%
            # by mid-morning.")
            return last.start
        on = self.news_day or self.anchor
        return on - timedelta(days=1) if on == self.anchor and self._after_the_page(clock) else on

    def _after_the_page(self, clock: str) -> bool:
        """Whether a clock time ("T23:30") of the evening or night lies more than
        `UPDATE_MARGIN_MINUTES` after the time the page came out at: last night's news in
        a morning's story. A page's stamp is when it first came out, and news is told on
        for hours after, so a clock just after it, or in the working day ("the statement
        was released at 14:00"), may be a later version's."""
        clock = PART_STARTS.get(clock[1:3], clock)
        if clock.startswith("T24:00"):
            return True  # the midnight that ends the page's day is never behind it
        if self.anchor_time is None:
            return False
        minutes = int(clock[1:3]) * 60 + int(clock[4:6])
        out = self.anchor_time.hour * 60 + self.anchor_time.minute
        return minutes >= EVENING_MINUTES and minutes > out + UPDATE_MARGIN_MINUTES

    def day_to_come_named(self) -> date | None:
        """The day still to come that this paragraph last named, as a day or a time on one,
        or that the one before ended on with a clock: what a clock told with no day of its
        own is on ("will set off on Sunday ... mass start at 10am. The last wave crosses
        the line at about 11.30am"). (After "comes into force on 15 December", a new
        paragraph's "no trains before 7am" is no time of that day.)"""
        named = self.day_of_the_last()
        if named is not None and named > self.anchor and self.last_block == self.block:
            return named
        if self.clock_block >= self.block - 1 and self.clock_day is not None:
            return self.clock_day
        return None

    def day_named_here(self) -> date | None:
        """The day last named, when it was named in the paragraph now being read: "later in
        the day" two paragraphs on is the story's own day again, not that one."""
        return self.last_day() if self.last_block == self.block else None

    def remember(self, res: Resolved, *, scene: bool = True, said_now: bool = False) -> None:
        """What later expressions may point back to. `scene` is False for a date the story
        does not go back to ("since December 1981": a stretch reaching to now): "that day"
        may still mean it, but a month or a listed day told next is not read from it."""
        if is_quarter(res) and scene:
            self.named_quarter, self.named_quarter_block = res, self.block
        # "The year-ago period" compares with a period already named; it frames nothing.
        if running_total(res) and not res.anaphoric:
            self.total_block = self.block
            # Like a quarter, only a half already over is one a story reports.
            over = res.end is not None and res.end < self.anchor
            self.last_total = res if over and _HALF.fullmatch(res.value) else None
        if res.start is not None and res.start > self.anchor and CLOCK_VALUE.search(res.value):
            # (Before the return below: a clock on the paragraph's day is told as of it.)
            self.clock_day, self.clock_block = res.start, self.block
        if res.vague or res.anaphoric or res.start is None or "/" in res.value:
            return
        if _CENTURY_VALUE.fullmatch(res.value):
            # A century is no date a count is told from: "a 21st-century Rocky ... A decade
            # earlier, Russell had gone to Hollywood" counts from the story's year, not 2000.
            return
        # Read before `last` changes: whether the quarters named so far still frame it.
        framed = self.quarter_frame()
        self.last = res
        self.last_is_scene = scene
        self.last_block = self.block
        self.last_sentence = self.sentence
        self.last_said_now = said_now
        if not said_now:
            self.last_named = res
        if res.granularity not in HOLDS_MONTHS:
            self.last_in_a_month = res
        if res.full and res.granularity is Granularity.DAY:
            self.full_days[(res.start.month, res.start.day)] = res.start
        if (
            res.granularity in ON_A_DAY
            and abs((res.start - self.anchor).days) <= NAMED_WEEKDAY_DAYS
        ):
            self.named_weekdays[res.start.weekday()] = (res.start, self.block)
        if (
            res.granularity in ON_A_DAY
            and 0 <= (self.anchor - res.start).days <= NEWS_DAY_BACK_DAYS
            and (self.news_day is None or res.start > self.news_day)
        ):
            self.news_day = res.start
        # Only a quarter already over frames what follows: results are reported for those.
        if is_quarter(res) and res.end is not None and res.end < self.anchor:
            latest = self.latest_quarter if framed is not None else None
            if latest is None or latest.end is None or res.end > latest.end:
                self.latest_quarter = res
            elif (
                res.end < latest.end
                and latest.start is not None
                and res.start.year == latest.start.year
            ):
                # "Third-quarter net rose ... After a flat second quarter, ...": an earlier
                # quarter of the same year, named in passing, leaves the report's frame.
                self.last_quarter_block = self.block
                return
            self.last_quarter = res
            self.last_quarter_block = self.block
            self.total_block = -100


_QUARTER = re.compile(r"\d{4}-Q\d")
_CENTURY_VALUE = re.compile(r"\d{2}")
_HALF = re.compile(r"\d{4}-H[12]")


def is_quarter(res: Resolved) -> bool:
    """A quarter of a named year ("1989-Q3")."""
    return _QUARTER.fullmatch(res.value) is not None


_RUNNING_TOTAL = re.compile(r"P(?:[2-9]|1[01])M|\d{4}-H[12]")


def running_total(res: Resolved) -> bool:
    """A results story's other period: some months ("the nine months", "the six months
    ended Oct. 1") or a half, rather than a quarter or a year."""
    return _RUNNING_TOTAL.fullmatch(res.timex_value) is not None


# --- calendar helpers ------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month_ = d.year + y, m + 1
    return date(year, month_, min(d.day, calendar.monthrange(year, month_)[1]))


def month_range(year: int, month_: int) -> tuple[date, date]:
    return date(year, month_, 1), date(year, month_, calendar.monthrange(year, month_)[1])


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def day(d: date) -> Resolved:
    return Resolved(d.isoformat(), Granularity.DAY, d, d)


def month(year: int, m: int) -> Resolved:
    s, e = month_range(year, m)
    return Resolved(f"{year:04d}-{m:02d}", Granularity.MONTH, s, e)


def months_run(first: date, last: date) -> Resolved:
    """The whole months from `first`'s to `last`'s, valued by the first: a company's own
    quarter ("the November-January quarter"), the months up to a day a period ended."""
    return replace(month(first.year, first.month), end=month(last.year, last.month).end)


def company_quarter(first: date) -> Resolved:
    """Three whole months from `first`'s that make no calendar quarter: a company's own ("the
    quarter ended July 31", "the November-January quarter"), shown as its months ("Nov
    2003–Jan 2004"; the company's own number for it is not told). TIMEX3 has no value for
    them, so theirs is the calendar quarter of their middle month, which holds two of the
    three (TimeBank's annotators chose the same)."""
    middle = add_months(first, 1)
    q = (middle.month - 1) // 3 + 1
    return replace(months_run(first, add_months(first, 2)), timex=f"{middle.year:04d}-Q{q}")


def year_of(y: int) -> Resolved:
    return Resolved(f"{y:04d}", Granularity.YEAR, date(y, 1, 1), date(y, 12, 31))


def years(first: int, last: int) -> Resolved:
    """From the start of `first` to the end of `last`: a split year ("2023-24", a fiscal
    year or a season) or a run of years ("2019-2021"), valued, as TIMEX3 has no range
    value, by the year it begins."""
    return Resolved(f"{first:04d}", Granularity.YEAR, date(first, 1, 1), date(last, 12, 31))


def week_of(d: date) -> Resolved:
    iso = d.isocalendar()
    start = d - timedelta(days=d.weekday())
    return Resolved(
        f"{iso.year:04d}-W{iso.week:02d}", Granularity.WEEK, start, start + timedelta(days=6)
    )


def weekend_of(d: date) -> Resolved:
    iso = d.isocalendar()
    sat = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return Resolved(
        f"{iso.year:04d}-W{iso.week:02d}-WE", Granularity.WEEK, sat, sat + timedelta(days=1)
    )


def season(y: int, code: str) -> Resolved:
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        start = date(y, 12, 1)
        end = month_range(y + 1, 2)[1]
    else:
        start, end = month_range(y, first)[0], month_range(y, last)[1]
    return Resolved(f"{y:04d}-{code}", Granularity.SEASON, start, end)


def quarter(y: int, q: int) -> Resolved:
    start = date(y, 3 * q - 2, 1)
    end = month_range(y, 3 * q)[1]
    return Resolved(f"{y:04d}-Q{q}", Granularity.SEASON, start, end)


def half(y: int, h: int) -> Resolved:
    start = date(y, 1 if h == 1 else 7, 1)
    end = date(y, 6, 30) if h == 1 else date(y, 12, 31)
    return Resolved(f"{y:04d}-H{h}", Granularity.SEASON, start, end)


def decade(first_year: int) -> Resolved:
    return Resolved(
        f"{first_year // 10:03d}",
        Granularity.YEAR,
        date(first_year, 1, 1),
        date(first_year + 9, 12, 31),
    )


def century(number_: int) -> Resolved:
    first = (number_ - 1) * 100
    return Resolved(
        f"{number_ - 1:02d}", Granularity.YEAR, date(max(first, 1), 1, 1), date(first + 99, 12, 31)
    )


def vague(kind: str, anchor: date) -> Resolved:
    if kind == "PAST_REF":
        return Resolved(kind, Granularity.VAGUE, None, anchor, vague=True)
    if kind == "FUTURE_REF":
        return Resolved(kind, Granularity.VAGUE, anchor, None, vague=True)
    return Resolved(kind, Granularity.VAGUE, anchor, anchor, vague=True)


def with_time(d: Resolved, suffix: str) -> Resolved:
    """A day with a clock time or part of day: "2024-08-07" + "T22:00"."""
    return Resolved(d.value + suffix, Granularity.TIME, d.start, d.end, timex_type="TIME")


def on_no_day(clock: Resolved) -> Resolved:
    """A clock time on no day the text names (an hour of a schedule): TIMEX3's
    "XXXX-XX-XXT07:00", with no range."""
    at = clock.value[clock.value.index("T") :]
    return Resolved(f"XXXX-XX-XX{at}", Granularity.TIME, None, None, timex_type="TIME")


def shift(r: Resolved, unit: str, n: int) -> Resolved | None:
    """The same kind of period moved n units (a year earlier than 1988-Q3 is 1987-Q3). A
    period whose range is not its name's (a company's fiscal "Q4" of July to September, a
    narrowed "late 2023") keeps its shape: a year earlier is July to September again."""
    moved = _shifted_by_name(r, unit, n)
    if moved is not None and moved.granularity is Granularity.DAY and moved.start and r.start:
        # A run of days ("July 17-20") moves whole, its last day with its first.
        return replace(moved, end=moved.start + ((r.end or r.start) - r.start))
    if moved is None or moved.granularity is Granularity.DAY or unit not in ("Y", "M"):
        return moved
    own = _shifted_by_name(r, unit, 0)
    if own is None or (own.start, own.end) == (r.start, r.end) or r.start is None or not r.end:
        return moved
    months = 12 * n if unit == "Y" else n
    end = add_months(r.end, months)
    if r.end == month(r.end.year, r.end.month).end:
        end = month(end.year, end.month).end or end
    return replace(moved, start=add_months(r.start, months), end=end)


def _shifted_by_name(r: Resolved, unit: str, n: int) -> Resolved | None:
    if r.start is None:
        return None
    if r.granularity is Granularity.DAY:
        d = r.start
        if unit == "Y":
            return day(add_months(d, 12 * n))
        if unit == "M":
            return day(add_months(d, n))
        return day(d + timedelta(days=n * (7 if unit == "W" else 1)))
    if r.granularity is Granularity.TIME and unit in ("D", "W") and r.value[10:11] == "T":
        # "9 a.m. on Wednesday" a week on: the same time of the day moved.
        moved = _shifted_by_name(day(r.start), unit, n)
        return with_time(moved, r.value[10:]) if moved is not None else None
    if is_quarter(r) and unit == "Y":
        return quarter(int(r.value[:4]) + n, int(r.value[-1]))
    if _HALF.fullmatch(r.value) and unit == "Y":
        return half(int(r.value[:4]) + n, int(r.value[-1]))
    if r.granularity is Granularity.MONTH and unit in ("Y", "M"):
        d = add_months(r.start, 12 * n if unit == "Y" else n)
        return month(d.year, d.month)
    if r.granularity is Granularity.YEAR and len(r.value) == 4 and unit == "Y":
        return year_of(int(r.value) + n)
    return None


def resolve_unit_offset(anchor: date, unit: str, n: int) -> Resolved:
    """The unit-sized period n units from the anchor (n<0: past): 'two weeks ago'."""
    if unit == "D":
        return day(anchor + timedelta(days=n))
    if unit == "W":
        return week_of(anchor + timedelta(weeks=n))
    if unit == "WE":
        return weekend_of(anchor + timedelta(weeks=n))
    if unit == "M":
        d = add_months(anchor, n)
        return month(d.year, d.month)
    if unit == "Q":
        q = (anchor.month - 1) // 3 + n
        y, q0 = divmod(q, 4)
        return quarter(anchor.year + y, q0 + 1)
    if unit == "E":
        return decade((anchor.year // 10 + n) * 10)
    return year_of(anchor.year + n)


def unit_delta(anchor: date, unit: str, n: int) -> date:
    if unit == "D":
        return anchor + timedelta(days=n)
    if unit == "W":
        return anchor + timedelta(weeks=n)
    if unit == "M":
        return add_months(anchor, n)
    if unit == "Q":
        return add_months(anchor, 3 * n)
    if unit == "E":
        return add_months(anchor, 120 * n)
    return add_months(anchor, 12 * n)


GRAN_OF_UNIT = {
    "D": Granularity.DAY,
    "W": Granularity.WEEK,
    "M": Granularity.MONTH,
    "Q": Granularity.SEASON,
    "Y": Granularity.YEAR,
    "E": Granularity.YEAR,
}


# TIMEX3 duration units; a quarter is written as three months, as TimeML does.
# TimeML and TimeBank write a decade as ten years ("two decades" = P20Y).
_DURATION_UNITS = {"D": (1, "D"), "W": (1, "W"), "M": (1, "M"), "Q": (3, "M"), "Y": (1, "Y"),
                   "E": (10, "Y")}  # fmt: skip


def duration_code(unit: str, n: int) -> str:
    """'P2W', 'P1M', 'P25Y', 'P10Y' (a decade), 'P6M' (two quarters)."""
    times, code = _DURATION_UNITS[unit]
    return f"P{n * times}{code}"


def vague_duration_code(unit: str) -> str:
    """A length of time of no stated count: 'recent weeks' PXW, 'recent decades' PXDE."""
    return "PXDE" if unit == "E" else f"PX{_DURATION_UNITS[unit][1]}"


def duration(anchor: date, unit: str, n: int, ahead: bool) -> Resolved:
    """n units of time that end at the anchor ("for a month") or start there ("within a
    year"). The value says both the length and where it lies: "P1M/2024-08-08",
    "2024-08-08/P1Y" (ISO 8601 intervals); the TIMEX3 value is the length alone."""
    code = duration_code(unit, n)
    if ahead:
        start, end = anchor, unit_delta(anchor, unit, n)
        value = f"{start.isoformat()}/{code}"
    else:
        start, end = unit_delta(anchor, unit, -n), anchor
        value = f"{code}/{end.isoformat()}"
    return Resolved(value, GRAN_OF_UNIT[unit], start, end, timex_type="DURATION", timex=code)


def narrow(r: Resolved, mod: str | None) -> Resolved:
    """'the end of December', 'early 2023': same value, a narrower range to sort by."""
    if mod is None or r.start is None or r.end is None:
        return r
    length = (r.end - r.start).days + 1
    third = max(length // 3, 0)
    if mod in ("start", "beginning", "early", "first days"):
        return replace(r, end=r.start + timedelta(days=third))
    if mod in ("end", "late", "close"):
        return replace(r, start=r.end - timedelta(days=third))
    if mod in ("middle", "mid"):
        return replace(r, start=r.start + timedelta(days=third), end=r.end - timedelta(days=third))
    if mod in ("first half", "second half"):
        mid = _midpoint(r.start, r.end)
        if mod == "first half":
            return replace(r, end=mid - timedelta(days=1))
        return replace(r, start=mid)
    return r


def _midpoint(start: date, end: date) -> date:
    """Where the second half of [start, end] begins: on a month's first day for a period
    of months or more (the 1980s' second half begins in 1985), else halfway in days."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months >= 2:
        return add_months(start, months // 2)
    return start + timedelta(days=((end - start).days + 1) // 2)


# --- choosing among candidates by tense ------------------------------------------------

# With no verb to go by, a name whose last occurrence began this many days ago or more
# is read as the next one when that starts within `UNTENSED_AHEAD_DAYS`: "in January" in
# a November story is the coming January.
UNTENSED_BACK_DAYS = 270
UNTENSED_AHEAD_DAYS = 92
# A writer leaves the year out of a past date only when it is recent: "Nov. 20" in a
# story of Nov. 2 after a past-tense verb is still this month's when last year's is this
# far back and this year's this near ahead.
PAST_BACK_DAYS = 300
PAST_AHEAD_DAYS = 45
# "No later candidate": a gap longer than any threshold above.
NO_GAP = 10_000


def within(candidates: list[Resolved], period: Resolved | None) -> Resolved | None:
    """The one candidate that falls in `period`, if exactly one does."""
    if period is None or period.start is None or period.end is None:
        return None
    inside = [
        c
        for c in candidates
        if c.start is not None
        and c.end is not None
        and period.start <= c.start
        and c.end <= period.end
    ]
    return inside[0] if len(inside) == 1 else None


def pick(candidates: list[Resolved], anchor: date, tense: Tense | None) -> Resolved:
    """Of the same name in several years/weeks, take the one the tense points to.

    Past (or unknown, the common case in news) takes the latest one that has started by
    the anchor; future takes the earliest one that has not ended before it; present takes
    the one nearest the anchor, as does a perfect, which may look back ("has risen since
    March") or ahead ("has set Nov. 10 as the deadline"); `grammar` reads one placed "in"
    a time as past.
    """
    cands = [c for c in candidates if c.start is not None and c.end is not None]
    if tense is Tense.FUTURE:
        later = [c for c in cands if c.end is not None and c.end >= anchor]
        return min(later, key=lambda c: c.start or anchor) if later else cands[-1]
    if tense is Tense.REPORTED:
        return _reported(cands, anchor)
    if tense in (Tense.PRESENT, Tense.PERFECT, Tense.PROSPECTIVE):
        return min(cands, key=lambda c: _distance(c, anchor))
    earlier = [c for c in cands if c.start is not None and c.start <= anchor]
    past = max(earlier, key=lambda c: c.start or anchor) if earlier else cands[0]
    if past.start is None:
        return past
    back = (anchor - past.start).days
    ahead = [c for c in cands if c.start is not None and c.start > anchor]
    gap = (ahead[0].start - anchor).days if ahead and ahead[0].start else NO_GAP
    if tense is None and back > UNTENSED_BACK_DAYS and gap <= UNTENSED_AHEAD_DAYS:
        return ahead[0]
    if (
        tense is Tense.PAST
        and back > PAST_BACK_DAYS
        and gap <= PAST_AHEAD_DAYS
        and past.granularity is Granularity.DAY
    ):
        return ahead[0]
    return past


# A reported future ("said they would need them before the winter") is taken ahead of the
# anchor unless the occurrence just gone is this many times nearer: the saying is usually
# recent, but "vowed Britain would leave on Oct. 31", read three weeks after, is over.
REPORTED_BEHIND_FACTOR = 2


def _reported(cands: list[Resolved], anchor: date) -> Resolved:
    ahead = [c for c in cands if c.start is not None and c.start > anchor]
    behind = [c for c in cands if c not in ahead]
    if not ahead or not behind:
        return min(cands, key=lambda c: _distance(c, anchor))
    first_ahead = min(ahead, key=lambda c: _distance(c, anchor))
    last_behind = min(behind, key=lambda c: _distance(c, anchor))
    if _distance(last_behind, anchor) * REPORTED_BEHIND_FACTOR < _distance(first_ahead, anchor):
        return last_behind
    return first_ahead


def _distance(c: Resolved, anchor: date) -> int:
    assert c.start is not None and c.end is not None
    if c.start <= anchor <= c.end:
        return 0
    return min(abs((c.start - anchor).days), abs((c.end - anchor).days))
