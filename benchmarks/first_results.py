"""How soon a briefing shows its first article's text and its first entities, beside the
network alone in the same run.

Pages: the first N of `../shared/eval/scrapinghub`, served by a loopback HTTP server that
holds each response `--delay` seconds (a news site's answer is rarely quicker). Each run is
a fresh interpreter, as a launch is: the worker processes, their server and spaCy all start
cold, and nothing is cached (no cache is opened). Measured from the moment the pipeline's
session is made (the app makes it once its first frame is up):

- first text: the first article extracted and cleaned (it goes on to be analysed);
- first entities: the first article analysed (its entities and timeline in the panes);
- all: every article done.

The peer, in the same interpreter before the briefing: the same pages fetched with httpx
alone, the first and the last response; the ratios say what the pipeline adds to waiting
for the network. Medians over `--runs` runs.

`--warm-server`: the workers' server also reads and analyses a demo article before it
forks any (as the test suite's does, `tests/worker_preload.py`), so every worker starts
with spaCy and the tables loaded: what the app would get by paying that load up front.

Run from the repo root: `nice .venv/bin/python benchmarks/first_results.py [--pages 6]
[--delay 0.5] [--runs 5] [--warm-server]`.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = ROOT.parent / "shared" / "eval" / "scrapinghub" / "html"


class _Slow(BaseHTTPRequestHandler):
    bodies: ClassVar[list[bytes]] = []
    delay: ClassVar[float] = 0.0

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        time.sleep(self.delay)
        body = self.bodies[int(self.path.strip("/").split("/")[-1])]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


async def _fetch_alone(urls: list[str]) -> tuple[float, float]:
    import httpx

    started = time.perf_counter()
    first: list[float] = []

    async def one(client: httpx.AsyncClient, url: str) -> None:
        (await client.get(url)).raise_for_status()
        first.append(time.perf_counter() - started)

    async with httpx.AsyncClient() as client:
        await asyncio.gather(*(one(client, url) for url in urls))
    return min(first), time.perf_counter() - started


async def _briefing(urls: list[str]) -> dict[str, float]:
    from tui.pipeline.model import Stage
    from tui.pipeline.options import Options
    from tui.pipeline.session import Session
    from tui.pipeline.workers import WorkerPool

    started = time.perf_counter()
    seen: dict[str, float] = {}

    def changed(article: object) -> None:
        stage = getattr(article, "stage", None)
        at = time.perf_counter() - started
        if stage is Stage.ANALYSING:
            seen.setdefault("text", at)
        elif stage is Stage.DONE and getattr(article, "entities", None) is not None:
            seen.setdefault("entities", at)

    pool = WorkerPool()
    session = Session(Options(), on_change=changed, pool=pool)
    for url in urls:
        session.add(url)
    await session.join()
    seen["all"] = time.perf_counter() - started
    await session.close()
    pool.close()
    return seen


def child(count: int, delay: float, warm_server: bool) -> None:
    """One launch: the network alone, then the briefing, as one JSON line."""
    if warm_server:
        from tui.pipeline import workers

        workers.PRELOAD.append("tests.worker_preload")
    files = sorted(PAGES.glob("*.html.gz"))[:count]
    _Slow.bodies = [gzip.decompress(f.read_bytes()) for f in files]
    _Slow.delay = delay
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"http://127.0.0.1:{server.server_port}/{i}" for i in range(len(files))]
    first_fetch, last_fetch = asyncio.run(_fetch_alone(urls))
    seen = asyncio.run(_briefing(urls))
    server.shutdown()
    print(json.dumps({"first_fetch": first_fetch, "last_fetch": last_fetch, **seen}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--delay", type=float, default=0.5, help="seconds each response waits")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm-server", action="store_true", help="load spaCy before forking")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.pages, args.delay, args.warm_server)
        return
    if not PAGES.is_dir():
        sys.exit(f"The pages are missing: expected {PAGES} (the shared eval data).")
    runs = []
    for _ in range(args.runs):
        done = subprocess.run(
            [sys.executable, __file__, "--child", "--pages", str(args.pages),
             "--delay", str(args.delay), *(["--warm-server"] if args.warm_server else [])],
            capture_output=True, text=True, check=True, cwd=ROOT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    fetch, last = median("first_fetch"), median("last_fetch")
    print(f"{args.pages} pages, {args.delay} s a response, medians of {args.runs} launches:")
    print(f"network alone: first page {fetch:.2f} s, all {last:.2f} s")
    for key, what in (("text", "first text"), ("entities", "first entities")):
        print(f"{what:15}: {median(key):.2f} s = {median(key) / fetch:.2f}x the first page")
    print(f"{'all done':15}: {median('all'):.2f} s = {median('all') / last:.2f}x all pages")


if __name__ == "__main__":
    main()
