"""A scrolling document of styled paragraphs, drawn one line at a time.

The text pane used to mount one widget per paragraph: choosing a long article cost a
third of a second of layout before it showed. Here an article is a list of `Paragraph`s,
wrapped once to the pane's width into ready-made lines, and only the lines on screen are
drawn, so showing an article costs a few milliseconds however long it is, and a
highlight re-wraps nothing but its own paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich._wrap import divide_line
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.strip import Strip

from tui.app.rows import LineView, set_virtual_size, text_segments


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document.

    `text` is already safe to show (see `tui.app.text.safe`); `key` names it for
    scrolling and highlighting (an article's block index, say); `first` and `rest` are
    what stands before its first and following lines (a bullet and a hanging indent);
    `gap` adds a blank line after it."""

    text: Text
    key: Hashable = None
    first: str = ""
    rest: str = ""
    gap: bool = True


@dataclass
class _Wrapped:
    """One paragraph wrapped to the pane's width."""

    strips: list[Strip]
    starts: list[int]  # character offset in the paragraph's text where each line starts


class Document(LineView, can_focus=True):
    """Paragraphs wrapped to the width; scrolls by line."""

    # Room is kept for the scrollbar even when the text fits: its arrival would otherwise
    # narrow the lines already wrapped without a resize to say so.
    DEFAULT_CSS = """
    Document { overflow-x: hidden; scrollbar-gutter: stable; }
    """
    # The keys of less and vim, beside the arrows and page keys every scroll view has.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "top", "Top", show=False),
        Binding("G", "bottom", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("ctrl+d", "half_page(1)", "Half a page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._paragraphs: list[Paragraph] = []
        self._wrapped: list[_Wrapped] = []
        self._top: list[int] = []  # first line of each paragraph
        self._width = 0

    # Content --------------------------------------------------------------------------

    def set_paragraphs(self, paragraphs: Sequence[Paragraph], *, keep_place: bool = False) -> None:
        self._paragraphs = list(paragraphs)
        self._wrapped = []
        self._relayout()
        if not keep_place:
            self.scroll_to(0, 0, animate=False)

    def replace_text(self, index: int, text: Text) -> None:
        """Give paragraph `index` new text of the same length (a highlight): only that
        paragraph is wrapped again."""
        old = self._paragraphs[index]
        self._paragraphs[index] = Paragraph(text, old.key, old.first, old.rest, old.gap)
        if self._wrapped:
            height = len(self._wrapped[index].strips)
            self._wrapped[index] = self._wrap(self._paragraphs[index])
            if len(self._wrapped[index].strips) != height:
                self._relayout()
        self.refresh()

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self._paragraphs

    @property
    def plain(self) -> str:
        """The document's text, one paragraph a line (for tests and copying)."""
        return "\n".join(p.first + p.text.plain for p in self._paragraphs)

    def index_of(self, key: Hashable) -> int | None:
        for i, paragraph in enumerate(self._paragraphs):
            if paragraph.key == key:
                return i
        return None

    def line_of(self, index: int, offset: int = 0) -> int:
        """The document line showing character `offset` of paragraph `index`."""
        if not self._wrapped or index >= len(self._wrapped):
            return 0
        starts = self._wrapped[index].starts
        row = max((n for n, start in enumerate(starts) if start <= offset), default=0)
        return self._top[index] + row

    def visible_paragraph(self) -> int | None:
        """The paragraph at the top of the view (for copying "the current paragraph")."""
        y = self.scroll_offset.y
        for i in range(len(self._top) - 1, -1, -1):
            if self._top[i] <= y:
                return i
        return 0 if self._paragraphs else None

    def scroll_to_paragraph(self, index: int, offset: int = 0) -> None:
        """Scroll so the line holding `offset` of paragraph `index` sits near the middle."""
        line = self.line_of(index, offset)
        self.scroll_to(0, max(0, line - self.scrollable_content_region.height // 3), animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_offset.y + direction * step, animate=False)

    # Layout -----------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._wrapped = []
            self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        if self._width != width or len(self._wrapped) != len(self._paragraphs):
            self._width = width
            self._wrapped = [self._wrap(p) for p in self._paragraphs]
        top = 0
        self._top = []
        for wrapped in self._wrapped:
            self._top.append(top)
            top += len(wrapped.strips)
        set_virtual_size(self, Size(width, top))

    def _wrap(self, paragraph: Paragraph) -> _Wrapped:
        console = self.app.console
        indent = max(len(paragraph.first), len(paragraph.rest))
        width = max(1, self._width - indent)
        text = paragraph.text
        lead_style: Style | None = console.get_style(text.style) if text.style else None
        starts = [0, *divide_line(text.plain, width, fold=True)]
        strips: list[Strip] = []
        for n, line in enumerate(text.divide(starts[1:])):
            line.rstrip_end(width)
            lead = paragraph.first if n == 0 else paragraph.rest
            segments = [Segment(lead, lead_style)] if lead else []
            segments += text_segments(line, console)
            strips.append(Strip(segments))
        if not strips:
            strips.append(Strip([Segment(paragraph.first)]))
        if paragraph.gap:
            strips.append(Strip.blank(0))
            starts.append(len(text))
        return _Wrapped(strips, starts)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.base_style
        if not self._wrapped or line >= self._top[-1] + len(self._wrapped[-1].strips):
            return Strip.blank(width, base)
        index = max(0, self._paragraph_at(line))
        strip = self._wrapped[index].strips[line - self._top[index]]
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)

    def _paragraph_at(self, line: int) -> int:
        """The paragraph whose lines hold document line `line`."""
        return bisect_right(self._top, line) - 1
