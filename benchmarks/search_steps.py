"""How long `n` takes to go to the next highlight of a search with many hits, against the
search itself (which paints every hit) in the same run; each timed with the drawing of
the pane's lines that follows it.

A step changes two highlights, so it should cost a small part of the search, whatever
the number of hits. Run: `python benchmarks/search_steps.py [--paragraphs N] [--hits K]`
(a local page of N paragraphs with K hits each; defaults 5,000 and 6). A page of one huge
paragraph: `--paragraphs 1 --hits 50000`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from tui.app.main import create_app
from tui.pipeline.options import Options

WORD = "ration"


def page(paragraphs: int, hits: int) -> str:
    line = " ".join(f"The {WORD} card number {k} was handed out." for k in range(hits))
    body = "\n".join(f"<p>{n}. {line}</p>" for n in range(paragraphs))
    head = "<head><title>Many hits</title></head>"
    return f"<html>{head}<body><article>{body}</article></body></html>"


async def measure(path: Path, steps: int) -> tuple[float, list[float], int]:
    app = create_app([str(path)], Options(analysis=False, workers=1))
    async with app.run_test(size=(140, 40)) as pilot:
        await app.wait_settled(600)
        await pilot.press("j")
        await app.wait_settled(600)
        view = app.article_view
        started = time.perf_counter()
        view.search(WORD)
        view.render_lines(view.size.region)  # what the next frame draws
        search = time.perf_counter() - started
        took = []
        for _ in range(steps):
            started = time.perf_counter()
            view.step(1)
            view.render_lines(view.size.region)
            took.append(time.perf_counter() - started)
        await pilot.pause()
        return search, took, len(view.marks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=5000)
    parser.add_argument("--hits", type=int, default=6)
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "many-hits.html"
        path.write_text(page(args.paragraphs, args.hits))
        search, steps, marks = asyncio.run(measure(path, args.steps))
    step = statistics.median(steps)
    print(f"{marks:,} hits in {args.paragraphs:,} paragraphs")
    print(f"search and its drawing:    {search * 1000:8.1f} ms")
    worst = max(steps) * 1000
    print(f"n and its drawing, median of {len(steps)}: {step * 1000:8.1f} ms  (max {worst:.1f})")
    print(f"step / search:             {step / search:8.3f}")


if __name__ == "__main__":
    main()
