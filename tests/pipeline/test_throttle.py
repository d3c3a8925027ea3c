"""Throttle: bursts of pokes coalesce, and a held run waits for the keys (but not forever)."""

from __future__ import annotations

import asyncio

from tui.pipeline import throttle as throttle_module
from tui.pipeline.throttle import CostGate, Throttle


async def test_a_burst_of_pokes_runs_the_callback_once() -> None:
    runs: list[int] = []
    throttle = Throttle(10.0, lambda: runs.append(1))
    for _ in range(50):
        throttle.poke()
    await asyncio.sleep(0.05)
    assert runs == [1]
    throttle.poke()  # within the interval: waits for it
    await asyncio.sleep(0.05)
    assert runs == [1] and throttle.pending
    throttle.cancel()
    assert not throttle.pending


async def test_a_held_run_waits_until_the_hold_is_released() -> None:
    runs: list[int] = []
    held = True
    throttle = Throttle(0.0, lambda: runs.append(1), hold=lambda: held, max_hold=60.0)
    throttle.poke()
    await asyncio.sleep(0.3)  # several rechecks, all held
    assert runs == [] and throttle.pending
    held = False
    await asyncio.sleep(0.3)
    assert runs == [1] and not throttle.pending


async def test_a_held_run_goes_after_max_hold_even_while_held() -> None:
    runs: list[int] = []
    throttle = Throttle(0.0, lambda: runs.append(1), hold=lambda: True, max_hold=0.1)
    throttle.poke()
    await asyncio.sleep(0.5)
    assert runs == [1]
    # The next run is held anew, from when it falls due.
    throttle.poke()
    await asyncio.sleep(0.02)
    assert runs == [1]
    await asyncio.sleep(0.5)
    assert runs == [1, 1]


def test_a_cost_gate_spaces_runs_by_their_cost_and_lets_a_reset_through(monkeypatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(throttle_module.time, "monotonic", lambda: clock[0])
    gate = CostGate(9)
    assert gate.wait() == 0.0
    with gate.timing():
        clock[0] += 0.5  # a run of half a second
    assert gate.wait() == 4.5
    clock[0] += 4.0
    assert gate.wait() == 0.5
    gate.reset()
    assert gate.wait() == 0.0
