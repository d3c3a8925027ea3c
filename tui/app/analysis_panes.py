"""The side panes: the entities and the timeline of the selected article, or of the whole
briefing. Each reads its own reactives (bound from the app) and never imports the app;
`enter` on a row posts a message the app routes."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, fields
from functools import cache, partial
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.reactive import reactive

from tui.app.describe import BRIEFING, site_of, unavailable
from tui.app.messages import EntityChosen, TimelineChosen
from tui.app.pacing import PacedRebuilds
from tui.app.rows import Row, RowList, RowMemo
from tui.app.text import one_line
from tui.pipeline.kinds import EntityType

if TYPE_CHECKING:
    from tui.pipeline.briefing import Briefing
    from tui.pipeline.model import (
        Article,
        BriefingEntity,
        BriefingTimelineEntry,
        Entity,
        Mention,
        TimelineEntry,
    )

# A timeline entry quotes its sentence up to this many characters.
SENTENCE_CHARS = 200


# How long a rebuild asked for after the next paint may wait before it is taken as lost.
LOST_REBUILD_SECONDS = 0.3


@dataclass(frozen=True)
class MergedView:
    """What the side panes show on the Briefing entry: the merged lists, or (None) why
    there are none yet, as a template of `{what}` ("Merging the {what}…")."""

    entities: list[BriefingEntity] | None = None
    timeline: list[BriefingTimelineEntry] | None = None
    note: str = "No {what} yet."


# The merged briefing changes every second while articles load, and listing it costs more
# the larger it grows (a thousand articles: tens of thousands of rows). A newer merge is
# listed no sooner than MERGED_GAP times the last listing's cost after it, so the panes
# never take more than a tenth of the event loop: at a thousand articles they were
# rebuilt back to back, the loop never idle, and the workers waited for it.
MERGED_GAP = 9


def _notice(text: str) -> Row:
    return Row((Text(text, style="dim italic"),), selectable=False, wrap=True)


class _AnalysisList(RowList):
    """A side pane listing what analysis found for the selected article or the briefing;
    rebuilt at most once per refresh however many changes arrive."""

    WHAT = ""

    # init=False: nothing to draw before the briefing exists, and an early redraw would
    # only delay the first frame.
    briefing: reactive[Briefing | None] = reactive(None, init=False)
    selected: reactive[int] = reactive(BRIEFING, init=False)
    revision: reactive[int] = reactive(0, init=False)
    merged: reactive[MergedView] = reactive(MergedView, init=False)
    analysis: reactive[bool] = reactive(True, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_rows([_notice("Starting…")])
        self._pending = False
        # What is listed now: the selection, the list itself (compared by identity: the
        # pipeline gives a changed list a new identity) and the words shown when empty.
        self._shown: tuple[int, object, str] | None = None
        # The Briefing entry's lists, paced by their cost (see MERGED_GAP), from rows
        # kept between its listings (an article's own list is small: built anew).
        self._paced = PacedRebuilds(self, MERGED_GAP, self._schedule)
        self._memo = RowMemo()

    def watch_briefing(self) -> None:
        self._schedule()

    def watch_selected(self) -> None:
        self._schedule(chosen=True)

    def watch_revision(self) -> None:
        self._schedule()

    def watch_merged(self) -> None:
        if self.selected == BRIEFING:
            self._schedule()

    def watch_analysis(self) -> None:
        self._schedule()

    @property
    def busy(self) -> bool:
        """A rebuild is due: after the next refresh, or when the merged lists' gap is up."""
        return self._pending or self._paced.waiting

    @property
    def waiting_for(self) -> str | None:
        """What `busy` waits for, in words."""
        return self._paced.waiting_for(self._pending)

    def _schedule(self, *, chosen: bool = False) -> None:
        """Rebuild after the next refresh: the text pane, which the reader looks at first,
        is drawn before the side panes. The Briefing entry's lists, while shown, are
        rebuilt no sooner than MERGED_GAP times the last rebuild's cost after it, whatever
        asks (a merge, a count that changed); the reader choosing it is served at once."""
        if chosen:
            self._paced.gate.reset()
        if self.selected == BRIEFING and self._paced.holds():
            return
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)
            # Textual keeps that call with the screen on top; a prompt closed before it
            # painted (`e` then `m` in one burst) took it away, `_pending` stayed set, and
            # the pane showed one article's list for the rest of the session.
            self.set_timer(LOST_REBUILD_SECONDS, self._rebuild_if_lost)

    def _article(self) -> Article | None:
        if self.briefing is None or self.selected == BRIEFING:
            return None
        return self.briefing.articles[self.selected]

    def _article_note(self) -> str | None:
        article = self._article()
        return article.entities_note if article is not None else None

    def _why_empty(self) -> str:
        if self.briefing is None:
            return "Starting…"
        if self.selected == BRIEFING:
            return self.merged.note.format(what=self.WHAT)
        return unavailable(self._article(), self.WHAT, self.analysis)

    def _source(self) -> object:
        """The list shown now (by identity): an unchanged one is not rebuilt."""
        raise NotImplementedError

    def _rows_now(self) -> list[Row]:
        raise NotImplementedError

    def _row_maker(self) -> Callable[[Hashable, Callable[[], Row]], Row]:
        """How this listing gets a row from its key (everything the row shows) and its
        builder: on the Briefing entry, the row its last listing built, if any."""
        if self.selected == BRIEFING:
            return self._memo.row
        return lambda _key, build: build()

    def _rebuild_if_lost(self) -> None:
        if self._pending:
            self._rebuild()

    def _rebuild(self) -> None:
        self._pending = False
        shown = (self.selected, self._source(), self._why_empty())
        old = self._shown
        if old is not None and old[0] == shown[0] and old[1] is shown[1] and old[2] == shown[2]:
            return
        same = self._shown is not None and self._shown[0] == self.selected
        self._shown = shown
        with self._paced.gate.timing():
            self.set_rows(self._rows_now(), keep=same)
        if self.selected == BRIEFING:
            self._memo.listed()

    @on(RowList.Chosen)
    def _chosen_row(self, event: RowList.Chosen) -> None:
        if event.list is self:
            event.stop()
            self.chosen(event.index)

    def chosen(self, index: int) -> None:
        raise NotImplementedError


class EntitiesPane(_AnalysisList):
    """Entities grouped by type, most mentioned first; enter highlights them in the text."""

    WHAT = "entities"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: dict[int, tuple[str, Sequence[str]]] = {}  # row -> (name, aliases)

    def _source(self) -> object:
        if self.selected == BRIEFING:
            return self.merged.entities
        article = self._article()
        return article.entities if article is not None else None

    def _rows_now(self) -> list[Row]:
        found = self._source() if self.briefing is not None else None
        entities: Sequence[Entity | BriefingEntity] | None = found  # type: ignore[assignment]
        self.choices = {}
        rows: list[Row] = []
        if entities is None or (not entities and self._article_note()):
            return [_notice(self._why_empty())]
        if not entities:
            return [_notice("No entities found.")]
        row = self._row_maker()
        groups: dict[EntityType, list[tuple[int, str, Entity | BriefingEntity]]] = {
            kind: [] for kind in EntityType
        }
        for entity in entities:
            # A merged entity sums its counts each time it is asked: asked once here.
            groups[entity.type].append((-entity.count, entity.name, entity))
        for kind, group in groups.items():
            if not group:
                continue
            group.sort(key=lambda item: item[:2])
            rows.append(Row((Text(f"{kind.plural} ({len(group)})", "bold"),), selectable=False))
            for negative, name, entity in group:
                self.choices[len(rows)] = (name, entity.aliases)
                key = (kind, name, -negative)
                rows.append(row(key, partial(_entity_row, kind, name, -negative)))
        return rows

    def chosen(self, index: int) -> None:
        row = self.choices.get(index)
        if row is not None:
            article = None if self.selected == BRIEFING else self.selected
            self.post_message(EntityChosen(row[0], list(row[1]), article))


def _entity_row(kind: EntityType, name: str, count: int) -> Row:
    label = Text(f"  {one_line(name)} ")
    label.append(f"×{count}", style="dim")
    return Row((label,), key=(kind, name))


class TimelinePane(_AnalysisList):
    """Dated events, earliest first; enter scrolls the text to the sentence."""

    WHAT = "timeline entries"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: dict[int, tuple[int, Mention, str]] = {}  # row -> (article, span, sentence)
        self._pointed: tuple[int, int, int] | None = None  # (article, block, start): `point_at`

    def point_at(self, article: int, span: Mention) -> None:
        """Put the cursor on this entry once `article`'s rows are listed: enter on a row of
        the Briefing's timeline opens its article, whose cursor went to its first row."""
        self._pointed = (article, span.block, span.start)
        self._point()

    def _rebuild(self) -> None:
        super()._rebuild()
        self._point()

    def _point(self) -> None:
        if self._pointed is None or self._pending or self.selected != self._pointed[0]:
            return
        pointed, self._pointed = self._pointed, None
        for index, (article, span, _sentence) in self.choices.items():
            if (article, span.block, span.start) == pointed:
                self._go(index, 1)
                return

    def _source(self) -> object:
        if self.selected == BRIEFING:
            return self.merged.timeline
        article = self._article()
        return article.timeline if article is not None else None

    def _entries(self) -> list[tuple[int, TimelineEntry]] | None:
        source = self._source() if self.briefing is not None else None
        if source is None:
            return None
        # Imported here: the first frame lists no entry (see `_timeline_row`).
        from tui.pipeline.timex import own_rows

        if self.selected == BRIEFING:
            pairs = [(e.article, e.entry) for e in source]  # type: ignore[attr-defined]
        else:
            pairs = [(self.selected, e) for e in source]  # type: ignore[attr-defined]
        return own_rows(pairs, itemgetter(1), itemgetter(0))

    def _rows_now(self) -> list[Row]:
        entries = self._entries()
        self.choices = {}
        if entries is None or (not entries and self._article_note()):
            return [_notice(self._why_empty())]
        if not entries:
            return [_notice("No dated events found.")]
        from tui.pipeline.model import Mention  # loaded by then; see tui.pipeline.kinds

        row = self._row_maker()
        rows: list[Row] = []
        # The Briefing entry says which site each entry came from.
        briefing = self.briefing if self.selected == BRIEFING else None
        articles = briefing.articles if briefing is not None else None
        sites: dict[int, str] = {}
        for article, entry in entries:
            site = ""
            if articles is not None:
                if article not in sites:
                    sites[article] = _source_of(articles[article], article)
                site = sites[article]
            span = Mention(entry.block, entry.start, entry.end)
            self.choices[len(rows)] = (article, span, entry.sentence)
            key = (article, site, _entry_fields()(entry))
            rows.append(row(key, partial(_timeline_row, article, entry, site)))
        return rows

    def chosen(self, index: int) -> None:
        row = self.choices.get(index)
        if row is not None:
            self.post_message(TimelineChosen(*row))


@cache
def _entry_fields() -> Callable[[Any], tuple[Any, ...]]:
    """What a timeline row shows is made from these, its article and its site: together,
    the row's key in the Briefing entry's memo. Read when first needed: the model is
    loaded after the first frame (see tui.pipeline.kinds)."""
    from tui.pipeline.model import TimelineEntry

    return attrgetter(*(f.name for f in fields(TimelineEntry)))


# How much of an article's title a row of the Briefing's timeline names it by.
SOURCE_TITLE_CHARS = 40


def _source_of(article: Article, index: int) -> str:
    """Which article a row of the Briefing's timeline comes from: its number (as the
    Briefing's search lists it), its title cut short, and its site. The site alone named
    none of 159 articles from one paper, and titles cut short can be alike (review 15:
    two "Council approves harbour budget in town…")."""
    title, site = one_line(article.display_title, SOURCE_TITLE_CHARS), site_of(article)
    named = f"{index + 1}. {title}"
    return f"{named} ({site})" if site and site != title else named


def _timeline_row(article: int, entry: TimelineEntry, site: str) -> Row:
    # Imported here: nothing before the first frame has an entry to label, and the
    # module's patterns cost ~1 ms to compile.
    from tui.pipeline.timex import date_assumed, entry_label

    label = Text()
    when = entry_label(entry)  # one wording for the pane and the export
    label.append(one_line(when or entry.expression), style="bold")
    if date_assumed(entry):
        label.append(" (date assumed)", style="dim")
    if site:
        label.append(f" · {site}", style="dim")
    sentence = Text(one_line(entry.sentence, SENTENCE_CHARS))
    return Row((label, sentence), key=(article, entry.block, entry.start), wrap=True)
