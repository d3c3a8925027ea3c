"""The panes: article list, article text, entities, timeline.

Each pane reads the briefing through the app (`self.app.briefing`) and redraws when the
reactives bound from the app (`selected`, `revision`) change. Page text only ever enters a
pane through `safe()` and `rich.text.Text`, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.messages import EntityChosen, TimelineChosen
from tui.app.text import fold, one_line, safe
from tui.pipeline.model import Article, EntityType, Mention, RemovedBlock, Stage
from tui.pipeline.timex import timex_label

if TYPE_CHECKING:
    from tui.app.main import BriefingApp

BRIEFING = -1  # the `selected` value of the merged "Briefing" entry
OVERVIEW_HEADLINES = 20

STAGE_GLYPHS = {
    Stage.QUEUED: "·",
    Stage.FETCHING: "↓",
    Stage.EXTRACTING: "⋯",
    Stage.ANALYSING: "◔",
    Stage.DONE: "✓",
    Stage.ERROR: "✗",
}
VIM_MOVES: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
]


def site_of(article: Article) -> str:
    from urllib.parse import urlsplit

    if article.metadata.site:
        return one_line(article.metadata.site)
    host = urlsplit(article.url or article.input).hostname
    return host.removeprefix("www.") if host else "local file"


def stage_line(article: Article) -> Text:
    """'site · stage' or the error in words, for list rows and the overview."""
    if article.error is not None:
        return Text(f"error: {one_line(article.error.message)}", style="bold red")
    return Text(f"{site_of(article)} · {article.stage.value}", style="dim")


def article_row(article: Article) -> Text:
    row = Text()
    row.append(f"{STAGE_GLYPHS[article.stage]} ", style="bold")
    row.append(one_line(article.display_title, 120))
    row.append("\n  ")
    row.append_text(stage_line(article))
    return row


def location(article: Article) -> str:
    """The URL for web pages; just the file name for local files (paths are long and
    personal, and the name is what the reader chose)."""
    where = article.url or article.input
    if where.startswith("file:"):
        from urllib.parse import unquote, urlsplit

        return unquote(urlsplit(where).path).rsplit("/", 1)[-1]
    if "://" not in where:
        return where.replace("\\", "/").rsplit("/", 1)[-1]
    return where


class ArticleList(OptionList):
    """The articles in input order, with "Briefing" (the merged view) first."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_MOVES

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Option(Text("◆ Briefing", style="bold"), id="briefing"), id=id)

    def set_article(self, index: int, article: Article) -> None:
        row = index + 1  # row 0 is the Briefing entry
        if row < self.option_count:
            self.replace_option_prompt_at_index(row, article_row(article))
        else:
            self.add_option(Option(article_row(article)))


class BlockText(Static):
    """One block of article text; re-rendered in place when highlights change."""

    DEFAULT_CSS = """
    BlockText { margin-bottom: 1; }
    BlockText.heading { text-style: bold; }
    BlockText.quote { padding-left: 2; text-style: italic; }
    BlockText.list_item { padding-left: 2; }
    """

    def __init__(self, index: int, text: str, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.index = index
        self.text = safe(text)
        self.prefix = "• " if "list_item" in classes.split() else ""

    def show(self, marks: list[tuple[int, int, str]]) -> None:
        """Paint the block with (start, end, style) highlights."""
        body = Text(self.prefix + self.text)
        shift = len(self.prefix)
        for start, end, style in marks:
            body.stylize(style, start + shift, end + shift)
        self.update(body)

    def on_mount(self) -> None:
        self.show([])


@dataclass(frozen=True)
class _Signature:
    """What the text pane shows; a redraw with an equal signature changes nothing."""

    selected: int
    blocks: int
    removed: int
    stage: Stage | None
    title: str | None
    count: int


class ArticleView(VerticalScroll, can_focus=True):
    """The clean text of the selected article (or the briefing overview), with
    highlights for entity mentions, search hits and timeline sentences."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-view--mark", "article-view--current"}
    DEFAULT_CSS = """
    ArticleView { padding: 0 1; }
    ArticleView > .article-view--mark { background: $warning 40%; }
    ArticleView > .article-view--current { background: $accent; color: $text; text-style: bold; }
    ArticleView .removed { display: none; color: $text-muted; text-style: italic; }
    ArticleView.-show-removed .removed { display: block; }
    ArticleView .removed-inline { margin-bottom: 1; }
    ArticleView .title { text-style: bold; color: $text-primary; }
    ArticleView .meta { color: $text-muted; margin-bottom: 1; }
    ArticleView .error { color: $text-error; text-style: bold; margin-bottom: 1; }
    ArticleView .notice { color: $text-muted; margin-bottom: 1; }
    """

    # init=False: nothing to draw before the briefing exists, and an early redraw would
    # only delay the first frame.
    selected: reactive[int] = reactive(BRIEFING, init=False)
    revision: reactive[int] = reactive(0, init=False)
    show_removed: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._signature: _Signature | None = None
        self._pending = False
        self.marks: list[Mention] = []
        self.current = 0
        self.mark_label = ""
        self._after_build: list[Mention] | None = None

    def compose(self) -> ComposeResult:
        yield Static("Starting…", classes="notice")

    @property
    def _app(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    def watch_selected(self) -> None:
        self.marks = []
        self._schedule()

    def watch_revision(self) -> None:
        self._schedule()

    def watch_show_removed(self, value: bool) -> None:
        self.set_class(value, "-show-removed")

    def _schedule(self) -> None:
        # `selected` and `revision` often change together; build once for both.
        if not self._pending:
            self._pending = True
            self.call_later(self._rebuild)

    @property
    def busy(self) -> bool:
        return self._pending

    def _signature_now(self) -> _Signature:
        briefing = self._app.briefing
        if briefing is None:
            return _Signature(self.selected, 0, 0, None, None, -1)
        if self.selected == BRIEFING:
            # The overview is redrawn in place (`refresh_overview`), never rebuilt.
            return _Signature(BRIEFING, 0, 0, None, None, 0)
        article = briefing.articles[self.selected]
        return _Signature(
            self.selected,
            id(article.blocks),
            id(article.removed),
            # Once the text is there, later stages do not change what this pane shows.
            None if article.blocks else article.stage,
            article.metadata.title,
            0 if article.error is None else 1,
        )

    async def _rebuild(self) -> None:
        self._pending = False
        signature = self._signature_now()
        if signature == self._signature:
            if self.selected == BRIEFING:
                self.refresh_overview()
            self._apply_after_build()
            return
        same_article = self._signature is not None and self._signature.selected == self.selected
        self._signature = signature
        briefing = self._app.briefing
        if briefing is None:
            widgets: list[Static] = [Static("Starting…", classes="notice")]
        elif self.selected == BRIEFING:
            widgets = self._overview()
        else:
            widgets = self._article(briefing.articles[self.selected])
        if not same_article:
            self.marks = []
        async with self.batch():
            await self.remove_children()
            await self.mount_all(widgets)
        if not same_article:
            self.scroll_home(animate=False)
        self._apply_after_build()

    def _overview(self) -> list[Static]:
        return [
            Static("Briefing", classes="title"),
            Static(self._overview_text(), classes="overview"),
        ]

    def refresh_overview(self) -> None:
        """Redraw the briefing overview in place (one widget, however many articles)."""
        for widget in self.query(".overview").results(Static):
            widget.update(self._overview_text())

    def _overview_text(self) -> Text:
        briefing = self._app.briefing
        articles = briefing.articles if briefing is not None else []
        done = sum(a.stage is Stage.DONE for a in articles)
        failed = sum(a.stage is Stage.ERROR for a in articles)
        busy = len(articles) - done - failed
        summary = f"{len(articles)} articles · {done} done · {failed} failed"
        if busy:
            summary += f" · {busy} in progress"
        text = Text(summary + "\n", style="dim")
        if not articles:
            text.append("\nNo articles yet. Press a to add a URL.", style="italic")
            return text
        sites: dict[str, int] = {}
        for article in articles:
            if article.error is None and article.blocks:
                sites[site_of(article)] = sites.get(site_of(article), 0) + 1
        if sites:
            text.append("\nSources\n", style="bold")
            text.append(" · ".join(f"{name} ({n})" for name, n in sorted(sites.items())) + "\n")
        errors = [(i, a) for i, a in enumerate(articles, 1) if a.error is not None]
        if errors:
            text.append(f"\nCould not be read ({len(errors)})\n", style="bold")
            for number, article in errors:
                assert article.error is not None
                text.append(f"{number}. {one_line(location(article))}\n", style="bold red")
                text.append(f"   {one_line(article.error.message)}\n")
        # The list on the left shows every article; the overview stays short so redrawing
        # it while a hundred articles load costs little.
        read = [(i, a) for i, a in enumerate(articles, 1) if a.error is None and a.blocks]
        if read:
            text.append("\nHeadlines\n", style="bold")
            for number, article in read[:OVERVIEW_HEADLINES]:
                text.append(f"{number}. ", style="bold")
                text.append(one_line(article.display_title) + "\n")
            if len(read) > OVERVIEW_HEADLINES:
                more = len(read) - OVERVIEW_HEADLINES
                text.append(f"… and {more} more in the list on the left\n", style="dim")
        return text

    def _article(self, article: Article) -> list[Static]:
        meta = article.metadata
        widgets: list[Static] = [Static(Text(one_line(article.display_title)), classes="title")]
        details = [site_of(article)]
        if meta.authors:
            details.append(", ".join(one_line(a) for a in meta.authors))
        if meta.published:
            details.append(timex_label(meta.published) or one_line(meta.published))
        line = Text(" · ".join(details))
        line.append("\n" + one_line(location(article)), style="dim")
        widgets.append(Static(line, classes="meta"))
        if article.error is not None:
            message = Text(f"Could not read this article: {safe(article.error.message)}")
            message.append(f"\ninput: {one_line(location(article))}", style="not bold")
            widgets.append(Static(message, classes="error"))
            return widgets
        if not article.blocks:
            widgets.append(Static(f"{article.stage.value.capitalize()}…", classes="notice"))
            return widgets
        if not article.removed:
            widgets.extend(_blocks(article))
            widgets.append(Static("Nothing was removed from this article.", classes="removed"))
            return widgets
        count = len(article.removed)
        heading = f"Removed by the cleaner ({count}), shown where each stood"
        widgets.append(Static(heading, classes="removed removed-heading notice"))
        # Removed lines go between the blocks, hidden until `b`; the BlockText widgets keep
        # their block index, so highlights still find the right paragraph.
        standing: dict[int, list[RemovedBlock]] = {}
        unplaced: list[RemovedBlock] = []
        last = len(article.blocks)
        for removed in article.removed:
            if removed.position is None:
                unplaced.append(removed)
            else:
                standing.setdefault(min(max(removed.position, 0), last), []).append(removed)
        for i, block in enumerate(_blocks(article)):
            widgets.extend(_removed_line(r, "removed-inline") for r in standing.get(i, ()))
            widgets.append(block)
        widgets.extend(_removed_line(r, "removed-inline") for r in standing.get(last, ()))
        if unplaced:
            heading = f"Removed, place in the page not known ({len(unplaced)})"
            widgets.append(Static(heading, classes="removed removed-heading"))
            widgets.extend(_removed_line(r) for r in unplaced)
        return widgets

    # Highlights ---------------------------------------------------------------------

    def set_marks(self, marks: list[Mention], label: str) -> None:
        """Highlight `marks` and scroll to the first; applied after a pending rebuild."""
        self.mark_label = label
        if self._pending:
            self._after_build = marks
        else:
            self._paint(marks, 0)

    def _apply_after_build(self) -> None:
        if self._after_build is not None:
            marks, self._after_build = self._after_build, None
            self._paint(marks, 0)
        elif self.marks:
            self._paint(self.marks, self.current)

    def step(self, delta: int) -> bool:
        if not self.marks:
            return False
        self._paint(self.marks, (self.current + delta) % len(self.marks))
        return True

    def _paint(self, marks: list[Mention], current: int) -> None:
        self.marks = marks
        self.current = current
        mark = self.get_component_rich_style("article-view--mark")
        now = self.get_component_rich_style("article-view--current")
        by_block: dict[int, list[tuple[int, int, str]]] = {}
        for n, m in enumerate(marks):
            style = now if n == current else mark
            by_block.setdefault(m.block, []).append((m.start, m.end, style))  # type: ignore[arg-type]
        target: BlockText | None = None
        for widget in self.query(BlockText):
            widget.show(by_block.get(widget.index, []))
            if marks and widget.index == marks[current].block:
                target = widget
        # The label quotes the reader's query or an entity's name: text, never markup.
        if marks:
            self.border_subtitle = Text(f"{self.mark_label} {current + 1}/{len(marks)}")
        else:
            self.border_subtitle = Text(f"{self.mark_label}: no matches" if self.mark_label else "")
        if target is not None:
            self.call_after_refresh(self.scroll_to_center, target, animate=False)

    def clear_marks(self) -> None:
        self.mark_label = ""
        self._paint([], 0)

    def search(self, query: str) -> None:
        briefing = self._app.briefing
        if briefing is None or self.selected == BRIEFING or not query:
            self.mark_label = f"“{query}”"
            self._paint([], 0)
            return
        marks: list[Mention] = []
        for i, block in enumerate(briefing.articles[self.selected].blocks):
            hay = fold(block.text)
            start = hay.find(fold(query))
            while start != -1:
                marks.append(Mention(i, start, start + len(query)))
                start = hay.find(fold(query), start + 1)
        self.set_marks(marks, f"“{one_line(query, 30)}”")


def _blocks(article: Article) -> list[BlockText]:
    return [
        BlockText(i, block.text, classes=f"block {block.kind.value}")
        for i, block in enumerate(article.blocks)
    ]


def _removed_line(removed: RemovedBlock, extra: str = "") -> Static:
    text = Text(f"[{safe(removed.reason)}] ", style="bold")
    text.append(safe(removed.text))
    return Static(text, classes=f"removed {extra}".strip())


def _notice(text: str) -> Option:
    return Option(Text(text, style="dim italic"), disabled=True)


def unavailable(article: Article | None, what: str, analysis: bool) -> str:
    """Why a pane has nothing to show yet, in a reader's words."""
    if article is None:
        return f"No {what} yet."
    if article.error is not None:
        return f"No {what}: the article could not be read."
    if not analysis:
        return f"Analysis is off, so there are no {what}."
    if article.stage is not Stage.DONE:
        return f"The {what} appear once the text is analysed…"
    return f"No {what} for this article."


class _AnalysisList(OptionList):
    """A side pane listing what analysis found for the selected article or the briefing;
    rebuilt at most once per refresh however many changes arrive."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_MOVES

    # init=False: nothing to draw before the briefing exists, and an early redraw would
    # only delay the first frame.
    selected: reactive[int] = reactive(BRIEFING, init=False)
    revision: reactive[int] = reactive(0, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(_notice("Starting…"), id=id)
        self._pending = False

    def watch_selected(self) -> None:
        self._schedule()

    def watch_revision(self) -> None:
        self._schedule()

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            self.call_later(self._rebuild)

    def _rebuild(self) -> None:
        """Redraw the rows from the app's current state; each pane draws its own."""
        raise NotImplementedError

    def _show(self, options: list[Option], highlighted: int | None) -> None:
        # Keep the reader's place across redraws while the list grows under them.
        self.set_options(options)
        if highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted


class EntitiesPane(_AnalysisList):
    """Entities grouped by type, most mentioned first; enter highlights them in the text."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: dict[int, tuple[str, list[str]]] = {}

    def _rebuild(self) -> None:
        self._pending = False
        app: BriefingApp = self.app  # type: ignore[assignment]
        rows: list[tuple[str, EntityType, int, list[str]]] | None
        message = ""
        if app.briefing is None:
            rows, message = None, "Starting…"
        elif self.selected == BRIEFING:
            merged = app.merged_entities
            rows = (
                None if merged is None else [(e.name, e.type, e.count, e.aliases) for e in merged]
            )
            message = app.merged_message("entities")
        else:
            article = app.briefing.articles[self.selected]
            found = article.entities
            rows = None if found is None else [(e.name, e.type, e.count, e.aliases) for e in found]
            message = unavailable(article, "entities", app.options.analysis)
        highlighted = self.highlighted
        self._rows = {}
        options: list[Option] = []
        if rows is None:
            options.append(_notice(message))
        elif not rows:
            options.append(_notice("No entities found."))
        for kind in EntityType:
            group = sorted((r for r in rows or [] if r[1] is kind), key=lambda r: (-r[2], r[0]))
            if not group:
                continue
            options.append(Option(Text(f"{kind.plural} ({len(group)})", "bold"), disabled=True))
            for name, _, count, aliases in group:
                self._rows[len(options)] = (name, aliases)
                label = Text(f"  {one_line(name)} ")
                label.append(f"×{count}", style="dim")
                options.append(Option(label))
        self._show(options, highlighted)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self._rows.get(event.option_index)
        if row is not None:
            article = None if self.selected == BRIEFING else self.selected
            self.post_message(EntityChosen(row[0], row[1], article))


class TimelinePane(_AnalysisList):
    """Dated events, earliest first; enter scrolls the text to the sentence."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: dict[int, tuple[int, Mention, str]] = {}

    def _rebuild(self) -> None:
        self._pending = False
        app: BriefingApp = self.app  # type: ignore[assignment]
        from tui.pipeline.model import TimelineEntry

        entries: list[tuple[int, TimelineEntry]] | None
        if app.briefing is None:
            entries, message = None, "Starting…"
        elif self.selected == BRIEFING:
            merged = app.merged_timeline
            entries = None if merged is None else [(e.article, e.entry) for e in merged]
            message = app.merged_message("timeline entries")
        else:
            article = app.briefing.articles[self.selected]
            timeline = article.timeline
            entries = None if timeline is None else [(self.selected, e) for e in timeline]
            message = unavailable(article, "timeline entries", app.options.analysis)
        highlighted = self.highlighted
        self._rows = {}
        options: list[Option] = []
        if entries is None:
            options.append(_notice(message))
        elif not entries:
            options.append(_notice("No dated events found."))
        for article, entry in entries or []:
            label = Text()
            when = timex_label(entry.value) if not entry.vague else None
            label.append(one_line(when or entry.expression), style="bold")
            if entry.anchor_assumed:
                label.append(" (date assumed)", style="dim")
            if self.selected == BRIEFING and app.briefing is not None:
                label.append(f" · {site_of(app.briefing.articles[article])}", style="dim")
            label.append("\n" + one_line(entry.sentence, 200))
            span = Mention(entry.block, entry.start, entry.end)
            self._rows[len(options)] = (article, span, entry.sentence)
            options.append(Option(label))
        self._show(options, highlighted)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self._rows.get(event.option_index)
        if row is not None:
            self.post_message(TimelineChosen(*row))
