"""Functions the worker-pool tests send to workers (workers import them by name)."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

from tui.pipeline.model import ErrorKind, PipelineError


def double(n: int) -> int:
    return 2 * n


def refuse(message: str) -> None:
    raise PipelineError(ErrorKind.NO_ARTICLE, message)


def buggy(_: object) -> None:
    {}["missing"]


def sleep(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def crash(_: object) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def whereabouts(_: object) -> dict[str, object]:
    """What a stage running here would see of its process."""
    print("a library printing to stdout must not reach the reader's terminal")
    sys.stdout.flush()
    return {
        "pid": os.getpid(),
        "main_thread": threading.current_thread() is threading.main_thread(),
        "threads": threading.active_count(),
        "stdout": os.readlink("/proc/self/fd/1") if os.path.exists("/proc/self/fd/1") else None,
        "stdin": os.readlink("/proc/self/fd/0") if os.path.exists("/proc/self/fd/0") else None,
    }


def buggy_read(page: object) -> None:
    """A stand-in for extraction with a bug in it."""
    raise ZeroDivisionError("a bug")


def crashing_read(page: object) -> None:
    """A stand-in for extraction that dies natively."""
    os.kill(os.getpid(), signal.SIGSEGV)


def buggy_analyse(job: object) -> None:
    """A stand-in for an analysis with a bug in it (the text was read)."""
    raise ValueError("a bug")


def slow_analyse(job: object) -> None:
    """A stand-in for an analysis that would take minutes."""
    time.sleep(600)


class HeldAnalyse:
    """The real analysis, held back until the file `release` exists (a test's signal that
    it has looked at the app while the article was still being analysed)."""

    def __init__(self, release: str) -> None:
        self.release = release

    def __call__(self, job: object) -> object:
        from tui.pipeline.stages import analyse

        while not os.path.exists(self.release):
            time.sleep(0.05)
        return analyse(job)  # type: ignore[arg-type]


def killed_once(mark: str) -> int:
    """Killed (as by hand, or by the system short of memory) the first time it runs."""
    if not os.path.exists(mark):
        with open(mark, "w"):
            pass
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()
