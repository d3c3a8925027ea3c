"""Extraction benchmark: ours vs plain readability-lxml vs trafilatura on one corpus, one run.

Reads `../shared/eval/scrapinghub/` (relative to the repository root) and scores each
extractor with that corpus's own metric (see its README): multisets of 4-word shingles,
per-page precision and recall from normalised counts, averaged over pages, F1 of the two
averages, and a bootstrap standard deviation over 1,000 resamples of the pages.

    nice python benchmarks/extraction.py            # the whole corpus
    nice python benchmarks/extraction.py --limit 20 # a quick look

It prints figures; it never asserts them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "eval" / "scrapinghub"
sys.path.insert(0, str(REPO))

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_scores(prediction: str, truth: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the metric leaves the page out."""
    pred, gold = shingles(prediction), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return None, None
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    precision = tp_n / (tp_n + fp_n) if pred else None
    recall = tp_n / (tp_n + fn_n) if gold else None
    return precision, recall


def aggregate(scores: list[tuple[float | None, float | None]]) -> tuple[float, float, float]:
    precisions = [p for p, _ in scores if p is not None]
    recalls = [r for _, r in scores if r is not None]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, p, r


def bootstrap_std(
    scores: list[tuple[float | None, float | None]], rounds: int = 1000, seed: int = 0
) -> tuple[float, float, float]:
    rng = random.Random(seed)
    samples = [aggregate(rng.choices(scores, k=len(scores))) for _ in range(rounds)]
    return tuple(statistics.pstdev(s[i] for s in samples) for i in range(3))  # type: ignore[return-value]


# ------------------------------------------------------------------------- extractors


def ours(html: str, url: str | None) -> str:
    from tui.pipeline.clean import clean
    from tui.pipeline.extract import extract
    from tui.pipeline.model import PipelineError

    try:
        extracted = extract(html, url)
    except PipelineError:
        return ""
    kept, _ = clean(extracted.blocks, extracted.metadata)
    return "\n".join(b.text for b in kept)


def plain_readability(html: str, url: str | None) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    if not summary.strip():
        return ""
    # text_content() would glue "end.</p><p>Next" into one word and break shingles.
    return "\n".join(lxml.html.fromstring(summary).itertext())


def trafilatura_precision(html: str, url: str | None) -> str:
    import trafilatura

    # Comments are not the article; with them trafilatura scores 0.959 instead of the 0.964
    # the corpus README reports for it.
    return trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or ""


EXTRACTORS: dict[str, Callable[[str, str | None], str]] = {
    "ours": ours,
    "readability-lxml": plain_readability,
    "trafilatura": trafilatura_precision,
}


@dataclass
class Result:
    scores: list[tuple[float | None, float | None]] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)


def load_corpus(limit: int | None) -> list[tuple[str, str, str | None, str]]:
    if not CORPUS.is_dir():
        sys.exit(
            f"The benchmark corpus is missing: expected {CORPUS} "
            "(the shared eval data next to the repository)."
        )
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id in sorted(truth)[: limit or None]:
        html = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        pages.append((page_id, html.decode("utf-8"), entry.get("url"), entry["articleBody"]))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument(
        "--only", choices=sorted(EXTRACTORS), action="append", help="run only these extractors"
    )
    parser.add_argument("--worst", type=int, default=10, help="pages where ours loses most")
    args = parser.parse_args()

    pages = load_corpus(args.limit)
    names = args.only or list(EXTRACTORS)
    # Warm-up: imports and first-call caches are not per-page cost.
    for name in names:
        EXTRACTORS[name](pages[0][1], pages[0][2])

    results = {name: Result() for name in names}
    for _page_id, html, url, body in pages:
        for name in names:
            start = time.perf_counter()
            text = EXTRACTORS[name](html, url)
            results[name].ms.append((time.perf_counter() - start) * 1000)
            results[name].scores.append(page_scores(text, body))

    print(f"{len(pages)} pages from {CORPUS}")
    print(
        f"{'extractor':<18} {'F1':>14} {'precision':>14} {'recall':>14} "
        f"{'median ms':>10} {'p95 ms':>8}"
    )
    for name in names:
        res = results[name]
        f1, p, r = aggregate(res.scores)
        sf, sp, sr = bootstrap_std(res.scores)
        ms = sorted(res.ms)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        print(
            f"{name:<18} {f1:.3f} ± {sf:.3f}  {p:.3f} ± {sp:.3f}  {r:.3f} ± {sr:.3f}  "
            f"{statistics.median(ms):>10.1f} {p95:>8.1f}"
        )

    if "ours" in results and args.worst:
        best_other = [n for n in names if n != "ours"]
        print(f"\n{args.worst} pages where ours loses most (page-level F1 gap to the best other):")
        rows = []
        for i, (page_id, _html, url, _body) in enumerate(pages):

            def f1_of(name: str, i: int = i) -> float:
                p, r = results[name].scores[i]
                p, r = p or 0.0, r or 0.0
                return 2 * p * r / (p + r) if p + r else 0.0

            mine = f1_of("ours")
            other = max((f1_of(n) for n in best_other), default=1.0)
            p, r = results["ours"].scores[i]
            rows.append((other - mine, page_id, url, mine, other, p, r))
        rows.sort(key=lambda row: row[0], reverse=True)
        for gap, page_id, url, mine, other, p, r in rows[: args.worst]:
            print(
                f"  gap {gap:+.3f}  ours F1 {mine:.3f} (P {p or 0:.3f} R {r or 0:.3f})  "
                f"best other {other:.3f}  {page_id[:12]}  {url}"
            )


if __name__ == "__main__":
    main()
