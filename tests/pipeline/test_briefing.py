"""The briefing's own bookkeeping (`tui/pipeline/briefing.py`), without the app."""

from __future__ import annotations

from tui.pipeline.briefing import Briefing
from tui.pipeline.export import to_markdown
from tui.pipeline.history import snapshot
from tui.pipeline.model import Article, ArticleError, ErrorKind, Stage


def test_a_briefing_is_counted_one_way_in_the_markdown_and_the_history() -> None:
    done = [Article(input=f"https://a.example/{n}", stage=Stage.DONE) for n in range(3)]
    same = Article(input="https://a.example/0?utm=x", stage=Stage.DONE, duplicate_of=0)
    feed = Article(input="https://a.example/feed", stage=Stage.DONE, feed_kind="rss", items=[0])
    gone = Article(
        input="https://a.example/gone",
        stage=Stage.ERROR,
        error=ArticleError(ErrorKind.HTTP_STATUS, "404"),
    )
    loading = Article(input="https://a.example/slow", stage=Stage.FETCHING)
    briefing = Briefing([*done, same, feed, gone, loading])
    tally = briefing.tally()
    # The app said 6 articles (the feed one of them), the Markdown 6, the history 5.
    assert (tally.articles, tally.read, tally.failed, tally.pending, tally.same) == (5, 3, 1, 1, 1)
    assert "5 articles, 3 read, 1 failed, 1 still being read, 1 the same page as another." in (
        to_markdown(briefing)
    )
    kept = snapshot(briefing, {})
    assert (kept["articles"], kept["failed"]) == (5, 1)


def test_a_page_a_reopened_briefing_never_read_is_counted_not_read_not_failed() -> None:
    from tui.pipeline import history

    read = Article(input="https://a.example/read", stage=Stage.DONE)
    gone = Article(
        input="https://a.example/gone",
        stage=Stage.ERROR,
        error=ArticleError(ErrorKind.HTTP_STATUS, "404"),
    )
    never = Article(input="https://a.example/slow", stage=Stage.ERROR, error=history.UNREAD)
    briefing = Briefing([read, gone, never])
    tally = briefing.tally()
    # It was "3 articles, 1 read, 2 failed": a page that never came did not fail.
    assert never.status == "not_read"
    assert (tally.read, tally.failed, tally.not_read) == (1, 1, 1)
    assert tally.words() == "3 articles, 1 read, 1 failed, 1 not read"
    assert "3 articles, 1 read, 1 failed, 1 not read." in to_markdown(briefing)
    # The history, which took it off the failed itself, counts it once, as not read (the
    # page that failed was added to the reopened briefing, and failed only now).
    earlier = history.Entry(
        1,
        "",
        [read.input, never.input],
        failures={never.input: history.UNREAD},
        unread=1,
    )
    kept = snapshot(briefing, {}, earlier)
    assert (kept["articles"], kept["failed"], kept["unread"]) == (3, 1, 1)
