"""The row list under the side panes and the article list: what it measures and when."""

from __future__ import annotations

from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult

from tui.app import rows
from tui.app.rows import Row, RowList


class _OneList(App[None]):
    def compose(self) -> ComposeResult:
        yield RowList()


def _listing() -> list[Row]:
    return [Row((Text(f"entry {i} " * 8),), key=i, wrap=True) for i in range(200)]


async def test_rows_given_anew_wrap_only_the_lines_not_measured_before(monkeypatch: Any) -> None:
    wrapped: list[str] = []
    real = rows.wrap_points

    def counted(text: str, width: int, limit: int) -> list[int]:
        wrapped.append(text)
        return real(text, width, limit)

    monkeypatch.setattr(rows, "wrap_points", counted)
    app = _OneList()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(RowList)
        pane.set_rows(_listing())
        await pilot.pause()
        first = len(wrapped)
        assert first >= 200
        # The same 200 rows again (the merged briefing is listed anew each time): only
        # the rows drawn on screen are wrapped, for drawing, not the 200 for measuring.
        pane.set_rows(_listing())
        await pilot.pause()
        assert len(wrapped) - first <= pane.size.height
        # The heights are still the lines' own: each row of 8 words takes two lines here.
        assert pane.virtual_size.height == sum(pane._heights) and pane._heights[0] == 2


def test_the_row_memo_gives_back_last_listings_rows_and_keeps_no_others() -> None:
    memo = rows.RowMemo()
    made: list[str] = []

    def build(name: str) -> Row:
        made.append(name)
        return Row((Text(name),), key=name)

    first = [memo.row(name, lambda name=name: build(name)) for name in ("a", "b", "c")]
    memo.listed()
    again = [memo.row(name, lambda name=name: build(name)) for name in ("a", "c", "d")]
    memo.listed()
    assert made == ["a", "b", "c", "d"]
    assert again[0] is first[0] and again[1] is first[2]
    assert len(memo) == 3  # "b" was not listed the last time: let go
    memo.row("b", lambda: build("b"))
    assert made[-1] == "b"


def _row(i: int, words: int = 1) -> Row:
    return Row((Text(f"entry {i} " * words),), key=i, wrap=True)


async def test_a_batch_of_rows_places_them_as_one_at_a_time_does_and_sizes_the_list_once(
    monkeypatch: Any,
) -> None:
    sized: list[int] = []
    real = rows.set_virtual_size

    def counted(view: Any, size: Any) -> None:
        sized.append(size.height)
        real(view, size)

    monkeypatch.setattr(rows, "set_virtual_size", counted)
    app = _OneList()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(RowList)
        pane.set_rows([_row(i) for i in range(3)])
        await pilot.pause()
        one_by_one = RowList()
        await app.mount(one_by_one)
        one_by_one.styles.width = pane.size.width
        one_by_one.set_rows([_row(i) for i in range(3)])
        await pilot.pause()
        # Row 1 now wraps onto two lines, and fifty rows arrive: one batch ...
        changes = {1: _row(1, words=8)} | {i: _row(i) for i in range(3, 53)}
        sized.clear()
        pane.set_rows_at(changes)
        assert len(sized) == 1
        # ... placed exactly as the same changes made one row at a time.
        for index, row in sorted(changes.items()):
            one_by_one.set_row(index, row)
        assert pane._heights == one_by_one._heights and pane._tops == one_by_one._tops
        assert pane._heights[1] == 2 and pane._tops[2] == 3
        assert pane.virtual_size.height == sum(pane._heights) == 54
        assert [pane.row_text(i) for i in range(53)] == [row.lines[0].plain for row in (
            [_row(0), _row(1, words=8), _row(2)] + [_row(i) for i in range(3, 53)])]  # fmt: skip


async def test_a_batch_that_would_leave_a_gap_in_the_list_is_refused() -> None:
    app = _OneList()
    async with app.run_test(size=(40, 20)):
        pane = app.query_one(RowList)
        pane.set_rows([_row(0)])
        with pytest.raises(IndexError, match="gap"):
            pane.set_rows_at({2: _row(2)})


async def test_a_changed_row_out_of_sight_is_not_repainted_now_but_shows_anew_when_scrolled_to(
    monkeypatch: Any,
) -> None:
    app = _OneList()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(RowList)
        pane.set_rows([_row(i) for i in range(100)])
        await pilot.pause()
        asked: list[Any] = []
        real = pane.refresh

        def counted(*regions: Any, **kwargs: Any) -> Any:
            asked.append(regions)
            return real(*regions, **kwargs)

        monkeypatch.setattr(pane, "refresh", counted)
        new_near, new_far = Row((Text("changed near"),), key=5), Row((Text("changed far"),), key=80)
        pane.set_rows_at({5: new_near, 80: new_far})
        # Only the row in sight asks for a repaint.
        assert len(asked) == 1 and asked[0][0].y == pane._tops[5]
        await pilot.pause()
        assert pane.render_line(pane._tops[5]).text.startswith("changed near")
        pane.scroll_to(y=pane._tops[80], animate=False)
        await pilot.pause()
        assert pane.render_line(0).text.startswith("changed far")


class _Listening(_OneList):
    """Keeps the rows each Highlighted message named."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[int] = []

    def on_row_list_highlighted(self, message: RowList.Highlighted) -> None:
        self.said.append(message.index)


async def test_rows_inserted_above_keep_the_highlight_and_the_view_on_the_same_rows() -> None:
    app = _Listening()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(RowList)
        pane.set_rows([_row(i) for i in range(100)])
        pane.highlighted = 60
        await pilot.pause()
        top = pane.scroll_offset.y
        first_shown = pane.render_line(0).text
        app.said.clear()
        pane.insert_rows(10, [_row(1000 + i, words=4) for i in range(3)])  # 2 lines each
        await pilot.pause()
        assert pane.highlighted == 63 and pane.rows[63].key == 60 and app.said == [63]
        assert pane.scroll_offset.y == top + 6 and pane.render_line(0).text == first_shown
        assert pane._tops[64] == pane._tops[63] + 1 and pane.virtual_size.height == 106
        # Below the view and the highlight: neither moves; at the end: appended.
        pane.insert_rows(90, [_row(2000)])
        pane.insert_rows(len(pane.rows), [_row(3000)])
        await pilot.pause()
        assert pane.highlighted == 63 and pane.scroll_offset.y == top + 6
        assert [r.key for r in pane.rows[89:92]] == [86, 2000, 87] and pane.rows[-1].key == 3000


class _BorderedList(App[None]):
    CSS = "RowList { border: round $primary; padding: 0 1; height: 12; }"

    def compose(self) -> ComposeResult:
        yield RowList()


async def test_a_click_highlights_the_row_under_the_pointer_inside_a_border() -> None:
    app = _BorderedList()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(RowList)
        pane.set_rows([Row((Text(f"row {i}"),), key=i) for i in range(30)])
        await pilot.pause()
        inside = pane.content_region
        # The click's y counted from the border: the row below the one clicked was chosen.
        await pilot.click(offset=(inside.x + 1, inside.y + 3))
        assert pane.highlighted == 3
        pane.scroll_to(y=10, animate=False)
        await pilot.pause()
        await pilot.click(offset=(inside.x + 1, inside.y))
        assert pane.highlighted == 10
        # On the border itself: no row.
        await pilot.click(offset=(inside.x + 1, inside.y - 1))
        assert pane.highlighted == 10
