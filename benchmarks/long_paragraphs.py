"""How the parse and the analysis after it (entities, timeline, time modifiers) grow with
a paragraph that is one long list: thousands of dates, years or clocks in one sentence, the
shape of a chronology, a flattened table or a hostile page.

For each shape and size the spaCy parse of the paragraph is timed beside the analysis of
that parse, in the same run, and their ratio printed: the parse grows about in step with
the text, so a ratio that grows with the size is work that grows faster than the text
(each date asking something of the whole sentence). The parse itself is compared with the
parse of prose of the same length ("sentences", timed first): a shape whose parse/prose
grows with the size is one spaCy's tokenizer reads in time that grows faster than the
text (a run of marks with no space, peeled off one at a time). The analysed part of an
article is at most `stages.MAX_ANALYSED_CHARS` characters, the largest size here.

Run from the repo root:
`nice python benchmarks/long_paragraphs.py [--sizes 8000,32000] [--shape NAME]`.
It prints figures; it never asserts them.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.pipeline import nlp  # noqa: E402
from tui.pipeline.entities import find_entities  # noqa: E402
from tui.pipeline.model import Block, BlockKind  # noqa: E402
from tui.pipeline.stages import MAX_ANALYSED_CHARS  # noqa: E402
from tui.pipeline.timeline import build_timeline, time_modifiers  # noqa: E402

# Words a date, a clock or a length is made of, drawn at random into a "sentence".
_DATE_TEXT = (
    "January Feb. March 12 1 2019 1999 '99 ago last next this year years month week day "
    "Monday Tuesday's the of to and - – / , . : 10:30 a.m. p.m. 3pm noon midnight earlier "
    "later since until by in on at before after 20th century 1990s early late Q3 quarter "
    "fiscal season spring today tomorrow now recently six 15th first half 2019-20 GMT ET ( ) "
    "'s Sunday night morning decade hours minutes 30 1,000 every weekly annual"
)
_DATE_WORDS = _DATE_TEXT.split()


def _repeated(piece: str) -> Callable[[int], str]:
    return lambda n: (piece * (n // len(piece) + 1))[:n]


def _date_soup(n: int) -> str:
    pick = random.Random(7).choice
    words: list[str] = []
    length = 0
    while length < n:
        words.append(pick(_DATE_WORDS))
        length += len(words[-1]) + 1
    return " ".join(words)


# Prose, the peer every shape's parse is compared with; timed first.
PROSE = "sentences"
SHAPES: dict[str, Callable[[int], str]] = {
    PROSE: _repeated("It happened on Monday, Jan. 5, at 10 a.m., two years after the war. "),
    "list of dates": _repeated("January 1, "),
    "years in brackets": _repeated("(1999) "),
    "years, odd spaces": _repeated("1999 \u00a0\u2009 "),
    "clocks": _repeated("12:30 "),
    "weekdays": _repeated("Monday "),
    "weekday nights": _repeated("The minister resigned on Tuesday night "),
    "'Today' capitalised": _repeated("Today "),
    "decades in words": _repeated("Disco ruled the nineteen seventies, "),
    "clauses, no stops": _repeated("Profit in the first half rose 4% "),
    "a list of names": _repeated("Mr John Smith, Ms Mary Jones, Dr Peter Brown, "),
    "a list of bodies": _repeated("the North Harbour Board, the South Harbour Board, "),
    "date soup": _date_soup,
    "a run of brackets": _repeated("("),
    "a run of marks": _repeated("!?=+$"),
    "clock marks": _repeated("0:"),
    "initials": _repeated("U.S. "),
    "weekdays and commas": _repeated("Sunday, "),
}


def time_one(text: str) -> tuple[float, float]:
    """Seconds for the parse of `text` as one paragraph, and for the analysis after it."""
    blocks = [Block(BlockKind.PARAGRAPH, text)]
    start = time.perf_counter()
    docs = nlp.parse_blocks(blocks)
    parsed = time.perf_counter()
    find_entities(blocks, docs)
    timeline = build_timeline(blocks, "2019-06-15", False, docs)
    time_modifiers(docs, timeline)
    return parsed - start, time.perf_counter() - parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = f"8000,32000,{MAX_ANALYSED_CHARS}"
    parser.add_argument("--sizes", default=default, help="characters, comma-separated")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    time_one("A warm-up: the model loads on Monday.")
    print(
        f"{'shape':20} {'chars':>8} {'parse s':>8} {'analysis s':>11} {'ratio':>6}"
        f" {'parse/prose':>12}"
    )
    prose: dict[int, float] = {}
    for name, make in SHAPES.items():
        if args.shape and name not in args.shape and name != PROSE:
            continue
        ratios = []
        for size in sizes:
            parse, analysis = time_one(make(size))
            prose.setdefault(size, parse)
            ratios.append(analysis / max(parse, 1e-3))
            print(
                f"{name:20} {size:8} {parse:8.2f} {analysis:11.2f} {ratios[-1]:6.2f}"
                f" {parse / max(prose[size], 1e-3):12.2f}"
            )
        growth = ratios[-1] / max(ratios[0], 1e-3)
        print(f"{name:20} analysis/parse grew x{growth:.1f} over x{sizes[-1] / sizes[0]:.0f} text")


if __name__ == "__main__":
    main()
