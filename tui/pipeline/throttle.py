"""Coalescing bursts of work on the event loop.

A hundred articles make several hundred stage changes a second; drawing or merging for
each one would starve the keyboard. A Throttle runs its callback at most once per
interval, however often it is poked, and soon after the first poke of a quiet spell.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class Throttle:
    def __init__(self, interval: float, callback: Callable[[], None]) -> None:
        self.interval = interval
        self._callback = callback
        self._handle: asyncio.Handle | None = None
        self._last = float("-inf")

    @property
    def pending(self) -> bool:
        """A run is scheduled and has not happened yet."""
        return self._handle is not None

    def poke(self) -> None:
        """Ask for a run: at once after a quiet spell, else when the interval is up."""
        if self._handle is not None:
            return
        loop = asyncio.get_running_loop()
        wait = self._last + self.interval - time.monotonic()
        if wait <= 0:
            self._handle = loop.call_soon(self._run)
        else:
            self._handle = loop.call_later(wait, self._run)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _run(self) -> None:
        self._handle = None
        self._last = time.monotonic()
        self._callback()
