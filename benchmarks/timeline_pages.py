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
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "eval" / "web-extraction"
# The anchor of a page that gives no date: any fixed day keeps two runs comparable.
NO_DATE_ANCHOR = "2012-07-24T00:00:00+00:00"


def main() -> None:
    from tui.pipeline.clean import clean
    from tui.pipeline.extract import extract
    from tui.pipeline.model import PipelineError
    from tui.pipeline.timeline import build_timeline
    from tui.pipeline.timex import entry_label

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--sentences", action="store_true", help="add each entry's sentence")
    parser.add_argument("--sample", type=int, default=None, help="print only N random entries")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not (CORPUS / "ground-truth.json").is_file():
        sys.exit(f"The corpus is missing: expected {CORPUS} (the shared eval data).")
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth, key=lambda i: hashlib.sha256(i.encode()).hexdigest())[: args.limit]
    failed = 0
    lines: list[str] = []
    for page_id in ids:
        raw = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes())
        try:
            extracted = extract(raw.decode("utf-8", "replace"), truth[page_id].get("url"))
        except PipelineError:
            continue
        kept, _ = clean(extracted.blocks, extracted.metadata)
        try:
            entries = build_timeline(kept, extracted.metadata.published or NO_DATE_ANCHOR)
        except Exception as exc:  # any failure is what this run is for: name it, go on
            failed += 1
            print(f"{page_id}: the timeline raised {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for e in entries:
            sentence = "\t" + " ".join(e.sentence.split()) if args.sentences else ""
            lines.append(f"{page_id}\t{e.expression}\t{e.value}\t{entry_label(e)}{sentence}")
    if args.sample is not None:
        random.seed(args.seed)
        lines = random.sample(lines, min(args.sample, len(lines)))
    print("\n".join(lines))
    print(f"{len(ids)} pages, {failed} whose timeline raised", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
