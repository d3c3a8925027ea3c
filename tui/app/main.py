"""The app: the panes' layout, the key map and the command palette, over a `Session`.

`create_app` is the one factory; the launcher, the tests and the screenshot script all
build the app through it. What the app does is built in layers (see `tui.app.state`):
this module only arranges widgets and names keys.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header

from tui.app.actions import Actions
from tui.app.analysis_panes import EntitiesPane, TimelinePane
from tui.app.article_list import ArticleList
from tui.app.footer import KeyFooter
from tui.app.job_control import in_the_foreground, no_shell_to_return_to, stop_the_job
from tui.app.keytable import ADD_KEY
from tui.app.layout import NARROW_BELOW
from tui.app.messages import Behind
from tui.app.reader import ArticleView
from tui.app.state import AppState
from tui.pipeline.options import CacheSettings, Options

if TYPE_CHECKING:
    from tui.pipeline.history import Reopen
    from tui.pipeline.session import Stages

W = TypeVar("W", bound=Widget)
# How long held keys wait for a `Behind` that does not come back (its widget was removed
# with it queued): the order of the burst is given up then, never its keys or the app.
BEHIND_LOST_AFTER = 0.5
PANES = ("articles", "text", "entities", "timeline")


class BriefingApp(Actions):
    CSS_PATH = "briefing.tcss"
    AUTO_FOCUS = "#articles"
    TITLE = "briefing"
    # Below NARROW_BELOW columns there is no room for three readable columns: the entities
    # and timeline share the text's place and show when focused (keys 3 and 4).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        # A priority key, as the terminal's own Ctrl+Z is: a prompt or the help open ate it
        # without a word, and "fg" typed next went into the prompt (review 15).
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, priority=True),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("n", "step(1)", "Next", show=False),
        Binding("N", "step(-1)", "Previous", show=False),
        Binding("escape", "clear", "Clear", show=False),
        Binding("b", "toggle_removed", "Boilerplate"),
        Binding("C", "toggle_comments", "Comments", show=False),
        Binding(ADD_KEY, "add", "Add"),
        Binding("e", "export", "Export"),
        Binding("o", "open", "Open", show=False),
        Binding("y", "copy_url", "Copy URL", show=False),
        Binding("Y", "copy_paragraph", "Copy paragraph", show=False),
        Binding("c", "copy_markdown", "Copy Markdown", show=False),
        Binding("r", "reload", "Reload", show=False),
        Binding("less_than_sign", "list_width(-1)", "Narrower list", show=False),
        Binding("greater_than_sign", "list_width(1)", "Wider list", show=False),
        Binding("1", "focus_pane('articles')", "Articles", show=False),
        Binding("2", "focus_pane('text')", "Text", show=False),
        Binding("3", "focus_pane('entities')", "Entities", show=False),
        Binding("4", "focus_pane('timeline')", "Timeline", show=False),
        # Through the panes in order, the hidden ones too (a narrow screen shows the text
        # or a side pane in one place: Textual's own focus order skipped the hidden one).
        Binding("tab", "cycle_pane(1)", "Next pane", show=False, priority=True),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        shared = (AppState.briefing, AppState.selected, AppState.revision)
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield _titled(ArticleList(id="articles"), "1 Articles")
            with Vertical(id="reader"):
                yield _titled(ArticleView(id="text"), "2 Text").data_bind(
                    *shared,
                    AppState.show_removed,
                    AppState.show_comments,
                    AppState.analysis,
                    AppState.input_state,
                )
            with Vertical(id="side"):
                for pane, title in (
                    (EntitiesPane(id="entities"), "3 Entities"),
                    (TimelinePane(id="timeline"), "4 Timeline"),
                ):
                    yield _titled(pane, title).data_bind(
                        *shared, AppState.merged, AppState.analysis
                    )
        yield KeyFooter()

    def on_mount(self) -> None:
        # Textual calls each layer's on_mount in turn (this one first): only the layout here.
        self.apply_layout()
        self.app_resume_signal.subscribe(self, self._draw_again)

    def action_suspend_process(self) -> None:
        """Stop the whole job, as the terminal's own Ctrl+Z does (the app reads the key
        raw, so the terminal sends nothing). The terminal is given back first and the
        job stopped after: Textual stopped only this process (with `tail -f urls |
        briefing` the shell waited for tail, and the terminal froze; review 15), and a
        signal to the job before the terminal was restored let the shell take it back
        mid-way under a wrapper (`sh -c`, `uv run`; review 16). With no shell to go back
        to (briefing leads its session's group: `tmux new 'briefing'`), nothing would
        ever continue it, so it says so instead, as the terminal ignores Ctrl+Z there."""
        if sys.platform == "win32" or self._driver is None or not self._driver.can_suspend:
            return
        if no_shell_to_return_to():
            self.notify("No shell to go back to: briefing was not started from one.")
            return
        driver = self._driver
        self.app_suspend_signal.publish(self)
        # Textual's own SIGCONT handler would take the terminal back at once, even for a
        # job continued in the background or to be ended: here it is done when it may be.
        with driver.no_automatic_restart():
            driver.suspend_application_mode()  # the terminal as it was, before the stop
            stop_the_job()
            while not in_the_foreground() and not self.ending():
                stop_the_job()  # continued in the background (`bg`): nothing to draw on
        if self.ending():
            return  # `kill %1`: it ends from here, the terminal already given back
        driver.resume_application_mode()
        self.app_resume_signal.publish(self)  # `_draw_again`

    def _draw_again(self, _app: object) -> None:
        """Back from Ctrl+Z (`fg`), or a stop from outside: the terminal's screen was given
        to the shell, and Textual redraws only what changes, so it stayed blank until a
        key came, and then only the rows that key changed (review 14)."""
        if not self.is_running or not self.screen_stack:
            return  # ended while suspended: nothing left to draw
        self.screen.refresh(repaint=True, layout=True)
        self.refresh(repaint=True, layout=True)

    async def on_event(self, event: events.Event) -> None:
        """Textual hands a key to the focused widget, and its binding runs only once it
        has bubbled back here: so the keys of a burst typed after "/" or "a" are on their
        way to the pane the box opens over, and come back after the focus has moved. Each
        is handed on to the box then, in the order typed, and a key from the terminal
        waits while any is still on its way (a burst can arrive in two reads): it went
        straight into the box, ahead of letters typed before it, and an Enter could
        submit the box before they reached it (then "q" among them quit the app)."""
        if not isinstance(event, events.Key):
            await super().on_event(event)
            return
        if not event.is_forwarded:
            self._held.append(event)
        else:
            handed = self._handed_to.pop(event, None)
            if handed is None or handed is self._key_target():
                await super().on_event(event)  # its binding, the focus where it was handed
            else:  # typed after a key that moved the focus: for where that key sent it
                await self._hand(events.Key(event.key, event.character))
        await self._release()

    def _key_target(self) -> Widget:
        return self.focused or self.screen  # where Textual hands a key

    async def _hand(self, key: events.Key) -> None:
        """Let Textual run `key`'s priority binding or hand it to the focus."""
        target = self._key_target()
        await super().on_event(key)
        if key.is_forwarded:
            self._handed_to[key] = target

    async def _release(self) -> None:
        """Hand on the keys held back, in the order typed, while none is on its way to a
        widget that has lost the focus."""
        while self._held and not self._keys_astray():
            await self._hand(self._held.popleft())

    def _keys_astray(self) -> bool:
        """Whether keys are on their way to a widget that has lost the focus. A `Behind`
        follows each such widget's keys: a key kept on the way (a box keeps the letters
        typed into it) never comes back to say so, and the keys held would wait forever."""
        target = self._key_target()
        for widget in {w for w in self._handed_to.values() if w is not target}:
            if widget in self._behind:
                continue
            keys = [k for k, w in self._handed_to.items() if w is widget]
            behind = Behind(widget, keys)
            # A widget gone from the screen sends nothing back: no key to wait for.
            if widget.is_attached and widget.post_message(behind):
                self._behind[widget] = behind
                self.set_timer(BEHIND_LOST_AFTER, partial(self._caught_up, behind))
            else:
                for key in keys:
                    del self._handed_to[key]
        return any(w is not target for w in self._handed_to.values())

    @on(Behind)
    async def _caught_up(self, behind: Behind) -> None:
        """`behind` is back (or given up on): its keys have come back, or never will."""
        if self._behind.get(behind.widget) is not behind:
            return  # back already
        del self._behind[behind.widget]
        for key in behind.keys:
            self._handed_to.pop(key, None)
        await self._release()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own "Screenshot" saves to ~/Downloads, which may not exist: ours saves
        # where exports go and says where.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Screenshot")
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Help", "Show every key", self.action_help),
            ("Search", "Search the article text", self.action_search),
            ("Boilerplate", "Show or hide what the cleaner removed", self.action_toggle_removed),
            ("Comments", "Show or hide the readers' comments", self.action_toggle_comments),
            ("Open in browser", "Open the article in the web browser", self.action_open),
            ("Copy URL", "Copy the article's URL", self.action_copy_url),
            ("Copy paragraph", "Copy the paragraph you are reading", self.action_copy_paragraph),
            ("Copy as Markdown", "Copy the article (or the briefing)", self.action_copy_markdown),
            ("Add URLs", "Add articles to the briefing", self.action_add),
            ("Reload", "Fetch the article again", self.action_reload),
            ("Export", "Write the briefing to a Markdown or JSON file", self.action_export),
            ("Screenshot", "Save an SVG of the screen where exports go", self.action_screenshot),
            (
                "Suspend",
                "Back to the shell; fg brings briefing back (ctrl+z)",
                self.action_suspend_process,
            ),
            ("Wider list", "Widen the list of articles (>)", lambda: self.action_list_width(1)),
            ("Narrower list", "Narrow the list (<)", lambda: self.action_list_width(-1)),
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
