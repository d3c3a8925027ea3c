"""briefing: a terminal reader for news briefings."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # importlib.metadata costs ~25 ms to import; the app's first frame must not pay it,
    # so the version is looked up only when someone asks for it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("briefing")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0"
    raise AttributeError(f"module 'tui' has no attribute {name!r}")
