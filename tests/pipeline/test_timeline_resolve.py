"""One expression to a value, without spaCy: the steps around the date rules (hedges,
"since", lengths of time, vague words, times of day)."""

from __future__ import annotations

from datetime import date, time

import pytest

from tui.pipeline.timeline.resolve import CLOCK_RE, STEPS, Said, reaches_back, resolve, strip_prep
from tui.pipeline.timeline.rule import DECLINE, PASS
from tui.pipeline.timeline.values import Context, Resolved, Tense, day, with_time

ANCHOR = date(2024, 8, 8)  # a Thursday


def _value(text: str, tense: Tense | None = Tense.PAST, prep: str | None = None) -> str | None:
    found = resolve(text, Context(anchor=ANCHOR), tense, prep)
    return None if found is None else found.value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("now", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past few days", "PAST_REF"),
        ("those days", "PAST_REF"),
        ("during those years", "PAST_REF"),
        ("the other day", "PAST_REF"),
        ("the other night", "PAST_REF"),
        ("a little while ago", "PAST_REF"),
        ("long-ago", "PAST_REF"),
        ("a long time ago", "PAST_REF"),
        ("the coming weeks", "FUTURE_REF"),
        ("the near future", "FUTURE_REF"),
    ],
)
def test_words_that_place_without_dating_are_vague(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10 p.m. wednesday", "2024-08-07T22:00"),
        ("saturday night", "2024-08-03TNI"),
        ("this morning", "2024-08-08TMO"),
        # "Early" or "late" before "this": still the story's own day.
        ("early this morning", "2024-08-08TMO"),
        ("very early this morning", "2024-08-08TMO"),
        ("late this evening", "2024-08-08TEV"),
        ("late this afternoon", "2024-08-08TAF"),
        ("overnight", "2024-08-07TNI"),
        ("tonight", "2024-08-08TNI"),
        ("by midday", "2024-08-08T12:00"),
        # The hour said twice.
        ("12 noon", "2024-08-08T12:00"),
        ("12 midnight tuesday", "2024-08-06T24:00"),
        ("14:30 gmt", "2024-08-08T14:30"),
        ("midnight tuesday", "2024-08-06T24:00"),
        # A clock hour without a.m./p.m. takes its half of the day from the part named.
        ("3 o'clock this afternoon", "2024-08-08T15:00"),
        ("8:30 this evening", "2024-08-08T20:30"),
        ("9 o'clock this morning", "2024-08-08T09:00"),
        ("3 a.m. this morning", "2024-08-08T03:00"),
        # Wire copy's four-digit clock, known by the zone after it.
        ("0800 gmt", "2024-08-08T08:00"),
        ("1430 local time on tuesday", "2024-08-06T14:30"),
        # Zones in words; seconds read where "a.m." makes it a clock.
        ("3:55 eastern time today", "2024-08-08T03:55"),
        ("8 p.m. eastern standard time", "2024-08-08T20:00"),
        ("4:56:22 am", "2024-08-08T04:56:22"),
        ("16.02 bst", "2024-08-08T16:02"),
        # Hours that open at the first: "1" was read as January.
        ("1-4 p.m. on monday", "2024-08-05T13:00"),
        ("between 2 and 4 p.m. on monday", "2024-08-05T14:00"),
        ("from 7 until 10pm on monday", "2024-08-05T19:00"),
        # A run across noon opens in the morning (it was read at its 1 p.m. end).
        ("from 11 to 1 p.m. on monday", "2024-08-05T11:00"),
        ("11:30-2 p.m. on monday", "2024-08-05T11:30"),
    ],
)
def test_a_time_of_day_rides_on_its_day(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize("text", ["23:61", "25:00", "99 o'clock", "13 pm", "12:60 pm"])
def test_an_hour_or_minute_off_the_clock_face_is_no_time_of_day(text: str) -> None:
    assert _value(text) is None


@pytest.mark.parametrize("text", ["at 13:30", "0:30 am", "12 pm", "12 o'clock", "00:30"])
def test_the_clock_faces_edges_are_times_of_day(text: str) -> None:
    assert _value(text) is not None and "T" in (_value(text) or "")


@pytest.mark.parametrize("text", ["the 1990\u2032s", "the \u201890s", "the 1990\u2019s"])
def test_a_decade_written_with_a_prime_or_a_curly_quote_is_the_decade(text: str) -> None:
    assert _value(text) == "199"


def test_to_this_day_is_until_now_not_the_storys_day() -> None:
    assert _value("this day", Tense.PRESENT, prep="to") == "PRESENT_REF"
    assert _value("this day", Tense.PRESENT, prep=None) == "2024-08-08"


def test_one_day_after_in_is_how_long_it_took() -> None:
    found = resolve("one day", Context(anchor=ANCHOR), None, "in")
    assert found is not None and (found.value, found.timex_type) == ("P1D", "DURATION")
    assert _value("one day", None) == "FUTURE_REF"


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("the past few hours", "PAST_REF", "PTXH"),
        ("the next few minutes", "FUTURE_REF", "PTXM"),
        ("the past few days", "PAST_REF", "PXD"),
    ],
)
def test_a_few_units_back_or_ahead_is_vague_and_a_length_of_them(
    text: str, value: str, code: str
) -> None:
    found = resolve(text, Context(anchor=ANCHOR), Tense.PAST)
    assert found is not None and (found.value, found.timex) == (value, code)


def test_four_digits_without_a_zone_stay_a_year() -> None:
    assert _value("1430") == "1430"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the following morning", "2024-08-02TMO"),
        ("the next evening", "2024-08-02TEV"),
        ("the previous night", "2024-07-31TNI"),
    ],
)
def test_a_part_of_day_counted_from_the_day_named_before(text: str, value: str) -> None:
    ctx = Context(anchor=ANCHOR)
    assert resolve(text, ctx, Tense.PAST) is None
    ctx.remember(day(date(2024, 8, 1)))
    found = resolve(text, ctx, Tense.PAST)
    assert found is not None and found.value == value


def test_a_part_of_day_is_not_counted_from_a_time_named_before() -> None:
    # The demo's "on the same night" after a quote's "By Friday morning" is the night of
    # the strikes told earlier, not Friday's: a time named before places no such part.
    ctx = Context(anchor=ANCHOR)
    ctx.remember(with_time(day(date(2024, 8, 1)), "TMO"))
    assert resolve("the same night", ctx, Tense.PAST) is None


def test_a_bare_part_of_day_names_a_day_only_when_told_in_the_past() -> None:
    # "Shares rose in the morning": the day reported (with none named, the anchor's).
    assert _value("in the morning") == "2024-08-08TMO"
    assert _value("in the morning", Tense.PRESENT) is None  # "the shop opens in the morning"
    assert _value("in the morning", None) is None
    assert _value("mornings") is None
    assert _value("the night") is None  # maybe the one before the story's day


def test_that_night_needs_a_day_named_before() -> None:
    ctx = Context(anchor=ANCHOR)
    assert resolve("that night", ctx, Tense.PAST) is None
    ctx.remember(day(date(2024, 8, 1)))
    found = resolve("that night", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-01TNI" and found.anaphoric


def test_since_keeps_the_date_and_runs_to_the_anchor() -> None:
    found = resolve("since march", Context(anchor=ANCHOR), Tense.PERFECT)
    assert found is not None and found.value == "2024-03"
    assert (found.start, found.end) == (date(2024, 3, 1), ANCHOR)


def test_told_in_the_past_in_the_last_decade_is_the_decade_before_this_one() -> None:
    # "the earning power they lost to inflation in the last decade" (TimeBank, 1998): 198.
    found = resolve("the last decade", Context(anchor=ANCHOR), Tense.PAST, "in")
    assert found is not None and found.value == "201"


@pytest.mark.parametrize(
    ("text", "prep", "tense", "value", "other_end"),
    [
        ("more than a month", "for", Tense.PERFECT, "P1M/2024-08-08", "2024-07-08"),
        ("the past two weeks", None, Tense.PAST, "P2W/2024-08-08", "2024-07-25"),
        ("the next year", "within", None, "2024-08-08/P1Y", "2025-08-08"),
        ("three months", "for", Tense.FUTURE, "2024-08-08/P3M", "2024-11-08"),
        ("the past decade", "for", Tense.PAST, "P10Y/2024-08-08", "2014-08-08"),
        # Not the 2010s: ten years to now.
        ("the last decade", "over", Tense.PERFECT, "P10Y/2024-08-08", "2014-08-08"),
        # "Has grown in the last decade": written in 1998, it was read as the 1980s.
        ("the last decade", "in", Tense.PERFECT, "P10Y/2024-08-08", "2014-08-08"),
        ("the past decade", "during", Tense.PRESENT, "P10Y/2024-08-08", "2014-08-08"),
        ("the next decade", "over", Tense.FUTURE, "2024-08-08/P10Y", "2034-08-08"),
    ],
)
def test_lengths_of_time_are_durations_with_a_range(
    text: str, prep: str | None, tense: Tense | None, value: str, other_end: str
) -> None:
    found = resolve(text, Context(anchor=ANCHOR), tense, prep)
    assert found is not None and found.value == value and found.timex_type == "DURATION"
    assert found.timex_value == value.replace("/", "").replace("2024-08-08", "")
    assert other_end in (str(found.start), str(found.end))


def test_in_a_count_with_a_future_verb_is_that_far_ahead() -> None:
    assert _value("in two weeks", Tense.FUTURE) == "2024-W34"


def test_in_a_count_with_a_present_verb_is_a_schedule_ahead() -> None:
    # "The lease runs out in two years."
    assert _value("in two years", Tense.PRESENT) == "2026"
    # Told in the past it names no place: "output rose 5% in two years" is a length.
    assert _value("in two years", Tense.PAST) == "P2Y"


@pytest.mark.parametrize("tense", [Tense.FUTURE, Tense.REPORTED, Tense.PAST, None])
def test_a_count_of_time_hence_is_that_far_ahead_whatever_the_tense(tense: Tense | None) -> None:
    # "in three months' time" looks ahead from the saying, however the sentence is told.
    assert _value("three months' time", tense, prep="in") == "2024-11"
    assert _value("a year's time", tense, prep="in") == "2025"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two days after aug. 2", "2024-08-04"),
        ("three years before 1990", "1987"),
        ("a month after june 2023", "2023-07"),
        # Too coarse a date for the unit, or none at all: not counted.
        ("two days after 1998", None),
        ("two days after the vote", None),
    ],
)
def test_a_count_before_or_after_a_date_is_counted_from_it(text: str, value: str | None) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("a fortnight ago", Tense.PAST, "2024-W30"),
        ("in a fortnight", Tense.FUTURE, "2024-W34"),
        ("the past fortnight", Tense.PERFECT, "P2W/2024-08-08"),
    ],
)
def test_a_fortnight_is_two_weeks(text: str, tense: Tense, value: str) -> None:
    assert _value(text, tense) == value


def test_a_split_year_runs_to_the_end_of_its_second_year() -> None:
    # The rule's value is the first year (tests/pipeline/test_timeline_rules.py); the
    # range it covers, which the pane's label reads, ends with the second.
    found = resolve("2023-24", Context(anchor=ANCHOR), Tense.PAST, None)
    assert found is not None and (found.start, found.end) == (date(2023, 1, 1), date(2024, 12, 31))


def test_the_first_months_of_a_year_are_a_length_from_its_start() -> None:
    found = resolve("the first nine months of 1997", Context(anchor=ANCHOR), Tense.PAST, None)
    assert found is not None and found.timex_value == "P9M"
    assert (found.start, found.end) == (date(1997, 1, 1), date(1997, 9, 30))


def test_hedges_come_off_and_the_preposition_is_kept() -> None:
    assert strip_prep("just after noon") == ("after", "noon")
    assert strip_prep("as early as march") == (None, "march")


def test_the_same_day_is_the_day_named_in_this_paragraph() -> None:
    ctx = Context(anchor=ANCHOR)
    ctx.remember(day(date(2024, 8, 1)))
    found = resolve("later in the day", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-01"


def test_the_same_day_is_the_storys_day_when_the_last_day_was_paragraphs_ago() -> None:
    ctx = Context(anchor=ANCHOR)
    ctx.remember(day(date(2024, 8, 1)))
    ctx.block = 3
    found = resolve("earlier in the day", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-08"


def test_the_same_day_is_the_news_day_the_story_named_the_day_before_the_anchor() -> None:
    # "Morrison testified Tuesday" in a story stamped early Wednesday; the call of July
    # 25 named after it is background, not the scene.
    ctx = Context(anchor=ANCHOR)
    ctx.remember(day(date(2024, 8, 7)))
    ctx.remember(day(date(2024, 7, 25)))
    ctx.block = 4
    found = resolve("earlier in the day", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-07"


@pytest.mark.parametrize(
    ("lead", "back"),
    [
        ("the band will tour together for the first time in", True),
        ("unemployment reached its highest level in", True),
        ("the region saw its worst drought in", True),
        ("the bridge will only reopen in", False),
        ("the bridge will reopen in", False),
        ("prices will double in", False),
        # A perfect denied up to now; a denied future still looks ahead.
        ("i haven't used it in", True),
        ("she had not seen him in", True),
        ("i've never seen it this bad in", True),
        ("i won't be back in", False),
        ("if you haven't returned in", False),
    ],
)
def test_a_count_after_first_time_or_a_superlative_reaches_back(lead: str, back: bool) -> None:
    assert reaches_back(lead) is back


def test_years_alone_after_a_denied_perfect_reach_back_to_now() -> None:
    found = resolve("years", Context(anchor=ANCHOR), Tense.PERFECT, "in",
                    lead="i haven't used it in ")  # fmt: skip
    assert found is not None and (found.timex_type, found.value) == ("DURATION", "PXY")


@pytest.mark.parametrize(("text", "lead"), [("months", "after "), ("decades", "emerging after ")])
def test_units_alone_after_after_are_a_length_of_no_count(text: str, lead: str) -> None:
    # "After months of anticipation": spaCy's span leaves the "after" out.
    found = resolve(text, Context(anchor=ANCHOR), Tense.PAST, None, lead=lead)
    assert found is not None and found.timex_type == "DURATION"
    assert found.value == {"months": "PXM", "decades": "PXDE"}[text]
    assert resolve(text, Context(anchor=ANCHOR), Tense.PAST, None, lead="the ") is None


def test_after_hours_is_no_length() -> None:
    assert resolve("hours", Context(anchor=ANCHOR), Tense.PAST, None, lead="after ") is None


def test_in_a_count_after_first_time_is_a_duration_up_to_now() -> None:
    found = resolve("25 years", Context(anchor=ANCHOR), Tense.FUTURE, "in",
                    lead="will tour together for the first time in ")  # fmt: skip
    assert found is not None
    assert (found.timex_type, found.timex_value, found.value) == (
        "DURATION",
        "P25Y",
        "P25Y/2024-08-08",
    )
    # Without that lead, a future "in 25 years" is that far ahead.
    ahead = resolve("25 years", Context(anchor=ANCHOR), Tense.FUTURE, "in")
    assert ahead is not None and ahead.value == "2049"


@pytest.mark.parametrize(
    ("text", "value", "timex"),
    [
        ("recent years", "PAST_REF", "PXY"),
        ("the past few weeks", "PAST_REF", "PXW"),
        ("the next few days", "FUTURE_REF", "PXD"),
    ],
)
def test_vague_lengths_are_durations_of_no_stated_count(text: str, value: str, timex: str) -> None:
    found = resolve(text, Context(anchor=ANCHOR), Tense.PAST)
    assert found is not None and found.vague
    assert (found.value, found.timex_type, found.timex_value) == (value, "DURATION", timex)


@pytest.mark.parametrize(
    ("text", "tense", "value", "timex"),
    [
        ("within days", Tense.FUTURE, "FUTURE_REF", "PXD"),
        ("within a few weeks", Tense.PRESENT, "FUTURE_REF", "PXW"),
        # Told in the past, the bound counts from the time told: still past.
        ("within weeks", Tense.PAST, "PAST_REF", "PXW"),
    ],
)
def test_within_a_unit_of_no_count_is_a_vague_length_from_the_time_told(
    text: str, tense: Tense, value: str, timex: str
) -> None:
    found = resolve(text, Context(anchor=ANCHOR), tense)
    assert found is not None and found.vague
    assert (found.value, found.timex_type, found.timex_value) == (value, "DURATION", timex)
    # A counted one is a length from the story's day, as before.
    assert _value("within a year", Tense.FUTURE) == "2024-08-08/P1Y"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("midnight tuesday", "2024-08-06T24:00"),
        ("just before midnight tuesday", "2024-08-06T24:00"),
        # What happened after it happened in the day's first minutes, not at its end.
        ("just after midnight tuesday", "2024-08-06T00:00"),
        ("after midnight on tuesday", "2024-08-06T00:00"),
    ],
)
def test_midnight_ends_its_day_but_just_after_it_starts_it(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("election night", "2023-11-07TNI"), ("christmas night", "2023-12-25TNI")],
)
def test_a_part_of_a_holidays_day_is_on_that_day(text: str, value: str) -> None:
    # "Election night" is the night of Election Day, which names its day only with "day".
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("exactly a year ago", "2023-08-08"), ("exactly a decade ago", "2014-08-08")],
)
def test_exactly_a_count_ago_is_to_the_day(text: str, value: str) -> None:
    assert _value(text) == value


def test_a_vague_word_alone_stays_a_date() -> None:
    found = resolve("recently", Context(anchor=ANCHOR), Tense.PAST)
    assert found is not None and (found.timex_type, found.timex_value) == ("DATE", "PAST_REF")


def test_later_told_in_the_past_is_still_past() -> None:
    assert _value("later", Tense.PAST) == "PAST_REF"
    assert _value("later", Tense.FUTURE) == "FUTURE_REF"


def test_a_clock_time_told_in_the_past_is_on_the_day_the_story_reports() -> None:
    ctx = Context(anchor=ANCHOR)
    # No day named: the anchor's.
    assert _value("about 4:30 a.m.", Tense.PAST) == "2024-08-08T04:30"
    ctx.remember(day(date(2024, 8, 7)))  # "the rally on Wednesday", a Thursday paper
    ctx.block = 3
    found = resolve("about 4:30 a.m.", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-07T04:30"
    # Ahead, it is still the anchor's day ("will speak at 10 a.m.").
    found = resolve("10 a.m.", ctx, Tense.FUTURE)
    assert found is not None and found.value == "2024-08-08T10:00"


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        # Told in the past, after the 9:30 a.m. the page came out: the night before.
        ("about 11 p.m.", Tense.PAST, "2024-08-07T23:00"),
        ("midnight", Tense.PAST, "2024-08-07T24:00"),
        ("the evening", Tense.PAST, "2024-08-07TEV"),
        # Before it, ahead, or in the working day (a later version's news, maybe): the
        # page's own day.
        ("8 a.m.", Tense.PAST, "2024-08-08T08:00"),
        ("3:30 p.m.", Tense.PAST, "2024-08-08T15:30"),
        ("the morning", Tense.PAST, "2024-08-08TMO"),
        ("11 p.m.", Tense.FUTURE, "2024-08-08T23:00"),
    ],
)
def test_a_past_clock_after_the_pages_own_time_was_the_day_before(
    text: str, tense: Tense, value: str
) -> None:
    ctx = Context(anchor=ANCHOR, anchor_time=time(9, 30))
    found = resolve(text, ctx, tense)
    assert found is not None and found.value == value


def test_a_past_midnight_with_no_day_is_the_one_the_pages_day_began_with() -> None:
    # "Police were called around midnight": the midnight ending the page's own day is
    # still to come, whatever time the page gives, or none.
    for anchor_time in (None, time(22, 0)):
        found = resolve("around midnight", Context(ANCHOR, anchor_time=anchor_time), Tense.PAST)
        assert found is not None and found.value == "2024-08-07T24:00"
    found = resolve("midnight", Context(ANCHOR), Tense.FUTURE)
    assert found is not None and found.value == "2024-08-08T24:00"


def test_a_past_clock_on_a_day_the_paragraph_names_keeps_that_day() -> None:
    # "On Thursday, ... At 11 p.m. the polls closed": the page named its own day.
    ctx = Context(anchor=ANCHOR, anchor_time=time(9, 30))
    ctx.remember(day(ANCHOR))
    found = resolve("11 p.m.", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-08T23:00"
    # "Was killed Thursday evening ... around 7:15 p.m.", in a paper stamped 1:58 a.m.
    ctx = Context(anchor=ANCHOR, anchor_time=time(1, 58))
    ctx.remember(with_time(day(ANCHOR), "TEV"))
    found = resolve("around 7:15 p.m.", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-08T19:15"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7 aug 2024 09:15:00", "2024-08-07T09:15"),
        ("2024-08-07t17:00:05", "2024-08-07T17:00:05"),
        ("7 aug 2024 21:49:53", "2024-08-07T21:49:53"),
    ],
)
def test_a_stamps_clock_keeps_its_seconds_in_the_value(text: str, value: str) -> None:
    # TIMEX3 writes the second a stamp gives; ":00" adds nothing to the minute.
    assert _value(text) == value


@pytest.mark.parametrize("text", ["1:02:53", "2:23:07"])
def test_a_length_in_hours_minutes_and_seconds_is_no_time_of_day(text: str) -> None:
    # A race's or a video's length: a stamp's clock has a two-digit hour.
    assert _value(text) is None


@pytest.mark.parametrize(("prep", "value"), [("in", "1995"), ("since", "1995"), (None, None)])
def test_a_short_year_is_a_year_after_a_preposition_only(
    prep: str | None, value: str | None
) -> None:
    # "In '95", "since '95"; alone, "Barbara '51" is a class year and stays unread.
    assert _value("'95", prep=prep) == value


def test_a_zero_padded_number_before_a_clock_opens_no_range() -> None:
    # "Jun 03, 05 - 05:21 am": the "05" is a year; "5 - 7 pm" opens at 5.
    found = CLOCK_RE.search("05 - 05:21 am")
    assert found is not None and found.group("h0") is None
    found = CLOCK_RE.search("5 - 7 pm")
    assert found is not None and found.group("h0") == "5"


@pytest.mark.parametrize("text", ["a second", "a third"])
def test_an_ordinal_after_a_is_no_day_of_the_month(text: str) -> None:
    found = resolve(text, Context(anchor=ANCHOR), Tense.FUTURE)
    assert found is None or found.granularity.value != "day"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The unit next to the date named, whatever date was named before it.
        ("the week before christmas", "2023-W51"),
        ("the day after may 3", "2024-05-04"),
        ("the month after march 3", "2024-04"),
        ("the year after 1995", "1996"),
        ("the weekend before july 4", "2024-W26-WE"),
    ],
)
def test_a_unit_before_or_after_a_date_is_next_to_that_date(text: str, value: str) -> None:
    assert _value(text) == value


def test_a_unit_before_a_date_too_coarse_for_it_is_not_placed_by_it() -> None:
    found = resolve("the day after 1998", Context(anchor=ANCHOR), Tense.PAST)
    assert found is None or found.value != "1999-01-01"


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        # Ahead with no count to date it by: some time to come.
        ("in a year or two", Tense.FUTURE, "FUTURE_REF"),
        ("in a few weeks", Tense.FUTURE, "FUTURE_REF"),
        # Told in the past, "in" measures a length ("rose 5% in a few weeks").
        ("in a few weeks", Tense.PAST, "PXW"),
        ("an hour or two", Tense.PAST, "PTXH"),
    ],
)
def test_a_vague_count_ahead_is_some_time_to_come(text: str, tense: Tense, value: str) -> None:
    assert _value(text, tense) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The year of a full date after "the <part> of/on": it was cut off and read apart,
        # and the day took the story's year.
        ("the morning of March 3, 2021", "2021-03-03TMO"),
        ("the night on March 3, 2021", "2021-03-03TNI"),
        ("the evening of Wednesday, March 3, 2021", "2021-03-03TEV"),
        ("the morning of August 6", "2024-08-06TMO"),
    ],
)
def test_a_part_of_a_named_day_keeps_the_days_year(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(
    ("text", "prep", "lead", "timex"),
    [
        ("years", "for", "the issue has simmered ", "PXY"),
        ("the years", "over", "there were attempts to solve it ", "PXY"),
        ("decades", "for", "they have waited ", "PXDE"),
        ("hours", "for", "she worked there ", "PTXH"),
        ("years", "in", "the river froze for the first time in ", "PXY"),
    ],
)
def test_a_unit_alone_after_for_or_over_is_a_length_of_no_count(
    text: str, prep: str, lead: str, timex: str
) -> None:
    found = resolve(text, Context(anchor=ANCHOR), Tense.PAST, prep, lead=lead)
    assert found is not None
    assert (found.timex_type, found.timex_value) == ("DURATION", timex)


@pytest.mark.parametrize(("text", "prep"), [("years", None), ("the days", "in"), ("years", "of")])
def test_a_unit_alone_without_for_or_over_is_no_length(text: str, prep: str | None) -> None:
    # "Years of experience", "in the days after the attack": the preposition makes it one.
    found = resolve(text, Context(anchor=ANCHOR), Tense.PAST, prep, lead="it was ")
    assert found is None or found.timex_type != "DURATION"


def test_every_step_has_a_name_of_its_own_and_a_reason() -> None:
    names = [step.name for step in STEPS]
    assert len(names) == len(set(names))
    assert all(step.reason for step in STEPS)


def _said(t: str, prep: str | None = None, tense: Tense | None = Tense.PAST) -> Said:
    return Said(t, t, Context(anchor=ANCHOR), tense, prep, "")


def test_a_step_alone_answers_or_hands_on() -> None:
    step = {s.name: s for s in STEPS}
    found = step["to-this-day"].read(_said("this day", prep="to"))
    assert isinstance(found, Resolved) and found.value == "PRESENT_REF"
    assert step["to-this-day"].read(_said("this day", prep="on")) is PASS
    since = step["since"].read(_said("jan. 1", prep="since"))
    assert isinstance(since, Resolved) and (since.start, since.end) == (date(2024, 1, 1), ANCHOR)
    # "Since recently" names no date a stretch could run from.
    assert step["since"].read(_said("recently", prep="since")) is DECLINE


def test_a_step_may_rewrite_what_the_next_reads() -> None:
    said = _said("two weeks' time")
    assert {s.name: s for s in STEPS}["counted-time"].read(said) is PASS
    assert said.t == "two weeks from now"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A count hedged after its figure is read as the count hedged before it.
        ("25 or so years ago", "1999"),
        ("400-odd years ago", "1624"),
        ("thirty-odd years ago", "1994"),
        ("20-plus years ago", "2004"),
        ("20+ years ago", "2004"),
        ("30-odd years", "P30Y"),
        ("6+ hours", "PT6H"),
        # "Or so" after the unit was read before; it still is.
        ("a week or so ago", "2024-W31"),
    ],
)
def test_a_count_hedged_after_its_figure_is_read(text: str, value: str) -> None:
    assert _value(text, Tense.PAST) == value


def test_early_this_morning_is_the_storys_day_after_another_day_was_told() -> None:
    ctx = Context(anchor=ANCHOR, last=day(date(2024, 8, 5)))
    found = resolve("early this morning", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-08TMO"


@pytest.mark.parametrize(
    ("text", "prep", "lead", "value", "years"),
    [
        ("1986-1997", "from", "", "1986", (1986, 1997)),
        # The parse hung no preposition on it; the word before still introduces it.
        ("1986-1997", None, "from ", "1986", (1986, 1997)),
        ("1980-93", "between", "", "1980", (1980, 1993)),
        ("1976-7", "from", "", "1977", (1976, 1977)),
        ("1981-2", "in", "", "1982", (1981, 1982)),
    ],
)
def test_a_run_of_years_a_preposition_introduces_is_read_however_long(
    text: str, prep: str | None, lead: str, value: str, years: tuple[int, int]
) -> None:
    found = resolve(text, Context(anchor=ANCHOR), Tense.PAST, prep, lead)
    assert found is not None and found.value == value
    assert found.start is not None and found.end is not None
    assert (found.start.year, found.end.year) == years


@pytest.mark.parametrize("text", ["1037-1051", "1986-1997", "1976-7"])
def test_a_run_of_years_no_preposition_introduces_stays_unread(text: str) -> None:
    # ("Journal 38(7), 1037-1051": pages.)
    assert _value(text, Tense.PAST) is None
