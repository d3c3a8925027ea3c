"""The event loop the app and the headless run turn on: asyncio's own, except that at the
end it joins its pool of threads without starting another.

asyncio's `shutdown_default_executor` joins the pool (the threads `asyncio.to_thread`
ran cache and file calls on) from a thread it starts for the purpose. Where memory is
short (under `ulimit -v 300000`, `briefing --demo -f jsonl` hung there in 2 runs of 4)
that thread fails with MemoryError before it signals that it has started, and CPython's
`Thread.start()` waits for the signal forever: the briefing was written, and the process
never ended. Joining in the loop's own thread needs no new thread; it blocks the loop,
which at that point has nothing left to run. (`runtime.share_heaps` makes a thread's
failing to start rarer; this takes away one place where it hung.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class JoiningLoop(asyncio.SelectorEventLoop):
    """An event loop whose default thread pool is shut down in the loop's own thread."""

    def __init__(self) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(thread_name_prefix="briefing-io")
        self.set_default_executor(self._pool)

    async def shutdown_default_executor(self, timeout: float | None = None) -> None:
        self._pool.shutdown(wait=True)


def runner() -> asyncio.Runner:
    """An `asyncio.Runner` on a `JoiningLoop` (close it, or use it as a context manager)."""
    return asyncio.Runner(loop_factory=JoiningLoop)


def run(main: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(main)` on a `JoiningLoop`."""
    with runner() as it:
        return it.run(main)
