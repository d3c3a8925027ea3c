"""The app as a job of the shell: what its signal handlers do, without a terminal."""

from __future__ import annotations

import signal
from types import FrameType

from tui.app.job_control import end_on_stop_signals, stop_handling
from tui.pipeline import wakes


def test_a_continue_is_counted_for_the_time_limits_and_passed_on() -> None:
    # Time limits that ran out while the app was stopped are given their time again
    # (`wakes`): the app's SIGCONT handler must count the continue, and still hand it to
    # the handler before it (Textual's, which takes the terminal back).
    seen: list[int] = []

    def textuals(signum: int, _frame: FrameType | None) -> None:
        seen.append(signum)

    before = {sig: signal.getsignal(sig) for sig in (signal.SIGCONT, signal.SIGTERM, signal.SIGHUP)}
    signal.signal(signal.SIGCONT, textuals)
    try:
        end_on_stop_signals(lambda status: None)
        woken = wakes.woken()
        signal.raise_signal(signal.SIGCONT)
        assert wakes.woken() == woken + 1
        assert seen == [signal.SIGCONT]
    finally:
        stop_handling()
        for sig, handler in before.items():
            signal.signal(sig, handler)
