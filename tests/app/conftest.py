from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from tui.app.main import BriefingApp, create_app
from tui.pipeline.options import Options

# Long enough for a first spaCy load on a busy 2-core machine; a hang still fails.
SETTLE = 90.0


@pytest.fixture
def make_app():
    """Build the app through the one factory, with a short fetch timeout."""

    def build(inputs: list[str], *, analysis: bool = True, **kwargs: object) -> BriefingApp:
        options = Options(concurrency=4, timeout=10.0, analysis=analysis)
        return create_app(inputs, options, **kwargs)  # type: ignore[arg-type]

    return build


def queued_lines() -> tuple[asyncio.Queue[str | None], AsyncIterator[str]]:
    """A pipe the test writes to line by line: put a line on the queue, None to close it."""
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    async def lines() -> AsyncIterator[str]:
        while (line := await queue.get()) is not None:
            yield line

    return queue, lines()
