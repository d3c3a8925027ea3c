"""The briefing written to stdout for scripts: Markdown, JSON, or JSON Lines as each
article finishes. No app, no terminal needed.

JSON Lines are written and flushed the moment an article finishes, so a crash or a kill
loses at most the articles still in flight. A line whose `revision` is above 0 replaces
the earlier line with the same `index`: a later page of the same site showed that some of
that article's blocks are the site's template, or that it is the same page as an earlier
input.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import select
import signal
import stat
import sys
import threading
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from tui import eventloop
from tui.pipeline.model import Article, Status
from tui.pipeline.options import CacheSettings, Options
from tui.pipeline.textsafety import INPUT_CHARS, MESSAGE_CHARS, one_line
from tui.pipeline.wakes import counting_wakes
from tui.pipeline.words import plural
from tui.runtime import JSON_ESCAPES

if TYPE_CHECKING:
    from tui.pipeline.cache import Cache
    from tui.pipeline.history import Reopen
    from tui.pipeline.session import Session

log = logging.getLogger(__name__)

MARKDOWN, JSON, JSONL = "markdown", "json", "jsonl"


class _ReaderGone(Exception):
    """stdout was closed by the reader (`| head`): their choice, not an error."""


class _OutputFailed(Exception):
    """stdout refused what we wrote (a full disk, /dev/full)."""


def error_line(article: Article) -> str:
    """The one stderr line for a failed input."""
    assert article.error is not None
    # Cut as well as cleaned: a 5 MB line on a pipe must still be one readable line.
    where = one_line(article.input, INPUT_CHARS)
    return f"briefing: {where}: {one_line(article.error.message, MESSAGE_CHARS)}"


# A write to a pipe blocks for as long as whoever reads it does not read. Ctrl+C must end
# briefing even then, but the kernel may hand the signal to any of its threads, and a
# thread other than the main one cannot interrupt the main thread's write: briefing stayed
# until it was killed. So a pipe or a terminal is written in pieces it has room for, and
# between pieces the main thread waits at most WRITE_WAIT seconds, then looks at signals.
WRITE_WAIT = 0.1
# A pipe or terminal with room takes this much at once without blocking.
WRITE_PIECE = getattr(select, "PIPE_BUF", 512)


class _Output:
    """What the Ctrl+C handler needs to know of the output (see _ctrl_c_interrupts_writes)."""

    writing = False  # a write to stdout or stderr is under way
    # Ctrl+C was pressed: nothing more is written. An article that finishes while the work
    # is being cancelled would otherwise wait, with the pipe still full, for ever.
    stopped = False


def _write(out: TextIO | None, text: str, errors: str | None = None) -> None:
    """Write and flush `text`, waiting however long the reader takes, never deaf to Ctrl+C.
    `errors`: how characters `out`'s charset lacks are written (JSON_ESCAPES for JSON)."""
    if _Output.stopped:
        return
    if out is None:  # started with the descriptor closed (`>&-`): Python made it None
        raise _OutputFailed("it is closed")
    _Output.writing = True
    try:
        fd = _descriptor(out)
        if fd is None:  # not a file (a test's capture), or Windows
            out.write(text)
            out.flush()
        else:
            out.flush()  # whatever else went through `out` goes first
            codec = out.encoding or "utf-8"
            _write_descriptor(fd, text.encode(codec, errors or out.errors or "strict"))
    except BrokenPipeError as exc:
        raise _ReaderGone from exc
    except OSError as exc:
        raise _OutputFailed(exc.strerror or str(exc)) from exc
    finally:
        _Output.writing = False


def _descriptor(out: TextIO) -> int | None:
    if os.name == "nt":  # select() takes sockets only there: written the plain way
        return None
    try:
        return out.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def _write_descriptor(fd: int, data: bytes) -> None:
    # A file never keeps a write waiting for long: it takes everything at once.
    piece = max(1, len(data)) if stat.S_ISREG(os.fstat(fd).st_mode) else WRITE_PIECE
    view = memoryview(data)
    while view:
        _, room, _ = select.select([], [fd], [], WRITE_WAIT)
        if room:
            with contextlib.suppress(BlockingIOError):  # a descriptor someone made non-blocking
                view = view[os.write(fd, view[:piece]) :]


@contextlib.contextmanager
def _ctrl_c_interrupts_writes() -> Iterator[None]:
    """Ctrl+C ends briefing even while a write waits for the reader of the pipe.

    The write keeps the event loop waiting with it (see WRITE_WAIT), and asyncio.run's own
    Ctrl+C handler only asks the main task to stop, which cannot happen until the write
    ends: briefing stayed until it was killed. Inside a write, Ctrl+C now raises
    KeyboardInterrupt there; elsewhere asyncio's handler (the one installed when this is
    entered) stops the work as before. Either way nothing more is written after it."""
    outer = signal.getsignal(signal.SIGINT)
    if not callable(outer) or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        _Output.stopped = True
        if _Output.writing:
            raise KeyboardInterrupt
        outer(signum, frame)  # type: ignore[arg-type]

    _Output.stopped = False
    signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        if signal.getsignal(signal.SIGINT) is interrupt:
            signal.signal(signal.SIGINT, outer)


def run_headless(
    inputs: list[str],
    options: Options,
    *,
    read_stdin: bool,
    fmt: str = MARKDOWN,
    stdin: AsyncIterator[str] | None = None,
    cache: CacheSettings | None = None,
    reopen: Reopen | None = None,
) -> int:
    """Write the briefing to stdout; one stderr line per failed input.

    With `cache` settings, pages come from and go to the cache (a problem with it is one
    stderr line) and the briefing is remembered in the history; `reopen` names the
    history entry being opened again.

    Exit status: 0 when every input was read, 1 when any failed or the output could not
    be written, 2 when there was nothing to read, 130 on Ctrl+C."""
    from tui.pipeline.inputs import stream_lines
    from tui.runtime import started

    started()
    run = _Run(options, fmt, cache, reopen)
    lines = stdin if stdin is not None or not read_stdin else _stdin_lines(stream_lines)
    try:
        with counting_wakes():  # a stop (ctrl+z) is not counted against a time limit
            _run_to_its_end(run.read(inputs, lines))
        if not run.failures:
            run.write_whole()
    except KeyboardInterrupt:
        # Our lines go to the descriptor in pieces, never through stdout's buffer; but if
        # Ctrl+C cut short the flush of that buffer (`_write` flushes it first), the
        # interpreter's last flush would wait on the same full pipe again.
        silence_stdout()
        return 130
    except (_ReaderGone, _OutputFailed) as exc:
        run.failures.append(exc)
    finally:
        run.close()
    return run.status(read_stdin)


def _run_to_its_end(briefing: Coroutine[Any, Any, None]) -> None:
    """`asyncio.run(briefing)` on `eventloop`'s loop (its thread pool is joined without
    starting a thread, which under a low `ulimit -u` failed and under a low `ulimit -v`
    hung), and a failure to tidy up after it is logged, not raised: the briefing was read,
    and the traceback lost its whole output."""
    runner = eventloop.runner()
    try:
        runner.run(briefing)
    finally:
        try:
            runner.close()
        except (RuntimeError, OSError) as exc:
            log.warning("the event loop could not shut down cleanly: %s", exc)


class _Run:
    """One headless briefing: the session, where its output goes, what went wrong."""

    def __init__(
        self, options: Options, fmt: str, cache: CacheSettings | None, reopen: Reopen | None
    ) -> None:
        from tui.pipeline.session import Session

        self.options = options
        self.fmt = fmt
        self.out: TextIO | None = sys.stdout
        self.failures: list[Exception] = []
        self.store: Cache | None = None
        if cache is not None:
            from tui.pipeline.cache import open_cache

            self.store = open_cache(cache, warn=lambda line: _say(f"briefing: {line}"))
        self.session = Session(
            options,
            cache=self.store,
            history=self.store is not None,
            reopen=reopen,
        )

    async def read(self, inputs: list[str], lines: AsyncIterator[str] | None) -> None:
        from tui.pipeline.inputs import chain

        main = asyncio.current_task()
        assert main is not None

        def finished(article: Article) -> None:
            try:
                _finished(self.session, article, self.fmt, self.out)
            except (_ReaderGone, _OutputFailed) as exc:
                self.failures.append(exc)  # nobody can read what follows: stop everything
                main.cancel()

        self.session.on_finished = finished
        try:
            with _ctrl_c_interrupts_writes():
                await self.session.run(chain(inputs, lines))
        except asyncio.CancelledError:
            if not self.failures:
                raise

    def write_whole(self) -> None:
        """The JSON document or the Markdown, once every article is in. An empty briefing
        is still a valid (empty) JSON document for a script that parses what it gets."""
        from tui.pipeline.export import to_json, to_markdown

        if self.fmt == JSON:
            whole = to_json(self.session.briefing, analysis=self.options.analysis) + "\n"
            _write(self.out, whole, JSON_ESCAPES)
        elif self.fmt == MARKDOWN and self.session.briefing.articles:
            _write(self.out, to_markdown(self.session.briefing))

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    def status(self, read_stdin: bool) -> int:
        repeated = self.session.repeated
        if repeated:  # not lost without a word: each was read once
            given = plural(repeated, "input was", "inputs were")
            _say(f"briefing: {given} given more than once; each was read once.")
        articles = self.session.briefing.articles
        # A page a reopened briefing read before (evicted since) or never read did not fail.
        failed = 1 if any(a.status is Status.ERROR for a in articles) else 0
        if self.failures:
            silence_stdout()
            if isinstance(self.failures[0], _ReaderGone):
                # The reader stopped reading (`| head`): no failure of ours, but an input
                # that had failed by then still says so.
                return failed
            _say(f"briefing: could not write the briefing to stdout: {self.failures[0].args[0]}.")
            return 1
        if not articles:
            where = "stdin held no URLs or file paths" if read_stdin else "no inputs were given"
            _say(f"briefing: there was nothing to read: {where}.")
            return 2
        return failed


def _stdin_lines(stream_lines: Callable[[int], AsyncIterator[str]]) -> AsyncIterator[str] | None:
    """Lines of stdin, read from a descriptor of our own; None when there is no stdin."""
    try:
        return stream_lines(os.dup(0))
    except OSError:  # started with stdin closed (`<&-`): nothing to read
        return None


def _finished(session: Session, article: Article, fmt: str, out: TextIO | None) -> None:
    from tui.pipeline.export import to_jsonl_line

    if fmt == JSONL:
        _write(out, to_jsonl_line(article, session.briefing.index(article)) + "\n", JSON_ESCAPES)
    if article.error is not None and article.revision == 0:
        _say(error_line(article))


def _say(line: str) -> None:
    """One line on stderr; a closed stderr is no reason to fail."""
    if sys.stderr is not None:
        with contextlib.suppress(_ReaderGone, _OutputFailed, ValueError):
            _write(sys.stderr, line + "\n")


def silence_stdout() -> None:
    # Point stdout at /dev/null so the interpreter's last flush does not complain either.
    if sys.stdout is None:  # closed from the start: nothing to flush
        return
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
