"""Process-wide settings: when the garbage collector works."""

from __future__ import annotations

import asyncio
import gc
import os
import platform
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.app import scheduling
from tui.app.main import create_app
from tui.pipeline.options import Options
from tui.runtime import (
    APP_FPS,
    APP_SWITCH_INTERVAL,
    KEYS_FULL_THRESHOLD,
    FullCollections,
    keep_out_of_collections,
    started,
    threads_yield_promptly,
)

DEMO_PAGE = Path(__file__).parents[1] / "tui" / "demo" / "01-energy-strikes.html"


@pytest.fixture
def collection_held_off() -> Iterator[None]:
    """As the entry point leaves it; afterwards the test process collects as before."""
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def test_started_turns_collection_back_on_and_freezes_what_start_up_made(
    collection_held_off: None,
) -> None:
    assert gc.get_freeze_count() == 0
    assert started() is True
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    made_later = [[n] for n in range(1000)]
    keep_out_of_collections()
    assert gc.get_freeze_count() >= len(made_later)


def test_started_freezes_nothing_where_collection_was_never_held_off() -> None:
    frozen = gc.get_freeze_count()
    assert started() is False
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


# Run as `briefing` runs: tui.__main__.main, the CLI, then a headless briefing; the script
# reports what the collector was doing when the CLI was entered and after the briefing.
ENTRY_SCRIPT = """
import gc, sys
import tui.cli, tui.headless

cli_main, run_headless = tui.cli.main, tui.headless.run_headless

def entered():
    print("at the CLI: collecting", gc.isenabled(), file=sys.stderr)
    cli_main()

def briefing(*args, **kwargs):
    status = run_headless(*args, **kwargs)
    print("after the briefing: collecting", gc.isenabled(), "frozen", gc.get_freeze_count() > 0,
          file=sys.stderr)
    return status

tui.cli.main, tui.headless.run_headless = entered, briefing
sys.argv = ["briefing", "--format", "jsonl", "--no-cache", "--no-analysis", sys.argv[1]]
import tui.__main__
tui.__main__.main()
"""


def test_the_entry_point_holds_collection_off_until_the_briefing_starts() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", ENTRY_SCRIPT, str(DEMO_PAGE)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    assert "at the CLI: collecting False" in proc.stderr
    assert "after the briefing: collecting True frozen True" in proc.stderr
    assert proc.stdout.count("\n") == 1  # the one article's line


async def test_the_app_collects_again_once_its_first_frame_is_drawn(
    collection_held_off: None,
) -> None:
    app = create_app([str(DEMO_PAGE)], Options(analysis=False))
    async with app.run_test(size=(100, 30)):
        await app.wait_settled(60.0)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0


@pytest.mark.parametrize("held_off", [True, False])
async def test_the_app_freezes_what_finished_articles_hold_only_where_start_up_froze(
    held_off: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full collection walked everything a thousand articles hold, every second or two.
    monkeypatch.setattr(scheduling, "FREEZE_AFTER", 1)
    if held_off:
        gc.disable()
    try:
        app = create_app([str(DEMO_PAGE)], Options(analysis=False))
        async with app.run_test(size=(100, 30)):
            while app.session is None:
                await asyncio.sleep(0.01)
            frozen = gc.get_freeze_count()
            await app.wait_settled(60.0)
            grew = gc.get_freeze_count() > frozen
        assert grew is held_off
    finally:
        gc.unfreeze()
        gc.enable()


async def test_the_app_lets_threads_yield_promptly_while_running_then_restores() -> None:
    before = sys.getswitchinterval()
    app = create_app([str(DEMO_PAGE)], Options(analysis=False))
    async with app.run_test(size=(100, 30)):
        await app.wait_settled(60.0)
        assert sys.getswitchinterval() == pytest.approx(APP_SWITCH_INTERVAL)
        assert before > APP_SWITCH_INTERVAL
    assert sys.getswitchinterval() == pytest.approx(before)


def test_threads_yield_promptly_restores_the_interval_even_on_error() -> None:
    before = sys.getswitchinterval()
    with pytest.raises(RuntimeError), threads_yield_promptly(0.002):
        assert sys.getswitchinterval() == pytest.approx(0.002)
        raise RuntimeError
    assert sys.getswitchinterval() == pytest.approx(before)


def _full_collections_while(make_garbage: int, keep: list[object]) -> int:
    """Full collections Python starts by itself while this makes `make_garbage` cycles
    and keeps as many lists alive (survivors are what make a full collection due)."""
    full = 0

    def count(phase: str, info: dict[str, int]) -> None:
        nonlocal full
        full += phase == "start" and info["generation"] == 2

    gc.callbacks.append(count)
    try:
        for n in range(make_garbage):
            cycle: list[object] = [n]
            cycle.append(cycle)
            keep.append([n])
    finally:
        gc.callbacks.remove(count)
    return full


@pytest.fixture
def small_thresholds() -> Iterator[None]:
    """Collections every few allocations, so a short loop shows when they come."""
    before = gc.get_threshold()
    was_enabled = gc.isenabled()
    # Python starts a full collection only once what survived since the last one is a
    # quarter of what survived it: with the test process's objects set aside, it is.
    gc.freeze()
    gc.collect()
    gc.enable()
    gc.set_threshold(50, 2, 2)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
        if not was_enabled:
            gc.disable()


@pytest.mark.skipif(
    sys.version_info >= (3, 14), reason="3.14's incremental collector has no oldest threshold"
)
def test_full_collections_wait_while_held_and_come_again_once_released(
    small_thresholds: None,
) -> None:
    keep: list[object] = []
    # The same work with the threshold as Python sets it: full collections come.
    assert _full_collections_while(3000, keep) > 0
    held = FullCollections()
    held.hold()
    assert gc.get_threshold() == (50, 2, KEYS_FULL_THRESHOLD)
    assert _full_collections_while(3000, keep) == 0
    held.release()
    assert gc.get_threshold() == (50, 2, 2)
    assert _full_collections_while(3000, keep) > 0


def test_holding_full_collections_twice_gives_back_the_first_threshold(
    small_thresholds: None,
) -> None:
    held = FullCollections()
    held.hold()
    held.hold()
    assert held.held
    held.release()
    assert gc.get_threshold() == (50, 2, 2)
    assert not held.held
    held.release()  # a second release changes nothing
    assert gc.get_threshold() == (50, 2, 2)


async def test_the_app_holds_full_collections_while_keys_come_then_gives_them_back() -> None:
    before = gc.get_threshold()
    app = create_app([str(DEMO_PAGE)], Options(analysis=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wait_settled(60.0)
        assert gc.get_threshold() == before
        await pilot.press("j")
        assert gc.get_threshold()[2] == max(before[2], KEYS_FULL_THRESHOLD)
        for _ in range(3):  # keys keep coming: still held
            await asyncio.sleep(scheduling.KEY_QUIET / 2)
            await pilot.press("k")
            assert gc.get_threshold()[2] == max(before[2], KEYS_FULL_THRESHOLD)
        await asyncio.sleep(scheduling.KEY_QUIET * 2.5)
        assert gc.get_threshold() == before
        await pilot.press("j")
        assert gc.get_threshold()[2] == max(before[2], KEYS_FULL_THRESHOLD)
    # The app ended while keys were recent: the threshold is given back all the same.
    assert gc.get_threshold() == before


_FPS_SEEN_BY_TEXTUAL = """
import sys
import tui.cli

def report():
    assert "textual" not in sys.modules, "Textual was imported before the entry point ran"
    import textual.constants
    print(textual.constants.MAX_FPS)

tui.cli.main = report
from tui.__main__ import main
main()
"""


@pytest.mark.parametrize(("set_by_reader", "expected"), [(None, APP_FPS), ("30", 30)])
def test_the_entry_point_sets_textuals_frame_rate_unless_the_reader_did(
    set_by_reader: str | None, expected: int
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    if set_by_reader is not None:
        env["TEXTUAL_FPS"] = set_by_reader
    done = subprocess.run(
        [sys.executable, "-c", _FPS_SEEN_BY_TEXTUAL],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert int(done.stdout.strip()) == expected


def test_the_log_keeps_no_escape_a_server_sent(tmp_path: Path) -> None:
    from contextlib import contextmanager

    from tests.server import serve_raw
    from tui.pipeline.textsafety import UNSAFE

    log = tmp_path / "briefing.log"
    with contextmanager(serve_raw)() as raw:
        subprocess.run(
            [sys.executable, "-m", "tui", "--format", "json", "--no-analysis", "--no-cache",
             raw.url("/escapes?where=reason")],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
            env={**os.environ, "BRIEFING_LOG": str(log)},
        )  # fmt: skip
    logged = log.read_text(encoding="utf-8")
    assert "404 Not" in logged  # the status line is logged, without what it carried
    assert not UNSAFE.search(logged.replace("\n", "").replace("\t", ""))


def test_a_log_file_that_cannot_be_written_puts_nothing_on_stderr(site) -> None:
    # /dev/full: every write fails. Python's logging printed "--- Logging error ---" and a
    # traceback for each record, where a headless run promises one line per failed input.
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--format", "jsonl", "--no-analysis", "--no-cache",
         site.page("wire.html"), site.url("/missing")],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
        env={**os.environ, "BRIEFING_LOG": "/dev/full"},
    )  # fmt: skip
    assert done.stdout.count("\n") == 2  # both inputs accounted for
    assert "Traceback" not in done.stderr and "Logging error" not in done.stderr
    assert done.stderr.count("\n") == 1 and "404" in done.stderr


_THREADS_THAT_ALLOCATE = """
import resource, sys, threading
from tui.runtime import share_heaps
if sys.argv[1] != "unlimited":
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, resource.getrlimit(resource.RLIMIT_AS)[1]))
if sys.argv[1] != "alone":
    share_heaps()
ready = threading.Barrier(9)
def work():
    held = [bytearray(2000) for _ in range(2000)]
    ready.wait()
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads:
    t.start()
ready.wait()
for t in threads:
    t.join()
peak = next(line for line in open("/proc/self/status") if line.startswith("VmPeak"))
print(int(peak.split()[1]))
"""


def _address_space_kb(how: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    done = subprocess.run(
        [sys.executable, "-c", _THREADS_THAT_ALLOCATE, how],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    )  # fmt: skip
    return int(done.stdout)


@pytest.mark.skipif(
    not Path("/proc/self/status").exists() or platform.libc_ver()[0] != "glibc",
    reason="glibc's heaps and Linux's /proc only",
)
def test_under_a_limit_on_address_space_threads_share_heaps_and_reserve_far_less() -> None:
    # glibc reserves 64 MB of address space for each thread's own heap; under `ulimit -v`
    # a thread then failed as it started, and Python waited for it forever.
    alone, shared = _address_space_kb("alone"), _address_space_kb("share")
    assert shared < alone - 128 * 1024
    # With no limit, reserved space costs nothing, and a heap each is the faster.
    assert _address_space_kb("unlimited") > shared + 128 * 1024
