"""Generated sentences with numbers of every size where dates and clock times go: the
timeline raises nothing, and every day and clock it shows exists ("23:61", "30 February"
and "99 o'clock" are no times).

Kept fast in the suite (the same few examples on every run). A long run:

    BRIEFING_HYPOTHESIS=long nice .venv/bin/python -m pytest \\
        tests/pipeline/test_timeline_properties.py -q
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.pipeline.model import Block, BlockKind
from tui.pipeline.timeline import build_timeline
from tui.pipeline.timex import entry_label

LONG = os.environ.get("BRIEFING_HYPOTHESIS") == "long"
SETTINGS = settings(
    max_examples=3000 if LONG else 15,
    # The suite runs the same examples every time; a long run searches.
    derandomize=not LONG,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
MONTHS = ["January", "Feb.", "March", "Sept", "December", "Dec"]
UNITS = ["days", "weeks", "months", "years", "hours", "decades", "centuries"]
# Where a number goes: each template takes numbers in the order of its {} fields.
TEMPLATES = [
    "The council met on {} {} {} and will meet again at {}:{} on Monday.",
    "Troops left on {}/{}/{}, officials said at {} o'clock.",
    "Prices rose {} {} ago and will fall within {} {}.",
    "The vote, held {}.{}.{}, was counted by {} p.m. on Tuesday.",
    "In {} the plant opened; by {} it had closed, {} years later.",
    "The {}th century saw the {}s end, and week {} of {} began.",
    "From {}:{} to {}:{} on {} {} the road is shut.",
]


def _number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(0, 99).map(str),
        st.integers(0, 10**6).map(str),
        st.sampled_from(["0", "00", "13", "24", "25", "29", "30", "31", "32", "60", "99"]),
        st.integers(0, 40).map(lambda k: str(10**k)),
    )


@st.composite
def sentences(draw: Any) -> str:
    template = draw(st.sampled_from(TEMPLATES))
    fields = []
    for _ in range(template.count("{}")):
        word = draw(st.one_of(_number(), st.sampled_from(MONTHS), st.sampled_from(UNITS)))
        fields.append(word)
    return template.format(*fields)


@cache
def _nlp() -> Any:
    from tui.pipeline.nlp import load

    return load()


_DAY = re.compile(r"(?<![\dX])(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?")


def _impossible(value: str) -> str | None:
    """What in a TIMEX3 value names no day or no time, if anything."""
    for m in _DAY.finditer(value):
        year, month, day_, hour, minute = m.groups()
        try:
            date(int(year), int(month), int(day_))
        except ValueError:
            return m.group(0)
        if hour is not None and (int(hour) > 24 or int(minute) > 59):
            return m.group(0)
    return None


@SETTINGS
@given(texts=st.lists(sentences(), min_size=1, max_size=4))
def test_generated_dates_and_clocks_give_only_days_and_times_that_exist(
    texts: list[str],
) -> None:
    blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
    docs = list(_nlp().pipe(texts))
    for entry in build_timeline(blocks, "2019-11-18T00:00:00+00:00", docs=docs):
        assert _impossible(entry.value) is None, (entry.expression, entry.value, texts)
        entry_label(entry)
