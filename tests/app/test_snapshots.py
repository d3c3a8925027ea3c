"""Snapshots of the main views on the demo articles (local files: no network, no ports in
the picture). Each waits until every article is analysed and drawn, so runs are stable.

Update after an intended change of look: `pytest tests/app/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from tests.app.conftest import SETTLE
from tui.app.analysis_panes import EntitiesPane
from tui.app.main import BriefingApp, create_app
from tui.demo import demo_paths
from tui.pipeline.options import Options


def demo_app() -> BriefingApp:
    return create_app([str(p) for p in demo_paths()], Options())


async def settle(pilot) -> None:
    await pilot.app.wait_settled(SETTLE)


def test_briefing_view(snap_compare):
    assert snap_compare(demo_app(), terminal_size=(130, 36), run_before=settle)


def test_article_with_entity_highlighted(snap_compare):
    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        pane = app.query_one(EntitiesPane)
        await pilot.press("3")
        pane.highlighted = min(pane.choices)
        await pilot.press("enter", "n")
        await settle(pilot)
        await pilot.pause(0.3)

    assert snap_compare(demo_app(), terminal_size=(130, 36), run_before=run_before)


def test_boilerplate_view(snap_compare):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        # The top of the article: the first removed lines stand between its paragraphs.
        await pilot.press("b", "2")
        await pilot.pause(0.3)

    assert snap_compare(demo_app(), terminal_size=(130, 36), run_before=run_before)


def test_readers_comments_view(snap_compare):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        # The end of the second demo article: its last paragraph, then the comments.
        await pilot.press("C", "2", "G")
        await pilot.pause(0.3)

    assert snap_compare(demo_app(), terminal_size=(130, 36), run_before=run_before)


def test_help_screen(snap_compare):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")

    assert snap_compare(demo_app(), terminal_size=(100, 30), run_before=run_before)


def test_narrow_terminal(snap_compare):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run_before)


# Every pane at the sizes readers use: a laptop's 80×24, a split screen's 120×40 and a wide
# monitor's 200×50. The first article is open; then each pane in turn has focus (on a narrow
# terminal the entities and the timeline take the text's place while focused).
SIZES = {"80x24": (80, 24), "120x40": (120, 40), "200x50": (200, 50)}
PANE_KEYS = {"list": "1", "text": "2", "entities": "3", "timeline": "4"}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pane", [*PANE_KEYS, "help"])
def test_every_pane_at_every_size(snap_compare, pane: str, size: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press(PANE_KEYS.get(pane, "question_mark"))
        await pilot.pause(0.3)

    assert snap_compare(demo_app(), terminal_size=SIZES[size], run_before=run_before)
