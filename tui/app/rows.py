"""A scrolling list of rows drawn one line at a time: the article list and the side panes.

Textual's OptionList measures every option again after any change and asks for a new
layout of the whole screen each time its options are replaced; with a few hundred
entities, choosing an article spent most of its time there. Here each row is wrapped once
for the width, only the lines on screen are drawn, and a new set of rows changes the
scroll size without a layout pass.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich._wrap import divide_line
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

# The measured lines a list keeps, at most this many per row it shows (plus a spare few).
LINE_COUNTS_PER_ROW = 4
LINE_COUNTS_SPARE = 1000


@dataclass(frozen=True)
class Row:
    """One row: its lines, whether it can be highlighted, and a key the owner knows it by.

    Each line is wrapped to the width when `wrap` is True, or to at most `limits[i]`
    lines when `limits` names line i (the rest cut with an ellipsis); otherwise it is one
    line cut with an ellipsis. Wrapped lines after the first are indented by `hang`, so
    they line up after a glyph the first line starts with."""

    lines: tuple[Text, ...]
    key: Hashable = None
    selectable: bool = True
    wrap: bool = False
    limits: tuple[int, ...] = ()
    hang: int = 0

    def limit(self, line: int) -> int:
        """How many screen lines line `line` may take (0: as many as it needs)."""
        if line < len(self.limits):
            return self.limits[line]
        return 0 if self.wrap else 1


class RowMemo:
    """Rows built for the last listing, by a key that names everything a row shows.

    The briefing's merged entities and timeline are given anew on every merge, thousands
    of rows, nearly all listed the time before: making each row's text again (the
    sanitiser, the labels) was most of a listing's cost, on the event loop. Only the rows
    of the last listing are kept, so the memo never outgrows the list."""

    def __init__(self) -> None:
        self._last: dict[Hashable, Row] = {}
        self._now: dict[Hashable, Row] = {}

    def row(self, key: Hashable, build: Callable[[], Row]) -> Row:
        """The row for `key`: the one the last listing built, or `build()`."""
        row = self._now.get(key)
        if row is None:
            row = self._last.get(key)
            if row is None:
                row = build()
            self._now[key] = row
        return row

    def listed(self) -> None:
        """A listing is complete: keep its rows, let the others go."""
        self._last, self._now = self._now, {}

    def __len__(self) -> int:
        return len(self._last)


def wrap_points(text: str, width: int, limit: int) -> list[int]:
    """Where `text` breaks to fit `width` in at most `limit` lines (0: no limit)."""
    if limit == 1:
        return []
    points = divide_line(text, max(1, width), fold=True)
    return points[: limit - 1] if limit else points


def text_segments(text: Text, console: Console) -> list[Segment]:
    """The segments of one line of text, its own style included.

    `Text.render` drops the text's base style when it has no spans (Rich applies it
    elsewhere when it renders a whole Text): a heading's bold was lost until it held a
    highlight. The base style goes in as the first, weakest span instead.
    """
    if text.style:
        text = text.copy()
        text.spans.insert(0, Span(0, len(text), text.style))
        text.style = ""
    return list(text.render(console)) or [Segment("")]


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Give a line-drawn view a new scroll size without asking for a layout of the screen.

    Assigning `virtual_size` refreshes the whole screen's layout, which cost a full redraw
    of every pane each time an article was chosen; a scroll size changes only the view's
    own scrollbars. (Relies on Textual's `_scroll_update`, pinned below textual 9.)
    """
    if size != view.virtual_size:
        view.set_reactive(ScrollView.virtual_size, size)
        view._scroll_update(size)
    view.refresh()


class LineView(ScrollView):
    """A scroll view drawn line by line, asking for its own style once a paint.

    `rich_style` walks the styles of every ancestor; asked for on each of the 30-60 lines
    of a pane's paint, it was a tenth of the app's first frame (four panes, mostly blank
    lines, profiled)."""

    _paint_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None

    @property
    def base_style(self) -> Style:
        """The view's own style: the paint's, or looked up when drawn outside a paint."""
        return self.rich_style if self._paint_style is None else self._paint_style

    def clicked_line(self, event: events.Click) -> int | None:
        """The line of the whole view a click landed on; None on the border or padding
        (the click's own y counts from the border: a bordered list chose the row below
        the one clicked)."""
        at = event.get_content_offset(self)
        return None if at is None else self.scroll_offset.y + at.y

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _: object) -> None:
        self.restyle()

    def restyle(self) -> None:
        """Draw again in the theme's colours: what was drawn and kept is in the old ones
        (a light theme showed the text on the dark theme's background)."""
        self.refresh()


class RowList(LineView, can_focus=True):
    """Rows with a highlight that skips rows that cannot be chosen."""

    # The keys of less and vim too: g / G, ctrl+d / ctrl+u (half a page), space.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False),
        Binding("k,up", "move(-1)", "Up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("ctrl+d", "page(1, 2)", "Half a page down", show=False),
        Binding("ctrl+u", "page(-1, 2)", "Half a page up", show=False),
        Binding("enter", "choose", "Choose", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--highlight"}
    DEFAULT_CSS = """
    RowList { overflow-x: hidden; scrollbar-gutter: stable; }
    RowList > .row-list--highlight { background: $block-cursor-blurred-background; }
    RowList:focus > .row-list--highlight {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    highlighted: reactive[int | None] = reactive(None, init=False)

    @dataclass
    class Highlighted(Message):
        """The highlight moved to row `index`."""

        list: RowList
        index: int

        @property
        def control(self) -> RowList:
            return self.list

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, RowList.Highlighted) and message.list is self.list

    @dataclass
    class Chosen(Message):
        """The reader pressed enter (or clicked) on row `index`."""

        list: RowList
        index: int

        @property
        def control(self) -> RowList:
            return self.list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Row] = []
        self._strips: dict[tuple[int, bool], list[Strip]] = {}  # (row, highlighted) -> lines
        self._heights: list[int] = []
        self._tops: list[int] = []
        self._width = 0
        self._moved = False  # the reader moved the highlight since the rows were replaced
        # How many screen lines a line of text takes, by (text, width, limit): a pane that
        # is given its rows anew (the briefing's merged entities and timeline, tens of
        # thousands of rows for a thousand articles) measures only the lines it has not
        # seen. Wrapping every row again cost over a second a rebuild.
        self._line_counts: dict[tuple[str, int, int], int] = {}

    # Rows -------------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    def row_text(self, index: int) -> str:
        return "\n".join(line.plain for line in self._rows[index].lines)

    def set_rows(self, rows: Sequence[Row], *, keep: bool = True) -> None:
        """Show `rows`. With `keep`, a highlight the reader moved stays on its key if that
        key is still there; otherwise the first row that can be chosen is highlighted, so
        what the pane shows never depends on how the rows arrived."""
        key = self._key_at(self.highlighted) if keep and self._moved else None
        if not keep:
            self._moved = False
        self._rows = list(rows)
        self._strips.clear()
        self._measure()
        target = next(
            (i for i, r in enumerate(self._rows) if key is not None and r.key == key), None
        )
        if target is None:
            target = self._next_selectable(0, 1)
        self.set_reactive(RowList.highlighted, target)
        if not keep:
            self.scroll_to(0, 0, animate=False)

    def set_row(self, index: int, row: Row) -> None:
        """Replace or append one row (only its lines are drawn again)."""
        self.set_rows_at({index: row})

    def set_rows_at(self, changes: Mapping[int, Row]) -> None:
        """Replace or append several rows (appended ones at the end, in order): measured
        once for the batch, and only the changed rows drawn again. A batch of finished
        articles set one row at a time sized the list once per row."""
        count = len(self._rows)
        for index in sorted(changes):
            if index < len(self._rows):
                self._rows[index] = changes[index]
                self._forget(index)
            elif index == len(self._rows):
                self._rows.append(changes[index])
            else:
                raise IndexError(f"row {index} would leave a gap in the list")
        if not self._width or len(self._heights) != count:
            self._measure()
            return
        moved = len(self._rows)  # the first row whose top may have moved
        for index in sorted(changes):
            height = self._height_of(self._rows[index])
            if index >= count:
                self._heights.append(height)
                moved = min(moved, index)
            elif height != self._heights[index]:
                # A title that now wraps: the rows below move, none is measured again.
                self._heights[index] = height
                moved = min(moved, index + 1)
                self._strips.clear()
        if moved < len(self._rows):
            self._place_from(moved)
            return
        height = self.size.height
        for index in changes:
            region = self._row_region(index)
            # A row out of sight is drawn afresh when scrolled to (its lines were
            # forgotten above); asking Textual to repaint it costs as much as one in sight.
            if region.y < height and region.bottom > 0:
                self.refresh(region)

    def insert_rows(self, at: int, rows: Sequence[Row]) -> None:
        """Insert `rows` before row `at` (at the end: append them). The rows from `at` on
        move down; the highlight stays on the row it was on, and the view on what it
        showed, so rows added above do not pull the list away from the reader."""
        if not rows:
            return
        shown_top = self.scroll_offset.y
        above = at < len(self._tops) and self._tops[at] < shown_top
        self._rows[at:at] = rows
        # Drawn lines are kept by row number: those from `at` on are other rows now.
        self._strips = {key: strips for key, strips in self._strips.items() if key[0] < at}
        if not self._width or len(self._heights) != len(self._rows) - len(rows):
            self._measure()
        else:
            added = [self._height_of(row) for row in rows]
            self._heights[at:at] = added
            self._place_from(at)
            if above:
                self.scroll_to(y=shown_top + sum(added), animate=False)
        lit = self.highlighted
        if lit is not None and lit >= at:
            # Still the same row; said again, as a message naming its old place is dropped.
            self.set_reactive(RowList.highlighted, lit + len(rows))
            self.post_message(self.Highlighted(self, lit + len(rows)))

    def _place_from(self, first: int) -> None:
        """Set the tops of rows `first` onward from the heights, and the scroll size."""
        del self._tops[first:]
        top = self._tops[-1] + self._heights[first - 1] if first else 0
        for height in self._heights[first:]:
            self._tops.append(top)
            top += height
        set_virtual_size(self, Size(self._width, top))

    def _key_at(self, index: int | None) -> Hashable:
        if index is None or index >= len(self._rows):
            return None
        return self._rows[index].key

    # Layout -----------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._strips.clear()
            self._measure()

    def _measure(self) -> None:
        self._width = self.scrollable_content_region.width
        if self._width <= 0:
            return
        if len(self._line_counts) > LINE_COUNTS_PER_ROW * len(self._rows) + LINE_COUNTS_SPARE:
            self._line_counts.clear()  # mostly rows no longer shown, or another width
        self._heights = [self._height_of(row) for row in self._rows]
        self._place_from(0)

    def _height_of(self, row: Row) -> int:
        if not row.wrap and not row.limits:
            return len(row.lines)
        width = max(1, self._width - row.hang)
        return sum(
            self._line_count(line.plain, width, row.limit(n)) for n, line in enumerate(row.lines)
        )

    def _line_count(self, text: str, width: int, limit: int) -> int:
        key = (text, width, limit)
        count = self._line_counts.get(key)
        if count is None:
            count = self._line_counts[key] = len(wrap_points(text, width, limit)) + 1
        return count

    def _forget(self, index: int) -> None:
        self._strips.pop((index, True), None)
        self._strips.pop((index, False), None)

    def _row_region(self, index: int) -> Region:
        if index >= len(self._tops):
            return Region(0, 0, self.size.width, self.size.height)
        top = self._tops[index] - self.scroll_offset.y
        return Region(0, top, self.size.width, self._heights[index])

    def _row_at(self, line: int) -> int | None:
        """The row drawn on list line `line`, if any."""
        if not self._tops or line < 0 or line >= self._tops[-1] + self._heights[-1]:
            return None
        return bisect_right(self._tops, line) - 1

    # Drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.base_style
        index = self._row_at(line) if self._width == width else None
        if index is None:
            return Strip.blank(width, base)
        lit = index == self.highlighted
        strips = self._strips.get((index, lit))
        if strips is None:
            style = base
            if lit:
                style = base + self.get_component_rich_style("row-list--highlight")
            strips = self._render_row(self._rows[index], width, style)
            self._strips[(index, lit)] = strips
        offset = line - self._tops[index]
        return strips[offset] if offset < len(strips) else Strip.blank(width, base)

    def _render_row(self, row: Row, width: int, style: Style) -> list[Strip]:
        console = self.app.console
        strips: list[Strip] = []
        inner = max(1, width - row.hang)
        for n, text in enumerate(row.lines):
            limit = row.limit(n)
            pieces = list(text.divide(wrap_points(text.plain, inner, limit)))
            for k, piece in enumerate(pieces):
                line = piece.copy()
                room = width if k == 0 else inner
                line.rstrip_end(room)
                if limit and k == len(pieces) - 1:
                    # The last line allowed: what does not fit is cut, and says so.
                    line.truncate(max(1, room - 1), overflow="ellipsis")
                segments = text_segments(line, console)
                if k and row.hang:
                    segments.insert(0, Segment(" " * row.hang))
                strips.append(Strip(segments).extend_cell_length(width).apply_style(style))
        return strips

    # Moving -----------------------------------------------------------------------------

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self._forget(index)
                self.refresh(self._row_region(index))
        if new is not None:
            self._scroll_to_row(new)
            self.post_message(self.Highlighted(self, new))

    def _scroll_to_row(self, index: int) -> None:
        if index >= len(self._tops):
            return
        top, height = self._tops[index], self._heights[index]
        view = self.scrollable_content_region.height
        y = self.scroll_offset.y
        if top < y:
            # Going up, the header rows right above it come into view with it: "g" in the
            # entities pane showed the first person with no "People" over them.
            first = index
            while first > 0 and not self._rows[first - 1].selectable:
                first -= 1
            self.scroll_to(y=max(self._tops[first], top + height - view), animate=False)
        elif top + height > y + view:
            self.scroll_to(y=top + height - view, animate=False)

    def _next_selectable(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self._rows):
            if self._rows[index].selectable:
                return index
            index += step
        return None

    def _go(self, index: int, step: int) -> None:
        index = max(0, min(index, len(self._rows) - 1))
        target = self._next_selectable(index, step)
        if target is None:
            target = self._next_selectable(index, -step)
        if target is not None:
            self._moved = True
            self.highlighted = target

    def action_move(self, delta: int) -> None:
        start = self.highlighted if self.highlighted is not None else -delta
        self._go(start + delta, 1 if delta > 0 else -1)

    def action_first(self) -> None:
        self._go(0, 1)

    def action_last(self) -> None:
        self._go(len(self._rows) - 1, -1)

    def action_page(self, direction: int, fraction: int = 1) -> None:
        """Move the highlight a page (or 1/`fraction` of one) down or up."""
        current = self.highlighted or 0
        line = self._tops[current] if current < len(self._tops) else 0
        step = max(1, self.scrollable_content_region.height // fraction)
        target = self._row_at(line + direction * step)
        if target is None:
            target = len(self._rows) - 1 if direction > 0 else 0
        self._go(target, direction)

    def action_choose(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Chosen(self, self.highlighted))

    def restyle(self) -> None:
        self._strips.clear()
        super().restyle()

    def on_focus(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        line = self.clicked_line(event)
        index = None if line is None else self._row_at(line)
        if index is not None and self._rows[index].selectable:
            if index == self.highlighted:
                self.post_message(self.Chosen(self, index))
            self._moved = True
            self.highlighted = index
