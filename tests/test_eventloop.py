"""The event loop joins its thread pool at the end without starting a thread (asyncio's
own starts one, which hung where memory was short)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from tui import eventloop


async def _work_in_threads() -> list[str]:
    names = await asyncio.gather(
        *(asyncio.to_thread(lambda: threading.current_thread().name) for _ in range(4))
    )
    return list(names)


def _threads_started_while_closing(
    monkeypatch: pytest.MonkeyPatch, runner: asyncio.Runner
) -> list[str]:
    """Run work on the loop's pool, then close the runner and list the threads started
    meanwhile."""
    runner.run(_work_in_threads())
    started: list[str] = []
    start = threading.Thread.start

    def recording_start(thread: threading.Thread, *args: Any, **kw: Any) -> None:
        started.append(thread.name)
        start(thread, *args, **kw)

    monkeypatch.setattr(threading.Thread, "start", recording_start)
    runner.close()
    return started


def test_the_loop_joins_its_threads_without_starting_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _threads_started_while_closing(monkeypatch, eventloop.runner()) == []


def test_asyncios_own_loop_starts_a_thread_to_join_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the loop is for: should asyncio stop doing so, it is no longer needed.
    assert _threads_started_while_closing(monkeypatch, asyncio.Runner()) != []


def test_work_runs_on_the_loops_own_pool_and_every_thread_is_joined() -> None:
    before = set(threading.enumerate())
    names = eventloop.run(_work_in_threads())
    assert names and all(name.startswith("briefing-io") for name in names)
    assert set(threading.enumerate()) <= before
