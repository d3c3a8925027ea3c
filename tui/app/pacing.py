"""Rebuilds paced by their cost, for the panes whose Briefing view grows with the briefing.

The measure is `throttle.CostGate` (no Textual there); this adds the one wake-up a widget
needs while the gate is shut, so a rebuild that was asked for is never dropped, only held.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.pipeline.throttle import CostGate

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import Widget


class PacedRebuilds:
    """A widget's rebuilds, paced: `holds()` says whether one must wait, and sets one
    wake-up for when it may go, which asks the widget's scheduler (`again`) anew."""

    def __init__(self, widget: Widget, gap: float, again: Callable[[], None]) -> None:
        self.gate = CostGate(gap)
        self._widget = widget
        self._again = again
        self._wake: Timer | None = None

    @property
    def waiting(self) -> bool:
        """A rebuild is held until the gate opens."""
        return self._wake is not None

    def holds(self) -> bool:
        """True while the gate is shut: the rebuild waits for the wake-up set here."""
        wait = self.gate.wait()
        if wait <= 0:
            return False
        if self._wake is None:
            self._wake = self._widget.set_timer(wait, self._open)
        return True

    def _open(self) -> None:
        self._wake = None
        self._again()
