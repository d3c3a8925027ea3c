"""A briefing: the articles a reader asked for, each carried through every stage, and what
they say together (merged entities and timeline).

`process_article` is the one orchestrator: the app and headless output both call it, so an
article goes through exactly the same steps whichever way it is read.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import httpx

from tui.pipeline.fetch import fetch, make_client
from tui.pipeline.model import (
    Article,
    ArticleError,
    Block,
    BriefingEntity,
    BriefingTimelineEntry,
    ErrorKind,
    FetchedPage,
    Metadata,
    PipelineError,
    RemovedBlock,
    Stage,
)
from tui.pipeline.options import Options

__all__ = ["Briefing", "Options", "analyse", "process_article", "read_page", "run"]

log = logging.getLogger(__name__)

OnChange = Callable[[Article], None]

RECURRING_REASON = "repeated in another article from the same site (site boilerplate)"


@dataclass
class Briefing:
    articles: list[Article] = field(default_factory=list)
    # site -> normalised block text -> the articles of that site holding it; lets each new
    # article find its recurring blocks in time linear in its own length.
    _holders: dict[str, dict[str, list[Article]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def add(self, input: str) -> Article:
        article = Article(input=input)
        self.articles.append(article)
        return article

    def reset(self, article: Article) -> None:
        """Put an article back to QUEUED, forgetting what it held, so it can be read again."""
        # By identity: articles are dataclasses, and `in` would compare them field by field
        # (two queued copies of one URL are equal but are not the same article).
        for holders in self._holders.get(site_key(article), {}).values():
            holders[:] = [a for a in holders if a is not article]
        article.stage = Stage.QUEUED
        article.error = None
        article.url = None
        article.metadata = Metadata()
        article.blocks = []
        article.removed = []
        article.fetched_at = None
        article.entities = None
        article.timeline = None

    def entities(self) -> list[BriefingEntity]:
        from tui.pipeline.entities import merge_entities

        return merge_entities([a.entities for a in self.articles])

    def timeline(self) -> list[BriefingTimelineEntry]:
        from tui.pipeline.timeline import merge_timelines

        return merge_timelines([a.timeline for a in self.articles])


def site_key(article: Article) -> str:
    host = urlsplit(article.url or "").hostname or ""
    return (host.removeprefix("www.") or article.metadata.site or "").lower()


def read_page(page: FetchedPage) -> tuple[Metadata, list[Block], list[RemovedBlock]]:
    """Extract the article from a fetched page and clean it. CPU-bound: call from a thread."""
    from tui.pipeline.clean import clean
    from tui.pipeline.extract import extract

    extracted = extract(page.html, page.url)
    # Extraction already cut what only the HTML shows (link-only headlines, captions); the
    # reader sees those with the cleaner's cuts, so nothing is silently lost, each where
    # it stood in the text that is left.
    kept, removed = clean(extracted.blocks, extracted.metadata, extracted.removed)
    if not kept:
        raise PipelineError(ErrorKind.NO_ARTICLE, "No article text was found on this page.")
    return extracted.metadata, kept, removed


def analyse(article: Article) -> None:
    """Fill entities and timeline from the clean blocks. CPU-bound: call from a thread."""
    from tui.pipeline import nlp
    from tui.pipeline.entities import find_entities
    from tui.pipeline.timeline import build_timeline

    blocks = list(article.blocks)
    docs = nlp.parse_blocks(blocks)  # one parse, shared by both stages
    article.entities = find_entities(blocks, docs)
    anchor, assumed = timeline_anchor(article)
    article.timeline = build_timeline(blocks, anchor, assumed, docs)


def timeline_anchor(article: Article) -> tuple[str, bool]:
    """The date relative expressions resolve against, and whether it was assumed."""
    published = article.metadata.published
    if published and _is_date(published):
        return published, False
    return article.fetched_at or datetime.now(UTC).isoformat(timespec="seconds"), True


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


# Two copies of one story (an update, a syndicated rerun) share most of their text. That
# shared text is the article, not the site's template, so such pairs are not compared.
SAME_STORY_SHARE = 0.5


def _share_recurring(briefing: Briefing, article: Article) -> list[Article]:
    """Move blocks that recur across same-site articles to `removed`; returns who changed."""
    from tui.pipeline.clean import cut, normalise_block_text

    index = briefing._holders.setdefault(site_key(article), {})
    texts = {normalise_block_text(b.text) for b in article.blocks if b.text.strip()}
    shared: dict[str, list[Article]] = {}
    for text in texts:
        holders = index.setdefault(text, [])
        if holders:
            shared[text] = list(holders)
        holders.append(article)
    if not shared:
        return []

    per_peer = Counter(id(p) for holders in shared.values() for p in holders)

    def same_story(peer: Article) -> bool:
        smaller = min(len(article.blocks), len(peer.blocks)) or 1
        return per_peer[id(peer)] / smaller > SAME_STORY_SHARE

    recurring: set[str] = set()
    members: dict[int, Article] = {}
    for text, holders in shared.items():
        peers = [p for p in holders if not same_story(p)]
        if peers:
            recurring.add(text)
            members.update({id(p): p for p in peers})
    if not recurring:
        return []
    changed = []
    for member in [article, *members.values()]:
        doomed = {
            i: (RECURRING_REASON, "recurring")
            for i, b in enumerate(member.blocks)
            if normalise_block_text(b.text) in recurring
        }
        if not doomed or len(doomed) == len(member.blocks):
            continue
        # New lists, never edits in place: the app and analysis notice a change by identity.
        member.blocks, member.removed = cut(member.blocks, doomed, member.removed)
        changed.append(member)
    return changed


async def _analyse_until_settled(article: Article) -> None:
    # Another article of the same site may strip a recurring block while this one is being
    # analysed; the offsets would then point into text that is gone, so analyse again.
    while True:
        blocks = article.blocks
        await asyncio.to_thread(analyse, article)
        if article.blocks is blocks:
            return


async def process_article(
    briefing: Briefing,
    article: Article,
    client: httpx.AsyncClient,
    options: Options,
    on_change: OnChange = lambda _: None,
    fetch_limit: asyncio.Semaphore | None = None,
) -> None:
    """Carry one article through every stage. Never raises for a bad page.

    `fetch_limit` bounds how many fetches run at once across a briefing; only the network
    step waits on it, so a slow analysis never holds up downloads.
    """

    def stage(value: Stage) -> None:
        article.stage = value
        on_change(article)

    try:
        stage(Stage.FETCHING)
        async with fetch_limit or contextlib.nullcontext():
            page = await fetch(article.input, client, options)
        article.url = page.url
        article.fetched_at = page.fetched_at
        stage(Stage.EXTRACTING)
        article.metadata, article.blocks, article.removed = await asyncio.to_thread(read_page, page)
        for other in _share_recurring(briefing, article):
            if other is not article:
                on_change(other)
                if other.stage is Stage.DONE and options.analysis:
                    await _analyse_until_settled(other)
                    on_change(other)
        if options.analysis:
            stage(Stage.ANALYSING)
            await _analyse_until_settled(article)
        stage(Stage.DONE)
    except PipelineError as exc:
        article.error = exc.as_error()
        stage(Stage.ERROR)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # a bug in a stage must cost one article, not the briefing
        log.exception("processing %s failed", article.input)
        article.error = ArticleError(
            ErrorKind.INTERNAL,
            f"briefing hit an internal error on this page ({type(exc).__name__}).",
        )
        stage(Stage.ERROR)


async def run(
    briefing: Briefing,
    inputs: AsyncIterator[str],
    options: Options,
    on_change: OnChange = lambda _: None,
    on_finished: OnChange = lambda _: None,
) -> None:
    """Process inputs as they arrive, at most `options.concurrency` at a time."""
    limit = asyncio.Semaphore(options.concurrency)

    async def one(article: Article, client: httpx.AsyncClient) -> None:
        await process_article(briefing, article, client, options, on_change, limit)
        on_finished(article)

    async with make_client(options) as client, asyncio.TaskGroup() as group:
        async for inp in inputs:
            article = briefing.add(inp)
            on_change(article)
            group.create_task(one(article, client))
