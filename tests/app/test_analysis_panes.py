"""The side panes on the Briefing entry: a merged briefing that grows is listed at a pace
its cost allows, the latest merge is always shown in the end, and a merge given anew
builds rows only for what changed."""

from __future__ import annotations

import time
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult

from tui.app import analysis_panes
from tui.app.analysis_panes import MERGED_GAP, EntitiesPane, MergedView, TimelinePane
from tui.app.rows import Row
from tui.pipeline.briefing import Briefing
from tui.pipeline.model import (
    BriefingEntity,
    BriefingTimelineEntry,
    EntityType,
    Granularity,
    TimelineEntry,
)

LISTING_COST = 0.05  # seconds: a listing as slow as a large briefing's


class _CostlyPane(EntitiesPane):
    listings = 0

    def _source(self) -> object:
        return self.merged

    def _rows_now(self) -> list[Row]:
        type(self).listings += 1
        time.sleep(LISTING_COST)
        return [Row((Text(self.merged.note),), key=self.merged.note)]


class _OnePane(App[None]):
    def compose(self) -> ComposeResult:
        yield _CostlyPane()


async def test_merges_come_faster_than_listings_yet_the_last_one_is_shown() -> None:
    app = _OnePane()
    async with app.run_test(size=(40, 10)) as pilot:
        pane = app.query_one(_CostlyPane)
        await pilot.pause()
        before = _CostlyPane.listings
        started = time.monotonic()
        for n in range(20):  # a merge every 20 ms, as many articles finish
            pane.merged = MergedView(note=f"merge {n}")
            pane.revision += 1  # the counts that change with each finished article
            await pilot.pause(0.02)
        spent = time.monotonic() - started
        listed = _CostlyPane.listings - before
        # No more than one listing per MERGED_GAP listings' worth of time (and the first).
        assert listed <= 1 + spent / (LISTING_COST * (MERGED_GAP + 1)) + 1
        await pilot.pause(LISTING_COST * (MERGED_GAP + 2))
        assert pane.rows[0].key == "merge 19" and not pane.busy


class _BothPanes(App[None]):
    def compose(self) -> ComposeResult:
        yield EntitiesPane(id="entities")
        yield TimelinePane(id="timeline")


def _entities(counts: list[int]) -> list[BriefingEntity]:
    return [
        BriefingEntity(f"Place {n}", EntityType.PLACE, [], {0: count}, "")
        for n, count in enumerate(counts)
    ]


def _timeline(entries: list[TimelineEntry]) -> list[BriefingTimelineEntry]:
    return [BriefingTimelineEntry(entry, n % 2) for n, entry in enumerate(entries)]


def _entry(day: int, block: int) -> TimelineEntry:
    # A sentence of its own for each block: a sentence said again at the same time is one
    # row (`timex.own_rows`), and these count rows.
    sentence = f"It rained on day {day}, in part {block}."
    return TimelineEntry("on Tuesday", f"2024-08-{day:02}", Granularity.DAY, sentence, block, 3, 13)


async def _listed(pilot: Any, *panes: Any) -> None:
    await pilot.pause()
    while any(pane.busy for pane in panes):
        await pilot.pause(0.01)


async def test_a_merge_given_anew_builds_rows_only_for_entries_that_changed(
    monkeypatch: Any,
) -> None:
    built: list[str] = []
    entity_row, timeline_row = analysis_panes._entity_row, analysis_panes._timeline_row

    def counted_entity(*args: Any) -> Row:
        built.append("entity")
        return entity_row(*args)

    def counted_timeline(*args: Any) -> Row:
        built.append("timeline")
        return timeline_row(*args)

    monkeypatch.setattr(analysis_panes, "_entity_row", counted_entity)
    monkeypatch.setattr(analysis_panes, "_timeline_row", counted_timeline)
    briefing = Briefing()
    briefing.add("https://news.example.org/a")
    briefing.add("https://wire.example.net/b")
    app = _BothPanes()
    async with app.run_test(size=(60, 30)) as pilot:
        entities, timeline = app.query_one(EntitiesPane), app.query_one(TimelinePane)
        counts = [3] * 200
        days = [_entry(1 + n % 28, n) for n in range(100)]
        for pane in (entities, timeline):
            pane.briefing = briefing
        entities.merged = MergedView(entities=_entities(counts))
        timeline.merged = MergedView(timeline=_timeline(days))
        await _listed(pilot, entities, timeline)
        assert built.count("entity") == 200 and built.count("timeline") == 100

        # The next merge: every list and object new, one count and one entry changed.
        built.clear()
        counts[7] = 4
        days[5] = _entry(29, 5)
        entities.merged = MergedView(entities=_entities(counts))
        timeline.merged = MergedView(timeline=_timeline(days))
        await _listed(pilot, entities, timeline)
        assert built == ["entity", "timeline"] or built == ["timeline", "entity"]
        shown = [entities.row_text(i) for i in range(len(entities.rows))]
        assert "  Place 7 ×4" in shown and "  Place 7 ×3" not in shown
        assert any("29 Aug 2024" in timeline.row_text(i) for i in range(len(timeline.rows)))
        # Each row still says which site it came from.
        assert "wire.example.net" in timeline.row_text(1)


async def test_a_clock_told_in_two_zones_is_one_row_in_each_articles_timeline() -> None:
    text = "The vote is due at 3 p.m. EDT (1900 GMT) on Tuesday."
    local = TimelineEntry("3 p.m. EDT (1900 GMT) on Tuesday", "2024-08-06T15:00",
                          Granularity.TIME, text, 0, 19, 51, timex_type="TIME")  # fmt: skip
    other = TimelineEntry("1900 GMT", "2024-08-06T19:00", Granularity.TIME, text, 0, 31, 39,
                          timex_type="TIME")  # fmt: skip
    briefing = Briefing()
    briefing.add("https://news.example.org/a")
    briefing.add("https://wire.example.net/b")
    app = _BothPanes()
    async with app.run_test(size=(60, 30)) as pilot:
        timeline = app.query_one(TimelinePane)
        timeline.briefing = briefing
        merged = [BriefingTimelineEntry(e, n) for n in (0, 1) for e in (local, other)]
        timeline.merged = MergedView(timeline=merged)
        await _listed(pilot, timeline)
        shown = [timeline.row_text(i) for i in range(len(timeline.rows))]
        # One row for each article's moment, at its local time; no row at 19:00.
        assert len(shown) == 2 and all("15:00" in row for row in shown), shown
        assert not any("19:00" in row for row in shown)


async def _briefing_timeline_rows(titles: list[str], site: str) -> tuple[str, str]:
    """The Briefing timeline's first two rows, for two articles of these titles from one
    site, each with one entry."""
    from tui.pipeline.model import Metadata

    briefing = Briefing()
    for n, title in enumerate(titles):
        article = briefing.add(f"https://gazette.example.org/{n}")
        article.metadata = Metadata(title=title, site=site)
    app = _BothPanes()
    async with app.run_test(size=(100, 30)) as pilot:
        timeline = app.query_one(TimelinePane)
        timeline.briefing = briefing
        timeline.merged = MergedView(timeline=_timeline([_entry(5, 0), _entry(6, 0)]))
        await _listed(pilot, timeline)
        return timeline.row_text(0), timeline.row_text(1)


async def test_the_briefings_timeline_names_each_rows_article_not_only_its_site() -> None:
    titles = ["Harbour reopens after storm", "Council votes on bridge"]
    first, second = await _briefing_timeline_rows(titles, "The Harbour Gazette")
    # The site alone named neither of two articles from one paper.
    assert "1. Harbour reopens after storm (The Harbour Gazette)" in first
    assert "2. Council votes on bridge (The Harbour Gazette)" in second


async def test_the_briefings_timeline_tells_apart_articles_whose_titles_start_alike() -> None:
    start = "Council approves harbour budget in town hall vote"
    titles = [f"{start} after {word} week" for word in ("a", "b")]
    first, second = await _briefing_timeline_rows(titles, "Gazette")
    # Cut short, the two titles were the same words: the numbers tell them apart.
    assert "1. Council approves" in first and "2. Council approves" in second
