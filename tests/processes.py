"""Processes on this machine, read from Linux /proc: what a test (or benchmark) started."""

from __future__ import annotations

import signal
from pathlib import Path


def ctrl_c_as_at_a_prompt() -> None:
    """For Popen's `preexec_fn`: the child takes Ctrl+C as a command typed at a prompt does.

    A test run started as a background job of a script (`pytest ... &`) ignores SIGINT, as
    POSIX shells make background jobs do, and children inherit an ignored signal: every
    Ctrl+C test then failed, though briefing was right to stay (the job was not meant to
    hear the terminal's Ctrl+C)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, children first."""
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], list(kids.get(pid, []))
    while todo:
        child = todo.pop(0)
        found.append(child)
        todo += kids.get(child, [])
    return found


def running(pid: int) -> bool:
    """The process exists and is not a zombie (killed, not yet reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")
