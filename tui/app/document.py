"""A scrolling document of styled paragraphs, drawn one line at a time.

The text pane used to mount one widget per paragraph: choosing a long article cost a
third of a second of layout before it showed. Here an article is a list of `Paragraph`s,
broken once into lines at the pane's width, and only the lines on screen are drawn, so a
highlight (same characters, same breaks) costs almost nothing until it is seen, even across
thousands of paragraphs or in a page that is one paragraph of a million words.

Highlights (a search's hits, an entity's mentions) lie over the paragraphs' own text rather
than being written into it: a step to the next one redraws the two lines it changes, where
painting a page's 200,000 hits of "the" into its one paragraph again took seconds a step.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.strip import Strip

from tui.app.line_breaks import line_breaks
from tui.app.messages import ArticleOpened
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
    # The article a click on it opens (a numbered line of the Briefing's overview); None
    # for any other paragraph.
    opens: int | None = None


class _Spans:
    """Styled ranges of one paragraph, found by a line's range without walking them all:
    a search for a common word marks hundreds of thousands of places in a page that is one
    paragraph, and each line drawn took every one of them in."""

    def __init__(self, spans: Sequence[Span]) -> None:
        # Rich combines overlapping styles in the spans' given order: kept, as their rank.
        order = sorted(range(len(spans)), key=lambda k: spans[k].start)
        self._spans = [spans[k] for k in order]
        self._ranks = order
        self._starts = [span.start for span in self._spans]
        self._longest = max((span.end - span.start for span in spans), default=0)

    def between(self, start: int, end: int) -> list[tuple[int, Span]]:
        """The spans over characters `start`..`end`, with their ranks, in their order."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        found = [(self._ranks[k], s) for k in range(lo, hi) if (s := self._spans[k]).end > start]
        found.sort(key=lambda pair: pair[0])
        return found


@dataclass
class _Wrapped:
    """One paragraph wrapped to the pane's width: where its lines break, at once (the
    document's height needs them), and each line drawn once it is shown."""

    # Character offset in the paragraph's text where each line starts (the blank line of
    # a gap starts at its end): one per line.
    starts: list[int]
    strips: dict[int, Strip] = field(default_factory=dict)
    spans: _Spans | None = None  # the text's own spans, indexed when a line is first drawn


@dataclass
class _Highlights:
    """Ranges highlighted over the paragraphs' text, by paragraph index; `current`, the
    one the reader is at (paragraph index, start, end), drawn in a style of its own."""

    ranges: dict[int, _Spans]
    current: tuple[int, int, int] | None = None
    current_style: Style | None = None


def fit_label(label: str, counter: str, room: int) -> str:
    """`label` then `counter` in `room` cells, the label cut with an ellipsis where they do
    not fit (a quoted one keeps its closing quote); room for no label keeps the counter."""
    whole = label + counter
    if room <= 0 or cell_len(whole) <= room:
        return whole
    close = "\u201d" if label.endswith("\u201d") else ""
    keep = room - cell_len(counter) - cell_len(close) - 1  # and the ellipsis
    if keep < 1:
        return counter.lstrip(": ")
    return set_cell_size(label[: len(label) - len(close)], keep).rstrip() + "…" + close + counter


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
        self._highlights = _Highlights({})
        # The place the top line shows (paragraph index, character), kept while that line
        # still holds it: a resize there and back brings the same words to the top, where
        # the line number kept showed a paragraph thousands away.
        self._anchor: tuple[int, int] | None = None
        self._seen = (0, 0)  # the top line and height last seen in the current layout
        self._resizing = False
        self._label: tuple[str, str] = ("", "")  # the border's label and counter
        self._label_shown: str | None = None  # the subtitle they made, as Textual keeps it

    # Content --------------------------------------------------------------------------

    def set_paragraphs(self, paragraphs: Sequence[Paragraph], *, keep_place: bool = False) -> None:
        self._paragraphs = list(paragraphs)
        self._index = None
        self._highlights = _Highlights({})
        self._wrapped = []
        self._anchor = None  # an index into the paragraphs replaced
        self._relayout()
        if not keep_place:
            self.scroll_to(0, 0, animate=False)

    def set_highlights(
        self,
        ranges: Mapping[int, Sequence[tuple[int, int]]],
        style: Style,
        current: tuple[int, int, int] | None = None,
        current_style: Style | None = None,
    ) -> None:
        """Highlight `ranges` (character ranges by paragraph index) in `style`, in place of
        any highlighted before; `current` (paragraph index, start, end) in `current_style`."""
        stale = set(self._highlights.ranges) | set(ranges)
        self._highlights = _Highlights(
            {i: _Spans([Span(a, b, style) for a, b in found]) for i, found in ranges.items()},
            current,
            current_style,
        )
        self._redraw(stale)

    def move_highlight(self, current: tuple[int, int, int] | None) -> None:
        """Make another highlighted range the current one: only the paragraphs of the one
        left and the one reached are drawn again."""
        left = self._highlights.current
        self._highlights.current = current
        self._redraw({place[0] for place in (left, current) if place is not None})

    def set_label(self, label: str, counter: str = "") -> None:
        """Show `label` then `counter` (" 2/6", ": no matches") in the border's subtitle,
        the label shortened as the width asks so the counter is always whole: Textual cuts
        the end of a subtitle too long, and a long query took the count with it."""
        self._label = (label, counter)
        self._label_shown = None
        self._fit_label(force=True)

    def _fit_label(self, *, force: bool = False) -> None:
        if not force and (self._label_shown is None or self.border_subtitle != self._label_shown):
            return  # the subtitle was set since by other means
        styles = self.styles
        # Textual's room for a subtitle: the width less two, less a corner and a blank on
        # each side with a border.
        sides = sum(1 for edge in (styles.border_left, styles.border_right) if edge[0])
        room = self.outer_size.width - 2 - 2 * sides
        self.border_subtitle = Text(fit_label(*self._label, room))
        self._label_shown = self.border_subtitle

    def _redraw(self, paragraphs: set[int]) -> None:
        for index in paragraphs:
            if index < len(self._wrapped):
                self._wrapped[index].strips.clear()
        self.refresh()

    def restyle(self) -> None:
        for wrapped in self._wrapped:
            wrapped.strips.clear()
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
        return self._top[index] + max(0, bisect_right(starts, offset) - 1)

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
        region = self.scrollable_content_region
        current = self._current_seen()
        if region.width != self._width:
            place = self._anchor or self._place_at(self._seen[0])
            self._resizing = True  # the clamps of the new height name no place
            try:
                self._wrapped = []
                self._relayout()
                if place is not None:
                    self.scroll_to(y=self.line_of(*place), animate=False)
            finally:
                self._resizing = False
            self._anchor = place
        self._seen = (round(self.scroll_offset.y), region.height)
        if current is not None:
            self._keep_in_view(self.line_of(*current))
        self._fit_label()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._resizing or self.scrollable_content_region.width != self._width:
            return  # Textual clamps the scroll to the new size before the lines are re-broken
        top = round(new_value)
        self._seen = (top, self._seen[1])
        if self._anchor is None or self.line_of(*self._anchor) != top:
            self._anchor = self._place_at(top)

    def _place_at(self, line: int) -> tuple[int, int] | None:
        """The paragraph and character where document line `line` starts."""
        if not self._wrapped:
            return None
        index = max(0, self._paragraph_at(line))
        starts = self._wrapped[index].starts
        return index, starts[min(line - self._top[index], len(starts) - 1)]

    def _current_seen(self) -> tuple[int, int] | None:
        """The current highlight's paragraph and start if the lines last seen showed it."""
        current = self._highlights.current
        if current is None or not self._wrapped or current[0] >= len(self._wrapped):
            return None
        top, height = self._seen
        return current[:2] if top <= self.line_of(*current[:2]) < top + height else None

    def _keep_in_view(self, line: int) -> None:
        """Scroll the least that brings document line `line` on screen."""
        top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
        if line < top:
            self.scroll_to(y=line, animate=False)
        elif line >= top + height > 0:
            self.scroll_to(y=line - height + 1, animate=False)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            # Hidden (another pane maximized): broken at no width, so the next resize
            # breaks them. Left at the old width, a paragraph set meanwhile was never
            # broken, and the pane stayed blank once shown again (review 15).
            self._width = 0
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
        starts = [0, *line_breaks(text, self._text_width(paragraph))]
        if paragraph.gap:
            starts.append(len(text))
        return _Wrapped(starts)

    def _draw_line(self, index: int, row: int) -> Strip:
        """Line `row` of paragraph `index`: its text's own styles, then the highlights."""
        paragraph, wrapped = self._paragraphs[index], self._wrapped[index]
        starts, text = wrapped.starts, paragraph.text
        if paragraph.gap and row == len(starts) - 1:
            return Strip.blank(0)
        start = starts[row]
        end = starts[row + 1] if row + 1 < len(starts) else len(text.plain)
        if wrapped.spans is None:
            wrapped.spans = _Spans(text.spans)
        spans = [span for _, span in wrapped.spans.between(start, end)]
        spans += self._highlighted(index, start, end)
        cut = [
            Span(max(s.start, start) - start, min(s.end, end) - start, s.style)
            for s in spans
            if s.end > start and s.start < end
        ]
        line = Text(text.plain[start:end], style=text.style, spans=cut)
        line.rstrip_end(self._text_width(paragraph))
        console = self.app.console
        lead = paragraph.first if row == 0 else paragraph.rest
        lead_style: Style | None = console.get_style(text.style) if text.style else None
        segments = [Segment(lead, lead_style)] if lead else []
        return Strip(segments + text_segments(line, console))

    def _highlighted(self, index: int, start: int, end: int) -> list[Span]:
        """The highlights over characters `start`..`end` of paragraph `index`, the current
        one last and in its own style alone."""
        marks = self._highlights.ranges.get(index)
        if marks is None:
            return []
        now = self._highlights.current
        if now is None or now[0] != index or now[1] >= end or now[2] <= start:
            return [span for _, span in marks.between(start, end)]
        spans = [span for _, span in marks.between(start, end) if span[:2] != now[1:]]
        if self._highlights.current_style is not None:
            spans.append(Span(now[1], now[2], self._highlights.current_style))
        return spans

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.base_style
        if not self._wrapped or line >= self._top[-1] + len(self._wrapped[-1].starts):
            return Strip.blank(width, base)
        index = max(0, self._paragraph_at(line))
        row = line - self._top[index]
        strips = self._wrapped[index].strips
        strip = strips.get(row)
        if strip is None:
            strip = strips[row] = self._draw_line(index, row)
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)

    def on_click(self, event: events.Click) -> None:
        line = self.clicked_line(event)
        if line is None or not self._wrapped:
            return
        index = self._paragraph_at(line)
        if index < 0 or line - self._top[index] >= len(self._wrapped[index].starts):
            return  # above the first paragraph, or on the blank line after one
        opens = self._paragraphs[index].opens
        if opens is not None:
            self.post_message(ArticleOpened(opens))

    def _paragraph_at(self, line: int) -> int:
        """The paragraph whose lines hold document line `line`."""
        return bisect_right(self._top, line) - 1
