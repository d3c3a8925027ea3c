"""The worker processes that run the CPU stages: typed errors come back, bugs, hangs and
native crashes cost one task, and stopping is immediate."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest

from tests.pipeline import worker_tasks as tasks
from tui.pipeline.model import ErrorKind, PipelineError
from tui.pipeline.workers import StageBug, StageTimeout, WorkerLost, WorkerPool, _Slots


@pytest.fixture
async def pool():
    workers = WorkerPool(2)
    yield workers
    workers.close()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A killed child stays a zombie until reaped; its state says it is not running. It
    # may be reaped between the two looks: its /proc entry then vanishes while being
    # opened (FileNotFoundError) or read (ProcessLookupError).
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return True


async def _until_gone(pid: int) -> bool:
    for _ in range(100):
        if _gone(pid):
            return True
        await asyncio.sleep(0.05)
    return False


async def test_a_result_comes_back_from_another_process(pool: WorkerPool) -> None:
    assert await pool.call(tasks.double, 21, limit=30) == 42
    where = await pool.call(tasks.whereabouts, None, limit=30)
    assert where["pid"] != os.getpid()


async def test_stages_run_alone_on_their_process_main_thread(pool: WorkerPool) -> None:
    # lxml corrupts its heap when two threads of one process use it at once: a worker
    # must be a process whose only thread runs the stage.
    where = await pool.call(tasks.whereabouts, None, limit=30)
    assert where["main_thread"] is True
    assert where["threads"] == 1


async def test_a_worker_never_touches_the_readers_terminal(pool: WorkerPool) -> None:
    where = await pool.call(tasks.whereabouts, None, limit=30)
    assert where["stdout"] == os.devnull and where["stdin"] == os.devnull


async def test_typed_errors_come_back_as_themselves(pool: WorkerPool) -> None:
    with pytest.raises(PipelineError) as caught:
        await pool.call(tasks.refuse, "No article here.", limit=30)
    assert caught.value.kind is ErrorKind.NO_ARTICLE
    assert caught.value.message == "No article here."


async def test_a_bug_comes_back_named_with_its_traceback(pool: WorkerPool) -> None:
    with pytest.raises(StageBug) as caught:
        await pool.call(tasks.buggy, None, limit=30)
    assert caught.value.name == "KeyError"
    assert "worker_tasks.py" in caught.value.trace
    assert await pool.call(tasks.double, 1, limit=30) == 2  # the worker serves on


async def test_a_stage_past_its_limit_is_killed_and_the_next_task_runs(pool: WorkerPool) -> None:
    with pytest.raises(StageTimeout):
        await pool.call(tasks.sleep, 60, limit=0.5)
    assert await pool.call(tasks.double, 2, limit=30) == 4


async def test_a_limit_that_ran_out_while_briefing_was_stopped_is_given_again(
    pool: WorkerPool,
) -> None:
    # Ctrl+Z stops the workers with the app: every analysis running then failed as "too
    # long or too complex" once continued. (The stop is counted as the SIGCONT handler
    # counts it.)
    from tui.pipeline import wakes

    async def stopped_meanwhile() -> None:
        await asyncio.sleep(0.2)
        wakes.note_a_wake()

    woke = asyncio.create_task(stopped_meanwhile())
    assert await pool.call(tasks.sleep, 1.0, limit=0.5) > 0
    await woke


async def test_a_native_crash_costs_one_task_not_the_process(pool: WorkerPool) -> None:
    results = await asyncio.gather(
        pool.call(tasks.crash, None, limit=30),
        pool.call(tasks.double, 5, limit=30),
        return_exceptions=True,
    )
    assert isinstance(results[0], WorkerLost) and "SIGSEGV" in results[0].how
    assert results[1] == 10
    assert await pool.call(tasks.double, 3, limit=30) == 6


async def test_a_worker_killed_under_its_task_is_replaced_and_the_task_run_again(
    pool: WorkerPool, tmp_path
) -> None:
    # A worker killed from outside (by hand, or by the system short of memory) cost its
    # article: "internal error (its worker was stopped by SIGKILL)".
    assert await pool.call(tasks.killed_once, str(tmp_path / "mark"), limit=30) > 0


def _run_alone(script: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`script` in a fresh interpreter (this one's forkserver and tracker are running)."""
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
    )  # fmt: skip


# As in the app: Textual's stand-in for stderr has the descriptor -1.
_TRACKER_KILLED = """
import asyncio, os, signal, sys
from multiprocessing import resource_tracker
from tests.pipeline import worker_tasks as tasks
from tui.pipeline.workers import WorkerPool

class Captured:
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

async def main():
    pool = WorkerPool(1)
    first = await pool.call(tasks.whereabouts, None, limit=60)
    sys.stderr = Captured()
    os.kill(resource_tracker._resource_tracker._pid, signal.SIGKILL)
    os.kill(first["pid"], signal.SIGKILL)  # a new worker must start
    await asyncio.sleep(0.5)
    print([await pool.call(tasks.double, n, limit=60) for n in (1, 2)])
    pool.close()

asyncio.run(main())
"""


def test_workers_start_again_after_the_resource_tracker_died_under_the_app() -> None:
    # Every article after it failed: "internal error (ValueError)", "bad value(s) in
    # fds_to_keep", and r could not bring them back.
    done = _run_alone(_TRACKER_KILLED)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[2, 4]"


_SERVER_STOPPED = """
import asyncio, os, signal, time
from multiprocessing import forkserver
from tests.pipeline import worker_tasks as tasks
from tui.pipeline import workers

workers.START_LIMIT_SECONDS = 2.0

async def main():
    pool = workers.WorkerPool(1)
    first = await pool.call(tasks.whereabouts, None, limit=60)
    os.kill(forkserver._forkserver._forkserver_pid, signal.SIGSTOP)
    os.kill(first["pid"], signal.SIGKILL)  # a new worker must start
    await asyncio.sleep(0.5)
    try:
        await pool.call(tasks.double, 1, limit=60)
    except workers.WorkerLost as lost:
        print(lost.how)
    print(await pool.call(tasks.double, 2, limit=60))  # a new server starts it
    pool.close()

asyncio.run(main())
"""


def test_a_stopped_forkserver_fails_one_start_in_words_and_lets_the_process_exit() -> None:
    # Every article waited for ever, and quitting left the process waiting for the server
    # to report its workers' ends.
    done = _run_alone(_SERVER_STOPPED, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines == [
        "no worker process could be started: its forkserver did not answer within 2 s",
        "4",
    ]


async def test_a_worker_the_system_refuses_leaves_the_task_to_those_running(
    monkeypatch,
) -> None:
    # Under a low `ulimit -u` the second worker could not start: every article but the
    # first failed, though one worker ran and could have read them all.
    import errno

    from tui.pipeline import workers

    real, starts = workers._Worker, []

    def second_refused(*args: object) -> workers._Worker:
        starts.append(1)
        if len(starts) > 1:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        return real(*args)

    monkeypatch.setattr(workers, "_Worker", second_refused)
    pool = WorkerPool(2)
    try:
        pids = await asyncio.gather(*(pool.call(tasks.sleep, 0.2, limit=30) for _ in range(4)))
        assert len(set(pids)) == 1 and pool.size == 1
    finally:
        pool.close()


@pytest.mark.parametrize(
    ("capped", "why"),
    [
        (False, "the system allows this user no more processes or threads (ulimit -u)"),
        # Under a cap on address space the thread's stack may be what did not fit.
        (True, "the system allows this user no more processes or threads (ulimit -u), or"
               " no memory for one under its limit (ulimit -v)"),
    ],
)  # fmt: skip
async def test_no_worker_the_system_allows_says_so_in_words(
    monkeypatch, capped: bool, why: str
) -> None:
    import errno

    from tui.pipeline import workers

    def refused(*args: object) -> None:
        raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(workers, "_Worker", refused)
    monkeypatch.setattr(workers, "address_space_limited", lambda: capped)
    pool = WorkerPool(2)
    try:
        with pytest.raises(WorkerLost) as lost:
            await pool.call(tasks.double, 1, limit=30)
        assert lost.value.how == f"no worker process could be started: {why}"
    finally:
        pool.close()


async def test_cancelling_a_task_kills_its_worker_at_once(pool: WorkerPool) -> None:
    where = await pool.call(tasks.whereabouts, None, limit=30)
    task = asyncio.create_task(pool.call(tasks.sleep, 60, limit=120))
    await asyncio.sleep(0.5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await _until_gone(where["pid"])
    assert await pool.call(tasks.double, 4, limit=30) == 8


# A fresh interpreter (this one's forkserver is running already): is the server started
# by making a pool, before any task asks for a worker?
_SERVER_BEFORE_ANY_TASK = """
import time
from multiprocessing import forkserver
from tui.pipeline.workers import WorkerPool

pool = WorkerPool(1)
for _ in range(200):
    if forkserver._forkserver._forkserver_pid is not None:
        break
    time.sleep(0.05)
print(forkserver._forkserver._forkserver_pid is not None)
pool.close()
"""


def test_the_forkserver_starts_with_the_pool_not_with_the_first_task() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SERVER_BEFORE_ANY_TASK],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


async def test_close_kills_busy_workers_without_waiting() -> None:
    workers = WorkerPool(2)
    first = await workers.call(tasks.whereabouts, None, limit=30)
    busy = asyncio.create_task(workers.call(tasks.sleep, 60, limit=120))
    await asyncio.sleep(0.3)
    workers.close()
    with pytest.raises((WorkerLost, RuntimeError, StageTimeout)):
        await asyncio.wait_for(busy, 10)
    assert await _until_gone(first["pid"])


async def test_while_every_worker_is_busy_the_smallest_waiting_task_goes_next() -> None:
    # One worker, held by a long task; a big one waits, then a small one comes.
    pool = WorkerPool(1)
    done: list[str] = []

    async def run(name: str, seconds: float, weight: float) -> None:
        await pool.call(tasks.sleep, seconds, limit=30, weight=weight)
        done.append(name)

    try:
        first = asyncio.create_task(run("first", 0.5, 5.0))
        await asyncio.sleep(0.1)
        big = asyncio.create_task(run("big", 0.01, 9_000_000.0))
        await asyncio.sleep(0.05)
        small = asyncio.create_task(run("small", 0.01, 2_000.0))
        await asyncio.gather(first, big, small)
    finally:
        pool.close()
    assert done == ["first", "small", "big"]


async def _take_a_turn(slots: _Slots, order: list[str], name: str, weight: float) -> None:
    """Wait for a slot, say so, and give it back."""
    await slots.acquire(weight)
    order.append(name)
    slots.release()


async def test_slots_hand_out_smallest_first_then_in_order_of_coming() -> None:
    slots = _Slots(1)
    await slots.acquire(0)
    order: list[str] = []
    waiters = [
        asyncio.create_task(_take_a_turn(slots, order, n, w))
        for n, w in [("b1", 5), ("a", 1), ("b2", 5)]
    ]
    await asyncio.sleep(0)
    slots.release()
    await asyncio.gather(*waiters)
    assert order == ["a", "b1", "b2"]


async def test_a_task_that_waited_too_long_goes_before_smaller_ones(monkeypatch) -> None:
    from tui.pipeline import workers

    monkeypatch.setattr(workers, "PATIENCE_SECONDS", 0.05)
    slots = _Slots(1)
    await slots.acquire(0)
    order: list[str] = []
    big = asyncio.create_task(_take_a_turn(slots, order, "big", 9))
    await asyncio.sleep(0.1)  # the big one is now overdue
    small = asyncio.create_task(_take_a_turn(slots, order, "small", 1))
    await asyncio.sleep(0)
    slots.release()
    await asyncio.gather(big, small)
    assert order == ["big", "small"]


async def _one_slot_taken_two_waiting() -> tuple[_Slots, asyncio.Task[None], asyncio.Task[None]]:
    slots = _Slots(1)
    await slots.acquire(0)
    first = asyncio.create_task(slots.acquire(1))
    second = asyncio.create_task(slots.acquire(2))
    await asyncio.sleep(0)
    return slots, first, second


async def test_a_waiter_cancelled_as_it_is_handed_a_slot_passes_it_on() -> None:
    slots, first, second = await _one_slot_taken_two_waiting()
    slots.release()  # hands the slot to `first` ...
    first.cancel()  # ... which is cancelled before it runs again
    await asyncio.gather(first, return_exceptions=True)
    await asyncio.wait_for(second, timeout=5)  # the slot went on to the next


async def test_a_slot_freed_after_a_waiter_was_cancelled_goes_to_the_next_one() -> None:
    # Quitting mid-briefing cancels the waiting tasks; a running one that then finished
    # handed its slot to a cancelled waiter still in the queue: InvalidStateError, and an
    # article the reader never asked to stop was listed as failed.
    slots, first, second = await _one_slot_taken_two_waiting()
    first.cancel()  # cancelled, not yet out of the queue ...
    slots.release()  # ... when the slot is freed
    await asyncio.gather(first, return_exceptions=True)
    await asyncio.wait_for(second, timeout=5)
    slots.release()
    await asyncio.wait_for(slots.acquire(3), timeout=5)  # and no slot was lost
