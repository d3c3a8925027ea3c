"""A reading session: the briefing, and the machinery that fills it.

One Session owns the HTTP client, the fetch limit, the worker processes and the work in
flight. The headless run and the app both drive a Session, so an article goes through
exactly the same steps whichever way it is read, and both stop the same way: at once,
with every worker process killed, whatever stage an article is in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.pipeline.briefing import Briefing
from tui.pipeline.model import (
    Article,
    ArticleError,
    BriefingEntity,
    BriefingTimelineEntry,
    ErrorKind,
    FetchedPage,
    PipelineError,
    Stage,
)
from tui.pipeline.options import Options
from tui.pipeline.textsafety import strip_unsafe
from tui.pipeline.workers import StageBug, StageTimeout, WorkerLost, WorkerPool

if TYPE_CHECKING:
    import httpx

    from tui.pipeline.stages import Analysis, AnalysisJob, Read

log = logging.getLogger(__name__)

OnChange = Callable[[Article], None]
Merged = tuple[list[BriefingEntity] | None, list[BriefingTimelineEntry] | None]

# Extracting a page takes milliseconds, a huge one a few seconds: past this it is stuck.
READ_LIMIT = 60.0
# Analysis reads at most stages.MAX_ANALYSED_CHARS (several seconds of parsing, plus the
# model's first load); this only stops a stage that hangs on a busy machine.
ANALYSIS_LIMIT = 180.0


def _ignore(_: Article) -> None:
    pass


def _read_page(page: FetchedPage) -> Read:
    from tui.pipeline.stages import read_page

    return read_page(page)


def _analyse(job: AnalysisJob) -> Analysis:
    from tui.pipeline.stages import analyse

    return analyse(job)


@dataclass(frozen=True)
class Stages:
    """The functions the workers run for an article (module-level, sent by name): the real
    stages, or a test's stand-ins; and how much text analysis reads (None: the stage's
    own bound, `stages.MAX_ANALYSED_CHARS`)."""

    read: Callable[[FetchedPage], Read] = _read_page
    analyse: Callable[[AnalysisJob], Analysis] = _analyse
    max_chars: int | None = None


class Session:
    """Reads inputs into `self.briefing`.

    `on_change(article)` is called on the event loop for every visible change (stage, text,
    analysis); `on_finished(article)` when an article reaches done or error, and again when
    a finished article is revised (its `revision` counts how often).
    """

    def __init__(
        self,
        options: Options,
        *,
        on_change: OnChange = _ignore,
        on_finished: OnChange = _ignore,
        pool: WorkerPool | None = None,
        stages: Stages | None = None,
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

    # Work in, work out ------------------------------------------------------------------

    def add(self, text: str) -> Article | None:
        """Start reading an input; None when that input is already in the briefing."""
        if self._closed or self.briefing.find(text) is not None:
            return None
        article = self.briefing.add(text)
        self._start(article, self._read(article))
        self.on_change(article)
        return article

    def reload(self, article: Article) -> bool:
        """Read an article again from the start; False while it is still being read."""
        if self._closed or self.busy(article):
            return False
        for other in self.briefing.reset(article):
            self._revise(other)
        self._start(article, self._read(article))
        self.on_change(article)
        return True

    def busy(self, article: Article) -> bool:
        return id(article) in self._tasks

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    async def feed(self, inputs: AsyncIterator[str]) -> None:
        """Add inputs as they arrive (a pipe that stays open keeps adding)."""
        async for text in inputs:
            self.add(text)

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
        self._closed = True
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        self._pool.close()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()

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

    async def _read(self, article: Article) -> None:
        from tui.pipeline.fetch import fetch

        self._stage(article, Stage.FETCHING)
        async with self._fetch_limit:
            page = await fetch(article.input, self._http(), self.options)
        article.url, article.fetched_at = page.url, page.fetched_at
        self._stage(article, Stage.EXTRACTING)
        read = await self._pool.call(self._stages.read, page, limit=READ_LIMIT)
        del page  # the raw page is not kept: only what was read from it
        article.metadata, article.blocks, article.removed = read.metadata, read.blocks, read.removed
        original, changed = self.briefing.read(article)
        for other in changed:
            if other is not article:
                self._revise(other)
        if original is None and self.options.analysis:
            self._stage(article, Stage.ANALYSING)
            await self._analyse(article)
        self._finish(article, Stage.DONE)

    async def _analyse(self, article: Article) -> None:
        from tui.pipeline.stages import AnalysisJob

        # A same-site article may cut a recurring block while this one is analysed; the
        # offsets would then point into text that is gone, so it is analysed again.
        while article.duplicate_of is None:
            blocks = article.blocks
            meta = article.metadata
            job = AnalysisJob(
                blocks, meta.published, article.fetched_at, meta.language, self._stages.max_chars
            )
            try:
                result = await self._pool.call(self._stages.analyse, job, limit=ANALYSIS_LIMIT)
            except (PipelineError, StageBug, StageTimeout, WorkerLost) as exc:
                # The text was read: keep it, and say what went wrong after it.
                raise _AnalysisFailed(exc) from exc
            if article.blocks is blocks and article.duplicate_of is None:
                article.entities, article.timeline = result.entities, result.timeline
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

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            from tui.pipeline.fetch import make_client

            self._client = make_client(self.options)
        return self._client


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
        detail = cause.how
    elif isinstance(cause, StageBug):
        detail = cause.name
        log.error("internal error on %s:\n%s", strip_unsafe(article.input, ""), cause.trace)
    else:
        detail = type(cause).__name__
        log.error("internal error on %s", strip_unsafe(article.input, ""), exc_info=cause)
    return ArticleError(
        ErrorKind.INTERNAL,
        f"briefing hit an internal error {doing} ({detail}); the other articles carry on.",
    )
