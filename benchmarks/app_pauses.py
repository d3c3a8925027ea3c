"""The app as `briefing` runs it, with what holds its event loop logged: every full garbage
collection and every listing of a side pane, each with how long it took.

Run by `benchmarks/scale.py --app-pauses N` through a pseudo-terminal:
`python benchmarks/app_pauses.py LOG [briefing's arguments...]`.
"""

from __future__ import annotations

import gc
import sys
import time
from typing import Any


def main() -> None:
    log = open(sys.argv[1], "w", buffering=1)  # noqa: SIM115 (open while the app runs)
    from tui.app import analysis_panes

    rebuild = analysis_panes._AnalysisList._rebuild

    def timed(self: Any) -> None:
        started = time.perf_counter()
        rebuild(self)
        took = time.perf_counter() - started
        log.write(f"list {type(self).__name__} {took:.4f} {len(self.rows)}\n")

    analysis_panes._AnalysisList._rebuild = timed  # type: ignore[method-assign]
    began = [0.0]

    def collection(phase: str, info: dict[str, int]) -> None:
        # Only full collections: the young generations take a millisecond or two.
        if info["generation"] != 2:
            return
        if phase == "start":
            began[0] = time.perf_counter()
        else:
            log.write(f"gc {time.perf_counter() - began[0]:.4f}\n")

    gc.callbacks.append(collection)
    sys.argv = ["briefing", *sys.argv[2:]]
    from tui.__main__ import main as briefing

    briefing()


if __name__ == "__main__":
    main()
