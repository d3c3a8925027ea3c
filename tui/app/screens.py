"""Modal screens: the help screen and the "add a URL" prompt."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

# Every key the app answers to, in the order a newcomer needs them. The help screen is
# generated from this table, so it cannot drift from what the footer advertises.
KEYS: list[tuple[str, str]] = [
    ("j / k, ↓ / ↑", "move in a list, scroll the text"),
    ("tab / shift+tab", "next / previous pane"),
    ("1 2 3 4", "jump to articles, text, entities, timeline"),
    ("enter (entities)", "highlight the entity's mentions in the text"),
    ("enter (timeline)", "scroll the text to the event's sentence"),
    ("/", "search the text"),
    ("n / N", "next / previous highlight (mention or search hit)"),
    ("escape", "close the search, clear highlights"),
    ("b", "show / hide the boilerplate the cleaner removed"),
    ("o", "open the article in the browser"),
    ("y", "copy the article's URL"),
    ("a", "add a URL"),
    ("r", "reload the article (on Briefing: retry failed ones)"),
    ("e", "export the briefing as Markdown"),
    ("ctrl+p", "command palette: every action by name"),
    ("?", "this help"),
    ("q, ctrl+c", "quit"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, action in KEYS:
            table.add_row(keys, action)
        with VerticalScroll() as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape to close"
            yield Static(table)


class AddUrlScreen(ModalScreen[str | None]):
    """Asks for one input (URL or local .html path); dismisses with it, or None."""

    AUTO_FOCUS = "#url"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    AddUrlScreen { align: center middle; }
    AddUrlScreen > Vertical {
        width: 80; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Add an article"
            box.border_subtitle = "enter to add · escape to cancel"
            yield Input(placeholder="https://… or a local .html file", id="url")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
