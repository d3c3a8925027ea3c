"""The rows of the article list: feeds as groups, unread articles marked."""

from __future__ import annotations

from tests.app.conftest import SETTLE
from tests.server import FixtureServer
from tui.app.article_list import FEED_INDENT, UNREAD_MARK
from tui.app.article_list import article_row as _row
from tui.pipeline.model import Article, ArticleError, ErrorKind, Metadata, Stage


def article_row(article: Article, read: bool | None = None):
    return _row(0, article, read).lines


def _done(title: str, **fields: object) -> Article:
    return Article(input="https://news.example/a", stage=Stage.DONE,
                   metadata=Metadata(title=title), **fields)  # type: ignore[arg-type]  # fmt: skip


def test_a_feed_row_heads_its_group_and_its_items_are_indented() -> None:
    feed = _done("Kyiv Ledger — War desk", feed_kind="rss", items=[1, 2, 3])
    title, second = article_row(feed)
    assert "Kyiv Ledger — War desk" in title.plain and "feed · 3 articles" in second.plain
    item_title, item_second = article_row(_done("Strikes on the grid", feed=0), read=True)
    assert item_title.plain.startswith(FEED_INDENT) and item_second.plain.startswith(FEED_INDENT)
    assert not article_row(_done("Standalone"))[0].plain.startswith(FEED_INDENT)


def test_unread_articles_are_marked_and_read_ones_are_not() -> None:
    assert UNREAD_MARK in article_row(_done("New"), read=False)[0].plain
    assert UNREAD_MARK not in article_row(_done("Seen"), read=True)[0].plain
    assert UNREAD_MARK not in article_row(_done("Unknown"))[0].plain  # no cache: not known
    failed = _done("Gone", error=ArticleError(ErrorKind.HTTP_STATUS, "gone"))
    assert UNREAD_MARK not in article_row(failed, read=False)[0].plain


def test_a_feed_title_never_carries_escape_sequences() -> None:
    feed = _done("\x1b]52;c;cHduZWQ=\x07Desk\x1b[2J", feed_kind="atom", items=[])
    title, _ = article_row(feed)
    assert "\x1b" not in title.plain and "\x07" not in title.plain and "Desk" in title.plain


_STORY = b"<p>Troops moved toward Kharkiv on Tuesday, officials in Kyiv said of the front.</p>"


async def test_a_title_with_nothing_to_see_is_listed_by_its_address(
    site: FixtureServer, make_app
) -> None:
    # Bidi marks and a zero-width joiner: a title to the extractor, nothing on screen. The
    # list drew an empty first line (and the text pane an empty heading).
    head = "<title>\u200e\u202e\u200d</title>".encode()
    url = site.host_html(b"<html><head>" + head + b"</head><body><article>" + _STORY * 6)
    app = make_app([url], analysis=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(SETTLE)
        first_line = app.article_list.rows[app.article_list.row_of(0)].lines[0].plain
        assert url in first_line
        await pilot.press("j")
        await app.wait_settled(SETTLE)
        assert app.article_view.plain.lstrip().startswith(url)
