"""A page of several posts: each post is read as of the day its cut date line gives."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tui.pipeline.model import Block, BlockKind, RemovedBlock
from tui.pipeline.stages import AnalysisJob, analyse, date_heads
from tui.pipeline.timeline import build_timeline
from tui.pipeline.timeline.posts import post_days

PAGE_DAY = date(2004, 9, 30)


@pytest.fixture(scope="module")
def nlp() -> Any:
    from tui.pipeline.nlp import load

    return load()


def test_date_lines_above_posts_give_each_post_its_day() -> None:
    heads = [(0, "September 30, 2004"), (3, "Tuesday, September 28, 2004"), (7, "27 Sept 2004")]
    assert post_days(heads, PAGE_DAY) == [
        (0, date(2004, 9, 30)),
        (3, date(2004, 9, 28)),
        (7, date(2004, 9, 27)),
    ]


@pytest.mark.parametrize(
    "heads",
    [
        # One date line is a byline's, no page of posts.
        [(2, "September 28, 2004")],
        # A byline that says more than a day.
        [(0, "Posted by Wren on 14 March 2004"), (4, "Posted by Wren on 12 March 2004")],
        # Dates of a life story, long before the page.
        [(3, "November 28, 1967"), (22, "November 16, 1988")],
        # Out of order: no run of posts.
        [(1, "September 20, 2004"), (4, "September 28, 2004"), (8, "September 22, 2004")],
        # After the page's own day: an event's dates, no posts'.
        [(1, "October 2, 2004"), (4, "October 5, 2004")],
        # A month alone, and the same day twice.
        [(1, "September 2004"), (4, "September 28, 2004"), (6, "September 28, 2004")],
    ],
)
def test_other_date_lines_give_no_post_days(heads: list[tuple[int, str]]) -> None:
    assert post_days(heads, PAGE_DAY) == []


def _blocks() -> list[Block]:
    texts = [
        "The new book is out.",
        "Posted by Hugh at 10:30 AM | Comments (6)",
        "I met the printer yesterday and we talked for hours.",
        "Posted by Hugh at 11:42 PM | Comments (2)",
    ]
    return [Block(BlockKind.PARAGRAPH, t) for t in texts]


def test_a_posts_stamp_and_its_yesterday_count_from_its_own_day(nlp: Any) -> None:
    blocks = _blocks()
    docs = list(nlp.pipe(b.text for b in blocks))
    heads = [(0, "September 30, 2004"), (2, "September 28, 2004")]
    entries = build_timeline(blocks, "2004-09-30", docs=docs, post_heads=heads)
    found = {(e.block, e.expression): e.value for e in entries}
    assert found[(1, "10:30 AM")] == "2004-09-30T10:30"
    assert found[(2, "yesterday")] == "2004-09-27"
    assert found[(3, "11:42 PM")] == "2004-09-28T23:42"
    # Without the date lines, every post is the page's day.
    alone = build_timeline(blocks, "2004-09-30", docs=docs)
    assert {e.value for e in alone if e.expression == "yesterday"} == {"2004-09-29"}


def test_the_analysis_job_carries_the_cut_date_lines_to_the_timeline() -> None:
    removed = [
        RemovedBlock(BlockKind.HEADING, "September 30, 2004", "date line", "byline", 0),
        RemovedBlock(BlockKind.HEADING, "September 28, 2004", "date line", "byline", 2),
        RemovedBlock(BlockKind.PARAGRAPH, "Share this", "widget", "social-cta", 1),
    ]
    heads = date_heads(removed)
    assert heads == ((0, "September 30, 2004"), (2, "September 28, 2004"))
    analysis = analyse(AnalysisJob(_blocks(), "2004-09-30", None, "en", post_heads=heads))
    stamps = [e.value for e in analysis.timeline if e.expression == "11:42 PM"]
    assert stamps == ["2004-09-28T23:42"]
