"""What the app holds: the settings it was started with, the state passed down to the
panes, and the one door every toast goes through.

The app is built in layers, one concern each: this state, then `scheduling` (feeding the
session and drawing what it produces), `highlights` (search, entity mentions, timeline
sentences), `actions` (what the other keys do) and `main` (the layout and the key map).
Panes never import any of them: they get state through `data_bind` and send messages.
"""

from __future__ import annotations

import contextlib
import time
import weakref
from collections import deque
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.notifications import SeverityLevel
from textual.reactive import var

from tui.app import memory
from tui.app.analysis_panes import MergedView
from tui.app.article_list import ArticleList
from tui.app.describe import BRIEFING
from tui.app.reader import ARGUMENTS, NOTHING, PIPE_OPEN, ArticleView
from tui.app.text import one_line
from tui.app.walk import Walk
from tui.pipeline.options import CacheSettings, Options
from tui.runtime import FullCollections

if TYPE_CHECKING:
    from textual import events
    from textual.widget import Widget

    from tui.app.messages import Behind
    from tui.pipeline.briefing import Briefing
    from tui.pipeline.cache import Cache
    from tui.pipeline.history import Reopen
    from tui.pipeline.model import Article
    from tui.pipeline.session import Session, Stages
    from tui.pipeline.throttle import Throttle

# A toast is a line or two: longer words (a pasted 5 MB URL) are cut.
TOAST_CHARS = 300


class AppState(App[int]):
    """The app's settings and state; no layout and no keys."""

    # What the panes show, passed down with data_bind. `var`, not `reactive`: a change is
    # drawn by the panes that show it; repainting the app would redraw the whole screen.
    briefing: var[Briefing | None] = var(None, init=False)
    selected: var[int] = var(BRIEFING)
    revision: var[int] = var(0)
    show_removed: var[bool] = var(False)
    show_comments: var[bool] = var(False)
    merged: var[MergedView] = var(MergedView, always_update=True)
    analysis: var[bool] = var(True)
    # Where inputs come from: arguments, or a pipe still open or closed (reader.ARGUMENTS...).
    input_state: var[str] = var(ARGUMENTS)

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
        # The app is closing (asked to exit, its screens coming down): nothing is drawn,
        # and what the cache says then (a history that could not be kept) is kept here
        # and said on stderr after it (`run_app`).
        self.closing = False
        self.said_after: list[str] = []
        if theme is not None:
            self._use_theme(theme)
        self._kept_theme = self.theme  # what the config file says (or the default)
        self.set_reactive(AppState.analysis, options.analysis)
        start = PIPE_OPEN if lines is not None else (ARGUMENTS if self.inputs else NOTHING)
        self.set_reactive(AppState.input_state, start)
        self.session: Session | None = None
        self._input_done = False
        self._dirty: set[int] = set()
        self._draw: Throttle | None = None
        self._merge: Throttle | None = None
        self._key_at = float("-inf")  # time.monotonic() of the last key
        self._collections = FullCollections()  # held while keys come
        self._collections_release: Throttle | None = None  # gives them back once quiet
        # Process-wide settings the app changes once it starts, given back when it ends.
        self._runtime = contextlib.ExitStack()
        self._merging = False
        self._merge_again = False
        self._merge_loaded = False  # what merging reads is loaded (`_merge_worker`)
        self._unfrozen = 0  # finished articles drawn since the last freeze (FREEZE_AFTER)
        self._freezing = False  # whether the app may freeze (see tui.runtime.started)
        self._read = memory.ReadState()  # read or unread, kept in the cache
        self._walk: Walk | None = None  # a briefing search or a merged entity's mentions
        self.list_steps = 0  # presses of > (negative: <) the list was moved by
        # (words, severity) of each toast on screen -> time.monotonic() it goes at.
        self._toasts: dict[tuple[str, SeverityLevel], float] = {}
        # The order of keys across a move of the focus (see `BriefingApp.on_event`):
        # each key in flight -> the widget it was handed to; the keys from the terminal
        # waiting behind keys still on their way to a widget that lost the focus; and the
        # `Behind` following those keys, by widget.
        self._handed_to: weakref.WeakKeyDictionary[events.Key, Widget] = weakref.WeakKeyDictionary()
        self._held: deque[events.Key] = deque()
        self._behind: dict[Widget, Behind] = {}

    @property
    def folder(self) -> Path:
        """Where exports and screenshots go: --export-dir, else the current folder."""
        return self.export_dir or Path.cwd()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def select(self, index: int) -> None:
        """Show article `index` (or BRIEFING), moving the list highlight with it (once it
        is listed: the list is drawn a moment after an article is added)."""
        row = self.article_list.row_of(index)
        if row is not None:
            self.article_list.highlighted = row
        self.selected = index

    def chosen(self) -> int:
        """The article (or BRIEFING) a key acts on: the one highlighted in the list while
        the list has focus. A key pressed right after a move ("j" then "r") reaches the app
        before the list's word of the move: "r" reloaded the article just left, "y" copied
        its address."""
        articles = self.article_list
        row = articles.highlighted
        if self.focused is articles and row is not None and row < len(articles.rows):
            index = articles.index_at(row)
            if index != self.selected:
                self.selected = index
        return self.selected

    def current(self) -> Article | None:
        """The article chosen, or None (with a word why) on the Briefing entry."""
        index = self.chosen()
        if self.briefing is None or index == BRIEFING:
            self.notify("Select an article first.", severity="warning")
            return None
        return self.briefing.articles[index]

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
        name, so they are shown as one line of plain text, never as markup or escapes. The
        same words as a toast still on screen are not stacked again (`r` pressed ten times
        on an article being read covered the screen with nine of them)."""
        line = one_line(message, TOAST_CHARS)
        now = time.monotonic()
        self._toasts = {said: until for said, until in self._toasts.items() if until > now}
        if (line, severity) in self._toasts:
            return
        shown_for = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        self._toasts[(line, severity)] = now + shown_for
        super().notify(
            line,
            title=one_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    # The theme -------------------------------------------------------------------------

    def _theme_changed(self, _: object) -> None:
        # The theme the reader picks (command palette) is the one they get next time.
        if self.theme != self._kept_theme:
            self._kept_theme = self.theme
            self._keep_theme(self.theme)

    @work(thread=True, group="settings", exit_on_error=False)
    def _keep_theme(self, name: str) -> None:
        problem = memory.keep_theme(name)
        if problem is not None:
            self.call_from_thread(self.notify, problem, severity="warning")

    def _use_theme(self, name: str) -> None:
        from textual.app import InvalidThemeError

        try:
            self.theme = name
        except InvalidThemeError:
            self._warnings.append(f"There is no theme called {name!r}; using the default.")
