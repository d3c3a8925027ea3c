"""Paced rebuilds: a rebuild held while the gate is shut always comes once it opens."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from tui.app.pacing import PacedRebuilds


class _Pane(App[None]):
    def compose(self) -> ComposeResult:
        yield Static()


async def _held_rebuilds_that_came(wait: float, count: int) -> int:
    app = _Pane()
    async with app.run_test():
        came: list[int] = []
        for n in range(count):
            paced = PacedRebuilds(app.query_one(Static), 9, lambda n=n: came.append(n))
            paced.gate.wait = lambda: wait  # type: ignore[method-assign]
            assert paced.holds()
            paced.gate.wait = lambda: 0.0  # type: ignore[method-assign]
        for _ in range(50):
            if len(came) == count:
                break
            await asyncio.sleep(0.02)
        return len(came)


@pytest.mark.parametrize("wait", [1e-9, 1e-6, 0.01])
async def test_a_held_rebuild_comes_however_soon_the_gate_opens(wait: float) -> None:
    # Textual's one-shot set_timer dropped its only tick when its task started later than
    # its delay: with a wait of a nanosecond, not one of these came.
    assert await _held_rebuilds_that_came(wait, 50) == 50


async def test_a_rebuild_is_held_once_however_often_it_is_asked_for() -> None:
    app = _Pane()
    async with app.run_test():
        came: list[None] = []
        paced = PacedRebuilds(app.query_one(Static), 9, lambda: came.append(None))
        paced.gate.wait = lambda: 0.01  # type: ignore[method-assign]
        assert paced.holds() and paced.holds() and paced.waiting
        paced.gate.wait = lambda: 0.0  # type: ignore[method-assign]
        await asyncio.sleep(0.1)
        assert came == [None] and not paced.waiting
        assert paced.waiting_for(False) is None
