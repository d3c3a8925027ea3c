"""The TIMEX3 sets a recurring expression names, read without spaCy."""

from __future__ import annotations

import pytest

from tui.pipeline.model import Granularity, TimelineEntry
from tui.pipeline.timeline.sets import resolve_set
from tui.pipeline.timex import entry_label


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("every Tuesday", "XXXX-WXX-2"),
        ("every other Saturday", "XXXX-WXX-6"),
        ("each and every Sunday", "XXXX-WXX-7"),
        ("every night", "XXXX-XX-XXTNI"),
        ("each morning", "XXXX-XX-XXTMO"),
        ("every single day", "P1D"),
        ("every other week", "P2W"),
        ("every second month", "P2M"),
        ("every four years", "P4Y"),
        ("every few years", "PXY"),
        ("every 15 minutes", "PT15M"),
        ("every hour", "PT1H"),
        ("every two hours", "PT2H"),
        # Once a month: the weekday's value (which one of the month the label reads).
        ("the 3rd Sunday of every month", "XXXX-WXX-7"),
        ("on the first Monday of each month", "XXXX-WXX-1"),
        ("every last Friday of the month", "XXXX-WXX-5"),
        ("the second Tuesday evening of each month", "XXXX-WXX-2TEV"),
        # Every part of the day the pattern reads has its code (these raised KeyError, and
        # the article lost its entities and timeline).
        ("every Monday lunchtime", "XXXX-WXX-1TMI"),
        ("Sunday teatimes", "XXXX-WXX-7TAF"),
        ("every Friday suppertime", "XXXX-WXX-5TEV"),
        # A day of every month.
        ("the 15th of every month", "XXXX-XX-15"),
        ("on the first of each month", "XXXX-XX-01"),
        ("the 1st day of every month", "XXXX-XX-01"),
    ],
)
def test_a_recurring_expression_is_the_set_timex3_writes(text: str, value: str) -> None:
    res = resolve_set(text)
    assert res is not None
    assert (res.timex_type, res.value, res.start, res.end) == ("SET", value, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "every other two weeks",  # says no one length
        "every other night",  # one night in two has no TIMEX3 value of its own
        "every few minutes ago",
        "the night",
        "the first Monday of the month",  # this month's, or the one a story names
        "the last Friday of every week",
        "the 1st of the month",  # one month's, or every month's: the words do not say
        "the 32nd of every month",
    ],
)
def test_what_names_no_set_is_not_read_as_one(text: str) -> None:
    assert resolve_set(text) is None


def _set_entry(expression: str, value: str) -> TimelineEntry:
    return TimelineEntry(
        expression=expression, value=value, granularity=Granularity.DAY, sentence=expression,
        block=0, start=0, end=len(expression), timex_type="SET", timex_value=value,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("expression", "value", "label"),
    [
        ("every night", "XXXX-XX-XXTNI", "every night"),
        ("each evening", "XXXX-XX-XXTEV", "every evening"),
        ("every few years", "PXY", "every few years"),
        ("every other Saturday", "XXXX-WXX-6", "every other Saturday"),
        ("every second Tuesday", "XXXX-WXX-2", "every other Tuesday"),
        ("every Saturday", "XXXX-WXX-6", "every Saturday"),
        ("every Monday lunchtime", "XXXX-WXX-1TMI", "every Monday midday"),
        ("every other week", "P2W", "every two weeks"),
        ("the 3rd Sunday of every month", "XXXX-WXX-7", "the 3rd Sunday of every month"),
        ("every final Friday of the month", "XXXX-WXX-5", "the last Friday of every month"),
        (
            "7 pm on the second Tuesday of each month",
            "XXXX-WXX-2T19:00",
            "the second Tuesday of every month, 19:00",
        ),
    ],
)
def test_a_set_is_labelled_as_often_as_the_article_says(
    expression: str, value: str, label: str
) -> None:
    assert entry_label(_set_entry(expression, value)) == label
