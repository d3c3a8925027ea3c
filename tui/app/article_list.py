"""The list of articles, with "Briefing" (the merged view) first.

A `RowList`: when one article of a thousand changes stage, only its row is drawn again,
and scrolling costs the same with a thousand rows as with ten.

A feed's items are listed right under it, indented, though the briefing adds them after
every input given before they were known: an article's index never changes (exports and
the history go by it), so its row is looked up (`row_of`), never worked out from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from tui.app.describe import BRIEFING, glyph, reload_failed, stage_line
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


def article_row(
    index: int, article: Article, read: bool | None = None, depth: int | None = None
) -> Row:
    """The title on up to two lines, the site and stage (or the error) on the next.
    `read`: None when not known (or not an article), else whether the reader has opened it
    before; unread articles are marked and bold. `depth`: how many feeds it is listed
    under (an OPML list's feed's items: 2); None: 1 for a feed's item, else 0."""
    if depth is None:
        depth = 0 if article.feed is None else 1
    indent = FEED_INDENT * depth
    title = Text(indent)
    title.append(f"{glyph(article)} ", style="bold")
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
    """Row 0 is the Briefing entry, then one row an article (its key is its index): each
    in the order given, but a feed's items right under the feed, after its earlier ones."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_rows([BRIEFING_ROW])
        self.set_reactive(RowList.highlighted, 0)
        self._order: list[int] = []  # the articles' indices, as listed
        self._row_of: dict[int, int] = {}  # article index -> its row
        self._depth: dict[int, int] = {}  # article index -> how many feeds it is under

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def order(self) -> Sequence[int]:
        """The indices of the articles listed, in the order shown."""
        return self._order

    def row_of(self, index: int) -> int | None:
        """The row of article `index` (or BRIEFING); None while it is not listed yet."""
        return 0 if index == BRIEFING else self._row_of.get(index)

    def index_at(self, row: int) -> int:
        """The index of the article on row `row` (BRIEFING on row 0)."""
        key = self.rows[row].key
        assert isinstance(key, int)
        return key

    def set_article(self, index: int, article: Article, read: bool | None = None) -> None:
        """Show article `index` as it is now: a changed row, or the next new one."""
        self.set_articles([(index, article, read)])

    def set_articles(self, shown: Iterable[tuple[int, Article, bool | None]]) -> None:
        """Show several articles as they are now (index, article, read), new ones in
        index order (each after all those before it): the list is measured once for the
        changed rows, and once for each run of new rows listed together."""
        shown = list(shown)
        new = [index for index, _, _ in shown if index not in self._row_of]
        self._list(new, {index: article.feed for index, article, _ in shown})
        rows = {
            self._row_of[index]: article_row(index, article, read, self._depth[index])
            for index, article, read in shown
        }
        for at, run in _runs(sorted(self._row_of[index] for index in new)):
            self.insert_rows(at, [rows.pop(row) for row in run])
        self.set_rows_at(rows)
        self._show_position()

    def _list(self, new: list[int], feeds: dict[int, int | None]) -> None:
        """Give the `new` articles their places: at the end, or a feed's item at the end
        of what is listed under its feed."""
        first = len(self._order)
        for index in new:
            feed = feeds[index]
            at, depth = len(self._order), 0 if feed is None else 1
            if feed is not None and feed in self._depth:
                depth = self._depth[feed] + 1
                at = self._order.index(feed) + 1
                while at < len(self._order) and self._depth[self._order[at]] >= depth:
                    at += 1
            self._order.insert(at, index)
            self._depth[index] = depth
            first = min(first, at)
        for at in range(first, len(self._order)):
            self._row_of[self._order[at]] = at + 1  # row 0 is the Briefing

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(old, new)
        self._show_position()

    def _show_position(self) -> None:
        # Where the reader is in a long list, as `less` shows it: "12/200".
        articles = len(self.rows) - 1
        row = self.highlighted
        self.border_subtitle = f"{row}/{articles}" if row and articles else ""


def _runs(rows: list[int]) -> Iterator[tuple[int, list[int]]]:
    """Sorted row numbers as runs of consecutive ones: (the first, the run)."""
    run: list[int] = []
    for row in rows:
        if run and row != run[-1] + 1:
            yield run[0], run
            run = []
        run.append(row)
    if run:
        yield run[0], run
