"""Days that name one event, whose year the world knows and the page does not say: the
rule alone on values (no spaCy), then through the stage on whole sentences."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tui.pipeline.model import Block, BlockKind
from tui.pipeline.timeline import build_timeline
from tui.pipeline.timeline.named_days import named_day
from tui.pipeline.timeline.values import day, month

AFTER = date(2004, 6, 1)


def test_the_name_alone_is_the_event_wherever_it_stands() -> None:
    found = named_day(None, "9/11", "Airports changed after 9/11.", AFTER)
    assert found is not None and found.value == "2001-09-11"


def test_a_month_and_day_is_the_event_in_a_sentence_that_speaks_of_it() -> None:
    this_years = day(date(2003, 9, 11))  # what the date rules gave "Sept. 11"
    said = "Security tightened after the Sept. 11 attacks."
    found = named_day(this_years, "Sept. 11", said, AFTER)
    assert found is not None and found.value == "2001-09-11"
    found = named_day(this_years, "September 11", "The lessons of September 11 on terrorism", AFTER)
    assert found is not None and found.value == "2001-09-11"


@pytest.mark.parametrize(
    ("res", "text", "sentence"),
    [
        # No word of the event: a council's meeting, the year the tense points to.
        (day(date(2004, 9, 11)), "September 11", "The council will meet on September 11."),
        # The page wrote its year: it says which one it means.
        (day(date(2003, 9, 11)), "Sept. 11, 2003", "An attack on Sept. 11, 2003 was foiled."),
        # Another day, or not a day at all.
        (day(date(2003, 9, 12)), "Sept. 12", "The attack came on Sept. 12."),
        (month(2003, 9), "September", "The attack came in September."),
        (None, "9/12", "The attack came on 9/12."),
    ],
)
def test_other_days_keep_what_the_rules_gave(res: Any, text: str, sentence: str) -> None:
    assert named_day(res, text, sentence, AFTER) is None


def test_a_page_written_before_the_event_cannot_name_it() -> None:
    before = date(1998, 6, 1)
    res = day(date(1997, 9, 11))
    assert named_day(res, "Sept. 11", "After the Sept. 11 attacks on the embassy", before) is None
    assert named_day(None, "9/11", "Seen on 9/11", before) is None


@pytest.fixture(scope="module")
def nlp() -> Any:
    from tui.pipeline.nlp import load

    return load()


def _values(nlp: Any, anchor: str, text: str) -> dict[str, str]:
    docs = [nlp(text)]
    entries = build_timeline([Block(BlockKind.PARAGRAPH, text)], anchor, docs=docs)
    return {e.expression: e.value for e in entries}


def test_the_stage_dates_the_event_and_leaves_a_meeting_on_the_same_day_alone(nlp: Any) -> None:
    assert _values(nlp, "2004-06-01", "Right after 9/11, they made up their minds.") == {
        "9/11": "2001-09-11"
    }
    assert _values(nlp, "2012-10-14", "Security was tightened after the Sept. 11 attacks.") == {
        "Sept. 11": "2001-09-11"
    }
    assert _values(nlp, "2004-06-01", "The council will meet on September 11.") == {
        "September 11": "2004-09-11"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spaCy reads "9/11" as a number here: told as the event, it is the day.
        ("The recount did not lead inexorably to 9/11, but it did not help.",
         {"9/11": "2001-09-11"}),
        ("No one tied the 2000 recount to the 9/11 attacks.",
         {"2000": "2000", "9/11": "2001-09-11"}),
        # A fraction, and the event's name for a body that bears it, are no day.
        # spaCy calls "the September 11" an event: its year is the table's.
        ("Inspired by news after the September 11 attacks, we invested.",
         {"September 11": "2001-09-11"}),
        ("Scores were 9/11 on the test.", {}),
        ("The 9/11 Commission met.", {}),
    ],
)  # fmt: skip
def test_a_named_day_spacy_takes_for_a_number_is_the_event_where_told_so(
    nlp: Any, text: str, expected: dict[str, str]
) -> None:
    assert _values(nlp, "2012-11-06", text) == expected
