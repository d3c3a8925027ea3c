"""The CPU stages (extraction, cleaning, analysis) in worker processes.

Why processes and not threads: lxml, under readability and htmldate, corrupts its heap when
several threads of one process parse and copy trees at the same time. Under load the
process aborted ("double free or corruption", "corrupted size vs. prev_size", SIGSEGV) in
about one run in six of 200 pages, with every import done beforehand, and the whole
briefing was lost. A worker here is a single-threaded process, so lxml is only ever used
from one thread; its page travels to it as bytes (decoded there) and the article comes back as plain
dataclasses. The same split lets analysis use every core (spaCy holds the GIL), keeps
spaCy's memory out of the process that paints the screen, and makes every stage
stoppable: a worker that runs past its time limit, or is no longer wanted, is killed,
and a native crash that still happened would cost one article, not the briefing.

Workers are forked from a small server process (multiprocessing's "forkserver") that has
the extraction modules imported already, so a new worker starts in milliseconds. The
server is started with the pool, while the first pages are being fetched.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import errno
import logging
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import Any, TypeVar, cast

from tui.pipeline import wakes
from tui.pipeline.model import ErrorKind, PipelineError
from tui.pipeline.options import MAX_DEFAULT_WORKERS
from tui.runtime import address_space_limited

log = logging.getLogger(__name__)

A = TypeVar("A")
R = TypeVar("R")

# A worker is replaced after this many tasks: spaCy's string store only ever grows, so a
# long-running briefing would otherwise creep upward in memory.
MAX_TASKS_PER_WORKER = 250
# What the forkserver imports once, so every worker forked from it has them already.
PRELOAD = ["tui.pipeline.worker_preload"]

_OK, _TYPED, _BUG = "ok", "typed", "bug"


class StageBug(Exception):
    """A stage raised something other than PipelineError: a bug in briefing.

    `name` is the exception's type name (for the reader), `trace` its traceback (for the log).
    """

    def __init__(self, name: str, trace: str) -> None:
        super().__init__(name)
        self.name = name
        self.trace = trace


class StageTimeout(Exception):
    """A stage ran past its time limit; its worker was killed."""


class _Abandoned(Exception):
    """The task was cancelled before its worker had started."""


class StartTimeout(Exception):
    """A worker did not start within START_LIMIT_SECONDS: the forkserver was killed."""


# How long starting a worker may take before the forkserver is taken for stuck (stopped,
# or swapped out for good) and killed, so the start fails and the next one starts a new
# server: the first start waits for the server's imports (a second or two), later ones
# take milliseconds. Without it a stopped forkserver held every article, and the exit.
START_LIMIT_SECONDS = 60.0
# How long a worker's time limit waits, once run out, for the count of a stop (`wakes`)
# that the main thread has still to make.
WAKE_GRACE_SECONDS = 0.2


class WorkerLost(Exception):
    """The worker died while it held the task (killed from outside, or a native crash), or
    none could be started (`started` False: the system refused a process or a thread, or
    the forkserver stopped answering). `how` says which, in words."""

    def __init__(self, how: str, *, started: bool = True, refused: bool = False) -> None:
        super().__init__(how)
        self.how = how
        self.started = started
        # The system refused it (processes, threads, memory, files): the workers already
        # running can still take the task (`WorkerPool.call`), `fewer` of them.
        self.refused = refused
        self.fewer = False


def default_size() -> int:
    """One worker per core this process may use, at most MAX_DEFAULT_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


def quiet_stdio() -> None:
    """Point descriptors 0-2 at /dev/null: a worker must never read the reader's keys or
    draw on their terminal (a library warning would land in the middle of the app)."""
    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(null, fd)
    os.close(null)


def _serve(conn: Connection, niceness: int) -> None:
    """A worker's whole life: run the functions it is sent, one at a time, until EOF."""
    quiet_stdio()
    # Ctrl+C reaches the whole process group; the parent decides what stops, and kills us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if niceness:
        with contextlib.suppress(OSError):
            os.nice(niceness)
    while True:
        try:
            fn, arg = conn.recv()
        except (EOFError, OSError):
            return
        reply: tuple[str, Any]
        try:
            reply = (_OK, fn(arg))
        except PipelineError as exc:
            reply = (_TYPED, (exc.kind.value, exc.message))
        except Exception as exc:
            reply = (_BUG, (type(exc).__name__, traceback.format_exc()))
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return
        except Exception as exc:  # the result itself would not pickle: a bug, said as one
            conn.send((_BUG, (type(exc).__name__, traceback.format_exc())))


def _exit_words(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            return f"its worker process was stopped by signal {-code}"
        why = _WHY_STOPPED.get(name, "")
        return f"its worker process was stopped by {name}{why}"
    if code is None:
        return "its worker process stopped"
    return f"its worker process exited with status {code}"


# What a worker's end by a signal most likely means, for a reader who did not send it.
_WHY_STOPPED = {
    "SIGKILL": " (killed from outside briefing, or by the system when memory ran short)",
    "SIGSEGV": " (a crash in a library reading it)",
    "SIGBUS": " (a crash in a library reading it)",
    "SIGABRT": " (a crash in a library reading it)",
    "SIGTERM": " (stopped from outside briefing)",
}


def _not_started(exc: BaseException) -> WorkerLost:
    """A worker's start that failed, in words, and whether the system refused it (a
    process, a thread, memory, files) or the forkserver failed."""
    errno_ = getattr(exc, "errno", None)
    refused = True
    if isinstance(exc, MemoryError) or errno_ == errno.ENOMEM:
        why = "the system is out of memory"
    elif errno_ == errno.EAGAIN or (isinstance(exc, RuntimeError) and "thread" in str(exc)):
        why = "the system allows this user no more processes or threads (ulimit -u)"
        if address_space_limited():
            # Where a cap on address space is set, a thread's stack may not fit under it.
            why += ", or no memory for one under its limit (ulimit -v)"
    elif errno_ in (errno.EMFILE, errno.ENFILE):
        why = "too many files are open (ulimit -n)"
    elif isinstance(exc, StartTimeout):
        why, refused = f"its forkserver did not answer within {START_LIMIT_SECONDS:.0f} s", False
    else:
        why, refused = f"its forkserver stopped answering ({type(exc).__name__})", False
    return WorkerLost(f"no worker process could be started: {why}", started=False, refused=refused)


class _Worker:
    def __init__(self, ctx: BaseContext, niceness: int) -> None:
        parent, child = ctx.Pipe()
        self.process = ctx.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, niceness), name="briefing-worker", daemon=True
        )
        self.process.start()
        child.close()
        self.conn = parent
        self.tasks = 0
        self.killed = False

    def call(self, fn: Callable[[Any], Any], arg: Any, limit: float) -> tuple[str, Any]:
        """The round trip, in the calling (pump) thread; the pipe is closed here when the
        worker is lost, since only this thread may be reading it then."""
        self.tasks += 1
        try:
            self.conn.send((fn, arg))
            if not self._answered_within(limit):
                self.kill()
                raise StageTimeout(limit)
            return cast(tuple[str, Any], self.conn.recv())
        except (EOFError, OSError, BrokenPipeError):
            self.kill()
            self.process.join(1)
            raise WorkerLost(_exit_words(self.process.exitcode)) from None
        finally:
            if self.killed:
                with contextlib.suppress(OSError):
                    self.conn.close()

    def _answered_within(self, limit: float) -> bool:
        """Whether the worker answered within `limit` seconds; given the time again if
        the process was stopped meanwhile (`wakes`: ctrl+z stops the workers with it, and
        every analysis running then failed as "too long or too complex")."""
        while True:
            woken = wakes.woken()
            if self.conn.poll(limit):
                return True
            # The main thread counts the SIGCONT that woke this one: a moment for it.
            if self.conn.poll(WAKE_GRACE_SECONDS):
                return True
            if wakes.woken() == woken:
                return False

    @property
    def alive(self) -> bool:
        return not self.killed and self.process.is_alive()

    def kill(self) -> None:
        # The process only: a pump thread may be reading the pipe, and closes it itself.
        self.killed = True
        with contextlib.suppress(Exception):
            self.process.kill()


@dataclass
class _Call:
    """One task between the event loop and the thread that pumps it to a worker."""

    worker: _Worker | None
    cancelled: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


# A task that has waited this long for a worker goes before any smaller one that came
# later: smallest first lets short articles through, and this keeps a long one from
# waiting for ever behind a stream of them (`tail -f urls | briefing`).
PATIENCE_SECONDS = 30.0


class _Slots:
    """At most `size` tasks at once; of those waiting, the smallest goes first (then the
    one that came first), except that one waiting `PATIENCE_SECONDS` or more goes before
    any. A reader sees every short article while a few huge ones are still being read."""

    def __init__(self, size: int) -> None:
        self._free = size
        self._waiting: list[tuple[float, int, float, asyncio.Future[None]]] = []
        self._seq = 0

    async def acquire(self, weight: float) -> None:
        loop = asyncio.get_running_loop()
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        future: asyncio.Future[None] = loop.create_future()
        self._seq += 1
        waiter = (weight, self._seq, loop.time(), future)
        self._waiting.append(waiter)
        try:
            await future
        except asyncio.CancelledError:
            if waiter in self._waiting:
                self._waiting.remove(waiter)
            elif future.done() and not future.cancelled():
                self.release()  # handed a slot as it was cancelled: pass it on
            raise

    def release(self) -> None:
        while self._waiting:
            now = asyncio.get_running_loop().time()
            overdue = [w for w in self._waiting if now - w[2] >= PATIENCE_SECONDS]
            chosen = min(overdue, key=lambda w: w[1]) if overdue else min(self._waiting)
            self._waiting.remove(chosen)
            # A waiter cancelled (the reader quit) may not have left the queue yet: the
            # slot goes to the next.
            if not chosen[3].done():
                chosen[3].set_result(None)
                return
        self._free += 1


class WorkerPool:
    """At most `size` worker processes, started when first needed.

    `await pool.call(fn, arg, limit=s, weight=w)` runs the module-level function `fn(arg)`
    in a worker and returns its result; a PipelineError it raises comes back as itself.
    While all workers are busy, the waiting call of least `weight` (its input's size)
    goes next (`_Slots`).
    Cancelling the await kills the worker holding the task (the stage stops at once).
    `niceness` lowers the workers' priority: the app uses it so painting and keys win the
    cores; a headless run, with no keys to answer, does not.
    """

    def __init__(self, size: int | None = None, *, niceness: int = 0) -> None:
        # Chosen here, on the caller's thread: see _start_resource_tracker.
        _start_server(_context())
        self.size = size or default_size()
        self.niceness = niceness
        self._idle: list[_Worker] = []
        self._live: set[_Worker] = set()
        self._starting = 0  # workers being started, not yet live
        self._lock = threading.Lock()
        self._slots: _Slots | None = None
        self._closed = False

    async def call(self, fn: Callable[[A], R], arg: A, *, limit: float, weight: float = 0.0) -> R:
        try:
            return await self._call_once(fn, arg, limit, weight)
        except WorkerLost as lost:
            if lost.fewer:
                # The system will not give another worker (ulimit -u, memory): the task
                # waits for one of those running, and the pool keeps to their number.
                log.warning("%s; %d worker(s) from now on", lost.how, self.size)
                return await self.call(fn, arg, limit=limit, weight=weight)
            if not lost.started:
                raise
            # A worker killed under it (by hand, by the system short of memory) is tried
            # once more in a fresh one; a page that crashes a library crashes it again.
            log.warning("a worker was lost (%s); trying its task once more", lost.how)
            return await self._call_once(fn, arg, limit, weight)

    async def _call_once(self, fn: Callable[[A], R], arg: A, limit: float, weight: float) -> R:
        if self._closed:
            raise RuntimeError("the worker pool is closed")
        if self._slots is None:
            self._slots = _Slots(self.size)
        slots = self._slots
        await slots.acquire(weight)
        give_back = True
        try:
            call = _Call(self._idle.pop() if self._idle else None)
            try:
                kind, value = await self._pumped(call, fn, arg, limit)
            except asyncio.CancelledError:
                with call.lock:
                    call.cancelled = True
                    if call.worker is not None:
                        call.worker.kill()
                raise
            except WorkerLost as lost:
                # Refused by the system with others running: this slot is not given back
                # (handed on, the next task would ask for a worker again).
                give_back = not (lost.refused and self._one_fewer())
                lost.fewer = not give_back
                raise
            finally:
                self._release(call.worker)
        finally:
            if give_back:
                slots.release()
        if kind == _OK:
            return cast(R, value)
        if kind == _TYPED:
            raise PipelineError(ErrorKind(value[0]), value[1])
        raise StageBug(*value)

    def _pumped(
        self, call: _Call, fn: Callable[[Any], Any], arg: Any, limit: float
    ) -> asyncio.Future[tuple[str, Any]]:
        """Run the blocking round trip in a daemon thread (it never holds up exit)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[tuple[str, Any]] = loop.create_future()

        def settle(outcome: tuple[str, Any] | BaseException) -> None:
            if future.done():
                return
            if isinstance(outcome, BaseException):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)

        def pump() -> None:
            outcome: tuple[str, Any] | BaseException
            try:
                outcome = self._round_trip(call, fn, arg, limit)
            except BaseException as exc:
                outcome = exc
            with contextlib.suppress(RuntimeError):  # the loop is gone: nobody is waiting
                loop.call_soon_threadsafe(settle, outcome)

        try:
            threading.Thread(target=pump, name="briefing-pump", daemon=True).start()
        except RuntimeError as exc:  # "can't start new thread"
            raise _not_started(exc) from None
        return future

    def _round_trip(
        self, call: _Call, fn: Callable[[Any], Any], arg: Any, limit: float
    ) -> tuple[str, Any]:
        worker = call.worker
        if worker is None:
            # Started here, not on the loop: the first start waits for the forkserver.
            worker = self._start()
            with call.lock:
                call.worker = worker
                if call.cancelled:
                    worker.kill()
                    raise _Abandoned
        return worker.call(fn, arg, limit)

    def _start(self) -> _Worker:
        _tracker_running()
        watchdog = threading.Timer(START_LIMIT_SECONDS, _kill_the_server, args=(True,))
        watchdog.daemon = True
        with self._lock:
            self._starting += 1
        try:
            watchdog.start()
            worker = _Worker(_context(), self.niceness)
        except Exception as exc:
            raise _not_started(StartTimeout() if watchdog.finished.is_set() else exc) from None
        finally:
            watchdog.cancel()
            with self._lock:
                self._starting -= 1
        with self._lock:
            if self._closed:
                worker.kill()
                raise RuntimeError("the worker pool is closed")
            self._live.add(worker)
        return worker

    def _one_fewer(self) -> bool:
        """One worker fewer from now on, where others run (or are starting) to take the
        tasks; False if none does or only one is allowed already."""
        with self._lock:
            if not (self._live or self._starting) or self.size <= 1:
                return False
            self.size -= 1
        return True

    def _release(self, worker: _Worker | None) -> None:
        if worker is None:
            return
        if not self._closed and worker.alive and worker.tasks < MAX_TASKS_PER_WORKER:
            self._idle.append(worker)
            return
        if not worker.killed:  # retired after its quota, idle: nobody reads its pipe
            worker.kill()
            with contextlib.suppress(OSError):
                worker.conn.close()
        with self._lock:
            self._live.discard(worker)

    def close(self) -> None:
        """Kill every worker now, busy or not; never waits for a task to finish."""
        with self._lock:
            self._closed = True
            live, self._live = self._live, set()
        for worker in live:
            worker.kill()
        for worker in self._idle:
            with contextlib.suppress(OSError):
                worker.conn.close()
        self._idle.clear()


_context_lock = threading.Lock()
_chosen: BaseContext | None = None


def _context() -> BaseContext:
    """forkserver where the platform has it (workers start in milliseconds), else spawn."""
    global _chosen
    with _context_lock:
        if _chosen is None:
            # One BLAS thread per worker: the workers already fill the cores between them.
            for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ.setdefault(var, "1")
            # (Refused for want of files or processes, it is started with the first worker,
            # whose article then says why in words.)
            with contextlib.suppress(OSError):
                _start_resource_tracker()
            atexit.register(_kill_the_server)  # runs before multiprocessing's own
            if "forkserver" in multiprocessing.get_all_start_methods():
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(PRELOAD)
                _chosen = ctx
            else:
                _chosen = multiprocessing.get_context("spawn")
        return _chosen


def _start_server(ctx: BaseContext) -> None:
    """Start the forkserver now, in the background, rather than when the first worker is
    wanted: it imports the extraction modules (about 0.4 s), and a briefing's first pages
    are usually still on the network then, so the first article's text and entities come
    that much sooner. A failure here is left for the first worker's start to report."""
    if ctx.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    def start() -> None:
        with contextlib.suppress(Exception):
            forkserver.ensure_running()

    threading.Thread(target=start, name="briefing-forkserver", daemon=True).start()


def _kill_the_server(stuck: bool = False) -> None:
    """Kill the forkserver, if there is one: stuck (`StartTimeout`), or at exit, where
    multiprocessing waits for each worker's end to be reported by it, and a stopped server
    never reports one (the app quit to the shell and never exited)."""
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if pid is None:
        return
    if stuck:
        log.warning(
            "the forkserver did not start a worker within %.0f s; killed", START_LIMIT_SECONDS
        )
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)


def _tracker_running() -> None:
    """The resource tracker, running again if it died (killed with the workers by hand, or
    by the system): multiprocessing restarts it at the next worker's start itself, but
    hands it `sys.stderr.fileno()`, which in the app is Textual's -1, and every start
    after failed ("bad value(s) in fds_to_keep"). There it is restarted here as at first.
    (Swapping sys.stderr from this pump thread loses only what Textual would capture.)"""
    try:
        if sys.stderr.fileno() >= 0:
            return
    except Exception:  # multiprocessing passes no descriptor when fileno() raises
        return
    _start_resource_tracker()


_tracker_lock = threading.Lock()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with /dev/null for its stderr.

    It hands `sys.stderr.fileno()` to its process, and inside the app sys.stderr is
    Textual's print capture, whose descriptor is not real: starting the first worker
    failed with "bad value(s) in fds_to_keep". The tracker has nothing to say to a reader
    anyway. Swapping sys.stderr is only safe on the thread that would write to it (a
    pump thread doing it lost a headless error line now and then), so this runs when a
    pool is made, never from a worker's pump thread.
    """
    from multiprocessing import resource_tracker

    with _tracker_lock, open(os.devnull, "w") as null:
        saved, sys.stderr = sys.stderr, null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved
