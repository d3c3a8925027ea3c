"""Opening the app from the command line, including when URLs arrive on a pipe.

Textual's driver reads keys from file descriptor 0. With `cat urls.txt | briefing` that
descriptor is the pipe, so the app would read URLs as keystrokes and never see the
keyboard. We solve it in-process rather than the way toolong does (re-starting itself as
a child whose stdin is /dev/tty while the parent copies the pipe to a file the child
tails):

1. `os.dup(0)` keeps the pipe open under a new descriptor;
2. `/dev/tty` (the controlling terminal) is opened and `os.dup2`-ed onto descriptor 0,
   before Textual starts, so its driver finds a real terminal there (it reads
   `sys.__stdin__.fileno()`, i.e. 0, and checks `isatty`);
3. a daemon thread reads URLs from the saved pipe line by line as they arrive
   (`tui.pipeline.inputs.stream_lines`) and hands them to the app's event loop.

Why this and not a child process: there is no second process to babysit, no temporary
file to follow, and nothing polls: the reader thread blocks on the pipe and ends at end of
input (toolong's follow loop keeps spinning there). Ctrl+C is a key in the raw terminal
the driver sets up and is bound to quit; the driver restores the terminal's modes on the
same descriptor it changed. If no terminal can be opened (no controlling tty: cron, CI,
`setsid`), we fall back to writing the briefing to stdout as Markdown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

from tui.pipeline.options import CacheSettings, Options

if TYPE_CHECKING:
    from tui.pipeline.history import Reopen


def _take_pipe() -> int | None:
    """Move the stdin pipe off descriptor 0 and put the terminal there.

    Returns the pipe's new descriptor, or None when no terminal could be opened (the
    caller then falls back to headless output; descriptor 0 is left untouched).
    """
    try:
        tty = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return None
    pipe = os.dup(0)
    os.dup2(tty, 0)
    os.close(tty)
    return pipe


def size_from_the_terminal() -> None:
    """Drop COLUMNS and LINES when the terminal tells its own size. Textual asks
    `shutil.get_terminal_size`, which takes them first: an exported pair (set for another
    window, or by a script) drew the app at that size whatever the window's, and
    COLUMNS=100000 LINES=100000 grew to 4.7 GB without ever answering `q` (review 14)."""
    for fd in (1, 2, 0):
        try:
            os.get_terminal_size(fd)
        except OSError:
            continue
        os.environ.pop("COLUMNS", None)
        os.environ.pop("LINES", None)
        return


def _pipe_lines(fd: int) -> AsyncIterator[str]:
    from tui.pipeline.inputs import stream_lines

    return stream_lines(fd)  # the descriptor itself: no file object's lock held at exit


def run_app(
    inputs: list[str],
    options: Options,
    *,
    read_stdin: bool,
    demo: bool,
    cache: CacheSettings | None = None,
    reopen: Reopen | None = None,
    export_dir: Path | None = None,
    theme: str | None = None,
    warnings: list[str] | None = None,
) -> int:
    """Open the app on `inputs` (and URLs from stdin when `read_stdin`); the exit status.

    `demo` only changes the title: the CLI has already put the demo files in `inputs`.
    The cache (when given) is opened after the first frame; `warnings` (about the config
    file) are shown as notifications.
    """
    lines: AsyncIterator[str] | None = None
    if read_stdin and not os.isatty(0):
        pipe = _take_pipe()
        if pipe is None:
            from tui.headless import run_headless

            print(
                "briefing: no terminal to open the app on; writing Markdown to stdout.",
                file=sys.stderr,
            )
            return run_headless(
                inputs, options, read_stdin=read_stdin, fmt="markdown", cache=cache, reopen=reopen
            )
        lines = _pipe_lines(pipe)
    elif not os.isatty(0):
        # stdin is something we were not asked to read (e.g. </dev/null): the keyboard
        # must still reach the app, so swap in the terminal the same way and ignore it.
        pipe = _take_pipe()
        if pipe is not None:
            os.close(pipe)

    from tui import eventloop
    from tui.app.input_bytes import guard_input_bytes
    from tui.app.main import create_app
    from tui.app.paste import guard_pastes

    guard_pastes()
    guard_input_bytes()
    size_from_the_terminal()

    app = create_app(
        inputs,
        options,
        lines=lines,
        export_dir=export_dir,
        cache=cache,
        reopen=reopen,
        theme=theme,
        warnings=warnings,
    )
    if demo:
        app.sub_title = "demo"
    # (`app.run()` is `asyncio.run` of this, on asyncio's own loop.)
    status = eventloop.run(app.run_async())
    for line in app.said_after:
        print(f"briefing: {line}", file=sys.stderr)
    return status if isinstance(status, int) else (app.return_code or 0)
