"""A cache file another process holds for writing, as a write left open in a sqlite3 shell
(or a backup) leaves it: for the tests of what briefing does meanwhile."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from tui.pipeline.cache import CACHE_FILE


@contextlib.contextmanager
def held(folder: Path, *, from_readers: bool = False) -> Iterator[None]:
    """The cache file in `folder` held for writing until the block ends: a connection of
    this process in BEGIN EXCLUSIVE, with a row written. `from_readers`: in exclusive
    locking mode, which keeps readers out too (WAL readers are otherwise never held)."""
    conn = sqlite3.connect(folder / CACHE_FILE, isolation_level=None, check_same_thread=False)
    try:
        if from_readers:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("INSERT OR REPLACE INTO read_state VALUES ('held', 'now')")
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        conn.close()
