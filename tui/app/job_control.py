"""The app as a job of the shell: stopped whole by ctrl+z, ended even while stopped.

Ctrl+Z reaches the app as a key (the terminal is raw), so the app does what the terminal
would: it gives the terminal back, then stops every process of its job (`stop_the_job`);
with no shell above it to continue it, it stops nothing (`no_shell_to_return_to`).

`kill %1` on a stopped briefing sends SIGTERM, then SIGCONT. Textual answers SIGCONT by
taking the terminal back, which a job in the background may not do: the kernel stopped it
again (SIGTTOU) before the SIGTERM was ever acted on, so it stayed stopped until `fg`
(review 15). Here SIGTERM and SIGHUP are handled first (Python runs pending handlers in
the order of their numbers, both below SIGCONT's): the app is marked as ending, the
SIGCONT that follows leaves the terminal alone, and a job in the background may restore
the terminal as it exits instead of being stopped for it.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from types import FrameType

from tui.pipeline.wakes import note_a_wake

# How long a continued job waits for the signals sent with the SIGCONT (seconds).
SIGNALS_SETTLE = 0.05
# Signals that end the app as `q` does (the terminal restored).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def in_the_foreground() -> bool:
    """Whether this process's group has the terminal (True when there is no terminal)."""
    try:
        return os.tcgetpgrp(0) == os.getpgrp()
    except OSError:
        return True


def end_on_stop_signals(end: Callable[[int], object]) -> Callable[[], bool]:
    """Call `end(status)` (from the event loop's thread, as signal handlers run) on
    SIGTERM or SIGHUP, with the shell's status for it (128 + the signal's number), and
    hold Textual's SIGCONT handler back from then on. Returns whether the app is ending."""
    ending = False

    def ended_by(signum: int, _frame: FrameType | None) -> None:
        nonlocal ending
        ending = True
        if not in_the_foreground() and hasattr(signal, "SIGTTOU"):
            # Restoring the terminal from the background would stop the job again.
            signal.signal(signal.SIGTTOU, signal.SIG_IGN)
        end(128 + signum)

    for sig in STOP_SIGNALS:
        signal.signal(sig, ended_by)
    if hasattr(signal, "SIGCONT"):
        textuals = signal.getsignal(signal.SIGCONT)

        def continued(signum: int, frame: FrameType | None) -> None:
            note_a_wake()  # time limits that ran out while stopped are given time again
            if not ending and callable(textuals):
                # (Ending: the terminal is the shell's, nothing to draw on it.)
                textuals(signum, frame)

        signal.signal(signal.SIGCONT, continued)
    return lambda: ending


def stop_handling() -> None:
    """Back to the default for the stop signals (the app has ended)."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_DFL)


def no_shell_to_return_to() -> bool:
    """Whether this process's group leads its session (`tmux new 'briefing'`, `sh -c` run
    by a terminal): no shell with job control started it, so none would continue it."""
    try:
        return os.getpgrp() == os.getsid(0)
    except OSError:
        return True


def stop_the_job() -> None:
    """Stop every process of this job at once (a pipe's writer, a wrapper, the workers);
    the shell's `fg` continues them. SIGSTOP, not SIGTSTP: the terminal is already given
    back, and Textual's SIGTSTP handler would try to give it back again."""
    os.killpg(os.getpgrp(), signal.SIGSTOP)
    # Continued. The SIGTERM `kill %1` sends with the SIGCONT may be taken by another of
    # the threads, whose handler then runs after this one has looked: a moment lets it
    # (a job stopped again at once for want of it stayed stopped).
    time.sleep(SIGNALS_SETTLE)
