"""Lengths of time, without spaCy: where each lies against the publication date (or
nowhere), and the TIMEX3 value of a length alone."""

from __future__ import annotations

from datetime import date

import pytest

from tui.pipeline.timeline import spans, vocab
from tui.pipeline.timeline.lengths import PLACEMENTS, bare_length, nights_of_shows, resolve_duration
from tui.pipeline.timeline.resolve import resolve
from tui.pipeline.timeline.values import Context, Tense
from tui.pipeline.timeline.vocab import normalise, stated_duration, whole_counts

ANCHOR = date(2024, 8, 8)


def _duration(text: str, tense: Tense | None, prep: str | None) -> tuple[str, str | None]:
    found = resolve_duration(text, Context(anchor=ANCHOR), tense, prep)
    assert found is not None, text
    return found.value, None if found.start is None else found.start.isoformat()


@pytest.mark.parametrize(
    ("text", "tense", "prep", "value", "start"),
    [
        # A perfect runs up to now.
        ("about a month", Tense.PERFECT, "for", "P1M/2024-08-08", "2024-07-08"),
        # A future starts now.
        ("two weeks", Tense.FUTURE, "for", "2024-08-08/P2W", "2024-08-08"),
        # The past: somewhere in the story's past, not against the publication date.
        ("two years", Tense.PAST, "for", "P2Y", None),
        ("two days", Tense.PAST, "within", "P2D", None),
        ("the next three months", Tense.PAST, "over", "P3M", None),
        # An unknown tense is not guessed at for a bare count.
        ("12 weeks", None, "for", "P12W", None),
        # "the past"/"the next" name the anchor as an end, whatever the verb.
        ("the past two years", Tense.PAST, "over", "P2Y/2024-08-08", "2022-08-08"),
        ("the next three months", Tense.FUTURE, "over", "2024-08-08/P3M", "2024-08-08"),
        # A future seen from a recent past ("agreed to pay within the next year").
        ("the next year", Tense.PROSPECTIVE, "within", "2024-08-08/P1Y", "2024-08-08"),
    ],
)
def test_a_length_lies_where_its_tense_puts_it(
    text: str, tense: Tense | None, prep: str, value: str, start: str | None
) -> None:
    assert _duration(text, tense, prep) == (value, start)


def test_every_tense_has_a_placement() -> None:
    assert set(PLACEMENTS) == {*Tense, None}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("six days", "P6D"),
        ("22 months", "P22M"),
        ("two-week", "P2W"),
        ("eight-year", "P8Y"),
        ("two-hour", "PT2H"),
        ("nearly an hour", "PT1H"),
        ("2 1/2 years", "P30M"),
        ("a year and a half", "P18M"),
        ("half an hour", "PT30M"),
        ("a quarter century", "P25Y"),
        ("the first nine months", "P9M"),
        ("an additional year", "P1Y"),
        ("another two weeks", "P2W"),
        ("another 30 minutes", "PT30M"),
        ("thirty seven minutes", "PT37M"),
        ("no more than sixty days", "P60D"),
        ("two decades", "P20Y"),
        ("a two day", "P2D"),  # "a two day rally", as transcripts write it
    ],
)
def test_a_count_of_units_alone_is_a_length(text: str, value: str) -> None:
    # The stage reads text as `normalise` leaves it, fractions counted whole.
    found = bare_length(normalise(text))
    assert found is not None
    assert (found.value, found.timex_type, found.start) == (value, "DURATION", None)


@pytest.mark.parametrize("text", ["the weekend", "two weekends", "the years", "some days",
                                  "six days ago", "0 days",
                                  # Alone, as often some other one: "another month
                                  # associated with a disease".
                                  "another month", "another day",
                                  # A count of more than one takes a plural: a year's quarter.
                                  "the 1988 quarter", "1987 month"])  # fmt: skip
def test_what_is_not_a_plain_count_is_no_length(text: str) -> None:
    assert bare_length(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("a few days", "PXD"), ("several weeks", "PXW"), ("many years", "PXY"),
     ("several minutes", "PTXM"), ("a few hours", "PTXH"), ("hundreds of years", "PXY"),
     ("thousands of years", "PXY"), ("dozens of days", "PXD")],
)  # fmt: skip
def test_a_length_of_no_stated_count_is_vague_and_counts_x(text: str, code: str) -> None:
    found = bare_length(text)
    assert found is not None
    assert (found.value, found.timex_type, found.vague, found.start) == (
        code, "DURATION", True, None,
    )  # fmt: skip


def test_a_length_alone_comes_after_every_other_reading() -> None:
    ctx = Context(anchor=ANCHOR)
    # A count with a direction is a date, not a length.
    found = resolve("six days ago", ctx, Tense.PAST)
    assert found is not None and found.value == "2024-08-02"
    found = resolve("six days", ctx, Tense.PAST)
    assert found is not None and (found.value, found.start) == ("P6D", None)


def test_the_lowest_for_a_count_reaches_back_to_now() -> None:
    found = resolve("two decades", Context(anchor=ANCHOR), Tense.PAST, "for",
                    lead="the jobless rate fell to its lowest figure for")  # fmt: skip
    assert found is not None and found.value == "P20Y/2024-08-08"


def test_another_unit_after_for_is_one_more() -> None:
    ctx = Context(anchor=ANCHOR)
    found = resolve("another year", ctx, Tense.PAST, "for")
    assert found is not None and (found.value, found.timex_type) == ("P1Y", "DURATION")
    assert resolve("another day", ctx, Tense.PAST, "for") is None


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("two and a half years ago", "30 months ago"),
        ("a two-and-a-half-year term", "a 30 months term"),
        ("an hour and a half", "90 minutes"),
        ("1.5 hours", "90 minutes"),
        ("half an hour", "30 minutes"),
        ("a half-hour", "30 minutes"),
        ("three quarters of an hour", "45 minutes"),
        ("a quarter of a century", "25 years"),
        ("half a decade", "5 years"),
        ("half a dozen years", "6 years"),
        ("two centuries", "200 years"),
        ("an 18-century tradition", "an 18-century tradition"),
        # Left as written: a quarter of a year, no whole count one unit down, a measure.
        ("a quarter", "a quarter"),
        ("half a week", "half a week"),
        ("5.85 minutes", "5.85 minutes"),
    ],
)
def test_a_count_with_a_fraction_is_read_as_a_whole_count(text: str, whole: str) -> None:
    assert whole_counts(text) == whole


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("two and a half years", "P2Y6M"),
        ("for the past 2 1/2 years", "P2Y6M"),
        ("an hour and a half", "PT1H30M"),
        ("a day and a half", "P1DT12H"),
        ("half a century", None),  # whole in years: the rules' P50Y stands
        ("half an hour", None),
        ("18 months", None),
    ],
)
def test_timex_writes_a_fraction_as_whole_units_and_the_rest(text: str, code: str | None) -> None:
    assert stated_duration(text) == code


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("an hour or two", "a few hours"),
        ("a year or two ago", "a few years ago"),
        ("two or three weeks", "a few weeks"),
        ("one to three years", "a few years"),
        # The dash between two counts is their "to".
        ("2-3 weeks", "a few weeks"),
        ("30 - 60 seconds", "a few seconds"),
        ("a week or so ago", "a week ago"),
        ("10 minutes or so", "10 minutes"),
        # Not a count of time: left as it is.
        ("one or two things", "one or two things"),
        ("the 2-3 win", "the 2-3 win"),
        ("1-4 p.m.", "1-4 p.m."),
        # A dash between words makes one number; a countdown is no choice.
        ("fifty-two years ago", "fifty-two years ago"),
        ("over thirty-five years", "over thirty-five years"),
        ("14-1 days", "14-1 days"),
    ],
)
def test_a_count_given_as_a_choice_reads_as_a_few_of_its_unit(text: str, read_as: str) -> None:
    assert normalise(text) == read_as


@pytest.mark.parametrize(
    "text",
    [
        "two and a half years", "a two-and-a-half-year term", "a year and a half",
        "six months and a quarter", "2 1/2 years", "1.5 hours", "3.75-day", "0.25 minutes",
        "half an hour", "a half-hour", "an half hour", "three quarters of an hour",
        "three-quarters of a year", "a quarter of a century", "one-quarter hour",
        "half a dozen years", "two dozen hours", "a century", "two centuries",
    ],
)  # fmt: skip
def test_every_fractional_count_passes_the_quick_test_before_its_patterns(text: str) -> None:
    for written in (text, text.upper(), text.title()):
        low = written.lower()
        assert any(rx.search(low) for rx in vocab._FRACTIONAL_COUNTS)
        assert vocab.may_hold_a_fraction(low)
        assert spans._FRACTIONAL_COUNT.search(written)


@pytest.mark.parametrize(
    "text", ["Sales rose in the second half.", "A third-quarter loss.", "Up 2.5% to $3.75."]
)
def test_a_half_or_quarter_of_the_year_and_decimals_are_no_fractional_count(text: str) -> None:
    assert not vocab.may_hold_a_fraction(text.lower())


def test_a_dotless_i_the_spans_pattern_reads_still_passes_the_quick_test() -> None:
    text = "It took 0.5 m\u0131nutes."  # ignoring case, spans' pattern reads it as "minutes"
    assert spans._FRACTIONAL_COUNT.search(text)
    assert vocab.may_hold_a_fraction(text.lower())


@pytest.mark.parametrize(
    ("text", "value"),
    [("three nights", "P3D"), ("83 consecutive nights", "P83D"), ("one night", "P1D")],
)
def test_nights_are_a_length_counted_in_days(text: str, value: str) -> None:
    found = bare_length(normalise(text))
    assert found is not None and found.value == value


@pytest.mark.parametrize(
    ("sentence", "count", "shows"),
    [
        ("The tour ends with two nights at the arena.", "two nights", True),
        ("She sheltered under a rock for three nights.", "three nights", False),
        ("He spent two nights in hospital.", "two nights", False),
        ("It stayed open for 83 consecutive nights.", "83 consecutive nights", False),
        ("Last night the road shut.", "Last night", False),
    ],
)
def test_a_count_of_nights_is_of_shows_unless_told_as_a_length(
    sentence: str, count: str, shows: bool
) -> None:
    assert nights_of_shows(sentence, sentence.index(count), count) is shows
