"""What the app keeps between runs: which articles were read, the theme picked, and the
cache they live in. Every function here that touches the disk is blocking and is called
from a thread worker, never on the event loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.app.text import one_line

if TYPE_CHECKING:
    from tui.pipeline.briefing import Briefing
    from tui.pipeline.cache import Cache
    from tui.pipeline.options import CacheSettings


def open_cache(settings: CacheSettings, warn: Callable[[str], None]) -> Cache:
    """The cache; a problem with it is a warning (in words, one line), never a failure."""
    from tui.pipeline.cache import open_cache as open_it

    return open_it(settings, lambda line: warn(one_line(line)))


def sentence(line: str) -> str:
    """`line` begun with a capital, as a toast is: the pipeline's words are written to
    follow "briefing: " on stderr."""
    return line[:1].upper() + line[1:]


def keep_theme(name: str) -> str | None:
    """Write the theme to the config file; the problem in words when that fails."""
    from tui.config import save

    try:
        save("theme", name)
    except (OSError, ValueError) as exc:
        return f"Could not keep the theme: {one_line(str(exc), 200)}"
    return None


class ReadState:
    """Read or unread for each article (by index), as the cache remembers it."""

    def __init__(self) -> None:
        self.known: dict[int, bool] = {}
        self._asked: set[int] = set()

    def get(self, index: int) -> bool | None:
        return self.known.get(index)

    def to_ask(self, indices: list[int]) -> list[int]:
        """Those of `indices` not looked up yet (now counted as asked)."""
        new = [i for i in indices if i not in self._asked]
        self._asked.update(new)
        return new

    def look_up(self, cache: Cache, briefing: Briefing, indices: list[int]) -> None:
        """Blocking: learn from the cache which of `indices` were read before."""
        from tui.pipeline.identity import input_key

        keys = [input_key(briefing.articles[i].input) for i in indices]
        found = cache.read_keys(keys)
        for index, key in zip(indices, keys, strict=True):
            self.known.setdefault(index, key in found)

    def opened(self, index: int) -> bool:
        """The reader opened article `index`; True when that is news (it was unread)."""
        if self.known.get(index):
            return False
        self.known[index] = True
        return True


def store_read(cache: Cache, input: str) -> None:
    """Blocking: remember that the article for `input` was read."""
    from tui.pipeline.history import now
    from tui.pipeline.identity import input_key

    cache.mark_read([input_key(input)], now())
