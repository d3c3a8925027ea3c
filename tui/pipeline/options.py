"""Knobs a reader can turn from the command line, shared by every stage that needs them."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
# Each worker holds its own spaCy model (~200 MB with our tables): more than this many
# costs more memory than a reader's machine should give a news reader. (Here, not in
# `workers`, so `--help` can say it without importing the pool.)
MAX_DEFAULT_WORKERS = 4


# Open files a briefing holds beside its fetches (stdio and the terminal, the log, the
# cache and the history, the forkserver and the resource tracker: 13 seen in a headless
# run, doubled for the app and for what a library opens), and for each worker process (its
# pipe and sentinel) and each page fetched at once (its connection, and a second one for a
# redirect to another site).
FILES_BESIDE_FETCHES = 32
FILES_PER_WORKER = 3
FILES_PER_FETCH = 2


def fetches_that_fit(concurrency: int, workers: int | None, open_files: int | None) -> int:
    """How many pages may be fetched at once under a limit of `open_files`: `concurrency`,
    or fewer where the limit leaves no room for them (`ulimit -n 64` with 64 at once
    failed every article), never less than one."""
    if open_files is None:
        return concurrency
    room = open_files - FILES_BESIDE_FETCHES - FILES_PER_WORKER * (workers or MAX_DEFAULT_WORKERS)
    return max(1, min(concurrency, room // FILES_PER_FETCH))


@dataclass(frozen=True)
class Options:
    """How the pipeline fetches and analyses, from the config file and the command line."""

    concurrency: int = 8
    timeout: float = 20.0  # seconds for a whole fetch, connect to last byte
    max_bytes: int = 10 * MB  # cap on the body as decoded, so a gzip bomb stops here too
    analysis: bool = True  # entities and timeline; off for scripts that want only the text
    workers: int | None = None  # worker processes for the CPU stages; None: one per core
    per_feed: int = 20  # newest items taken from each feed
    refresh: bool = False  # fetch again even when the cache holds the page
    offline: bool = False  # never touch the network: pages come from the cache or fail


@dataclass(frozen=True)
class CacheSettings:
    """Where the cache lives and how large it may grow (`--cache-dir`, `--cache-size`)."""

    folder: str | None = None  # None: the user's cache folder (platformdirs)
    max_bytes: int = 500 * MB
