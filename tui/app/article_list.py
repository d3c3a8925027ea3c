"""The list of articles, with "Briefing" (the merged view) first.

Drawn a line at a time from rows rendered once: when one article of a thousand changes
stage, only its row is rendered again, and scrolling costs the same with a thousand rows
as with ten. (Textual's OptionList measures every option again after any change.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.describe import STAGE_GLYPHS, stage_line
from tui.app.text import one_line
from tui.pipeline.model import Article, Stage

# Each row: the title on one line, the site and stage (or the error) on the next.
ROW_HEIGHT = 2
TITLE_CHARS = 200


# Items of a feed are indented under it, so a feed's articles read as one group.
FEED_INDENT = "  "
UNREAD_MARK = "●"


def article_row(article: Article, read: bool | None = None) -> tuple[Text, Text]:
    """A row's two lines. `read`: None when not known (or not an article), else whether
    the reader has opened it before; unread articles are marked and bold."""
    indent = FEED_INDENT if article.feed is not None else ""
    title = Text(f"{indent}{STAGE_GLYPHS[article.stage]} ", style="bold")
    if article.items is not None:
        kind = "OPML" if article.feed_kind == "opml" else "feed"
        title.append(f"▾ {one_line(article.display_title, TITLE_CHARS)}", style="bold")
        count = len(article.items)
        what = "feeds" if article.feed_kind == "opml" else "articles"
        second = Text(f"{indent}  {kind} · {count} {what}", style="dim")
        return title, second
    unread = read is False and article.stage is Stage.DONE and article.error is None
    if unread:
        title.append(f"{UNREAD_MARK} ", style="bold")
    title.append(one_line(article.display_title, TITLE_CHARS), style="bold" if unread else "")
    return title, Text(f"{indent}  ").append_text(stage_line(article))


class ArticleList(ScrollView, can_focus=True):
    """Row 0 is the Briefing entry; row i + 1 is article i. `highlighted` is the row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False),
        Binding("k,up", "move(-1)", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "choose", "Read", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-list--highlight"}
    DEFAULT_CSS = """
    ArticleList { overflow-x: hidden; scrollbar-gutter: stable; }
    ArticleList > .article-list--highlight { background: $block-cursor-blurred-background; }
    ArticleList:focus > .article-list--highlight {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    highlighted: reactive[int] = reactive(0, init=False)

    @dataclass
    class Highlighted(Message):
        """The highlight moved to `row` (0: the Briefing entry)."""

        row: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleList.Highlighted)

    @dataclass
    class Chosen(Message):
        """The reader pressed enter on a row: they want to read it."""

        row: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[tuple[Text, Text]] = [(Text("◆ Briefing", style="bold"), Text(""))]
        self._cache: dict[tuple[int, int, bool, bool], list[Strip]] = {}

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def set_article(self, index: int, article: Article, read: bool | None = None) -> None:
        """Show article `index` as it is now (a new row at the end, or a changed one)."""
        row = index + 1
        if row < len(self._rows):
            self._rows[row] = article_row(article, read)
            self._forget(row)
            self.refresh(self._row_region(row))
        else:
            while len(self._rows) <= row:
                self._rows.append(article_row(article, read))
            self._resize()

    # Drawing -------------------------------------------------------------------------

    def _resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) * ROW_HEIGHT)
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()
        self._resize()

    def _forget(self, row: int) -> None:
        for key in [k for k in self._cache if k[0] == row]:
            del self._cache[key]

    def _row_region(self, row: int) -> Region:
        top = row * ROW_HEIGHT - self.scroll_offset.y
        return Region(0, top, self.size.width, ROW_HEIGHT)

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        row, offset = divmod(line, ROW_HEIGHT)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self._rows):
            return Strip.blank(width, base)
        selected = row == self.highlighted
        key = (row, width, selected, self.has_focus)
        strips = self._cache.get(key)
        if strips is None:
            style = base
            if selected:
                style = base + self.get_component_rich_style("article-list--highlight")
            strips = [self._render_text(text, width, style) for text in self._rows[row]]
            self._cache[key] = strips
        return strips[offset]

    def _render_text(self, text: Text, width: int, style: Style) -> Strip:
        line = text.copy()
        line.truncate(max(1, width - 1), overflow="ellipsis")
        segments = list(line.render(self.app.console)) or [Segment("")]
        return Strip(segments).extend_cell_length(width).apply_style(style)

    # Moving --------------------------------------------------------------------------

    def watch_highlighted(self, old: int, new: int) -> None:
        for row in (old, new):
            self._forget(row)
            self.refresh(self._row_region(row))
        self._scroll_to_row(new)
        self.post_message(self.Highlighted(new))

    def _scroll_to_row(self, row: int) -> None:
        top = row * ROW_HEIGHT
        height = self.scrollable_content_region.height
        y = self.scroll_offset.y
        if top < y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW_HEIGHT > y + height:
            self.scroll_to(y=top + ROW_HEIGHT - height, animate=False)

    def _go(self, row: int) -> None:
        self.highlighted = max(0, min(row, len(self._rows) - 1))

    def action_move(self, delta: int) -> None:
        self._go(self.highlighted + delta)

    def action_first(self) -> None:
        self._go(0)

    def action_last(self) -> None:
        self._go(len(self._rows) - 1)

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // ROW_HEIGHT)
        self._go(self.highlighted + direction * rows)

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.highlighted))

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        row = (event.y + self.scroll_offset.y) // ROW_HEIGHT
        if 0 <= row < len(self._rows):
            self._go(row)
