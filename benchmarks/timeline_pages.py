"""The timeline of every page of ../shared/eval/web-extraction, one entry a line, for
comparing two commits on pages no rule was tuned on.

Each page goes through `extract` and `clean` as the app reads it; its own publication date
is the anchor (a fixed day when it gives none). Lines are tab-separated: page, expression,
value, the label the pane shows. A page whose timeline raises is named on stderr, and the
run exits 1. Pages are in a stable order, so two runs diff cleanly:

    nice .venv/bin/python benchmarks/timeline_pages.py > after.tsv
    git stash; nice .venv/bin/python benchmarks/timeline_pages.py > before.tsv; git stash pop
    diff before.tsv after.tsv

`--limit N` reads only the first N pages (in the order of a hash of their name, so a short
run is a fair sample of the whole); `--sentences` adds each entry's sentence, and
`--sample N --seed S` prints N entries drawn at random instead of all, for reading by eye.

`--uncovered` prints instead each span spaCy tagged DATE or TIME that no entry overlaps
(page, span, label, sentence), and their count on stderr: where to look for dates the
timeline drops. Most of them it should drop (ages, codes, scores, "daily"); reading them
sorted by shape finds the ones it should not.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tui.pipeline.extract import Extracted
    from tui.pipeline.model import TimelineEntry
CORPUS = ROOT.parent / "shared" / "eval" / "web-extraction"
# The fetch day of a page that gives no date: any fixed day keeps two runs comparable. As
# in the app, such a page is read as of the date its own words give, if any, up to this
# day; so it lies after the newest page (December 2012), as a real fetch would.
NO_DATE_ANCHOR = "2013-01-15T00:00:00+00:00"


def main() -> None:
    from tui.pipeline.timeline import time_modifiers
    from tui.pipeline.timex import entry_label

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--sentences", action="store_true", help="add each entry's sentence")
    parser.add_argument("--sample", type=int, default=None, help="print only N random entries")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--uncovered", action="store_true", help="spaCy dates no entry covers")
    parser.add_argument(
        "--modifiers", action="store_true", help="the times that date nothing, not the timeline"
    )
    args = parser.parse_args()
    if not (CORPUS / "ground-truth.json").is_file():
        sys.exit(f"The corpus is missing: expected {CORPUS} (the shared eval data).")
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    failed = 0
    lines: list[str] = []
    for page_id, extracted in corpus_pages(truth, args.limit):
        try:
            docs, entries = page_timeline(extracted)
        except Exception as exc:  # any failure is what this run is for: name it, go on
            failed += 1
            print(f"{page_id}: the timeline raised {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        if args.uncovered:
            lines.extend(f"{page_id}\t{line}" for line in uncovered(docs, entries))
            continue
        if args.modifiers:
            entries = time_modifiers(docs, entries)
        for e in entries:
            sentence = "\t" + " ".join(e.sentence.split()) if args.sentences else ""
            lines.append(f"{page_id}\t{e.expression}\t{e.value}\t{entry_label(e)}{sentence}")
    found = len(lines)
    if args.sample is not None:
        random.seed(args.seed)
        lines = random.sample(lines, min(args.sample, len(lines)))
    print("\n".join(lines))
    if args.uncovered:
        # All of them, when only a sample is printed.
        print(f"{found} spaCy DATE/TIME spans no entry covers", file=sys.stderr)
    pages = len(truth) if args.limit is None else min(args.limit, len(truth))
    print(f"{pages} pages, {failed} whose timeline raised", file=sys.stderr)
    sys.exit(1 if failed else 0)


def page_timeline(extracted: Extracted) -> tuple[list[Doc], list[TimelineEntry]]:
    """A page's parse and timeline as the app makes them: cleaned, and anchored on its own
    date, or on a stand-in (knowing it) when it gives none."""
    from tui.pipeline import nlp
    from tui.pipeline.clean import clean
    from tui.pipeline.stages import date_heads, date_lines, head_cuts
    from tui.pipeline.timeline import build_timeline
    from tui.pipeline.timeline.standin import standin_anchor

    kept, removed = clean(extracted.blocks, extracted.metadata, extracted.removed)
    docs = nlp.parse_blocks(kept)
    published = extracted.metadata.published
    title = extracted.metadata.title
    anchor = published or (
        standin_anchor(kept, docs, NO_DATE_ANCHOR, date_lines(removed), title, head_cuts(removed))
        or NO_DATE_ANCHOR
    )
    heads = date_heads(removed)
    return docs, build_timeline(kept, anchor, published is None, docs=docs, post_heads=heads)


def corpus_pages(
    truth: dict[str, Any], limit: int | None, only: set[str] | None = None
) -> Iterator[tuple[str, Extracted]]:
    """The corpus's pages that extract (or those of them named in `only`), each with what
    `extract` made of it, in the order of a hash of their name (so the first N are a fair
    sample)."""
    from tui.pipeline.extract import extract
    from tui.pipeline.model import PipelineError

    names = [i for i in truth if only is None or i in only]
    for page_id in sorted(names, key=lambda i: hashlib.sha256(i.encode()).hexdigest())[:limit]:
        raw = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes())
        try:
            yield page_id, extract(raw.decode("utf-8", "replace"), truth[page_id].get("url"))
        except PipelineError:
            continue


def uncovered(docs: list[Doc], entries: list[TimelineEntry]) -> list[str]:
    """spaCy's DATE/TIME spans that no entry of the same block overlaps, one line each."""
    out = []
    for block, doc in enumerate(docs):
        ranges = [(e.start, e.end) for e in entries if e.block == block]
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if any(s < ent.end_char and ent.start_char < e for s, e in ranges):
                continue
            sentence = " ".join(ent.sent.text.split())
            out.append(f"{' '.join(ent.text.split())}\t{ent.label_}\t{sentence}")
    return out


if __name__ == "__main__":
    main()
