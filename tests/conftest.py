from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server import FixtureServer, serve
from tui.pipeline import workers

# Before any forkserver starts: see tests/worker_preload.py.
workers.PRELOAD.append("tests.worker_preload")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def site() -> Iterator[FixtureServer]:
    """A real HTTP server on 127.0.0.1 serving tests/fixtures/pages and failure routes:
    /404 /500 /slow?s=N /loop /moved/<page> /delay/<page>?s=N /huge /bomb /pdf /empty
    (/delay/feeds/<name>?s=N: a feed after a pause);
    /feeds/<name>[?type=...] serves tests/fixtures/feeds with {base} filled in."""
    yield from serve()


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Config and cache go to the user's XDG folders; tests must never touch the real ones.
    root = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
