"""The key footer keeps no widget it has replaced."""

from __future__ import annotations

import gc

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input, Static
from textual.widgets._footer import FooterKey

from tui.app.footer import KeyFooter


class _FocusAndFooter(App[None]):
    BINDINGS = [Binding("x", "bell", "Bell"), Binding("y", "bell", "Yell")]  # noqa: RUF012

    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self._footer = footer

    def compose(self) -> ComposeResult:
        yield Static("text")
        yield Input()
        yield self._footer()


async def _keys_alive_after_focus_changes(footer: type[Footer], changes: int) -> int:
    app = _FocusAndFooter(footer)
    async with app.run_test() as pilot:
        for _ in range(changes):
            app.query_one(Input).focus()
            await pilot.pause(0.02)
            app.set_focus(None)
            await pilot.pause(0.02)
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, FooterKey))


async def test_focus_changes_leave_no_replaced_footer_keys_behind() -> None:
    # Each change of focus composes the footer's keys anew; Textual's footer kept every
    # key it replaced (its watcher on the footer held it), ours keeps none.
    few = await _keys_alive_after_focus_changes(KeyFooter, 2)
    many = await _keys_alive_after_focus_changes(KeyFooter, 20)
    assert many <= few + 2
    # The leak this guards against is still Textual's: if this fails, the subclass can go.
    assert await _keys_alive_after_focus_changes(Footer, 20) > many + 20
