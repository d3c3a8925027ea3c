"""The side panes on the Briefing entry: a merged briefing that grows is listed at a pace
its cost allows, and the latest merge is always shown in the end."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import App, ComposeResult

from tui.app.analysis_panes import MERGED_GAP, EntitiesPane, MergedView
from tui.app.rows import Row

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
