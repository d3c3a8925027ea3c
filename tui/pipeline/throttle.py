"""Coalescing bursts of work on the event loop.

A hundred articles make several hundred stage changes a second; drawing or merging for
each one would starve the keyboard. A Throttle runs its callback at most once per
interval, however often it is poked, and soon after the first poke of a quiet spell.

It can also be held back: while `hold()` says so (the reader is pressing keys), a due run
waits, so the repaint a key asks for is not queued behind a batch of background changes.
It never waits longer than `max_hold` after it was due, so a held key cannot freeze the
list.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterator

# How often a held run looks again whether it may go, seconds.
HOLD_RECHECK = 0.05


def _never() -> bool:
    return False


class Throttle:
    def __init__(
        self,
        interval: float,
        callback: Callable[[], None],
        *,
        hold: Callable[[], bool] = _never,
        max_hold: float = 1.0,
    ) -> None:
        self.interval = interval
        self._callback = callback
        self._hold = hold
        self.max_hold = max_hold
        self._handle: asyncio.Handle | None = None
        self._last = float("-inf")
        self._due: float | None = None  # when the held run first became due

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
        self._due = None

    def _run(self) -> None:
        now = time.monotonic()
        if self._due is None:
            self._due = now
        if now - self._due < self.max_hold and self._hold():
            wait = min(HOLD_RECHECK, self.max_hold - (now - self._due))
            self._handle = asyncio.get_running_loop().call_later(wait, self._run)
            return
        self._handle = None
        self._due = None
        self._last = now
        self._callback()


class CostGate:
    """Paces work whose cost grows with what it covers (the Briefing entry's lists and
    overview at a thousand articles): after a run that took `t`, the next may start no
    sooner than `gap * t` later, so the work takes at most 1 / (gap + 1) of the time
    however large it grows. A run the reader asked for goes at once (`reset`)."""

    def __init__(self, gap: float) -> None:
        self.gap = gap
        self._due = 0.0

    def wait(self) -> float:
        """Seconds until the next run may start (0: now)."""
        return max(0.0, self._due - time.monotonic())

    def reset(self) -> None:
        self._due = 0.0

    @contextlib.contextmanager
    def timing(self) -> Iterator[None]:
        """Time one run; the next is due `gap` times its cost after it ends."""
        started = time.monotonic()
        try:
            yield
        finally:
            ended = time.monotonic()
            self._due = ended + self.gap * (ended - started)
