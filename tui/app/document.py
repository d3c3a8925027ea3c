"""A scrolling document of styled paragraphs, drawn one line at a time.

The text pane used to mount one widget per paragraph: choosing a long article cost a
third of a second of layout before it showed. Here an article is a list of `Paragraph`s,
broken once into lines at the pane's width, and a paragraph's lines are drawn only when
one of them is on screen, so a highlight (same characters, same breaks) costs almost
nothing until it is seen, even across thousands of paragraphs.
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
    """One paragraph wrapped to the pane's width: where its lines break, at once (the
    document's height needs them), and the lines drawn, only once one is shown."""

    # Character offset in the paragraph's text where each line starts (the blank line of
    # a gap starts at its end): one per line.
    starts: list[int]
    strips: list[Strip] | None = None


class Document(LineView, can_focus=True):
    """Paragraphs wrapped to the width; scrolls by line."""

    # Room is kept for the scrollbar even when the text fits: its arrival would otherwise
    # narrow the lines already wrapped without a resize to say so.
    DEFAULT_CSS = """
    Document { overflow-x: hidden; scrollbar-gutter: stable; }
    """
    # The keys of less and vim, beside the arrows and page keys every scroll view has.
    BINDINGS: ClassVar[list[BindingType]] = [
        # Home and End as g and G: a scroll view's own glide there read as a lag.
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
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
        # key -> index of the first paragraph with it, built when first asked: a search
        # with thousands of hits looks up each of their paragraphs.
        self._index: dict[Hashable, int] | None = None

    # Content --------------------------------------------------------------------------

    def set_paragraphs(self, paragraphs: Sequence[Paragraph], *, keep_place: bool = False) -> None:
        self._paragraphs = list(paragraphs)
        self._index = None
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
            if text.plain == old.text.plain:
                # Same characters, same breaks: only the drawing is stale. A search with
                # thousands of hits re-broke every paragraph it marked (seconds).
                self._wrapped[index] = _Wrapped(self._wrapped[index].starts)
            else:
                height = len(self._wrapped[index].starts)
                self._wrapped[index] = self._wrap(self._paragraphs[index])
                if len(self._wrapped[index].starts) != height:
                    self._relayout()
        self.refresh()

    def restyle(self) -> None:
        for wrapped in self._wrapped:
            wrapped.strips = None
        super().restyle()

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self._paragraphs

    @property
    def plain(self) -> str:
        """The document's text, one paragraph a line (for tests and copying)."""
        return "\n".join(p.first + p.text.plain for p in self._paragraphs)

    def index_of(self, key: Hashable) -> int | None:
        if self._index is None:
            self._index = {}
            for i, paragraph in enumerate(self._paragraphs):
                self._index.setdefault(paragraph.key, i)
        return self._index.get(key)

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
            top += len(wrapped.starts)
        set_virtual_size(self, Size(width, top))

    def _text_width(self, paragraph: Paragraph) -> int:
        return max(1, self._width - max(len(paragraph.first), len(paragraph.rest)))

    def _wrap(self, paragraph: Paragraph) -> _Wrapped:
        text = paragraph.text.plain
        starts = [0, *divide_line(text, self._text_width(paragraph), fold=True)]
        if paragraph.gap:
            starts.append(len(text))
        return _Wrapped(starts)

    def _draw(self, paragraph: Paragraph, starts: list[int]) -> list[Strip]:
        console = self.app.console
        width = self._text_width(paragraph)
        text = paragraph.text
        lead_style: Style | None = console.get_style(text.style) if text.style else None
        breaks = starts[1:-1] if paragraph.gap else starts[1:]
        strips: list[Strip] = []
        for n, line in enumerate(text.divide(breaks)):
            line.rstrip_end(width)
            lead = paragraph.first if n == 0 else paragraph.rest
            segments = [Segment(lead, lead_style)] if lead else []
            segments += text_segments(line, console)
            strips.append(Strip(segments))
        if paragraph.gap:
            strips.append(Strip.blank(0))
        return strips

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.base_style
        if not self._wrapped or line >= self._top[-1] + len(self._wrapped[-1].starts):
            return Strip.blank(width, base)
        index = max(0, self._paragraph_at(line))
        wrapped = self._wrapped[index]
        if wrapped.strips is None:
            wrapped.strips = self._draw(self._paragraphs[index], wrapped.starts)
        strip = wrapped.strips[line - self._top[index]]
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)

    def _paragraph_at(self, line: int) -> int:
        """The paragraph whose lines hold document line `line`."""
        return bisect_right(self._top, line) - 1
