"""How well a page's own dates stand in for a publication date it does not give.

A third of the pages of ../shared/eval/web-extraction give no date; their timelines are
read against a stand-in. This benchmark takes the pages that do give one, hides it, and
compares three stand-ins against the truth:

- fetch:    the day the page was fetched (what briefing did before; here a fixed day,
            2026-12-03, as a reader today would fetch these pages);
- htmldate: htmldate's own text search (`find_date(extensive_search=True)`) over the
            same words (the date lines and the cleaned article), the plain library's answer;
- ours:     `standin_anchor`: a date in the byline or date lines the cleaner cut, else the
            latest date the text names with its year.

For each: how many pages it gives a date for, how far that date is from the true one
(within a week, a month, a year), and how many of the page's dated timeline entries keep
the value they have when read against the true date ("entries agree").

The dated pages are split in two by a salted hash of their id, fixed before any page was
read for this work: rules may be tuned on the development half; the held-out half is only
ever scored, and its pages are never listed.

    nice .venv/bin/python benchmarks/standin.py              # both halves
    nice .venv/bin/python benchmarks/standin.py --show dev   # each development page
    nice .venv/bin/python benchmarks/standin.py --dev-only   # or --held-only: one half

It prints figures; it never asserts them. Its last line is the stand-in's cost beside the
spaCy parse of the same pages (the app parses every page; it looks for a stand-in only
on a page with no date).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline_pages import CORPUS, corpus_pages  # noqa: E402

FETCHED = "2026-12-03"
# Changing the salt would reshuffle the halves and spoil the held-out one: never change it.
_SPLIT_SALT = "briefing/standin-split/2026-12-03"
WAYS = ("fetch", "htmldate", "ours")


def half(page_id: str) -> str:
    digest = hashlib.sha256(f"{_SPLIT_SALT}:{page_id}".encode()).digest()
    return "dev" if digest[0] < 128 else "held"


@dataclass
class Tally:
    pages: int = 0
    given: dict[str, int] = field(default_factory=lambda: dict.fromkeys(WAYS, 0))
    week: dict[str, int] = field(default_factory=lambda: dict.fromkeys(WAYS, 0))
    month: dict[str, int] = field(default_factory=lambda: dict.fromkeys(WAYS, 0))
    year: dict[str, int] = field(default_factory=lambda: dict.fromkeys(WAYS, 0))
    entries: int = 0
    agree: dict[str, int] = field(default_factory=lambda: dict.fromkeys(WAYS, 0))


def htmldate_on_text(text: str) -> str | None:
    from htmldate import find_date

    html = (
        "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>"
    )
    try:
        return find_date(html, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # the peer's own failure counts as no answer
        return None


def main() -> int:
    from xml.sax.saxutils import escape

    from tui.pipeline import nlp
    from tui.pipeline.clean import clean
    from tui.pipeline.stages import date_lines, head_cuts
    from tui.pipeline.timeline import build_timeline
    from tui.pipeline.timeline.standin import standin_anchor

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", choices=["dev"], default=None, help="list development pages")
    parser.add_argument("--dev-only", action="store_true", help="score the development half only")
    parser.add_argument("--held-only", action="store_true", help="score the held-out half only")
    args = parser.parse_args()
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    tallies = {"dev": Tally(), "held": Tally()}
    parse_s = standin_s = 0.0
    for page_id, extracted in corpus_pages(truth, args.limit):
        published = extracted.metadata.published
        if (
            published is None
            or (args.dev_only and half(page_id) != "dev")
            or (args.held_only and half(page_id) != "held")
        ):
            continue
        kept, removed = clean(extracted.blocks, extracted.metadata, extracted.removed)
        if not kept:
            continue
        t0 = time.perf_counter()
        docs = nlp.parse_blocks(kept)
        t1 = time.perf_counter()
        title = extracted.metadata.title
        ours = standin_anchor(kept, docs, FETCHED, date_lines(removed), title, head_cuts(removed))
        parse_s += t1 - t0
        standin_s += time.perf_counter() - t1
        true_day = date.fromisoformat(published[:10])
        guesses = {
            "fetch": FETCHED,
            "htmldate": htmldate_on_text(
                "\n".join(
                    escape(t)
                    for t in [
                        title or "",
                        *date_lines(removed),
                        *head_cuts(removed),
                        *(b.text for b in kept),
                    ]
                )
            ),
            "ours": ours,
        }
        right = {
            (e.block, e.start): e.value
            for e in build_timeline(kept, published, docs=docs)
            if not e.vague
        }
        t = tallies[half(page_id)]
        t.pages += 1
        t.entries += len(right)
        for way, guess in guesses.items():
            if guess is None:
                guess = FETCHED  # no answer: the page is read as of its fetch, as before
            else:
                t.given[way] += 1
            off = abs((date.fromisoformat(guess[:10]) - true_day).days)
            t.week[way] += off <= 7
            t.month[way] += off <= 31
            t.year[way] += off <= 365
            read = build_timeline(kept, guess, True, docs=docs)
            got = {(e.block, e.start): e.value for e in read}
            t.agree[way] += sum(got.get(k) == v for k, v in right.items())
        if args.show and half(page_id) == "dev":
            print(f"{page_id}\t{published[:10]}\t" + "\t".join(f"{w}={guesses[w]}" for w in WAYS))
    for name, t in tallies.items():
        if not t.pages:
            continue
        print(f"{name}: {t.pages} dated pages, {t.entries} dated entries")
        for way in WAYS:
            n = max(t.pages, 1)
            print(
                f"  {way:<9} gives a date {t.given[way]:>4}  within a week {t.week[way] / n:.3f}"
                f"  a month {t.month[way] / n:.3f}  a year {t.year[way] / n:.3f}"
                f"  entries agree {t.agree[way] / max(t.entries, 1):.3f}"
            )
    pages = max(sum(t.pages for t in tallies.values()), 1)
    print(
        f"ms per page: spaCy parse {1000 * parse_s / pages:.1f}, stand-in (given the parse)"
        f" {1000 * standin_s / pages:.1f} = {100 * standin_s / max(parse_s, 1e-9):.1f}%"
        " of the parse"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
