"""The panes' widths at every terminal width: a pure function, checked without drawing."""

from __future__ import annotations

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
