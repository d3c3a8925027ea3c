"""A separate process that writes to a cache, for the multi-process and SIGKILL tests.

    python -m tests.pipeline.cache_writer FOLDER PREFIX COUNT BODY_BYTES [hold]

Stores COUNT pages and a result for each, printing each key once its write committed.
With "hold", then prints "holding" and keeps the cache open until its stdin closes, as a
briefing still being read does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tui.pipeline.cache import Cache
from tui.pipeline.model import FetchedPage


def main() -> None:
    folder, prefix, count, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    cache = Cache(Path(folder), warn=lambda line: print("WARN", line, flush=True))
    for n in range(count):
        key = f"{prefix}-{n}"
        # Random bytes do not compress: every write is as large as asked.
        html = os.urandom(size).hex()
        digest = cache.put_page(
            key, FetchedPage(key, f"https://x.example/{key}", html.encode(), "utf-8", "t")
        )
        cache.put_result("read", digest, b'{"n": %d}' % n)
        print(key, flush=True)
    if sys.argv[5:] == ["hold"]:
        print("holding", flush=True)
        sys.stdin.read()
    cache.close()


if __name__ == "__main__":
    main()
