"""Same-site recurring blocks: cut as a function of which articles are in the briefing,
never of the order they arrived in."""

from __future__ import annotations

import random

from tui.pipeline.briefing import Briefing
from tui.pipeline.model import Article, Block, BlockKind, RemovedBlock, Stage

STORY = [f"Paragraph {n} of the harbour story, with its own facts and quotes." for n in range(8)]
FOOTER = "The Herald is an independent newsroom funded by its readers."


def _extracted(briefing: Briefing, url: str, *texts: str) -> Article:
    article = briefing.add(url)
    article.url = url
    article.blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
    return article


def _read(briefing: Briefing, article: Article) -> list[Article]:
    original, changed = briefing.read(article)
    assert original is None
    return changed


def test_recurring_block_is_cut_from_every_same_site_article_once_per_article() -> None:
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", "The barrier closed.", FOOTER, FOOTER)
    assert _read(briefing, one) == []  # alone: nothing recurs, even twice inside it
    other = _extracted(briefing, "https://www.herald.example/b", "It reopened.", FOOTER.upper())
    third = _extracted(briefing, "https://elsewhere.example/c", "Elsewhere.", FOOTER)
    changed = _read(briefing, other)
    assert _read(briefing, third) == []  # another site: not a template of this one
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
    assert _read(briefing, first) == []
    assert _read(briefing, update) == []
    assert len(update.blocks) == len(STORY) + 2 and len(first.blocks) == len(STORY) + 1


def test_reset_forgets_what_an_article_held_and_gives_back_the_others_text() -> None:
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", "First story.", FOOTER)
    two = _extracted(briefing, "https://herald.example/b", "Second story.", FOOTER)
    _read(briefing, one)
    _read(briefing, two)
    assert [b.text for b in two.blocks] == ["Second story."]
    changed = briefing.reset(one)
    assert one.stage is Stage.QUEUED and one.blocks == [] and one.url is None
    assert changed == [two] and [b.text for b in two.blocks] == ["Second story.", FOOTER]
    assert two.removed == []


def test_reset_forgets_only_that_article_even_when_another_looks_the_same() -> None:
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", "First story.", FOOTER)
    twin = _extracted(briefing, "https://herald.example/a2", "First story.", FOOTER)
    _read(briefing, one)
    briefing.reset(twin)  # equal fields to `one` until reset; never read, so holds nothing
    other = _extracted(briefing, "https://herald.example/b", "Second story.", FOOTER)
    changed = _read(briefing, other)
    assert {id(a) for a in changed} == {id(one), id(other)}
    assert twin.blocks == []


def test_recurring_cut_shifts_the_positions_of_earlier_cuts() -> None:
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", FOOTER, "The barrier closed.", "Later.")
    one.removed = [
        RemovedBlock(BlockKind.PARAGRAPH, "JOIN US", "call to action", "social-cta", 2),
        RemovedBlock(BlockKind.PARAGRAPH, "Ad", "advertisement label", "ad-label", 3),
    ]
    _read(briefing, one)
    other = _extracted(briefing, "https://herald.example/b", "It reopened.", FOOTER)
    _read(briefing, other)
    assert [b.text for b in one.blocks] == ["The barrier closed.", "Later."]
    assert [(r.text, r.position) for r in one.removed] == [
        (FOOTER, 0),
        ("JOIN US", 1),  # still between "The barrier closed." and "Later."
        ("Ad", 2),  # still after the last block
    ]
    assert [(r.text, r.position) for r in other.removed] == [(FOOTER, 1)]


def _site_pages(rng: random.Random) -> list[tuple[str, list[str]]]:
    """Pages of one site: their own paragraphs, some template lines, a few story copies."""
    template = [f"Template line {n} of the site." for n in range(4)]
    pages = []
    for n in range(9):
        own = [f"Story {n} paragraph {k}." for k in range(rng.randint(1, 6))]
        extra = rng.sample(template, rng.randint(0, 3))
        if n % 4 == 3:  # an update of the previous story: mostly the same paragraphs
            own = [*pages[-1][1], f"Update {n}."]
        pages.append((f"https://herald.example/{n}", own + extra))
    return pages


def _final(pages: list[tuple[str, list[str]]], order: list[int]) -> dict[str, tuple]:
    briefing = Briefing()
    articles = {url: _extracted(briefing, url, *texts) for url, texts in pages}
    for i in order:
        _read(briefing, articles[pages[i][0]])
    return {
        url: ([b.text for b in a.blocks], [(r.text, r.position) for r in a.removed])
        for url, a in articles.items()
    }


def test_the_same_articles_give_the_same_cuts_in_any_arrival_order() -> None:
    rng = random.Random(7)
    for _ in range(5):
        pages = _site_pages(rng)
        expected = _final(pages, list(range(len(pages))))
        assert any(removed for _, removed in expected.values()), "the case must cut something"
        for _ in range(6):
            order = list(range(len(pages)))
            rng.shuffle(order)
            assert _final(pages, order) == expected


def test_each_block_is_compared_as_written_once_however_many_same_site_articles_come(
    monkeypatch,
) -> None:
    # Every arrival derives the cuts of all same-site articles again; a long article's
    # thousands of blocks must not be worked over again each time (the app froze for
    # seconds with 16 long articles of one site).
    from tui.pipeline import recurring

    calls = 0
    real = recurring.normalise_block_text

    def counted(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(recurring, "normalise_block_text", counted)
    briefing = Briefing()
    blocks = 0
    for n in range(6):
        texts = [f"Story {n}, paragraph {k}." for k in range(20)] + [FOOTER]
        blocks += len(texts)
        _read(briefing, _extracted(briefing, f"https://herald.example/{n}", *texts))
    assert calls == blocks


def test_articles_reset_and_read_again_end_with_the_cuts_of_their_set() -> None:
    rng = random.Random(11)
    for _ in range(5):
        pages = _site_pages(rng)
        expected = _final(pages, list(range(len(pages))))
        briefing = Briefing()
        articles = {url: _extracted(briefing, url, *texts) for url, texts in pages}
        order = list(range(len(pages)))
        rng.shuffle(order)
        for i in order:
            _read(briefing, articles[pages[i][0]])
        for i in rng.sample(range(len(pages)), 4):  # reloaded: forgotten, then read again
            url, texts = pages[i]
            briefing.reset(articles[url])
            articles[url].url = url
            articles[url].blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
            _read(briefing, articles[url])
        final = {
            url: ([b.text for b in a.blocks], [(r.text, r.position) for r in a.removed])
            for url, a in articles.items()
        }
        assert final == expected


def test_an_article_joining_a_large_site_recuts_only_what_it_shares_anew(monkeypatch) -> None:
    # Each arrival recut every article that held any of its texts: with a template line
    # in every page, 2,000 articles of one site took a minute of the event loop.
    from tui.pipeline import recurring

    briefing = Briefing()
    for n in range(300):
        texts = [f"Story {n}, paragraph {k}." for k in range(5)] + [FOOTER]
        _read(briefing, _extracted(briefing, f"https://herald.example/{n}", *texts))
    recut: list[str] = []
    real = recurring._Site.recurring_in

    def counted(site: recurring._Site, entry: recurring._Entry) -> frozenset[str]:
        recut.append(entry.article.url or "")
        return real(site, entry)

    monkeypatch.setattr(recurring._Site, "recurring_in", counted)
    own = [f"A new story, paragraph {k}." for k in range(5)]
    newcomer = _extracted(
        briefing, "https://herald.example/new", *own, "Story 7, paragraph 2.", FOOTER
    )
    changed = _read(briefing, newcomer)
    # Itself, and the one article that held a text alone until now.
    assert sorted(recut) == ["https://herald.example/7", "https://herald.example/new"]
    assert [b.text for b in newcomer.blocks] == own
    # Article 7 keeps the line: it stands in the middle of its story, and only one other
    # article holds it (`TEMPLATE_HOLDERS`).
    assert {a.url for a in changed} == {"https://herald.example/new"}


def test_a_line_inside_the_story_that_other_articles_hold_is_the_storys_own() -> None:
    # "1/2 cup sugar" in two recipes of one site was cut from both as the site's template.
    briefing = Briefing()
    dishes = ["Lemon cake.", "Plum tart.", "Fig jam."]
    articles = [
        _extracted(
            briefing, f"https://recipes.example/{n}", dish, "1/2 cup sugar", f"{n}h.", FOOTER
        )
        for n, dish in enumerate(dishes)
    ]
    for article in articles:
        _read(briefing, article)
    for n, (article, dish) in enumerate(zip(articles, dishes, strict=True)):
        assert [b.text for b in article.blocks] == [dish, "1/2 cup sugar", f"{n}h."]
        assert [r.text for r in article.removed] == [FOOTER]


def test_recurring_lines_beside_each_other_inside_the_story_are_a_template_insert() -> None:
    insert = ["Download our app.", "Get alerts on your phone."]
    briefing = Briefing()
    one = _extracted(briefing, "https://herald.example/a", "First.", *insert, "Second.")
    two = _extracted(briefing, "https://herald.example/b", "Third.", *insert, "Fourth.")
    _read(briefing, one)
    _read(briefing, two)
    assert [b.text for b in one.blocks] == ["First.", "Second."]
    assert [b.text for b in two.blocks] == ["Third.", "Fourth."]
