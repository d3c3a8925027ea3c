"""Reopening a cached briefing beside reading it for the first time.

100 real news pages (the first 100 of ../shared/eval/scrapinghub by file name) are served
from a loopback HTTP server. The app (driven headless by Textual's pilot, 160x50) opens
them twice over:

- cold: an empty cache; every page fetched, extracted, cleaned and analysed;
- warm: the same briefing again, from the cache the cold run filled.

Each run is timed from the app's start until it has settled: every article finished,
the merged entities and timeline computed and every pane drawn ("all panes filled").
The warm run also reports when the first article's row was drawn. Cold and warm runs
alternate, each cold run with a fresh cache folder.

The same pair is then timed headless, as a script runs it: `briefing -f json URL...`
as a process, start to exit, with an empty cache and then with the filled one.

Run from the repo root: `nice .venv/bin/python benchmarks/cache.py [--articles 100] [--runs 2]`.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAGES = ROOT.parent / "shared" / "eval" / "scrapinghub" / "html"
SETTLE_LIMIT = 1800.0  # seconds: a hang fails the benchmark instead of running forever


class _Pages(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, bytes]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = self.pages.get(self.path.lstrip("/"))
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")


def serve(count: int) -> Iterator[list[str]]:
    files = sorted(PAGES.glob("*.html.gz"))[:count]
    if len(files) < count:
        sys.exit(f"{PAGES} holds {len(files)} pages; {count} asked for")
    _Pages.pages = {f.name.removesuffix(".gz"): gzip.decompress(f.read_bytes()) for f in files}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    try:
        yield [f"http://{host}:{port}/{name}" for name in _Pages.pages]
    finally:
        server.shutdown()


async def open_briefing(urls: list[str], folder: Path) -> tuple[float, float, list[object]]:
    """Seconds to the first drawn article row and to settled; the articles."""
    from tui.app.main import create_app
    from tui.pipeline.options import CacheSettings, Options

    app = create_app(urls, Options(), cache=CacheSettings(str(folder)))
    start = time.perf_counter()
    first_row = float("nan")
    async with app.run_test(size=(160, 50)):
        while app.article_list.row_count < 2:
            await asyncio.sleep(0.005)
        first_row = time.perf_counter() - start
        await app.wait_settled(SETTLE_LIMIT)
        settled = time.perf_counter() - start
        articles = list(app.briefing.articles) if app.briefing else []
    return first_row, settled, articles


def headless(urls: list[str], folder: Path) -> tuple[float, int]:
    """Seconds for `briefing -f json` on the URLs, start to exit; articles from the cache."""
    import json
    import subprocess

    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "-f", "json", "--cache-dir", str(folder), *urls],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    articles = json.loads(proc.stdout)["articles"]
    return seconds, sum(a["cached"] for a in articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--runs", type=int, default=2, help="cold/warm pairs")
    args = parser.parse_args()
    cold: list[float] = []
    warm: list[float] = []
    warm_first: list[float] = []
    script: dict[str, list[float]] = {"cold": [], "warm": []}
    for urls in serve(args.articles):
        for run in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="briefing-cache-bench-") as folder:
                for kind in ("cold", "warm"):
                    seconds, cached = headless(urls, Path(folder))
                    script[kind].append(seconds)
                    print(f"run {run + 1} headless {kind}: {seconds:7.2f} s  ({cached} cached)")
            with tempfile.TemporaryDirectory(prefix="briefing-cache-bench-") as folder:
                _, seconds, articles = asyncio.run(open_briefing(urls, Path(folder)))
                cold.append(seconds)
                ok = sum(getattr(a, "error", None) is None for a in articles)
                print(f"run {run + 1} cold: {seconds:7.2f} s  ({ok}/{len(articles)} read)")
                first, seconds, articles = asyncio.run(open_briefing(urls, Path(folder)))
                warm.append(seconds)
                warm_first.append(first)
                cached = sum(bool(getattr(a, "cached", False)) for a in articles)
                size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
                print(
                    f"run {run + 1} warm: {seconds:7.2f} s  ({cached}/{len(articles)} from "
                    f"the cache; first row {first * 1000:.0f} ms; cache {size:.1f} MB)"
                )
    c, w = statistics.median(cold), statistics.median(warm)
    print(f"\n{args.articles} articles, median of {args.runs}:")
    print(f"  processing from the loopback server (cold): {c:.2f} s")
    print(f"  reopening from the cache (warm):            {w:.2f} s")
    first = statistics.median(warm_first) * 1000
    print(f"  first article row drawn (warm):             {first:.0f} ms")
    print(f"  ratio cold / warm:                          {c / w:.1f}x")
    hc, hw = statistics.median(script["cold"]), statistics.median(script["warm"])
    print(f"  headless -f json, cold / warm:              {hc:.2f} s / {hw:.2f} s = {hc / hw:.1f}x")


if __name__ == "__main__":
    main()
