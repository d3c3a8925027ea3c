"""A block's clock times placed on their days: "Monday at 10 a.m." as one entry, a clock
in a sentence that names one day on that day, the lines of a schedule under the day that
heads them, a wire story's local time and the same time in another zone, and the hours of
a schedule on no one day. Each pass takes the block's expressions as resolved one by one
(`Placed`, in reading order) and returns them placed together.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tui.pipeline.model import Granularity
from tui.pipeline.nlp import of_its_sentence, sentence_near, sentence_start, span_root
from tui.pipeline.timeline.grammar import (
    clause_tense,
    in_a_clause_apart,
    told_as_once,
    told_as_usual,
    told_of_a_kind,
)
from tui.pipeline.timeline.modifiers import tells_how_often
from tui.pipeline.timeline.ranges import (
    closes_a_range,
    in_the_afternoon,
    over_the_night,
    past_midnight,
)
from tui.pipeline.timeline.resolve import CLOCK_RE, hours_as_a_run
from tui.pipeline.timeline.values import (
    ON_A_DAY,
    Resolved,
    Tense,
    day,
    on_no_day,
    with_time,
)
from tui.pipeline.timeline.vocab import (
    DAY_PART_RE,
    MONTH_NAMED,
    NAMED_ZONE_RE,
    ONE_OF_A_KIND_RE,
    PLACE_NAME_TIME_RE,
    WEEKDAY_FIRST,
    WEEKDAY_NAMES,
    WEEKDAY_RE,
    WEEKDAYS,
    WIRE_ZONE_RE,
    ZONE_ABBREVIATION_RE,
    normalise,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

    from tui.pipeline.timeline.values import Placed


# What may stand between a day and its clock time told as one: "Monday at 10 a.m.",
# "July 29, 2006, 4:56 PM", "10 a.m. on Monday".
_DAY_THEN_CLOCK = re.compile(r"\s*(?:,|\s(?:--|[-\u2013\u2014|]))?\s*(?:at\s+|@\s*)?")
# "9:30 ET on Friday": spaCy leaves the zone out of the time, so it may stand between.
# "2:35 PM EDT, Wed August 7, 2024": a weekday spaCy left out of the date may too.
_CLOCK_THEN_DAY = re.compile(
    rf"\s*(?:\(?(?:{ZONE_ABBREVIATION_RE}|(?i:{NAMED_ZONE_RE}))(?P<close>\))?)?"
    r"\s*,?\s*(?:on\s+)?"
    rf"(?:(?i:{WEEKDAY_RE}),?\s+)?"
)
_A_DETERMINER = r"\b(?:a|an|the|its|their|his|her|our)\s+"
_A_DETERMINER_BEFORE = re.compile(_A_DETERMINER + "$", re.I)
_A_DETERMINER_FIRST = re.compile(_A_DETERMINER, re.I)


def _determined(full: str, start: int) -> bool:
    """Whether a determiner opens the expression at `start` or stands right before it ("a
    1 p.m. start", with or without the "a" inside the expression)."""
    return bool(
        _A_DETERMINER_FIRST.match(full, start) or _A_DETERMINER_BEFORE.search(full, 0, start)
    )


_CLOCKED_THING_ON = re.compile(r"\s+[a-z]+(?:-[a-z]+)?\s+on\s+")
# A numeric date no rule read ("08/06/12", whose order of day and month is unknown) right
# before a clock time: the time is that day's, not the story's, so it is left out.
_NUMERIC_DATE_BEFORE = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}" + _DAY_THEN_CLOCK.pattern + "$"
)


# A day named only as one of its kind: "on a Monday night", "one evening". A clock time
# beside it is on no day we know, so it is left out, where alone it went to the story's day.
_ANY_DAY = rf"{ONE_OF_A_KIND_RE}\s+(?:{WEEKDAY_RE}(?:\s+{DAY_PART_RE})?|{DAY_PART_RE}|day)\b"
_ANY_DAY_AFTER = re.compile(rf"\s*,?\s*(?:on\s+|in\s+the\s+\w+\s+of\s+)?{_ANY_DAY}", re.I)
_ANY_DAY_BEFORE = re.compile(
    rf"\b(?:on\s+)?{_ANY_DAY}\s*,?\s*(?:at\s+|around\s+|about\s+|by\s+)?$", re.I
)


_CLOCK_END = r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?|noon|midnight)"
# Hours from one clock time to another: "10am to 6pm", "9:00 - 17:00", "1-9 p.m.".
_HOURS = re.compile(
    rf"(?:\b\d{{1,2}}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b\.?)?|noon|midnight)\s*"
    rf"(?:-|\u2013|to|until|till)\s*{_CLOCK_END}",
    re.I,
)
_WEEKDAY_SPAN = rf"{WEEKDAY_RE}\s*(?:[-\u2013/]|\s(?:to|through|thru)\s)\s*{WEEKDAY_RE}"
_WEEKDAY_SPAN_RE = re.compile(_WEEKDAY_SPAN, re.I)
# Words that make a sentence a schedule: a day that recurs ("Saturdays", "every morning",
# "weekdays"; or a week: "every week"), a span of the week ("Mon-Fri", "Tues./Thurs.",
# "Monday-Saturday"), a heading of hours ("Open:", "office hours"), a weekday cut short
# before its hours ("Sun 12pm - 6pm", a list of the hours a place keeps); and "daily" or
# "nightly" as adverbs ("runs daily", not "the daily paper"). A clock time in it whose own
# words name no day ("10 am to 2 pm", "from 1:00 PM - 3:00") is an hour of every such
# day, on no one day (XXXX-XX-XXT10:00), not the story's. (Beside a recurring day,
# `_day_and_clock` joins it to the day.)
_SCHEDULE = re.compile(
    rf"\b(?:(?:{'|'.join(WEEKDAY_NAMES)})s"
    rf"|(?:every|each|most)\s+(?:day|week|weekday|{DAY_PART_RE}|{WEEKDAY_RE})"
    rf"|week(?:day|end)s|{_WEEKDAY_SPAN}"
    r"|(?:opening|office|business|visiting)\s+hours|(?:open|hours)\s*:)(?!\w)"
    rf"|\b(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?\s+(?={_HOURS.pattern})",
    re.I,
)
_EVERY_DAY_ADVERBS = ("daily", "nightly")


def lists_hours(sentence: str) -> bool:
    """Whether a sentence is a list of a place's hours: it gives hours from one clock time
    to another, or a span of the week ("Tuesday to Sunday")."""
    return _HOURS.search(sentence) is not None or _WEEKDAY_SPAN_RE.search(sentence) is not None


def _in_a_schedule(sentence: Span) -> bool:
    # (Or one that says how often: "he runs once a week at 6 am".)
    return (
        _SCHEDULE.search(sentence.text) is not None
        or any(t.lower_ in _EVERY_DAY_ADVERBS and t.pos_ == "ADV" for t in sentence)
        or tells_how_often(sentence.text)
    )


def _a_habit_of_the_clock(span: Span, day_named: bool) -> bool:
    """'Orders received by noon are shipped the same day', 'he usually wakes at 6 a.m.': a
    clock time on a habit (of a whole kind, or told as usual) is the hour of any day ("the
    council meets at 10 a.m." is the coming meeting's). Of a whole kind in a sentence that
    names a day (`day_named`: "the window shuts tonight, and clubs have until 9pm") it is
    that day's. So is a clock of some occasion gone by ("we once stayed up till 2 am") the
    hour of no day the text names."""
    root = span_root(span)
    return (
        (told_of_a_kind(root) and not day_named)
        or told_as_usual(root)
        or (told_as_once(root) and not day_named)
    )


def _sentences_naming_a_day(full: str, placed: list[Placed]) -> set[int]:
    """Where the sentences that name a day start: a day on the calendar, or a clock told
    with its day ("7pm BST tonight")."""
    return {
        sentence_start(span)
        for res, start, end, span in placed
        if _is_day(res) or _names_its_day(res, is_bare_clock(res, full[start:end]))
    }


def days_of_a_schedule(full: str, placed: list[Placed]) -> list[Placed]:
    """'Office hours: Monday - Friday 9:00 - 17:00', 'Monday-Saturday, noon to 11 p.m., and
    Sunday, 1-9 p.m.': a span of the week told with hours is every such week, so the
    weekdays its sentence names without a date are no dates (where "talks run from Monday
    to Friday" are this week's)."""
    told: dict[str, bool] = {}

    def a_week_of_hours(sentence: str) -> bool:
        # Asked once per sentence, hours first (the rarer in prose, and the quicker to look
        # for): a sentence of thousands of weekdays was searched whole for each of them.
        if sentence not in told:
            told[sentence] = bool(_HOURS.search(sentence) and _WEEKDAY_SPAN_RE.search(sentence))
        return told[sentence]

    out: list[Placed] = []
    for res, start, end, span in placed:
        if (
            res.timex_type == "SET"
            or MONTH_NAMED.search(full, start, end)
            or not a_week_of_hours(sentence_near(span))
        ):
            out.append((res, start, end, span))
        elif (first := WEEKDAY_FIRST.match(full, start)) is None:
            # "Open 8 a.m. to 5 p.m. Monday through Friday": spaCy may join the closing
            # hour to the week's first day, which put it on the coming Monday.
            week = _the_week_it_opens(full, res, start, end)
            if week is None:
                out.append((res, start, end, span))
            else:
                clock_end = start + len(full[start:week].rstrip(" ,"))
                out.append((on_no_day(res), start, clock_end, span))
        elif _is_a_clock(res) and _A_WEEK_ENDING.search(full, max(0, start - 40), first.end()):
            # "Monday - Friday 9:00 - 17:00", "Tuesday to Sunday, 10am to 6pm": joined to
            # the week's last day, the opening hour went with it.
            clock_start = (
                first.end()
                + len(full[first.end() : end])
                - len(full[first.end() : end].lstrip(" ,"))
            )
            out.append((on_no_day(res), clock_start, end, span))
    return out


def _is_a_clock(res: Resolved) -> bool:
    return res.timex_type == "TIME" and "T" in res.value


# A span of the week that ends where the text searched does.
_A_WEEK_ENDING = re.compile(rf"{_WEEKDAY_SPAN}$", re.I)


def _the_week_it_opens(full: str, res: Resolved, start: int, end: int) -> int | None:
    """Where the weekday starts that a clock time's words end on, when it opens a span of
    the week; None otherwise."""
    last = _WEEKDAY_LAST.search(full, start, end)
    if last is None or not _is_a_clock(res) or _WEEKDAY_SPAN_RE.match(full, last.start()) is None:
        return None
    return last.start()


# Where a weekday ends what a clock was joined to ("5 p.m. Monday").
_WEEKDAY_LAST = re.compile(rf"(?<=[\s,]){WEEKDAY_RE}$", re.I)


def clock_times_on_their_days(full: str, placed: list[Placed]) -> list[Placed]:
    """A clock time told right beside a day is that day's: "the council will meet Monday at
    10 a.m." is one entry, Monday at 10:00, where the time alone was put on the story's
    own day (spaCy tags the day and the time apart, and only a past tense read the day
    named before). Beside a numeric date no rule could read, it is left out."""
    out: list[Placed] = []
    day_named = _sentences_naming_a_day(full, placed)
    k = 0
    while k < len(placed):
        if k + 2 < len(placed) and (pair := _clock_in_two_zones(full, *placed[k : k + 3])):
            out.extend(pair)
            k += 3
            continue
        if k + 1 < len(placed) and (
            pair := _clock_beside_its_day_in_another_zone(full, *placed[k : k + 2])
        ):
            out.extend(pair)
            k += 2
            continue
        if k + 1 < len(placed) and (pair := _the_same_time_in_brackets(full, *placed[k : k + 2])):
            out.extend(pair)
            k += 2
            continue
        if k + 1 < len(placed):
            joined = _day_and_clock(full, placed[k], placed[k + 1])
            if joined is not None:
                # ("Thurs, Nov 8, 10am PT / 1pm ET": the other zone's time after it too.)
                other = placed[k + 2] if k + 2 < len(placed) else None
                pair = _the_same_time_in_brackets(full, joined, other) if other else None
                out.extend(pair or [joined])
                k += 3 if pair else 2
                continue
        res, start, end, span = placed[k]
        bare = is_bare_clock(res, full[start:end])
        habit = _a_habit_of_the_clock(span, sentence_start(span) in day_named)
        if bare and (of_its_sentence(span, _in_a_schedule) or habit):
            out.append((on_no_day(res), start, end, span))
        elif not (
            bare
            and (
                _NUMERIC_DATE_BEFORE.search(full, max(0, start - 24), start)
                or _ANY_DAY_AFTER.match(full, end)
                or _ANY_DAY_BEFORE.search(full, max(0, start - 40), start)
            )
        ):
            out.append(placed[k])
        k += 1
    return out


def clocks_of_a_recurrence(full: str, placed: list[Placed]) -> list[Placed]:
    """'We meet at the bar on Wednesday nights. ... They close at 10 pm': a clock time told
    in the present after a weekday that recurs, at most `RECURRENCE_REACH` sentences on
    (from it or from a clock of it), with no day named between, is that weekday's every
    week (it went to the story's day, or to no day). A past or a future tells of one
    occasion ("we stayed until 11 pm", "will meet at 7 pm"); a sentence that names other
    weekdays ("Pilates runs Wednesday to Friday, 6 pm to 7 pm" after "Mondays") keeps its
    clocks to them."""
    if not any(_a_weekly_set(res) for res, _, _, _ in placed):
        return placed  # (most blocks: nothing recurs, and no clock is read again)
    day_named = _sentences_naming_a_day(full, placed)
    recurring: tuple[Resolved, Span] | None = None
    out: list[Placed] = []
    for res, start, end, span in placed:
        bare = is_bare_clock(res, full[start:end])
        if _a_weekly_set(res):
            recurring = res, span
        elif (
            recurring is not None
            and bare
            and (res.anaphoric or res.value.startswith("XXXX-XX-XXT"))
            and sentence_start(span) not in day_named
            and _weekdays_named(sentence_near(span)) <= {recurring[0].value[len("XXXX-WXX-")]}
            and clause_tense(span) in (Tense.PRESENT, None)
            and _sentences_apart(recurring[1], span) <= RECURRENCE_REACH
        ):
            weekday = recurring[0].value[: len("XXXX-WXX-1")]
            res = replace(recurring[0], value=weekday + res.value[res.value.index("T") :])
            recurring = recurring[0], span  # the next clock may be told as far from this one
        elif not bare and res.start is not None:
            recurring = None  # a date between: the clock may be of that occasion
        out.append((res, start, end, span))
    return out


# A weekday named in a sentence, whole or cut short as a schedule writes it ("Wed", "Sat.").
_A_WEEKDAY_NAMED = re.compile(
    rf"\b(?:(?i:{'|'.join(WEEKDAY_NAMES)})|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b)"
)


def _weekdays_named(sentence: str) -> set[str]:
    """The ISO numbers ("1" Monday ... "7" Sunday) of the weekdays a sentence names."""
    return {str(WEEKDAYS[m.group(0).lower()] + 1) for m in _A_WEEKDAY_NAMED.finditer(sentence)}


# How many sentences on a clock may still tell of the weekday that recurs before it.
RECURRENCE_REACH = 2


def _sentences_apart(first: Span, later: Span) -> int:
    """How many sentences start after `first`'s, up to `later`'s own."""
    return sum(1 for s in later.doc.sents if first.start < s.start <= later.start)


# A weekday every week, at a part of the day or none ("Wednesday nights", "every Monday").
_WEEKLY_AT_ANY_HOUR = re.compile(r"XXXX-WXX-[1-7](?:T(?:MO|MI|AF|EV|NI))?")


def _a_weekly_set(res: Resolved) -> bool:
    return res.timex_type == "SET" and _WEEKLY_AT_ANY_HOUR.fullmatch(res.value) is not None


_IN_A_ZONE = re.compile(rf"\b{WIRE_ZONE_RE}\b")


def clocks_on_the_sentence_day(full: str, placed: list[Placed]) -> list[Placed]:
    """'November 15 @ Piano's - Set Time: 10 PM', 'Nov. 6 at Santa Clara University, from
    8 a.m.', 'tomorrow afternoon ... at 2 pm': a clock time whose own words name no day,
    in a sentence that names one day and no other, is on that day (alone, it went to the
    story's day). Not beside it, so `clock_times_on_their_days` left it."""
    bare = [is_bare_clock(res, full[start:end]) for res, start, end, _ in placed]
    days: dict[int, dict[str, Resolved]] = {}  # by sentence, the days it names
    # Where a day the sentence names is the end of a wait ("until Wednesday morning"):
    # "Polls close at 8 p.m., and results may not be complete until Wednesday" does not
    # put the polls' 8 p.m. on Wednesday.
    ends_after: dict[int, int] = {}
    day_spans: dict[int, Span] = {}  # by sentence, where it names its day
    nights: set[int] = set()  # sentences whose day is told as a night ("overnight")
    for (res, start, _, span), is_bare in zip(placed, bare, strict=True):
        if _is_day(res) or _names_its_day(res, is_bare):
            day_spans[sentence_start(span)] = span
        if res.value.endswith("TNI"):
            nights.add(sentence_start(span))
        if _is_day(res):
            days.setdefault(sentence_start(span), {})[res.value] = res
        elif _names_its_day(res, is_bare) and res.start is not None:
            # "Tuesday December 5, 2006 | 7pm (Discussion starts at 7:30)": a clock with
            # its day names that day.
            days.setdefault(sentence_start(span), {})[res.start.isoformat()] = day(res.start)
        else:
            continue
        if _AN_END_BEFORE.search(full, max(0, start - 8), start):
            ends_after[sentence_start(span)] = start
    out: list[Placed] = []
    moved: dict[int, Resolved] = {}  # an end a range's start read over the night moved
    for k, ((res, start, end, span), is_bare) in enumerate(zip(placed, bare, strict=True)):
        res = moved.pop(k, res)
        named = days.get(sentence_start(span), {})
        # ("From 8 p.m. until 4 a.m. on Saturday": the range's own end still lends its day.)
        opens_a_range = k + 1 < len(placed) and closes_a_range(
            full, *placed[k][1:3], placed[k + 1][1]
        )
        # (An hour of a schedule has no start: it stays on no day.)
        # (A clock told in a zone of its own, "(2030 GMT)", keeps the day its zone gives.)
        if (
            len(named) == 1
            and is_bare
            and res.start is not None
            and not _IN_A_ZONE.search(normalise(full[start:end]))
            and not _BEFORE_ANOTHER_ZONE.match(full, end)
            and (ends_after.get(sentence_start(span), -1) < start or opens_a_range)
            # ("Announced at 2 p.m. after a hearing that began Tuesday": not that day.)
            and not in_a_clause_apart(span_root(day_spans[sentence_start(span)]), span_root(span))
        ):
            [the_day] = named.values()
            if sentence_start(span) in nights and the_day.start and _minutes(res.value) < 720:
                # "Crews worked overnight and the first cars crossed at 5:45 a.m.": a
                # morning after the night, not the evening it began.
                the_day = day(the_day.start + timedelta(days=1))
            res = with_time(the_day, res.value[res.value.index("T") :])
            if out and closes_a_range(full, *out[-1][1:3], start):
                res = past_midnight(out[-1][0], res, full[start:end])
            elif opens_a_range and not bare[k + 1]:
                # "From 11pm to 2 a.m. on Saturday": the end that told the day may come
                # out before the start.
                after, a_start, a_end, _ = placed[k + 1]
                res, moved[k + 1] = over_the_night(res, after, full[a_start:a_end])
        out.append((res, start, end, span))
    return out


# A part of the day told with no day: "early evening", "the afternoon".
_A_BARE_PART_OF_DAY = re.compile(rf"(?:(?:early|late|mid)[- ]?)?(?:the )?(?:{DAY_PART_RE})", re.I)


def parts_of_day_ending_a_range(full: str, placed: list[Placed]) -> list[Placed]:
    """'Friday lunchtime to early evening': the end of a range told as a bare part of the
    day is on the start's day (alone it was put on the story's)."""
    out = list(placed)
    for k in range(1, len(out)):
        (before, *_), (res, start, end, span) = out[k - 1], out[k]
        if (
            before.start is not None
            and before.granularity in ON_A_DAY
            and res.timex_type == "TIME"
            and "T" in res.value
            and _A_BARE_PART_OF_DAY.fullmatch(full, start, end)
            and closes_a_range(full, *out[k - 1][1:3], start)
        ):
            out[k] = (clock_on(before.start, res), start, end, span)
    return out


# A clock on a day ("2024-08-06T19:30").
_DATED_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def clocks_told_in_order(full: str, placed: list[Placed]) -> list[Placed]:
    """'The meeting began at 2 p.m. and ended at 5:45', '7pm (discussion starts at 7:30)':
    a clock whose words give no half of the day, after a later clock of its sentence on the
    same day, is in the afternoon if that puts it after (read alone, 5:45 is the morning's).
    One that still comes before ("left at 11 p.m. and woke at 6:30") is left as it is, and
    so is one told in a zone ("around noon (1000 GMT)")."""
    out = list(placed)
    last: tuple[int, str] | None = None  # the sentence and the value of the last clock
    for k, (res, start, end, span) in enumerate(out):
        if res.timex_type != "TIME" or not _DATED_CLOCK.match(res.value):
            continue
        sentence = sentence_start(span)
        if (
            last is not None
            and last[0] == sentence
            and last[1][:10] == res.value[:10]
            and res.value < last[1]
            and not _IN_A_ZONE.search(normalise(full[start:end]))
            and (afternoon := in_the_afternoon(res.value, last[1], full[start:end]))
        ):
            res = replace(res, value=afternoon)
            out[k] = (res, start, end, span)
        last = (sentence, res.value)
    return out


_AN_END_BEFORE = re.compile(r"\b(?:until|till|by)\s+$", re.I)


# A line of a schedule: it starts with its clock time ("6:00 p.m. Discussion", "9am -
# Registration").
_SCHEDULE_LINE = re.compile(
    r"\s*(?:\d{1,2}(?:[:.]\d\d\s*(?:[ap]\.?m\b\.?)?|\s*[ap]\.?m\b\.?)|noon\b)", re.I
)


def clocks_under_a_day(
    full: str, placed: list[Placed], heading: Resolved | None
) -> tuple[list[Placed], Resolved | None]:
    """'Thursday, July 10th' then '5:30 p.m. Reception', '6:00 p.m. Discussion': the lines
    of a schedule, which start with a bare clock time, are on the last day a block above
    them named alone (each went to the story's day). A block between that names no day
    (what the event is about) leaves the schedule's day as it is; one that names two
    days ends it. Returns the block's entries and the day the next block's lines would
    come under."""
    bare = [is_bare_clock(res, full[s:e]) and res.start is not None for res, s, e, _ in placed]
    days = {res.value: res for res, _, _, _ in placed if _is_day(res)}
    for (res, _, _, _), is_bare in zip(placed, bare, strict=True):
        if _names_its_day(res, is_bare) and res.start is not None:
            # "Thursday, July 10th 5:30-8:00 p.m.": the clock's own day heads the lines.
            named = day(res.start)
            days.setdefault(named.value, named)
    if days:
        return placed, next(iter(days.values())) if len(days) == 1 else None
    if heading is None or not any(bare) or not _SCHEDULE_LINE.match(full):
        return placed, heading
    if _words_beside(full, placed) > SCHEDULE_LINE_WORDS:
        # "7:45 p.m. ET — The National Hurricane Center said ...": a live page's stamp
        # before its update, on the page's day, not a line of a schedule.
        return placed, heading
    out = [
        (with_time(heading, res.value[res.value.index("T") :]), s, e, span)
        if is_bare
        else (res, s, e, span)
        for (res, s, e, span), is_bare in zip(placed, bare, strict=True)
    ]
    return out, heading


# A line of a schedule holds at most this many words beside its times ("5:30 p.m. Site
# Tour & Reception", "12:45pm (U.S. Pacific Time)"); a clock before more is a stamp.
SCHEDULE_LINE_WORDS = 8


def _words_beside(full: str, placed: list[Placed]) -> int:
    """How many words the block holds outside its expressions."""
    rest, at = [], 0
    for _, start, end, _ in sorted(placed, key=lambda p: p[1]):
        rest.append(full[at:start])
        at = max(at, end)
    rest.append(full[at:])
    return len(re.findall(r"\w+", " ".join(rest)))


def _day_and_clock(
    full: str, first: tuple[Resolved, int, int, Span], second: tuple[Resolved, int, int, Span]
) -> tuple[Resolved, int, int, Span] | None:
    (a, a_start, a_end, span), (b, b_start, b_end, _) = first, second
    if _takes_a_clock(a) and is_bare_clock(b, full[b_start:b_end]):
        day, clock, between = a, b, _DAY_THEN_CLOCK
    elif (
        is_bare_clock(a, full[a_start:a_end])
        and _takes_a_clock(b)
        and _HOURS_AFTER.match(full, b_end) is None
    ):
        # (Not "Mon-Fri 9am-5pm, Saturdays 10am-2pm": the day has hours of its own.)
        day, clock, between = b, a, _CLOCK_THEN_DAY
    else:
        return None
    joint = between.fullmatch(full, a_end, b_start)
    if joint is None and clock is a and _determined(full, a_start):
        # "A 1 p.m. start on Sunday", "the 5 p.m. deadline on Friday": the clock says when
        # the thing it comes before happens, and the day names that thing's day.
        joint = _CLOCKED_THING_ON.fullmatch(full, a_end, b_start)
    if joint is None:
        return None
    if joint.groupdict().get("close") and full[a_start - 1 : a_start] == "(":
        a_start -= 1  # "(4:45pm EDT) on October 28": the expression keeps both brackets
    at = clock.value[clock.value.index("T") :]
    if _is_weekly(day):
        # "Mondays at 6 p.m.", "every Monday at 7pm": the time recurs with the day.
        return replace(day, value=day.value + at), a_start, b_end, span
    return with_time(day, at), a_start, b_end, span


# Hours told right after a day: "Saturdays 10am-2pm", "Sunday, 1-9 p.m.".
_HOURS_AFTER = re.compile(rf"\s*,?\s*(?:from\s+)?(?={_HOURS.pattern})", re.I)


def _takes_a_clock(res: Resolved) -> bool:
    """A day a clock time beside it belongs to: one on the calendar, or one every week."""
    return _is_day(res) or _is_weekly(res)


def _is_weekly(res: Resolved) -> bool:
    """A weekday that recurs ("Mondays", "every Monday"), with no part of the day yet."""
    return res.timex_type == "SET" and _WEEKLY_SET.fullmatch(res.value) is not None


_WEEKLY_SET = re.compile(r"XXXX-WXX-[1-7]")


# "6.30 a.m. (2030 GMT) on Tuesday", "1400 EDT / 1800 GMT on Friday": the local time, the
# same time in another zone between brackets or after a slash, then the day. The local
# time's zone may stand outside its expression ("8 a.m. local time (0500 GMT)", "8 a.m.
# Moscow time", "9:30 a.m. New York time").
_IN_BRACKETS = re.compile(
    rf"\s*(?:(?i:{WIRE_ZONE_RE}|{NAMED_ZONE_RE})|{PLACE_NAME_TIME_RE})?\s*(?:\(|/)\s*"
)
# "6.30 a.m. (2030 GMT on Monday)": a local time whose day its other zone's time gives.
_BEFORE_ANOTHER_ZONE = re.compile(_IN_BRACKETS.pattern + r"\(?\d")
_BRACKET_THEN_DAY = re.compile(r"\s*\)?" + _CLOCK_THEN_DAY.pattern)
# Zones lie within half a day of each other: two clocks further apart are on two days.
_HALF_DAY_MINUTES = 12 * 60


def _clock_in_two_zones(
    full: str,
    local: tuple[Resolved, int, int, Span],
    other: tuple[Resolved, int, int, Span],
    day: tuple[Resolved, int, int, Span],
) -> list[Placed] | None:
    """Wire copy's "6.30 a.m. (2030 GMT) on Tuesday": the day is the local time's, and the
    other zone's time falls on the day before or after when the two clocks are more than
    half a day apart (20:30 GMT is the evening before a Queensland morning). Inside the
    brackets ("21:14 local time (00:14 GMT on Tuesday)") the day is the other zone's, and
    the local time's is the one before or after it."""
    (a, a_start, a_end, span), (b, b_start, b_end, b_span), (d, d_start, d_end, _) = (
        local,
        other,
        day,
    )
    if not (
        _is_day(d)
        and is_bare_clock(a, full[a_start:a_end])
        and is_bare_clock(b, full[b_start:b_end])
        and _IN_BRACKETS.fullmatch(full, a_end, b_start)
        and _BRACKET_THEN_DAY.fullmatch(full, b_end, d_start)
        and d.start is not None
    ):
        return None
    shift_days = _days_between_zones(a, b)
    in_brackets = "(" in full[a_end:b_start] and ")" not in full[b_end:d_start]
    try:
        local_day = d.start - timedelta(days=shift_days) if in_brackets else d.start
        other_day = local_day + timedelta(days=shift_days)
    except OverflowError:
        return None  # the day before the calendar's first: each clock is read alone
    if in_brackets:
        return [
            (clock_on(local_day, a), a_start, a_end, span),
            (clock_on(other_day, b), b_start, d_end, b_span),
        ]
    return [
        (clock_on(local_day, a), a_start, d_end, span),
        (clock_on(other_day, b), b_start, b_end, b_span),
    ]


def _clock_beside_its_day_in_another_zone(
    full: str, local: Placed, other: Placed
) -> list[Placed] | None:
    """'6.30 a.m. local time (2030 GMT on Monday)' where the other zone's time and its day
    came as one expression: the local time is on that day, or the one before or after."""
    (a, a_start, a_end, span), (b, b_start, b_end, _) = local, other
    if not (
        is_bare_clock(a, full[a_start:a_end])
        and _names_its_day(b, is_bare_clock(b, full[b_start:b_end]))
        and b.start is not None
        and "(" in full[a_end:b_start]
        and _IN_BRACKETS.fullmatch(full, a_end, b_start)
    ):
        return None
    try:
        local_day = b.start - timedelta(days=_days_between_zones(a, b))
    except OverflowError:
        return None
    return [(clock_on(local_day, a), a_start, a_end, span), other]


def _the_same_time_in_brackets(full: str, local: Placed, other: Placed) -> list[Placed] | None:
    """'Nov. 13 at 11:30 a.m. PST (2:30 p.m. EST)', '10am PT / 1pm ET': the time in
    brackets or after a slash is the dated time's in another zone, on its day (or the one
    before or after)."""
    (a, a_start, a_end, _), (b, b_start, b_end, b_span) = local, other
    if not (
        _names_its_day(a, is_bare_clock(a, full[a_start:a_end]))
        and is_bare_clock(b, full[b_start:b_end])
        and a.start is not None
        and ("(" in full[a_end:b_start] or "/" in full[a_end:b_start])
        and _IN_BRACKETS.fullmatch(full, a_end, b_start)
    ):
        return None
    try:
        other_day = a.start + timedelta(days=_days_between_zones(a, b))
    except OverflowError:
        return None
    return [local, (clock_on(other_day, b), b_start, b_end, b_span)]


def _days_between_zones(local: Resolved, other: Resolved) -> int:
    """The day the other zone's clock falls on, from the local clock's: the one before
    or after when the two are more than half a day apart."""
    apart = _minutes(other.value) - _minutes(local.value)
    return -1 if apart > _HALF_DAY_MINUTES else 1 if apart < -_HALF_DAY_MINUTES else 0


def clock_on(when: date, clock: Resolved) -> Resolved:
    """`clock`'s time of day on the day `when`."""
    return with_time(day(when), clock.value[clock.value.index("T") :])


def _minutes(clock_value: str) -> int:
    """Minutes after midnight of a value's "Thh:mm"."""
    hh, mm = clock_value[clock_value.index("T") + 1 :].split(":")[:2]
    return int(hh) * 60 + int(mm[:2])


def _is_day(res: Resolved) -> bool:
    return res.granularity is Granularity.DAY and res.timex_type == "DATE" and not res.vague


def _names_its_day(res: Resolved, bare: bool) -> bool:
    """A clock time told with its day ("Tuesday December 5, 2006 | 7pm"): a time on a
    named day, not a bare clock (`is_bare_clock`)."""
    return res.timex_type == "TIME" and not res.value.startswith("XXXX") and not bare


def is_bare_clock(res: Resolved, text: str) -> bool:
    """A clock time whose day the words do not say ("10 a.m.", "at 4:56 PM")."""
    if not _is_a_clock(res):
        return False
    said = hours_as_a_run(normalise(text))
    clock = CLOCK_RE.search(said)
    if clock is None:
        return False
    # "the 5 p.m." (spaCy takes the article of "the 5 p.m. deadline" in) says no day, nor
    # does the preposition of a run of hours ("between 2 and 4 p.m.").
    before = re.sub(r"^(?:the|an?|between|from)\s+", "", said[: clock.start()], flags=re.I)
    return not (before + said[clock.end() :]).strip(" .,")
