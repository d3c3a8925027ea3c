"""What the text pane shows: the article chosen in the list, and highlights in it (a
search, an entity's mentions, a timeline entry's sentence) with `n` / `N` stepping through
them, within an article or across the briefing.

On a narrow terminal the text shares its place with the side panes; whatever a key
highlights is brought into view there, so no key acts on a hidden pane.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.widgets import Input

from tui.app.analysis_panes import TimelinePane
from tui.app.describe import BRIEFING
from tui.app.messages import ArticleOpened, EntityChosen, TimelineChosen
from tui.app.rows import RowList
from tui.app.scheduling import Scheduling
from tui.app.walk import entity_walk, search_walk
from tui.pipeline.kinds import Stage

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.widget import Widget

    from tui.pipeline.model import Mention

# The panes that take the text's place on a narrow terminal while they have focus.
SIDE_PANES = ("entities", "timeline")
# The panes in the order tab visits them.
PANES = ("articles", "text", *SIDE_PANES)


class Highlights(Scheduling):
    """Search, mentions and sentences highlighted in the text pane."""

    def action_focus_pane(self, pane: str) -> None:
        widget = self.query_one(f"#{pane}")
        # On a narrow screen the side panes take the text's place while they have focus.
        widget.screen.set_class(pane in SIDE_PANES, "-side")
        self.focus_now(widget)
        if pane == "text":  # reading it, not just passing it in the list
            self.mark_read(self.selected)

    def action_cycle_pane(self, delta: int) -> None:
        if self.screen is not self.screen_stack[0]:  # a dialog: its own fields in turn
            (self.screen.focus_next if delta > 0 else self.screen.focus_previous)()
            return
        focused = self.focused
        path = [] if focused is None else [focused, *focused.ancestors]
        at = next((PANES.index(w.id) for w in path if w.id in PANES), -1)
        if at < 0:  # the search box: tab leaves it for the text it searches
            at = PANES.index("text") - delta
        self.action_focus_pane(PANES[(at + delta) % len(PANES)])

    def focus_now(self, widget: Widget) -> None:
        """Focus `widget` before the next key is handled: `focus()` waits behind the keys
        already queued, so a burst ("/quit", "1j") ran its keys in the pane left behind
        ("q" closed the app, "j" scrolled the text). On the widget's own screen: "enter"
        then "a" in one burst chose an article after the add prompt had opened, and moved
        the prompt's focus to the text pane under it, so typing went nowhere."""
        widget.screen.set_focus(widget)

    @on(RowList.Highlighted, "#articles")
    def _article_highlighted(self, message: RowList.Highlighted) -> None:
        if message.index != self.article_list.highlighted:
            return  # the highlight has moved on since (a walk's steps in one burst)
        self.selected = self.article_list.index_at(message.index)
        walk = self._walk
        if walk is not None and walk.at >= 0 and walk.stops[walk.at][0] != self.selected:
            # The reader left the walk for another article: `n` there no longer jumps back
            # to a highlight the pane no longer names.
            self._end_walk()

    @on(ArticleOpened)
    def _article_opened(self, message: ArticleOpened) -> None:
        if self.briefing is not None and message.index < len(self.briefing.articles):
            self.select(message.index)
            self.show_text()

    @on(RowList.Chosen, "#articles")
    def _article_chosen(self, message: RowList.Chosen) -> None:
        # Only from the list: the word may come after keys typed since ("enter" then "/"
        # on a huge article), and it took the focus from the search box they opened; the
        # query's letters ran as keys ("e" exported the briefing).
        if self.focused is self.article_list:
            self.action_focus_pane("text")

    def listed_order(self) -> list[int]:
        """Every article's index in the order the list shows it (a feed's items under
        it), so `n` steps through them as the reader sees them; any not listed yet last."""
        listed = self.article_list.order
        count = len(self.briefing.articles) if self.briefing is not None else 0
        return [*listed, *range(len(listed), count)]

    def show_text(self) -> None:
        """Bring the text pane into view if a side pane hides it (narrow terminals)."""
        if self.screen.has_class("-narrow") and self.screen.has_class("-side"):
            self.action_focus_pane("text")

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        if self.briefing is None:
            return
        order = self.listed_order()
        walk = entity_walk(self.briefing, message.name, message.aliases, message.article, order)
        if not walk.stops:
            self.notify(f"No mentions of {message.name} to show.", severity="warning")
            return
        # A merged entity's mentions are walked across all its articles with n / N.
        self._end_walk()  # a search's hits listed on the Briefing, say
        self._walk = walk
        self._step_walk(1)
        self.show_text()

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
                span = replace(span, start=start, end=start + len(message.sentence))
        self.select(message.article)
        self.query_one(TimelinePane).point_at(message.article, message.span)
        self.article_view.set_marks([span], "event")
        self.mark_read(message.article)
        self.show_text()

    def action_search(self) -> None:
        if self.briefing is None:
            return
        search = self.query_one("#search", Input)
        search.remove_class("closed")
        search.value = ""
        self.screen.remove_class("-side")
        self.focus_now(search)

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        event.input.add_class("closed")
        self.focus_now(self.article_view)
        self._end_walk()
        if not event.value.strip():  # nothing to look for: as escape, the search ends
            self.article_view.clear_marks()
            return
        if self.selected != BRIEFING or self.briefing is None:
            self.article_view.search(event.value)
            return
        # On the Briefing entry: every article is searched, the hits listed by article.
        self._walk = search_walk(self.briefing, event.value, self.listed_order())
        self.article_view.show_briefing_hits((self._walk.label, self._walk.by_article()))

    def articles_finished(self, done: list[int]) -> None:
        # A walk made while articles were still being read, or over one whose text changed
        # since (reloaded; a site's template cut from it): the walk is made again over
        # those (a search keeps the others' hits), so `n` steps through what is there now.
        walk = self._walk
        if walk is None or walk.again is None or self.briefing is None:
            return
        shown = walk.stops[walk.at][0] if walk.at >= 0 else None
        before = [walk.stops[n] for n in walk.stops_in(shown)] if shown is not None else []
        changed = set(done) | walk.stale(self.briefing)
        self._walk = walk.made_again(self.briefing, self.listed_order(), changed)
        if self.article_view.briefing_hits is not None:
            self.article_view.show_briefing_hits((self._walk.label, self._walk.by_article()))
        if shown is not None and shown in done:
            self._show_walk_again(shown, before)

    def _show_walk_again(self, shown: int, before: Sequence[tuple[int, Mention]]) -> None:
        """The walk made again over the article it shows: its highlights are drawn anew,
        at the same one by count, when they changed (old offsets named other words)."""
        assert self._walk is not None
        here = self._walk.stops_in(shown)
        if [self._walk.stops[n] for n in here] == before:
            return
        if not here:  # the article names it no more: `n` goes on in the others
            self.article_view.clear_marks()
            self.notify(f"No more mentions of {self._walk.label} in this article.")
            if not self._walk.stops:
                self._end_walk()
            return
        if self.selected == shown:
            self._walk.at = here[min(self.article_view.current, len(here) - 1)] - 1
            self._step_walk(1)

    def _step_walk(self, delta: int) -> None:
        """Go to the next (or previous) highlight of the walk, in whichever article."""
        assert self._walk is not None and self.briefing is not None
        stale = self._walk.stale(self.briefing)
        if stale:
            # A reload or a cut gave an article new text since: its stops named other
            # words (the walk is made again when its analysis is back, too).
            self._walk = self._walk.made_again(self.briefing, self.listed_order(), stale)
            if not self._walk.stops:
                self.article_view.clear_marks()
                self._no_stops_left()
                return
        step = self._walk.step(delta)
        if self.selected != step.article:
            self.select(step.article)
        self.article_view.set_marks(
            step.marks, step.label, step.current, step.where, more=step.more
        )
        # The reader went to the article to read its words there: it is read.
        self.mark_read(step.article)

    def _no_stops_left(self) -> None:
        """Say why the walk has nowhere to go; it waits for an article read again."""
        assert self._walk is not None and self.briefing is not None
        articles = self.briefing.articles
        if any(articles[i].stage is not Stage.DONE for i in self._walk.texts):
            self.notify(f"{self._walk.label}: found again once the changed text is analysed.")
        else:
            self._end_walk()
            self.notify("Nothing left to highlight: the text changed.")

    def _end_walk(self) -> None:
        if self._walk is not None or self.article_view.briefing_hits is not None:
            self._walk = None
            self.article_view.show_briefing_hits(None)

    def action_clear(self) -> None:
        search = self.query("#search").first(Input) if self.query("#search") else None
        if search is not None and not search.has_class("closed"):
            search.add_class("closed")
            self.focus_now(self.article_view)
            return
        view = self.article_view
        if (
            self._walk is not None
            or view.marks
            or view.mark_label
            or view.briefing_hits is not None
        ):
            self._end_walk()
            view.clear_marks()
            self.show_text()
        elif self.screen.has_class("-side"):
            self.action_focus_pane("text")  # narrow: escape gives the text its place back

    def action_step(self, delta: int) -> None:
        if self._walk is not None and self._walk.stops:
            self._step_walk(delta)
            self.show_text()
        elif not self.article_view.step(delta):
            self.notify("Nothing highlighted: press enter on an entity, or / to search.")
        else:
            self.show_text()
