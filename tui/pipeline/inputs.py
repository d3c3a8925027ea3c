"""Where inputs come from: arguments and lines of a stream (stdin, a followed file).

Lines are handed on as they arrive, never after the stream closes, so
`tail -f urls.txt | briefing` keeps adding articles.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterable
from typing import IO


def parse_line(line: str) -> str | None:
    """The input a line names, or None for blank lines and `#` comments."""
    text = line.strip().lstrip("\ufeff")
    if not text or text.startswith("#"):
        return None
    return text


async def stream_lines(stream: IO[str]) -> AsyncIterator[str]:
    """Inputs from a blocking text stream, yielded as each line arrives.

    A daemon thread does the blocking reads, so a pipe that never closes cannot hold the
    event loop, and the process can still exit while the thread waits on it.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def put(item: str | None) -> None:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, item)
        except RuntimeError:
            pass  # the loop has already closed: nobody is waiting for more input

    def pump() -> None:
        try:
            for line in iter(stream.readline, ""):
                put(line)
        except (OSError, ValueError, UnicodeDecodeError):
            pass  # a closed or undecodable stream ends the input, it does not crash the run
        finally:
            put(None)

    threading.Thread(target=pump, name="briefing-stdin", daemon=True).start()
    while (line := await queue.get()) is not None:
        if (inp := parse_line(line)) is not None:
            yield inp


async def chain(first: Iterable[str], then: AsyncIterator[str] | None) -> AsyncIterator[str]:
    for inp in first:
        yield inp
    if then is not None:
        async for inp in then:
            yield inp
