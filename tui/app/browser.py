"""Opening an address in the reader's web browser without letting it write on the app.

`webbrowser.open` starts the browser with the app's own terminal: a graphical browser's
warnings ("Gtk-WARNING", "cannot open display") landed over the panes and stayed there,
and a console browser (w3m, lynx, or a $BROWSER command, which Python treats as one) read
the keys the app was reading, each taking every other one (review 15). So a graphical
browser is started from a short-lived helper process whose output goes nowhere, and a
console browser is given the terminal while the app is suspended, as an editor would be.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import termios
import webbrowser
from collections.abc import Iterator

# How long the helper may take to hand the address over (a browser's own launcher can be
# slow to start); past it the browser is left to come up on its own.
HAND_OVER_SECONDS = 20.0

# The helper: Python's own choice of browser, with nothing of ours inherited.
_HELPER = "import sys, webbrowser; sys.exit(0 if webbrowser.open(sys.argv[1]) else 1)"


def chosen() -> webbrowser.BaseBrowser | None:
    """The browser Python would start ($BROWSER first), or None when there is none."""
    try:
        return webbrowser.get()
    except webbrowser.Error:
        return None


def needs_the_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """A console browser, or a $BROWSER command Python knows nothing of: it runs in the
    terminal and is waited for (`webbrowser.GenericBrowser` itself, not its background
    kind)."""
    return type(browser) is webbrowser.GenericBrowser


def open_detached(url: str) -> bool | None:
    """Open `url` from a helper process with no terminal: True when the browser took it,
    False when it refused, None when it is still starting after HAND_OVER_SECONDS."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _HELPER, url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            timeout=HAND_OVER_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    except OSError:
        return False
    return done.returncode == 0


@contextlib.contextmanager
def the_terminal_lent() -> Iterator[None]:
    """While a console browser has the terminal: Ctrl+C (SIGINT to the whole foreground
    group) is left to it (a handler of ours does nothing, and is not inherited: the
    browser gets the default), and the keys typed for it that it did not read are
    dropped when it ends, not handed to the app."""
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: None)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        with contextlib.suppress(OSError, termios.error):
            termios.tcflush(0, termios.TCIFLUSH)
