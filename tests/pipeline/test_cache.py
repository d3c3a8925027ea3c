"""The cache file as several processes, a kill and a damaged disk leave it: real SQLite
files in temporary folders."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cache_holder import held
from tui.pipeline import cache as cache_module
from tui.pipeline.cache import CACHE_FILE, Cache
from tui.pipeline.model import FetchedFeed, FetchedPage


def _page(key: str, html: str = "<p>text</p>") -> FetchedPage:
    headers = {"content-type": "text/html", "etag": '"v1"', "set-cookie": "secret"}
    return FetchedPage(
        key, f"https://news.example/{key}", html.encode(), "utf-8", "2025-03-03T10:00:00+00:00",
        headers,
    )  # fmt: skip


def _warnings() -> tuple[list[str], callable]:
    said: list[str] = []
    return said, said.append


def test_a_page_and_its_results_come_back_as_stored(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    digest = cache.put_page("k", _page("k", "<p>Zaporizhzhia — ünïcode</p>"))
    cache.put_result("read", digest, b'{"blocks": []}')
    feed = FetchedFeed("f", "https://news.example/feed", b"<rss/>", "application/rss+xml", "t")
    cache.put_page("f", feed)
    cache.close()

    again = Cache(tmp_path)
    page = again.page("k", "the input")
    assert page == FetchedPage(
        "the input", "https://news.example/k", "<p>Zaporizhzhia — ünïcode</p>".encode(), "utf-8",
        "2025-03-03T10:00:00+00:00", {"content-type": "text/html", "etag": '"v1"'},
    )  # fmt: skip
    assert "set-cookie" not in page.headers  # only the headers worth keeping are stored
    assert again.page_ref("k").digest == digest
    assert again.result("read", digest) == {"blocks": []}
    assert again.page("f", "f") == FetchedFeed("f", feed.url, b"<rss/>", "application/rss+xml", "t")
    assert again.page_ref("missing") is None and again.result("analysis", digest) is None


def test_results_of_another_pipeline_version_are_not_used(tmp_path: Path) -> None:
    old = Cache(tmp_path, version="1")
    old.put_result("read", "d", b"{}")
    old.close()
    assert Cache(tmp_path, version="2").result("read", "d") is None
    assert Cache(tmp_path, version="1").result("read", "d") == {}


def test_the_least_recently_used_rows_go_first_past_the_cap(tmp_path: Path) -> None:
    import os

    earlier = Cache(tmp_path)  # an earlier run's briefing
    for n in range(5):
        earlier.put_page(f"p{n}", _page(f"p{n}", os.urandom(10_000).hex()))
        time.sleep(0.01)
    earlier.close()
    cache = Cache(tmp_path, max_bytes=60_000)
    cache.page("p0", "p0")  # read again: now the most recently used
    for n in range(5, 9):
        cache.put_page(f"p{n}", _page(f"p{n}", os.urandom(10_000).hex()))
        time.sleep(0.01)
    kept = {f"p{n}" for n in range(9) if cache.page_ref(f"p{n}") is not None}
    assert cache.stored_bytes() <= 60_000
    assert "p0" in kept and "p8" in kept
    assert "p1" not in kept  # the oldest untouched page was evicted


def _fill(folder: Path, pages: int, size: int) -> int:
    """`pages` pages of `size` random (incompressible) bytes; the file's size after."""
    import os

    cache = Cache(folder)
    for n in range(pages):
        cache.put_page(f"p{n}", _page(f"p{n}", os.urandom(size // 2).hex()))
        time.sleep(0.002)  # each its own time of use
    cache.close()
    return (folder / CACHE_FILE).stat().st_size


def test_evicting_past_the_cap_shrinks_the_file(tmp_path: Path) -> None:
    before = _fill(tmp_path, 40, 25_000)  # about 1 MB
    cache = Cache(tmp_path, max_bytes=2_000_000)
    cache.max_bytes = 100_000  # lowered mid-run: the next write evicts most of the file
    cache.put_page("new", _page("new"))
    assert cache.stored_bytes() <= 100_000 and cache.page_ref("new") is not None
    cache.close()
    # Only one page of the file was freed per eviction, so it stayed at its largest.
    assert (tmp_path / CACHE_FILE).stat().st_size < before / 4


def test_a_lowered_cap_holds_after_a_run_that_only_reads(tmp_path: Path) -> None:
    before = _fill(tmp_path, 40, 25_000)
    cache = Cache(tmp_path, max_bytes=100_000)  # a run that only reads what is cached
    assert cache.page_ref("p0") is not None  # the briefing it reopens: the oldest page
    cache.close()
    after = Cache(tmp_path)
    assert after.stored_bytes() <= 100_000
    assert after.page_ref("p0") is not None and after.page_ref("p39") is not None
    assert after.page_ref("p1") is None  # the least recently used went first
    after.close()
    assert (tmp_path / CACHE_FILE).stat().st_size < before / 4


def test_a_run_keeps_its_own_pages_past_the_cap_and_the_next_run_evicts_them(
    tmp_path: Path,
) -> None:
    cache = Cache(tmp_path, max_bytes=1)  # smaller than one page
    for n in range(4):
        cache.put_page(f"p{n}", _page(f"p{n}"))
        cache.put_result("read", f"d{n}", b"{}")
    assert all(cache.page_ref(f"p{n}") is not None for n in range(4))
    assert all(cache.result("read", f"d{n}") == {} for n in range(4))
    cache.close()
    later = Cache(tmp_path, max_bytes=1)
    later.put_page("new", _page("new"))
    assert later.page_ref("new") is not None
    assert all(later.page_ref(f"p{n}") is None for n in range(4))
    later.close()


def test_a_run_that_only_looks_at_the_history_evicts_nothing(tmp_path: Path) -> None:
    _fill(tmp_path, 5, 10_000)
    stored = Cache(tmp_path).stored_bytes()
    look = Cache(tmp_path, max_bytes=1)  # `briefing history`, the look-up of `briefing open`
    look.briefings(5)
    look.close()
    assert Cache(tmp_path).stored_bytes() == stored


def test_a_file_that_is_not_a_database_is_set_aside_and_replaced(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_bytes(b"this is not SQLite, just junk " * 200)
    said, warn = _warnings()
    cache = Cache(tmp_path, warn=warn)
    assert len(said) == 1 and "set aside" in said[0] and "\n" not in said[0]
    assert [p.name.split(".broken-")[0] for p in tmp_path.glob("*.broken-*")] == [CACHE_FILE]
    cache.put_page("k", _page("k"))
    assert cache.page("k", "k") is not None


def test_a_run_that_only_looks_leaves_a_damaged_file_where_it_is(tmp_path: Path) -> None:
    junk = b"this is not SQLite, just junk " * 200
    (tmp_path / CACHE_FILE).write_bytes(junk)
    said, warn = _warnings()
    look = Cache(tmp_path, warn=warn, only_reads=True)  # `briefing history`, `briefing open`
    assert not look.enabled and look.briefings(5) == []
    assert len(said) == 1 and "the history cannot be read" in said[0]
    assert "set aside" not in said[0]
    assert (tmp_path / CACHE_FILE).read_bytes() == junk
    assert list(tmp_path.glob("*.broken-*")) == []


def test_a_file_a_newer_briefing_made_is_never_set_aside(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put_page("k", _page("k"))
    cache.close()
    newer = cache_module.SCHEMA_VERSION + 1
    sqlite3.connect(tmp_path / CACHE_FILE).execute(f"PRAGMA user_version = {newer}").close()
    for only_reads in (False, True):
        said, warn = _warnings()
        run = Cache(tmp_path, warn=warn, only_reads=only_reads)
        assert not run.enabled and len(said) == 1 and "newer version of briefing" in said[0]
        assert run.put_page("n", _page("n")) and run.page_ref("k") is None  # goes without it
        run.close()
    assert list(tmp_path.glob("*.broken-*")) == []
    conn = sqlite3.connect(tmp_path / CACHE_FILE)
    assert conn.execute("PRAGMA user_version").fetchone() == (newer,)
    assert conn.execute("SELECT count(*) FROM pages").fetchone() == (1,)  # kept whole
    conn.close()


def test_an_unopenable_cache_path_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).mkdir()  # a folder where the file should be
    said, warn = _warnings()
    cache = Cache(tmp_path, warn=warn)
    assert len(said) == 1
    cache.put_page("k", _page("k"))
    assert cache.page_ref("k") is not None


def test_a_cache_folder_that_cannot_be_made_means_no_cache_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    said, warn = _warnings()
    cache = Cache(blocker / "sub", warn=warn)
    assert not cache.enabled and len(said) == 1 and "without its cache" in said[0]
    assert cache.put_page("k", _page("k"))  # still answers, stores nothing
    assert cache.page_ref("k") is None


def test_damage_found_while_running_sets_the_file_aside(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    for n in range(30):
        cache.put_page(f"p{n}", _page(f"p{n}", "x" * 5000 + str(n)))
    cache.close()
    path = tmp_path / CACHE_FILE
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):  # every b-tree page after the schema
        data[start : start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    said, warn = _warnings()
    damaged = Cache(tmp_path, warn=warn)
    for n in range(30):
        damaged.page(f"p{n}", "p")  # never raises
    assert said and "set aside" in said[0]
    damaged.put_page("new", _page("new"))
    assert damaged.page_ref("new") is not None


def _writer(
    folder: Path, prefix: str, count: int, size: int, hold: bool = False
) -> subprocess.Popen[str]:
    module = "tests.pipeline.cache_writer"
    args = [str(folder), prefix, str(count), str(size), *(["hold"] if hold else [])]
    return subprocess.Popen(
        [sys.executable, "-m", module, *args],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE if hold else None,
        text=True,
    )


def _holding(folder: Path, prefix: str) -> subprocess.Popen[str]:
    """Another process that wrote five pages and still has the cache open."""
    writer = _writer(folder, prefix, 5, 20_000, hold=True)
    assert writer.stdout is not None
    while (line := writer.stdout.readline()) and line.strip() != "holding":
        assert line.strip(), "the writer ended before it held the cache"
    return writer


def test_a_run_beside_another_spares_the_pages_the_other_is_still_reading(
    tmp_path: Path,
) -> None:
    # A cron job beside the app evicted the pages the app had written before the job
    # began: the app's briefing could no longer be reopened ("100 no longer cached").
    reading = _holding(tmp_path, "a")
    beside = Cache(tmp_path, max_bytes=1)  # smaller than one page: evicts all it may
    beside.put_page("b", _page("b"))
    assert all(beside.page_ref(f"a-{n}") is not None for n in range(5))
    beside.close()
    assert reading.stdin is not None
    reading.stdin.close()
    assert reading.wait(timeout=60) == 0
    # Once it has closed the cache, its pages are evicted as any others.
    later = Cache(tmp_path, max_bytes=1)
    later.put_page("c", _page("c"))
    assert all(later.page_ref(f"a-{n}") is None for n in range(5))
    later.close()


def test_a_run_killed_with_the_cache_open_spares_nothing_after_it(tmp_path: Path) -> None:
    killed = _holding(tmp_path, "k")
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    later = Cache(tmp_path, max_bytes=1)
    later.put_page("c", _page("c"))
    assert all(later.page_ref(f"k-{n}") is None for n in range(5))
    later.close()
    assert list((tmp_path / "running").iterdir()) == []  # its mark was cleared


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    writers = [_writer(tmp_path, name, 60, 2000) for name in ("a", "b")]
    outputs = [w.communicate(timeout=120)[0].split() for w in writers]
    assert all(w.returncode == 0 for w in writers)
    assert not any("WARN" in out for out in outputs)
    cache = Cache(tmp_path)
    for name in ("a", "b"):
        for n in range(60):
            ref = cache.page_ref(f"{name}-{n}")
            assert ref is not None and cache.result("read", ref.digest) == {"n": n}
    conn = sqlite3.connect(tmp_path / CACHE_FILE)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_writer_killed_mid_write_leaves_every_earlier_page(tmp_path: Path) -> None:
    writer = _writer(tmp_path, "k", 100_000, 200_000)  # large writes: the kill lands in one
    assert writer.stdout is not None
    done = [writer.stdout.readline().strip() for _ in range(15)]
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    conn = sqlite3.connect(tmp_path / CACHE_FILE)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    said, warn = _warnings()
    cache = Cache(tmp_path, warn=warn)
    assert not said
    for key in done:
        assert cache.page(key, key) is not None, key


# A wait for another process's write longer than any test may take (BUSY_TIMEOUT_MS is
# set to it): a call that waited for the holder is caught waiting, not let give up.
WAITED_FOR_EVER_MS = 600_000


def _done_while_held(call: Callable[[], Any]) -> Any:
    """What `call` returns; it must be done while the file is still held (the holder lets
    go only after this), so one that waited on the holder fails here."""
    done: list[Any] = []
    thread = threading.Thread(target=lambda: done.append(call()), daemon=True)
    thread.start()
    thread.join(60)
    assert done, "it waited for the process holding the cache file"
    return done[0]


def _with_a_briefing(folder: Path) -> None:
    cache = Cache(folder)
    cache.add_briefing("2026-01-01T00:00:00+00:00", {"inputs": ["u"]})
    cache.close()


def _reading(folder: Path, warn: Callable[[str], None]) -> tuple[list[Any], bool]:
    """`briefing history`'s look at the cache: its rows, and whether it could read them."""
    look = Cache(folder, warn=warn, only_reads=True)
    rows, enabled = look.briefings(10), look.enabled
    look.close()
    return rows, enabled


def test_the_history_is_read_at_once_while_another_process_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_a_briefing(tmp_path)
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_MS", WAITED_FOR_EVER_MS)
    said, warn = _warnings()
    with held(tmp_path):
        # Opening took the write lock to check the tables: 26 s, then an empty history.
        rows, enabled = _done_while_held(lambda: _reading(tmp_path, warn))
    assert [data for _, _, data in rows] == [{"inputs": ["u"]}]
    assert enabled and said == []


def test_a_cache_that_keeps_readers_out_is_said_to_leave_the_history_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_a_briefing(tmp_path)
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_MS", 100)
    said, warn = _warnings()
    with held(tmp_path, from_readers=True):
        rows, enabled = _reading(tmp_path, warn)
    assert rows == [] and not enabled
    assert said == [
        f"the cache file {tmp_path / CACHE_FILE} is busy in another process; "
        "the history cannot be read."
    ]


def test_a_run_on_a_held_file_reads_it_and_does_not_wait_for_each_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = Cache(tmp_path)
    digest = earlier.put_page("k", _page("k"))
    earlier.put_result("read", digest, b'{"n": 1}')
    earlier.close()
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_MS", WAITED_FOR_EVER_MS)
    said, warn = _warnings()

    def run() -> tuple[Cache, Any, Any, Any, int | None]:
        cache = Cache(tmp_path, warn=warn)
        page, result = cache.page("k", "k"), cache.result("read", digest)  # each marks a use
        for n in range(5):
            cache.put_page(f"n{n}", _page(f"n{n}"))
        added = cache.add_briefing("2026-01-01T00:00:00+00:00", {"inputs": ["u"]})
        return cache, page, result, cache.page_ref("n0"), added

    with held(tmp_path):
        # Each write waited its whole busy_timeout (and one raised "generator didn't yield").
        cache, page, result, written, added = _done_while_held(run)
    assert page is not None and result == {"n": 1}  # read as ever
    assert written is None and added is None  # skipped, not waited for
    cache.put_page("later", _page("later"))  # the file freed: written again
    assert cache.page_ref("later") is not None and said == []
    cache.close()


def test_what_a_held_file_kept_out_is_written_once_it_frees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Cache(tmp_path).close()
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_MS", WAITED_FOR_EVER_MS)
    with held(tmp_path):
        cache = _done_while_held(lambda: Cache(tmp_path))
        assert _done_while_held(lambda: cache.add_briefing("t", {"inputs": ["u"]})) is None
        _done_while_held(lambda: cache.mark_read(["k"], "t"))
    # The history is written again at its next change; the read mark waited for the file.
    assert cache.add_briefing("t", {"inputs": ["u"]}) is not None
    cache.close()
    assert Cache(tmp_path).read_keys(["k"]) == {"k"}


def test_a_briefing_a_file_held_to_the_end_kept_out_of_the_history_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Cache(tmp_path).close()
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_MS", 100)
    said, warn = _warnings()
    with held(tmp_path):
        cache = Cache(tmp_path, warn=warn)
        assert cache.add_briefing("t", {"inputs": ["u"]}) is None  # while it was read
        cache.last_writes()
        assert cache.add_briefing("t", {"inputs": ["u"]}) is None  # waited, and given up
        cache.mark_read(["k"], "t")
        cache.close()
    assert said == [
        f"the cache file {tmp_path / CACHE_FILE} was busy in another process for more than "
        "0.1 s, so this briefing is not in the history and the articles read in this run are "
        "not marked read."
    ]


@pytest.mark.parametrize("then_writes", [True, False], ids=["then-writes", "then-closes"])
def test_a_cache_folder_deleted_while_briefing_runs_is_said_once(
    tmp_path: Path, then_writes: bool
) -> None:
    folder = tmp_path / "cache"
    said, warn = _warnings()
    cache = Cache(folder, warn=warn)
    id = cache.add_briefing("t", {"inputs": ["u"]})
    assert id is not None
    shutil.rmtree(folder)  # the reader clears the cache folder
    if then_writes:
        cache.update_briefing(id, {"inputs": ["u", "v"]})
        cache.mark_read(["k"], "t")
    cache.close()
    assert len(said) == 1 and "history" in said[0], said
    assert said[0].startswith(f"the cache file {folder / CACHE_FILE} was deleted or replaced")
    assert not folder.exists()


def test_a_file_where_the_cache_folder_should_be_is_named_as_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "hostname"
    blocker.write_text("x")
    said, warn = _warnings()
    Cache(blocker, warn=warn)
    Cache(blocker / "sub", warn=warn)
    assert said == [
        f"the cache folder {blocker} is a file, not a folder; briefing carries on without its "
        "cache.",
        f"the cache folder {blocker / 'sub'} could not be made: {blocker} is a file; briefing "
        "carries on without its cache.",
    ]


def test_a_disk_filling_mid_run_says_the_history_entry_stops_there(tmp_path: Path) -> None:
    # After "database or disk is full" the run went on without its cache, and its entry
    # in the history read "63 articles, 25 not read" for good, with no word of why.
    import os

    said, warn = _warnings()
    cache = Cache(tmp_path, warn=warn)
    entry = cache.add_briefing("2026-12-07T09:00:00+00:00", {"articles": []})
    assert entry is not None and cache._conn is not None
    # A full disk as SQLite meets it: the file may not grow by more than a few pages.
    pages = cache._conn.execute("PRAGMA page_count").fetchone()[0]
    cache._conn.execute(f"PRAGMA max_page_count = {pages + 4}")
    for n in range(10):
        cache.put_page(f"p{n}", _page(f"p{n}", os.urandom(20_000).hex()))
    assert cache.enabled is False
    assert len(said) == 1 and "full" in said[0]
    assert f"briefing {entry} in the history keeps only what was saved before" in said[0]
    cache.close()
