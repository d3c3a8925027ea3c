"""Feeding the session and drawing what it produces, without ever holding up a key.

All the work happens in the session's worker processes and its fetches on this event
loop; the app only draws. Bursts of changes are drawn at most every DRAW_INTERVAL and the
briefing is merged at most every MERGE_INTERVAL, so a hundred articles loading at once
never hold up a key. The read state (which articles were opened before) is looked up and
kept in the cache off the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import math
import time
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import events, work
from textual.widget import MountError

from tui.app import memory
from tui.app.analysis_panes import EntitiesPane, MergedView, TimelinePane
from tui.app.describe import BRIEFING
from tui.app.job_control import end_on_stop_signals, stop_handling
from tui.app.reader import PIPE_CLOSED
from tui.app.search_box import SearchBox
from tui.app.state import AppState
from tui.pipeline.kinds import Stage
from tui.pipeline.throttle import Throttle
from tui.pipeline.words import plural
from tui.runtime import keep_out_of_collections, started, threads_yield_promptly

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType
    from textual.screen import Screen
    from textual.widgets import ProgressBar

    from tui.pipeline.cache import Cache
    from tui.pipeline.model import Article
    from tui.pipeline.options import CacheSettings

# How often stage changes are drawn (list rows, progress, the open article), seconds.
DRAW_INTERVAL = 0.2
# How often the merged briefing is recomputed while articles stream in, seconds.
MERGE_INTERVAL = 1.0
# ... or, once merging takes longer than a ninth of that, no sooner than this many times
# its last cost: at a thousand articles a merge takes seconds, and its thread, holding the
# interpreter, kept the workers' results and the keys waiting behind it.
MERGE_GAP = 9
# Background drawing waits while keys come this close together, seconds: the repaint a
# key asks for goes first. It never waits more than MAX_HOLD (a held-down j).
KEY_QUIET = 0.3
MAX_HOLD = 1.0
# What the briefing holds is frozen out of the garbage collector's passes (see
# tui.runtime.keep_out_of_collections) each time the drawn batches have held this many
# finished articles. An article drawn again after it finished (its read state, a
# revision) counts again: freezing that often kept keys quicker than counting each
# article once (highlight p90 20-29 ms against 30-40 ms, 200 articles loading).
FREEZE_AFTER = 20
# The worker processes yield the cores to this one, which paints and answers keys.
WORKER_NICENESS = 5


def shows_text(article: Article) -> bool:
    """Whether the text pane shows the article's text, so that opening it is reading it.
    It does while the article is analysed: the whole text is there by then, only the
    entities and timeline are still to come (an article opened then stayed unread)."""
    return article.stage in (Stage.ANALYSING, Stage.DONE) or article.reading_again


class Scheduling(AppState):
    """Starts the session after the first frame and draws its changes in throttled
    batches; merges the briefing off the UI path."""

    # A prompt whose answer the app has not taken yet (its callback clears it): closed, it
    # is off the screen before its callback runs, and a briefing seen settled in between
    # was missing what the prompt added.
    answer_awaited: Screen[object] | None = None

    # Whether a signal is ending the app (`job_control.end_on_stop_signals`).
    _ended_by_signal: Callable[[], bool] | None = None

    def ending(self) -> bool:
        return self._ended_by_signal is not None and self._ended_by_signal()

    def on_mount(self) -> None:
        # SIGTERM (kill, a closing session) and SIGHUP (the terminal went away) end the app
        # the way q does, so the terminal is given back as it was: no alternate screen,
        # mouse tracking or hidden cursor left behind. The status is the shell's for a
        # signal (128 + its number), as headless runs give: 0 told a script all went well.
        # A stopped job ended with `kill %1` ends too (`job_control`).
        loop = asyncio.get_running_loop()
        with contextlib.suppress(ValueError):  # not the main thread: no signals to take
            self._ended_by_signal = end_on_stop_signals(
                lambda status: loop.call_soon_threadsafe(partial(self.exit, return_code=status))
            )
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        # Start reading only once the first frame is on screen: the pipeline's imports
        # and the worker processes would otherwise compete with it.
        self.call_after_refresh(self._start)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._key_at = time.monotonic()
            self._hold_full_collections()
        await super().on_event(event)

    def _hold_full_collections(self) -> None:
        # Two of the five slowest highlights held a full collection (see
        # tui.runtime.FullCollections): they wait until the keys stop, as the draws do.
        self._collections.hold()
        if self._collections_release is None:
            self._collections_release = Throttle(
                0.0, self._collections.release, hold=self._keys_busy, max_hold=math.inf
            )
        self._collections_release.poke()

    def _keys_busy(self) -> bool:
        """The reader is pressing keys: background drawing may wait."""
        return time.monotonic() - self._key_at < KEY_QUIET

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        # The redraws are loop callbacks, not messages: an article the quit stopped
        # changed as the session closed, and a redraw then ran against screens already
        # coming down (NoMatches for the article list, at every quit mid-analysis). None
        # is asked for from here on.
        self.closing = True
        for throttle in (self._draw, self._merge):
            if throttle is not None:
                throttle.cancel()
        super().exit(result, return_code, message)

    async def on_unmount(self) -> None:
        self.closing = True
        self._runtime.close()
        if self._collections_release is not None:
            self._collections_release.cancel()
        self._collections.release()
        with contextlib.suppress(ValueError):
            stop_handling()
        if self.session is not None:
            await self.session.close()
        if self.cache is not None:
            await asyncio.to_thread(self.cache.close)

    @work(group="input")
    async def _start(self) -> None:
        # Runs after the first frame. Widgets only needed once work starts are mounted
        # here, and the pipeline (a noticeable part of start-up) is imported here.
        self._freezing = started()
        # The threads that take articles back and merge them must not keep keys waiting.
        self._runtime.enter_context(threads_yield_promptly())
        # Imported here, as the bar is mounted here: its module costs ~1 ms before the frame.
        from textual.widgets import ProgressBar

        try:
            await self.query_one("#sidebar").mount(
                ProgressBar(id="progress", show_eta=False, classes="idle")
            )
            await self.query_one("#reader").mount(
                SearchBox(placeholder="search the text", id="search", classes="closed")
            )
        except MountError:
            return  # the reader quit before the first frame
        for line in self._warnings:
            self.notify(line, severity="warning", timeout=10)
        await self._open_session()
        assert self.session is not None
        from tui.pipeline.inputs import chain

        await self.session.feed(chain(self.inputs, self.lines))
        if self.lines is not None:
            self.input_state = PIPE_CLOSED
        self._input_done = True
        self._progress()
        if repeated := self.session.repeated:
            given = plural(repeated, "input was", "inputs were")
            self.notify(f"{given} given more than once; each is read once.", timeout=10)

    async def _open_session(self) -> None:
        session_module = await asyncio.to_thread(importlib.import_module, "tui.pipeline.session")
        if self.cache_settings is not None:
            self.cache = await asyncio.to_thread(self._open_cache, self.cache_settings)
        from tui.pipeline.workers import WorkerPool

        self._draw = Throttle(
            DRAW_INTERVAL, self._draw_changes, hold=self._keys_busy, max_hold=MAX_HOLD
        )
        self._merge = Throttle(
            MERGE_INTERVAL, self._start_merge, hold=self._keys_busy, max_hold=MAX_HOLD
        )
        reopen = self.reopen
        pool = WorkerPool(self.options.workers, niceness=WORKER_NICENESS)
        self.session = session_module.Session(
            self.options,
            on_change=self._changed,
            stages=self.stages,
            pool=pool,
            cache=self.cache,
            history=self.cache is not None,
            reopen=reopen,
        )
        self.briefing = self.session.briefing

    def _open_cache(self, settings: CacheSettings) -> Cache:
        def warn(line: str) -> None:
            if self.closing:  # no toast would be seen: said on stderr once the app is gone
                self.said_after.append(line)
                return
            self.call_from_thread(
                self.notify, memory.sentence(line), severity="warning", timeout=10
            )

        return memory.open_cache(settings, warn)

    def add_input(self, text: str, *, online: bool = False) -> Article | None:
        """Queue one input (URL or local file); None when it is already there. `online`:
        the reader asked for it, so it is fetched even in a briefing reopened offline."""
        if self.session is None:
            return None
        return self.session.add(text, online=online)

    def _changed(self, article: Article) -> None:
        # Called on this loop by the session, often hundreds of times a second.
        assert self.session is not None
        self._dirty.add(self.session.briefing.index(article))
        if self._draw is not None and not self.closing:
            self._draw.poke()

    def _draw_changes(self) -> None:
        if self.briefing is None or not self._dirty:
            return
        dirty, self._dirty = self._dirty, set()
        articles = self.briefing.articles
        new = range(self.article_list.row_count - 1, len(articles))
        shown = sorted(dirty.union(new))
        self.article_list.set_articles((i, articles[i], self._read.get(i)) for i in shown)
        if self.selected in dirty and self.focused is self.article_view:
            # The article open in the text pane changed: if its text has just arrived, the
            # reader, who opened it before, is reading it now.
            self.mark_read(self.selected)
        done = [i for i in dirty if articles[i].stage is Stage.DONE]
        self._ask_read_state(done)
        self._progress()
        if self.selected in dirty or self.selected == BRIEFING:
            self.revision += 1
        if self._merge is not None and done and not self.closing:
            self._merge.poke()
        if done:
            self.articles_finished(done)
        self._unfrozen += len(done)
        if self._freezing and self._unfrozen >= FREEZE_AFTER:
            self._unfrozen = 0
            keep_out_of_collections()

    def articles_finished(self, done: list[int]) -> None:
        """The articles (by index) that have finished reading since the last draw, for what
        depends on all of them, such as a search of the whole briefing."""

    def _progress(self) -> None:
        if self.briefing is None:
            return
        articles = self.briefing.articles
        finished = sum(a.stage in (Stage.DONE, Stage.ERROR) for a in articles)
        bar = cast("ProgressBar", self.query_one("#progress"))
        bar.update(total=max(1, len(articles)), progress=finished)
        bar.set_class(finished == len(articles), "idle")

    # Read and unread, kept in the cache ------------------------------------------------

    def _ask_read_state(self, indices: list[int]) -> None:
        if self.cache is not None and self.briefing is not None:
            new = self._read.to_ask(indices)
            if new:
                self._look_up_read(new)

    @work(group="read-state", exit_on_error=False)
    async def _look_up_read(self, indices: list[int]) -> None:
        assert self.cache is not None and self.briefing is not None
        await asyncio.to_thread(self._read.look_up, self.cache, self.briefing, indices)
        self._dirty.update(indices)
        if self._draw is not None:
            self._draw.poke()

    def mark_read(self, index: int) -> None:
        """The reader opened article `index`: it is read, now and next time, once its text
        is in front of them. Opened before that (still fetched or extracted), it is read
        when the text arrives while it is still open (`_draw_changes`)."""
        if self.briefing is None or index == BRIEFING:
            return
        article = self.briefing.articles[index]
        # A feed is a list of articles, not one the reader reads.
        if article.items is not None or not shows_text(article):
            return
        if self._read.opened(index):
            self.article_list.set_article(index, article, True)
            if self.cache is not None:
                self._store_read(article.input)

    @work(thread=True, group="read-state", exit_on_error=False)
    def _store_read(self, input: str) -> None:
        if self.cache is not None:
            memory.store_read(self.cache, input)

    # The merged briefing: computed off the UI path, at most every MERGE_INTERVAL.

    def _start_merge(self) -> None:
        if self._merging:
            self._merge_again = True
            return
        self._merging = True
        self.merged = MergedView(
            self.merged.entities, self.merged.timeline, self._merge_note(merging=True)
        )
        self._merge_worker()

    @work(group="merge", exit_on_error=False)
    async def _merge_worker(self) -> None:
        assert self.session is not None
        started = time.monotonic()
        try:
            if not self._merge_loaded:
                # Untimed: counted as the first merge's cost, this one-off loading held the
                # next merge back ten seconds, the last articles missing from the briefing.
                await self.session.load_merging()
                self._merge_loaded = True
            started = time.monotonic()
            entities, timeline = await self.session.merged()
        except Exception:  # a merge bug must not close the app; articles stay readable
            self.log.error("merging the briefing failed")
            entities = timeline = None
        if self._merge is not None:
            cost = time.monotonic() - started
            self._merge.interval = max(MERGE_INTERVAL, MERGE_GAP * cost)
        self._merging = False
        self.merged = MergedView(entities, timeline, self._merge_note(merging=False))
        if self._merge_again and self._merge is not None:
            self._merge_again = False
            self._merge.poke()

    def _merge_note(self, *, merging: bool) -> str:
        """Why the merged lists are empty, in words ({what} is filled in by each pane)."""
        if not self.options.analysis:
            return "Analysis is off, so there are no {what}."
        articles = self.briefing.articles if self.briefing is not None else []
        if not articles:
            return "No {what} yet."
        if not any(a.entities is not None for a in articles):
            if all(a.stage in (Stage.DONE, Stage.ERROR) for a in articles):
                return "No article could be analysed, so there are no {what}."
            return "The {what} appear once articles are analysed…"
        if merging:
            return "Merging the {what}…"
        return "The {what} could not be merged; each article still shows its own."

    # Waiting for it all (tests, screenshots) ---------------------------------------------

    @property
    def settled(self) -> bool:
        """True when input has ended, every article is finished and every pane is drawn."""
        return self._unsettled() is None

    def _unsettled(self) -> str | None:
        """What the briefing still waits for, in words; None when it is settled."""
        session = self.session
        if session is None:
            return "the session has not started"
        if not self._input_done:
            return "input has not ended"
        if getattr(self.screen, "closing_with_input", False):
            return "the add prompt is closing with what was typed"
        prompt = self.answer_awaited
        if prompt is not None and prompt not in self.screen_stack:
            return "the add prompt has closed and the app has not taken what was typed"
        if session.in_flight:
            stages = sorted(a.stage for a in session.briefing.articles if session.busy(a))
            return f"{session.in_flight} article(s) are still being read ({', '.join(stages)})"
        if self._dirty or (self._draw is not None and self._draw.pending):
            return "changes are waiting to be drawn"
        if self._merging or (self._merge is not None and self._merge.pending):
            return "the briefing is being merged"
        panes = (self.article_view, self.query_one(EntitiesPane), self.query_one(TimelinePane))
        waits = [f"{type(p).__name__} waits for {p.waiting_for}" for p in panes if p.busy]
        return "; ".join(waits) or None

    async def wait_settled(self, timeout: float = 60.0) -> None:
        """For tests and the screenshot script: wait until all work is done and drawn.
        Raises at once if the app stops meanwhile (a crash would otherwise read as a hang)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if not self.is_running or self.return_code is not None:
                raise RuntimeError("the app stopped before the briefing settled")
            waiting = self._unsettled()
            if waiting is None:
                # Settled twice, a moment apart: a prompt that has just closed hands what
                # it took to the app in the next message.
                await asyncio.sleep(0.05)
                waiting = self._unsettled()
                if waiting is None:
                    break
            if loop.time() > deadline:
                raise TimeoutError(f"the briefing did not settle: {waiting}")
            await asyncio.sleep(0.02)
