"""The timeline's fields in the JSON and Markdown exports: TIMEX3 type and value, and a
length of time read as one."""

from __future__ import annotations

import json

from tui.pipeline.briefing import Briefing
from tui.pipeline.export import to_json, to_markdown
from tui.pipeline.model import Article, Block, BlockKind, Granularity, Metadata, TimelineEntry


def _briefing() -> Briefing:
    text = "Talks have dragged on for about a month. The market opens every Tuesday."
    article = Article(
        input="https://news.example/t",
        metadata=Metadata(title="Talks"),
        blocks=[Block(BlockKind.PARAGRAPH, text)],
        timeline=[
            TimelineEntry(
                "for about a month", "P1M/2019-11-19", Granularity.MONTH,
                "Talks have dragged on for about a month.", 0, 22, 39,
                range_start="2019-10-19", range_end="2019-11-19",
                timex_type="DURATION", timex_value="P1M",
            ),
            TimelineEntry(
                "every Tuesday", "XXXX-WXX-2", Granularity.DAY,
                "The market opens every Tuesday.", 0, 58, 71,
                timex_type="SET", timex_value="XXXX-WXX-2",
            ),
        ],
    )  # fmt: skip
    return Briefing([article])


def test_json_carries_the_timex3_type_and_value_beside_the_range() -> None:
    [duration, recurring] = json.loads(to_json(_briefing()))["articles"][0]["timeline"]
    assert (duration["timex_type"], duration["timex_value"]) == ("DURATION", "P1M")
    assert duration["value"] == "P1M/2019-11-19"
    assert duration["range"] == ["2019-10-19", "2019-11-19"]
    assert (recurring["timex_type"], recurring["timex_value"]) == ("SET", "XXXX-WXX-2")
    assert recurring["range"] is None


def test_markdown_shows_a_duration_as_a_duration_and_a_set_as_a_recurrence() -> None:
    md = to_markdown(_briefing())
    assert "**about a month, until 19 Nov 2019** — Talks have dragged on" in md
    assert "**every Tuesday** — The market opens every Tuesday." in md


def test_an_entry_without_a_timex_value_exports_its_value() -> None:
    entry = TimelineEntry("Tuesday", "2024-08-06", Granularity.DAY, "On Tuesday.", 0, 3, 10)
    article = Article(input="x", blocks=[Block(BlockKind.PARAGRAPH, "On Tuesday.")],
                      timeline=[entry])  # fmt: skip
    [row] = json.loads(to_json(Briefing([article])))["articles"][0]["timeline"]
    assert (row["timex_type"], row["timex_value"]) == ("DATE", "2024-08-06")


def test_markdown_says_a_date_read_on_a_page_that_gave_none_is_assumed() -> None:
    entry = TimelineEntry("July 21", "2026-07-21", Granularity.DAY, "Out on July 21.", 0, 7, 14,
                          anchor_assumed=True)  # fmt: skip
    article = Article(input="x", blocks=[Block(BlockKind.PARAGRAPH, "Out on July 21.")],
                      timeline=[entry])  # fmt: skip
    md = to_markdown(Briefing([article]))
    assert "- **21 Jul 2026** *(date assumed)* — Out on July 21." in md
    # A date that writes its own year is no guess, whatever the page's date.
    whole = TimelineEntry("July 21, 2026", "2026-07-21", Granularity.DAY, "Out on July 21, 2026.",
                          0, 7, 20, anchor_assumed=True)  # fmt: skip
    article.timeline = [whole]
    assert "- **21 Jul 2026** — Out on July 21, 2026." in to_markdown(Briefing([article]))


def _two_zones() -> Briefing:
    text = "The vote is due at 3 p.m. EDT (1900 GMT) on Tuesday."
    local = TimelineEntry("3 p.m. EDT (1900 GMT) on Tuesday", "2024-08-06T15:00",
                          Granularity.TIME, text, 0, 19, 51, timex_type="TIME")  # fmt: skip
    other = TimelineEntry("1900 GMT", "2024-08-06T19:00", Granularity.TIME, text, 0, 31, 39,
                          timex_type="TIME")  # fmt: skip
    return Briefing([Article(input="https://news.example/v", metadata=Metadata(title="Vote"),
                             blocks=[Block(BlockKind.PARAGRAPH, text)], entities=[],
                             timeline=[local, other]) for _ in range(2)])  # fmt: skip


def test_markdown_gives_a_clock_told_in_two_zones_one_row_where_json_keeps_both() -> None:
    rows = [line for line in to_markdown(_two_zones()).splitlines() if line.startswith("- **")]
    # One row in each article's list, and one for each article across the briefing.
    assert rows == ["- **6 Aug 2024, 15:00** — The vote is due at 3 p.m. EDT (1900 GMT) on "
                    f"Tuesday.{source}" for source in (" [1]", " [2]", "", "")]  # fmt: skip
    article = json.loads(to_json(_two_zones()))["articles"][0]
    assert [e["value"] for e in article["timeline"]] == ["2024-08-06T15:00", "2024-08-06T19:00"]


def test_a_range_said_as_two_dates_is_one_row_and_two_timex3_expressions() -> None:
    from tui.pipeline.timeline import build_timeline

    text = "He was Secretary of State from 1973 until 1977. The strike ran from May 28 to June 3."
    blocks = [Block(BlockKind.PARAGRAPH, text)]
    article = Article(input="x", blocks=blocks, timeline=build_timeline(blocks, "2019-11-18"))
    md = to_markdown(Briefing([article]))
    assert "**1973\u20131977** — He was Secretary of State" in md
    assert "**28 May\u20133 Jun 2019** — The strike ran" in md
    assert "**1977**" not in md and "**3 Jun 2019**" not in md
    rows = json.loads(to_json(Briefing([article])))["articles"][0]["timeline"]
    assert [(r["expression"], r["timex_value"]) for r in rows] == [
        ("1973", "1973"), ("1977", "1977"), ("May 28", "2019-05-28"), ("June 3", "2019-06-03"),
    ]  # fmt: skip
    assert rows[0]["range"] == ["1973-01-01", "1977-12-31"]
    assert [r["runs_to_next"] for r in rows] == [True, False, True, False]
