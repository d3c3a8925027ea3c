"""The publication date of each page of ../shared/eval/web-extraction as the app reads it:
fetched at an address with no day in it (a shortened link, a saved copy), beside the same
page read with no address at all (as the other benchmarks read it).

The corpus gives no dates, so a date is counted as *confirmed* when the page's reference
text (ground-truth.json, written by people) spells that day out in a common form ("July
24, 2012", "24 Jul 2012", "7/24/2012", "2012-07-24"). Many pages print no date in their
text, so the figure is a floor, for comparing two commits:

    nice .venv/bin/python benchmarks/published_dates.py
    nice .venv/bin/python benchmarks/published_dates.py --list   # each page: with, without
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "eval" / "web-extraction"
NO_DAY_ADDRESS = "http://127.0.0.1:8741/{}"


def spelled_out(iso: str) -> list[str]:
    """The ways a reference text may write that day."""
    d = date.fromisoformat(iso[:10])
    forms = ["%B %-d, %Y", "%b %-d, %Y", "%b. %-d, %Y", "%-d %B %Y", "%-d %b %Y", "%Y-%m-%d"]
    forms += ["%m/%d/%Y", "%-m/%-d/%Y", "%-m/%-d/%y", "%B %-d", "%b. %-d", "%-d %B"]
    return [d.strftime(f) for f in forms]


def main() -> None:
    import lxml.html

    from tui.pipeline.extract_meta import page_metadata

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="each page's two dates")
    args = parser.parse_args()
    if not (CORPUS / "ground-truth.json").is_file():
        sys.exit(f"The corpus is missing: expected {CORPUS} (the shared eval data).")
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    dated = agree = confirmed = confirmed_bare = pages = 0
    for page_id in sorted(truth):
        raw = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", "replace")
        try:
            fetched = page_metadata(lxml.html.fromstring(html), NO_DAY_ADDRESS.format(page_id))
            bare = page_metadata(lxml.html.fromstring(html), None)
        except Exception:  # a page lxml cannot read is not this measure's
            continue
        pages += 1
        text = truth[page_id].get("articleBody") or ""
        with_, without = fetched.published, bare.published
        dated += with_ is not None
        agree += with_ == without
        confirmed += with_ is not None and any(f in text for f in spelled_out(with_))
        confirmed_bare += without is not None and any(f in text for f in spelled_out(without))
        if args.list:
            print(f"{page_id}\t{with_}\t{without}")
    print(
        f"{pages} pages fetched at an address with no day: {dated} dated, {confirmed} of "
        f"them on a day their reference text spells out; the same as read with no address: "
        f"{agree} (with no address: {confirmed_bare} confirmed)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
