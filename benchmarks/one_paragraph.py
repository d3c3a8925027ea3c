"""How long the app takes to open, and to resize, a page that is one huge paragraph, with
its lines found a line at a time (`tui.app.line_breaks`) against Rich's `divide_line`,
both in the same run.

Each is timed under Textual's pilot: the opening of the article (building its paragraphs
and breaking them into lines), then a resize of the terminal to a narrower width (the
lines broken again, the screen drawn). The breaking alone of that paragraph at the pane's
width is timed beside them.

Run from the repo root: `nice python benchmarks/one_paragraph.py [--mb 9] [--runs 3]`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich._wrap import divide_line  # noqa: E402

from tui.app import document, reader  # noqa: E402
from tui.app.line_breaks import line_breaks  # noqa: E402
from tui.app.main import create_app  # noqa: E402
from tui.pipeline.options import Options  # noqa: E402

POST = (
    "#{n} Re: the bridge closure \u2014 posted by river_watch on 12 March: I drove past it "
    "yesterday and the engineers said \u201cone more week\u201d\u2026 the detour via the "
    "Kharkiv\u00a0road adds 40\u00a0km, so leave early. "
)


def thread(mb: float) -> str:
    """A forum thread dumped as one paragraph of about `mb` megabytes."""
    return "".join(POST.format(n=n) for n in range(int(mb * 1_000_000 / len(POST))))


def page(body: str) -> str:
    return f"<html><head><title>A thread</title></head><body><p>{body}</p></body></html>"


def _by_rich(text: str, width: int) -> list[int]:
    return divide_line(text, width, fold=True)


async def measure(path: Path, breaker: Callable[[str, int], list[int]]) -> tuple[float, float]:
    """The opening of the page's article and a resize, in seconds, with `breaker`."""
    document.line_breaks = breaker  # type: ignore[assignment]  # what `Document._wrap` calls
    rebuild = reader.ArticleView._rebuild
    took: list[float] = []

    def timed(self: Any) -> None:
        started = time.perf_counter()
        rebuild(self)
        took.append(time.perf_counter() - started)

    reader.ArticleView._rebuild = timed  # type: ignore[method-assign]
    try:
        app = create_app([str(path)], Options(analysis=False, workers=1))
        async with app.run_test(size=(140, 40)) as pilot:
            await app.wait_settled(600)
            took.clear()
            await pilot.press("j")
            await app.wait_settled(600)
            opened = max(took)
            started = time.perf_counter()
            await pilot.resize_terminal(100, 40)
            await pilot.pause()
            resized = time.perf_counter() - started
    finally:
        reader.ArticleView._rebuild = rebuild  # type: ignore[method-assign]
        document.line_breaks = line_breaks
    return opened, resized


def breaking(text: str, width: int, runs: int) -> tuple[float, float]:
    """The median time of breaking `text` at `width`: a line at a time, and by Rich."""
    fast, rich = [], []
    for _ in range(runs):
        started = time.perf_counter()
        ours = line_breaks(text, width)
        fast.append(time.perf_counter() - started)
        started = time.perf_counter()
        theirs = divide_line(text, width, fold=True)
        rich.append(time.perf_counter() - started)
        assert ours == theirs
    return statistics.median(fast), statistics.median(rich)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=9.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    text = thread(args.mb)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "thread.html"
        path.write_text(page(text))
        results: dict[str, list[tuple[float, float]]] = {"line_breaks": [], "divide_line": []}
        for _ in range(args.runs):  # alternated, so both meet the same load
            results["line_breaks"].append(asyncio.run(measure(path, line_breaks)))
            results["divide_line"].append(asyncio.run(measure(path, _by_rich)))
    print(f"one paragraph of {len(text) / 1e6:.1f} M characters, median of {args.runs}")
    opened = {k: statistics.median(o for o, _ in v) for k, v in results.items()}
    resized = {k: statistics.median(r for _, r in v) for k, v in results.items()}
    for name in results:
        times = f"open {opened[name] * 1000:7.0f} ms  resize {resized[name] * 1000:7.0f} ms"
        print(f"{name:12} {times}")
    ours, rich = "line_breaks", "divide_line"
    open_ratio, resize_ratio = opened[ours] / opened[rich], resized[ours] / resized[rich]
    print(f"{'ratio':12} open {open_ratio:10.3f}  resize {resize_ratio:10.3f}")
    fast, slow = breaking(text, 100, args.runs)
    ms = f"{fast * 1000:.0f} ms against {slow * 1000:.0f} ms"
    print(f"breaking alone at 100 cells: {ms}, ratio {fast / slow:.3f}")


if __name__ == "__main__":
    main()
