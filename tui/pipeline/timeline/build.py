"""The timeline stage: dated events in an article, normalised against its publication date.

For each block: the spans `spans` finds, the grammar `grammar` reads around them, the
value `resolve` gives them (a table of named date rules in `dates`), in article order so
"that year" and "a day later" can point back. spaCy is imported only inside functions:
the app imports this package before its first paint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from tui.pipeline.model import Block, BriefingTimelineEntry, Granularity, TimelineEntry
from tui.pipeline.nlp import doc_text, sentence_near, sentence_start, span_root
from tui.pipeline.timeline.clocks import (
    clock_on,
    clock_times_on_their_days,
    clocks_of_a_recurrence,
    clocks_on_the_sentence_day,
    clocks_told_in_order,
    clocks_under_a_day,
    days_of_a_schedule,
    is_bare_clock,
    lists_hours,
    parts_of_day_ending_a_range,
)
from tui.pipeline.timeline.grammar import (
    bare_imperative,
    commanded,
    in_a_clause_apart,
    in_a_denial,
    in_an_aside_on_someone,
    now_of_a_past_story,
    object_of_before_after,
    preposition_before,
    tense_of,
    the_noun_it_dates,
    told_to_you_as_a_rule,
    under_a_perfect,
)
from tui.pipeline.timeline.habits import all_year_round, told_as_a_habit
from tui.pipeline.timeline.lengths import bare_length, nights_of_shows
from tui.pipeline.timeline.modifiers import (
    a_thing_per_unit,
    is_hyphenated_length,
    says_how_much_per_unit,
    says_how_often,
)
from tui.pipeline.timeline.named_days import named_day
from tui.pipeline.timeline.nowadays import an_age, nowadays, today_against_an_earlier_age
from tui.pipeline.timeline.period_rules import count_from_last
from tui.pipeline.timeline.posts import post_days
from tui.pipeline.timeline.ranges import (
    AND_JOINT,
    OPENS_A_RANGE,
    PERIOD_ENDED,
    RANGE_WORDS,
    after_a_dated_start,
    closes_a_range,
    in_order,
    opened_before,
    past_midnight,
    period_holding,
    ranges_said_in_two,
)
from tui.pipeline.timeline.resolve import CLOCK_RE, resolve
from tui.pipeline.timeline.seasons import names_no_season
from tui.pipeline.timeline.sentence import Sentences, quote_sentence
from tui.pipeline.timeline.sets import (
    EVERY_BEFORE,
    EVERY_YEAR_TAIL,
    MONTHLY_DAY_SET,
    MONTHLY_WEEKDAY_SET,
    as_every_year,
    every_year,
    resolve_set,
    weekly,
)
from tui.pipeline.timeline.spans import (
    AGE,
    RANKED_TIMES,
    a_place_in_a_ranking,
    candidate_spans,
    holiday_names_a_thing,
    in_a_url,
    is_a_count,
    is_a_model_number,
    is_a_share,
    is_a_word_not_a_month,
    is_an_early_number,
    is_house_number,
    is_name,
    is_numbered_thing,
    joined_to_a_describing_word,
    labelled_numbers,
    looks_temporal,
    names_a_labelled_thing,
    names_a_titled_count,
    names_something,
    period_named_after,
    ranks_a_noun,
    writes_day_first,
)
from tui.pipeline.timeline.stamps import a_stamp, stamps_on_their_days, stamps_quote_their_updates
from tui.pipeline.timeline.values import (
    DAY_OR_MONTH,
    ON_A_DAY,
    Context,
    Resolved,
    Tense,
    day,
    duration,
    month,
    safe_date,
    shift,
    vague,
)
from tui.pipeline.timeline.vocab import (
    APOSTROPHE_RE,
    BARE_DAY_PART_RE,
    COUNTED_NOUNS,
    DAILY_THINGS,
    DAY_PART_RE,
    DAY_PREP_RE,
    EVENT_HEADS,
    FUTURES_WORDS,
    GAME_CLOCK_WORDS,
    GAME_WORDS,
    LENGTH_NOUNS,
    MARKET_WORDS,
    MEASURE_ADVERBS,
    MEASURE_HEADS,
    MODERN_YEAR_RE,
    MONTH_NAMED,
    MONTH_RE,
    MONTHS,
    NAMES_HOLDING_A_WEEKDAY,
    NUM_RE,
    OF_A_THING,
    ONE_OF_A_KIND_RE,
    ORD_RE,
    REPORTED_FIGURE_NOUNS,
    RESULTS_WORDS,
    SEASONS,
    SESSION_NOUNS,
    SPORTS_WORDS,
    UNIT_RE,
    VAGUE_NUM_RE,
    WEEKDAY_FIRST,
    WEEKDAY_RE,
    market_or_results,
    normalise,
    stated_duration,
)
from tui.pipeline.timex import length_code, length_parts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tui.pipeline.timeline.values import Placed

# A month's name as written (capitalised), and a day of the month in figures.
_A_MONTH_NAMED = rf"(?=[A-Z])(?i:{MONTH_RE})\b"
_A_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Where spaCy joined two expressions into one span ("the year ended Sept. 30").
# One or more in a row: "began Aug. 1 and ended last week" joins at "and ended".
_SEPARATORS = re.compile(
    # (Not the comma of a number: "40,000 years ago".)
    r"(?:\s*(?:[;&]|(?<!\d),|,(?!\d{3}\b))\s*"
    r"|\s+(?:to|and|or|through|until|ended|ending|ends|on|after|before|since|between)"
    r"(?=\s)|\s+(?:--|\u2013|\u2014)(?=\s)|\s+-(?=\s+[^\W\d])"
    # A typed dash with no spaces before a word ("by 2013--two years earlier"); between
    # figures ("1990--1995") it may join a range, and is left to the range rules.
    r"|(?<=\w)--(?=[^\W\d])"
    # A byline's "March 3, 2011 - 10:15 am": a dash or a bar before the clock time; a
    # slash before the same time in another zone ("10am PT / 1pm ET", "2 p.m. PDT/5 p.m.").
    r"|\s+[-|/](?=\s+\d{1,2}(?::\d\d|\s?[ap]\.?m\b))"
    # (A listing's "Thursday March 27th- 6:30-8:30 pm": the dash typed against the day.)
    r"|(?<=[A-Za-z])-(?=\s+\d{1,2}(?::\d\d|\s?[ap]\.?m\b))"
    r"|(?<=[A-Za-z.])/(?=\d{1,2}(?::\d\d|\s?[ap]\.?m\b))"
    # A dash glued between two clocks, the first with its a.m. or p.m.: "9am-11:30",
    # "9 a.m.-5 p.m." (read whole, neither was found).
    r"|(?:(?<=[aApP][mM])|(?<=[aApP]\.[mM]\.))[-\u2013\u2014](?=\d{1,2}(?::\d\d|\s?[ap]\.?m\b))"
    # A run of days across two months: "March 3-April 9, 2005", "September 30, 2001-November
    # 30, 2001" (a dash glued between a figure and the next month's name; not after a
    # year that opens the date, "2001-November 30"), "3 March-9 April 2005" (glued between
    # a month and the next day told day first), "3 March - 9 April 2005" (spaced there).
    rf"|(?<=\d)(?<!^\d{{4}})[-\u2013](?={_A_MONTH_NAMED})"
    rf"|(?<=[A-Za-z.])[-\u2013](?={_A_DAY} {_A_MONTH_NAMED})"
    rf"|\s+-(?=\s+{_A_DAY}\s+{_A_MONTH_NAMED}))+\s*"
)
# "12 to 18 August", "between 1 and 5 July", "Friday 23 and Saturday 24 December": the
# first day takes the month of the second.
_A_WEEKDAY_BEFORE = rf"(?:{WEEKDAY_RE},? (?:the )?)?"
_BARE_DAY = re.compile(
    rf"(?:(?:between|from) )?(?:the )?{_A_WEEKDAY_BEFORE}\d{{1,2}}(?:st|nd|rd|th)?", re.I
)
# A bare month, the words that join it to the next, and a month told with its year.
_BARE_MONTH = re.compile(rf"(?:(?P<opener>between|from) |the months? of )?{MONTH_RE}", re.I)
_MONTH_JOINER = re.compile(
    r"\s+(?:and|or|(?P<range>to|through|until))\s+|\s*(?P<dash>[-\u2013])\s*", re.I
)
_MONTH_WITH_YEAR = re.compile(
    rf"{MONTH_RE},? (?:of )?(?:(?:19|20)\d\d|last year|this year|next year)", re.I
)
_DAY_THEN_MONTH = re.compile(
    rf"{_A_WEEKDAY_BEFORE}\d{{1,2}}(?:st|nd|rd|th)?(?P<rest> (?:of )?{MONTH_RE}\b.*)", re.I
)
_PLURAL_DAYS = re.compile(
    rf"(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:s(?: \w+)?| {DAY_PART_RE}s)",
    re.I,
)
# "She works Monday afternoons": the plural after the day makes it recur (spaCy's span
# may stop at "Monday").
_PLURAL_PART_AFTER = re.compile(rf" {DAY_PART_RE}s\b", re.I)
_NAMES_TIME = re.compile(rf"(?:{MONTH_RE}|{WEEKDAY_RE})$")
_DAY_NAME_ONLY = re.compile(rf"(?:on )?{WEEKDAY_RE}", re.I)
# A month named next in a list: a date of its own, not a word too many ("January, March").
_MONTH_LISTED_LAST = re.compile(rf"\b{MONTH_RE}(?:,|\s+and|\s+or|,\s+and)\s+{MONTH_RE}$", re.I)
_ANY_WEEKDAY_BEFORE = re.compile(rf"\b{ONE_OF_A_KIND_RE}\s+$", re.I)
_ONE_OF_A_KIND_WORD = re.compile(ONE_OF_A_KIND_RE, re.I)
# "One summer, when I was nine", "one Tuesday in March": "one" (not "the one") before a
# season, weekday or month says one of its kind, not which; spaCy leaves "one" out of the span
# or keeps it in.
_ONE_NAMED = rf"(?:{WEEKDAY_RE}|{MONTH_RE}|{'|'.join(SEASONS)})\b"
_ONE_BEFORE = re.compile(r"(?<!\bthe )\bone\s+$", re.I)
_ONE_FIRST = re.compile(rf"one\s+{_ONE_NAMED}", re.I)
_NAMED_FIRST = re.compile(_ONE_NAMED, re.I)
# "On a day that also saw markets fall", "on an evening when no one came": one day of its
# kind, told by what happened on it, not a length of a day.
_ON_ONE_DAY = re.compile(rf"(?:on )?{ONE_OF_A_KIND_RE} (?:day|{BARE_DAY_PART_RE})", re.I)
# A decade written without its century or a leading apostrophe ("the mid-90s", "the
# 80's"), and what makes such words an age or a temperature instead.
_BARE_DECADE = re.compile(
    rf"(?<!{APOSTROPHE_RE})\b(?:[1-9]0{APOSTROPHE_RE}?s|twenties|thirties|forties|fifties|sixties"
    r"|seventies|eighties|nineties)\b",
    re.I,
)
_AGE_OWNER = re.compile(r"\b(?:his|her|their|its|my|your|our)\s+$", re.I)
_TEMPERATURE = re.compile(
    r"\b(?:degrees?|temperatures?|highs?|lows?|fahrenheit|celsius|heat|thermometers?)\b|\u00b0",
    re.I,
)
# One date has at most a few comma-separated parts ("Tuesday, Aug. 6, 2024"); trying at
# most this many pieces of a joined span at once keeps a long chronology linear.
MAX_PIECES = 4
# How far back in its sentence an expression's lead is read ("the highest ... in").
LEAD_CHARS = 80
# Words that belong at the front of a temporal expression; anything else spaCy put there
# can be dropped.
_TEMPORAL_LEAD = {
    "the", "a", "an", "this", "that", "last", "next", "early", "late", "mid", "every", "each",
    "about", "around", "some", "more", "less", "than", "over", "under", "nearly", "almost",
    "since", "until", "for", "by", "in", "on", "of", "at", "only", "just", "first", "past",
    "previous", "coming", "few", "several", "many", "recent", "same", "following", "end",
    # "half a week" is no week: a fraction left unread is no reason to read the unit alone.
    "half", "quarter", "quarters", "three-quarters", "dozen",
}  # fmt: skip


def build_timeline(
    blocks: Sequence[Block],
    anchor: str,
    anchor_assumed: bool = False,
    docs: Sequence[Doc] | None = None,
    post_heads: Sequence[tuple[int, str]] = (),
) -> list[TimelineEntry]:
    """Every dated expression in `blocks`, resolved against `anchor`, sorted by date.

    `anchor` is an ISO date or datetime: the publication date, or the fetch date when the
    page gave none (then `anchor_assumed` is True and every entry says so). `docs` is one
    spaCy Doc per block, parsed by the caller so `entities` can share the parse.
    `post_heads` are the date lines the cleaner cut, each with the index of the block it
    stood before: on a page of several posts, each post is read as of its own day
    (`posts.post_days`).
    """
    if docs is None:
        from tui.pipeline.nlp import parse_blocks

        docs = parse_blocks(blocks)
    heads = [(i, text) for i, text in post_heads if 0 <= i < len(blocks)]
    posts = post_days(heads, parse_anchor(anchor)) if len(heads) > 1 else []
    if not posts:
        return _story_timeline(blocks, anchor, anchor_assumed, docs)
    # Before the first post's date line, the page's own day; each post, its own.
    starts = [0, *(i for i, _ in posts)]
    anchors = [(anchor, anchor_assumed), *((day.isoformat(), False) for _, day in posts)]
    entries: list[TimelineEntry] = []
    ends = [*starts[1:], len(blocks)]
    for start, end, (told, assumed) in zip(starts, ends, anchors, strict=True):
        if start == end:
            continue  # the first post's date line heads the page
        part = _story_timeline(blocks[start:end], told, assumed, docs[start:end])
        entries.extend(replace(e, block=e.block + start) for e in part)
    entries.sort(key=sort_key)
    return entries


def _story_timeline(
    blocks: Sequence[Block], anchor: str, anchor_assumed: bool, docs: Sequence[Doc]
) -> list[TimelineEntry]:
    """The timeline of blocks all read as of one day."""
    ctx = _story_context(blocks, anchor, anchor_assumed)
    entries: list[TimelineEntry] = []
    heading: Resolved | None = None  # the one day a schedule's lines so far come under
    for index, (block, doc) in enumerate(zip(blocks, docs, strict=True)):
        ctx.block = index
        full = doc_text(doc)
        sentences = Sentences(doc)
        before = ctx.copy()
        read_alone, habits = _placed_in(block, doc, full, ctx, sentences)
        placed, next_heading = _placed_together(full, read_alone, habits, heading, ctx.anchor)
        if moved := _moved(read_alone, placed):
            # "In the week beginning 3 October, schools close on Thursday. The following
            # week, ...": read the block again, each later expression counting from the
            # dates as reading them together placed them.
            ctx = before
            read_alone, habits = _placed_in(block, doc, full, ctx, sentences, moved)
            placed, next_heading = _placed_together(full, read_alone, habits, heading, ctx.anchor)
        heading = next_heading
        told = [
            _entry(
                block,
                index,
                res,
                r_start,
                r_end,
                quote_sentence(sentences, span.start_char, r_start, r_end),
                anchor_assumed,
            )
            for res, r_start, r_end, span in _counted_from_dates(doc, full, placed)
        ]
        entries.extend(ranges_said_in_two(block.text, told))
    entries = stamps_quote_their_updates(blocks, docs, stamps_on_their_days(blocks, entries))
    entries.sort(key=sort_key)
    return entries


def _moved(read_alone: list[Placed], placed: list[Placed]) -> dict[int, Resolved]:
    """The block's dates that reading its expressions together moved ("on Thursday" of
    "the week beginning 3 October"), by where they start: what the expressions after them
    count from ("the following week"), in this block and the next."""
    where = {start: res for res, start, _, _ in placed}
    # (Only a date moved to another of its kind: a day joined to its clock, "November 8
    # at 11 AM", still names the day the next day in a list goes on from.)
    return {
        start: where[start]
        for res, start, _, _ in read_alone
        if start in where
        and where[start].value != res.value
        and where[start].granularity is res.granularity
    }


def _of_games(text: str) -> bool:
    return GAME_WORDS.search(text) is not None or SPORTS_WORDS.search(text) is not None


def _story_context(blocks: Sequence[Block], anchor: str, anchor_assumed: bool) -> Context:
    """What every expression of the story is read against: its day, and how it writes."""
    return Context(
        anchor=parse_anchor(anchor),
        anchor_time=None if anchor_assumed else anchor_clock(anchor),
        day_first=writes_day_first(b.text for b in blocks),
        futures_story=any(FUTURES_WORDS.search(b.text) for b in blocks),
        games_story=sum(_of_games(b.text) for b in blocks) >= _GAMES_STORY,
        labels=labelled_numbers(b.text for b in blocks),
        anchor_assumed=anchor_assumed,
    )


def _placed_in(
    block: Block,
    doc: Doc,
    full: str,
    ctx: Context,
    sentences: Sentences,
    moved: dict[int, Resolved] | None = None,
) -> tuple[list[Placed], list[bool]]:
    """Each expression of one block resolved on its own, in reading order, and whether the
    grammar tells it as a habit; what it resolved to is remembered for the ones after it,
    or where the block's reading together `moved` it, by where it starts."""
    placed: list[Placed] = []
    habits: list[bool] = []
    for start, end in candidate_spans(doc, full) or a_stamp(block, full):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        ctx.sentence = sentence_start(span)
        try:
            found = _resolve_span(doc, full, span, start, end, ctx, sentences)
        except (ValueError, OverflowError):
            # Calendar arithmetic off the end of the calendar (an anchor in year 1, a
            # "year 9999"): that one expression cannot be placed; the rest still can.
            continue
        for res, r_start, r_end in found:
            habit = told_as_a_habit(span, full[r_start:r_end])
            # "Up 10.6 percent over July 1995", "to $20 million from $42 million the
            # previous year": a comparison's base is not where the story is, nor what
            # the next comparison counts from (a second "the previous year" is the
            # same year, not the one before it). A habit ("always cold in the
            # winter") is of no one year for "that year" or "a month later" to mean.
            if not habit and not _comparison_base(full, r_start, r_end):
                # "Since December 1981" begins a stretch that reaches to now: the story
                # has not gone back there, and a later "In July" is not July 1982.
                ctx.remember(
                    (moved or {}).get(r_start, res),
                    scene=not _SINCE.match(full, r_start)
                    and not _names_a_thing(span)
                    and not in_an_aside_on_someone(span),
                    said_now=_SAID_AS_NOW.fullmatch(full, r_start, r_end) is not None,
                )
            placed.append((res, r_start, r_end, span))
            habits.append(habit)
    return placed, habits


def _placed_together(
    full: str,
    placed: list[Placed],
    habits: list[bool],
    heading: Resolved | None,
    anchor: date,
) -> tuple[list[Placed], Resolved | None]:
    """A block's expressions read against each other: a date every year, clocks on their
    days, months sharing a year, lengths up to the dates that end them."""
    placed = list(placed)
    for k in every_year([(res, s, e) for res, s, e, _ in placed], full, habits):
        # "On 1 April and 1 October in each year": no one day, a date every year.
        res, r_start, r_end, span = placed[k]
        placed[k] = (as_every_year(res), r_start, r_end, span)
    placed = clock_times_on_their_days(full, days_of_a_schedule(full, placed))
    placed = _days_in_the_week_named(full, clocks_on_the_sentence_day(full, placed))
    placed = clocks_of_a_recurrence(full, placed)
    placed = parts_of_day_ending_a_range(full, placed)
    placed, heading = clocks_under_a_day(full, placed, heading)
    placed = clocks_told_in_order(full, placed)
    placed = _months_sharing_a_year(full, _lengths_in_parts(full, placed))
    placed = _months_listed_in_order(full, placed)
    placed = _years_in_apposition(full, _years_in_brackets(full, _days_in_brackets(full, placed)))
    placed = _in_the_year_named(full, placed)
    placed = _ranges_across_spans(full, placed, anchor)
    return _lengths_from_dates(full, _lengths_up_to_dates(full, placed)), heading


def _entry(
    block: Block,
    index: int,
    res: Resolved,
    r_start: int,
    r_end: int,
    sentence: str,
    anchor_assumed: bool,
) -> TimelineEntry:
    return TimelineEntry(
        expression=block.text[r_start:r_end],
        value=res.value,
        granularity=res.granularity,
        sentence=sentence,
        block=index,
        start=r_start,
        end=r_end,
        range_start=res.start.isoformat() if res.start else None,
        range_end=res.end.isoformat() if res.end else None,
        vague=res.vague,
        anchor_assumed=anchor_assumed,
        timex_type=res.timex_type,
        timex_value=_timex_value(res, block.text[r_start:r_end]),
    )


def _timex_value(res: Resolved, expression: str) -> str:
    """The TIMEX3 value; a length with a fraction as it was said ("P2Y6M" for "two and a
    half years", which the rules counted as 30 months)."""
    if res.timex_type == "DURATION" and (stated := stated_duration(expression)) is not None:
        return stated
    return res.timex_value


# The story's own time said as now, not named: what a distal "that week" looks past.
_SAID_AS_NOW = re.compile(
    r"(?:today|tonight|now|this (?:morning|afternoon|evening|week|weekend|month|year))(?:'s)?",
    re.I,
)
_SINCE = re.compile(r"since\b", re.I)


def _names_a_thing(span: Span) -> bool:
    """'The August 1988 cease-fire': a date that tells which thing a noun after it is;
    the story does not go back there ("Iraq's invasion of Kuwait on Aug. 2" after it is the
    story's own August)."""
    root = span_root(span)
    return root.dep_ in ("compound", "nmod", "amod") and root.head.i >= span.end


_COMPARED_WITH = re.compile(
    r"(?:percent|pct|%|points?)\s+(?:over|from|against|versus|vs\.?)\s+$|compared (?:with|to)\s+$",
    re.I,
)
# "To A$20.8 million from A$42.4 million the previous year", "lower than the year before":
# a base only when the date counts back ("from $972,000 in the first quarter" may say when
# the whole change happened).
_FROM_AN_AMOUNT = re.compile(
    r"\bfrom\s+[A-Z]{0,3}[$\u00a3\u20ac]?\s?\d[\d.,]*\s*(?:[a-z]+\s+){0,3}?$|\bthan\s+(?:in\s+)?$",
    re.I,
)
_COUNTED_BACK = re.compile(r"\b(?:previous|prior|preceding|earlier|before|ago)\b", re.I)
_LEADING_OVER_FROM = re.compile(r"(?:over|from)\s+", re.I)


def _comparison_base(full: str, start: int, end: int) -> bool:
    """Whether the date at `start` is what a change is measured against ("up 10.6 percent
    over July 1995", "compared with 1995"); the expression may hold its "over"."""
    lead = full[max(0, start - 40) : start]
    own = _LEADING_OVER_FROM.match(full, start)
    if _COMPARED_WITH.search(lead + (own.group(0) if own else "")):
        return True
    return bool(_FROM_AN_AMOUNT.search(lead) and _COUNTED_BACK.search(full, start, end))


# A length that names no place in time, as `bare_length` codes it: "P3Y", "P2W".
_BARE_LENGTH_CODE = re.compile(r"P(\d+)([DWMYE])")


def _length_alone(res: Resolved) -> re.Match[str] | None:
    """A length the article does not place ("three years"), as count and unit; None for
    anything else."""
    return _BARE_LENGTH_CODE.fullmatch(res.value) if res.start is None else None


def _counted_from_dates(doc: Doc, full: str, placed: list[Placed]) -> list[Placed]:
    """'Three years before the 2016 election', 'a day after the protest on Aug. 2': a
    length whose "before" or "after" governs a phrase that holds a date is that date moved
    by the length (TIMEX3 marks "three years before" a DATE, 2013). Only a date inside
    that phrase counts: in "came a day after the protest, on Aug. 2" the date may be the
    coming's own."""
    out = list(placed)

    def in_a_date(offset: int) -> bool:
        return any(s <= offset < e for _, s, e, _ in placed)

    for k, (res, start, end, span) in enumerate(placed):
        code = _length_alone(res)
        governed = object_of_before_after(doc, full, end, in_a_date) if code else None
        if code is None or governed is None:
            continue
        sign, word_end, lo, hi = governed
        base = next(
            (d for d, d_start, d_end, _ in placed if lo <= d_start and d_end <= hi and d.start),
            None,
        )
        try:
            moved = (
                None
                if base is None or base.vague
                else count_from_last(base, code.group(2), sign * int(code.group(1)))
            )
        except (ValueError, OverflowError):
            continue  # "3000000 days after" lands off the calendar: left as a length
        if moved is not None:
            out[k] = (moved, start, word_end, span)
    return out


# "The six months ended Oct. 1", "the three months to June": a count of units that ends
# on the date after it.
_LENGTH_UP_TO = re.compile(r"\s+(?:ended|ending|to|through)\s+", re.I)


# "Four hours and 51 minutes", "2 hours, 5 minutes and 12 seconds": one length told in
# parts, each a smaller unit than the one before.
_PART_JOINER = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+")
_UNITS_LARGEST_FIRST = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _lengths_in_parts(full: str, placed: list[Placed]) -> list[Placed]:
    """Lengths told in parts are one length ("PT4H51M"): apart, a race's time was two or
    three rows."""
    out: list[Placed] = []
    for res, start, end, span in placed:
        if out and (joined := _one_length(out[-1], (res, start, end, span), full)):
            out[-1] = joined
        else:
            out.append((res, start, end, span))
    return out


def _one_length(first: Placed, second: Placed, full: str) -> Placed | None:
    (a, a_start, a_end, span), (b, b_start, b_end, _) = first, second
    parts_a, part_b = _length_parts(a), _length_parts(b)
    if not parts_a or len(part_b) != 1 or not _PART_JOINER.fullmatch(full, a_end, b_start):
        return None
    ((unit_b, n_b),) = part_b.items()
    if _UNITS_LARGEST_FIRST.index(unit_b) <= max(map(_UNITS_LARGEST_FIRST.index, parts_a)):
        return None
    parts = {**parts_a, unit_b: n_b}
    code = length_code((u, parts[u]) for u in _UNITS_LARGEST_FIRST if u in parts)
    return replace(a, value=code, granularity=b.granularity), a_start, b_end, span


def _length_parts(res: Resolved) -> dict[str, int]:
    """The units and counts of a length the article does not place ("PT4H51M" -> TH: 4,
    TM: 51); empty for anything else."""
    if res.timex_type != "DURATION" or res.start is not None or res.vague:
        return {}
    return dict(length_parts(res.value))


def _lengths_up_to_dates(full: str, placed: list[Placed]) -> list[Placed]:
    """A length alone followed by "ended <date>" or "to <month>" is placed: it runs up to
    the end of that date (TIMEX3 keeps the length, "P6M"; the range says where it lies)."""
    out = list(placed)
    for k in range(len(placed) - 1):
        (res, start, end, span), (base, b_start, _, _) = placed[k], placed[k + 1]
        code = _length_alone(res)
        if (
            code is None
            or base.end is None
            or not _bounds_a_length(base)
            or not _LENGTH_UP_TO.fullmatch(full, end, b_start)
        ):
            continue
        unit, n = code.group(2), int(code.group(1))
        last = base.end
        try:
            ahead_of_it = duration(last + timedelta(days=1), unit, n, ahead=False)
        except (ValueError, OverflowError):
            continue  # off the end of the calendar: the length stays a length alone
        out[k] = (
            replace(ahead_of_it, end=last, value=f"{res.value}/{last.isoformat()}"),
            start,
            end,
            span,
        )
    return out


def _bounds_a_length(res: Resolved) -> bool:
    """Whether a date may end or start a length told beside it: a day or a month, stated."""
    return not res.vague and res.timex_type == "DATE" and res.granularity in DAY_OR_MONTH


_LENGTH_FROM = re.compile(r",?\s+(?:from|starting|beginning)(?:\s+on)?\s+", re.I)


def _lengths_from_dates(full: str, placed: list[Placed]) -> list[Placed]:
    """'For three weeks, from March 2', 'a strike of four days from Boxing Day': a length
    followed by the date it starts from runs from there (TIMEX3 keeps the length, "P3W";
    the range says where it lies), not from the story's day."""
    out = list(placed)
    for k in range(len(placed) - 1):
        (res, start, end, span), (base, b_start, _, _) = placed[k], placed[k + 1]
        code = _BARE_LENGTH_CODE.search(res.value) if res.timex_type == "DURATION" else None
        if (
            code is None
            or base.start is None
            or not _bounds_a_length(base)
            or not _LENGTH_FROM.fullmatch(full, end, b_start)
        ):
            continue
        try:
            from_it = duration(base.start, code.group(2), int(code.group(1)), ahead=True)
        except (ValueError, OverflowError):
            continue  # off the end of the calendar: the length stays as it was
        out[k] = (from_it, start, end, span)
    return out


def _bare_month_before_a_year(first: str, second: str) -> re.Match[str] | None:
    """The first of two expressions as a bare month when the second is a month told with
    its year ("March" and "April 2011"): the pair whose year the first takes."""
    bare = _BARE_MONTH.fullmatch(first)
    return bare if bare and _MONTH_WITH_YEAR.fullmatch(second) else None


# "Next week", "last week", "this week": a week the sentence goes on to name days of.
# (Not "the past week": the seven days up to now, whose Monday may be this week's.)
_A_WEEK_NAMED = re.compile(
    r"(?:(?:in|during|for) )?(?:(?:next|last|this|the coming|the following) week"
    r"|the week (?:of|beginning|starting|commencing) .+)",
    re.I,
)
_A_WEEKDAY = re.compile(rf"\b(?:{WEEKDAY_RE})\b", re.I)
_A_MONTH = re.compile(rf"\b{MONTH_RE}\b", re.I)
# A number that is no clock's: "Thursday 25" names its date.
_A_DAY_NUMBER = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\b(?![:.]\d)(?!\s*(?:[ap]\.?m|o'clock))", re.I
)


def _days_in_the_week_named(full: str, placed: list[Placed]) -> list[Placed]:
    """'Markets will be quiet next week, with exchanges shut on Thursday and closing early
    at 1 p.m. on Wednesday': a weekday told after the week its sentence names is a day of
    that week (with no verb of its own to read, each was the nearest day, this week's)."""
    out = list(placed)
    week: tuple[Resolved, Span] | None = None  # the week named, and where
    for k, (res, start, end, span) in enumerate(placed):
        if res.granularity is Granularity.WEEK and _A_WEEK_NAMED.fullmatch(full[start:end]):
            week = (res, span)
            continue
        if (
            week is None
            or week[0].start is None
            or res.start is None
            or res.granularity not in ON_A_DAY
            or not _a_bare_weekday(full[start:end])
            # ("A flight scheduled for the week of Nov. 22, managers said Friday", "the
            # first of six weeks of action the union announced on Monday": another
            # clause's day.)
            or not _told_in_one_clause(week[1], span)
        ):
            continue
        moved = week[0].start + timedelta(days=res.start.weekday())
        if moved != res.start and (on_it := shift(res, "D", (moved - res.start).days)):
            out[k] = (on_it, start, end, span)
    return out


def _told_in_one_clause(frame: Span, span: Span) -> bool:
    """Whether a date is told in the clause of the week or year its sentence named before
    it (neither lies in a clause apart from the other)."""
    return (
        sentence_start(frame) == sentence_start(span)
        and not in_a_clause_apart(span_root(frame), span_root(span))
        and not in_a_clause_apart(span_root(span), span_root(frame))
    )


def _a_bare_weekday(text: str) -> bool:
    """'On Thursday', '1 p.m. on Wednesday', 'Friday night': a weekday, with no date."""
    return (
        _A_WEEKDAY.search(text) is not None
        and _A_MONTH.search(text) is None
        and _A_DAY_NUMBER.search(text) is None
    )


# A year a sentence is told in: "last year", "next year" anywhere; "In 2021," only where
# it opens the sentence (a year named further on is often another event's, in wire copy).
_A_YEAR_NAMED = re.compile(r"(?:(?:in|during|by|for) )?(?:last|next|this) year", re.I)
_A_YEAR_OPENING = re.compile(r"(?:in |by |during )?(?:1[5-9]|20)\d\d", re.I)
_NOTHING_BUT_A_PREP = re.compile(r"\s*(?:(?:in|by|during)\s+)?", re.I)
_A_YEAR_WORD = re.compile(r"\b(?:year|(?:1[5-9]|20)\d\d)\b", re.I)


def _in_the_year_named(full: str, placed: list[Placed]) -> list[Placed]:
    """'Next year it falls on 13 August', 'In 2021, the festival opens on 13 August': a day
    or month told without its year after a sentence names one is in it (the tense alone put
    it in the story's year)."""
    out = list(placed)
    year: tuple[int, Span] | None = None  # the year named, and where
    for k, (res, start, end, span) in enumerate(placed):
        text = full[start:end]
        if (
            res.granularity is Granularity.YEAR
            and res.start
            and _names_the_year(full, text, span, start)
        ):
            year = (res.start.year, span)
            continue
        if (
            year is None
            # ("A programme approved in 1987 ... had bought shares through Sept. 29", "sales
            # rose last year, and the firm said on 3 March": another clause's year.)
            or not _told_in_one_clause(year[1], span)
            or res.granularity not in DAY_OR_MONTH
            or res.start is None
            or res.start.year == year[0]
            or res.anaphoric
            or _A_YEAR_WORD.search(text)
            or _A_WEEKDAY.search(text)
        ):
            continue
        moved = shift(res, "Y", year[0] - res.start.year)
        if moved is not None:
            out[k] = (moved, start, end, span)
    return out


def _names_the_year(full: str, text: str, span: Span, start: int) -> bool:
    opens = _NOTHING_BUT_A_PREP.fullmatch(full, sentence_start(span), start) is not None
    return bool(
        _A_YEAR_NAMED.fullmatch(text)
        or (opens and _A_YEAR_OPENING.fullmatch(text))
        or _an_events_year(span)
    )


def _an_events_year(span: Span) -> bool:
    """'The 2007 conference will be held on July 17', '2007 Economics Society Conference,
    July 17-20': the year of a conference, a fair or a summit is the year of the days its
    clause tells of it (the tense alone put them in the story's year)."""
    root = span_root(span)
    return (
        len(span) == 1
        and root.dep_ in ("nummod", "compound", "amod", "nmod")
        and root.head.i > root.i
        and root.head.lemma_.lower() in EVENT_HEADS
    )


# A year written out in figures, of any age a page tells of ("1680", "1928", "2002").
_A_WRITTEN_YEAR = re.compile(r"1\d{3}|20\d\d")
# A year written out, and what may follow a phrase set beside it: a comma, the end of the
# sentence, or a preposition ("the most recent year for such data").
_APPOSITION_GAP = re.compile(r",\s+")
_AFTER_AN_APPOSITION = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:for|of|in|when|on|with)\b")


def _years_in_brackets(full: str, placed: list[Placed]) -> list[Placed]:
    """'On the 5th August [1862], the delegates met', 'Sept. 30 (1998)': a day or month
    told without its year, the year in brackets right after it (an editor's or a
    citation's), is that year's, one entry (the tense put it in the story's year, the year
    beside it)."""
    return _joined_to_brackets(full, placed, _in_the_bracketed_year)


def _in_the_bracketed_year(full: str, told: Placed, bracketed: Placed) -> Resolved | None:
    day_told, d_start, d_end, _ = told
    res, _, end, _ = bracketed
    if (
        _A_BRACKETED_YEAR.fullmatch(full, d_end, end)
        and res.granularity is Granularity.YEAR
        and res.start is not None
        and day_told.granularity in DAY_OR_MONTH
        and day_told.start is not None
        and not _A_YEAR_WORD.search(full, d_start, d_end)
    ):
        return shift(day_told, "Y", res.start.year - day_told.start.year)
    return None


def _days_in_brackets(full: str, placed: list[Placed]) -> list[Placed]:
    """'I fly out tomorrow (Monday, April 2)', 'Friends of the Earth today (3/4/97)
    welcomed ...': a day named from the writing, the date it is in brackets right after
    it, is that date, one entry (the writer's own word for the day beats the page's date,
    which may be a stamp put on later)."""
    return _joined_to_brackets(full, placed, _the_bracketed_day)


def _the_bracketed_day(full: str, told: Placed, bracketed: Placed) -> Resolved | None:
    said, d_start, d_end, _ = told
    res, start, end, _ = bracketed
    if (
        _AN_OPENING_BRACKET.fullmatch(full, d_end, start)
        and _A_DAY_FROM_NOW.fullmatch(full, d_start, d_end)
        and res.granularity is Granularity.DAY
        and res.start is not None
    ):
        # "Today (3/4/97)" on a page of 3 April: figures either way round, read the way
        # the day named from now already is.
        return said if _the_other_way_round(res, said, full[start:end]) else res
    return None


def _joined_to_brackets(
    full: str,
    placed: list[Placed],
    join: Callable[[str, Placed, Placed], Resolved | None],
) -> list[Placed]:
    """Each date with what a bracket right after it adds (`join`: the two read as one,
    or None), one entry running to the closing bracket."""
    out: list[Placed] = []
    for item in placed:
        closed = _A_CLOSING_BRACKET.match(full, item[2])
        if out and closed and (joined := join(full, out[-1], item)) is not None:
            _, d_start, _, d_span = out[-1]
            out[-1] = (joined, d_start, closed.end(), d_span)
            continue
        out.append(item)
    return out


def _the_other_way_round(res: Resolved, said: Resolved, text: str) -> bool:
    """Whether a date in figures ("3/4/97") read one way round is, the other way, the day
    `said` already is."""
    if not _DAY_IN_FIGURES.fullmatch(text) or res.start is None or said.start is None:
        return False
    try:
        swapped = date(res.start.year, res.start.day, res.start.month)
    except ValueError:
        return False
    return swapped == said.start


_DAY_IN_FIGURES = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
# A day named from the day of writing, and the bracket that may follow it with its date.
_A_DAY_FROM_NOW = re.compile(
    rf"(?:today|tonight|tomorrow|yesterday|(?:(?:last|next|this|on) )?{WEEKDAY_RE})", re.I
)
_AN_OPENING_BRACKET = re.compile(r"\s*[\[(]\s*")
# A year in brackets or parentheses after what it dates: "[1862]", "(1998)".
_A_BRACKETED_YEAR = re.compile(r"\s*[\[(]\s*\d{4}")
_A_CLOSING_BRACKET = re.compile(r"\s*[\])]")


def _years_in_apposition(full: str, placed: list[Placed]) -> list[Placed]:
    """'In the following year, 1928, one issue', 'in 2002, the most recent year for such
    data': a year counted or described beside the year written out is that year (counted
    from the last year named, "the following year" had been 1929); an older one too
    ("from 1680, the year of the tax"). Not a phrase that goes on as the clause's subject:
    "In 1998, the following year was a disaster"."""
    out = list(placed)
    for k in range(len(out) - 1):
        (a, a_start, a_end, a_span), (b, b_start, b_end, b_span) = out[k], out[k + 1]
        if not (
            _APPOSITION_GAP.fullmatch(full, a_end, b_start)
            and _AFTER_AN_APPOSITION.match(full, b_end)
        ):
            continue
        a_text, b_text = full[a_start:a_end], full[b_start:b_end]
        if _A_WRITTEN_YEAR.fullmatch(b_text) and _a_year_told_in_words(a, a_text):
            out[k] = (_the_same_year(a, b), a_start, a_end, a_span)
        elif _A_WRITTEN_YEAR.fullmatch(a_text) and _a_year_told_in_words(b, b_text):
            out[k + 1] = (_the_same_year(b, a), b_start, b_end, b_span)
    return out


def _a_year_told_in_words(res: Resolved, text: str) -> bool:
    return (
        res.granularity is Granularity.YEAR
        and _A_YEAR_WORD.search(text) is not None
        and _A_WRITTEN_YEAR.search(text) is None
    )


def _the_same_year(res: Resolved, written: Resolved) -> Resolved:
    return replace(res, value=written.value, start=written.start, end=written.end)


def _months_sharing_a_year(full: str, placed: list[Placed]) -> list[Placed]:
    """'In March and April 2011', 'August and July of last year': a bare month joined to a
    month with its year is in that year, where the tense alone put it in the story's; the
    start of a range ("from December to February 2012") may be the year before."""
    out = list(placed)
    for k in range(len(out) - 1):
        (a, a_start, a_end, span), (b, b_start, b_end, _) = out[k], out[k + 1]
        bare = _bare_month_before_a_year(full[a_start:a_end], full[b_start:b_end])
        joiner = _MONTH_JOINER.fullmatch(full, a_end, b_start)
        if not (
            a.granularity is Granularity.MONTH
            and b.granularity is Granularity.MONTH
            and a.start is not None
            and b.start is not None
            and bare
            and joiner
        ):
            continue
        a_range = bare.group("opener") or joiner.group("range") or joiner.group("dash")
        year = b.start.year - (1 if a_range and a.start.month > b.start.month else 0)
        if year >= 1:  # a January of the year 1 has no December before it on our calendar
            out[k] = (month(year, a.start.month), a_start, a_end, span)
    return out


# What parts the items of a list: "June, July, September, October and December".
_LIST_JOINER = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.I)


def _months_listed_in_order(full: str, placed: list[Placed]) -> list[Placed]:
    """'Meetings in June, July, September, October and December': bare months listed in the
    calendar's order go on from the one before, where each read alone may have been taken
    as the nearer one gone ("October", said in March, as last October)."""
    out = list(placed)
    for k in range(1, len(out)):
        (a, _, a_end, _), (b, b_start, b_end, span) = out[k - 1], out[k]
        if not (
            a.granularity is b.granularity is Granularity.MONTH
            and a.start is not None
            and b.start is not None
            and _BARE_MONTH.fullmatch(full, b_start, b_end)
            and _LIST_JOINER.fullmatch(full, a_end, b_start)
            and a.start.month < b.start.month
            and b.start < a.start
        ):
            continue
        out[k] = (month(a.start.year, b.start.month), b_start, b_end, span)
    return out


def merge_timelines(
    per_article: Sequence[list[TimelineEntry] | None],
) -> list[BriefingTimelineEntry]:
    """One timeline across articles; entries on the same date sit together.

    Articles not analysed (None) contribute nothing. Within one date the order is
    article, then position in the article, so each article's own sequence is kept.
    """
    merged = [
        BriefingTimelineEntry(entry=entry, article=article)
        for article, entries in enumerate(per_article)
        if entries
        for entry in entries
    ]
    merged.sort(key=lambda b: (*sort_key(b.entry), b.article, b.entry.block, b.entry.start))
    return merged


def sort_key(entry: TimelineEntry) -> tuple[str, int, str, str]:
    """Where an entry sits: its start date; vague past just before the date it ends on;
    what has no date (a length alone, a recurrence) last, in article order.

    "Over the past few days" ends at the anchor and sorts just before the anchor's own
    entries; "now" (PRESENT_REF) sits among them; a vague future starts at the anchor and
    sorts just after them.
    """
    if entry.range_start is None and not entry.vague:
        # Lengths the article does not place and recurrences date nothing: after every
        # date, in the order the article gives them (the sort is stable).
        return ("9999", 3, "", "")
    if entry.vague:
        if entry.value == "PRESENT_REF":
            # "Now" is the anchor itself: it sits among the anchor's own entries.
            return (entry.range_start or "9999", 1, entry.range_end or "", entry.value)
        if entry.value == "FUTURE_REF":
            return (entry.range_start or "9999", 2, entry.value, "")
        return (entry.range_end or entry.range_start or "9999", 0, entry.value, "")
    return (entry.range_start or "9999", 1, entry.range_end or "", entry.value)


def _stamp(anchor: str) -> datetime | None:
    """An ISO anchor as a date and time in its own zone; None when it is not one."""
    try:
        return datetime.fromisoformat(anchor.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def parse_anchor(anchor: str) -> date:
    stamp = _stamp(anchor)
    return stamp.date() if stamp is not None else date.fromisoformat(anchor.strip()[:10])


def anchor_clock(anchor: str) -> time | None:
    """The clock time an ISO anchor gives, in its own zone; None for a date alone, and for
    a bare midnight, which pages write for a date whose time they do not give."""
    stamp = _stamp(anchor)
    clock = stamp.time() if stamp is not None else time(0, 0)
    return None if clock == time(0, 0) else clock


# A number spaCy took into the date before it: a price ("closed at 5,319.31 Wednesday"),
# or a small count before "the" ("will turn 50 the day after tomorrow"; a year there,
# "2002, the most recent year", stays); "5 August" keeps its day.
# "fall to 9C tonight", "another 20mm overnight": a measure spaCy took with the date.
_MEASURE_BEFORE_DATE = re.compile(
    r"-?\d+(?:\.\d+)?\s*(?:°\s*[CF]?|[CF]|mm|cm|mph|km/h|%)\s+(?=[a-z])", re.I
)
_NUMBER_BEFORE_DATE = re.compile(
    rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+)\.\d+\s+(?=(?:{WEEKDAY_RE}|{MONTH_RE}|the)\b)"
    r"|\d{1,3}\s+(?=the\b)"
    # ("His death at 78 in the year 1642": an age or a score before the year it fell in.)
    r"|\d{1,3}\s+in\s+(?=(?:the\s+year\s+)?\d{4}\b))",
    re.I,
)


_GAME_PERIOD = re.compile(
    r"(?:the )?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[- ](?:quarter|half)", re.I
)


# "Quarter" with no article or ordinal that spaCy took alone out of its phrase: "the walled
# old quarter" of a city, a "quarter-final", "at close quarters".
_BARE_QUARTER = re.compile(r"quarters?", re.I)


def _a_year_or_its_results(sentence: str) -> bool:
    """Whether a sentence speaks of a year or of results and markets, where a bare quarter
    may be one of a year's."""
    return market_or_results(sentence) or _A_YEAR.search(sentence) is not None


# A word that makes a count approximate: "in about 1:28", "at around 4:30".
_ABOUT = r"(?:about|around|roughly|approximately|just over|just under|over|under) "
# Minutes and seconds alone, as a game's clock shows them ("7:14", "19:56"; "4:45 and
# 4:50"; "600m in about 1:28").
_BARE_CLOCK = re.compile(
    rf"(?:at |in )?(?:{_ABOUT})?\d{{1,2}}:[0-5]\d(?: (?:and|or|to) \d{{1,2}}:[0-5]\d)?"
)
# A game's period right after a bare clock: "the lone goal at 4:55 of the third", "12:46
# in the second period", "at 1:15 of overtime". An ordinal alone ends its phrase: before
# a noun it ranks that ("at 7:30 in the second round of voting", "at 9:15 in the first
# class cabin"), which `_into_a_period` asks the parse.
_INTO_A_PERIOD = re.compile(
    r"\s*(?:of|in|into)\s+(?:(?:the\s+)?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
    r"(?:\s+(?:period|quarter|half|frame)\b|(?P<alone>(?![\w-])))|overtime\b|OT\b|extra time\b)",
    re.I,
)


# What places a bare clock at a time of day in a story of games: "kickoff at 19:45",
# "from 7:30", "had to get up around 4:30", "at about 4:30".
_A_CLOCK_PLACED = re.compile(
    rf"\b(?:at|from|until|till|by|around|before|after|since)\s+(?:{_ABOUT})?\d{{1,2}}:[0-5]\d$",
    re.I,
)


def _into_a_period(doc: Doc, full: str, start: int, end: int, text: str) -> bool:
    """Whether the expression is a bare clock with a game's period after it, in its own
    words or right after them (spaCy may take "12:46 in the third" whole: the third of
    the month)."""
    clock = _BARE_CLOCK.match(text)
    if clock is None:
        return False
    period = _INTO_A_PERIOD.match(full, start + clock.end())
    if period is None or (clock.end() < len(text) and period.end() < end):
        return False
    if period.group("alone") is None:
        return True
    after = next((t for t in doc if t.idx >= period.end()), None)
    return after is None or after.pos_ not in ("NOUN", "PROPN")


def _a_clock_placed(full: str, start: int, end: int) -> bool:
    return _A_CLOCK_PLACED.search(full, max(0, start - 16), end) is not None


def _no_part_of_a_year(span: Span, sentence: str, games_story: bool) -> bool:
    """'Late in the fourth quarter' of a game, 'Bolt's second half was dominant': a half or
    quarter in a game's report (`[game_words]`), or one spaCy did not tag as a date, or any
    in a story of games ("exited Denver's win in the second quarter"), in a sentence with
    no word of results news (`[results_words]`) and no year, is no part of a year
    ("predicted a sluggish first half and a rebound later in 1996" is one)."""
    if GAME_WORDS.search(sentence):
        return True
    tagged = any(t.ent_type_ in ("DATE", "TIME") for t in span)
    return (
        (games_story or not tagged)
        and not RESULTS_WORDS.search(sentence)
        and not _A_YEAR.search(sentence)
    )


# How many paragraphs with a word of games make a story of games.
_GAMES_STORY = 2


# As an expression keeps its preposition, "by" too ("worn out by the day's activities").
_THE_DAY = re.compile(rf"(?:(?:{DAY_PREP_RE}|by) )?the day(?:['\u2019]s)?", re.I)
# A part of a day named bare ("in the morning", "afternoon trade"): the day reported only in
# market and results news; in a tale or a diary it is any day ("When evening came").
_A_BARE_PART = re.compile(
    r"(?:(?:in|during|by|from|until|till|through|throughout|since|after|before|at|on) )?"
    rf"(?:the )?{BARE_DAY_PART_RE}",
    re.I,
)


_A_YEAR = re.compile(rf"\b(?:{MODERN_YEAR_RE}|(?:this|last|next) year)\b", re.I)


# "roughly every 11 years", "once every four years": the set, which a hedge hid.
_HEDGE_BEFORE_SET = re.compile(
    r"(?:roughly|about|around|approximately|almost|nearly|once) (?=(?:every|each)\b)", re.I
)
_STATED_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_AHEAD_OF = re.compile(r"\b(?:ahead of|in advance of|waiting for|awaiting)\b[^,;:.]*$")
# "Setting up a vote as early as Wednesday", "had priced a cut as early as June": the
# soonest a thing may come, seen from when it was said.
_AS_SOON_AS = r"as (?:early|soon) as "
_AS_SOON_AS_BEFORE = re.compile(rf"\b{_AS_SOON_AS}$")
_AS_SOON_AS_IN = re.compile(_AS_SOON_AS, re.I)
# A period named, not a length: "the quarter", "this year", "the current half".
_A_PERIOD_NAMED = re.compile(
    r"(?:the|this|that|its|their) (?:current |latest )?(?:quarter|half|year|month|week|period)$",
    re.I,
)
# Prepositions that say only when things happened: a month after them is never a contract.
_TIME_ONLY_PREPS = frozenset(
    {"in", "since", "during", "until", "till", "through", "throughout", "after", "before"}
)
# A figure with decimals or a currency: the price a contract month is quoted at.
_A_PRICE = re.compile(r"\d\.\d|[$\u00a3\u20ac]\s?\d|\b\d+ cents?\b")
# One month, or a run of them ("October to March"), named alone.
_CONTRACT_MONTHS = re.compile(rf"{MONTH_RE}(?:{RANGE_WORDS.pattern}{MONTH_RE})?", re.I)
# A capitalised word closing a span, which may be no part of it ("6:36 AM Comments").
_WORD_AFTER = re.compile(r"\s+[A-Z](?:[a-z]+|[A-Z]+):?$")


def _word_too_many(text: str) -> re.Match[str] | None:
    """The capitalised word spaCy took after a date ("... 6:36 AM Comments"); not a
    weekday ("the third Sunday" is no 3rd with a word too many), nor a month listed after
    another ("January, March" are two)."""
    extra = _WORD_AFTER.search(text)
    if extra is None or _DAY_NAME_ONLY.fullmatch(extra.group(0).strip(" :")):
        return None
    if _MONTH_LISTED_LAST.search(text):
        return None
    return extra


_BEFORE_CHRIST = re.compile(r"\s*\b(?:BCE?|B\.C\.(?:E\.)?)(?!\w)")
# "Last" as a verb before a count ("and last six weeks"), known by what may stand before
# a verb and not before "the last six weeks": "to", a modal, a joiner.
_LAST_AS_VERB = re.compile(rf"last\s+(?=(?:{NUM_RE}|{VAGUE_NUM_RE})\s)", re.I)
_VERB_SLOT = re.compile(
    r"\b(?:to|will|would|could|can|should|may|might|must|and|or|not|'ll)\s+$", re.I
)


def _past_a_verb_last(text: str, start: int, end: int) -> int:
    """Where an expression starting at `start` really starts: after "last" when it is the
    verb ("is expected to last six weeks", "begin on 4 November and last six weeks"), not
    "the last six weeks" (which has its article); what is left is a length of time."""
    verb = _LAST_AS_VERB.match(text, start, end)
    if verb is None or not _VERB_SLOT.search(text, max(0, start - 8), start):
        return start
    return verb.end()


# After "within" and a length, what it is counted from: "within 30 days of the merger".
# ("within a month from the last day of the tour", "within 14 days after the incident" too;
# not "from now", "after that", which count from the time told.)
_COUNTED_FROM_A_THING = re.compile(
    r"\s+(?:of|from|after)\s+(?!(?:now|today|then|that|this)\b)", re.I
)
_WITHIN_LEAD = re.compile(r"within\s+", re.I)
# What places a length from now ("over the next four years"), left out when it stands
# alone.
_FROM_NOW_LEAD = re.compile(
    r"within\s+|(?:(?:over|during|in|for)\s+)?the\s+(?:next|past|coming|following)\s+", re.I
)
# "The last three years of employment", "the final two weeks of the campaign": the end of
# a thing, not of the time up to now. (Of a time, "the last three months of 2023", "of
# this year", "of March", it is that time's end.)
_LAST_PART = re.compile(r"(?:the )?(?:last|final) ", re.I)


# "Now" alone, or as "by now" (the span spaCy or the lexical rules give it).
_NOW_SAID = re.compile(r"(?:by )?now", re.I)


# "Now" that opens a point, not a time: what comes before it in its sentence, and after.
# "Well now", "oh now" whatever follows; "Now imagine ...", "Now let's look at ...", "Now
# for the results", "Now, if you ...", "Now what?", "Now it is true that ..." (not "Now
# that the vote is over", "Now you can add albums", which say what holds from now on).
_BEFORE_A_DISCOURSE_NOW = re.compile(r"\W*(?:(?:well|oh|okay|ok)\W+)$", re.I)
_BEFORE_AN_OPENING_NOW = re.compile(r"\W*(?:(?:and|so|but)\W+)?$", re.I)
_AFTER_A_DISCOURSE_NOW = re.compile(
    r",?\s+(?:imagine|suppose|consider|let(?:'s|\u2019s| me| us)\b|here(?:'s|\u2019s| is)\b"
    r"|for (?:the|your|a|some|today's)\b|what\b|where\b|why\b|if\b|then\b"
    r"|it (?:is|'s|\u2019s) (?:true|clear|obvious)\b|it (?:might|may) seem\b"
    r"|you (?:may|might) (?:not )?(?:agree|think|say|ask|wonder)\b|i(?:'d|\u2019d) be\b"
    r"|this is (?:a|an|the)\b|that sounds\b)",
    re.I,
)


def _a_discourse_now(full: str, start: int, end: int, sentences: Sentences) -> bool:
    """'Now imagine how hard it will be', 'Well now, that is the surprise': "now" opening
    a point of the argument, which places nothing in time."""
    s_start, s_end = sentences.around(start)
    before = full[s_start:start]
    if _BEFORE_A_DISCOURSE_NOW.fullmatch(before):
        return True
    return (
        _BEFORE_AN_OPENING_NOW.fullmatch(before) is not None
        and _AFTER_A_DISCOURSE_NOW.match(full, end, s_end) is not None
    )


def _now_before_a_command(doc: Doc, span: Span, full: str) -> bool:
    """'Now list the problems you found', 'Now, add the flour': "now" opening a command,
    the next step of instructions, which places nothing in time."""
    sentence = span[0].sent
    before = full[sentence.start_char : span.start_char]
    if _BEFORE_AN_OPENING_NOW.fullmatch(before) is None:
        return False
    verb = next((t for t in doc[span.end : sentence.end] if not t.is_punct), None)
    return verb is not None and bare_imperative(verb)


def _resolve_span(
    doc: Doc, full: str, span: Span, start: int, end: int, ctx: Context, sentences: Sentences
) -> list[tuple[Resolved, int, int]]:
    start, end = _trimmed(full, start, end)
    text = full[start:end]
    settled = _not_a_date(full, span, start, end, ctx.anchor)
    if settled is not None:
        return settled
    if names_a_labelled_thing(text, full[max(0, start - 16) : start], ctx.labels):
        return []
    sentence = sentence_near(span)
    if _GAME_PERIOD.fullmatch(text) and _no_part_of_a_year(span, sentence, ctx.games_story):
        return []
    if _BARE_QUARTER.fullmatch(text) and not _a_year_or_its_results(sentence):
        return []
    if _NOW_SAID.fullmatch(text) and now_of_a_past_story(span[-1]):
        return []  # the moment a story told in the past has reached, no date of its own
    if text.lower() == "now" and (
        _a_discourse_now(full, start, end, sentences) or _now_before_a_command(doc, span, full)
    ):
        return []
    if all_year_round(span, full[max(0, start - 12) : end]):
        return []  # "open throughout the year": a habit of every year, no date
    bare_clock = _BARE_CLOCK.fullmatch(text) is not None
    if bare_clock and GAME_CLOCK_WORDS.search(sentence):
        return []  # the game's clock (`[game_clock_words]`)
    if _into_a_period(doc, full, start, end, text):
        return []  # "the lone goal at 4:55 of the third": the game's clock
    prep = preposition_before(doc, span)
    if prep in _COUNTING_WORDS and _a_quantifier(doc[span.start - 1]):
        # "Has over fifteen years of experience": spaCy's span left the "over" out.
        start, prep = (
            doc[span.start - 1].idx,
            preposition_before(doc, doc[span.start - 1 : span.end]),
        )
        text = full[start:end]
    if bare_clock and (prep == "in" or text.startswith("in ")):
        return []  # "ran the last 5km in 14:19": how long it took, no time of day
    if bare_clock and ctx.games_story and not _a_clock_placed(full, start, end):
        return []  # "enough to break 1:41", "a 5km split of 19:03": a race's time
    lead = full[max(sentences.around(span.start_char)[0], start - LEAD_CHARS) : start].lower()
    tense = _tense_read_in(span, text, prep, lead, sentence, ctx)
    said = _quantified(doc, span, start, text) if prep is None else text
    res = resolve(said, ctx, tense, prep, lead)
    res = named_day(res, text, sentence, ctx.anchor) or res
    if res is not None and (
        nowadays(span, text) or today_against_an_earlier_age(span, text, tense, ctx.anchor)
    ):
        res = vague("PRESENT_REF", ctx.anchor)
    elif res is not None and (age := an_age(full, start, end, text)) is not None:
        res = vague(age, ctx.anchor)
    if (
        res is not None
        and "/" in res.value
        and (
            _length_stands_alone(full, end, text, prep, tense)
            # (A length up to now, "P2Y/2013-01-15", is still ours to place.)
            or (not res.value.startswith("P") and told_to_you_as_a_rule(span_root(span)))
        )
    ):
        res = bare_length(normalise(_FROM_NOW_LEAD.sub("", text, count=1))) or res
    if res is None and (extra := _word_too_many(text)) is not None:
        # "Posted on August 22, 2006 6:36 AM Comments": spaCy took the word after the time;
        # split up, the year went with the clock and the day took the story's. Read in
        # pieces, too, the word is none of them ("August 9, 2012 - 10:40 AM Share" lost
        # its clock to it).
        # (Nor is the dash before it: "1906 - German-born ..." in a chronology.)
        cut = text[: extra.start()].rstrip(" -|,;:\u2013\u2014")
        res = resolve(cut, ctx, tense, prep, lead)
        word = extra.group(0).strip(" :")
        if res is not None or (word.istitle() and not _A_MONTH.fullmatch(word)):
            end = start + len(cut)
    if res is not None:
        # Keep "since"/"for" in the expression: they turn a date into a range.
        # ("scheduled for Oct. 3" is a date, not a length of time: "for" stays out).
        keep = prep in ("since", "over", "by") or (
            prep in ("for", "within") and ("/" in res.value or res.vague)
        )
        if keep and span.start > 0:
            start = doc[span.start - 1].idx
        return _kept_pieces(full, span, sentences, [(res, start, end)], ctx.anchor)
    return _read_in_pieces(doc, full, span, start, end, ctx, sentences, tense, prep)


# "Over" and "under" that say how many, not when: "has over fifteen years of experience".
_COUNTING_WORDS = {"over": "more than", "under": "less than"}


def _quantified(doc: Doc, span: Span, start: int, text: str) -> str:
    """The expression as `resolve` should read it: an "over" the parse makes a count's
    quantifier is "more than" ("having over fifteen years of experience" is a length, not
    fifteen years from now, as "over" the preposition would place it)."""
    first = text.split(" ", 1)[0].lower()
    if first not in _COUNTING_WORDS:
        return text
    token = next((t for t in doc[max(0, span.start - 1) : span.end] if t.idx >= start), None)
    if token is None or token.lower_ != first or not _a_quantifier(token):
        return text
    return f"{_COUNTING_WORDS[first]}{text[len(first) :]}"


def _a_quantifier(token: Token) -> bool:
    return token.dep_ == "quantmod"


def _trimmed(full: str, start: int, end: int) -> tuple[int, int]:
    """The span without words spaCy took with the date that are not part of it."""
    tail = EVERY_YEAR_TAIL.search(full, start, end)
    if tail is not None and tail.start() > start:
        # "February of each year": the date alone, which `every_year` finds recurring.
        end = tail.start()
    if cut := (
        _NUMBER_BEFORE_DATE.match(full, start, end)
        or _HEDGE_BEFORE_SET.match(full, start, end)
        or _MEASURE_BEFORE_DATE.match(full, start, end)
    ):
        start = cut.end()
    if bar := _A_BAR_LAST.search(full, start, end):
        # "at 11:14 AM | Comments (6)": spaCy took the bar that parts a post's stamp from
        # its links.
        end = bar.start()
    if (prep := _A_PREPOSITION_LAST.search(full, start, end)) and _A_NOUN_PHRASE.match(full, end):
        # "Smallest harvest in a decade after a summer with no rain": spaCy took the
        # preposition of what follows; "a decade after" alone would be a decade later.
        end = prep.start()
    return _past_a_verb_last(full, start, end), end


_A_PREPOSITION_LAST = re.compile(r"\s+(?:after|before)$", re.I)
# (After a clock only: "Prep Time: 15 Minutes |" is a recipe's, no stamp.)
_A_BAR_LAST = re.compile(r"(?:(?<=\d)|(?<=[ap]m)|(?<=[ap]\.m\.))\s*[|\u2022\u00b7]+$", re.I)
_A_NOUN_PHRASE = re.compile(r"\s+(?:a|an|the|his|her|their|its|our|my|your|this|that)\s", re.I)


def _length_stands_alone(
    full: str, end: int, text: str, prep: str | None, tense: Tense | None
) -> bool:
    """'Within three months of application' is counted from that, not from the story's
    day; 'the last three years of employment' end that, not now (unless a perfect brings
    them up to now: "the last two weeks of talks have produced"). Where that lies is not
    told, so the length stands alone. ("For two years of drought" tells what filled the
    length, and still reaches to now.)"""
    within = prep == "within" or _WITHIN_LEAD.match(text) is not None
    return (within and _COUNTED_FROM_A_THING.match(full, end) is not None) or (
        _LAST_PART.match(text) is not None
        and OF_A_THING.match(full, end) is not None
        and tense is not Tense.PERFECT
    )


def _read_in_pieces(
    doc: Doc,
    full: str,
    span: Span,
    start: int,
    end: int,
    ctx: Context,
    sentences: Sentences,
    tense: Tense | None,
    prep: str | None,
) -> list[tuple[Resolved, int, int]]:
    """A span no single reading places, read as the dates and ranges it joins, or else as
    the entities spaCy found in it."""
    text = full[start:end]
    if in_a_year := _in_the_year_after(text, start, ctx, tense):
        return _kept_pieces(full, span, sentences, in_a_year, ctx.anchor)
    found = _periods_ended(_pieces(text, start, end, ctx, tense, prep), text, start)
    opened = opened_before(full, start) or OPENS_A_RANGE.match(text) is not None
    found = _ranges_in_order(found, text, start, tense, opened)
    if not found:
        return _entities_apart(doc, full, start, end, ctx, sentences)
    return _kept_pieces(full, span, sentences, found, ctx.anchor)


# "June two years ago", "Christmas Eve last year", "Thanksgiving, a couple of years ago":
# a day, month or season, then the year it is in, counted from the story's.
_THEN_A_YEAR_COUNTED = re.compile(
    rf"(?P<head>.+?),?\s+(?P<year>(?:(?:about|some|nearly|almost) )?(?:a|{NUM_RE}|{VAGUE_NUM_RE})"
    r"\s+years?\s+(?:ago|earlier|before|later)"
    r"|(?:last|next|this|the previous|the following) year)",
    re.I,
)
_PARTS_OF_A_YEAR = (Granularity.DAY, Granularity.MONTH, Granularity.SEASON)


def _in_the_year_after(
    text: str, start: int, ctx: Context, tense: Tense | None
) -> list[tuple[Resolved, int, int]]:
    """The date `_THEN_A_YEAR_COUNTED` names, read in the year its words after it count
    (read alone, "June" was this year's, and "Thanksgiving" this year's coming one).
    "Two years later", counted from a month last named, is a month: its year is meant."""
    m = _THEN_A_YEAR_COUNTED.fullmatch(text)
    if m is None or _A_WRITTEN_YEAR.search(m["head"]):
        return []
    year = resolve(m["year"], ctx, tense, None)
    head = resolve(m["head"], ctx, tense, None)
    if (
        year is None
        or year.start is None
        or year.vague
        or head is None
        or head.granularity not in _PARTS_OF_A_YEAR
    ):
        return []
    found = resolve(f"{m['head']} {year.start.year}", ctx, tense, None)
    if found is None or found.granularity is not head.granularity:
        return []
    return [(replace(found, anaphoric=year.anaphoric), start, start + len(text))]


# "Three days next week", "11 days last winter", "went 32 minutes last night": a length,
# then the time it falls in.
# (Not a count from a date, "two weeks from today", "three days after the vote".)
_LENGTH_THEN_DATE = re.compile(
    rf"(?P<length>{NUM_RE} (?:{UNIT_RE}|hours?|minutes?|seconds?)) "
    r"(?P<date>(?!(?:from|after|before|since|until|till|to|ago|later|earlier|on|in|of|and|or)"
    r"\b)\S.*)",
    re.I,
)


def _length_then_date(
    text: str, start: int, ctx: Context, tense: Tense | None
) -> list[tuple[Resolved, int, int]]:
    """'Will strike for three days next week': the length and the week, each its own entry
    (read as one, neither was found; the count's figures kept the week from being read
    without them)."""
    m = _LENGTH_THEN_DATE.fullmatch(text)
    if m is None:
        return []
    # The length lies somewhere in the date, not from the story's day: a length alone.
    length = bare_length(normalise(m["length"]))
    when = resolve(m["date"], ctx, tense, None)
    if length is None or when is None or when.vague or when.timex_type == "DURATION":
        return []  # ("45 minutes a night", "three days a week": so much per unit, a rate)
    return _the_length_and_the_date(m, start, length, when)


def _the_length_and_the_date(
    m: re.Match[str], start: int, length: Resolved, when: Resolved
) -> list[tuple[Resolved, int, int]]:
    """The length and the date `m` found ("length" and "date" groups), each its own entry."""
    return [
        (length, start + m.start("length"), start + m.end("length")),
        (when, start + m.start("date"), start + m.end("date")),
    ]


# "The 5 years from 1992 (to 1995)", "the decade from 2000": the length of a stretch that
# the article names, then where it starts. "The" makes it that stretch; "five years from
# 1992" alone counts on to 1997, which no rule reads.
_THE_LENGTH_FROM = re.compile(
    rf"(?P<length>the (?:(?P<count>{NUM_RE}|{VAGUE_NUM_RE})[- ])?(?P<unit>{UNIT_RE})) "
    r"(?:from|between) "
    r"(?P<date>\S.*)",
    re.I,
)


def _the_length_then_its_start(
    text: str, start: int, ctx: Context, tense: Tense | None
) -> list[tuple[Resolved, int, int]]:
    """`_THE_LENGTH_FROM`: the length and the date it starts at, each its own entry (read
    as one, neither was found)."""
    m = _THE_LENGTH_FROM.fullmatch(text)
    if m is None:
        return []
    # ("The decade" alone is this one: "a decade" is the length.)
    counted = m["count"] is not None
    length = resolve(m["length"] if counted else f"a {m['unit']}", ctx, tense, None)
    when = resolve(m["date"], ctx, tense, None)
    if length is None or length.timex_type != "DURATION" or when is None or when.vague:
        return []
    return _the_length_and_the_date(m, start, length, when)


def _entities_apart(
    doc: Doc, full: str, start: int, end: int, ctx: Context, sentences: Sentences
) -> list[tuple[Resolved, int, int]]:
    """A span joined from several spaCy entities that means nothing as one ("the week
    following" + "last month's"): each entity read on its own. One entity our rules
    widened ("that" + "afternoon") stays unread: the words added were its meaning."""
    ents = _date_entities_within(doc, start, end)
    if len(ents) < 2:
        return []
    return [
        piece
        for ent in ents
        for piece in _resolve_span(doc, full, ent, ent.start_char, ent.end_char, ctx, sentences)
        # What the other words would have placed, a piece cannot: a clock time ("7:10
        # p.m. Friday-Saturday") or a vague word ("50 years plus one day").
        if not piece[0].vague and not is_bare_clock(piece[0], full[piece[1] : piece[2]])
    ]


def _date_entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """spaCy's DATE and TIME entities inside a span, from its own tokens (not all the
    page's entities: a chronology of thousands of dates stays linear)."""
    whole = doc.char_span(start, end, alignment_mode="expand")
    ents: list[Span] = []
    for tok in whole if whole is not None else ():
        if tok.ent_iob_ != "B" or tok.ent_type_ not in ("DATE", "TIME"):
            continue
        last = tok.i + 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        ent = doc[tok.i : last]
        if start <= ent.start_char and ent.end_char <= end:
            ents.append(ent)
    return ents


def _tense_read_in(
    span: Span, text: str, prep: str | None, lead: str, sentence: str, ctx: Context
) -> Tense | None:
    """The tense an expression is read in: its verb's (`grammar`), but for the words around
    it that say otherwise."""
    tense = tense_of(span)
    if tense is Tense.FUTURE and ctx.anchor_assumed and commanded(span):
        # "Join us on June 26" on a page that gave no date: its stand-in is the latest day
        # it names, often after the invitation was written, so "ahead" of it is no guide.
        return None
    if _a_contract_month(span, text, prep, sentence, tense, ctx.futures_story):
        return Tense.FUTURE
    if prep == "for" and under_a_perfect(span) and not _A_PERIOD_NAMED.match(text):
        # A length of time on a perfect reaches back to now, whatever the infinitive after
        # (but "had expected 50 cents a share for the quarter" names the quarter reported).
        return Tense.PERFECT
    if tense is None and _SESSION_PART.fullmatch(text) and _on_a_session(span):
        # "Slipped in quiet afternoon trade", "gave up its morning gains": a session of the
        # market day the story reports.
        return Tense.PAST
    if tense in (Tense.FUTURE, Tense.PRESENT) and prep == "for" and _figures_for(span, text):
        # "Figures for January will be published on 13 March": what is reported has passed.
        return Tense.PAST
    if tense in (Tense.PERFECT, Tense.REPORTED) and _an_end_ahead(text, prep):
        # "Has been closed until Tuesday", "a warning has been issued from 9am on Sunday
        # until 6pm on Wednesday": a perfect holds now, so the end it runs to lies ahead;
        # so does the end of what was just said to hold ("said fares would not change
        # until January"). ("From the end of February until today" ends now.)
        return Tense.FUTURE
    soonest = _AS_SOON_AS_BEFORE.search(lead) or _AS_SOON_AS_IN.match(text)
    if tense in (Tense.PAST, None) and (_AHEAD_OF.search(lead) or soonest):
        # "The dollar weakened ahead of the Tankan survey out on Wednesday", "a lead in
        # advance of the Nov. 5 election", "was waiting for Friday's report": what a past
        # (or untensed) move came ahead of, or waited for, is later than it, as a reported
        # future is; so is the soonest a thing was said to come ("as early as Wednesday").
        return Tense.REPORTED
    return tense


def _figures_for(span: Span, text: str) -> bool:
    """Whether the time is a period (a month or a quarter, named bare) figures are for."""
    noun = the_noun_it_dates(span)
    return (
        noun is not None
        and noun.lower_ in REPORTED_FIGURE_NOUNS
        and _A_PERIOD_REPORTED.fullmatch(text) is not None
    )


_A_PERIOD_REPORTED = re.compile(
    rf"(?:the )?(?:{MONTH_RE}|(?:first|second|third|fourth) quarter|q[1-4])", re.I
)
_SESSION_PART = re.compile(BARE_DAY_PART_RE, re.I)
_UNTIL_INSIDE = re.compile(r"\b(?:until|till) (?P<end>.+)", re.I)
_NOW = re.compile(r"(?:today|now|tonight|this|the present|date|recently)\b", re.I)


def _an_end_ahead(text: str, prep: str | None) -> bool:
    """Whether the expression is an end something runs "until" (after "until" or holding
    it), and that end is not now."""
    inside = _UNTIL_INSIDE.search(text)
    end = text if prep in ("until", "till") else inside.group("end") if inside else None
    return end is not None and _NOW.match(end) is None


def _on_a_session(span: Span) -> bool:
    noun = the_noun_it_dates(span)
    return noun is not None and noun.lower_ in SESSION_NOUNS


def _a_contract_month(
    span: Span,
    text: str,
    prep: str | None,
    sentence: str,
    tense: Tense | None,
    futures_story: bool,
) -> bool:
    """Whether a month named alone is a futures contract still traded, which lies ahead
    however the trading in it is told: in a sentence with a market word (`[market_words]`),
    or beside a price in a futures story (`[futures_words]`: "September went out 0.05
    cent lower at 91.05"). Never a month the sentence says things happened in or since,
    nor one a count is for ("final figures for June", `[counted_nouns]`)."""
    if tense not in (Tense.PAST, Tense.REPORTED, None) or prep in _TIME_ONLY_PREPS:
        return False
    if not _CONTRACT_MONTHS.fullmatch(text):
        return False
    noun = the_noun_it_dates(span)
    if noun is not None and noun.lower_ in COUNTED_NOUNS:
        return False
    if MARKET_WORDS.search(sentence):
        # With no verb to go by, only a story of futures says it is a contract.
        return tense is not None or futures_story
    return futures_story and _A_PRICE.search(sentence) is not None


def _kept_pieces(
    full: str,
    span: Span,
    sentences: Sentences,
    found: list[tuple[Resolved, int, int]],
    anchor: date,
) -> list[tuple[Resolved, int, int]]:
    """Without a decade written short ("the mid-90s") where it is an age ("in her
    mid-90s") or a temperature ("highs in the mid-90s"), nor a day told "during the day"
    or a bare "in the morning" outside market and results news ("hot during the day" is
    any day), unless it is of a day to come the paragraph named ("will address Parliament
    on Wednesday, and in the afternoon visit a factory"); nor a difference between two
    times ("seven years earlier than women")."""

    sentence = sentence_near(span)

    def kept(res: Resolved, r_start: int, r_end: int) -> bool:
        if _EARLIER_LAST.search(full, r_start, r_end) and _THAN_AFTER.match(full, r_end):
            return False
        if _THE_DAY.fullmatch(full, r_start, r_end):
            return market_or_results(sentence)
        if _A_BARE_PART.fullmatch(full, r_start, r_end):
            to_come = res.anaphoric and res.start is not None and res.start > anchor
            return to_come or market_or_results(sentence)
        if not _BARE_DECADE.search(full, r_start, r_end):
            return True
        owner = _AGE_OWNER.search(full, max(0, r_start - 6), r_start)
        return owner is None and _TEMPERATURE.search(sentence) is None

    return [(res, r_start, r_end) for res, r_start, r_end in found if kept(res, r_start, r_end)]


_AGE_GAP_AFTER = re.compile(r"\s+(?:younger|older)\b", re.I)
# "Men die seven years earlier than women", "paid off two years sooner than expected": how
# far apart two times are, neither of them placed by the count ("seven years earlier" alone
# counts back from the story's day).
_EARLIER_LAST = re.compile(r"\b(?:earlier|later|sooner)$", re.I)
_THAN_AFTER = re.compile(r"\s+than\b", re.I)


def _not_a_date(
    full: str, span: Span, start: int, end: int, anchor: date
) -> list[tuple[Resolved, int, int]] | None:
    """What a span is when it is no single date: nothing (a copyright year, an age, a
    title, a bare number) or a recurrence; None when it should be resolved as a date."""
    if _dates_no_event(full, span, start, end):
        return []
    text = full[start:end]
    if _DAY_NAME_ONLY.fullmatch(text) and (parts := _PLURAL_PART_AFTER.match(full, end)):
        end = parts.end()  # "on Tuesday mornings"
    recurring = _a_recurrence(full, start, end, span)
    if recurring is not None:
        return recurring
    if (
        _no_day_to_place(full, span, start, end)
        or _no_length_of_time(full, span, start, end)
        or _a_name_or_number(full, span, start, end, anchor)
        or _an_earlier_state(span, text)
    ):
        return []
    return None


# Words of an earlier time that, before a participle or adjective, describe a thing.
_EARLIER_STATE_WORDS = ("previously", "formerly")


def _an_earlier_state(span: Span, text: str) -> bool:
    """'Previously unknown companies', 'a previously announced plan', 'as previously
    planned': "previously" describes the thing or the manner, and places nothing on the
    timeline ("Previously, imports were denied", "had previously said" still do)."""
    if text.lower() not in _EARLIER_STATE_WORDS:
        return False
    head = span_root(span).head
    return head.dep_ == "amod" or (
        head.dep_ == "advcl" and any(c.lower_ == "as" and c.i < span.start for c in head.children)
    )


def _dates_no_event(full: str, span: Span, start: int, end: int) -> bool:
    """A copyright year dates the page, an address is no text, a model year names a
    product, a name may hold a weekday ("my own girl Friday"), and "It won't happen
    overnight" means all at once, not in any night (in market news, "shares did not move
    overnight" is that night)."""
    text = full[start:end]
    return (
        re.search(r"(?:©|\(c\)|copyright)\s*$", full[max(0, start - 12) : start], re.I) is not None
        or in_a_url(full, start, end)
        or _a_model_year(span, text)
        or _a_version_or_later(span, full, start, end)
        or _in_a_weekday_name(full, start, end)
        or (
            text.lower() == "overnight"
            and in_a_denial(span)
            and not market_or_results(sentence_near(span))
        )
    )


_YEAR_ALONE = re.compile(rf"(?:the |a |an )?{MODERN_YEAR_RE}")
# A name that holds a weekday and names no day ("my own girl Friday", `[weekday_names]`).
_WEEKDAY_NAME = re.compile(
    r"\b(?:"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in NAMES_HOLDING_A_WEEKDAY)
    + r")\b",
    re.I,
)
_WEEKDAY_NAME_REACH = max(len(n) for n in NAMES_HOLDING_A_WEEKDAY)


def _in_a_weekday_name(full: str, start: int, end: int) -> bool:
    """Whether the span is the weekday of a name that names no day ("girl Friday")."""
    reach = _WEEKDAY_NAME_REACH
    return any(
        m.start() <= start and end <= m.end()
        for m in _WEEKDAY_NAME.finditer(full, max(0, start - reach), end + reach)
    )


# "iOS 13 or later", "Android 9 or earlier", "version 2.1 and later": versions, not times.
_OR_LATER = re.compile(r"(?P<v>\d+(?:\.\d+)*) (?:or|and) (?:earlier|later|newer|older)$", re.I)
_VERSION_WORDS = frozenset({"version", "v", "release", "build", "update", "generation"})


def _a_version_or_later(span: Span, full: str, start: int, end: int) -> bool:
    """'Works with the iPhone 8 or later': "or later" after a name and its number ranges
    over versions; nothing happened later."""
    m = _OR_LATER.search(full, max(0, start - 24), end)
    if m is None or m.start() > start:
        return False
    number = span.doc.char_span(m.start("v"), m.end("v"), alignment_mode="expand")
    if number is None or number.start == 0:
        return False
    before = span.doc[number.start - 1]
    return before.pos_ == "PROPN" or before.lower_ in _VERSION_WORDS


def _names_a_models_product(doc: Doc, after: int) -> bool:
    """'A 43-inch 4K LED 2018 model TV': the year and "model" describe the product named
    after them. ("Introduced in the 1995 model year", "emerged as a 2003 model" tell
    when.)"""
    if after + 1 >= len(doc) or doc[after].lower_ != "model":
        return False
    product = doc[after + 1]
    return product.pos_ in ("NOUN", "PROPN") and product.lower_ != "year"


def _a_model_year(span: Span, text: str) -> bool:
    """'The 2020 Audi e-tron Sportback making its debut', 'Apple's 2019 MacBook Pro': a year
    between a determiner and a name spaCy calls a product, where the noun phrase ends, is
    the product's model year; nothing happened then. A report's, a party's or a list's year
    ("the 1996 Red List", "Our 2000 Spring Equinox Party") dates that thing, and spaCy calls
    none of them a product; nor does an event's ("the 2019 Spring Exhibition", whose first
    word it may), and a common noun after the name ("the 2019 Audi recall") makes the year
    a date again."""
    if _YEAR_ALONE.fullmatch(text) is None:
        return False
    doc = span.doc
    if _names_a_models_product(doc, span.end):
        return True
    year = doc[span.end - 1]
    head = year.head
    if year.dep_ != "nummod" or head.pos_ != "PROPN" or head.i <= year.i or year.i == 0:
        return False
    opener = doc[span.start] if span.start < year.i else doc[year.i - 1]
    if opener.tag_ not in ("DT", "PRP$", "POS") or doc[year.i + 1].ent_type_ != "PRODUCT":
        return False
    if head.lower_ in EVENT_HEADS:
        return False  # "the 2019 Spring Exhibition": an event of that year
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "NUM")


def _a_recurrence(
    full: str, start: int, end: int, span: Span
) -> list[tuple[Resolved, int, int]] | None:
    """'every Tuesday', 'on Sundays', 'closed Monday' in a list of hours recur: a TIMEX3
    set, no single event (or nothing when the set cannot be read); None when the span does
    not recur."""
    text = full[start:end]
    before = full[max(0, start - 24) : start].lower()
    every = EVERY_BEFORE.search(before)
    if (closing := _a_weekly_closing(full, start, end, span)) is not None:
        return [(closing, start, end)]
    if not (
        every
        or re.match(r"(?:every|each)\b", text, re.I)
        or _PLURAL_DAYS.fullmatch(text)
        or (
            _ONCE_A_MONTH.search(text) is not None
            and (
                MONTHLY_WEEKDAY_SET.fullmatch(said := normalise(text)) is not None
                or MONTHLY_DAY_SET.fullmatch(said) is not None
            )
        )
    ):
        return None
    if every:
        start -= len(before) - every.start()
    recurring = resolve_set(full[start:end])
    return [(recurring, start, end)] if recurring is not None else []


# What every once-a-month set names ("the 15th of every month"): the cheap test before the
# sets' patterns.
_ONCE_A_MONTH = re.compile(r"\bmonth\b", re.I)
# "Closed Monday" as a list says it, not as news tells it ("will be closed on Monday").
_CLOSED_BEFORE = re.compile(
    r"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbeen )\bclosed\s+(?:on\s+)?$",
    re.I,
)


def _a_weekly_closing(full: str, start: int, end: int, span: Span) -> Resolved | None:
    """'Open Tuesday to Sunday, closed Monday', 'Sat/Sun 10am-4pm, Closed Monday': the day
    a place closes, told among its hours, is every such day ("the store will be closed
    Monday" is one)."""
    if (
        WEEKDAY_FIRST.fullmatch(full, start, end) is None
        or _CLOSED_BEFORE.search(full, max(0, start - 20), start) is None
    ):
        return None
    # (The sentence read only for a day told closed: most spans are none.)
    return weekly(full[start:end]) if lists_hours(sentence_near(span)) else None


_A_TYPICAL_BEFORE = re.compile(
    r"\b(?:a|an|any)\s+(?:typical|average|normal|usual|ordinary|given)\s+$", re.I
)


# "The last weekend of the festival", "the first day of the trial": a part of a thing whose
# dates the text does not give, not the weekend or day before or after the story's.
_PART_OF = re.compile(
    rf"the (?:very )?(?:last|final|first|opening|closing|penultimate) "
    rf"(?:day|night|weekend|week|month|year|morning|afternoon|evening|{WEEKDAY_RE})",
    re.I,
)


def _no_day_to_place(full: str, span: Span, start: int, end: int) -> bool:
    """'On a Monday night', 'one Saturday in May', 'a free Tuesday', 'one summer, when I
    was nine', 'on a day that also saw markets drop', 'the last weekend of the festival':
    no day we can place."""
    text = full[start:end]
    before = full[max(0, start - 8) : start].lower()
    return (
        (
            (_ANY_WEEKDAY_BEFORE.search(before) or _one_of_a_kind(span))
            and WEEKDAY_FIRST.match(text) is not None
            and not _describes_a_noun(span)
        )
        # "More than falls in a typical July" ("a cold March" is one March).
        or (
            _A_TYPICAL_BEFORE.search(full, max(0, start - 20), start) is not None
            and _A_MONTH.fullmatch(text) is not None
        )
        or (_ONE_BEFORE.search(before) is not None and _NAMED_FIRST.match(text) is not None)
        or _ONE_FIRST.match(text) is not None
        or (
            _ON_ONE_DAY.fullmatch(text) is not None
            and (text[:3].lower() == "on " or before.endswith("on "))
        )
        or (_PART_OF.fullmatch(text) is not None and OF_A_THING.match(full, end) is not None)
    )


# A spread around a figure: "a mean age of 42 ± 14 years", "6 +/- 2 months".
_A_SPREAD_BEFORE = re.compile(r"(?:\u00b1|\+/-|\+-|plus or minus)\s*$", re.I)


def _a_spread(full: str, start: int, text: str) -> bool:
    # Up to the count's first figure: spaCy may start the span inside the sign ("minus 2
    # months" of "6 plus or minus 2 months").
    figure = re.search(r"\d", text)
    lead_end = start + (figure.start() if figure else 0)
    return _A_SPREAD_BEFORE.search(full, max(0, lead_end - 20), lead_end) is not None


def _no_length_of_time(full: str, span: Span, start: int, end: int) -> bool:
    """How often ("once or twice a month", which `modifiers` keeps), a rate ("40 hours a
    week"), an age or a difference in age ("10 years younger"), a measure, a kind of meal
    ("our midday meal"), a time before Christ our calendar cannot place, the spread of a
    figure ("42 ± 14 years")."""
    text = full[start:end]
    before = full[max(0, start - 8) : start].lower()
    return (
        _a_spread(full, start, text)
        or says_how_often(before + text)
        or says_how_much_per_unit(text, full, end)
        or a_thing_per_unit(text, full, start)
        or AGE.search(text) is not None
        or AGE.search(full[end : end + 5]) is not None
        or names_a_measure(span, text)
        or _AGE_GAP_AFTER.match(full, end) is not None
        or _names_a_daily_thing(span)
        or _BEFORE_CHRIST.search(text) is not None
        or _BEFORE_CHRIST.match(full, end) is not None
        or nights_of_shows(full, start, text)
    )


def _a_name_or_number(full: str, span: Span, start: int, end: int, anchor: date) -> bool:
    """A name, a title, a word that is no month, a house number, a count, a model number,
    a share: words that look like a date and are none."""
    text = full[start:end]
    before_12 = full[max(0, start - 12) : start]
    return (
        is_name(span, text)
        or names_a_titled_count(span, text)
        or names_something(span)
        or ranks_a_noun(span, text)
        or holiday_names_a_thing(span, text)
        or joined_to_a_describing_word(span)
        or period_named_after(text, full[end : end + 32])
        or is_a_word_not_a_month(span, text)
        or names_no_season(span, text, full[end : end + 40], anchor)
        or not looks_temporal(text, before_12)
        or is_house_number(text, before_12, full[end:])
        or is_an_early_number(text, full[max(0, start - 40) : start], full[end : end + 4])
        or is_numbered_thing(text, before_12)
        or is_a_count(text, before_12, full[end : end + 20])
        or is_a_model_number(text, before_12, anchor.year)
        or is_a_share(text, full[end : end + 24])
        or a_place_in_a_ranking(text, before_12)
        or _counts_a_run(text, full[end : end + 16])
    )


# "Prices fell for the fourth quarter running", "the third year in a row": a count of
# periods one after another, not the fourth quarter of a year.
_NTH_PERIOD = re.compile(rf"(?:the )?(?:{ORD_RE}) (?:{UNIT_RE})", re.I)
_RUNNING_AFTER = re.compile(r"\s+(?:running|in a row|in succession|on the trot)\b", re.I)


def _counts_a_run(text: str, after: str) -> bool:
    return _NTH_PERIOD.fullmatch(text) is not None and _RUNNING_AFTER.match(after) is not None


def _one_of_a_kind(span: Span) -> bool:
    """'If you've got a free Tuesday', 'on a rainy Sunday': the weekday's own article
    says any one of its kind, with words between them."""
    return any(
        child.dep_ == "det" and child.i < span.start and _ONE_OF_A_KIND_WORD.fullmatch(child.text)
        for child in span_root(span).children
    )


# How a length hangs on the noun it measures ("a five year low", "the 30-year bond").
_MODIFIER_DEPS = ("compound", "amod", "npadvmod", "nmod", "nummod")


def _describes_a_noun(span: Span) -> bool:
    """'At a Monday press conference', 'in a Wednesday statement': before its noun, a
    weekday after "a" is, in news, the one the story tells of."""
    root = span_root(span)
    return (
        root.dep_ in _MODIFIER_DEPS
        and root.head.i >= span.end
        and root.head.pos_ in ("NOUN", "PROPN")
        # "On a Monday morning in 1990": a part of the day, still any Monday of its kind.
        and root.head.lower_ not in _TIMES_OF_DAY
    )


_TIMES_OF_DAY = ("midday", "noon", "midnight", "morning", "afternoon", "evening", "night")


def _names_a_daily_thing(span: Span) -> bool:
    root = span_root(span)
    return (
        root.lower_ in _TIMES_OF_DAY
        and len(span) == 1
        and root.dep_ in ("compound", "amod")
        and root.head.i == root.i + 1
        and root.head.lower_ in DAILY_THINGS
    )


def names_a_measure(span: Span, text: str) -> bool:
    """'A five year low', 'the 30-year bond', 'a two-year contract': a length that names
    what is measured or describes the noun after it, not a stretch of time anything
    happened in (a year there, "the 2008 low", still dates). Written with a hyphen before
    any noun it is always such a word; `modifiers` keeps it beside the timeline."""
    root = span_root(span)
    if root.dep_ not in _MODIFIER_DEPS or bare_length(normalise(text)) is None:
        return False
    head = root.head
    if head.lemma_.lower() in MEASURE_HEADS:
        return True
    if root.dep_ == "npadvmod" and head.lower_ in MEASURE_ADVERBS:
        return True  # "is over two years late": a gap, not two years from now
    return (
        head.i > root.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() not in LENGTH_NOUNS
        and is_hyphenated_length(text)
    )


def _pieces(
    text: str, start: int, end: int, ctx: Context, tense: Tense | None, prep: str | None
) -> list[tuple[Resolved, int, int]]:
    """spaCy sometimes joins two expressions ("a year earlier, nineteen ninety-six"). The
    pieces are tried longest first so a comma inside one date ("June 30, 1990") holds."""
    found: list[tuple[Resolved, int, int]] = []
    cuts = list(_SEPARATORS.finditer(text))
    if not cuts:
        return (
            _length_then_date(text, start, ctx, tense)
            or _without_lead(text, start, end, ctx, tense)
            or _deictic_day_last(text, start, ctx, tense)
            or _the_date_a_time_is_of(text, start, ctx, tense)
            or _the_length_then_its_start(text, start, ctx, tense)
        )
    bounds = [0, *(x for c in cuts for x in (c.start(), c.end())), len(text)]
    pieces = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if text[a:b].strip()]
    i = 0
    month_told = False  # the last day found named its month in words, or took one
    borrowed: set[int] = set()  # which found days took the next piece's month
    while i < len(pieces):
        if i + 1 < len(pieces) and (noun := _ranked_by_the_next(text, *pieces[i : i + 2])):
            # No day; a century it shares with the next is read as one ("the fourth").
            a, b = pieces[i]
            century = noun.lower() in RANKED_TIMES
            if century and (ranked := resolve(f"{text[a:b]} {noun}", ctx, tense, None)):
                found.append((ranked, start + a, start + b))
            i += 1
            continue
        # One date has at most a few comma-separated parts ("Tuesday, Aug. 6, 2024"); the
        # window keeps a long run of dates (a chronology) linear instead of cubic.
        for j in range(min(len(pieces), i + MAX_PIECES), i, -1):
            p_from = _past_a_verb_last(text, pieces[i][0], pieces[j - 1][1])
            p_to = pieces[j - 1][1]
            piece = text[p_from:p_to]
            shared = None
            if j == i + 1 and j < len(pieces) and _BARE_DAY.fullmatch(piece):
                shared = _DAY_THEN_MONTH.match(text, pieces[j][0], pieces[j][1])
                piece += shared.group("rest") if shared else ""
            same_month = (
                _day_of_the_month_before(piece, found[-1][0]) if found and month_told else None
            )
            res = same_month or resolve(piece, ctx, tense, prep if p_from == 0 else None)
            if res is not None:
                if shared is not None:
                    borrowed.add(len(found))
                found.append((res, start + p_from, start + p_to))
                # "Mar 14, 21, 28": a day that took its month passes it on.
                month_told = same_month is not None or bool(MONTH_NAMED.search(piece))
                i = j
                break
        else:
            a, b = pieces[i]
            found.extend(
                _length_then_date(text[a:b], start + a, ctx, tense)
                or _the_length_then_its_start(text[a:b], start + a, ctx, tense)
            )
            i += 1
    return _in_the_year_of_the_next(found, borrowed)


# "The fourth or fifth century", "the 3rd and 4th floors": an ordinal joined to one that
# ranks a noun ranks that noun too. Alone, "the fourth" would be read as a day of the month.
_LONE_ORDINAL = re.compile(rf"(?:the )?(?:{ORD_RE}|\d{{1,2}}(?:st|nd|rd|th))", re.I)
_ORDINAL_JOINER = re.compile(r"\s*(?:and|or|to|&|-|\u2013)\s*", re.I)
_ORDINAL_AND_NOUN = re.compile(
    rf"(?:{ORD_RE}|\d{{1,2}}(?:st|nd|rd|th))[- ](?P<noun>[a-z]+)\b", re.I
)


def _ranked_by_the_next(text: str, piece: tuple[int, int], after: tuple[int, int]) -> str | None:
    """The noun a lone ordinal ranks with the ordinal after it ("century" of "the fourth
    or fifth century"); None when it is no such ordinal, or the next ranks a month or
    nothing ("the 4th or 5th of June", "the 4th and 5th June": days)."""
    (a, b), (c, d) = piece, after
    if not (_LONE_ORDINAL.fullmatch(text, a, b) and _ORDINAL_JOINER.fullmatch(text, b, c)):
        return None
    ranks = _ORDINAL_AND_NOUN.match(text, c, d)
    if ranks is None or ranks.group("noun").lower() in MONTHS or ranks.group("noun") == "of":
        return None
    return ranks.group("noun")


def _in_the_year_of_the_next(
    found: list[tuple[Resolved, int, int]], borrowed: set[int]
) -> list[tuple[Resolved, int, int]]:
    """'Ballots were cast on 3 and 17 October': a day that took its month from the day
    after it is in that day's year too (read alone, each by the tense, the two could fall
    a year apart)."""
    out = list(found)
    for k in borrowed:
        if k + 1 >= len(out):
            continue
        (res, s, e), after = out[k], out[k + 1][0]
        if (
            res.start is None
            or after.start is None
            or after.granularity is not Granularity.DAY
            or (res.start.month, res.start.year) == (after.start.month, after.start.year)
            or res.start.month != after.start.month
        ):
            continue
        moved = safe_date(after.start.year, res.start.month, res.start.day)
        if moved is not None:
            out[k] = (day(moved), s, e)
    return out


# A month named in words ("Saturday, 16 had Mr. Obama ahead" names none).


def _day_of_the_month_before(piece: str, before: Resolved) -> Resolved | None:
    """'November 16th and 17th', 'December 14th & 15th': a bare day after a day of a month
    named in words is a later day of that month (alone, "17th" would be read by the
    tense)."""
    if not _BARE_DAY.fullmatch(piece) or before.granularity is not Granularity.DAY:
        return None
    number_ = re.search(r"\d{1,2}", piece)
    if before.start is None or number_ is None:
        return None
    later = safe_date(before.start.year, before.start.month, int(number_.group(0)))
    return day(later) if later is not None and later > before.start else None


def _ranges_in_order(
    found: list[tuple[Resolved, int, int]],
    text: str,
    start: int,
    tense: Tense | None,
    opened: bool,
) -> list[tuple[Resolved, int, int]]:
    """'From Monday to Thursday', 'October to March': the second end of a range after the
    first (`ranges`). Without "from"/"between" before them (`opened`), two dates are a
    range only when "to" or a dash joins two of one kind: "Monday and Thursday" are two
    days, and "a revision Friday to December's figures" no range."""
    for k in range(len(found) - 1):
        (a, a_from, a_to), (b, b_from, b_to) = found[k], found[k + 1]
        first, second = text[a_from - start : a_to - start], text[b_from - start : b_to - start]
        if _bare_month_before_a_year(first, second):
            # "Between January and August 1997": the stated year stays; the bare month
            # takes it (`_months_sharing_a_year`).
            continue
        joint = text[a_to - start : b_from - start]
        alike = a.granularity is b.granularity and not AND_JOINT.fullmatch(joint)
        if RANGE_WORDS.fullmatch(joint) and (opened or alike):
            second_dated = _STATED_YEAR.search(second) is not None
            if _STATED_YEAR.search(first):
                if not second_dated:
                    b = after_a_dated_start(a, b)
                    found[k + 1] = (b, b_from, b_to)
                continue  # both ends say when: "June 2001 to May 2002" stays as written
            if is_bare_clock(a, first) and b.start and b.timex_type == "TIME" and "T" in b.value:
                a, b = _clocks_on_one_day(a, b, second)
            a, b = in_order(a, b, tense, second_dated)
            if CLOCK_RE.fullmatch(second.lower()):
                b = replace(past_midnight(a, b, second), anaphoric=b.anaphoric)
            found[k], found[k + 1] = (a, a_from, a_to), (b, b_from, b_to)
    return found


def _clocks_on_one_day(a: Resolved, b: Resolved, said: str) -> tuple[Resolved, Resolved]:
    """The two clocks of a range, the first with no day of its own, read as one stretch
    (each alone was put on the day its tense gave it). "Between 3pm and 9pm today": on the
    day said once, at the end. "Ran from 11 p.m. until 1:15": on the start's day, into the
    next (`said`: the end's words, which give no day)."""
    if a.start is not None and is_bare_clock(b, said):
        on_its_day = replace(clock_on(a.start, b), anaphoric=b.anaphoric)
        overnight = replace(past_midnight(a, on_its_day, said), anaphoric=b.anaphoric)
        if overnight.start != a.start:
            return a, overnight
    if b.start is None:
        return a, b
    return replace(clock_on(b.start, a), anaphoric=a.anaphoric), b


def _ranges_across_spans(full: str, placed: list[Placed], anchor: date) -> list[Placed]:
    """Two of spaCy's spans that make one range, each read alone with the year its own
    tense gave: 'made from Jan. 14, 2019, through Oct. 2' ends after the start whose year
    is written; 'the remainder between April and the end of June', told in December, is
    next April to next June (the end goes on a year when either end lies ahead of the
    story, else the start goes back one: 'ran from October to January', told in March)."""
    out = list(placed)
    for k in range(1, len(out)):
        (a, a_start, a_end, a_span), (b, b_start, b_end, span) = out[k - 1], out[k]
        if not (
            MONTH_NAMED.search(full, b_start, b_end)
            # (US style closes a year with a comma: "Jan. 14, 2019, through".)
            and closes_a_range(full, a_start, a_end + full.startswith(",", a_end), b_start)
        ):
            continue
        if _STATED_YEAR.search(full, a_start, a_end):
            if not _STATED_YEAR.search(full, b_start, b_end):
                out[k] = (after_a_dated_start(a, b), b_start, b_end, span)
            continue
        if (
            _STATED_YEAR.search(full, b_start, b_end)
            or not MONTH_NAMED.search(full, a_start, a_end)
            or not _out_of_order(a, b)
            # ("A revision Friday to October's figures" is no range; "from" or "between"
            # opens one, or "to" joins two of a kind.)
            or not (
                a.granularity is b.granularity
                or opened_before(full, a_start)
                or OPENS_A_RANGE.match(full, a_start)
            )
        ):
            continue
        assert a.start is not None and b.start is not None  # (`_out_of_order`)
        if a.start > anchor or b.start > anchor:
            out[k] = (shift(b, "Y", 1) or b, b_start, b_end, span)
        else:
            out[k - 1] = (shift(a, "Y", -1) or a, a_start, a_end, a_span)
    return out


def _out_of_order(a: Resolved, b: Resolved) -> bool:
    """Whether a range's end, a day or month, came out before its start, within a year."""
    return (
        a.start is not None
        and b.start is not None
        and a.granularity in DAY_OR_MONTH
        and b.granularity in DAY_OR_MONTH
        and b.start < a.start
        and (a.start - b.start).days < 366
    )


def _periods_ended(
    found: list[tuple[Resolved, int, int]], text: str, start: int
) -> list[tuple[Resolved, int, int]]:
    """'The week ended Friday': the week is the one that Friday ends (`ranges`)."""
    for k in range(len(found) - 1):
        (_a, a_from, a_to), (b, b_from, _b_to) = found[k], found[k + 1]
        if PERIOD_ENDED.fullmatch(text[a_to - start : b_from - start]):
            held = period_holding(text[a_from - start : a_to - start], b)
            if held is not None:
                found[k] = (held, a_from, a_to)
    return found


_DEICTIC_DAY_LAST = re.compile(r"\s(?:yesterday|today|tonight|tomorrow)$", re.I)


def _deictic_day_last(
    text: str, start: int, ctx: Context, tense: Tense | None
) -> list[tuple[Resolved, int, int]]:
    """'Scored twice in the first period yesterday': spaCy took the game's period with the
    day; the day alone."""
    day_word = _DEICTIC_DAY_LAST.search(text)
    if day_word is None:
        return []
    res = resolve(text[day_word.start() + 1 :], ctx, tense, None)
    return [(res, start + day_word.start() + 1, start + len(text))] if res is not None else []


_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "us", "me", "you"})
_TENS_OF_DEGREES = re.compile(r"[1-9]0'?s")


# "The hour of 9:20 a.m.", "the business boom year of 2000", "the depression years of the
# 1930s", "some years in the mid-90s": a stretch of time named, then the date it is the
# stretch of or lies in, in figures.
_A_TIME_OF = re.compile(
    r"(?:(?:between|from|during|in|at|by|until)\s)?(?:the|a|an|some|several|many)\s"
    r"(?:[\w-]+\s){0,3}?(?:hours?|years?|era|decades?)\s(?:of|in)\s(?P<date>.*\d.*)",
    re.I,
)


def _the_date_a_time_is_of(
    text: str, start: int, ctx: Context, tense: Tense | None
) -> list[tuple[Resolved, int, int]]:
    """The date after "of" or "in" in `_A_TIME_OF`, where the whole span reads as no
    date."""
    m = _A_TIME_OF.fullmatch(text)
    res = None if m is None else resolve(m["date"], ctx, tense, None)
    if m is None or res is None:
        return []
    return [(res, start + m.start("date"), start + m.end("date"))]


def _without_lead(
    text: str, start: int, end: int, ctx: Context, tense: Tense | None
) -> list[tuple[Resolved, int, int]]:
    """spaCy sometimes takes a word too many at the front ("coup d'etat last year")."""
    words = list(re.finditer(r"\S+", text))
    lower = [w.group(0).lower() for w in words]
    # A preposition with its own object ("knew little about it 25 years ago") leads into
    # nothing temporal, whatever the preposition: the two go together.
    with_object = len(lower) > 2 and lower[1] in _OBJECT_PRONOUNS
    for k, w in enumerate(words[1:3], start=1):
        if with_object and k == 1:
            continue
        dropped = lower[k - 1]
        # Never drop what names a time itself ("September quarter" is not a "quarter"),
        # but for the tens of a temperature ("highs in the 80's this week").
        figures = re.search(r"\d", dropped) and not _TENS_OF_DEGREES.fullmatch(dropped)
        if dropped in _TEMPORAL_LEAD or figures or _NAMES_TIME.match(dropped):
            break
        res = resolve(text[w.start() :], ctx, tense, None)
        if res is not None and text[w.start() :].lower() == "ago":
            # "Eons ago", "hundreds of years ago": back from now by a count no rule reads;
            # the count is the expression, not "ago" alone.
            return [(res, start, end)]
        if res is not None:
            return [(res, start + w.start(), end)]
    return []
