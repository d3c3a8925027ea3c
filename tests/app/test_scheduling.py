"""Waiting for the app to settle (tests, screenshots): a wait that runs out says why."""

from __future__ import annotations

import pytest

from tests.app.conftest import SETTLE, queued_lines


async def _why_unsettled(app, timeout: float, past: str) -> str:
    """Why a wait of `timeout` runs out, once the app is past the step `past` names: a busy
    machine may take a while to get there (CI failed once, waiting 0.3 s in all)."""
    for _ in range(int(SETTLE / timeout)):
        with pytest.raises(TimeoutError) as raised:
            await app.wait_settled(timeout)
        if past not in str(raised.value):
            break
    return str(raised.value)


async def test_a_wait_that_runs_out_names_what_the_briefing_waits_for(make_app, site) -> None:
    queue, lines = queued_lines()
    app = make_app([], analysis=False, lines=lines)
    async with app.run_test():
        why = await _why_unsettled(app, 0.3, past="the session has not started")
        assert "did not settle: input has not ended" in why
        queue.put_nowait(site.url("/slow?s=3"))
        queue.put_nowait(None)
        why = await _why_unsettled(app, 1.0, past="input has not ended")
        assert "1 article(s) are still being read (fetch" in why
        await app.wait_settled(SETTLE)
        assert app.settled


async def test_a_closed_add_prompt_is_waited_for_until_the_app_takes_its_answer(make_app) -> None:
    # Closed, the prompt leaves the screen before its callback runs: a briefing seen as
    # settled in between had not yet added (or said it had not added) what was typed.
    from tui.app.screens import AddUrlScreen

    app = make_app([], analysis=False)
    async with app.run_test() as pilot:
        await app.wait_settled(SETTLE)
        await pilot.press("a")
        prompt = app.screen
        assert isinstance(prompt, AddUrlScreen) and app.answer_awaited is prompt
        await app.wait_settled(SETTLE)  # an open prompt holding nothing is no wait
        app.answer_awaited = AddUrlScreen()  # one closed, its answer not yet taken
        why = await _why_unsettled(app, 0.3, past="the session has not started")
        assert "the add prompt has closed" in why
        app.answer_awaited = prompt
        await pilot.press("escape")  # the prompt's own answer (none) is taken
        await app.wait_settled(SETTLE)
        assert app.answer_awaited is None


async def test_merges_are_paced_by_what_a_merge_costs_not_by_loading_its_tables(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Loading the gazetteer merging reads takes most of a second, once. Timed as a merge's
    # cost, it held the next merge back MERGE_GAP times as long: the briefing missed its
    # last articles for ten seconds.
    import asyncio
    import time

    from tui.app.scheduling import MERGE_GAP
    from tui.demo import demo_paths
    from tui.pipeline.entities import gazetteer

    loaded = gazetteer._gazetteer_table
    calls: list[int] = []

    def slow_first_load() -> dict[str, float]:
        if not calls:
            time.sleep(1.0)
        calls.append(1)
        return loaded()

    monkeypatch.setattr(gazetteer, "_gazetteer_table", slow_first_load)
    app = make_app([str(p) for p in demo_paths()])
    paces: set[float] = set()
    async with app.run_test():
        deadline = time.monotonic() + SETTLE
        while not app.settled and time.monotonic() < deadline:
            if app._merge is not None:
                paces.add(app._merge.interval)
            await asyncio.sleep(0.02)
        await app.wait_settled(SETTLE)
    assert calls, "the demo articles' merge reads the gazetteer"
    assert max(paces) < MERGE_GAP * 1.0, paces
