"""Which briefing processes have the cache open, and since when.

The cap never evicts rows a run has used since it began (`Cache._evict`): they are the
briefing it is reading. Another process knew only its own start, so a second run beside
a long one (a cron job beside the app) evicted the pages the first had written before
the second began; the first briefing then could not be reopened. Each run that may write
leaves a small file in the cache folder's `running/` while it has the cache open, named
for its process and holding the time it began; an eviction spares what was used since
the oldest run still alive. A file whose process is gone (killed, crashed) is removed by
the next run that looks.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

RUNS_FOLDER = "running"


def register(folder: Path, since: float) -> Path | None:
    """Leave this run's file in `folder`; None when it cannot be written (a read-only
    folder: the run then only spares its own rows, as before)."""
    runs = folder / RUNS_FOLDER
    path = runs / f"{os.getpid()}-{secrets.token_hex(4)}"
    try:
        runs.mkdir(exist_ok=True)
        path.write_text(repr(since), encoding="ascii")
    except OSError:
        return None
    return path


def unregister(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def oldest_open(folder: Path, since: float) -> float:
    """The earliest start among the runs alive now that have the cache in `folder` open,
    and `since` (this run's own start)."""
    try:
        entries = list((folder / RUNS_FOLDER).iterdir())
    except OSError:
        return since
    oldest = since
    for entry in entries:
        pid, _, _ = entry.name.partition("-")
        if not pid.isdigit():
            continue
        if not _alive(int(pid)):
            with contextlib.suppress(OSError):
                entry.unlink()
            continue
        try:
            began = float(entry.read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # being written, or not ours: spares nothing
        oldest = min(oldest, began)
    return oldest


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process of that number: alive, not ours to judge
        return True
    return True
