"""Waiting for the app to settle (tests, screenshots): a wait that runs out says why."""

from __future__ import annotations

import pytest

from tests.app.conftest import SETTLE, queued_lines


async def test_a_wait_that_runs_out_names_what_the_briefing_waits_for(make_app, site) -> None:
    queue, lines = queued_lines()
    app = make_app([], analysis=False, lines=lines)
    async with app.run_test():
        with pytest.raises(TimeoutError, match="did not settle: input has not ended"):
            await app.wait_settled(0.3)
        queue.put_nowait(site.url("/slow?s=3"))
        queue.put_nowait(None)
        with pytest.raises(TimeoutError, match=r"1 article\(s\) are still being read \(fetch"):
            await app.wait_settled(1.0)
        await app.wait_settled(SETTLE)
        assert app.settled
