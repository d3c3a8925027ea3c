"""Authors read from a printed byline, on the ScrapingHub pages that declare none.

For each page: the authors its metadata declares (`page_metadata`) and those extraction
gives (`extract`, which adds a printed byline's names when the metadata has none). A page
"gains" authors when it declared none and extraction found some. The corpus has no gold
authors: whether a gain is right is judged by reading the page (`--show` lists them).

Pages whose md5(id) is divisible by 3 are held out: they were never looked at while the
byline reading was written, only counted; they are never listed.

    nice .venv/bin/python benchmarks/bylines.py          # figures, each half apart
    nice .venv/bin/python benchmarks/bylines.py --show   # each development page's gain

It prints figures; it never asserts them.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tui.pipeline.extract import extract  # noqa: E402
from tui.pipeline.extract_meta import page_metadata  # noqa: E402
from tui.pipeline.extract_parse import parse  # noqa: E402
from tui.pipeline.model import PipelineError  # noqa: E402

CORPUS = REPO.parent / "shared" / "eval" / "scrapinghub"


def held_out(page_id: str) -> bool:
    return int(hashlib.md5(page_id.encode()).hexdigest(), 16) % 3 == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list each development page's gain")
    args = parser.parse_args()
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    counts = {half: [0, 0, 0, 0] for half in ("dev", "held-out")}  # pages, declared, none, gained
    for page_id in sorted(truth):
        half = "held-out" if held_out(page_id) else "dev"
        url = truth[page_id]["url"]
        html = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes()).decode()
        declared = page_metadata(parse(html), url).authors
        try:
            found = extract(html, url).metadata.authors
        except PipelineError:
            found = declared
        tally = counts[half]
        tally[0] += 1
        tally[1 if declared else 2] += 1
        if found != declared:
            tally[3] += 1
            if args.show and half == "dev":
                print(f"{page_id[:12]}  {url}\n    {found}")
    for half, (pages, declared, none, gained) in counts.items():
        print(
            f"{half}: {pages} pages, {declared} declare authors, {none} declare none; "
            f"{gained} gain authors from a printed byline"
        )


if __name__ == "__main__":
    main()
