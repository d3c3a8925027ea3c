"""Rebuilds paced by their cost, for the panes whose Briefing view grows with the briefing.

The measure is `throttle.CostGate` (no Textual there); this adds the one wake-up a widget
needs while the gate is shut, so a rebuild that was asked for is never dropped, only held.

The wake-up is the event loop's own timer, not Textual's `set_timer`: a one-shot Textual
timer whose task starts later than its delay skips its only tick (it drops ticks it is
late for), so it never fires: measured, 0 of 200 fired at a delay of 1 ns, 199 of 200 at
1 µs, and on a loaded machine longer delays can be late too. A pane then waited for its
rebuild for ever. A test's wait for the demo to settle ran out with the timeline pane
still waiting for its rebuild (CI, and one full run of three here); this was the one
wake-up that could be lost.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.pipeline.throttle import CostGate

if TYPE_CHECKING:
    from textual.widget import Widget


class PacedRebuilds:
    """A widget's rebuilds, paced: `holds()` says whether one must wait, and sets one
    wake-up for when it may go, which asks the widget's scheduler (`again`) anew."""

    def __init__(self, widget: Widget, gap: float, again: Callable[[], None]) -> None:
        self.gate = CostGate(gap)
        self._widget = widget
        self._again = again
        self._wake: asyncio.TimerHandle | None = None

    @property
    def waiting(self) -> bool:
        """A rebuild is held until the gate opens."""
        return self._wake is not None

    def waiting_for(self, pending: bool) -> str | None:
        """What the widget's rebuild waits for, in words (None: nothing); `pending`: one is
        queued for after the next refresh. Said when a test's wait for the app runs out."""
        if pending:
            return "a rebuild queued for after the next refresh"
        if self._wake is not None:
            return f"a rebuild held until its gate opens (due in {self.gate.wait():.2f} s)"
        return None

    def holds(self) -> bool:
        """True while the gate is shut: the rebuild waits for the wake-up set here."""
        wait = self.gate.wait()
        if wait <= 0:
            return False
        if self._wake is None:
            # The wake-up runs in the widget's own turn, as its handlers do.
            loop = asyncio.get_running_loop()
            self._wake = loop.call_later(wait, self._widget.call_next, self._open)
        return True

    def _open(self) -> None:
        self._wake = None
        self._again()
