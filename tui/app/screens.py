"""Modal screens: the help screen, the "add URLs" prompt, the export prompt and the
command palette, each closed once (`_ClosesOnce`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.keytable import ADD_KEY, KEY_GROUPS, KEYS
from tui.app.text import one_line
from tui.pipeline.inputs import input_error, parse_line, split_inputs

__all__ = [
    "KEYS",
    "AddUrlScreen",
    "ExportScreen",
    "HelpScreen",
    "OnceCommandPalette",
    "split_inputs",
]


# The mixin is typed as the screen it is mixed into, but is no DOM node at run time:
# Textual takes a screen's CSS and component classes from its first DOM-node base only.
if TYPE_CHECKING:
    from textual.timer import Timer

    _MixedIntoAScreen = Screen[Any]
else:
    _MixedIntoAScreen = object


class _ClosesOnce(_MixedIntoAScreen):
    """A screen that closes once (mixed in before the screen class). Two keys that close it
    can arrive before it has gone (a paste that ends in two newlines, a quick double press):
    Textual would close the screen under it too, and with no screen left the app stops
    (ScreenStackError)."""

    _dismissing = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._dismissing:
            return AwaitComplete.nothing()
        self._dismissing = True
        return super().dismiss(result)


class OnceCommandPalette(_ClosesOnce, CommandPalette):
    """Textual's command palette (ctrl+p), closed once: a second Enter that arrives before
    it has gone would also run the chosen command a second time."""

    @on(Input.Submitted)
    @on(Button.Pressed)
    @on(OptionList.OptionSelected)
    def _after_closing(
        self, event: Input.Submitted | Button.Pressed | OptionList.OptionSelected
    ) -> None:
        # Handlers of a subclass run first; preventing the default skips Textual's own.
        # (A second Enter can also select the command twice before the first closes.)
        if self._dismissing:
            event.prevent_default()
            event.stop()

    def _action_command_list(self, action: str) -> None:
        # Textual's list pages by the lines it has drawn: PageDown or PageUp before it has
        # drawn any (ctrl+p then PageDown in one burst) raised KeyError and stopped the app.
        if action.startswith("page_") and self.query_one(CommandList).size.height == 0:
            return
        super()._action_command_list(action)


class HelpScreen(_ClosesOnce, ModalScreen[None]):
    """Every key, grouped; scrolls with the same keys as the panes on a short terminal."""

    AUTO_FOCUS = "#keys"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
        Binding("g,home", "scroll_to(0)", "Top", show=False),
        Binding("G,end", "scroll_to(-1)", "Bottom", show=False),
        Binding("ctrl+d,space", "page(1)", "Page down", show=False),
        Binding("ctrl+u", "page(-1)", "Page up", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for n, (heading, rows) in enumerate(KEY_GROUPS):
            if n:
                table.add_row("", "")
            table.add_row(Text(heading, style="bold underline"), "")
            for keys, action in rows:
                table.add_row(keys, action)
        with VerticalScroll(id="keys") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape to close · j / k to scroll"
            yield Static(table)

    def _box(self) -> VerticalScroll:
        return self.query_one("#keys", VerticalScroll)

    def on_click(self, event: events.Click) -> None:
        # A click beside the box closes the help, as it closes any pop-up; one inside it
        # (bubbled up from the table) does not.
        if not self._box().region.contains(event.screen_x, event.screen_y):
            self.dismiss()

    def action_scroll(self, lines: int) -> None:
        box = self._box()
        box.scroll_to(y=box.scroll_offset.y + lines, animate=False)

    def action_scroll_to(self, where: int) -> None:
        box = self._box()
        box.scroll_to(y=box.max_scroll_y if where < 0 else 0, animate=False)

    def action_page(self, direction: int) -> None:
        box = self._box()
        step = max(1, box.scrollable_content_region.height // 2)
        box.scroll_to(y=box.scroll_offset.y + direction * step, animate=False)


class _AddressInput(Input):
    """An Input that keeps every line of a paste (Textual's keeps only the first): the
    lines are joined with spaces, which `split_inputs` splits again."""

    def _on_paste(self, event: events.Paste) -> None:
        # Textual runs the handler of every class up the chain unless one prevents the
        # default: Input's own inserts a one-line paste (calling it here too inserted it
        # twice, "…/ok…/ok"), and must not insert the first line of a list again.
        lines = [t for t in (parse_line(line) for line in event.text.splitlines()) if t]
        if len(lines) > 1:
            self.insert_text_at_cursor(" ".join(lines))
            event.prevent_default()
            event.stop()

    # Where the text typed after each Enter begins, in order.
    entered_at: tuple[int, ...] = ()

    async def key_ctrl_j(self) -> None:
        # A line feed (a list typed or sent with "\n" rather than Enter, outside a
        # bracketed paste; ctrl+j, readline's accept-line) is an Enter: the Input dropped
        # it, and the lines were glued into one address; parting them but not submitting
        # left a search or a key typed after them ("…\n/Brussels") to be added as an
        # address.
        self.key_enter()
        await self.action_submit()

    def key_enter(self) -> None:
        # Addresses typed (not pasted) with Enter between them in one burst: the Enter
        # submits through the box's binding only after it has bubbled up to the app, by
        # which time the next address's letters are in the box, glued to the last one
        # ("…/wirehttp://…"). The Enter also parts them, at the end of the box: with the
        # cursor moved back to mend a typo, a space there split the address in two.
        self.cursor_position = len(self.value)
        if self.value and not self.value.endswith(" "):
            self.insert_text_at_cursor(" ")
        self.entered_at = (*self.entered_at, self.cursor_position)

    def insert_text_at_cursor(self, text: str) -> None:
        # After an Enter, what is typed belongs after it: a Home or Left typed before the
        # Enter acts only once it has bubbled up to the app, and in a burst it moved the
        # cursor after the Enter, so the next address went into the middle of the last.
        if self.entered_at:
            self.cursor_position = len(self.value)
        super().insert_text_at_cursor(text)

    def split_at_keys(self) -> tuple[str, str]:
        """The addresses in the box, and what was typed for the app after an Enter: from the
        first line after an Enter that is keys, not an address (`_keys_for_the_app`), to the
        end, with its Enters ("\r": "/Kursk region⏎" searches, "?" opens the help)."""
        value, starts = self.value, self.entered_at
        lines = [value[a:b].strip() for a, b in zip(starts, (*starts[1:], None), strict=True)]
        addresses = value[: starts[0]] if starts else value
        for n, line in enumerate(lines):
            if _keys_for_the_app(line):
                return addresses, "\r".join(lines[n:])
            addresses += " " + _without_add_key(line)
        return addresses, ""


# Typed after an Enter, keys for the app that reached the box before the Enter closed it,
# not an address: too short for one and with none of its marks (no dot, slash or colon:
# "q", "3G", "?", "<"), one such key held down (">>>>>>", "jjjjjjjj"), or a search: a
# slash first ("/air defence", "/Kyiv/Kursk") and no folder of the name after it at the
# root of the disk ("/home/me/page.html" is a file).
_SHORT_KEYS = re.compile(r"[^\s./:\\]{1,4}|([^\s./:\\])\1+")


def _keys_for_the_app(line: str) -> bool:
    if _SHORT_KEYS.fullmatch(line):
        return not Path(line).exists()
    if not line.startswith("/") or line.startswith("//"):
        return False
    # The first word after the slash, up to the next one ("/Kyiv/Kursk": "Kyiv"); none in
    # "/ /x" (which raised IndexError and stopped the app as the prompt closed).
    root = _FIRST_WORD.match(line, 1)
    name = root.group(1) if root else ""
    return not (name and Path("/", name).exists())


_FIRST_WORD = re.compile(r"\s*([^/\s]*)")


def _without_add_key(line: str) -> str:
    """A line typed after an Enter, less the key that opens this prompt again when it came
    glued to the next address ("a⏎" then "a" and the next URL, in one burst, arrive as
    "ahttp://…"): only when the line cannot be read with the key and can without it."""
    first, space, rest = line.partition(" ")
    if first[:1] != ADD_KEY or input_error(first) is None or input_error(first[1:]) is not None:
        return line
    return first[1:] + space + rest


# The longest text the add prompt's count looks for file names in (it is counted at every
# key; the inputs are split in full, files and all, once, at Enter).
COUNT_FILES_UP_TO = 4096
# How long the add prompt's box must stay still after an Enter before the prompt closes,
# seconds: longer than the gap between a terminal's reads of one burst, shorter than a
# reader notices.
QUIET_AFTER_ENTER = 0.15


class AddUrlScreen(_ClosesOnce, ModalScreen[list[str] | None]):
    """Asks for inputs (URLs or local .html paths, one or a pasted list); dismisses with
    them, or None."""

    AUTO_FOCUS = "#url"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    AddUrlScreen { align: center middle; }
    AddUrlScreen > Vertical {
        width: 80; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    AddUrlScreen #count { color: $text-muted; height: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Add articles"
            box.border_subtitle = "enter to add · escape to cancel"
            yield _AddressInput(placeholder="https://… or a local .html file", id="url")
            yield Static("One address, several separated by spaces, or paste a list.", id="count")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        # Counted at every key: a long paste is counted without looking for files in it.
        count = len(split_inputs(event.value, files=len(event.value) <= COUNT_FILES_UP_TO))
        if count > 1:
            self.query_one("#count", Static).update(
                # Not "addresses": words that are neither an address nor a file are one
                # input between the others ("a, not a url, b" is three), read as one.
                f"{count:,} to add: enter adds them all."
            )
        if self._close_timer is not None:  # still typing after an Enter: wait for the rest
            self._close_when_quiet()

    # Keys typed after the Enter that closed the prompt, for the app (`_KEYS_NOT_AN_ADDRESS`).
    typed_after: str = ""
    _close_timer: Timer | None = None

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_when_quiet()

    @property
    def closing_with_input(self) -> bool:
        """An Enter was pressed and the prompt waits for the box to be still to close."""
        return self._close_timer is not None or self._dismissing

    def _close_when_quiet(self) -> None:
        # Lines typed in one burst with Enter between them arrive over several reads: the
        # prompt closed on the first Enter, and the lines after it went to the app as keys
        # ("http://…" ran "h", then "/" opened a search). It closes once the box is still.
        if self._close_timer is not None:
            self._close_timer.stop()
        self._close_timer = self.set_timer(QUIET_AFTER_ENTER, self._close)

    def _close(self) -> None:
        if self._dismissing:
            return
        value, self.typed_after = self.query_one(_AddressInput).split_at_keys()
        self.dismiss(split_inputs(value))

    def action_cancel(self) -> None:
        if self._close_timer is not None:
            self._close_timer.stop()
        self.dismiss(None)


# What export offers: (format, its name in the prompt, what it is for).
EXPORT_CHOICES = (
    ("markdown", "Markdown (.md)", "to read, print or paste into notes"),
    ("json", "JSON (.json)", "for scripts: every field, as --format json writes it"),
)


class ExportScreen(_ClosesOnce, ModalScreen[str | None]):
    """Asks which format to export the briefing in; dismisses with it, or None."""

    AUTO_FOCUS = "#formats"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("m", "pick('markdown')", "Markdown", show=False),
        # Capital J: j and k move in the choices, as they move in every list of the app.
        Binding("J", "pick('json')", "JSON", show=False),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    /* Never narrower than this, whatever the terminal (it is clipped instead): at width 0
       Textual's OptionList cannot wrap its choices and the app died. */
    ExportScreen OptionList { height: auto; border: none; min-width: 16; }
    ExportScreen #folder { color: $text-muted; }
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export the briefing"
            box.border_subtitle = "m / J or enter · escape to cancel"
            options = [
                Option(Text.assemble((f"{name}", "bold"), f"  {why}"), id=fmt)
                for fmt, name, why in EXPORT_CHOICES
            ]
            yield OptionList(*options, id="formats")
            yield Static(Text(f"into {one_line(str(self.folder), 200)}"), id="folder")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_pick(self, fmt: str) -> None:
        self.dismiss(fmt)

    def action_move(self, step: int) -> None:
        choices = self.query_one(OptionList)
        if step > 0:
            choices.action_cursor_down()
        else:
            choices.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
