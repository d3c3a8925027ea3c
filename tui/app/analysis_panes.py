"""The side panes: the entities and the timeline of the selected article, or of the whole
briefing. Each reads its own reactives (bound from the app) and never imports the app;
`enter` on a row posts a message the app routes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.describe import BRIEFING, site_of, unavailable
from tui.app.messages import EntityChosen, TimelineChosen
from tui.app.text import one_line
from tui.pipeline.model import (
    Article,
    BriefingEntity,
    BriefingTimelineEntry,
    Entity,
    EntityType,
    Mention,
    TimelineEntry,
)
from tui.pipeline.timex import entry_label

if TYPE_CHECKING:
    from tui.pipeline.briefing import Briefing

VIM_MOVES: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
]


@dataclass(frozen=True)
class MergedView:
    """What the side panes show on the Briefing entry: the merged lists, or (None) why
    there are none yet, as a template of `{what}` ("Merging the {what}…")."""

    entities: list[BriefingEntity] | None = None
    timeline: list[BriefingTimelineEntry] | None = None
    note: str = "No {what} yet."


def _notice(text: str) -> Option:
    return Option(Text(text, style="dim italic"), disabled=True)


class _AnalysisList(OptionList):
    """A side pane listing what analysis found for the selected article or the briefing;
    rebuilt at most once per refresh however many changes arrive."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_MOVES
    WHAT = ""

    # init=False: nothing to draw before the briefing exists, and an early redraw would
    # only delay the first frame.
    briefing: reactive[Briefing | None] = reactive(None, init=False)
    selected: reactive[int] = reactive(BRIEFING, init=False)
    revision: reactive[int] = reactive(0, init=False)
    merged: reactive[MergedView] = reactive(MergedView, init=False)
    analysis: reactive[bool] = reactive(True, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(_notice("Starting…"), id=id)
        self._pending = False

    def watch_briefing(self) -> None:
        self._schedule()

    def watch_selected(self) -> None:
        self._schedule()

    def watch_revision(self) -> None:
        self._schedule()

    def watch_merged(self) -> None:
        if self.selected == BRIEFING:
            self._schedule()

    def watch_analysis(self) -> None:
        self._schedule()

    @property
    def busy(self) -> bool:
        return self._pending

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            self.call_later(self._rebuild)

    def _article(self) -> Article | None:
        if self.briefing is None or self.selected == BRIEFING:
            return None
        return self.briefing.articles[self.selected]

    def _why_empty(self) -> str:
        if self.briefing is None:
            return "Starting…"
        if self.selected == BRIEFING:
            return self.merged.note.format(what=self.WHAT)
        return unavailable(self._article(), self.WHAT, self.analysis)

    def _rebuild(self) -> None:
        """Redraw the rows from the current state; each pane draws its own."""
        raise NotImplementedError

    def _show(self, options: list[Option]) -> None:
        # Keep the reader's place across redraws while the list grows under them.
        highlighted = self.highlighted
        self.set_options(options)
        if highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted


class EntitiesPane(_AnalysisList):
    """Entities grouped by type, most mentioned first; enter highlights them in the text."""

    WHAT = "entities"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: dict[int, tuple[str, list[str]]] = {}  # option index -> (name, aliases)

    def _found(self) -> list[tuple[str, EntityType, int, list[str]]] | None:
        found: Sequence[Entity | BriefingEntity] | None
        if self.selected == BRIEFING:
            found = self.merged.entities
        else:
            article = self._article()
            found = article.entities if article is not None else None
        return None if found is None else [(e.name, e.type, e.count, e.aliases) for e in found]

    def _rebuild(self) -> None:
        self._pending = False
        rows = self._found() if self.briefing is not None else None
        self.rows = {}
        options: list[Option] = []
        if rows is None:
            options.append(_notice(self._why_empty()))
        elif not rows:
            options.append(_notice("No entities found."))
        for kind in EntityType:
            group = sorted((r for r in rows or [] if r[1] is kind), key=lambda r: (-r[2], r[0]))
            if not group:
                continue
            options.append(Option(Text(f"{kind.plural} ({len(group)})", "bold"), disabled=True))
            for name, _, count, aliases in group:
                self.rows[len(options)] = (name, aliases)
                label = Text(f"  {one_line(name)} ")
                label.append(f"×{count}", style="dim")
                options.append(Option(label))
        self._show(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.rows.get(event.option_index)
        if row is not None:
            article = None if self.selected == BRIEFING else self.selected
            self.post_message(EntityChosen(row[0], row[1], article))


class TimelinePane(_AnalysisList):
    """Dated events, earliest first; enter scrolls the text to the sentence."""

    WHAT = "timeline entries"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: dict[int, tuple[int, Mention, str]] = {}  # option -> (article, span, sentence)

    def _entries(self) -> list[tuple[int, TimelineEntry]] | None:
        if self.selected == BRIEFING:
            merged = self.merged.timeline
            return None if merged is None else [(e.article, e.entry) for e in merged]
        article = self._article()
        timeline = article.timeline if article is not None else None
        return None if timeline is None else [(self.selected, e) for e in timeline]

    def _rebuild(self) -> None:
        self._pending = False
        entries = self._entries() if self.briefing is not None else None
        self.rows = {}
        options: list[Option] = []
        if entries is None:
            options.append(_notice(self._why_empty()))
        elif not entries:
            options.append(_notice("No dated events found."))
        for article, entry in entries or []:
            label = Text()
            when = entry_label(entry)  # one wording for the pane and the export
            label.append(one_line(when or entry.expression), style="bold")
            if entry.anchor_assumed:
                label.append(" (date assumed)", style="dim")
            if self.selected == BRIEFING and self.briefing is not None:
                label.append(f" · {site_of(self.briefing.articles[article])}", style="dim")
            label.append("\n" + one_line(entry.sentence, 200))
            span = Mention(entry.block, entry.start, entry.end)
            self.rows[len(options)] = (article, span, entry.sentence)
            options.append(Option(label))
        self._show(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.rows.get(event.option_index)
        if row is not None:
            self.post_message(TimelineChosen(*row))
