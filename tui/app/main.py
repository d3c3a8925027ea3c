"""The app: lays out the panes, hands inputs to a `Session` and passes what it produces
down to the panes as reactives. `create_app` is the one factory; the launcher, the tests
and the screenshot script all build the app through it.

All the work happens in the session's worker processes and its fetches on this event
loop; the app only draws. Bursts of changes are drawn at most every DRAW_INTERVAL and the
briefing is merged at most every MERGE_INTERVAL, so a hundred articles loading at once
never hold up a key.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import signal
from collections.abc import AsyncIterator, Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.widget import MountError, Widget
from textual.widgets import Footer, Header, Input, ProgressBar

from tui.app import memory
from tui.app.analysis_panes import EntitiesPane, MergedView, TimelinePane
from tui.app.article_list import ArticleList
from tui.app.describe import BRIEFING
from tui.app.messages import EntityChosen, TimelineChosen
from tui.app.reader import ArticleView
from tui.app.rows import RowList
from tui.app.screens import AddUrlScreen, HelpScreen
from tui.app.text import one_line
from tui.app.walk import Walk, entity_walk, search_walk
from tui.pipeline.inputs import input_uri, parse_line
from tui.pipeline.model import Article, Mention, Stage
from tui.pipeline.options import CacheSettings, Options

if TYPE_CHECKING:
    from tui.pipeline.briefing import Briefing
    from tui.pipeline.cache import Cache
    from tui.pipeline.history import Reopen
    from tui.pipeline.session import Session, Stages
    from tui.pipeline.throttle import Throttle

W = TypeVar("W", bound=Widget)
PANES = ("articles", "text", "entities", "timeline")
# How often stage changes are drawn (list rows, progress, the open article), seconds.
DRAW_INTERVAL = 0.2
# How often the merged briefing is recomputed while articles stream in, seconds.
MERGE_INTERVAL = 1.0
# The worker processes yield the cores to this one, which paints and answers keys.
WORKER_NICENESS = 5
# Signals that end the app as `q` does (the terminal restored).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
# A toast is a line or two: longer words (a pasted 5 MB URL) are cut.
TOAST_CHARS = 300


class BriefingApp(App[int]):
    CSS_PATH = "briefing.tcss"
    AUTO_FOCUS = "#articles"
    TITLE = "briefing"
    # Below 110 columns there is no room for three readable columns: the entities and
    # timeline share the text's place and show when focused (keys 3 and 4).
    # (Textual declares this an instance attribute: a ClassVar annotation fails mypy.)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("n", "step(1)", "Next", show=False),
        Binding("N", "step(-1)", "Previous", show=False),
        Binding("escape", "clear", "Clear", show=False),
        Binding("b", "toggle_removed", "Boilerplate"),
        Binding("a", "add", "Add"),
        Binding("e", "export", "Export"),
        Binding("o", "open", "Open", show=False),
        Binding("y", "copy_url", "Copy URL", show=False),
        Binding("r", "reload", "Reload", show=False),
        Binding("1", "focus_pane('articles')", "Articles", show=False),
        Binding("2", "focus_pane('text')", "Text", show=False),
        Binding("3", "focus_pane('entities')", "Entities", show=False),
        Binding("4", "focus_pane('timeline')", "Timeline", show=False),
    ]

    # What the panes show, passed down with data_bind. `var`, not `reactive`: a change is
    # drawn by the panes that show it; repainting the app would redraw the whole screen.
    briefing: var[Briefing | None] = var(None, init=False)
    selected: var[int] = var(BRIEFING)
    revision: var[int] = var(0)
    show_removed: var[bool] = var(False)
    merged: var[MergedView] = var(MergedView, always_update=True)
    analysis: var[bool] = var(True)

    def __init__(
        self,
        inputs: Iterable[str],
        options: Options,
        lines: AsyncIterator[str] | None = None,
        *,
        export_dir: Path | None = None,
        stages: Stages | None = None,
        cache: CacheSettings | None = None,
        reopen: Reopen | None = None,
        theme: str | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.options = options
        self.lines = lines
        self.export_dir = export_dir
        self.stages = stages
        self.cache_settings = cache
        self.reopen = reopen
        self.cache: Cache | None = None
        self._warnings = list(warnings or [])
        if theme is not None:
            self._use_theme(theme)
        self._kept_theme = self.theme  # what the config file says (or the default)
        self.set_reactive(BriefingApp.analysis, options.analysis)
        self.session: Session | None = None
        self._input_done = False
        self._dirty: set[int] = set()
        self._draw: Throttle | None = None
        self._merge: Throttle | None = None
        self._merging = False
        self._merge_again = False
        # Read state, kept in the cache: index -> read before; indices already looked up.
        self._read = memory.ReadState()  # kept in the cache
        self._walk: Walk | None = None  # a briefing search or a merged entity's mentions

    # Layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        shared = (BriefingApp.briefing, BriefingApp.selected, BriefingApp.revision)
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield _titled(ArticleList(id="articles"), "1 Articles")
            with Vertical(id="reader"):
                yield _titled(ArticleView(id="text"), "2 Text").data_bind(
                    *shared, BriefingApp.show_removed, BriefingApp.analysis
                )
            with Vertical(id="side"):
                for pane, title in (
                    (EntitiesPane(id="entities"), "3 Entities"),
                    (TimelinePane(id="timeline"), "4 Timeline"),
                ):
                    yield _titled(pane, title).data_bind(
                        *shared, BriefingApp.merged, BriefingApp.analysis
                    )
        yield Footer()

    def on_mount(self) -> None:
        # SIGTERM (kill, a closing session) and SIGHUP (the terminal went away) end the app
        # the way q does, so the terminal is given back as it was: no alternate screen,
        # mouse tracking or hidden cursor left behind.
        loop = asyncio.get_running_loop()
        for sig in STOP_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.exit)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        # Start reading only once the first frame is on screen: the pipeline's imports
        # and the worker processes would otherwise compete with it.
        self.call_after_refresh(self._start)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    # Feeding the session --------------------------------------------------------------

    @work(group="input")
    async def _start(self) -> None:
        # Runs after the first frame. Widgets only needed once work starts are mounted
        # here, and the pipeline (a noticeable part of start-up) is imported here.
        try:
            await self.query_one("#sidebar").mount(
                ProgressBar(id="progress", show_eta=False, classes="idle")
            )
            await self.query_one("#reader").mount(
                Input(placeholder="search the text", id="search", classes="closed")
            )
        except MountError:
            return  # the reader quit before the first frame
        for line in self._warnings:
            self.notify(one_line(line), severity="warning", markup=False, timeout=10)
        session_module = await asyncio.to_thread(importlib.import_module, "tui.pipeline.session")
        if self.cache_settings is not None:
            self.cache = await asyncio.to_thread(self._open_cache, self.cache_settings)
        from tui.pipeline.throttle import Throttle
        from tui.pipeline.workers import WorkerPool

        self._draw = Throttle(DRAW_INTERVAL, self._draw_changes)
        self._merge = Throttle(MERGE_INTERVAL, self._start_merge)
        reopen = self.reopen
        pool = WorkerPool(self.options.workers, niceness=WORKER_NICENESS)
        self.session = session_module.Session(
            self.options,
            on_change=self._changed,
            stages=self.stages,
            pool=pool,
            cache=self.cache,
            history=self.cache is not None,
            history_id=reopen.id if reopen else None,
            pinned=reopen.pinned if reopen else None,
        )
        self.briefing = self.session.briefing
        for text in self.inputs:
            self.add_input(text)
        if self.lines is not None:
            async for text in self.lines:
                self.add_input(text)
        self._input_done = True
        self._progress()

    def _open_cache(self, settings: CacheSettings) -> Cache:
        def warn(line: str) -> None:
            self.call_from_thread(self.notify, line, severity="warning", markup=False, timeout=10)

        return memory.open_cache(settings, warn)

    def _theme_changed(self, _: object) -> None:
        # The theme the reader picks (command palette) is the one they get next time.
        if self.theme != self._kept_theme:
            self._kept_theme = self.theme
            self._keep_theme(self.theme)

    @work(thread=True, group="settings", exit_on_error=False)
    def _keep_theme(self, name: str) -> None:
        problem = memory.keep_theme(name)
        if problem is not None:
            self.call_from_thread(self.notify, problem, severity="warning", markup=False)

    def _use_theme(self, name: str) -> None:
        from textual.app import InvalidThemeError

        try:
            self.theme = name
        except InvalidThemeError:
            self._warnings.append(f"There is no theme called {name!r}; using the default.")

    async def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in STOP_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)
        if self.session is not None:
            await self.session.close()
        if self.cache is not None:
            await asyncio.to_thread(self.cache.close)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast goes through here: its words often quote a page, a URL or a file
        name, so they are shown as one line of plain text, never as markup or escapes."""
        super().notify(
            one_line(message, TOAST_CHARS),
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def add_input(self, text: str) -> Article | None:
        """Queue one input (URL or local file); an input already there is selected."""
        if self.session is None:
            return None
        article = self.session.add(text)
        if article is None:
            existing = self.session.briefing.find(text)
            if existing is not None:
                self.notify("Already in the briefing.", markup=False)
                self.select(self.session.briefing.index(existing))
        return article

    def _changed(self, article: Article) -> None:
        # Called on this loop by the session, often hundreds of times a second.
        assert self.session is not None
        self._dirty.add(self.session.briefing.index(article))
        if self._draw is not None:
            self._draw.poke()

    def _draw_changes(self) -> None:
        if self.briefing is None or not self._dirty:
            return
        dirty, self._dirty = self._dirty, set()
        articles = self.briefing.articles
        new = range(self.article_list.row_count - 1, len(articles))
        for index in sorted(dirty.union(new)):
            self.article_list.set_article(index, articles[index], self._read.get(index))
        self._ask_read_state([i for i in dirty if articles[i].stage is Stage.DONE])
        self._progress()
        if self.selected in dirty or self.selected == BRIEFING:
            self.revision += 1
        if self._merge is not None and any(articles[i].stage is Stage.DONE for i in dirty):
            self._merge.poke()

    def _progress(self) -> None:
        if self.briefing is None:
            return
        articles = self.briefing.articles
        finished = sum(a.stage in (Stage.DONE, Stage.ERROR) for a in articles)
        bar = self.query_one(ProgressBar)
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

    def _mark_read(self, index: int) -> None:
        """The reader opened article `index`: it is read, now and next time."""
        if self.briefing is None or index == BRIEFING:
            return
        article = self.briefing.articles[index]
        if article.items is not None or article.stage is not Stage.DONE:
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
        try:
            entities, timeline = await self.session.merged()
        except Exception:  # a merge bug must not close the app; articles stay readable
            self.log.error("merging the briefing failed")
            entities = timeline = None
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

    @property
    def settled(self) -> bool:
        """True when input has ended, every article is finished and every pane is drawn."""
        session = self.session
        if session is None or not self._input_done or session.in_flight:
            return False
        if self._dirty or (self._draw is not None and self._draw.pending):
            return False
        if self._merging or (self._merge is not None and self._merge.pending):
            return False
        panes = (self.article_view, self.query_one(EntitiesPane), self.query_one(TimelinePane))
        return not any(p.busy for p in panes)

    async def wait_settled(self, timeout: float = 60.0) -> None:
        """For tests and the screenshot script: wait until all work is done and drawn."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.settled:
            if loop.time() > deadline:
                raise TimeoutError("the briefing did not settle")
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.05)

    # Selection and highlights ------------------------------------------------------------

    @on(RowList.Highlighted, "#articles")
    def _article_highlighted(self, message: RowList.Highlighted) -> None:
        self.selected = message.index - 1  # row 0 is the Briefing entry

    @on(RowList.Chosen, "#articles")
    def _article_chosen(self, message: RowList.Chosen) -> None:
        self.action_focus_pane("text")

    def select(self, index: int) -> None:
        """Show article `index` (or BRIEFING), moving the list highlight with it."""
        self.article_list.highlighted = index + 1
        self.selected = index

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        if self.briefing is None:
            return
        walk = entity_walk(self.briefing, message.name, message.aliases, message.article)
        if not walk.stops:
            self.notify(f"No mentions of {message.name} to show.", severity="warning", markup=False)
            return
        # A merged entity's mentions are walked across all its articles with n / N.
        self._walk = walk
        self._step_walk(1)
        self._show_text_when_narrow()

    @on(TimelineChosen)
    def _timeline_chosen(self, message: TimelineChosen) -> None:
        if self.briefing is None:
            return
        self._end_walk()
        article = self.briefing.articles[message.article]
        span = message.span
        if span.block < len(article.blocks):
            text = article.blocks[span.block].text
            # Highlight the whole sentence when it can be found around the expression.
            start = text.rfind(message.sentence, 0, span.end) if message.sentence else -1
            if start != -1 and start + len(message.sentence) >= span.end:
                span = Mention(span.block, start, start + len(message.sentence))
        self.select(message.article)
        self.article_view.set_marks([span], "event")
        self._show_text_when_narrow()

    def _show_text_when_narrow(self) -> None:
        # Below 110 columns the text is hidden while a side pane has the screen.
        if self.screen.has_class("-narrow"):
            self.action_focus_pane("text")

    # Actions ---------------------------------------------------------------------------

    def action_focus_pane(self, pane: str) -> None:
        # On a narrow screen the side panes take the text's place while they have focus.
        self.screen.set_class(pane in ("entities", "timeline"), "-side")
        self.query_one(f"#{pane}").focus()
        if pane == "text":  # reading it, not just passing it in the list
            self._mark_read(self.selected)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        if self.briefing is None:
            return
        search = self.query_one("#search", Input)
        search.remove_class("closed")
        search.value = ""
        self.screen.remove_class("-side")
        search.focus()

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        event.input.add_class("closed")
        self.article_view.focus()
        self._end_walk()
        if self.selected != BRIEFING or self.briefing is None:
            self.article_view.search(event.value)
            return
        # On the Briefing entry: every article is searched, the hits listed by article.
        self._walk = search_walk(self.briefing, event.value)
        self.article_view.show_briefing_hits((self._walk.label, self._walk.by_article()))

    def _step_walk(self, delta: int) -> None:
        """Go to the next (or previous) highlight of the walk, in whichever article."""
        assert self._walk is not None
        index, marks, current, label = self._walk.step(delta)
        if self.selected != index:
            self.select(index)
        self.article_view.set_marks(marks, label, current)

    def _end_walk(self) -> None:
        if self._walk is not None or self.article_view.briefing_hits is not None:
            self._walk = None
            self.article_view.show_briefing_hits(None)

    def action_clear(self) -> None:
        search = self.query("#search").first(Input) if self.query("#search") else None
        if search is not None and not search.has_class("closed"):
            search.add_class("closed")
            self.article_view.focus()
        else:
            self._end_walk()
            self.article_view.clear_marks()

    def action_step(self, delta: int) -> None:
        if self._walk is not None and self._walk.stops:
            self._step_walk(delta)
            self._show_text_when_narrow()
        elif not self.article_view.step(delta):
            self.notify(
                "Nothing highlighted: press enter on an entity, or / to search.", markup=False
            )
        else:
            self._show_text_when_narrow()

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed
        if self.show_removed and self.selected == BRIEFING:
            self.notify("Select an article to see what its cleaner removed.", markup=False)

    def _current(self) -> Article | None:
        if self.briefing is None or self.selected == BRIEFING:
            self.notify("Select an article first.", severity="warning", markup=False)
            return None
        return self.briefing.articles[self.selected]

    def action_open(self) -> None:
        article = self._current()
        if article is None:
            return
        url = article.url or input_uri(article.input)
        if url is None:
            self.notify("This input has no address to open.", severity="warning")
            return
        self._open_in_browser(url)

    @work(thread=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        # webbrowser may start a console browser or wait on a slow launcher: never on the UI.
        import webbrowser

        if webbrowser.open(url):
            self.call_from_thread(self.notify, f"Opened {one_line(url, 200)}", markup=False)
        else:
            self.call_from_thread(
                self.notify, "No web browser found.", severity="warning", markup=False
            )

    def action_copy_url(self) -> None:
        article = self._current()
        if article is not None:
            url = article.url or input_uri(article.input)
            if url is None:
                self.notify("This input has no address to copy.", severity="warning")
                return
            self.copy_to_clipboard(url)
            self.notify(f"Copied {one_line(url, 200)}", markup=False)

    def action_add(self) -> None:
        def added(value: str | None) -> None:
            text = parse_line(value or "")
            if text is not None:
                self.add_input(text)

        self.push_screen(AddUrlScreen(), added)

    def action_reload(self) -> None:
        if self.session is None or self.briefing is None:
            return
        articles = self.briefing.articles
        if self.selected == BRIEFING:
            targets = [a for a in articles if a.stage is Stage.ERROR]
            if not targets:
                self.notify("No failed articles to retry.", markup=False)
        else:
            targets = [articles[self.selected]]
        for article in targets:
            if not self.session.reload(article):
                self.notify("This article is still being read.", markup=False)

    def action_export(self) -> None:
        if self.briefing is not None:
            self._export(self.briefing)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, briefing: Briefing) -> None:
        from tui.pipeline.export import write_markdown

        try:
            path = write_markdown(briefing, self.export_dir or Path.cwd())
        except OSError as exc:
            message = f"Could not export: {one_line(str(exc), 200)}"
            self.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.call_from_thread(
            self.notify, f"Exported the briefing to {one_line(str(path), 200)}", markup=False
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        commands = [
            ("Help", "Show every key", self.action_help),
            ("Search", "Search the article text", self.action_search),
            ("Boilerplate", "Show or hide what the cleaner removed", self.action_toggle_removed),
            ("Open in browser", "Open the article in the web browser", self.action_open),
            ("Copy URL", "Copy the article's URL", self.action_copy_url),
            ("Add URL", "Add an article to the briefing", self.action_add),
            ("Reload", "Fetch the article again", self.action_reload),
            ("Export Markdown", "Write the briefing to a Markdown file", self.action_export),
            ("Next highlight", "Step to the next mention or hit", lambda: self.action_step(1)),
            ("Previous highlight", "Step back", lambda: self.action_step(-1)),
        ]
        for pane, key in zip(PANES, "1234", strict=True):
            commands.append((f"Go to {pane}", f"Focus the {pane} pane ({key})", _bind(self, pane)))
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)


def _titled(widget: W, title: str) -> W:
    widget.border_title = title
    return widget


def _bind(app: BriefingApp, pane: str) -> Callable[[], None]:
    return lambda: app.action_focus_pane(pane)


def create_app(
    inputs: list[str],
    options: Options,
    *,
    lines: AsyncIterator[str] | None = None,
    export_dir: Path | None = None,
    stages: Stages | None = None,
    cache: CacheSettings | None = None,
    reopen: Reopen | None = None,
    theme: str | None = None,
    warnings: list[str] | None = None,
) -> BriefingApp:
    """The one place the app is built: by the launcher, the tests and the screenshots.
    `stages` replaces what the workers run (tests only); `cache` None runs without one."""
    return BriefingApp(
        inputs,
        options,
        lines,
        export_dir=export_dir,
        stages=stages,
        cache=cache,
        reopen=reopen,
        theme=theme,
        warnings=warnings,
    )
