"""An article in a reader's words (`tui/app/describe.py`), without the app."""

from __future__ import annotations

import pytest

from tui.app.describe import location
from tui.pipeline.model import Article, ArticleError, ErrorKind


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("/home/ana/saved/story.html", "story.html"),
        ("C:\\\\Users\\\\ana\\\\story.html", "story.html"),
        ("file:///home/ana/my%20story.html", "my story.html"),
        ("https://example.org/a/b", "https://example.org/a/b"),
        ("javascript:alert(1)/[b]x", "javascript:alert(1)/[b]x"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
    ],
)
def test_a_local_file_is_shown_by_its_name_and_anything_else_whole(given: str, shown: str) -> None:
    assert location(Article(input=given)) == shown


@pytest.mark.parametrize("given", ["[bold red]notaurl[/] x.html", "/no/such/folder/story.html"])
def test_an_input_that_is_no_address_nor_file_is_shown_whole(given: str) -> None:
    article = Article(input=given, error=ArticleError(ErrorKind.INVALID_INPUT, "no"))
    assert location(article) == given


def test_a_feed_says_how_many_entries_it_did_not_read_and_why() -> None:
    from tui.app.describe import feed_words

    feed = Article(input="https://example.org/feed.xml", feed_kind="rss", items=[1, 2])
    assert feed_words(feed) == "A feed (RSS) of 2 articles, listed under it on the left."
    feed.items_older, feed.items_unlinked = 8, 1
    assert feed_words(feed).endswith(
        "on the left. Not read: 8 older entries (past --per-feed) and 1 entry with no web "
        "address (http or https) or one on your own network."
    )
    feed.items_earlier = 2
    assert (
        "2 articles, listed under it on the left. 2 of them are from before the reload: the "
        "feed no longer lists them. Not read: 8"
    ) in feed_words(feed)
    opml = Article(input="subs.opml", feed_kind="opml", items=[1], items_older=3)
    assert feed_words(opml).endswith("Not read: 3 feeds past the first 500.")
