"""The list of articles, with "Briefing" (the merged view) first.

A `RowList`: when one article of a thousand changes stage, only its row is drawn again,
and scrolling costs the same with a thousand rows as with ten.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text

from tui.app.describe import BRIEFING, STAGE_GLYPHS, reload_failed, stage_line
from tui.app.rows import Row, RowList
from tui.app.text import one_line
from tui.pipeline.kinds import Stage
from tui.pipeline.words import plural

if TYPE_CHECKING:
    from tui.pipeline.model import Article

TITLE_CHARS = 200


# Items of a feed are indented under it, so a feed's articles read as one group.
FEED_INDENT = "  "
UNREAD_MARK = "●"


# The title takes up to this many lines (then it is cut, with an ellipsis); the site and
# stage always one, so a hundred articles stay scannable.
TITLE_LINES = 2
ROW_LIMITS = (TITLE_LINES, 1)


def article_row(index: int, article: Article, read: bool | None = None) -> Row:
    """The title on up to two lines, the site and stage (or the error) on the next.
    `read`: None when not known (or not an article), else whether the reader has opened it
    before; unread articles are marked and bold."""
    indent = FEED_INDENT if article.feed is not None else ""
    title = Text(indent)
    title.append(f"{STAGE_GLYPHS[article.stage]} ", style="bold")
    if article.items is not None:
        kind = "OPML" if article.feed_kind == "opml" else "feed"
        title.append(f"▾ {one_line(article.display_title, TITLE_CHARS)}", style="bold")
        count = len(article.items)
        what = plural(count, "feed") if article.feed_kind == "opml" else plural(count, "article")
        second = Text(f"{indent}  {kind} · {what}{reload_failed(article)}", style="dim")
        return Row((title, second), key=index, limits=ROW_LIMITS, hang=len(indent) + 4)
    unread = read is False and article.stage is Stage.DONE and article.error is None
    if unread:
        title.append(f"{UNREAD_MARK} ", style="bold")
    title.append(one_line(article.display_title, TITLE_CHARS), style="bold" if unread else "")
    second = Text(f"{indent}  ").append_text(stage_line(article))
    hang = len(indent) + 2 + 2 * unread  # continuation lines start under the title's text
    return Row((title, second), key=index, limits=ROW_LIMITS, hang=hang)


BRIEFING_ROW = Row((Text("◆ Briefing", style="bold"), Text("")), key=BRIEFING)


class ArticleList(RowList):
    """Row 0 is the Briefing entry; row i + 1 is article i (its key is i)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_rows([BRIEFING_ROW])
        self.set_reactive(RowList.highlighted, 0)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_article(self, index: int, article: Article, read: bool | None = None) -> None:
        """Show article `index` as it is now: a changed row, or the next new one."""
        self.set_articles([(index, article, read)])

    def set_articles(self, shown: Iterable[tuple[int, Article, bool | None]]) -> None:
        """Show several articles as they are now (index, article, read), new ones in
        order after the last: the list is measured and drawn once for all of them."""
        changes = {index + 1: article_row(index, article, read) for index, article, read in shown}
        self.set_rows_at(changes)
        self._show_position()

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(old, new)
        self._show_position()

    def _show_position(self) -> None:
        # Where the reader is in a long list, as `less` shows it: "12/200".
        articles = len(self.rows) - 1
        row = self.highlighted
        self.border_subtitle = f"{row}/{articles}" if row and articles else ""
