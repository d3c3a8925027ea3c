"""How often a page's text comes out garbled: bytes read in the wrong encoding.

Reads every page of ../shared/eval (ScrapingHub and web-extraction: CleanEval, Dragnet)
and decodes it two ways:

- labels: as a browser does (WHATWG): a byte-order mark, else the <meta charset> the
  page names (latin-1 read as windows-1252), else UTF-8 with U+FFFD for what is not;
- ours:   `tui.pipeline.decode.decode_html`, as briefing reads a page.

For each it counts the pages whose text holds the marks of a wrong reading: UTF-8 read
as a single-byte code page ("CafÃ©", "â€™", "Â£") or Windows quotes turned into C1
controls (U+0080-U+009F), and how many such marks there are. It prints figures and
asserts nothing.

    nice .venv/bin/python benchmarks/decoding.py
"""

from __future__ import annotations

import gzip
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.pipeline.decode import decode_html  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
CORPORA = ("scrapinghub", "web-extraction")
# UTF-8's two- and three-byte letters read as windows-1252, and C1 controls.
GARBLED = re.compile(
    "Ã[\u0080-\u00bf\u0152-\u0178\u2013-\u2122]|Â[\u0080-\u00bf]|â€|[\u0080-\u009f]"
)
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WINDOWS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


def as_labelled(body: bytes) -> str:
    """The page as a browser reads its bytes: BOM, then the <meta> label, then UTF-8."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", "replace")
    meta = _META.search(body[:4096])
    label = meta.group(1).decode("ascii", "ignore").lower() if meta else "utf-8"
    label = "utf-8" if label.startswith("utf-16") else _WINDOWS.get(label, label)
    try:
        return body.decode(label, "replace")
    except LookupError:
        return body.decode("utf-8", "replace")


def main() -> None:
    paths = sorted(p for c in CORPORA for p in (EVAL / c / "html").glob("*.html.gz"))
    if not paths:
        sys.exit(f"The benchmark corpora are missing: expected them under {EVAL}.")
    ways = {"labels": as_labelled, "ours": lambda body: decode_html(body, None)[0]}
    pages = dict.fromkeys(ways, 0)
    marks = dict.fromkeys(ways, 0)
    took = dict.fromkeys(ways, 0.0)
    for path in paths:
        body = gzip.decompress(path.read_bytes())
        for name, decode in ways.items():
            start = time.perf_counter()
            text = decode(body)
            took[name] += time.perf_counter() - start
            found = len(GARBLED.findall(text))
            pages[name] += found > 0
            marks[name] += found
    print(f"{len(paths)} pages ({', '.join(CORPORA)})")
    for name in ways:
        print(
            f"  {name:7} pages with garbled text {pages[name]:5}   marks {marks[name]:6}"
            f"   {1000 * took[name] / len(paths):.2f} ms a page"
        )


if __name__ == "__main__":
    main()
