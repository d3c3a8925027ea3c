"""What an article of a large site costs the same-site boilerplate cut (`tui.pipeline.
recurring`), which runs on the event loop as each article is read.

N articles of one site, each with its own paragraphs, the site's template lines and a few
related headlines shared with others, are added to one `RecurringIndex`; the time of each
quarter of the arrivals is printed, and the last quarter's against the first (a ratio in
the same run, so the machine's load cancels out: near 1 when an arrival costs the same
however large the site has grown, near 7 when it grows with the site). Then a tenth of
them are forgotten (a reload) and timed. A signature of the cuts is printed, so two
versions can be shown to cut the same blocks.

Run from the repo root: `nice .venv/bin/python benchmarks/recurring.py [--articles 2000]`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.pipeline.model import Article, Block, BlockKind  # noqa: E402
from tui.pipeline.recurring import RecurringIndex  # noqa: E402

TEMPLATE = [f"Subscribe to our newsletter number {i} for the latest updates." for i in range(6)]


def _article(n: int, rng: random.Random) -> Article:
    article = Article(input=f"https://site.example/a/{n}")
    article.url = article.input
    story = [f"Story {n} paragraph {k}: the council voted {rng.random():.6f}." for k in range(14)]
    related = [f"Related headline {rng.randrange(200)} about the harbour." for _ in range(3)]
    article.blocks = [Block(BlockKind.PARAGRAPH, t) for t in story + TEMPLATE + related]
    return article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    n = max(4, args.articles)
    rng = random.Random(1)
    articles = [_article(i, rng) for i in range(n)]
    index = RecurringIndex()
    quarters: list[float] = []
    start = time.perf_counter()
    for i, article in enumerate(articles, 1):
        index.add(article)
        if i % (n // 4) == 0 and len(quarters) < 4:
            quarters.append(time.perf_counter() - start - sum(quarters))
    kept = sum(len(a.blocks) for a in articles)
    cut = sum(len(a.removed) for a in articles)
    start = time.perf_counter()
    for article in articles[: n // 10]:
        index.forget(article)
    forget = time.perf_counter() - start
    print(f"{n} articles of one site: adding took {sum(quarters):.2f} s")
    print("  by quarter of arrivals: " + ", ".join(f"{q:.2f} s" for q in quarters))
    print(f"  last quarter / first: {quarters[-1] / max(quarters[0], 1e-9):.1f}x")
    print(f"forgetting {n // 10} of them: {forget:.2f} s ({forget / (n // 10) * 1000:.1f} ms each)")
    print(f"cuts: {kept} blocks kept, {cut} cut (before the forgetting)")


if __name__ == "__main__":
    main()
