"""A reading session: the briefing, and the machinery that fills it.

One Session owns the HTTP client, the fetch limit, the worker processes and the work in
flight. The headless run and the app both drive a Session, so an article goes through
exactly the same steps whichever way it is read, and both stop the same way: at once,
with every worker process killed, whatever stage an article is in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.pipeline.briefing import Briefing, load_merging
from tui.pipeline.identity import input_key, is_web_address
from tui.pipeline.model import (
    Article,
    ArticleError,
    BriefingEntity,
    BriefingTimelineEntry,
    ErrorKind,
    FetchedFeed,
    FetchedPage,
    PipelineError,
    Stage,
)
from tui.pipeline.options import Options
from tui.pipeline.textsafety import INPUT_CHARS, one_line
from tui.pipeline.workers import StageBug, StageTimeout, WorkerLost, WorkerPool

if TYPE_CHECKING:
    import httpx

    from tui.pipeline.cache import Cache
    from tui.pipeline.feeds import Expansion, ParsedFeed
    from tui.pipeline.history import Reopen
    from tui.pipeline.stages import Analysis, AnalysisJob, Read

log = logging.getLogger(__name__)

R = TypeVar("R")
OnChange = Callable[[Article], None]
Merged = tuple[list[BriefingEntity] | None, list[BriefingTimelineEntry] | None]

# Extracting a page takes milliseconds, a huge one a few seconds: past this it is stuck.
READ_LIMIT = 60.0
# Analysis reads at most stages.MAX_ANALYSED_CHARS (several seconds of parsing, plus the
# model's first load); this only stops a stage that hangs on a busy machine.
ANALYSIS_LIMIT = 180.0
# The history is brought up to date at most this often while a briefing is read, so a run
# that is killed leaves it close to what the reader saw (seconds), and as much less often
# per REMEMBER_SCALE articles: writing 10,000 articles' line took 60 ms of the event loop.
REMEMBER_EVERY = 2.0
REMEMBER_SCALE = 1000


def _ignore(_: Article) -> None:
    pass


def _read_page(page: FetchedPage) -> Read:
    from tui.pipeline.stages import read_page

    return read_page(page)


def _analyse(job: AnalysisJob) -> Analysis:
    from tui.pipeline.stages import analyse

    return analyse(job)


def _parse_feed(feed: FetchedFeed) -> ParsedFeed:
    from tui.pipeline.feeds import parse

    return parse(feed)


@dataclass(frozen=True)
class Stages:
    """The functions the workers run for an article (module-level, sent by name): the real
    stages, or a test's stand-ins; and how much text analysis reads (None: the stage's
    own bound, `stages.MAX_ANALYSED_CHARS`)."""

    read: Callable[[FetchedPage], Read] = _read_page
    analyse: Callable[[AnalysisJob], Analysis] = _analyse
    max_chars: int | None = None
    feed: Callable[[FetchedFeed], ParsedFeed] = _parse_feed


class Session:
    """Reads inputs into `self.briefing`.

    `on_change(article)` is called on the event loop for every visible change (stage, text,
    analysis); `on_finished(article)` when an article reaches done or error, and again when
    a finished article is revised (its `revision` counts how often).

    With a `cache`, a page read before is not fetched again (unless `options.refresh`, or
    `reload`), and each stage's result is reused when its input is the same; feeds are
    always fetched, their stored copy used only when the network fails. `reopen`: a
    briefing reopened from the history (its entry is updated, its feeds get the items they
    had, a page that had failed says why).
    """

    def __init__(
        self,
        options: Options,
        *,
        on_change: OnChange = _ignore,
        on_finished: OnChange = _ignore,
        pool: WorkerPool | None = None,
        stages: Stages | None = None,
        cache: Cache | None = None,
        history: bool = False,
        reopen: Reopen | None = None,
    ) -> None:
        self.options = options
        self.briefing = Briefing()
        self.on_change = on_change
        self.on_finished = on_finished
        self._pool = pool or WorkerPool(options.workers)
        self._stages = stages or Stages()
        self._client: httpx.AsyncClient | None = None
        self._fetch_limit = asyncio.Semaphore(options.concurrency)
        self._tasks: dict[int, asyncio.Task[None]] = {}  # id(article) -> its work
        self._closed = False
        self.cache = cache
        self._reopen = reopen
        self._pinned = dict(reopen.pinned) if reopen else {}
        # input_key of each feed or OPML input -> what it expanded into (for the history).
        self.expansions: dict[str, Expansion] = {}
        self._refresh: set[int] = set()  # id(article) of those reloaded: fetched again
        # id(article) of those the reader asked for (added, reloaded): fetched even when
        # `options.offline` keeps the rest of a reopened briefing to the cache.
        self._online: set[int] = set()
        self.repeated = 0  # inputs `feed` was given again (each read once)
        # Remembered in the history (with a cache): a new entry, or `history_id` updated.
        self._history = history and cache is not None
        self.history_id = reopen.id if reopen else None
        self._remembering: asyncio.Task[None] | None = None
        self._unsaved = False  # something changed since the history was last written
        self._closing = asyncio.Event()

    # Work in, work out ------------------------------------------------------------------

    def add(
        self,
        text: str,
        *,
        feed: int | None = None,
        title: str | None = None,
        online: bool = False,
    ) -> Article | None:
        """Start reading an input; None when that input is already in the briefing.
        `feed` is the index of the feed it is an item of, `title` the feed's title for it.
        `online`: the reader asked for it (the add prompt), so it is fetched even in a
        briefing reopened offline from the history."""
        article = self._add(text, feed=feed, title=title, online=online)
        if article is not None:
            self._place_items()
        return article

    def _add(
        self, text: str, *, feed: int | None, title: str | None, online: bool = False
    ) -> Article | None:
        text = _where_it_stands(text)
        if self._closed or self.briefing.find(text) is not None:
            return None
        article = self.briefing.add(text)
        if online:
            self._online.add(id(article))
        article.feed = feed
        if title:
            article.metadata.title = title  # until the page gives its own
        self._start(article, self._read(article))
        self.on_change(article)
        return article

    def _place_items(self) -> None:
        """A reopened briefing: add the feed items it had next, now, so that every entry
        gets the index it had. Live, a feed's items came when it had been read, after the
        inputs given meanwhile and before an address added with `a` later; added when the
        feed is expanded here, they came after every input, and indices shifted. The
        feed, expanded later, finds its items in place."""
        if self._reopen is None:
            return
        while (placed := self._reopen.item_at(len(self.briefing.articles))) is not None:
            feed, item = placed
            known = 0 <= feed < len(self.briefing.articles)
            if not known or self.briefing.find(item.url) is not None:
                return  # not as recorded (an edited row): the feed adds its items itself
            if self._add(item.url, feed=feed, title=item.title) is None:
                return

    def reload(self, article: Article) -> bool:
        """Read an article again from the start, past the cache; False while it is still
        being read.

        An article that holds a good copy keeps it until the page has been fetched and
        read again; if that fails (the page now answers 404, the network is down), the copy
        stays and `reload_error` says why."""
        if self._closed or self.busy(article):
            return False
        self._refresh.add(id(article))
        self._online.add(id(article))  # asked for: fetched even in a reopened briefing
        self._pinned.pop(input_key(article.input), None)
        keeping = bool(article.blocks or article.items or article.duplicate_of is not None)
        if not keeping:
            self._forget(article)
        self._start(article, self._read(article, keeping=keeping))
        self.on_change(article)
        return True

    def _forget(self, article: Article) -> None:
        for other in self.briefing.reset(article):
            self._revise(other)
        article.cached, article.feed_kind, article.items = False, None, None
        article.items_unlinked = article.items_older = article.items_earlier = 0
        article.items_repeated = article.items_itself = 0

    def busy(self, article: Article) -> bool:
        return id(article) in self._tasks

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    async def feed(self, inputs: AsyncIterator[str]) -> None:
        """Add inputs as they arrive (a pipe that stays open keeps adding); one given again
        is read once and counted in `repeated`."""
        async for text in inputs:
            if self.add(text) is None and not self._closed:
                self.repeated += 1

    async def join(self) -> None:
        """Wait until no article is being worked on."""
        while self._tasks:
            await asyncio.wait(list(self._tasks.values()))

    async def run(self, inputs: AsyncIterator[str]) -> None:
        """Headless: read every input to the end, then close."""
        try:
            await self.feed(inputs)
            await self.join()
        finally:
            await self.close()

    async def close(self) -> None:
        """Stop everything now: kill the workers, cancel the fetches, close the client."""
        if self._closed:
            return
        self._closed = True
        self._closing.set()
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        self._pool.close()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()
        if self._remembering is not None:
            await asyncio.gather(self._remembering, return_exceptions=True)
        if self.cache is not None:
            # The history's last state waits for a file another process holds, once more
            # than the writes while it was read (which went on without waiting for it).
            self.cache.last_writes()
        await self._remember()

    async def _keep_up(self) -> None:
        """Write the history while there is something new, at most every REMEMBER_EVERY
        seconds; `close` writes the last of it."""
        while self._unsaved and not self._closed:
            self._unsaved = False
            await self._remember()
            scale = max(1.0, len(self.briefing.articles) / REMEMBER_SCALE)
            try:
                await asyncio.wait_for(self._closing.wait(), REMEMBER_EVERY * scale)
            except TimeoutError:
                pass

    async def _remember(self) -> None:
        """Record the briefing in the history (or bring its entry up to date)."""
        if not self._history or self.cache is None or not self.briefing.articles:
            return
        from tui.pipeline import history

        earlier = self._reopen.earlier if self._reopen else None
        data = history.snapshot(self.briefing, self.expansions, earlier)
        self.history_id = await _io(history.remember, self.cache, self.history_id, data)

    async def load_merging(self) -> None:
        """Load what merging reads, off the event loop (see `briefing.load_merging`)."""
        if self.options.analysis:
            await asyncio.to_thread(load_merging)

    async def merged(self) -> Merged:
        """The merged entities and timeline (None, None when nothing was analysed)."""
        if not self.options.analysis or not any(
            a.entities is not None for a in self.briefing.articles
        ):
            return None, None
        briefing = self.briefing
        return await asyncio.to_thread(lambda: (briefing.entities(), briefing.timeline()))

    # One article ------------------------------------------------------------------------

    def _start(self, article: Article, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(self._guarded(article, work))
        self._tasks[id(article)] = task

        def done(_: asyncio.Task[None]) -> None:
            if self._tasks.get(id(article)) is task:
                del self._tasks[id(article)]

        task.add_done_callback(done)

    async def _read(self, article: Article, *, keeping: bool = False) -> None:
        """Fetch and read an article; `keeping` (a reload of a good copy): what it holds is
        replaced only once the new page is read, and kept if that fails."""
        before = article.stage
        article.reading_again = keeping
        if keeping:
            article.reload_error = None  # the last reload's failure: this one may succeed
        pinned = self._pinned.get(input_key(article.input))
        if pinned is not None:
            self._expand(article, pinned)
            return
        source: _Source | None = None
        try:
            source = await self._source(article)
            if source.kind == "feed":
                expansion = await self._feed_expansion(article, source)
            else:
                read = await self._extract(article, source)
        except Exception as exc:
            if not keeping:
                if source is not None:
                    # A page that came and held no article was still read at an address,
                    # at a time: the export says where, as for any page read.
                    article.url, article.fetched_at = source.url, source.fetched_at
                raise
            article.reload_error, article.reading_again = _error_for(article, exc), False
            self._finish(article, before)
            return
        earlier = article.items or []
        if keeping:
            self._forget(article)
            article.reading_again = False
        article.cached = source.cached
        if source.kind == "feed":
            self._expand(article, expansion, earlier)
            return
        article.url, article.fetched_at = source.url, source.fetched_at
        article.metadata, article.blocks, article.removed = read.metadata, read.blocks, read.removed
        article.comments = read.comments
        original, changed = self.briefing.read(article)
        for other in changed:
            if other is not article:
                self._revise(other)
        if original is None and self.options.analysis:
            self._stage(article, Stage.ANALYSING)
            await self._analyse(article)
        self._finish(article, Stage.DONE)

    async def _extract(self, article: Article, source: _Source) -> Read:
        self._stage(article, Stage.EXTRACTING)
        read: Read = await self._memo(
            "read", source.digest, self._stages.read, lambda: self._page(article, source),
            READ_LIMIT,
        )  # fmt: skip
        return read

    async def _analyse(self, article: Article) -> None:
        from tui.pipeline.stages import AnalysisJob, date_heads, date_lines, head_cuts

        # A same-site article may cut a recurring block while this one is analysed; the
        # offsets would then point into text that is gone, so it is analysed again.
        while article.duplicate_of is None:
            blocks = article.blocks
            meta = article.metadata
            job = AnalysisJob(
                blocks,
                meta.published,
                article.fetched_at,
                meta.language,
                self._stages.max_chars,
                date_lines(article.removed) if meta.published is None else (),
                meta.title if meta.published is None else None,
                date_heads(article.removed),
                head_cuts(article.removed) if meta.published is None else (),
            )
            try:
                # The digest hashes the whole text: off the event loop, as the cache is.
                result: Analysis = await self._memo(
                    "analysis", await _io(_job_digest, job), self._stages.analyse,
                    _ready(job), ANALYSIS_LIMIT,
                )  # fmt: skip
            except (PipelineError, StageBug, StageTimeout, WorkerLost) as exc:
                # The text was read: keep it, and say what went wrong after it.
                raise _AnalysisFailed(exc) from exc
            if article.blocks is blocks and article.duplicate_of is None:
                article.entities, article.timeline = result.entities, result.timeline
                article.time_modifiers = result.time_modifiers
                article.read_as_of = result.read_as_of
                article.analysed_blocks = result.analysed_blocks
                article.entities_note = result.note
                return

    async def _reanalyse(self, article: Article) -> None:
        self._stage(article, Stage.ANALYSING)
        await self._analyse(article)
        article.revision += 1
        self._finish(article, Stage.DONE)

    def _revise(self, article: Article) -> None:
        """Another article changed this one's text (a recurring cut, or it turned out to
        be a duplicate); bring what was derived from the text up to date."""
        if self.busy(article) or article.stage is not Stage.DONE:
            self.on_change(article)  # its own work sees the new blocks when it gets there
        elif self.options.analysis and article.duplicate_of is None:
            self._start(article, self._reanalyse(article))
        else:
            article.revision += 1
            self._finish(article, Stage.DONE)

    async def _guarded(self, article: Article, work: Coroutine[Any, Any, None]) -> None:
        """Run an article's work; whatever fails becomes that article's error in words."""
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            article.error = _error_for(article, exc)
            self._finish(article, Stage.ERROR)

    def _stage(self, article: Article, stage: Stage) -> None:
        article.stage = stage
        self.on_change(article)

    def _finish(self, article: Article, stage: Stage) -> None:
        self._stage(article, stage)
        self.on_finished(article)
        if self._history and not self._closed:
            # Recorded as soon as something was read, and kept up to date, so a killed run
            # is remembered too (what a reopened briefing has not read again yet is still
            # said as it was: `history.snapshot`).
            self._unsaved = True
            if self._remembering is None or self._remembering.done():
                self._remembering = asyncio.get_running_loop().create_task(self._keep_up())

    # Pages: from the cache or the network ---------------------------------------------

    async def _source(self, article: Article) -> _Source:
        """Where the article's page comes from; the page itself is loaded only if a stage
        result for it is not already cached."""
        key = input_key(article.input)
        # A local file is read from disk every time (it may have been edited); only what
        # the stages made of it is cached.
        remote = is_web_address(article.input)
        cache = self.cache if remote else None
        refresh = self.options.refresh or id(article) in self._refresh
        self._refresh.discard(id(article))
        ref = None if cache is None or refresh else await _io(cache.page_ref, key)
        offline = self._offline(article)
        if ref is not None and (ref.kind == "page" or offline):
            return _Source(key, ref.kind, ref.url, ref.fetched_at, ref.digest, True)
        if offline and remote:
            # Failed or never read before: said so again; else read, and evicted since.
            failed = self._reopen.said_again(article.input) if self._reopen else None
            if failed is not None:
                raise PipelineError(failed.kind, failed.message)
            raise self._evicted(article)
        try:
            doc = await self._fetch(article)
        except PipelineError as exc:
            # A feed is fetched every time; when the network fails, its stored copy serves.
            if ref is not None and exc.kind in (ErrorKind.CONNECTION, ErrorKind.TIMEOUT):
                return _Source(key, ref.kind, ref.url, ref.fetched_at, ref.digest, True)
            raise
        if cache is not None:
            digest: str | None = await _io(cache.put_page, key, doc)
        elif self.cache is not None:
            from tui.pipeline.cache import page_digest

            digest = page_digest(doc.url, doc.body)
        else:
            digest = None
        kind = "feed" if isinstance(doc, FetchedFeed) else "page"
        return _Source(key, kind, doc.url, doc.fetched_at, digest, False, doc)

    def _evicted(self, article: Article) -> PipelineError:
        """The error of a page not in the cache, offline. A reopened briefing read it (it
        did not fail and came before the briefing closed) and the cache evicted it since:
        no failure, and the article shows what was read there (its title, the address it
        was read at, when). Without a briefing of the history behind it, nothing says it
        was read: it is simply not in the cache."""
        from tui.pipeline.history import EVICTED

        if self._reopen is None:
            return PipelineError(ErrorKind.NOT_CACHED, EVICTED)
        page = self._reopen.remembered(article.input)
        if page is not None:
            article.metadata.title = page.title or article.metadata.title
            article.url = page.url or article.input
            article.fetched_at = page.fetched_at
        return PipelineError(ErrorKind.NO_LONGER_CACHED, EVICTED)

    def _offline(self, article: Article) -> bool:
        return self.options.offline and id(article) not in self._online

    async def _fetch(self, article: Article) -> FetchedPage | FetchedFeed:
        from tui.pipeline import feeds
        from tui.pipeline.fetch import fetch
        from tui.pipeline.inputs import local_path

        path = local_path(article.input)
        if path is not None and path.suffix.lower() in feeds.LOCAL_SUFFIXES and _is_file(path):
            self._stage(article, Stage.FETCHING)
            return await asyncio.to_thread(feeds.read_local, article.input, path, self.options)
        async with self._fetch_limit:
            # Only now: an article waiting for one of the --concurrency slots said
            # "fetching" while it was still queued.
            self._stage(article, Stage.FETCHING)
            return await fetch(article.input, self._http(), self.options)

    async def _page(self, article: Article, source: _Source) -> FetchedPage | FetchedFeed:
        """The page's body: in hand, from the cache, or (evicted meanwhile) fetched."""
        if source.doc is not None:
            return source.doc
        doc = None if self.cache is None else await _io(self.cache.page, source.key, article.input)
        if doc is None:
            if self._offline(article):
                raise self._evicted(article)
            doc = await self._fetch(article)
            self._stage(article, Stage.EXTRACTING)  # fetched again on the way to reading
            if self.cache is not None:
                await _io(self.cache.put_page, source.key, doc)
            # Where and when this copy came from: the stored copy's were kept before.
            source.cached, source.url, source.fetched_at = False, doc.url, doc.fetched_at
        return doc

    async def _memo(
        self,
        stage: str,
        digest: str | None,
        fn: Callable[[Any], Any],
        argument: Callable[[], Coroutine[Any, Any, Any]],
        limit: float,
    ) -> Any:
        """`fn(argument)` in a worker, or its cached result for the same input."""
        from tui.pipeline import codec

        cache = self.cache if digest is not None else None
        if cache is not None and digest is not None:
            stored = await _io(cache.result, stage, digest)
            if stored is not None:
                try:
                    # Off the event loop: a long article's result takes seconds to decode.
                    value = await _io(_DECODERS[stage], stored)
                except (ValueError, KeyError, TypeError, AttributeError):
                    log.warning("cached %s result unreadable; computing it again", stage)
                else:
                    if isinstance(value, PipelineError):
                        raise value
                    return value
        arg = await argument()
        try:
            value = await self._pool.call(fn, arg, limit=limit, weight=_size_of(arg))
        except PipelineError as exc:
            if cache is not None and digest is not None and stage == "read":
                # A page with no article fails at once next time, offline too.
                data = codec.encode({"error": [exc.kind.value, exc.message]})
                await _io(cache.put_result, stage, digest, data)
            raise
        if cache is not None and digest is not None:
            await _io(lambda: cache.put_result(stage, digest, codec.encode(value)))
        return value

    # Feeds ------------------------------------------------------------------------------

    async def _feed_expansion(self, article: Article, source: _Source) -> Expansion:
        parent = self._parent(article)
        if parent is not None and parent.feed_kind != "opml":
            raise PipelineError(
                ErrorKind.NOT_HTML,
                "This is a feed, not an article; feeds inside feeds are not read.",
            )
        doc = await self._page(article, source)
        if not isinstance(doc, FetchedFeed):
            raise PipelineError(ErrorKind.BAD_FEED, "The cached copy of this feed is not a feed.")
        self._stage(article, Stage.EXTRACTING)
        parsed: ParsedFeed = await self._pool.call(self._stages.feed, doc, limit=READ_LIMIT)
        if parent is not None and parsed.kind == "opml":
            raise PipelineError(
                ErrorKind.BAD_FEED, "This is an OPML list inside an OPML list; it is not followed."
            )
        from tui.pipeline.feeds import Expansion

        if parsed.kind == "opml":
            items, older = parsed.items, parsed.beyond
        else:
            items = parsed.items[: self.options.per_feed]
            older = len(parsed.items) - len(items)
        return Expansion(
            parsed.kind, parsed.title, source.url, items, parsed.skipped, older, parsed.repeated
        )

    def _expand(self, article: Article, expansion: Expansion, earlier: Sequence[int] = ()) -> None:
        """Add a feed's items (an OPML list's feeds) as entries grouped under it. `earlier`:
        the items it had before a reload, still in the briefing and grouped under it, so
        still counted though the feed no longer lists them."""
        article.url, article.feed_kind, article.items = expansion.url, expansion.kind, []
        article.items_unlinked, article.items_older = expansion.unlinked, expansion.older
        article.items_repeated, article.items_itself = expansion.repeated, 0
        article.metadata.title = expansion.title or article.metadata.title
        index = self.briefing.index(article)
        for item in expansion.items:
            online = id(article) in self._online  # a feed fetched again: its new items too
            child = self.add(item.url, feed=index, title=item.title, online=online)
            child = child or self.briefing.find(item.url)
            # Said, not dropped: an entry naming the list itself, or the same article as
            # one before it by another spelling of its address.
            if child is article:
                article.items_itself += 1
            elif child is not None and self.briefing.index(child) in article.items:
                article.items_repeated += 1
            elif child is not None:
                article.items.append(self.briefing.index(child))
        kept = [i for i in earlier if i not in article.items]
        article.items += kept
        article.items_earlier = len(kept)
        # The history records the items kept too, so a reopened feed has what it showed.
        from tui.pipeline.feeds import FeedItem

        children = [self.briefing.articles[i] for i in kept]
        more = [FeedItem(c.input, c.metadata.title) for c in children]
        self.expansions[input_key(article.input)] = replace(
            expansion, items=[*expansion.items, *more]
        )
        self._finish(article, Stage.DONE)

    def _parent(self, article: Article) -> Article | None:
        return None if article.feed is None else self.briefing.articles[article.feed]

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            from tui.pipeline.fetch import make_client

            self._client = make_client(self.options)
        return self._client


@dataclass
class _Source:
    key: str  # identity.input_key of the input: the page's key in the cache
    kind: str  # "page" or "feed"
    url: str
    fetched_at: str
    digest: str | None  # what stage results are cached under; None without a cache
    cached: bool
    doc: FetchedPage | FetchedFeed | None = None  # None: still in the cache


async def _io(fn: Callable[..., R], *args: Any) -> R:
    """A cache call, off the event loop (each is small, but disk can be slow)."""
    return await asyncio.to_thread(fn, *args)


def _ready(value: Any) -> Callable[[], Coroutine[Any, Any, Any]]:
    async def get() -> Any:
        return value

    return get


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the system, a NUL inside
        return False


def _size_of(arg: Any) -> float:
    """How much a stage has to read: the page's bytes, or the text's characters. The
    worker pool takes the smallest waiting task first."""
    if isinstance(arg, FetchedPage):
        return len(arg.body)
    blocks = getattr(arg, "blocks", None)
    return sum(len(b.text) for b in blocks) if isinstance(blocks, list) else 0.0


def _job_digest(job: AnalysisJob) -> str:
    """An analysis is cached under its text, the date it anchors the timeline on, the
    language the page declares (the fallback when its text is too short to tell), and
    what an undated page's stand-in date is read from (date lines, title, lines cut over
    the text)."""
    from tui.pipeline.cache import result_digest
    from tui.pipeline.stages import timeline_anchor

    anchor, assumed = timeline_anchor(job.published, job.fetched_at)
    return result_digest(
        job.blocks,
        job.published,
        anchor if assumed else None,
        job.max_chars,
        job.language,
        job.date_lines,
        job.title,
        job.post_heads,
        job.head_cuts,
    )


def _decode_read(data: Any) -> Any:
    from tui.pipeline.codec import read_result

    return read_result(data)


def _decode_analysis(data: Any) -> Any:
    from tui.pipeline.codec import analysis_result

    return analysis_result(data)


_DECODERS: dict[str, Callable[[Any], Any]] = {"read": _decode_read, "analysis": _decode_analysis}


class _AnalysisFailed(Exception):
    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _error_for(article: Article, exc: Exception) -> ArticleError:
    """The words a reader sees for a failure; bugs are logged with their traceback."""
    analysing = isinstance(exc, _AnalysisFailed)
    cause = exc.cause if isinstance(exc, _AnalysisFailed) else exc
    if isinstance(cause, PipelineError):
        if not analysing:
            return cause.as_error()
        return ArticleError(
            cause.kind,
            f"The text was read, but its entities and timeline could not be found: {cause.message}",
        )
    doing = "finding its entities and timeline" if analysing else "reading this page"
    if isinstance(cause, StageTimeout):
        what = "text is too long" if analysing else "page is too large"
        return ArticleError(
            ErrorKind.TOO_COMPLEX,
            f"briefing gave up {doing} after {cause.args[0]:.0f} s: the {what} or too complex.",
        )
    if isinstance(cause, WorkerLost):
        # Not a bug of briefing's: the system or someone stopped the work.
        return ArticleError(
            ErrorKind.INTERNAL,
            f"briefing could not finish {doing}: {cause.how}; the other articles carry on.",
        )
    if isinstance(cause, StageBug):
        detail = cause.name
        log.error("internal error on %s:\n%s", one_line(article.input, INPUT_CHARS), cause.trace)
    else:
        detail = type(cause).__name__
        log.error("internal error on %s", one_line(article.input, INPUT_CHARS), exc_info=cause)
    return ArticleError(
        ErrorKind.INTERNAL,
        f"briefing hit an internal error {doing} ({detail}); the other articles carry on.",
    )


def _where_it_stands(text: str) -> str:
    """A local file named from the current folder ("loc/page.html") as its full path, the
    input the briefing keeps: reopened from the history in another folder, the relative
    name read another file of that name and showed it as this briefing's, without a word.
    Anything else as given (an address, a file:// URL, "/abs/x.html", "~/x.html")."""
    from tui.pipeline.inputs import local_path

    given = text.strip()
    path = local_path(text)
    if path is None or given.lower().startswith("file:") or given.startswith(("/", "~")):
        return text
    try:
        return str(path.absolute()) if path.exists() else text
    except OSError:  # a name too long for the OS, a folder we may not look into
        return text
