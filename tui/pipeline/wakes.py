"""How many times this process was continued after being stopped: ctrl+z then `fg`, or
SIGSTOP then SIGCONT.

A time limit that ran out across a stop is given its time once more, since the stop was
the reader's, not the site's or the page's: pages still coming when the app was stopped
for half a minute all failed as "did not send the page within 20 s", and an analysis
running then as "too long or too complex". The app counts from its SIGCONT handler
(`tui.app.job_control`), the headless run from its own (`counting_wakes`).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_woken = 0


def woken() -> int:
    """How many times the process has been continued so far."""
    return _woken


def note_a_wake() -> None:
    """Count one continue (called from a SIGCONT handler)."""
    global _woken
    _woken += 1


@contextlib.contextmanager
def counting_wakes() -> Iterator[None]:
    """While inside, SIGCONT is counted (and the handler before is given back after).
    Only the main thread may set a handler: elsewhere nothing is counted."""
    sigcont = getattr(signal, "SIGCONT", None)
    if sigcont is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def woke(_signum: int, _frame: FrameType | None) -> None:
        note_a_wake()

    before = signal.signal(sigcont, woke)
    try:
        yield
    finally:
        signal.signal(sigcont, before)
