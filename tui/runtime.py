"""Process-wide settings made once, at start: where the log goes, what stdout and stderr
encode to, how the memory allocator gives memory back, and when the garbage collector
starts working.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import logging
import os
import sys
from collections.abc import Iterator

LOG_ENV = "BRIEFING_LOG"
# glibc's mallopt parameter number for the mmap threshold, and the value we fix it at.
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024
# glibc's mallopt parameter for the most heaps ("arenas") threads may allocate from, the
# variable by which a reader sets it, and the number we allow (`share_heaps`).
_M_ARENA_MAX = -8
ARENA_ENV = "MALLOC_ARENA_MAX"
MALLOC_ARENAS = 2
# How long a thread may hold the interpreter while another waits for it, seconds, in the
# app (Python's default is 0.005).
APP_SWITCH_INTERVAL = 0.001


# How often Textual may paint, a second (its own default is 60).
APP_FPS = 120


def paint_promptly() -> None:
    """Let Textual paint up to APP_FPS times a second, unless the reader set TEXTUAL_FPS.

    Textual paints a change at its next tick, and the ticks come at least 1/60 s apart by
    default: the chosen article's text, ready a millisecond after the highlight's frame,
    waited for the next tick. At 120 it is on screen 9-18 ms sooner at the median, idle or
    while 200 articles load, and loading them took about the same CPU (see the README,
    "Under load"). Textual reads the setting when it is first imported, so this
    runs before that.
    """
    os.environ.setdefault("TEXTUAL_FPS", str(APP_FPS))


def configure() -> None:
    """The heaps threads allocate from, the log, the text streams and the limit on open
    files, for the command line's process (the mmap threshold is set in `started`)."""
    share_heaps()
    configure_logging()
    for stream in (sys.stdout, sys.stderr):
        settle_encoding(stream)
    allow_more_open_files()


def share_heaps(arenas: int = MALLOC_ARENAS) -> None:
    """Under a limit on address space (`ulimit -v`), let this process's threads allocate
    from at most `arenas` glibc heaps (unless the reader set MALLOC_ARENA_MAX).

    glibc gives each new thread a heap of its own, up to eight per core, and reserves
    64 MB of address space for each: `briefing --demo -f jsonl` reached 636 MB of address
    space (VmPeak) to use under 100 MB. Under `ulimit -v 300000` a thread then failed as
    it started, and CPython's `Thread.start()` waited for it forever: the run hung in 5 of
    6 tries. With two heaps the same run peaks at 181-194 MB. Without a limit, reserved
    space costs nothing, and two heaps cost a headless run of 181 pages about 5% of its
    speed (`benchmarks/scale.py`, ratio to the peer 0.87-0.91 against 0.83-0.86), so the
    heaps are shared only under one. Elsewhere than glibc this does nothing. Called first,
    before any thread starts.
    """
    if ARENA_ENV in os.environ or not address_space_limited():
        return
    _mallopt(_M_ARENA_MAX, arenas)


def address_space_limited() -> bool:
    """Whether the process runs under a limit on its address space (`ulimit -v`)."""
    try:
        import resource
    except ImportError:  # not a POSIX system
        return False
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return soft != resource.RLIM_INFINITY


def _mallopt(param: int, value: int) -> None:
    # Imported here: ctypes costs ~1 ms, and most of this module's callers need none.
    import ctypes

    # The process's own symbols: libc is linked in, and no library search is needed.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(param, value)


# How many open files briefing asks for: each page fetched at once holds a connection or
# two, each worker its pipes, the cache and history theirs. Many systems start a process
# with a soft limit of 1,024 (some of 256 or less) under a hard one of thousands.
WANTED_OPEN_FILES = 4096


def allow_more_open_files(wanted: int = WANTED_OPEN_FILES) -> None:
    """Raise the soft limit on open files toward `wanted`, as far as the hard limit lets
    a process: under `ulimit -n 64`, `--concurrency 64` failed every article ("Could not
    connect", "internal error (OSError)"). Where it cannot, the limit stays as it was."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        if soft != resource.RLIM_INFINITY and soft < target:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ImportError, OSError, ValueError):  # not a POSIX system, or not allowed
        return


def open_files_limit() -> int | None:
    """The soft limit on open files in force, None where there is none or it cannot be
    read."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return None
    return None if soft == resource.RLIM_INFINITY else soft


# The error handler for JSON written to a stream of another charset (`settle_encoding`).
JSON_ESCAPES = "briefing-json-escapes"


def _json_escapes(exc: UnicodeError) -> tuple[str, int]:
    """A character the stream cannot encode, as JSON's own escape for it: `json_dumps`
    keeps non-ASCII characters inside strings only, where the escape means the same."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    units = exc.object[exc.start : exc.end].encode("utf-16-be", "surrogatepass")
    pairs = (units[i : i + 2].hex() for i in range(0, len(units), 2))
    return "".join(f"\\u{unit}" for unit in pairs), exc.end


codecs.register_error(JSON_ESCAPES, _json_escapes)


def settle_encoding(stream: object) -> None:
    """A file or pipe gets UTF-8 whatever the locale says (JSON must be UTF-8, Markdown is
    by custom); a terminal of another charset (ISO-8859-1, ASCII) gets "?" for what it
    cannot show. Left as it was, one "…" in a title raised UnicodeEncodeError: a traceback
    and an empty stdout from `-f markdown`, and `briefing history` printed nothing at all."""
    encoding = getattr(stream, "encoding", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if not encoding or reconfigure is None or _is_utf(encoding):
        return
    try:
        if stream.isatty():  # type: ignore[attr-defined]
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8", errors="strict")
    except (OSError, ValueError, LookupError):
        pass  # a stream closed or already written to keeps its charset


def _is_utf(encoding: str) -> bool:
    """UTF-8 itself: not UTF-16 (what reads a file or pipe expects UTF-8), nor UTF-8 with
    a byte-order mark (each JSON Lines line then began with one, which parsers refuse)."""
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def started() -> bool:
    """The program has started: large blocks go back to the system when freed
    (`return_memory_promptly`), and garbage is collected from now on.

    The entry point (`tui.__main__`) holds collection off while modules load and the
    first frame is drawn. What exists by then lives as long as the process, so it is
    frozen out of every later collection (`gc.freeze`): a full collection then walks only
    what the briefing itself made, not Textual's hundred thousand start-up objects, which
    would otherwise stall keys while articles load. Where collection was never held off
    (tests, a library caller) nothing is frozen. Returns whether it froze: only then may
    the caller freeze its own long-lived objects later (`keep_out_of_collections`).
    """
    return_memory_promptly()
    if gc.isenabled():
        return False
    gc.freeze()
    gc.enable()
    return True


def keep_out_of_collections() -> None:
    """Freeze what exists now out of later collections, as `started` does with start-up.

    The app calls this as finished articles pile up (`tui.app.scheduling.FREEZE_AFTER`).
    Textual's strips cache themselves, so every frame leaves cyclic garbage behind, and a
    full collection followed every second or two, each walking everything the briefing
    holds: at a thousand articles 155 of them, 36 s in all, up to 0.65 s each, every one
    a stall of keys and painting (`benchmarks/scale.py --app-pauses 1000`). Frozen, the
    articles are no longer walked. The cost: cyclic garbage alive at the moment of
    freezing is never collected, so this is done only every so many articles (freezing at
    every drawn batch kept 60 MB more at a thousand articles). Call it only where
    `started` returned True: in tests or a library caller the objects are not ours to
    freeze.
    """
    gc.freeze()


@contextlib.contextmanager
def threads_yield_promptly(interval: float = APP_SWITCH_INTERVAL) -> Iterator[None]:
    """While inside, a thread that wants the interpreter gets it within `interval`.

    The app's event loop shares the interpreter with threads that work in bursts: the
    ones that take each article back from its worker process (unpickling it) and the one
    that merges the briefing's entities. The loop gives the interpreter up at every
    select and every write to the terminal, and at the default interval each taking back
    can wait 5 ms behind such a thread, several times for one key. Measured with
    `benchmarks/scale.py --skip-throughput --skip-list --presses 80`, three runs each way,
    200 articles loading: the highlight's p90 went from 25-39 ms to 17-23 ms (idle:
    10-12 ms). The threads' own work takes a few more switches, which nobody waits on.
    """
    before = sys.getswitchinterval()
    sys.setswitchinterval(interval)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


# While the reader presses keys, a full collection waits for this many collections of the
# middle generation instead of Python's 10: ten times rarer, never prevented.
KEYS_FULL_THRESHOLD = 100


class FullCollections:
    """Full garbage collections wait while the reader presses keys.

    A full collection walks everything not frozen (`keep_out_of_collections`), 15-40 ms
    with 200 articles loading, and stalls whatever frame it falls in. Logged during 60
    presses of j (`benchmarks/scale.py`'s key run, every collection timed): two of the
    five slowest highlights each had a full collection of 34-35 ms inside them. `hold`
    raises the oldest generation's threshold, so full collections come ten times more
    rarely, and `release` gives the threshold back once keys stop: the collection that
    was due then comes in a quiet moment. Young collections go on as before, so garbage
    made during the keys is still freed. Where Python's collector has no such threshold
    (3.14's incremental one ignores it) this changes nothing.
    """

    def __init__(self, threshold: int = KEYS_FULL_THRESHOLD) -> None:
        self.threshold = threshold
        self._saved: int | None = None  # the oldest generation's threshold before `hold`

    @property
    def held(self) -> bool:
        return self._saved is not None

    def hold(self) -> None:
        if self._saved is None:
            young, middle, oldest = gc.get_threshold()
            self._saved = oldest
            gc.set_threshold(young, middle, max(oldest, self.threshold))

    def release(self) -> None:
        if self._saved is not None:
            young, middle, _ = gc.get_threshold()
            gc.set_threshold(young, middle, self._saved)
            self._saved = None


def return_memory_promptly() -> None:
    """Fix glibc's mmap threshold at its default of 128 KB.

    glibc raises the threshold each time a large block is freed, after which large blocks
    (a decoded page, a pickled article) come from the heap and, once freed, stay in the
    process: a headless run over 181 pages kept 125 MB when its live objects took 19 MB.
    With the threshold fixed, the same run keeps 57 MB (measured, text only). Elsewhere
    than glibc this does nothing.
    """
    _mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


class _SafeFormatter(logging.Formatter):
    """Log lines with no control or direction characters but line breaks and tabs: a
    server's status line or a page's address ("500 Bad\\x1b]0;..."), logged as sent, would
    act on the terminal of whoever runs `tail -f` on the log."""

    def format(self, record: logging.LogRecord) -> str:
        from tui.pipeline.textsafety import strip_unsafe

        return strip_unsafe(super().format(record))


class _LogFile(logging.FileHandler):
    """The log file, given up at its first failed write (a full disk, a folder removed):
    Python's handler printed a traceback on stderr for each record after, over the app's
    screen and between the one line per failed input a headless run promises."""

    given_up = False

    def handleError(self, record: logging.LogRecord) -> None:
        self.given_up = True

    def emit(self, record: logging.LogRecord) -> None:
        if not self.given_up:
            super().emit(record)


def configure_logging() -> None:
    """briefing's own log goes to the file named by $BRIEFING_LOG, else nowhere.

    Never to the terminal: in the app it would land in the middle of the screen, and
    headless the reader was promised one stderr line per failed input, not tracebacks.
    Python's warnings are routed the same way. A bug in a stage is still visible to the
    reader, as that article's `internal` error in words.
    """
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    path = os.environ.get(LOG_ENV)
    handler: logging.Handler
    if path:
        try:
            handler = _LogFile(path, encoding="utf-8")
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(_SafeFormatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        root.setLevel(logging.INFO)
    else:
        handler = logging.NullHandler()
    root.addHandler(handler)
    logging.captureWarnings(True)
