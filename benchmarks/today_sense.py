"""What "today" means, as the timeline reads it, against sentences labelled by people.

On web pages "today" is as often our age ("today's consumers are less loyal", "today, it
is no longer an experiment": TIMEX3's PRESENT_REF) as the day the page was written ("the
court said today", "sign up today!"). `data/today_labels.tsv` holds 500 such sentences of
../shared/eval/web-extraction, drawn at random on 2026-12-07 (300 on the extraction
split's development pages, 200 on its held-out pages) and labelled DAY or NOWADAYS by
helpers who never saw the timeline's answers. Only the labels and a hash of each sentence
are kept (the sentences are the corpus's); a sentence is found again by its hash.

For each half it prints how many the timeline reads right, beside the plain reading every
date library gives ("today" is always the day) in the same run:

    nice .venv/bin/python benchmarks/today_sense.py

Held-out labels are scored, never listed. `--show dev` lists the development sentences read
wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline_pages import CORPUS, corpus_pages, page_timeline  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "today_labels.tsv"


def sentence_key(sentence: str) -> str:
    return hashlib.sha256(" ".join(sentence.split()).encode()).hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["dev"], help="list the development sentences read wrong")
    args = parser.parse_args()
    if not (CORPUS / "ground-truth.json").is_file():
        sys.exit(f"The corpus is missing: expected {CORPUS} (the shared eval data).")
    rows = [
        line.split("\t")
        for line in LABELS.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    wanted = {(page, key): (half, label) for half, page, key, label in rows}
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    read: dict[tuple[str, str], tuple[str, str]] = {}
    for page_id, extracted in corpus_pages(truth, None, {page for _, page, _, _ in rows}):
        _, entries = page_timeline(extracted)
        for e in entries:
            key = (page_id, sentence_key(e.sentence))
            # (With its date in brackets it is one entry: "today (May 2, 2004)".)
            said = e.expression.lower()
            if (
                (said == "today" or said.startswith("today ("))
                and key in wanted
                and key not in read
            ):
                sense = "NOWADAYS" if e.value == "PRESENT_REF" else "DAY"
                read[key] = (sense, " ".join(e.sentence.split()))
    for half in ("dev", "held"):
        tally: Counter[tuple[str, str]] = Counter()
        for key, (h, label) in wanted.items():
            if h != half:
                continue
            sense, sentence = read.get(key, ("MISSING", ""))
            tally[(label, sense)] += 1
            if args.show == half and sense != label:
                print(f"  {label} read as {sense}: {sentence[:160]}")
        n = sum(tally.values())
        ours = tally[("DAY", "DAY")] + tally[("NOWADAYS", "NOWADAYS")]
        plain = sum(v for (label, _), v in tally.items() if label == "DAY")
        missing = sum(v for (_, sense), v in tally.items() if sense == "MISSING")
        name = "development" if half == "dev" else "held-out"
        print(
            f"{name:12} {n} sentences ({n - plain} nowadays): ours {ours}/{n} = {ours / n:.3f}, "
            f"'today' always the day {plain}/{n} = {plain / n:.3f}"
            + (f"; {missing} no longer found (the page reads differently)" if missing else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
