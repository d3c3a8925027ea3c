"""The app: builds the panes, feeds articles through the pipeline in workers, and routes
the panes' messages. `create_app` is the one factory; the launcher, the tests and the
screenshot script all build the app through it.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import AsyncIterator, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import MountError, Widget
from textual.widgets import Footer, Header, Input, OptionList, ProgressBar

from tui.app.messages import ArticleChanged, EntityChosen, TimelineChosen
from tui.app.screens import AddUrlScreen, HelpScreen
from tui.app.widgets import (
    BRIEFING,
    ArticleList,
    ArticleView,
    EntitiesPane,
    TimelinePane,
)
from tui.pipeline.inputs import parse_line
from tui.pipeline.model import (
    Article,
    BriefingEntity,
    BriefingTimelineEntry,
    Mention,
    Stage,
)
from tui.pipeline.options import Options

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import httpx

    from tui.pipeline.briefing import Briefing

W = TypeVar("W", bound=Widget)
PANES = ("articles", "text", "entities", "timeline")
# How often the merged briefing is recomputed while articles stream in.
MERGE_INTERVAL = 0.5
# How often stage changes are drawn (list rows, progress, the open article).
FLUSH_INTERVAL = 0.2
CPU_THREADS = 2
OVERVIEW_INTERVAL = 0.5


class BriefingApp(App[int]):
    CSS_PATH = "briefing.tcss"
    AUTO_FOCUS = "#articles"
    TITLE = "briefing"
    # Below 110 columns there is no room for three readable columns: the entities and
    # timeline share the text's place and show when focused (keys 3 and 4).
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
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

    selected: reactive[int] = reactive(BRIEFING)
    revision: reactive[int] = reactive(0)
    show_removed: reactive[bool] = reactive(False)

    def __init__(
        self,
        inputs: Iterable[str],
        options: Options,
        lines: AsyncIterator[str] | None = None,
        *,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.inputs = list(inputs)
        self.options = options
        self.lines = lines
        self.export_dir = export_dir
        self.briefing: Briefing | None = None
        self.merged_entities: list[BriefingEntity] | None = None
        self.merged_timeline: list[BriefingTimelineEntry] | None = None
        self._merge_state = "idle"  # idle | waiting | running
        self._merge_dirty = False
        self._merged_once = False
        self._index: dict[int, int] = {}  # id(article) -> index, for on_change callbacks
        self._in_flight: set[int] = set()
        self._client: httpx.AsyncClient | None = None
        self._limit = asyncio.Semaphore(options.concurrency)
        self._input_done = False
        self._dirty: set[int] = set()
        self._draw_scheduled = False
        self._overview_scheduled = False

    # Layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield _titled(ArticleList(id="articles"), "1 Articles")
            with Vertical(id="reader"):
                yield _titled(ArticleView(id="text"), "2 Text").data_bind(
                    BriefingApp.selected, BriefingApp.revision, BriefingApp.show_removed
                )
            with Vertical(id="side"):
                yield _titled(EntitiesPane(id="entities"), "3 Entities").data_bind(
                    BriefingApp.selected, BriefingApp.revision
                )
                yield _titled(TimelinePane(id="timeline"), "4 Timeline").data_bind(
                    BriefingApp.selected, BriefingApp.revision
                )
        yield Footer()

    def on_mount(self) -> None:
        # The pipeline's CPU stages run in the loop's default executor (asyncio.to_thread).
        # Every busy thread takes an equal share of the GIL from the thread that paints and
        # reads keys, so a few are kept, not one per core plus four: two lets one article's
        # text be extracted while another is analysed.
        self._executor = ThreadPoolExecutor(max_workers=CPU_THREADS, thread_name_prefix="stage")
        asyncio.get_running_loop().set_default_executor(self._executor)
        # Start reading only once the first frame is on screen: the pipeline's imports
        # and threads would otherwise compete with it.
        self.call_after_refresh(self._start)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    # Feeding the pipeline -------------------------------------------------------------

    @work(group="input")
    async def _start(self) -> None:
        # Runs after the first frame. Widgets only needed once work starts are mounted
        # here, and httpx and the pipeline (a noticeable part of startup) imported here.
        try:
            await self.query_one("#sidebar").mount(
                ProgressBar(id="progress", show_eta=False, classes="idle")
            )
            await self.query_one("#reader").mount(
                Input(placeholder="search the text", id="search", classes="closed")
            )
        except MountError:
            return  # the reader quit before the first frame
        module = await asyncio.to_thread(importlib.import_module, "tui.pipeline.briefing")
        fetch = importlib.import_module("tui.pipeline.fetch")
        self.briefing = module.Briefing()
        self._client = fetch.make_client(self.options)
        self.revision += 1
        for text in self.inputs:
            self.add_input(text)
        if self.lines is not None:
            async for text in self.lines:
                self.add_input(text)
        self._input_done = True
        self._progress()

    async def on_unmount(self) -> None:
        if self._client is not None:
            await self._client.aclose()
        # Threads may still be parsing; they finish on their own, nobody waits for them.
        self._executor.shutdown(wait=False, cancel_futures=True)

    def add_input(self, text: str) -> Article | None:
        """Queue one input (URL or local file) and start processing it."""
        if self.briefing is None:
            return None
        article = self.briefing.add(text)
        index = len(self.briefing.articles) - 1
        self._index[id(article)] = index
        self.article_list.set_article(index, article)
        self._process(article)
        self._changed(index)
        return article

    def _process(self, article: Article) -> None:
        index = self._index[id(article)]
        self._in_flight.add(index)
        self.run_worker(self._run_article(article, index), group="articles")

    async def _run_article(self, article: Article, index: int) -> None:
        from tui.pipeline.briefing import process_article

        assert self.briefing is not None and self._client is not None

        def on_change(changed: Article) -> None:
            # Called on this loop by the pipeline; the message queue collapses bursts.
            self.post_message(ArticleChanged(self._index[id(changed)]))

        try:
            await process_article(
                self.briefing, article, self._client, self.options, on_change, self._limit
            )
        finally:
            # Marked dirty directly (we are on the loop): once nothing is in flight, the
            # next draw is guaranteed to show the final state, whatever is still queued.
            self._changed(index)
            self._in_flight.discard(index)

    @on(ArticleChanged)
    def _article_changed(self, message: ArticleChanged) -> None:
        self._changed(message.index)

    def _changed(self, index: int) -> None:
        # A hundred articles make several hundred stage changes; redrawing for each one
        # would starve the keyboard. Changes are gathered and drawn at most every FLUSH.
        self._dirty.add(index)
        if not self._draw_scheduled:
            self._draw_scheduled = True
            self.set_timer(FLUSH_INTERVAL, self._draw_changes)

    def _draw_changes(self) -> None:
        self._draw_scheduled = False
        if self.briefing is None or not self._dirty:
            return
        dirty, self._dirty = self._dirty, set()
        articles = self.briefing.articles
        for index in sorted(dirty):
            self.article_list.set_article(index, articles[index])
        self._progress()
        self._merge_dirty = True
        if self.selected in dirty:
            self.revision += 1
        elif self.selected == BRIEFING:
            self._schedule_overview()
            self._schedule_merge()

    def _schedule_overview(self) -> None:
        # Re-wrapping the overview of a hundred articles costs tens of milliseconds; twice
        # a second is plenty for a summary.
        if not self._overview_scheduled:
            self._overview_scheduled = True
            self.set_timer(OVERVIEW_INTERVAL, self._draw_overview)

    def _draw_overview(self) -> None:
        self._overview_scheduled = False
        if self.selected == BRIEFING:
            self.article_view.refresh_overview()

    def _progress(self) -> None:
        if self.briefing is None:
            return
        articles = self.briefing.articles
        finished = sum(a.stage in (Stage.DONE, Stage.ERROR) for a in articles)
        bar = self.query_one(ProgressBar)
        bar.update(total=max(1, len(articles)), progress=finished)
        bar.set_class(finished == len(articles), "idle")

    # The merged briefing is computed off the UI path (it may import spaCy-sized modules and
    # touches every article), at most every MERGE_INTERVAL while articles stream in.

    def _schedule_merge(self) -> None:
        if self._merge_state == "idle":
            self._merge_state = "waiting"
            if self._merged_once:
                self.set_timer(MERGE_INTERVAL, self._merge)
            else:
                self.call_later(self._merge)

    def _merge(self) -> None:
        self._merge_state = "running"
        self._merge_dirty = False
        self._merge_worker()

    @work(thread=True, group="merge")
    def _merge_worker(self) -> None:
        assert self.briefing is not None
        entities: list[BriefingEntity] | None
        timeline: list[BriefingTimelineEntry] | None
        analysed = self.options.analysis and any(
            a.stage is Stage.DONE for a in self.briefing.articles
        )
        try:
            entities = self.briefing.entities() if analysed else None
            timeline = self.briefing.timeline() if analysed else None
        except Exception:  # a merge bug must not close the reader's app; articles stay readable
            log.exception("merging the briefing failed")
            entities = timeline = None
        self.call_from_thread(self._merged, entities, timeline)

    def _merged(
        self, entities: list[BriefingEntity] | None, timeline: list[BriefingTimelineEntry] | None
    ) -> None:
        self.merged_entities = entities
        self.merged_timeline = timeline
        self._merged_once = True
        self._merge_state = "idle"
        if self.selected == BRIEFING:
            self.revision += 1
        if self._merge_dirty and self.selected == BRIEFING:
            self._schedule_merge()

    def merged_message(self, what: str) -> str:
        """Why the merged pane is empty, in words."""
        if not self.options.analysis:
            return f"Analysis is off, so there are no {what}."
        if self.briefing is None or not self.briefing.articles:
            return f"No {what} yet."
        if not any(a.stage is Stage.DONE for a in self.briefing.articles):
            return f"The {what} appear once articles are analysed…"
        if self._merge_state != "idle" or not self._merged_once:
            return f"Merging the {what}…"
        return f"The {what} could not be merged; each article still shows its own."

    @property
    def settled(self) -> bool:
        """True when input has ended, every article is finished and every pane is drawn."""
        if self.briefing is None or not self._input_done or self._in_flight:
            return False
        if self._draw_scheduled or self._dirty or self._overview_scheduled:
            return False
        if self.selected == BRIEFING and (self._merge_state != "idle" or self._merge_dirty):
            return False
        panes = (self.article_view, self.query_one(EntitiesPane), self.query_one(TimelinePane))
        return not any(p._pending for p in panes)

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

    @on(OptionList.OptionHighlighted, "#articles")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.selected = event.option_index - 1  # row 0 is the Briefing entry

    def watch_selected(self, selected: int) -> None:
        if selected == BRIEFING and self.briefing is not None:
            self._schedule_merge()

    def select(self, index: int) -> None:
        """Show article `index` (or BRIEFING), moving the list highlight with it."""
        self.article_list.highlighted = index + 1
        self.selected = index

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        if self.briefing is None:
            return
        names = {message.name.casefold(), *(a.casefold() for a in message.aliases)}
        candidates = (
            [message.article] if message.article is not None else range(len(self.briefing.articles))
        )
        for index in candidates:
            for entity in self.briefing.articles[index].entities or []:
                aliases = {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
                if aliases & names and entity.mentions:
                    self.select(index)
                    self.article_view.set_marks(list(entity.mentions), entity.name)
                    return
        self.notify(f"No mentions of {message.name} to show.", severity="warning", markup=False)

    @on(TimelineChosen)
    def _timeline_chosen(self, message: TimelineChosen) -> None:
        if self.briefing is None:
            return
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
        if self.screen.has_class("-narrow"):
            self.action_focus_pane("text")

    # Actions ---------------------------------------------------------------------------

    def action_focus_pane(self, pane: str) -> None:
        # On a narrow screen the side panes take the text's place while they have focus.
        self.screen.set_class(pane in ("entities", "timeline"), "-side")
        self.query_one(f"#{pane}").focus()

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
        self.article_view.search(event.value)
        event.input.add_class("closed")
        self.article_view.focus()

    def action_clear(self) -> None:
        search = self.query("#search").first(Input) if self.query("#search") else None
        if search is not None and not search.has_class("closed"):
            search.add_class("closed")
            self.article_view.focus()
        else:
            self.article_view.clear_marks()

    def action_step(self, delta: int) -> None:
        if not self.article_view.step(delta):
            self.notify(
                "Nothing highlighted: press enter on an entity, or / to search.", markup=False
            )

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
        if article is not None:
            self._open_in_browser(article.url or _as_url(article.input))

    @work(thread=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        # webbrowser may start a console browser or wait on a slow launcher: never on the UI.
        import webbrowser

        if webbrowser.open(url):
            self.call_from_thread(self.notify, f"Opened {url}", markup=False)
        else:
            self.call_from_thread(
                self.notify, "No web browser found.", severity="warning", markup=False
            )

    def action_copy_url(self) -> None:
        article = self._current()
        if article is not None:
            url = article.url or _as_url(article.input)
            self.copy_to_clipboard(url)
            self.notify(f"Copied {url}", markup=False)

    def action_add(self) -> None:
        def added(value: str | None) -> None:
            text = parse_line(value or "")
            if text is not None:
                self.add_input(text)

        self.push_screen(AddUrlScreen(), added)

    def action_reload(self) -> None:
        if self.briefing is None:
            return
        if self.selected == BRIEFING:
            targets = [i for i, a in enumerate(self.briefing.articles) if a.stage is Stage.ERROR]
            if not targets:
                self.notify("No failed articles to retry.", markup=False)
        else:
            targets = [self.selected]
        for index in targets:
            if index in self._in_flight:
                self.notify("This article is still being read.", markup=False)
                continue
            article = self.briefing.articles[index]
            self.briefing.reset(article)
            self._process(article)
            self._changed(index)

    def action_export(self) -> None:
        if self.briefing is not None:
            self._export()

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self) -> None:
        from tui.pipeline.export import to_markdown

        assert self.briefing is not None
        stamp = f"briefing-{datetime.now():%Y%m%d-%H%M%S}"
        try:
            folder = self.export_dir or Path.cwd()
            text = to_markdown(self.briefing)
            # "x" never overwrites: two exports in one second get -2, -3 ...
            for n in range(1, 100):
                path = folder / (f"{stamp}.md" if n == 1 else f"{stamp}-{n}.md")
                try:
                    with path.open("x", encoding="utf-8") as fh:
                        fh.write(text)
                    break
                except FileExistsError:
                    continue
            else:
                raise FileExistsError(f"{stamp}.md and 98 numbered copies already exist")
        except OSError as exc:
            self.call_from_thread(
                self.notify, f"Could not export: {exc}", severity="error", markup=False
            )
            return
        self.call_from_thread(self.notify, f"Exported the briefing to {path}", markup=False)

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


def _bind(app: BriefingApp, pane: str) -> object:
    return lambda: app.action_focus_pane(pane)


def _as_url(text: str) -> str:
    """A local file input as a file:// URL, a URL unchanged."""
    if "://" in text:
        return text
    return Path(text).resolve().as_uri()


def create_app(
    inputs: list[str],
    options: Options,
    *,
    lines: AsyncIterator[str] | None = None,
    export_dir: Path | None = None,
) -> BriefingApp:
    """The one place the app is built: by the launcher, the tests and the screenshots."""
    return BriefingApp(inputs, options, lines, export_dir=export_dir)
