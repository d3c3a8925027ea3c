"""The headless output's writes: however long its reader takes, Ctrl+C still ends them."""

from __future__ import annotations

import os
import signal
import threading
from typing import Any

from tui import headless


def test_after_ctrl_c_nothing_more_is_written_even_to_a_pipe_nobody_reads() -> None:
    # An article that finishes while the work is being cancelled must not wait for room
    # in a pipe its reader stopped reading: the briefing would never end.
    read, write = os.pipe()
    os.set_blocking(read, False)
    out = os.fdopen(write, "w")
    os.set_blocking(write, True)
    seen: list[Any] = []
    before = signal.signal(signal.SIGINT, lambda *args: seen.append(args))  # asyncio's
    try:
        with headless._ctrl_c_interrupts_writes():
            headless._write(out, "first\n")
            signal.raise_signal(signal.SIGINT)
            # Far more than the pipe holds: written, it would wait for ever.
            late = threading.Thread(target=headless._write, args=(out, "x" * 1_000_000))
            late.start()
            late.join(10)
            assert not late.is_alive(), "a write after Ctrl+C waited for the reader"
        assert seen, "the handler it wraps (asyncio's) still hears Ctrl+C"
        assert os.read(read, 100) == b"first\n"
    finally:
        signal.signal(signal.SIGINT, before)
        out.close()
        os.close(read)


def test_the_ctrl_c_handler_is_given_back_when_the_work_ends() -> None:
    def outer(*args: Any) -> None:
        pass

    before = signal.signal(signal.SIGINT, outer)
    try:
        with headless._ctrl_c_interrupts_writes():
            assert signal.getsignal(signal.SIGINT) is not outer
        assert signal.getsignal(signal.SIGINT) is outer
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_failure_to_tidy_up_after_the_briefing_keeps_its_output(monkeypatch, capfd) -> None:
    # Under a low `ulimit -u` the event loop's shutdown could not start its thread: the
    # traceback came after every article was read, and the whole JSON was lost.
    import asyncio
    import json
    from pathlib import Path

    from tui.pipeline.options import Options

    async def no_thread(self: asyncio.AbstractEventLoop, *args: Any) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(asyncio.BaseEventLoop, "shutdown_default_executor", no_thread)
    page = Path(__file__).parent / "fixtures" / "pages" / "wire.html"
    status = headless.run_headless(
        [str(page)], Options(analysis=False, workers=1), read_stdin=False, fmt=headless.JSON
    )
    out = capfd.readouterr().out
    assert status == 0
    assert [a["status"] for a in json.loads(out)["articles"]] == ["ok"]
