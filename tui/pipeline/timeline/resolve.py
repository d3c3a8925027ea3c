"""Resolve one temporal expression to a TIMEX3-style value, by our own rules.

No spaCy here: this module sees a span's text, the tense of the verb that governs it,
the anchor (publication) date and what the article named before, and nothing else, so
each step can be tested on its own. Finding the spans is `spans`' job.

The reading is a table of named steps (`STEPS`), each a plain function with its reason,
tried in order: hedges and prepositions come off; "since X" becomes a range; lengths of
time ("for a month") become ranges; words that only place a statement in time ("now",
"recently") become PAST_REF/PRESENT_REF/FUTURE_REF; a time of day is peeled off the day
it rides on; what is left is a date, resolved by the rule table in `dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from tui.pipeline.model import Granularity
from tui.pipeline.timeline.calendar_rules import introduced_run_of_years
from tui.pipeline.timeline.dates import resolve_date
from tui.pipeline.timeline.holidays import HOLIDAY_NAMES
from tui.pipeline.timeline.lengths import bare_length, resolve_duration, vague_code
from tui.pipeline.timeline.period_rules import count_from_last
from tui.pipeline.timeline.rule import DECLINE, PASS, Outcome, Verdict
from tui.pipeline.timeline.values import (
    CLOCK_VALUE,
    Context,
    Resolved,
    Tense,
    day,
    duration,
    resolve_unit_offset,
    shift,
    vague,
    vague_duration_code,
    with_time,
    year_of,
)
from tui.pipeline.timeline.vocab import (
    AFTER_THE_TOLD_TIME,
    APPROX_RE,
    BARE_DAY_PART_RE,
    CLOCK_HOURS_LEADS,
    DAY_PART_RE,
    DAY_PREP_RE,
    FUTURE_WORDS,
    MILITARY_HOURS_RE,
    NUM_RE,
    PART_OF_DAY,
    PART_OF_DAY_RE,
    PAST_WORDS,
    PLACE_TIME_LOWER_RE,
    PRESENT_WORDS,
    SUPERLATIVES,
    UNIT_RE,
    UNITS,
    VAGUE_NUM_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    WIRE_ZONE_RE,
    ZONE_RE,
    day_number,
    normalise,
    number,
    year_number,
)

PREPS = (
    "as of", "on", "in", "into", "at", "during", "by", "from", "until", "till", "to", "of", "for",
    "over", "since", "around", "about", "before", "after", "through", "throughout", "within",
    "between", "earlier", "later", "as early as", "as late as", "until at least",
)  # fmt: skip
_PREPS_LONGEST_FIRST = sorted(PREPS, key=len, reverse=True)
HEDGES = re.compile(
    r"^(?:just|only|even|as recently as|as early as|as late as|as long ago as|sometime(?: in)?|"
    r"some time in|at some point in|no later than|no earlier than|not until|until at least|"
    r"at least|"
    r"around|about|roughly|approximately) "
)
# Words a clock time may follow inside the expression, and a zone it may carry.
_CLOCK_LEAD = r"(?:(?:around|about|at|by|until|before|after|shortly before|shortly after) )?"
_CLOCK_ZONE = rf"(?:\s*\(?{ZONE_RE}\)?\b)?"
CLOCK_RE = re.compile(
    r"(?:(?:around|about|at|approximately|shortly (?:before|after)|just (?:before|after)|"
    r"after|before|by|until|till) )?"
    # "1-4 p.m.", "9:30 to 11 a.m.", "(from) 7 until 10pm": hours that open at the first,
    # which takes the a.m. or p.m. of the last (alone, the "1" was read as January).
    # (A zero-padded number with no minutes is no such hour: "Jun 03, 05 - 05:21 am".)
    r"(?:\b(?!0\d\s*(?:-|\u2013|to))(?P<h0>1[0-2]|0?\d)(?:[:.](?P<min0>[0-5]\d))?"
    r"\s*(?:-|\u2013|to|until|till)\s*)?"
    # With "a.m." after it, "4:56:22 AM" (a post's stamp) is a clock, to the second.
    # (An hour past twelve or a minute past 59 is no clock: "99 o'clock", "23:61".)
    r"\b(?P<h>1[0-2]|0?\d)(?:[:.](?P<min>[0-5]\d)(?::(?P<sec>[0-5]\d))?)?\s*"
    r"(?:(?P<ap>[ap])\.?\s?m\b\.?|(?P<oclock>o'clock))"
    + _CLOCK_ZONE
    + "|"
    + _CLOCK_LEAD
    # Seconds after a two-digit hour ("09:15:00", a stamp's) are part of the time; "1:02:53"
    # is a race's or a video's length, no time of day.
    + r"\b(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?:(?<=\d\d:\d\d):(?P<sec24>[0-5]\d))?"
    + _CLOCK_ZONE
    + "|"
    + _CLOCK_LEAD
    # ("12 noon", "12 midnight": the hour said twice.)
    + r"\b(?:12\s*)?(?P<named>noon|midday|midnight)\b"
    # Wire copy's "0800 GMT", "1400 EDT", "1430 local time": four digits are a clock time
    # only with the zone after them (a bare "1430" is a year).
    + "|"
    + _CLOCK_LEAD
    # ("2400 hours" is the midnight that ends a day, T24:00, as "midnight" is.)
    + rf"\b(?P<hh>[01]\d|2[0-3]|24(?=00))(?P<mm>[0-5]\d)\s*(?:{WIRE_ZONE_RE}|{PLACE_TIME_LOWER_RE}"
    + "|(?:"
    + "|".join(
        rf"(?<=\b{lead}\d{{3}})|(?<=\b{lead}\d{{3}} )"
        for lead in ("0", *(f"{lead} " + r"\d" for lead in CLOCK_HOURS_LEADS))
    )
    + r")(?:hours|hrs))\b"
    # A British stamp's "16.02 BST": a dotted clock, known by its zone (else a price).
    + "|"
    + _CLOCK_LEAD
    + rf"\b(?P<hd>[01]?\d|2[0-3])\.(?P<md>[0-5]\d)\s*{ZONE_RE}\b"
)
PART_RE = re.compile(
    # From a word's start: the "night" of "tonight" is no part of the day of its own.
    # ("Early this morning", "late this evening": the story's own day, as "earlier this
    # morning" is; read without "this", "early" was left over as a day to place.)
    r"\b(?:(?:(?:very )?(?:early|late|later|earlier) this|early|late|mid|in the|this|that|on"
    r"|during the)[- ])?"
    # ("The early morning hours of October 31": the hours are the part's.)
    rf"(?P<part>{PART_OF_DAY_RE})s?(?: hours\b)?"
)
# ("The past few hours", "the next few minutes": hours and minutes too.)
_VAGUE_UNIT_RE = rf"(?:{UNIT_RE}|hours|minutes)"
VAGUE_PAST_UNITS = re.compile(
    rf"(?:in )?(?:recent|the (?:past|last|previous) (?:{VAGUE_NUM_RE}|couple of)|"
    rf"(?:{VAGUE_NUM_RE}) (?:previous|past|recent)) {_VAGUE_UNIT_RE}"
)
VAGUE_FUTURE_UNITS = re.compile(
    rf"(?:in )?(?:the )?(?:coming|upcoming|next (?:{VAGUE_NUM_RE}|couple of)|"
    rf"(?:{VAGUE_NUM_RE}) (?:more|coming)) {_VAGUE_UNIT_RE}(?: ahead)?"
    rf"|the {_VAGUE_UNIT_RE} ahead"
)
# Tenses in which "in <count>" is that far ahead of the anchor: a future, a future seen
# from a recent saying, and a present, which with a count of time ahead is a schedule
# ("the lease runs out in two years"). A past or perfect one is a length ("rose 5% in
# two years").
IN_A_COUNT_AHEAD = (Tense.FUTURE, Tense.PROSPECTIVE, Tense.REPORTED, Tense.PRESENT)
_TO_END = re.compile(r"(?:^|\s)to\s*$")
_SAME_DAY = re.compile(rf"(?:(?:later|earlier) (?:in|during) |{DAY_PREP_RE} )the day")
# "The day's losses": `normalise` drops the possessive, so the words as written are read.
_THE_DAYS = re.compile(r"the day['\u2019]s", re.I)
# "A week before Christmas", "two days after Aug. 2": counted from the date named after it.
# ("From" only before a day named from today: "three weeks from 1 June" is a length that
# starts then, `build._lengths_from_dates`.)
_COUNT_FROM_DATE = re.compile(
    rf"{APPROX_RE}({NUM_RE}) ({UNIT_RE}) (before|after|from(?= (?:today|tomorrow)$)) (.+)"
)
# "The week before Christmas", "the month after the March 3 vote": the unit next to a date.
_UNIT_NEXT_TO_DATE = re.compile(r"the (day|week|weekend|month|year) (before|after) (.+)")
# "The Saturday before Christmas", "the Monday after Easter": that weekday next to a day.
_WEEKDAY_NEXT_TO_DATE = re.compile(rf"the ({WEEKDAY_RE}) (before|after) (.+)", re.I)
# How fine a date must be for the unit next to it: no "day before 1998".
_FINE_ENOUGH = {
    "D": {Granularity.DAY, Granularity.TIME},
    "W": {Granularity.DAY, Granularity.TIME, Granularity.WEEK},
    "WE": {Granularity.DAY, Granularity.TIME, Granularity.WEEK},
    "M": {Granularity.DAY, Granularity.TIME, Granularity.WEEK, Granularity.MONTH},
}
# "Three months' time", "a year's time": as many units from now, whatever the tense.
_COUNT_TIME = re.compile(rf"({APPROX_RE}{NUM_RE} {UNIT_RE})'s? time")
# "As recently as March 5": how far back from now, so not from the date the story last named.
_FROM_NOW_LEAD = re.compile(r"\bas recently as,?\s*$")
_FROM_NOW_HEDGE = re.compile(r"as recently as ")
_FEW_UNITS = re.compile(rf"{VAGUE_NUM_RE} {UNIT_RE}")
_SHORT_YEAR = re.compile(r"'\d\d")
_HOURS = re.compile(MILITARY_HOURS_RE)
_IN_A_COUNT = re.compile(rf"{APPROX_RE}({NUM_RE}) ({UNIT_RE})")
_PART_OF = re.compile(
    r"(?:the )?(?:(?:first|last|past|final|opening|closing) (?:[a-z-]+ )?"
    + UNIT_RE
    + r"|(?:early|small|late|wee|final|first) hours) of (.+)"
)


def strip_prep(t: str) -> tuple[str | None, str]:
    """A hedge ("just", "around") and a leading preposition come off; the preposition is kept."""
    t = HEDGES.sub("", t)
    for prep in _PREPS_LONGEST_FIRST:
        if t.startswith(prep + " "):
            return prep, t[len(prep) + 1 :]
    return None, t


# The "T" of an ISO stamp, "2024-08-07T17:00": read as the space that other stamps have.
_ISO_TIME_MARK = re.compile(r"(?<=\d{4}-\d\d-\d\d)t(?=\d\d:\d\d)")


# "Between 2 and 4 p.m." is the run of hours "2 to 4 p.m." ("at 2 and 4 p.m." are two).
_BETWEEN_HOURS = re.compile(
    r"^between (\d{1,2}(?:[:.]\d\d)?) and (?=\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?\s?m\b)"
)


def hours_as_a_run(said: str) -> str:
    """'between 2 and 4 p.m.' (normalised) as 'between 2 to 4 p.m.', which `CLOCK_RE` reads."""
    return _BETWEEN_HOURS.sub(r"between \1 to ", said)


_ANOTHER_UNIT = re.compile(r"another (?:week|month|year|decade|hour|minute)")
# A unit alone, which only its preposition makes a length ("years of work" is none).
_UNITS_ALONE = re.compile(r"(?:the )?(?P<u>hours|days|weeks|months|years|decades)")


def resolve(
    text: str, ctx: Context, tense: Tense | None, prep: str | None = None, lead: str = ""
) -> Resolved | None:
    """The value of one expression, or None when our rules do not cover it.

    `prep` is the preposition spaCy found before it; `lead` the words of its sentence
    before it (lower case), for the few rules that read further back."""
    t = hours_as_a_run(_ISO_TIME_MARK.sub(" ", normalise(text)))
    if not t:
        return None
    ctx.told_from_now = bool(_FROM_NOW_LEAD.search(lead) or _FROM_NOW_HEDGE.match(t))
    try:
        return _resolve(Said(t, text, ctx, tense, prep, lead))
    finally:
        ctx.told_from_now = False


@dataclass
class Said:
    """One expression as the steps of `_resolve` read it. `t`: its words, normalised, which
    a step may rewrite for the steps after it ("two weeks' time" is "two weeks from now");
    `text`: the words as written; `prep`: the preposition before it (its own, once a step
    strips it, else spaCy's); `lead`: its sentence's words before it, lower case."""

    t: str
    text: str
    ctx: Context
    tense: Tense | None
    prep: str | None
    lead: str


@dataclass(frozen=True)
class Step:
    """One step of `_resolve`: a `Resolved` value ends the reading, `DECLINE` ends it with
    none, `PASS` hands the expression (as the step may have rewritten it) to the next."""

    name: str
    read: Callable[[Said], Outcome]
    # What the step covers, in a reader's words.
    reason: str


def _the_same_day(s: Said) -> Outcome:
    if _SAME_DAY.fullmatch(s.t) or _THE_DAYS.fullmatch(s.text.strip()):
        return same_day(s.ctx)
    return PASS


def _own_preposition(s: Said) -> Outcome:
    own, rest = strip_prep(s.t)
    if own and _deictic(s.t) is not None and _deictic(rest) is None:
        return PASS  # "at the moment": the phrase with its preposition is the word
    s.t, s.prep = rest, own or s.prep
    return PASS


def _to_this_day(s: Said) -> Outcome:
    if s.t == "this day" and (s.prep == "to" or _TO_END.search(s.lead)):
        return vague("PRESENT_REF", s.ctx.anchor)
    return PASS


_EXACTLY_AGO = re.compile(r"exactly (.+ ago)")


def _exactly_ago(s: Said) -> Outcome:
    if exactly := _EXACTLY_AGO.fullmatch(s.t):
        s.t = f"{exactly.group(1)} today"
    return PASS


def _counted_time(s: Said) -> Outcome:
    if counted := _COUNT_TIME.fullmatch(s.t):
        s.t = f"{counted.group(1)} from now"
    return PASS


def _counted_from_a_date(s: Said) -> Outcome:
    offset = _COUNT_FROM_DATE.fullmatch(s.t)
    return PASS if offset is None else _found(_counted_from(offset, s.ctx, s.tense))


def _a_unit_next_to_a_date(s: Said) -> Outcome:
    beside = _UNIT_NEXT_TO_DATE.fullmatch(s.t)
    return PASS if beside is None else _found(_unit_next_to(beside, s.ctx, s.tense))


def _a_weekday_next_to_a_date(s: Said) -> Outcome:
    beside = _WEEKDAY_NEXT_TO_DATE.fullmatch(s.t)
    return PASS if beside is None else _found(_weekday_next_to(beside, s.ctx, s.tense))


def _found(found: Resolved | None) -> Outcome:
    """A step that may not place what it reads hands it on."""
    return PASS if found is None else found


def _decided(found: Resolved | None) -> Outcome:
    """A step that owns what it reads: no value is the answer."""
    return DECLINE if found is None else found


def _reaching_back(s: Said) -> Outcome:
    m = _IN_A_COUNT.fullmatch(s.t)
    if m and s.prep in ("in", "for") and reaches_back(s.lead):
        return duration(s.ctx.anchor, UNITS[m.group(2)], number(m.group(1)) or 1, ahead=False)
    return PASS


def _within_no_count(s: Said) -> Outcome:
    if s.prep == "within" and (bound := _UNCOUNTED_UNITS.fullmatch(s.t)):
        return _within_uncounted(bound.group("u"), s.ctx, s.tense)
    return PASS


def _since(s: Said) -> Outcome:
    if s.prep != "since":
        return PASS
    base = _point_after(s.prep, s.t, s.ctx, Tense.PAST)
    if base is None or base.start is None or base.vague:
        return DECLINE
    if base.start > s.ctx.anchor and base.granularity is Granularity.DAY and not base.full:
        # "Has required two signatures since Jan. 1", told on Dec. 31: what a stretch to
        # now began from has come, so this year's, not tomorrow. (Only a day told without
        # its year: "since December 2011" is that, whatever the anchor.)
        base = shift(base, "Y", -1) or base
    if base.start is None:
        return DECLINE
    # The expression still names its date; the range runs from it to the anchor.
    return replace(base, end=max(s.ctx.anchor, base.start))


def _in_a_count_ahead(s: Said) -> Outcome:
    m = _IN_A_COUNT.fullmatch(s.t)
    if m and s.prep == "in" and s.tense in IN_A_COUNT_AHEAD:
        n = number(m.group(1)) or 1
        return _decided(resolve_unit_offset(s.ctx.anchor, UNITS[m.group(2)], n))
    return PASS


def _in_one_day(s: Said) -> Outcome:
    if s.prep == "in" and s.t in FUTURE_WORDS and _IN_A_COUNT.fullmatch(s.t):
        return _decided(bare_length(s.t))
    return PASS


def _in_a_few_units(s: Said) -> Outcome:
    if s.prep == "in" and s.tense in IN_A_COUNT_AHEAD and _FEW_UNITS.fullmatch(s.t):
        return vague("FUTURE_REF", s.ctx.anchor)
    return PASS


def _units_alone(s: Said) -> Outcome:
    alone = _UNITS_ALONE.fullmatch(s.t)
    # ("After months of anticipation", "after decades of tyranny": the length waited or
    # borne; spaCy leaves the "after" out of the span. "After hours" is when a market or
    # a bar is shut.)
    after = s.prep is None and _AFTER_END.search(s.lead) is not None and s.t != "hours"
    if alone and (s.prep in ("for", "over") or after or (s.prep == "in" and reaches_back(s.lead))):
        return _decided(bare_length(f"many {alone.group('u')}"))
    return PASS


_AFTER_END = re.compile(r"\bafter\s*$", re.I)


def _another_unit(s: Said) -> Outcome:
    if s.prep == "for" and _ANOTHER_UNIT.fullmatch(s.t):
        s.t = "an additional " + s.t.removeprefix("another ")
    return PASS


def _clock_hours_or_a_length(s: Said) -> Outcome:
    if s.prep in CLOCK_HOURS_LEADS and _HOURS.fullmatch(s.t):
        # The preposition itself is read apart ("at 1700 hours" as "at 1700").
        s.t = f"at {s.t}"
        return PASS
    return _found(resolve_duration(s.t, s.ctx, s.tense, s.prep))


def _the_pages_stamp(s: Said) -> Outcome:
    if _STAMPED.search(s.lead) and CLOCK_RE.search(s.t):
        s.tense = None
    return PASS


def _a_point_or_a_length(s: Said) -> Outcome:
    if (run := introduced_run_of_years(s.t)) is not None and _introduces_a_run(s):
        return run
    found = _point_after(s.prep, s.t, s.ctx, s.tense)
    part_of = _PART_OF.fullmatch(s.t)
    if found is None and part_of:
        found = resolve_point(part_of.group(1), s.ctx, s.tense)
    if found is None:
        found = bare_length(s.t)
    return _decided(found)


# In order: the first step that answers (a value, or DECLINE) decides.
STEPS: tuple[Step, ...] = (
    Step("the-same-day", _the_same_day,
         "later in the day, on the day, the days: the story's own day"),
    Step("own-preposition", _own_preposition,
         "a hedge (just, around) and the expression's own preposition come off"),
    Step("to-this-day", _to_this_day,
         "to this day, labels forbid it: until now, not the story's own day"),
    Step("exactly-ago", _exactly_ago,
         "exactly a decade ago: to the day, as a decade ago today is"),
    Step("counted-time", _counted_time, "two weeks' time: two weeks from now"),
    Step("counted-from-a-date", _counted_from_a_date,
         "three days after the vote, a week before March 5: counted from that date"),
    Step("a-unit-next-to-a-date", _a_unit_next_to_a_date,
         "the week after the election, the day before Christmas"),
    Step("a-weekday-next-to-a-date", _a_weekday_next_to_a_date,
         "the Monday after the vote: the first such weekday after that date"),
    Step("reaching-back", _reaching_back,
         "for the first time in 25 years, the lowest figure for two decades: a length"
         " reaching back to now, whatever the tense"),
    Step("within-no-count", _within_no_count,
         "within weeks, within a few months: from now, of no stated count"),
    Step("since", _since, "since Jan. 1, since 2011: from that date to now"),
    Step("in-a-count-ahead", _in_a_count_ahead,
         "will be finished in two weeks, the lease runs out in two years: that far ahead"),
    Step("in-one-day", _in_one_day,
         "a lot to cover in one day, sold out in one day: how long it took"),
    Step("in-a-few-units", _in_a_few_units,
         "will be back in a few weeks: some time ahead, with no count to date it by"),
    Step("units-alone", _units_alone,
         "simmering for years, over the years, the first time in decades: a length of no"
         " stated count"),
    Step("another-unit", _another_unit,
         "sidelined for another week: one more week (not for another day, some other day)"),
    Step("clock-hours-or-a-length", _clock_hours_or_a_length,
         "at 1700 hours is a clock time; for more than a month, over the past two weeks,"
         " the next three months are lengths"),
    Step("the-pages-stamp", _the_pages_stamp,
         "last updated at 18:40 ET: the page's own stamp, on the page's day whatever the"
         " tense"),
    Step("a-point-or-a-length", _a_point_or_a_length,
         "a date (the rule table in `dates`), a vague word, a time of day; the first nine"
         " months of 1997 inside 1997; six days, a two-week crisis: a length alone"),
)  # fmt: skip


def _resolve(said: Said) -> Resolved | None:
    for step in STEPS:
        out = step.read(said)
        if not isinstance(out, Verdict):
            return out
        if out is DECLINE:
            return None
    return None


# The prepositions that make "1986-1997", "1980-93", "1976-7" a run of years of any length
# (`resolve_date` reads none longer than ten years: "pages 1037-1051").
_RUN_OF_YEARS_PREPS = frozenset({"from", "between", "in", "during", "over", "throughout"})
_LAST_WORD = re.compile(r"[a-z]+(?=\s*$)")


def _introduces_a_run(s: Said) -> bool:
    """Whether the expression's preposition, or else the word before it, is one of
    `_RUN_OF_YEARS_PREPS` (the parse may hang no preposition on the span: "From 1986-1997,
    copies were sold")."""
    word_before = _LAST_WORD.search(s.lead)
    introduced = s.prep or (word_before.group(0) if word_before else None)
    return introduced in _RUN_OF_YEARS_PREPS


def _point_after(prep: str | None, t: str, ctx: Context, tense: Tense | None) -> Resolved | None:
    """`resolve_point`, knowing the preposition before: the year rule leaves a bare "'95"
    alone ("Barbara '51" is a class year), but "in '95", "since '08" name a year."""
    if prep is not None and _SHORT_YEAR.fullmatch(t):
        y = year_number(t, ctx.anchor.year)
        return year_of(y) if y is not None else None
    found = resolve_point(t, ctx, tense)
    if prep == "after" and found is not None and found.value.endswith("T24:00"):
        # Midnight is the one that ends a day (TIMEX3's T24:00), but what happened "just
        # after midnight Tuesday" happened in Tuesday's first minutes.
        return replace(found, value=found.value.removesuffix("24:00") + "00:00")
    return found


def _counted_from(offset: re.Match[str], ctx: Context, tense: Tense | None) -> Resolved | None:
    """'A week before Christmas': the count from the date it names, None when that is no
    date or too coarse for the unit ("two days after 1998")."""
    base = resolve_point(offset.group(4), ctx, tense)
    if base is None or base.vague:
        return None
    n = number(offset.group(1)) or 1
    ahead = offset.group(3) in ("after", "from")  # "two weeks from today"
    return count_from_last(base, UNITS[offset.group(2)], n if ahead else -n)


def _unit_next_to(m: re.Match[str], ctx: Context, tense: Tense | None) -> Resolved | None:
    """'The week before Christmas' (the week that ends the days before it), 'the day after
    May 3', 'the year after 1995': the unit next to the date named, not to the date last
    named, which "the week before" alone counts from. None when what follows is no date,
    or too coarse for the unit ("the day after 1998")."""
    base = resolve_point(m.group(3), ctx, tense)
    unit = UNITS[m.group(1)]
    if base is None or base.vague or base.start is None or base.end is None:
        return None
    if unit in _FINE_ENOUGH and base.granularity not in _FINE_ENOUGH[unit]:
        return None
    before = m.group(2) == "before"
    return resolve_unit_offset(base.start if before else base.end, unit, -1 if before else 1)


def _weekday_next_to(m: re.Match[str], ctx: Context, tense: Tense | None) -> Resolved | None:
    """'The Saturday before Christmas': the last such weekday before the day named; 'the
    Monday after Easter', the first after it. None when what follows is no single day."""
    base = resolve_point(m.group(3), ctx, tense)
    if base is None or base.vague or base.granularity is not Granularity.DAY:
        return None
    if base.start is None or base.end is None:
        return None
    wd = WEEKDAYS[m.group(1).lower().rstrip(".")]
    if m.group(2).lower() == "before":
        return day(base.start - timedelta(days=(base.start.weekday() - wd) % 7 or 7))
    return day(base.end + timedelta(days=(wd - base.end.weekday()) % 7 or 7))


def same_day(ctx: Context) -> Resolved:
    """'Earlier in the day', 'later in the day': the day named in the same paragraph, else
    the story's news day (the day it reports, named at most a day before the anchor),
    else the anchor's (a day named paragraphs before, long ago, is another scene)."""
    named = ctx.day_named_here() or ctx.news_day
    return replace(day(named), anaphoric=True) if named else day(ctx.anchor)


_REACHES_BACK = re.compile(
    rf"\b(?:{'|'.join(sorted(SUPERLATIVES))}|(?:first|last|only) time|first|once)\b[^.;]*"
    r"\b(?:in|for)$"
)
# "I haven't used it in years", "has not won in three seasons": a perfect denied up to
# now (not "won't be back in two weeks", which looks ahead), unless it is a condition
# ("if you haven't returned in a week" is any week of anyone's).
_DENIED_PERFECT = re.compile(r"(?:\b(?:has|have|had)|'ve|'s|'d)(?:n't| not| never)\b[^.;]*\bin$")
_A_CONDITION = re.compile(r"\b(?:if|unless|whenever)\b")


def reaches_back(lead: str) -> bool:
    """Whether the words before "in/for <count>" make the count a span reaching back to
    now: "the first time in", "the highest ... in", "the lowest figure for", "hasn't
    ... in"."""
    lead = lead.rstrip()
    if _REACHES_BACK.search(lead) is not None:
        return True
    return _DENIED_PERFECT.search(lead) is not None and _A_CONDITION.search(lead) is None


# "Within days", "within a few weeks": a bound with no count.
_UNCOUNTED_UNITS = re.compile(rf"(?:{VAGUE_NUM_RE} )?(?P<u>days|weeks|months|years)")


def _within_uncounted(unit: str, ctx: Context, tense: Tense | None) -> Resolved:
    """Soon after the time told: ahead of the story's day, or, told in the past ("the city
    fell within weeks"), still past. A length of no stated count, TIMEX3 PXD, PXW."""
    ref = "PAST_REF" if tense is Tense.PAST else "FUTURE_REF"
    code = vague_duration_code(UNITS[unit])
    return replace(vague(ref, ctx.anchor), timex_type="DURATION", timex=code)


def resolve_point(t: str, ctx: Context, tense: Tense | None) -> Resolved | None:
    """A point or period: a vague word, a day with a time of day, or a date."""
    a = ctx.anchor
    deictic = _deictic(t)
    if deictic == "FUTURE_REF" and t in AFTER_THE_TOLD_TIME and tense is Tense.PAST:
        # "He was moved days later": after the time told, which is itself past.
        deictic = "PAST_REF"
    if deictic is not None:
        return _vague_length(t, vague(deictic, a))
    if t in HOLIDAY_NAMES:
        # "Bonfire Night" is a holiday, not the night of a day called "bonfire".
        return resolve_date(t, ctx, tense)
    timed = _time_of_day(t, ctx, tense)
    if not isinstance(timed, str):
        return timed
    rest = timed
    found = resolve_date(rest, ctx, tense)
    if found is None and rest.startswith(("the ", "a ", "an ")):
        unmarked = rest.split(" ", 1)[1]
        if rest.startswith(("a ", "an ")) and _WHOLE_PERIOD.fullmatch(unmarked):
            return None  # "a full year", "two and a half year run": a length, no date
        if rest.startswith(("a ", "an ")) and day_number(unmarked) is not None:
            return None  # "wait a second", "a third": one of several, no day of the month
        found = resolve_date(unmarked, ctx, tense)
    return found


# "Full year", "half-year": results news' periods, which "a" makes a length.
_WHOLE_PERIOD = re.compile(r"(?:full|half|whole|entire)[- ](?:year|yr)(?:'s)?")


_UNIT_WORD = re.compile(rf"\b{_VAGUE_UNIT_RE}\b")


def _vague_length(t: str, res: Resolved) -> Resolved:
    """'In recent weeks', 'the next few days': vague as to when (PAST_REF, FUTURE_REF, what
    the pane shows) and a length of time of no stated count: TIMEX3 duration PXW, PXD."""
    unit = _UNIT_WORD.search(t)
    if unit is None or not (VAGUE_PAST_UNITS.fullmatch(t) or VAGUE_FUTURE_UNITS.fullmatch(t)):
        return res
    return replace(res, timex_type="DURATION", timex=vague_code(unit.group(0)))


def _deictic(t: str) -> str | None:
    """PRESENT_REF, PAST_REF or FUTURE_REF for words that place without dating."""
    if t in PRESENT_WORDS:
        return "PRESENT_REF"
    if t in PAST_WORDS or VAGUE_PAST_UNITS.fullmatch(t):
        return "PAST_REF"
    if t in FUTURE_WORDS or VAGUE_FUTURE_UNITS.fullmatch(t):
        return "FUTURE_REF"
    return None


_STAMPED = re.compile(r"\b(?:updated|posted|published|modified|edited)(?: at| on)?\s*$", re.I)
_NIGHT_OF_ANCHOR = ("tonight", "later tonight", "late tonight")
_NIGHT_BEFORE_ANCHOR = ("overnight", "last night", "late last night", "earlier overnight")
_THAT_PART = re.compile(
    r"(?:later |earlier |early |late )?(?P<which>that|the same|the following|the next|"
    rf"the previous|the prior) (?P<part>{DAY_PART_RE})"
)
# Days from the day last named: "the following morning" is the next day's.
_PART_SHIFT = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}
_BARE_PART = re.compile(rf"(?:the |a )?(?:{DAY_PART_RE}|day)s?")
# One part of one day: not "a morning", "mornings" nor "the day".
_ONE_PART = re.compile(rf"(?:the )?{BARE_DAY_PART_RE}")
_EARLY_LATE = re.compile(r"^(?:early|late|earlier|later|very early|very late)\s+(?=\S)")
_EARLY_LATE_DAY = re.compile(
    r"(?:early|late|earlier|later) (?:today|yesterday|tomorrow|on|" + WEEKDAY_RE + ")"
)
# A part of the day said to be today's ("this morning", "earlier this evening").
_SAID_TODAY = re.compile(r"(?:(?:very )?(?:earlier|later|early|late) )?this\b")
# What is left of an expression once its time of day is gone, when that means "the
# anchor's own day": "this morning", "at 10 a.m.".
_ANCHOR_DAY_RESTS = ("", "this", "today", "tonight", "that", "the", "in the", "during the")


def _time_of_day(t: str, ctx: Context, tense: Tense | None) -> Resolved | str | None:
    """A day with its clock time or part of day ("10 p.m. Wednesday", "Saturday night").

    Returns the value, or None when the expression holds a time but no day we can place;
    when it holds no time, the text left to read as a date (a leading "on"/"in" gone).
    """
    if t in _NIGHT_OF_ANCHOR or t in _NIGHT_BEFORE_ANCHOR or _THAT_PART.fullmatch(t):
        return _night_or_part_named(t, ctx)
    if _BARE_PART.fullmatch(t):
        # A bare part of day ("in the morning") says when in a day, not which day; told in
        # the past ("shares rose in the morning", "in afternoon trade", `build`), it is on
        # the day the paragraph named, else the story's news day, as a clock time is.
        if not _ONE_PART.fullmatch(t):
            return None
        part = "T" + PART_OF_DAY[t.split()[-1]]
        if tense is Tense.FUTURE and (ahead := ctx.day_to_come_named()) is not None:
            # "Will address Parliament on Wednesday morning, and in the afternoon visit
            # a factory": a part of the day still to come that the paragraph named.
            return replace(with_time(day(ahead), part), anaphoric=True)
        if tense is not Tense.PAST:
            return None
        return replace(with_time(day(ctx.told_day(part)), part), anaphoric=True)
    suffix, yesterday, rest = _clock_and_part(t)
    if suffix is not None or _EARLY_LATE_DAY.match(rest):
        rest = _EARLY_LATE.sub("", rest)
    if suffix is None:
        return rest
    if yesterday:
        return with_time(day(ctx.anchor - timedelta(days=1)), suffix)
    return _clock_on_its_day(t, re.sub(r"^the ", "", rest), suffix, ctx, tense)


def _night_or_part_named(t: str, ctx: Context) -> Resolved | None:
    """'Tonight', 'last night', 'that night', 'the following morning'."""
    if t in _NIGHT_OF_ANCHOR:
        return with_time(day(ctx.anchor), "TNI")
    if t in _NIGHT_BEFORE_ANCHOR:
        return with_time(day(ctx.anchor - timedelta(days=1)), "TNI")
    m = _THAT_PART.fullmatch(t)
    assert m is not None
    # "that night", "the following morning": from the day the article last named, or the
    # day of the clock it last named ("at 4:30 p.m. Friday ... by the next morning"); not
    # of a part of a day ("By Friday morning" ... "the same night" is another night).
    last = ctx.last
    on_a_clock = last is not None and CLOCK_VALUE.search(last.value) is not None
    last_day = ctx.day_of_the_last() if on_a_clock else ctx.last_day()
    if last_day is None:
        return None
    named = last_day + timedelta(days=_PART_SHIFT.get(m.group("which"), 0))
    return replace(with_time(day(named), "T" + PART_OF_DAY[m.group("part")]), anaphoric=True)


def _clock_and_part(t: str) -> tuple[str | None, bool, str]:
    """The TIMEX3 time suffix of the clock or part of day in `t` ("T22:00", "TNI"; None
    when there is neither), whether the part is last night's, and the words left."""
    suffix: str | None = None
    yesterday = False
    rest = t
    clock = CLOCK_RE.search(rest)
    if clock:
        suffix = _clock_suffix(clock)
        rest = (rest[: clock.start()] + " " + rest[clock.end() :]).strip(" ,")
    part = PART_RE.search(rest)
    if part:
        code = PART_OF_DAY[part.group("part")]
        if suffix is None:
            suffix = "T" + code
        elif clock is not None and clock.group("ap") is None:
            suffix = after_noon(suffix, code)
        rest = (rest[: part.start()] + " " + rest[part.end() :]).strip(" ,")
        yesterday = rest in ("last", "yesterday", "last night")
    # "Saturday afternoon, 4th September" leaves "Saturday , 4th September" once the part
    # of day is out: the space it stood in goes, so the date is read whole.
    rest = re.sub(r"\s+", " ", rest).replace(" ,", ",").strip(" ,")
    # "The morning of March 3, 2024" leaves "the of march 3, 2024": the article goes with
    # the part of day it stood before, or the day was read as "of march 3" and lost its year.
    rest = re.sub(r"^(?:the\s+)?(?:on|of|at|in|by)\s+", "", rest)
    # "Tonight at 11 p.m.", "Tuesday at noon": the day the clock was said of.
    return suffix, yesterday, re.sub(r"\s+at$", "", rest)


def _clock_on_its_day(
    t: str, rest: str, suffix: str, ctx: Context, tense: Tense | None
) -> Resolved | None:
    """A clock time or part of day on the day the words left (`rest`) name, or, when they
    name none, on the day the story or its paragraph is about."""
    a = ctx.anchor
    if rest == "":
        # "They left about 4:30 a.m.": told in the past, a clock time with no day is on the
        # day the paragraph named, else on the story's news day; else on the story's day,
        # or on a day to come this paragraph or the one before named ("will meet on July
        # 30, from 6 p.m.").
        # The day is borrowed, so "that night" after it still reads the day last named.
        # "This morning" is the story's own day, whatever day the paragraph named before
        # ("will strike from Boxing Day, the union announced this morning").
        if _SAID_TODAY.match(t):
            on = a
        elif tense is Tense.PAST:
            on = ctx.told_day(suffix)
        elif tense is Tense.FUTURE:
            on = ctx.day_to_come_named() or a
        else:
            # (A live page's stamps, "7:45 p.m. ET — ...", tell no tense: the page's day.)
            here = ctx.day_named_here()
            on = here if here is not None and here > a else a
        return replace(with_time(day(on), suffix), anaphoric=True)
    if rest in _ANCHOR_DAY_RESTS:
        return with_time(day(a), suffix)
    if f"{rest} day" in HOLIDAY_NAMES:
        rest += " day"  # "election night": the night of Election Day
    base = resolve_date(rest, ctx, tense)
    if base is None or base.granularity is not Granularity.DAY:
        return None
    return with_time(base, suffix)


# The clock hours (told without a.m. or p.m.) that a part of the day puts after noon:
# "3 o'clock this afternoon", "8:30 in the evening", "10 o'clock at night" (but "2 o'clock
# at night" is before dawn).
AFTER_NOON_HOURS = {"AF": range(1, 12), "EV": range(1, 12), "NI": range(6, 12)}


def after_noon(suffix: str, part: str) -> str:
    """'T03:00' told with "this afternoon" is 'T15:00'; other hours and parts stay."""
    hour = int(suffix[1:3])
    if hour in AFTER_NOON_HOURS.get(part, range(0)):
        return f"T{hour + 12:02d}{suffix[3:]}"
    return suffix


def _clock_suffix(m: re.Match[str]) -> str:
    if m.group("named"):
        return "T24:00" if m.group("named") == "midnight" else "T12:00"
    if m.group("h24") is not None:
        return f"T{int(m.group('h24')):02d}:{m.group('min24')}{_seconds(m.group('sec24'))}"
    if m.group("hh") is not None:
        return f"T{m.group('hh')}:{m.group('mm')}"
    if m.group("hd") is not None:
        return f"T{int(m.group('hd')):02d}:{m.group('md')}"
    h = int(m.group("h"))
    minutes = m.group("min") or "00"
    ap = m.group("ap")
    if m.group("h0") is not None and int(m.group("h0")) <= h:
        # "1-4 p.m." opens at 1 p.m.
        h, minutes = int(m.group("h0")), m.group("min0") or "00"
    elif m.group("h0") is not None and ap == "p" and h < int(m.group("h0")) < 12:
        # "From 11 to 1 p.m." crosses noon: it opens at 11 in the morning.
        return f"T{int(m.group('h0')):02d}:{m.group('min0') or '00'}"
    if ap == "p" and h < 12:
        h += 12
    if ap == "a" and h == 12:
        h = 0
    return f"T{h:02d}:{minutes}{_seconds(m.group('sec'))}"


def _seconds(sec: str | None) -> str:
    """A stamp's seconds belong to its TIMEX3 value ("T21:49:53"); a ":00" says nothing
    a minute does not ("09:15:00" is T09:15)."""
    return f":{sec}" if sec and sec != "00" else ""
