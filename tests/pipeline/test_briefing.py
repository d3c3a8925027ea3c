from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.server import FixtureServer
from tui.pipeline.briefing import (
    Briefing,
    _share_recurring,
    process_article,
    run,
    timeline_anchor,
)
from tui.pipeline.fetch import make_client
from tui.pipeline.model import Article, Block, BlockKind, ErrorKind, RemovedBlock, Stage
from tui.pipeline.options import Options

TEXT_ONLY = Options(analysis=False)


async def _inputs(*items: str) -> AsyncIterator[str]:
    for item in items:
        yield item


async def _run(*inputs: str, options: Options = TEXT_ONLY) -> Briefing:
    briefing = Briefing()
    await run(briefing, _inputs(*inputs), options)
    return briefing


async def test_stages_are_reported_in_order(site: FixtureServer) -> None:
    briefing = Briefing()
    article = briefing.add(site.page("wire.html"))
    seen: list[Stage] = []
    async with make_client(TEXT_ONLY) as client:
        await process_article(briefing, article, client, TEXT_ONLY, lambda a: seen.append(a.stage))
    assert seen == [Stage.FETCHING, Stage.EXTRACTING, Stage.DONE]
    assert article.blocks and article.metadata.title and article.error is None


async def test_one_bad_input_never_stops_the_others(site: FixtureServer) -> None:
    briefing = await _run(
        site.url("/404"),
        site.page("wire.html"),
        site.url("/pdf"),
        site.page("no_article.html"),
        site.page("blog.html"),
    )
    by_input = {a.input: a for a in briefing.articles}
    assert by_input[site.url("/404")].error.kind is ErrorKind.HTTP_STATUS
    assert by_input[site.url("/pdf")].error.kind is ErrorKind.NOT_HTML
    assert by_input[site.page("no_article.html")].error.kind is ErrorKind.NO_ARTICLE
    for good in ("wire.html", "blog.html"):
        article = by_input[site.page(good)]
        assert article.error is None and article.stage is Stage.DONE and article.blocks


async def test_block_recurring_across_same_site_articles_is_removed(site: FixtureServer) -> None:
    footer = "independent newsroom funded by its readers"
    alone = await _run(site.page("frontline.html"))
    assert any(footer in b.text for b in alone.articles[0].blocks)

    pair = await _run(site.page("frontline.html"), site.page("frontline_followup.html"))
    for article in pair.articles:
        assert not any(footer in b.text for b in article.blocks)
        cut = [r for r in article.removed if r.rule == "recurring"]
        assert len(cut) == 1, "only the footer is shared by these two stories"
        assert footer in cut[0].text and "same site" in cut[0].reason


async def test_recurring_check_is_per_site(site: FixtureServer) -> None:
    briefing = await _run(site.page("frontline.html"), site.page("wire.html"))
    assert not any(r.rule == "recurring" for a in briefing.articles for r in a.removed)


def test_timeline_anchor_falls_back_to_fetch_date_and_says_so() -> None:
    article = Article(input="x", fetched_at="2024-08-09T10:00:00+00:00")
    assert timeline_anchor(article) == ("2024-08-09T10:00:00+00:00", True)
    article.metadata.published = "2024-08-08"
    assert timeline_anchor(article) == ("2024-08-08", False)


async def test_cuts_made_during_extraction_are_kept_with_the_cleaners(site: FixtureServer) -> None:
    briefing = await _run(site.page("frontline.html"))
    (article,) = briefing.articles
    rules = {r.rule for r in article.removed}
    assert "related-link" in rules  # cut while the HTML still showed it was only a link
    assert "social-cta" in rules and "widget" in rules


def _extracted(briefing: Briefing, url: str, *texts: str) -> Article:
    article = briefing.add(url)
    article.url = url
    article.blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
    return article


STORY = [f"Paragraph {n} of the harbour story, with its own facts and quotes." for n in range(8)]
FOOTER = "The Herald is an independent newsroom funded by its readers."


def test_recurring_block_is_cut_from_every_same_site_article_once_per_article() -> None:
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", "The barrier closed.", FOOTER, FOOTER)
    assert _share_recurring(briefing, one) == []  # alone: nothing recurs, even twice inside it
    other = _extracted(briefing, "https://www.herald.example/b", "It reopened.", FOOTER.upper())
    third = _extracted(briefing, "https://elsewhere.example/c", "Elsewhere.", FOOTER)
    changed = _share_recurring(briefing, other)
    assert _share_recurring(briefing, third) == []  # another site: not a template of this one
    assert {id(a) for a in changed} == {id(one), id(other)}
    assert [b.text for b in one.blocks] == ["The barrier closed."]
    assert [r.rule for r in other.removed] == ["recurring"]
    assert [b.text for b in third.blocks] == ["Elsewhere.", FOOTER]


def test_two_copies_of_one_story_keep_their_shared_text() -> None:
    """An update of a story shares most of its paragraphs: that is the article, not boilerplate."""
    briefing = Briefing()
    first = _extracted(briefing, "https://herald.example/live-1", *STORY, FOOTER)
    update = _extracted(
        briefing, "https://herald.example/live-2", "UPDATE: it reopened.", *STORY, FOOTER
    )
    assert _share_recurring(briefing, first) == []
    assert _share_recurring(briefing, update) == []
    assert len(update.blocks) == len(STORY) + 2 and len(first.blocks) == len(STORY) + 1


def test_reset_forgets_what_an_article_held() -> None:
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", "First story.", FOOTER)
    _share_recurring(briefing, one)
    briefing.reset(one)
    assert one.stage is Stage.QUEUED and one.blocks == [] and one.url is None
    two = _extracted(briefing, "https://herald.example/b", "Second story.", FOOTER)
    assert _share_recurring(briefing, two) == []  # the reset article no longer holds the footer


def _neighbours(article: Article, text: str) -> tuple[str, str]:
    """The starts of the kept blocks just before and after a removed block."""
    (r,) = [r for r in article.removed if text in r.text]
    assert r.position is not None and 0 <= r.position <= len(article.blocks)
    before = article.blocks[r.position - 1].text[:20] if r.position else ""
    after = article.blocks[r.position].text[:20] if r.position < len(article.blocks) else ""
    return before, after


async def test_removed_blocks_stand_where_they_were_after_every_cut(site: FixtureServer) -> None:
    pair = await _run(site.page("frontline.html"), site.page("frontline_followup.html"))
    front = next(a for a in pair.articles if a.input.endswith("/frontline.html"))
    assert any(r.rule == "recurring" for r in front.removed)
    assert _neighbours(front, "WHATSAPP") == ("The gamble comes as ", "According to soldier")
    assert _neighbours(front, "spot an error") == ("With Ukrainian force", "The independent inve")
    # The shared footer was the last block; it now stands after the new last one.
    assert _neighbours(front, "independent newsroom") == ("Putin convened his s", "")
    for article in pair.articles:
        known = [r.position for r in article.removed if r.position is not None]
        assert len(known) == len(article.removed)
        assert known == sorted(known), "removed blocks are listed in page order"


def test_recurring_cut_shifts_the_positions_of_earlier_cuts() -> None:
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", FOOTER, "The barrier closed.", "Later.")
    one.removed = [
        RemovedBlock(BlockKind.PARAGRAPH, "JOIN US", "call to action", "social-cta", 2),
        RemovedBlock(BlockKind.PARAGRAPH, "Ad", "advertisement label", "ad-label", 3),
    ]
    _share_recurring(briefing, one)
    other = _extracted(briefing, "https://herald.example/b", "It reopened.", FOOTER)
    _share_recurring(briefing, other)
    assert [b.text for b in one.blocks] == ["The barrier closed.", "Later."]
    assert [(r.text, r.position) for r in one.removed] == [
        (FOOTER, 0),
        ("JOIN US", 1),  # still between "The barrier closed." and "Later."
        ("Ad", 2),  # still after the last block
    ]
    assert [(r.text, r.position) for r in other.removed] == [(FOOTER, 1)]


@pytest.mark.parametrize("bad", ["2024-13-45", "2024-02-30", "0000-00-00"])
def test_impossible_publication_date_falls_back_to_the_fetch_date(bad: str) -> None:
    article = Article(input="x", fetched_at="2024-08-09T10:00:00+00:00")
    article.metadata.published = bad
    assert timeline_anchor(article) == ("2024-08-09T10:00:00+00:00", True)


def test_reset_forgets_only_that_article_even_when_another_looks_the_same() -> None:
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", "First story.", FOOTER)
    twin = _extracted(briefing, "https://herald.example/a", "First story.", FOOTER)
    _share_recurring(briefing, one)
    briefing.reset(twin)  # equal fields to `one` until reset; never read, so holds nothing
    other = _extracted(briefing, "https://herald.example/b", "Second story.", FOOTER)
    assert [a is one for a in _share_recurring(briefing, other)] == [False, True]
