"""The panes' widths at every terminal width: a pure function, checked without drawing;
then the app resized under the pilot."""

from __future__ import annotations

from tests.server import FixtureServer
from tui.app.layout import LIST_MIN, NARROW_BELOW, TEXT_CHROME, TEXT_MEASURE, pane_widths


def test_every_width_from_80_to_300_columns_is_shared_out_exactly() -> None:
    for width in range(80, 301):
        for steps in range(-6, 7):
            w = pane_widths(width, steps)
            assert w.list + w.text + w.side == width
            assert w.list >= LIST_MIN and w.text >= 30


def test_below_the_breakpoint_the_side_panes_share_the_texts_place() -> None:
    assert pane_widths(80).narrow and pane_widths(NARROW_BELOW - 1).narrow
    assert not pane_widths(NARROW_BELOW).narrow


def test_a_wide_terminal_keeps_the_text_readable_and_gives_the_rest_to_list_and_side() -> None:
    normal, wide = pane_widths(130), pane_widths(200)
    assert wide.text <= TEXT_MEASURE + TEXT_CHROME
    assert wide.list > normal.list and wide.side > normal.side


def test_the_list_moves_with_its_keys_and_stops_at_its_bounds() -> None:
    assert pane_widths(160, 1).list > pane_widths(160).list > pane_widths(160, -1).list
    assert pane_widths(160, -50).list == LIST_MIN
    assert pane_widths(160, 50).list == pane_widths(160, 51).list


async def test_a_resized_terminal_gets_panes_sized_for_its_new_width(
    site: FixtureServer, make_app
) -> None:
    app = make_app([site.page("wire.html")], analysis=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        sidebar, reader = app.query_one("#sidebar"), app.query_one("#reader")
        for width in (120, 200, 100):
            await pilot.resize_terminal(width, 40)
            # A busy machine may take a few frames; the bug kept the old widths for good.
            for _ in range(50):
                await pilot.pause(0.1)
                if sidebar.outer_size.width == pane_widths(width).list:
                    break
            # Sized for the terminal it is now, not the one before (the text ran off it).
            assert sidebar.outer_size.width == pane_widths(width).list, width
            assert reader.region.right <= width, width
